"""Figures of the commitments and milestones pages that `queries.py` does not hold.

Same rules as `queries.py`: a cursor first, parameterised SQL, a DataFrame back.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ogp_metrics.queries import Cursor

# A milestone's progress over time: its reported updates, and 100 % on its completion date
# (the definition `queries.MILESTONE_STATUS` uses), unless an update already falls on that day.
PROGRESS_SERIES = """
SELECT u.update_date AS date, u.milestone_id, m.commitment_id, m.title_fr, m.title_en,
       u.progress_pct, u.note, u.reported_by, 'update' AS source
FROM progress_updates u JOIN milestones m USING (milestone_id)
WHERE u.update_date <= $as_of AND ($commitment IS NULL OR m.commitment_id = $commitment)
UNION ALL
SELECT m.completed_date, m.milestone_id, m.commitment_id, m.title_fr, m.title_en,
       100.0, NULL, NULL, 'completion'
FROM milestones m
WHERE m.completed_date <= $as_of AND ($commitment IS NULL OR m.commitment_id = $commitment)
  AND NOT EXISTS (SELECT 1 FROM progress_updates u
                  WHERE u.milestone_id = m.milestone_id AND u.update_date = m.completed_date)
ORDER BY date, milestone_id
"""


def progress_series(cursor: Cursor, as_of: date, commitment: str | None = None) -> pd.DataFrame:
    """Each milestone's progress by date up to `as_of`: updates, then 100 when completed."""
    return cursor.execute(PROGRESS_SERIES, {"as_of": as_of, "commitment": commitment}).df()
