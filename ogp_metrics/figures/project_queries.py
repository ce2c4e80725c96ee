"""Projects decided by participation as of a date: per edition, per sector, per stage, and
their delivery over time.

- A project counts from 31 December of its edition's year (the year it was chosen).
- It is *delivered* when its stage is `delivery` or `done` and its delivery date, when given,
  is on or before the date. Its stage is the file's current one: looking back, a delivery dated
  after the date is not yet counted, but an older stage is not known.
- The share delivered is of every project won, abandoned ones included, in percent to one
  decimal (half up).
- A project with no sector is city-wide: its budget is never added to a sector's.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ogp_metrics.contract.vocabulary import DELIVERED
from ogp_metrics.figures.filters import NO_FILTERS, Filters, filtered
from ogp_metrics.figures.sql import Cursor, frame, percent

_DELIVERED_STAGES = ", ".join(repr(stage) for stage in DELIVERED)
IS_DELIVERED = (f"(status IN ({_DELIVERED_STAGES}) "
                "AND (delivery_date IS NULL OR delivery_date <= $as_of))")
COUNTED = "(SELECT * FROM projects WHERE make_date(edition, 12, 31) <= $as_of)"

PROJECTS_BY = """
SELECT {group} AS group_key, count(*) AS projects, coalesce(sum(amount_eur), 0) AS amount_eur,
       count(*) FILTER (WHERE {delivered}) AS delivered,
       {share} AS delivered_pct
FROM {counted}
GROUP BY ALL ORDER BY group_key NULLS LAST
"""
# Only these groupings exist; they are the contract's names, never user text.
PROJECT_GROUPS = {
    "edition": "edition",
    "sector": "coalesce(sector, 'citywide')",
    "status": "status",
}

DELIVERIES = f"""
WITH monthly AS (
    SELECT date_trunc('month', delivery_date) AS month, count(*) AS delivered
    FROM {COUNTED}
    WHERE {IS_DELIVERED} AND delivery_date IS NOT NULL
    GROUP BY 1
)
SELECT month, delivered, sum(delivered) OVER (ORDER BY month) AS delivered_to_date
FROM monthly ORDER BY month
"""

PROJECT_LIST = f"""
SELECT project_id, title, edition, coalesce(sector, 'citywide') AS sector, amount_eur, status,
       theme, lead, delivery_date, commitment_id, {IS_DELIVERED} AS delivered
FROM {COUNTED}
ORDER BY edition, _row
"""


def projects_by(cursor: Cursor, as_of: date, group: str, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Projects won, their budget, how many are delivered and the share delivered, per edition,
    sector or stage."""
    sql = PROJECTS_BY.format(group=PROJECT_GROUPS[group], delivered=IS_DELIVERED, counted=COUNTED,
                             share=percent(f"count(*) FILTER (WHERE {IS_DELIVERED})", "count(*)"))
    return frame(cursor, filtered(sql, filters), as_of=as_of, **filters.params())


def project_deliveries(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Projects delivered per month of their delivery date, and to date (undated ones left out)."""
    return frame(cursor, filtered(DELIVERIES, filters), as_of=as_of, **filters.params())


def projects(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Every counted project, with whether it is delivered as of the date."""
    return frame(cursor, filtered(PROJECT_LIST, filters), as_of=as_of, **filters.params())
