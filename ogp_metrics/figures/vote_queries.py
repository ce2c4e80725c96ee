"""Votes as of a date: the question, the result per option, turnout per sector and overall.

A vote is an event with rows in `vote_results` whose first day is on or before the date.
Turnout is voters / registered voters, in percent to one decimal (half up, as people round:
6.25 gives 6.3). A vote's overall figures are its city-wide row when it has one, else the sum
of its sectors (registered voters unknown when a sector's are). An option's share is of the
votes cast for an option (blank and null votes left out), to one decimal.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ogp_metrics.figures.filters import NO_FILTERS, Filters, filtered
from ogp_metrics.figures.sql import Cursor, frame, percent

# One row per vote and sector (blank sector: 'citywide'); the repeated columns taken once.
SECTOR_RESULTS = """
SELECT v.event_id, coalesce(v.sector, 'citywide') AS sector,
       max(v.registered) AS registered, max(v.voters) AS voters,
       max(v.blank_votes) AS blank, max(v.null_votes) AS null_votes,
       sum(v.votes) AS option_votes
FROM main.vote_results v
WHERE v.event_id IN (SELECT event_id FROM events WHERE start_date <= $as_of)
GROUP BY ALL
"""

# The rows a vote's overall figures come from: its city-wide row, else every sector.
_OVERALL_ROWS = """
SELECT * FROM main.vote_results r
WHERE r.event_id IN (SELECT event_id FROM events WHERE start_date <= $as_of)
  AND (r.sector IS NULL OR NOT EXISTS (
        SELECT 1 FROM main.vote_results w WHERE w.event_id = r.event_id AND w.sector IS NULL))
"""

VOTE_SECTORS = f"""
WITH sectors AS ({SECTOR_RESULTS})
SELECT event_id, sector, registered, voters, blank, null_votes, option_votes,
       {percent("voters", "registered")} AS turnout_pct
FROM sectors
WHERE $event_id IS NULL OR event_id = $event_id
ORDER BY event_id, sector = 'citywide', try_cast(sector AS INTEGER) NULLS FIRST
"""

VOTES = f"""
WITH sectors AS ({SECTOR_RESULTS}),
overall AS (
    SELECT event_id,
           CASE WHEN count(registered) = count(*) THEN sum(registered) END AS registered,
           sum(voters) AS voters, sum(blank) AS blank, sum(null_votes) AS null_votes,
           sum(option_votes) AS option_votes, count(*) FILTER (WHERE sector <> 'citywide') AS sectors
    FROM sectors s
    WHERE sector = 'citywide'
       OR NOT EXISTS (SELECT 1 FROM sectors w WHERE w.event_id = s.event_id AND w.sector = 'citywide')
    GROUP BY event_id
)
SELECT e.event_id, e.title_fr, e.title_en, e.start_date AS date, e.commitment_id,
       o.registered, o.voters, o.blank, o.null_votes, o.option_votes, o.sectors,
       {percent("o.voters", "o.registered")} AS turnout_pct
FROM overall o JOIN events e ON e.event_id = o.event_id
ORDER BY e.start_date, e.event_id
"""

VOTE_OPTIONS = f"""
WITH options AS (
    SELECT event_id, option, sum(votes) AS votes, min(_row) AS first_row
    FROM ({_OVERALL_ROWS}) GROUP BY event_id, option
)
SELECT event_id, option, votes,
       {percent("votes", "sum(votes) OVER (PARTITION BY event_id)")} AS share_pct
FROM options
WHERE $event_id IS NULL OR event_id = $event_id
ORDER BY event_id, first_row
"""

VOTE_OPTIONS_BY_SECTOR = """
SELECT event_id, coalesce(sector, 'citywide') AS sector, option, sum(votes) AS votes
FROM main.vote_results
WHERE event_id IN (SELECT event_id FROM events WHERE start_date <= $as_of)
  AND ($event_id IS NULL OR event_id = $event_id)
GROUP BY ALL ORDER BY event_id, min(_row)
"""


def votes(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Each vote held on or before the date: question, date, registered, voters, blank and null
    votes, votes cast for an option, sectors, turnout."""
    return frame(cursor, filtered(VOTES, filters), as_of=as_of, **filters.params())


def vote_sectors(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS,
                 event_id: str | None = None) -> pd.DataFrame:
    """Each vote's figures per sector, with its turnout (one vote's with `event_id`)."""
    return frame(cursor, filtered(VOTE_SECTORS, filters), as_of=as_of, event_id=event_id, **filters.params())


def vote_options(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS,
                 event_id: str | None = None) -> pd.DataFrame:
    """Each vote's result per option, in the order of the file, with its share of the votes cast
    for an option."""
    return frame(cursor, filtered(VOTE_OPTIONS, filters), as_of=as_of, event_id=event_id, **filters.params())


def vote_options_by_sector(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS,
                           event_id: str | None = None) -> pd.DataFrame:
    """Each vote's votes per sector and option."""
    return frame(cursor, filtered(VOTE_OPTIONS_BY_SECTOR, filters), as_of=as_of, event_id=event_id,
                 **filters.params())
