"""One filter model for every figure: which commitments, milestones, meetings, records count.

A `Filters` value says what a reader chose; an empty choice keeps every row. `filtered(sql, filters)`
puts in front of a figure's SQL a filtered copy of each table under the table's own name
(`WITH meetings AS (SELECT * FROM main.meetings WHERE ...)`), so that a figure keeps one
definition and the filters only choose which rows it counts. Choices are bound as list
parameters, never written into the SQL.

- `commitments`, `institutions` (lead) and `values` (OGP values) choose commitments, and with
  them their milestones, progress updates and assessments; `commitments` also chooses the
  meetings and participation records of those commitments (whole-plan rows then drop out);
- `owners` chooses milestones by owner (`""`: milestones with no owner);
- `statuses` chooses milestones by their status as of the date (`figures.milestones` applies it);
- `meeting_types` and `phases` choose meetings; `activities` chooses participation records
  (as text, as stored codes (`participation_coded`) and as daily sums (`participation_daily`))
  and events (and with events, their vote results);
- `commitments` also chooses events and decided projects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Filters:
    commitments: tuple[str, ...] = ()
    institutions: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    meeting_types: tuple[str, ...] = ()
    phases: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for field in fields(self):  # lists from widgets become tuples: hashable, cacheable
            object.__setattr__(self, field.name, _choice(getattr(self, field.name)))

    def params(self) -> dict[str, list[str] | None]:
        """Each choice as a list parameter `$f_<name>`; None (every row) when nothing is chosen."""
        return {f"f_{field.name}": list(getattr(self, field.name)) or None for field in fields(self)}

    @property
    def chosen(self) -> bool:
        return any(getattr(self, field.name) for field in fields(self))



def _choice(values: Iterable[str] | str | None) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        return (values,)
    return tuple(str(value) for value in values)


NO_FILTERS = Filters()


def _in(parameter: str, column: str) -> str:
    return f"(${parameter} IS NULL OR list_contains(${parameter}::VARCHAR[], {column}))"


# The big tables are filtered as they are scanned, never copied (NOT MATERIALIZED).
FILTERED_TABLES = f"""
WITH commitments AS (
    SELECT * FROM main.commitments
    WHERE {_in("f_commitments", "commitment_id")} AND {_in("f_institutions", "lead_institution")}
      AND ($f_values IS NULL OR list_has_any(coalesce(ogp_values, []), $f_values::VARCHAR[]))
),
milestones AS (
    SELECT * FROM main.milestones
    WHERE commitment_id IN (SELECT commitment_id FROM commitments)
      AND {_in("f_owners", "coalesce(owner, '')")}
),
progress_updates AS NOT MATERIALIZED (
    SELECT * FROM main.progress_updates WHERE milestone_id IN (SELECT milestone_id FROM milestones)
),
assessments AS (
    SELECT * FROM main.assessments WHERE commitment_id IN (SELECT commitment_id FROM commitments)
),
meetings AS NOT MATERIALIZED (
    SELECT * FROM main.meetings
    WHERE {_in("f_meeting_types", "meeting_type")}
      AND {_in("f_phases", "coalesce(phase, 'implementation')")}
      AND {_in("f_commitments", "commitment_id")}
),
participation AS NOT MATERIALIZED (
    SELECT * FROM main.participation
    WHERE {_in("f_activities", "activity")} AND {_in("f_commitments", "commitment_id")}
),
participation_coded AS NOT MATERIALIZED (
    SELECT * FROM main.participation_coded
    WHERE {_in("f_activities", "CAST(activity AS VARCHAR)")}
      AND {_in("f_commitments", "CAST(commitment_id AS VARCHAR)")}
),
participation_daily AS NOT MATERIALIZED (
    SELECT * FROM main.participation_daily
    WHERE {_in("f_activities", "activity")} AND {_in("f_commitments", "commitment_id")}
),
events AS (
    SELECT * FROM main.events
    WHERE {_in("f_activities", "activity")} AND {_in("f_commitments", "commitment_id")}
),
projects AS (
    SELECT * FROM main.projects WHERE {_in("f_commitments", "commitment_id")}
)
"""


def filtered(sql: str, filters: Filters) -> str:
    """`sql` reading the tables `filters` chose (`with_filter_tables`).

    With nothing chosen, `sql` itself: every table would be whole (a plan is loaded only when
    every reference resolves), and planning the filters' tables costs about 5 ms a query."""
    return with_filter_tables(sql) if filters.chosen else sql


def with_filter_tables(sql: str) -> str:
    """`sql` reading the filtered tables (its own `WITH` clauses follow the filters')."""
    body = sql.lstrip()
    own = re.match(r"(?i)WITH\s", body)
    return FILTERED_TABLES + ("," + body[own.end():] if own else body)
