"""The figures of the Meetings and Participation pages, with the pages' filters applied.

Each figure of `queries.py` is reused as it is written there: a filtered selection of the
table is put in front of it as a common table expression of the same name (`WITH meetings
AS (...)`), so that "meetings held" or "participants per sector" keeps one definition and
the filters only choose which rows it counts. Filters are bound as list parameters, never
pasted into the SQL; an empty filter (None or no value) keeps every row.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pandas as pd

from ogp_metrics import queries
from ogp_metrics.queries import Cursor

FILTERED_MEETINGS = """
WITH meetings AS (
    SELECT * FROM main.meetings
    WHERE ($types IS NULL OR list_contains($types::VARCHAR[], meeting_type))
      AND ($phases IS NULL
           OR list_contains($phases::VARCHAR[], coalesce(phase, 'implementation')))
      AND ($commitments IS NULL OR list_contains($commitments::VARCHAR[], commitment_id))
)
"""

FILTERED_PARTICIPATION = """
WITH participation AS (
    SELECT * FROM main.participation
    WHERE ($activities IS NULL OR list_contains($activities::VARCHAR[], activity))
      AND ($commitments IS NULL OR list_contains($commitments::VARCHAR[], commitment_id))
)
"""

MEETING_TOTALS = "SELECT" + queries.MEETING_FIGURES + "FROM meetings"

# The co-creation of the plan: its public-facing meetings (workshops, public meetings,
# neighbourhood councils...), held on or before the date. Not filtered: a fixed figure.
CO_CREATION = """
SELECT count(*) AS meetings, min(date) AS first_date, max(date) AS last_date,
       sum(attendees) AS attendees_known,
       count(*) FILTER (WHERE attendees IS NULL) AS attendees_unknown,
       sum(organisations) AS organisations_known,
       count(*) FILTER (WHERE organisations IS NULL) AS organisations_unknown
FROM meetings
WHERE coalesce(phase, 'implementation') = 'co_creation' AND is_public AND date <= $as_of
"""

PARTICIPATION_TOTALS = """
SELECT coalesce(sum(participants) FILTER (WHERE date <= $as_of), 0) AS participants,
       coalesce(sum(contributions) FILTER (WHERE date <= $as_of), 0) AS contributions,
       count(*) FILTER (WHERE date <= $as_of) AS records,
       (SELECT count(*) FROM main.participation) AS all_records
FROM participation
"""

COMMITMENTS = "SELECT commitment_id, title_fr, title_en FROM commitments ORDER BY commitment_id"


def _values(chosen: Iterable[str] | None) -> list[str] | None:
    """A filter as a list parameter: None (every row) when nothing is chosen."""
    if chosen is None:
        return None
    values = [str(value) for value in chosen]
    return values or None


def _meeting_params(as_of: date, types, phases, commitments) -> dict:
    return {"as_of": as_of, "types": _values(types), "phases": _values(phases),
            "commitments": _values(commitments)}


def _participation_params(as_of: date, activities, commitments) -> dict:
    return {"as_of": as_of, "activities": _values(activities), "commitments": _values(commitments)}


def _frame(cursor: Cursor, sql: str, params: dict) -> pd.DataFrame:
    return cursor.execute(sql, params).df()


def _record(cursor: Cursor, sql: str, params: dict) -> dict:
    result = cursor.execute(sql, params)
    names = [column[0] for column in result.description]
    return dict(zip(names, result.fetchone(), strict=True))


# ---------------------------------------------------------------- meetings

def meeting_totals(cursor: Cursor, as_of: date, types: Iterable[str] | None = None,
                   phases: Iterable[str] | None = None,
                   commitments: Iterable[str] | None = None) -> dict:
    """Held, planned, public and internal meetings; attendees and organisations, known and unknown.

    `attendees_known` is None when no held meeting has a known attendance (unknown, not zero);
    `attendees_unknown` counts the held meetings whose attendance is not known.
    """
    sql = FILTERED_MEETINGS + MEETING_TOTALS
    record = _record(cursor, sql, _meeting_params(as_of, types, phases, commitments))
    return {key: (None if value is None else int(value)) for key, value in record.items()}


def meetings_by_month(cursor: Cursor, as_of: date, types: Iterable[str] | None = None,
                      phases: Iterable[str] | None = None,
                      commitments: Iterable[str] | None = None) -> pd.DataFrame:
    """`queries.meetings_by_month` over the chosen meetings: month, meeting_type, state, meetings."""
    sql = FILTERED_MEETINGS + queries.MEETINGS_BY_MONTH
    return _frame(cursor, sql, _meeting_params(as_of, types, phases, commitments))


def meetings_by(cursor: Cursor, as_of: date, group: str, types: Iterable[str] | None = None,
                phases: Iterable[str] | None = None,
                commitments: Iterable[str] | None = None) -> pd.DataFrame:
    """`queries.meetings_by` over the chosen meetings (`group` is a key of `MEETING_GROUPS`)."""
    sql = FILTERED_MEETINGS + queries.MEETINGS_BY_GROUP.format(group=queries.MEETING_GROUPS[group])
    return _frame(cursor, sql, _meeting_params(as_of, types, phases, commitments))


def meeting_list(cursor: Cursor, as_of: date, types: Iterable[str] | None = None,
                 phases: Iterable[str] | None = None,
                 commitments: Iterable[str] | None = None) -> pd.DataFrame:
    """`queries.meetings` over the chosen meetings: one row each, with `state` held or planned."""
    sql = FILTERED_MEETINGS + queries.MEETINGS
    return _frame(cursor, sql, _meeting_params(as_of, types, phases, commitments))


def co_creation(cursor: Cursor, as_of: date) -> dict:
    """The public-facing meetings of the co-creation phase held by `as_of`: count, span, attendance."""
    record = _record(cursor, CO_CREATION, {"as_of": as_of})
    for key in ("meetings", "attendees_known", "attendees_unknown", "organisations_known",
                "organisations_unknown"):
        record[key] = None if record[key] is None else int(record[key])
    return record


def commitment_titles(cursor: Cursor) -> pd.DataFrame:
    """Every commitment of the plan with its titles, for the filters and the labels."""
    return cursor.execute(COMMITMENTS).df()


# ---------------------------------------------------------------- participation

def participation_totals(cursor: Cursor, as_of: date, activities: Iterable[str] | None = None,
                         commitments: Iterable[str] | None = None) -> dict:
    """Participants, contributions and the number of records on or before `as_of`, among the
    chosen records; `all_records` counts every record of the file, whatever its date or filter."""
    sql = FILTERED_PARTICIPATION + PARTICIPATION_TOTALS
    record = _record(cursor, sql, _participation_params(as_of, activities, commitments))
    return {key: int(value) for key, value in record.items()}


def participation_by_month(cursor: Cursor, as_of: date, activities: Iterable[str] | None = None,
                           commitments: Iterable[str] | None = None) -> pd.DataFrame:
    """`queries.participation_by_month` over the chosen records."""
    sql = FILTERED_PARTICIPATION + queries.PARTICIPATION_BY_MONTH
    params = _participation_params(as_of, activities, commitments) | {"commitment": None}
    return _frame(cursor, sql, params)


def participation_cumulative(cursor: Cursor, as_of: date, activities: Iterable[str] | None = None,
                             commitments: Iterable[str] | None = None) -> pd.DataFrame:
    """`queries.participation_cumulative` over the chosen records."""
    sql = FILTERED_PARTICIPATION + queries.PARTICIPATION_CUMULATIVE
    params = _participation_params(as_of, activities, commitments) | {"commitment": None}
    return _frame(cursor, sql, params)


def participation_by(cursor: Cursor, as_of: date, group: str,
                     activities: Iterable[str] | None = None,
                     commitments: Iterable[str] | None = None) -> pd.DataFrame:
    """`queries.participation_by` over the chosen records (`group`: a key of `PARTICIPATION_GROUPS`)."""
    sql = FILTERED_PARTICIPATION + queries.PARTICIPATION_BY_GROUP.format(
        group=queries.PARTICIPATION_GROUPS[group])
    params = _participation_params(as_of, activities, commitments) | {"commitment": None}
    return _frame(cursor, sql, params)
