"""Checking a staged table: every cell against its column, every rule, key and reference.

Each check is a SQL condition on `stage_<table>`; one aggregate scan counts them all, and only
the checks that found something list their rows (the first few, then a count).

`table_checks` is the one list of checks. The fast path (`typed_read`) counts the same list on
a table read without the cells as written: there, the checks of single cells are replaced by
its `_bad` flag (a cell it could not read exactly as the general path does), and any count
above zero sends the file through the general path, which lists the problems. A new check of
a single cell that needs the cell as written must also be part of `_bad` (see `typed_read`).
"""

from __future__ import annotations

from ogp_metrics.contract.schema import TABLES_BY_NAME, Column, Kind, Table
from ogp_metrics.ingest import normalise
from ogp_metrics.ingest.group_checks import group_checks
from ogp_metrics.ingest.identifiers import case_duplicate_checks
from ogp_metrics.ingest.problems import Problem

# Beyond this many problems of one kind in one column, the rest are counted, not listed.
PROBLEMS_LISTED_PER_CHECK = 20


def _collect(connection, table: Table, problems: list[Problem], code: str, column: str | None,
             where: str, details: dict[str, str] | None = None, value_sql: str | None = None,
             source: str | None = None, params: dict | None = None) -> None:
    """Add one problem per row of `stage_<table>` matching `where` (the first few, then a count)."""
    value_sql = value_sql or (f"{column}__raw" if column else "NULL")
    rows = connection.execute(
        f"SELECT _row, CAST({value_sql} AS VARCHAR), count(*) OVER () FROM "
        f"{source or 'stage_' + table.name} WHERE {where} ORDER BY _row LIMIT $limit",
        {"limit": PROBLEMS_LISTED_PER_CHECK, **(params or {})},
    ).fetchall()
    for row, value, _total in rows:
        problems.append(Problem(table.filename, code, row=row, column=column, value=value,
                                details=dict(details or {})))
    if rows and rows[0][2] > len(rows):
        problems.append(Problem(table.filename, "more_problems", column=column,
                                details={"count": str(rows[0][2] - len(rows)), "of": code}))


def count_found(connection, table: Table, checks: list[dict], extra_counts: tuple[str, ...] = (),
                source: str | None = None) -> list:
    """One scan of `source` (default `stage_<table>`): how many rows each check finds, then the
    values of `extra_counts` (more aggregates computed in the same scan)."""
    params: dict = {}
    counts = []
    for index, check in enumerate(checks):
        condition = check["where"]
        for key, value in (check.get("params") or {}).items():
            params[f"p{index}_{key}"] = value
            condition = condition.replace(f"${key}", f"$p{index}_{key}")
        counts.append(check.get("count", f"count(*) FILTER (WHERE {condition})"))
    aggregates = [*counts, *extra_counts] or ["count(*)"]
    return list(connection.execute(f"SELECT {', '.join(aggregates)} FROM {source or 'stage_' + table.name}",
                                   params).fetchone())


def collect_found(connection, table: Table, problems: list[Problem], checks: list[dict],
                  extra_counts: tuple[str, ...] = ()) -> list:
    """Run `_collect` for each check that finds something, after one scan counting them all.

    A valid file (the usual case) costs one pass over its table, whatever the number of checks.
    Returns the values of `extra_counts` (more aggregates computed in the same scan).
    """
    found = count_found(connection, table, checks, extra_counts)
    for check, count in zip(checks, found, strict=False):
        if count:
            _collect(connection, table, problems, **{k: v for k, v in check.items() if k != "count"})
    return list(found[len(checks):])


def check_cells(connection, table: Table, positions: dict[str, int],
                problems: list[Problem]) -> int:
    """Check every cell and rule of `stage_<table>`; return its number of rows."""
    checks = table_checks(table, positions)
    return int(collect_found(connection, table, problems, checks, ("count(*)",))[0])


def table_checks(table: Table, positions: dict[str, int], cells_as_written: bool = True) -> list[dict]:
    """Every check of a staged table, as entries for `collect_found`.

    With `cells_as_written` False, the table has no `<column>__raw` columns but a `_bad` flag
    (see `typed_read`) standing for the checks of single cells.
    """
    checks: list[dict] = []

    def check(code: str, column: str | None, where: str, details: dict | None = None,
              **options) -> None:
        checks.append({"code": code, "column": column, "where": where, "details": details,
                       **options})

    if not cells_as_written:
        check("unread_cells", None, "_bad")
    for column in table.columns:
        if column.name not in positions:
            continue
        name = column.name
        if cells_as_written:
            if column.required:
                # The typed value first: NULL on few rows, it spares the others the text test.
                check("required", name, f"{name} IS NULL AND ogp_blank({name}__raw) IS NULL")
            check(f"bad_{column.kind.value}", name, normalise.invalid(column, f"{name}__raw", name),
                  _kind_details(column))
        if column.minimum is not None:
            operator = "<=" if column.exclusive_minimum else "<"
            code = "not_above" if column.exclusive_minimum else "below_minimum"
            check(code, name, f"{name} {operator} $minimum", {"minimum": _number(column.minimum)},
                  params={"minimum": column.minimum})
        if column.maximum is not None:
            check("above_maximum", name, f"{name} > $maximum",
                  {"maximum": _number(column.maximum)}, params={"maximum": column.maximum})
    for rule in table.rules:
        if rule.left in positions and rule.right in positions:
            check("before", rule.left, f"{rule.left} < {rule.right}", {"other": rule.right})
    checks += group_checks(table, positions)
    if table.unique and all(name in positions for name in table.unique):
        key = ", ".join(table.unique)
        value_sql = " || ' / ' || ".join(f"CAST({c} AS VARCHAR)" for c in table.unique)
        numbered = (f"(SELECT *, row_number() OVER (PARTITION BY {key} ORDER BY _row) AS _copy "
                    f"FROM stage_{table.name})")
        known = " AND ".join(f"{c} IS NOT NULL" for c in table.unique)
        check("duplicate", table.unique[0] if len(table.unique) == 1 else None,
              "_copy > 1 AND " + known, {"unique_key": key}, value_sql=value_sql, source=numbered,
              count=f"count(*) FILTER (WHERE {known}) - count(DISTINCT ({key})) FILTER (WHERE {known})")
    checks += case_duplicate_checks(table, positions)
    if table.single_row:
        check("single_row", None, f"_row > (SELECT min(_row) FROM stage_{table.name})",
              count="count(*) - 1")
    return checks


def _kind_details(column: Column) -> dict[str, str]:
    if column.kind in (Kind.CHOICE, Kind.CHOICE_LIST):
        return {"choices": ", ".join(column.choices)}
    return {}


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def check_references(connection, table: Table, staged: dict[str, Table], problems: list[Problem],
                     verified: frozenset[str] = frozenset(),
                     absent: set[str] | frozenset[str] = frozenset()) -> None:
    """Every cell of a column that names a row of another file names one that exists; an absent
    optional file (events.csv) has none.

    `verified` columns were read against the other file's values already (`typed_read`)."""
    checks = []
    stored = {name for (name,) in connection.execute(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = $table",
        {"table": f"stage_{table.name}"}).fetchall()}
    for column in table.columns:
        if column.references is None or column.name in verified:
            continue
        target_table, target_column = column.references
        if target_table in absent:
            known = "false"
        elif target_table not in staged:
            continue  # the other file's own problem says enough
        else:
            known = (f"{column.name} IN (SELECT {target_column} FROM stage_{target_table} "
                     f"WHERE {target_column} IS NOT NULL)")
        checks.append({
            "code": "unknown_reference", "column": column.name,
            "where": f"{column.name} IS NOT NULL AND NOT ({known})",
            "details": {"target": TABLES_BY_NAME[target_table].filename,
                        "target_column": target_column},
            # A file read by the fast path keeps no cell as written: its value as read (trimmed).
            "value_sql": None if f"{column.name}__raw" in stored else column.name})
    if checks:
        collect_found(connection, table, problems, checks)
