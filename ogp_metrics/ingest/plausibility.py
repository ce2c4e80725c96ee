"""Warnings that do not refuse: values that are valid but probably not what was meant.

Each is a `Problem` (file, row, column, value) found in a loaded plan, listed the way problems
are (the first few of a kind, then how many more). `validate --strict` turns them into
problems; import and the Update page show those of the rows being imported.

- a participation or meeting row dated outside the plan's period (co-creation meetings may
  come before its start);
- a milestone due after its commitment ends, or starting before it starts;
- a progress update dated after today;
- a milestone's latest progress update at 100 % while the milestone has no completion date (it
  then counts as in progress, or as overdue once due, on every page);
- a count far above the rest of its column: more than 100 times the column's median (for
  participation, the median of the row's activity when it has more than 5 rows) and above 10,000.
"""

from __future__ import annotations

from datetime import date

from ogp_metrics.contract.schema import TABLES, Kind
from ogp_metrics.ingest.problems import Problem

LISTED = 20
FAR_ABOVE_MEDIAN = 100
FAR_ABOVE_AT_LEAST = 10_000
SAME_ACTIVITY_ENOUGH = 5  # other rows of an activity needed to compare a row with them

# The plan's period: plan.csv's dates, else the span of its commitments (as `figures.plan`).
_PERIOD = """
SELECT coalesce((SELECT start_date FROM plan ORDER BY _row LIMIT 1),
                (SELECT min(start_date) FROM commitments)),
       coalesce((SELECT end_date FROM plan ORDER BY _row LIMIT 1),
                (SELECT max(end_date) FROM commitments))
"""


def find_warnings(cursor, today: date | None = None,
                  scope: dict[str, list[int] | None] | None = None) -> list[Problem]:
    """Every warning about a loaded plan (`Plan.cursor()`), in file and row order.

    `scope` limits them to some tables (name -> its rows, or None for all of them): an import
    looks at the rows it writes, however many warnings the rows already there have.
    """
    today = today or date.today()
    found = _Found(scope)
    start, end = cursor.execute(_PERIOD).fetchone()
    if start is not None and end is not None:
        period = {"start": start, "end": end}
        shown = {"start_date": start.isoformat(), "end_date": end.isoformat()}
        # The plan's co-creation comes before its start: participation from its first meeting on.
        _rows(cursor, found, "participation", "date", "outside_plan_period",
              "date < least($start, coalesce((SELECT min(date) FROM meetings WHERE phase = 'co_creation'), "
              "$start)) OR date > $end", period, shown)
        _rows(cursor, found, "meetings", "date", "outside_plan_period",
              "(date < $start AND phase IS DISTINCT FROM 'co_creation') OR date > $end", period, shown)
    _rows(cursor, found, "milestones", "due_date", "due_after_commitment",
          "due_date > (SELECT end_date FROM commitments c WHERE c.commitment_id = milestones.commitment_id)",
          {}, other="(SELECT CAST(end_date AS VARCHAR) FROM commitments c "
                    "WHERE c.commitment_id = milestones.commitment_id)")
    _rows(cursor, found, "milestones", "start_date", "starts_before_commitment",
          "start_date < (SELECT start_date FROM commitments c "
          "WHERE c.commitment_id = milestones.commitment_id)",
          {}, other="(SELECT CAST(start_date AS VARCHAR) FROM commitments c "
                    "WHERE c.commitment_id = milestones.commitment_id)")
    _rows(cursor, found, "progress_updates", "update_date", "future_update", "update_date > $today",
          {"today": today}, {"today_date": today.isoformat()})
    _rows(cursor, found, "progress_updates", "progress_pct", "complete_without_date",
          "progress_pct >= 100 AND _row = (SELECT arg_max(p._row, (p.update_date, p._row)) "
          "FROM progress_updates p WHERE p.milestone_id = progress_updates.milestone_id) "
          "AND (SELECT m.completed_date FROM milestones m "
          "WHERE m.milestone_id = progress_updates.milestone_id) IS NULL",
          {}, other="milestone_id", other_key="milestone")
    for table in TABLES:
        for column in table.columns:
            if column.kind is Kind.WHOLE:
                _far_above(cursor, found, table.name, column.name)
    return sorted(found.problems, key=Problem.sort_key)


class _Found:
    """The warnings found so far, and which rows of which tables are looked at."""

    def __init__(self, scope: dict[str, list[int] | None] | None) -> None:
        self.problems: list[Problem] = []
        self.scope = scope

    def where(self, table: str, condition: str) -> str | None:
        """`condition` limited to the rows in scope (None: the table is not looked at)."""
        if self.scope is None or (table in self.scope and self.scope[table] is None):
            return condition
        if table not in self.scope:
            return None
        return f"({condition}) AND _row IN (SELECT unnest($scope_rows))"

    def params(self, table: str, params: dict) -> dict:
        rows = (self.scope or {}).get(table)
        return {**params, "scope_rows": rows} if rows is not None else params


def _rows(cursor, found: _Found, table: str, column: str, code: str, where: str,
          params: dict, shown: dict[str, str] | None = None, other: str | None = None,
          other_key: str = "other_date") -> None:
    """A warning per row of `table` matching `where` (the first few, then a count)."""
    where = found.where(table, where)
    if where is None:
        return
    rows = cursor.execute(
        f"SELECT _row, CAST({column} AS VARCHAR), {other or 'NULL'}, count(*) OVER () FROM {table} "
        f"WHERE {where} ORDER BY _row LIMIT {LISTED}", found.params(table, params)).fetchall()
    for row, value, other_value, _total in rows:
        details = dict(shown or {})
        if other_value is not None:
            details[other_key] = other_value.removesuffix(".0")
        found.problems.append(Problem(f"{table}.csv", code, row=row, column=column, value=value,
                                      details=details))
    if rows and rows[0][3] > len(rows):
        found.problems.append(Problem(f"{table}.csv", "more_warnings", column=column,
                             details={"count": str(rows[0][3] - len(rows)), "of": code}))


def _far_above(cursor, found: _Found, table: str, column: str) -> None:
    if found.where(table, "true") is None:
        return
    median = cursor.execute(f"SELECT median({column}) FROM {table} WHERE {column} IS NOT NULL").fetchone()[0]
    if median is None:
        return
    if table == "participation":
        # A vote counts thousands per sector where a workshop counts tens: a row is compared with
        # the rows of its own activity when there are enough of them, else with the column.
        same = (f"FROM participation p WHERE p.activity = participation.activity "
                f"AND p.{column} IS NOT NULL")
        median_sql = (f"CASE WHEN (SELECT count(*) {same}) > $enough THEN (SELECT median(p.{column}) {same}) "
                      f"ELSE $median END")
        _rows(cursor, found, table, column, "far_above",
              f"{column} > greatest($times * {median_sql}, $at_least)",
              {"times": FAR_ABOVE_MEDIAN, "at_least": FAR_ABOVE_AT_LEAST, "enough": SAME_ACTIVITY_ENOUGH,
               "median": median},
              other=f"CAST(round({median_sql}, 1) AS VARCHAR)", other_key="median")
        return
    limit = max(FAR_ABOVE_MEDIAN * float(median), FAR_ABOVE_AT_LEAST)
    _rows(cursor, found, table, column, "far_above", f"{column} > $limit", {"limit": limit},
          {"median": _number(median)})


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{float(value):.1f}"
