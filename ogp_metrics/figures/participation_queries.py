"""Participation as of a date: by month, by group, running totals and totals.

The figures that need only the day, activity, commitment or event read `participation_daily`
(the records summed by those, kept with the plan: `ingest.stored_tables`), far fewer rows than
the records; a grouping by sector, age group or gender reads the records' stored codes."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ogp_metrics.figures.filters import NO_FILTERS, Filters, filtered
from ogp_metrics.figures.sql import Cursor, frame, record

# With `$one_day_events` false, the rows of one-day events (as `figures.events` defines them,
# among the chosen events) are left out: a chart draws those events on their day instead.
PARTICIPATION_BY_MONTH = """
SELECT date_trunc('month', date) AS month, activity,
       sum(participants) AS participants, sum(contributions) AS contributions
FROM participation_daily WHERE date <= $as_of
  AND ($one_day_events OR event_id IS NULL OR event_id NOT IN (
      SELECT event_id FROM events
      WHERE start_date <= $as_of AND coalesce(end_date, start_date) = start_date))
GROUP BY ALL ORDER BY month, activity
"""

PARTICIPATION_CUMULATIVE = """
SELECT month, sum(participants) OVER (ORDER BY month) AS participants,
       sum(contributions) OVER (ORDER BY month) AS contributions
FROM (SELECT date_trunc('month', date) AS month, sum(participants) AS participants,
             sum(contributions) AS contributions
      FROM participation_daily WHERE date <= $as_of GROUP BY ALL)
ORDER BY month
"""

# Several groupings in one scan (GROUPING SETS): `grouping` names each row's. The records are
# grouped on their stored codes, and only the groups turned into text (`participation_coded`).
PARTICIPATION_BY_GROUPS = """
SELECT grouping, {key} AS group_key, sum(participants) AS participants,
       sum(contributions) AS contributions
FROM (SELECT {grouping} AS grouping, {columns}, sum(participants) AS participants,
             sum(contributions) AS contributions
      FROM {source} WHERE date <= $as_of GROUP BY GROUPING SETS ({sets}))
GROUP BY ALL ORDER BY grouping, group_key NULLS LAST
"""
# Only these columns may be grouped on (the contract's names, never user text), with the key
# of their empty cells.
PARTICIPATION_GROUPS = {
    "activity": ("activity", None),
    "sector": ("arrondissement", "citywide"),
    "age_group": ("age_group", "unknown"),
    "gender": ("gender", "unknown"),
    "commitment": ("commitment_id", None),
}
DAILY_GROUPS = ("activity", "commitment")  # the groupings `participation_daily` can answer

PARTICIPATION_TOTALS = """
SELECT coalesce(sum(participants) FILTER (WHERE date <= $as_of), 0) AS participants,
       coalesce(sum(contributions) FILTER (WHERE date <= $as_of), 0) AS contributions,
       coalesce(sum(records) FILTER (WHERE date <= $as_of), 0) AS records,
       (SELECT count(*) FROM main.participation) AS all_records
FROM participation_daily
"""


def participation_by_month(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS,
                           one_day_events: bool = True) -> pd.DataFrame:
    """Participants and contributions per month and activity; with `one_day_events=False`,
    without the rows of the one-day events that `events` lists (drawn on their day)."""
    return frame(cursor, filtered(PARTICIPATION_BY_MONTH, filters), as_of=as_of,
                 one_day_events=one_day_events, **filters.params())


def participation_cumulative(cursor: Cursor, as_of: date,
                             filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Participants and contributions as running totals by month."""
    return frame(cursor, filtered(PARTICIPATION_CUMULATIVE, filters), as_of=as_of, **filters.params())


def participation_by(cursor: Cursor, as_of: date, group: str,
                     filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Participants and contributions per activity, sector, age group, gender or commitment."""
    return participation_by_groups(cursor, as_of, (group,), filters)[group]


def participation_by_groups(cursor: Cursor, as_of: date, groups: tuple[str, ...],
                            filters: Filters = NO_FILTERS) -> dict[str, pd.DataFrame]:
    """`participation_by` for several groups (keys of `PARTICIPATION_GROUPS`): those the daily
    sums answer in one scan of them, the others in one scan of the records."""
    daily = tuple(group for group in groups if group in DAILY_GROUPS)
    result = {}
    for chosen, source in ((daily, "participation_daily"),
                           (tuple(group for group in groups if group not in daily), "participation_coded")):
        if chosen:
            result |= _by_groups(cursor, as_of, chosen, filters, source)
    return {group: result[group] for group in groups}


def _by_groups(cursor: Cursor, as_of: date, groups: tuple[str, ...], filters: Filters,
               source: str) -> dict[str, pd.DataFrame]:
    columns = {group: PARTICIPATION_GROUPS[group] for group in groups}  # contract names only
    grouping = "CASE " + " ".join(f"WHEN GROUPING({column}) = 0 THEN '{group}'"
                                  for group, (column, _empty) in columns.items()) + " END"
    key = "CASE grouping " + " ".join(
        f"WHEN '{group}' THEN "
        + (f"coalesce(CAST({column} AS VARCHAR), '{empty}')" if empty else f"CAST({column} AS VARCHAR)")
        for group, (column, empty) in columns.items()) + " END"
    names = [column for column, _empty in columns.values()]
    sql = PARTICIPATION_BY_GROUPS.format(grouping=grouping, key=key, source=source,
                                         columns=", ".join(names),
                                         sets=", ".join(f"({name})" for name in names))
    rows = frame(cursor, filtered(sql, filters), as_of=as_of, **filters.params())
    return {group: rows[rows["grouping"] == group].drop(columns="grouping").reset_index(drop=True)
            for group in groups}


def participation_totals(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> dict:
    """Participants, contributions and records on or before `as_of` among the chosen records;
    `all_records` counts every record of the file, whatever its date or the filters."""
    totals = record(cursor, filtered(PARTICIPATION_TOTALS, filters), as_of=as_of, **filters.params())
    return {key: int(value) for key, value in totals.items()}
