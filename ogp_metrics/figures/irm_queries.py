"""The IRM's view as of a date: per commitment, the City's and the independent latest completion
side by side, and what OGP's Independent Reporting Mechanism said of it.

Completion, for each assessor, is `commitment_queries.LATEST_ASSESSMENTS` (the latest assessment
on or before the date that gives one; `not_assessed` when none): the same definition as the
Commitments page's. The IRM's potential impact, star and "did it open government?" are each its
latest assessment that gives that value (a design review gives the potential impact, an
end-of-term report whether it opened government).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ogp_metrics.figures.commitment_queries import LATEST_ASSESSMENTS, STAGE_ORDER
from ogp_metrics.figures.filters import NO_FILTERS, Filters, filtered
from ogp_metrics.figures.sql import Cursor, frame

_ORDER = f"(assessment_date, {STAGE_ORDER})"


def _latest(column: str, name: str | None = None) -> str:
    return (f"arg_max({column}, {_ORDER}) FILTER (WHERE {column} IS NOT NULL) "
            f"AS {name or column}")


INDEPENDENT = f"""
WITH assessed AS ({LATEST_ASSESSMENTS}),
independent AS (
    SELECT * FROM assessments WHERE assessor = 'independent' AND assessment_date <= $as_of
),
report AS (
    SELECT commitment_id, arg_max(stage, {_ORDER}) AS stage, arg_max(report_year, {_ORDER}) AS report_year,
           arg_max(report_url, {_ORDER}) AS report_url
    FROM independent WHERE completion IS NOT NULL GROUP BY commitment_id
),
judged AS (
    SELECT commitment_id, {_latest("potential_impact")}, {_latest("starred")},
           {_latest("did_it_open_government", "opened_government")},
           {_latest("report_url", "latest_report_url")}
    FROM independent GROUP BY commitment_id
)
SELECT c.commitment_id, c.title_fr, c.title_en,
       coalesce(s.completion, 'not_assessed') AS self_completion, s.assessment_date AS self_date,
       coalesce(i.completion, 'not_assessed') AS independent_completion,
       i.assessment_date AS independent_date, r.stage AS independent_stage, r.report_year,
       coalesce(r.report_url, j.latest_report_url) AS report_url,
       j.potential_impact, j.starred, j.opened_government
FROM commitments c
LEFT JOIN assessed s ON s.commitment_id = c.commitment_id AND s.assessor = 'self'
LEFT JOIN assessed i ON i.commitment_id = c.commitment_id AND i.assessor = 'independent'
LEFT JOIN report r ON r.commitment_id = c.commitment_id
LEFT JOIN judged j ON j.commitment_id = c.commitment_id
ORDER BY c.commitment_id
"""


def independent_assessments(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Each chosen commitment: the City's and the IRM's latest completion, the IRM's stage, report,
    potential impact, star and whether it opened government."""
    return frame(cursor, filtered(INDEPENDENT, filters), as_of=as_of, **filters.params())

