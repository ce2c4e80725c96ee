"""Commitments as of a date: weighted progress, milestone counts, the City's and the
independent assessments."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ogp_metrics.contract.vocabulary import STAGES
from ogp_metrics.figures.filters import NO_FILTERS, Filters, filtered
from ogp_metrics.figures.milestone_queries import MILESTONE_STATUS
from ogp_metrics.figures.sql import Cursor, frame

# The latest assessment that gives a completion level (an IRM design review gives none); two
# on one date are ordered by their OGP stage (an end-of-term report after a progress report).
STAGE_ORDER = f"coalesce(list_position([{', '.join(repr(stage) for stage in STAGES)}], stage), 0)"
LATEST_ASSESSMENTS = f"""
SELECT commitment_id, assessor,
       arg_max(completion, (assessment_date, {STAGE_ORDER})) AS completion,
       arg_max(did_it_open_government, (assessment_date, {STAGE_ORDER})) AS did_it_open_government,
       max(assessment_date) AS assessment_date
FROM assessments WHERE assessment_date <= $as_of AND completion IS NOT NULL
GROUP BY commitment_id, assessor
"""

# Each commitment's completion by the City (`self`) and by the independent mechanism, as of the
# date: the commitments' figures and the headline's counts by level read it.
COMPLETION_COLUMNS = """
       coalesce(s.completion, 'not_assessed') AS self_completion,
       s.assessment_date AS self_assessment_date,
       coalesce(ind.completion, 'not_assessed') AS independent_completion,
       ind.assessment_date AS independent_assessment_date,
       ind.did_it_open_government AS independent_did_it_open_government"""
COMPLETION_JOINS = """
LEFT JOIN assessed s ON s.commitment_id = c.commitment_id AND s.assessor = 'self'
LEFT JOIN assessed ind ON ind.commitment_id = c.commitment_id AND ind.assessor = 'independent'"""

COMPLETION = f"""
WITH assessed AS ({LATEST_ASSESSMENTS})
SELECT c.commitment_id, {COMPLETION_COLUMNS}
FROM commitments c {COMPLETION_JOINS}
ORDER BY c.commitment_id
"""

COMMITMENTS = f"""
WITH status AS ({MILESTONE_STATUS}),
assessed AS ({LATEST_ASSESSMENTS}),
progress AS (
    SELECT commitment_id,
           sum(weight * progress_pct) / nullif(sum(weight), 0) AS weighted_progress_pct,
           count(*) AS milestones,
           count(*) FILTER (WHERE status = 'complete') AS milestones_complete,
           count(*) FILTER (WHERE status = 'overdue') AS milestones_overdue,
           count(*) FILTER (WHERE risk IS NOT NULL) AS milestones_at_risk
    FROM status GROUP BY commitment_id
)
SELECT c.commitment_id, c.title_fr, c.title_en, c.lead_institution,
       i.name_fr AS lead_name_fr, i.name_en AS lead_name_en,
       coalesce(c.ogp_values, []) AS ogp_values, c.start_date, c.end_date,
       c.description_fr, c.description_en, {COMPLETION_COLUMNS},
       coalesce(p.weighted_progress_pct, 0.0) AS weighted_progress_pct,
       coalesce(p.milestones, 0) AS milestones,
       coalesce(p.milestones_complete, 0) AS milestones_complete,
       coalesce(p.milestones_overdue, 0) AS milestones_overdue,
       coalesce(p.milestones_at_risk, 0) AS milestones_at_risk
FROM commitments c
LEFT JOIN institutions i ON i.code = c.lead_institution {COMPLETION_JOINS}
LEFT JOIN progress p ON p.commitment_id = c.commitment_id
ORDER BY c.commitment_id
"""

ASSESSMENT_HISTORY = """
SELECT assessment_date, commitment_id, assessor, completion, did_it_open_government, note
FROM assessments
WHERE assessment_date <= $as_of
ORDER BY assessment_date, assessor
"""

TITLES = "SELECT commitment_id, title_fr, title_en, lead_institution FROM commitments ORDER BY commitment_id"


def commitments(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Every chosen commitment with its progress, milestone counts and both assessments."""
    return frame(cursor, filtered(COMMITMENTS, filters), as_of=as_of, **filters.params())


def completion(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Every chosen commitment's completion as `commitments` gives it, without its milestones'
    progress (what the headline counts by level)."""
    return frame(cursor, filtered(COMPLETION, filters), as_of=as_of, **filters.params())


def assessment_history(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Every assessment made on or before the date, oldest first."""
    return frame(cursor, filtered(ASSESSMENT_HISTORY, filters), as_of=as_of, **filters.params())


def commitment_titles(cursor: Cursor, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """The plan's commitments with their titles and lead institution, for filters and labels
    (the same on every date: the dashboard computes it once per data version)."""
    return frame(cursor, filtered(TITLES, filters), **filters.params())
