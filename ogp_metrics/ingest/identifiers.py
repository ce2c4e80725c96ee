"""Identifiers that differ only by case: refused as duplicates.

`FRPA0001` and `frpa0001` in one file are, for the people who type them, the same commitment
twice (a reference in the wrong case would point to neither). The loader compares identifiers
after trimming invisible characters (`normalise.ogp_identifier`); this check adds that two keys
of a unique identifier may not differ only by case. Refused, not warned about: a warning would
let the figures count one record twice. Exact duplicates are the `duplicate` check's.
"""

from __future__ import annotations

from ogp_metrics.contract.schema import Kind, Table


def case_duplicate_checks(table: Table, positions: dict[str, int]) -> list[dict]:
    """The check (for `checks.collect_found`) of a table whose unique key holds an identifier."""
    if not table.unique or not all(name in positions for name in table.unique):
        return []
    folded = [f"lower({name})" if table.column(name).kind is Kind.IDENTIFIER else name
              for name in table.unique]
    if folded == list(table.unique):
        return []
    exact, loose = ", ".join(table.unique), ", ".join(folded)
    known = " AND ".join(f"{name} IS NOT NULL" for name in table.unique)
    first = table.unique[0]
    # Each row against the first row (in file order) of its case-folded key: another spelling.
    numbered = (f"(SELECT *, first_value(({exact})) OVER (PARTITION BY {loose} ORDER BY _row) "
                f"AS _first_spelling, ({exact}) AS _spelling FROM stage_{table.name} WHERE {known})")
    value = " || ' / ' || ".join(f"CAST({name} AS VARCHAR)" for name in table.unique)
    return [{"code": "duplicate_case", "column": first if len(table.unique) == 1 else None,
             "where": "_spelling <> _first_spelling", "details": {"unique_key": exact},
             "value_sql": value, "source": numbered,
             "count": (f"count(DISTINCT ({exact})) FILTER (WHERE {known}) - "
                       f"count(DISTINCT ({loose})) FILTER (WHERE {known})")}]
