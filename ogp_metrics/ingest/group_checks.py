"""Checks over counts and groups of rows (`Table.group_rules`), as entries of the check list.

Each entry is what `checks.collect_found` runs: a condition on a numbered copy of
`stage_<table>` (window aggregates over the rows that share the rule's `per` columns) and
how to count its rows in the one scan that counts every check. Column names come from the
contract only; cell values reach DuckDB as data.
"""

from __future__ import annotations

from ogp_metrics.contract.model import AtMost, Distinct, SameWithin, Table


def group_checks(table: Table, positions: dict[str, int]) -> list[dict]:
    """The checks of `table`'s group rules whose columns the file has."""
    checks: list[dict] = []
    for rule in table.group_rules:
        if isinstance(rule, AtMost):
            checks += _at_most(table, rule, positions)
        elif isinstance(rule, SameWithin):
            checks += _same_within(table, rule, positions)
        elif isinstance(rule, Distinct):
            checks += _distinct(table, rule)
    return checks


def _entry(table: Table, code: str, column: str, source: str, where: str, value_sql: str,
           details: dict[str, str]) -> dict:
    return {"code": code, "column": column, "where": where, "details": details, "value_sql": value_sql,
            "source": source, "count": f"(SELECT count(*) FROM {source} WHERE {where})"}


def _window(table: Table, per: tuple[str, ...], selects: list[str]) -> str:
    partition = ", ".join(per)
    return (f"(SELECT *, {', '.join(selects)} FROM stage_{table.name} "
            f"WINDOW same AS (PARTITION BY {partition}), "
            f"ordered AS (PARTITION BY {partition} ORDER BY _row))")


def _at_most(table: Table, rule: AtMost, positions: dict[str, int]) -> list[dict]:
    counted = [name for name in (*rule.summed, *rule.once) if name in positions]
    if rule.total not in positions or not counted:
        return []
    once = " + ".join(f"coalesce({name}, 0)" for name in rule.once) or "0"
    details = {"total": rule.total, "counted": " + ".join((*rule.summed, *rule.once))}
    if not rule.per:
        where = f"{rule.total} IS NOT NULL AND {once} > {rule.total}"
        return [{"code": "above_total", "column": rule.reported_on, "where": where,
                 "value_sql": f"CAST({once} AS VARCHAR) || ' > ' || CAST({rule.total} AS VARCHAR)",
                 "details": details}]
    summed = " + ".join(f"coalesce(sum({name}) OVER same, 0)" for name in rule.summed) or "0"
    once_in_group = " + ".join(f"coalesce(max({name}) OVER same, 0)" for name in rule.once) or "0"
    source = _window(table, rule.per, [f"{summed} + {once_in_group} AS _counted",
                                       f"max({rule.total}) OVER same AS _total",
                                       f"row_number() OVER (PARTITION BY {', '.join(rule.per)} "
                                       "ORDER BY _row DESC) AS _from_last"])
    # Said once per group, on its last row: where the running count went over.
    where = "_from_last = 1 AND _total IS NOT NULL AND _counted > _total"
    value = "CAST(_counted AS VARCHAR) || ' > ' || CAST(_total AS VARCHAR)"
    return [_entry(table, "above_total_in_group", rule.reported_on, source, where, value,
                   {**details, "per": " + ".join(rule.per)})]


def _same_within(table: Table, rule: SameWithin, positions: dict[str, int]) -> list[dict]:
    checks = []
    for name in rule.columns:
        if name not in positions:
            continue
        source = _window(table, rule.per, [f"first_value({name}) OVER ordered AS _first",
                                           "first_value(_row) OVER ordered AS _first_row"])
        where = f"_row > _first_row AND {name} IS DISTINCT FROM _first"
        checks.append(_entry(table, "differs_in_group", name, source, where, f"{name}__raw",
                             {"per": " + ".join(rule.per)}))
    return checks


def _distinct(table: Table, rule: Distinct) -> list[dict]:
    source = _window(table, rule.columns, ["row_number() OVER ordered AS _copy"])
    value = " || ' / ' || ".join(f"coalesce(CAST({name} AS VARCHAR), '—')" for name in rule.columns)
    return [_entry(table, "duplicate", rule.columns[0], source, "_copy > 1", value,
                   {"unique_key": ", ".join(rule.columns)})]
