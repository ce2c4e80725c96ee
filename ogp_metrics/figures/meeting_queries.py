"""Meetings as of a date: held and planned, by month, by group, running totals, co-creation."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ogp_metrics.figures.filters import NO_FILTERS, Filters, filtered
from ogp_metrics.figures.sql import Cursor, frame, record, scalar

MEETINGS = """
SELECT meeting_id, date, meeting_type, coalesce(phase, 'implementation') AS phase, title,
       commitment_id, arrondissement, is_public, attendees, organisations, minutes_url,
       CASE WHEN date <= $as_of THEN 'held' ELSE 'planned' END AS state
FROM meetings
"""
# A reader's search (bound as a parameter): words of the title, identifier or commitment,
# case and accents ignored; and held or planned only.
MEETINGS_CHOSEN = """
WHERE ($search IS NULL OR contains(strip_accents(lower(concat_ws(' ', title, meeting_id, commitment_id))),
                                   strip_accents(lower($search))))
  AND ($state IS NULL OR (CASE WHEN date <= $as_of THEN 'held' ELSE 'planned' END) = $state)
"""

MEETINGS_BY_MONTH = """
SELECT date_trunc('month', date) AS month, meeting_type,
       CASE WHEN date <= $as_of THEN 'held' ELSE 'planned' END AS state, count(*) AS meetings
FROM meetings GROUP BY ALL ORDER BY month, meeting_type
"""

MEETINGS_CUMULATIVE = """
SELECT month, sum(meetings) OVER (ORDER BY month) AS meetings_held,
       sum(public_meetings) OVER (ORDER BY month) AS public_meetings_held
FROM (SELECT date_trunc('month', date) AS month, count(*) AS meetings,
             count(*) FILTER (WHERE is_public) AS public_meetings
      FROM meetings WHERE date <= $as_of GROUP BY ALL)
ORDER BY month
"""

# Held, planned, public and internal meetings, and attendance with unknown kept apart:
# the figures per group (`meetings_by`) and in total (`meeting_totals`).
MEETING_FIGURES = """
       count(*) FILTER (WHERE date <= $as_of) AS held,
       count(*) FILTER (WHERE date > $as_of) AS planned,
       count(*) FILTER (WHERE date <= $as_of AND is_public) AS public_held,
       count(*) FILTER (WHERE date <= $as_of AND NOT is_public) AS internal_held,
       sum(attendees) FILTER (WHERE date <= $as_of) AS attendees_known,
       count(*) FILTER (WHERE date <= $as_of AND attendees IS NULL) AS attendees_unknown,
       sum(organisations) FILTER (WHERE date <= $as_of) AS organisations_known,
       count(*) FILTER (WHERE date <= $as_of AND organisations IS NULL) AS organisations_unknown
"""
MEETING_TOTALS = "SELECT" + MEETING_FIGURES + "FROM meetings"
MEETINGS_BY_GROUP = ("SELECT {group} AS group_key," + MEETING_FIGURES
                     + "FROM meetings GROUP BY ALL ORDER BY group_key NULLS LAST")
# Only these columns may be grouped on; they are the contract's names, never user text.
MEETING_GROUPS = {
    "meeting_type": "meeting_type",
    "commitment": "commitment_id",
    "sector": "coalesce(arrondissement, 'citywide')",
    "phase": "coalesce(phase, 'implementation')",
    "visibility": "CASE WHEN is_public THEN 'true' ELSE 'false' END",
}

# The co-creation of the plan: its public-facing meetings held on or before the date.
CO_CREATION = """
SELECT count(*) AS meetings, min(date) AS first_date, max(date) AS last_date,
       sum(attendees) AS attendees_known,
       count(*) FILTER (WHERE attendees IS NULL) AS attendees_unknown,
       sum(organisations) AS organisations_known,
       count(*) FILTER (WHERE organisations IS NULL) AS organisations_unknown
FROM meetings
WHERE coalesce(phase, 'implementation') = 'co_creation' AND is_public AND date <= $as_of
"""

LAST_STEERING_COMMITTEE = """
SELECT max(date) FROM meetings WHERE meeting_type = 'steering_committee' AND date < $as_of
"""


def meetings(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS, search: str | None = None,
             state: str | None = None, limit: int | None = None, offset: int = 0) -> pd.DataFrame:
    """One row per chosen meeting, with `state` held or planned, by date.

    `search` keeps the meetings whose title, identifier or commitment holds it; `state` the held
    or the planned ones; `limit` and `offset` give one page of them (a table shown a page at a
    time: see `meeting_count`).
    """
    sql = MEETINGS + MEETINGS_CHOSEN + "ORDER BY date, meeting_id LIMIT $limit OFFSET $offset"
    return frame(cursor, filtered(sql, filters), as_of=as_of, search=search or None, state=state,
                 limit=limit, offset=offset, **filters.params())


def meeting_count(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS, search: str | None = None,
                  state: str | None = None) -> int:
    """How many meetings `meetings` gives with the same choices, before any page is taken."""
    sql = f"SELECT count(*) FROM ({MEETINGS + MEETINGS_CHOSEN})"
    return int(scalar(cursor, filtered(sql, filters), as_of=as_of, search=search or None, state=state,
                      **filters.params()))


def meetings_by_month(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Meetings per month, type and state (held or planned)."""
    return frame(cursor, filtered(MEETINGS_BY_MONTH, filters), as_of=as_of, **filters.params())


def meetings_cumulative(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Meetings and public meetings held, as running totals by month."""
    return frame(cursor, filtered(MEETINGS_CUMULATIVE, filters), as_of=as_of, **filters.params())


def meetings_by(cursor: Cursor, as_of: date, group: str, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Held, planned, public and internal meetings, attendees and organisations, per group.

    `group` is a key of `MEETING_GROUPS`. `attendees_known` sums the meetings whose attendance
    is known; `attendees_unknown` counts the others, so that unknown is never shown as zero.
    """
    sql = MEETINGS_BY_GROUP.format(group=MEETING_GROUPS[group])
    return frame(cursor, filtered(sql, filters), as_of=as_of, **filters.params())


def meeting_totals(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> dict:
    """`meetings_by`'s figures over every chosen meeting; a total of None is unknown, not zero."""
    totals = record(cursor, filtered(MEETING_TOTALS, filters), as_of=as_of, **filters.params())
    return {key: (None if value is None else int(value)) for key, value in totals.items()}


def co_creation(cursor: Cursor, as_of: date) -> dict:
    """The public-facing meetings of the co-creation phase held by `as_of`: count, span, attendance.

    A fixed figure of the plan: no filter applies.
    """
    totals = record(cursor, CO_CREATION, as_of=as_of)
    for key in ("meetings", "attendees_known", "attendees_unknown", "organisations_known",
                "organisations_unknown"):
        totals[key] = None if totals[key] is None else int(totals[key])
    return totals


def last_steering_committee(cursor: Cursor, as_of: date) -> date | None:
    """The last steering committee meeting strictly before `as_of`: the baseline for changes."""
    return scalar(cursor, LAST_STEERING_COMMITTEE, as_of=as_of)
