"""Each target with the value reached as of a date (counted from the first record)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ogp_metrics.figures.filters import NO_FILTERS, Filters, filtered
from ogp_metrics.figures.sql import Cursor, frame

# A target of the whole plan counts every row; a commitment's target that commitment's rows.
TARGETS = """
SELECT t._row, t.indicator, t.target, t.deadline, t.commitment_id,
       CASE t.indicator
         WHEN 'meetings_held' THEN (SELECT count(*) FROM meetings m WHERE m.date <= $as_of
              AND (t.commitment_id IS NULL OR m.commitment_id = t.commitment_id))
         WHEN 'public_meetings_held' THEN (SELECT count(*) FROM meetings m WHERE m.date <= $as_of
              AND m.is_public AND (t.commitment_id IS NULL OR m.commitment_id = t.commitment_id))
         WHEN 'participants' THEN (SELECT coalesce(sum(participants), 0) FROM participation p
              WHERE p.date <= $as_of AND (t.commitment_id IS NULL OR p.commitment_id = t.commitment_id))
         WHEN 'contributions' THEN (SELECT coalesce(sum(contributions), 0) FROM participation p
              WHERE p.date <= $as_of AND (t.commitment_id IS NULL OR p.commitment_id = t.commitment_id))
         WHEN 'milestones_complete' THEN (SELECT count(*) FROM milestones s
              WHERE s.completed_date <= $as_of
              AND (t.commitment_id IS NULL OR s.commitment_id = t.commitment_id))
       END AS actual
FROM targets t
WHERE t.commitment_id IS NULL OR t.commitment_id IN (SELECT commitment_id FROM commitments)
ORDER BY t.deadline, t._row
"""


def targets(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Each target with `actual` (the value reached) and `reached_pct`, as of the date.

    With filters, `actual` counts the chosen rows only: compare a whole-plan target with
    unfiltered figures.
    """
    result = frame(cursor, filtered(TARGETS), as_of=as_of, **filters.params())
    result["actual"] = result["actual"].astype(float)
    result["reached_pct"] = 100 * result["actual"] / result["target"].where(result["target"] > 0)
    return result
