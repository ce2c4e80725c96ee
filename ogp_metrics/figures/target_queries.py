"""Each target with the value reached as of a date (counted from the first record), the day it
was reached, and its state (`risk_rules`: reached, on track, at risk or missed)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ogp_metrics.figures.filters import NO_FILTERS, Filters, filtered
from ogp_metrics.figures.risk_rules import TARGET_STATE
from ogp_metrics.figures.sql import Cursor, frame

# What each indicator counts, one dated amount per row: a target's value on a date is the sum
# of its indicator's amounts up to that date (of its commitment's rows, or of every row).
INDICATOR_EVENTS = """
SELECT 'meetings_held' AS indicator, commitment_id, date AS day, 1.0 AS amount FROM meetings
UNION ALL SELECT 'public_meetings_held', commitment_id, date, 1.0 FROM meetings WHERE is_public
UNION ALL SELECT 'participants', commitment_id, date, participants FROM participation_daily
UNION ALL SELECT 'contributions', commitment_id, date, coalesce(contributions, 0) FROM participation_daily
UNION ALL SELECT 'milestones_complete', commitment_id, completed_date, 1.0 FROM milestones
          WHERE completed_date IS NOT NULL
"""

# The period a target is measured over runs from the start of its commitment (or of the plan:
# plan.csv, else its first commitment) to its deadline.
TARGETS = f"""
WITH
-- A whole-plan target sums its indicator by day only; a commitment's target sums the rows of
-- its commitment: the records are grouped by commitment only for the commitments some target
-- names (grouping 200,000 daily sums by commitment took half the query at 10 M).
plan_daily AS (
    SELECT indicator, day, sum(amount) AS amount FROM ({INDICATOR_EVENTS})
    WHERE day <= $as_of AND indicator IN (SELECT indicator FROM targets WHERE commitment_id IS NULL)
    GROUP BY ALL
),
daily AS (
    SELECT indicator, commitment_id, day, sum(amount) AS amount FROM ({INDICATOR_EVENTS})
    WHERE day <= $as_of AND indicator IN (SELECT indicator FROM targets WHERE commitment_id IS NOT NULL)
      AND commitment_id IN (SELECT commitment_id FROM targets)
    GROUP BY ALL
),
-- A whole-plan target runs over the plan's daily sums, a commitment's over its own: two equi-
-- joins (a join on `commitment_id IS NULL OR ...` compares every pair, 1.7 × slower at 10 M).
running AS (
    SELECT t._row, t.target, d.day,
           sum(d.amount) OVER (PARTITION BY t._row ORDER BY d.day) AS total
    FROM targets t JOIN plan_daily d ON d.indicator = t.indicator
    WHERE t.commitment_id IS NULL
    UNION ALL
    SELECT t._row, t.target, d.day,
           sum(d.amount) OVER (PARTITION BY t._row ORDER BY d.day) AS total
    FROM targets t JOIN daily d ON d.indicator = t.indicator AND d.commitment_id = t.commitment_id
),
reached AS (
    SELECT _row, max(total) AS actual, min(day) FILTER (WHERE total >= target) AS reached_on
    FROM running GROUP BY _row
),
measured AS (
    SELECT t._row, t.indicator, t.target, t.deadline, t.commitment_id,
           coalesce(r.actual, 0.0) AS actual, r.reached_on,
           coalesce(c.start_date, (SELECT start_date FROM main.plan ORDER BY _row LIMIT 1),
                    (SELECT min(start_date) FROM main.commitments)) AS period_start
    FROM targets t
    LEFT JOIN reached r USING (_row)
    LEFT JOIN main.commitments c ON c.commitment_id = t.commitment_id
    WHERE t.commitment_id IS NULL OR t.commitment_id IN (SELECT commitment_id FROM commitments)
),
elapsed AS (
    SELECT *,
           CASE WHEN period_start IS NULL OR deadline <= period_start
                THEN CASE WHEN $as_of >= deadline THEN 100.0 ELSE 0.0 END
                ELSE least(100.0, greatest(0.0, 100.0 * date_diff('day', period_start, $as_of)
                                                / date_diff('day', period_start, deadline))) END
           AS period_elapsed_pct
    FROM measured
)
SELECT *, {TARGET_STATE} AS target_state FROM elapsed
ORDER BY deadline, _row
"""


def targets(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Each target with `actual` (the value reached), `reached_pct`, `reached_on` (the day it was
    first met, None if not yet), `period_elapsed_pct` and `target_state`, as of the date.

    With filters, `actual` counts the chosen rows only: compare a whole-plan target with
    unfiltered figures.
    """
    result = frame(cursor, filtered(TARGETS, filters), as_of=as_of, **filters.params())
    result["actual"] = result["actual"].astype(float)
    result["reached_pct"] = 100 * result["actual"] / result["target"].where(result["target"] > 0)
    return result
