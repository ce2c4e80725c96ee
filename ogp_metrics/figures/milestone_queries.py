"""Milestones as of a date: status, progress, lateness; what falls due; progress over time."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from ogp_metrics.figures.filters import NO_FILTERS, Filters, filtered
from ogp_metrics.figures.risk_rules import MILESTONE_RISK, MILESTONE_TIME_ELAPSED
from ogp_metrics.figures.sql import Cursor, frame

# Each milestone's status and progress as of `$as_of` (see the package's definitions), the
# share of its planned time elapsed, and whether it is at risk (`risk_rules`).
MILESTONE_STATUS = f"""
WITH latest AS (
    SELECT milestone_id, arg_max(progress_pct, update_date) AS progress_pct,
           max(update_date) AS last_update
    FROM progress_updates WHERE update_date <= $as_of GROUP BY milestone_id
),
dated AS (
    SELECT m.milestone_id, m.commitment_id, m.title_fr, m.title_en, m.owner,
           m.start_date, m.due_date, m.completed_date, m.weight, m.evidence_url,
           CASE WHEN m.completed_date <= $as_of THEN 'complete'
                WHEN m.due_date < $as_of THEN 'overdue'
                WHEN m.start_date > $as_of THEN 'not_started'
                ELSE 'in_progress' END AS status,
           CASE WHEN m.completed_date <= $as_of THEN 100.0
                ELSE coalesce(l.progress_pct, 0.0) END AS progress_pct,
           CASE WHEN m.completed_date <= $as_of THEN NULL
                WHEN m.due_date < $as_of THEN date_diff('day', m.due_date, $as_of) END AS days_late,
           l.last_update,
           {MILESTONE_TIME_ELAPSED} AS time_elapsed_pct
    FROM milestones m LEFT JOIN latest l USING (milestone_id)
)
SELECT *, {MILESTONE_RISK} AS risk FROM dated
"""

MILESTONES = f"""
SELECT * FROM ({MILESTONE_STATUS})
WHERE ($f_statuses IS NULL OR list_contains($f_statuses::VARCHAR[], status))
ORDER BY commitment_id, due_date, milestone_id
"""

DUE_WITHIN = f"""
SELECT * FROM ({MILESTONE_STATUS})
WHERE ($f_statuses IS NULL OR list_contains($f_statuses::VARCHAR[], status))
  AND status <> 'complete' AND due_date BETWEEN $as_of AND $until
ORDER BY due_date, milestone_id
"""

# Each commitment's chosen milestones as one span: from the first start to the last due date,
# in the status of its least advanced milestone (overdue if any is; complete if all are).
COMMITMENT_SPANS = f"""
SELECT s.commitment_id, s.commitment_id AS milestone_id, c.title_fr, c.title_en, NULL AS owner,
       min(s.start_date) AS start_date, max(s.due_date) AS due_date,
       CASE WHEN bool_and(s.status = 'complete') THEN max(s.completed_date) END AS completed_date,
       CASE WHEN bool_or(s.status = 'overdue') THEN 'overdue'
            WHEN bool_and(s.status = 'complete') THEN 'complete'
            WHEN bool_and(s.status = 'not_started') THEN 'not_started'
            ELSE 'in_progress' END AS status,
       coalesce(sum(s.weight * s.progress_pct) / nullif(sum(s.weight), 0), 0.0) AS progress_pct,
       max(s.days_late) AS days_late, count(*) AS milestones,
       count(*) FILTER (WHERE s.status = 'complete') AS milestones_complete,
       count(*) FILTER (WHERE s.status = 'overdue') AS milestones_overdue
FROM ({MILESTONE_STATUS}) s JOIN commitments c USING (commitment_id)
WHERE ($f_statuses IS NULL OR list_contains($f_statuses::VARCHAR[], s.status))
GROUP BY ALL ORDER BY s.commitment_id
"""

# A milestone's progress over time: its reported updates, and 100 % on its completion date
# (the definition `MILESTONE_STATUS` uses), unless an update already falls on that day.
PROGRESS_SERIES = """
SELECT u.update_date AS date, u.milestone_id, m.commitment_id, m.title_fr, m.title_en,
       u.progress_pct, u.note, u.reported_by, 'update' AS source
FROM progress_updates u JOIN milestones m USING (milestone_id)
WHERE u.update_date <= $as_of
UNION ALL
SELECT m.completed_date, m.milestone_id, m.commitment_id, m.title_fr, m.title_en,
       100.0, NULL, NULL, 'completion'
FROM milestones m
WHERE m.completed_date <= $as_of
  AND NOT EXISTS (SELECT 1 FROM progress_updates u
                  WHERE u.milestone_id = m.milestone_id AND u.update_date = m.completed_date)
ORDER BY date, milestone_id
"""

PROGRESS_UPDATES = """
SELECT u.update_date, u.milestone_id, u.progress_pct, u.note, u.reported_by, m.commitment_id
FROM progress_updates u JOIN milestones m USING (milestone_id)
WHERE u.update_date <= $as_of
ORDER BY u.update_date, u.milestone_id
"""


def milestones(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Every chosen milestone with its status, progress and days late as of the date."""
    return frame(cursor, filtered(MILESTONES, filters), as_of=as_of, **filters.params())


def commitment_spans(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Each commitment's chosen milestones as one span (see `COMMITMENT_SPANS`), shaped like
    `milestones` (a timeline draws either), with their counts."""
    return frame(cursor, filtered(COMMITMENT_SPANS, filters), as_of=as_of, **filters.params())


def due_within(cursor: Cursor, as_of: date, days: int = 90,
               filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Milestones not complete whose due date falls in the next `days` days, soonest first."""
    return frame(cursor, filtered(DUE_WITHIN, filters), as_of=as_of, until=as_of + timedelta(days=days),
                 **filters.params())


def progress_series(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Each milestone's progress by date up to `as_of`: updates, then 100 when completed."""
    return frame(cursor, filtered(PROGRESS_SERIES, filters), as_of=as_of, **filters.params())


def progress_updates(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """The progress updates reported on or before the date, as staff wrote them."""
    return frame(cursor, filtered(PROGRESS_UPDATES, filters), as_of=as_of, **filters.params())
