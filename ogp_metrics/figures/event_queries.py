"""Events as of a date: each event with the participation rows that name it, and how many
events people took part in.

An event counts from its first day; a blank last day means one day. Its participants are the
sum of the participation rows that give its `event_id` (on or before the date), its sectors
the distinct sectors of those rows (city-wide counting as one): a vote recorded in 17 sector
rows is "1 vote, 17 sectors".
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ogp_metrics.figures.filters import NO_FILTERS, Filters, filtered
from ogp_metrics.figures.sql import Cursor, frame, scalar

EVENTS = """
WITH counted AS (
    SELECT event_id, sum(participants) AS participants, sum(contributions) AS contributions,
           count(*) AS records, count(DISTINCT coalesce(arrondissement, 'citywide')) AS sectors
    FROM participation WHERE date <= $as_of AND event_id IS NOT NULL
    GROUP BY event_id
),
meetings_held AS (
    SELECT event_id, count(*) AS meetings FROM meetings
    WHERE date <= $as_of AND event_id IS NOT NULL GROUP BY event_id
)
SELECT e.event_id, e.title_fr, e.title_en, e.activity, e.start_date,
       coalesce(e.end_date, e.start_date) AS end_date,
       coalesce(e.end_date, e.start_date) = e.start_date AS one_day,
       e.channel, e.commitment_id,
       coalesce(c.participants, 0) AS participants, coalesce(c.contributions, 0) AS contributions,
       coalesce(c.records, 0) AS records, coalesce(c.sectors, 0) AS sectors,
       coalesce(m.meetings, 0) AS meetings,
       e.event_id IN (SELECT event_id FROM main.vote_results) AS has_results
FROM events e
LEFT JOIN counted c ON c.event_id = e.event_id
LEFT JOIN meetings_held m ON m.event_id = e.event_id
WHERE e.start_date <= $as_of
ORDER BY e.start_date, e.event_id
"""

EVENTS_TAKEN_PART = """
SELECT count(DISTINCT event_id) FROM participation WHERE date <= $as_of AND event_id IS NOT NULL
"""


def events(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Every chosen event begun on or before the date, with its participants, rows and sectors."""
    return frame(cursor, filtered(EVENTS, filters), as_of=as_of, **filters.params())


def events_taken_part(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> int:
    """How many events have at least one participation row on or before the date."""
    return int(scalar(cursor, filtered(EVENTS_TAKEN_PART, filters), as_of=as_of, **filters.params()))
