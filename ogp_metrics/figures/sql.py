"""Running a figure's SQL: parameters bound by name, results as frames, records or values."""

from __future__ import annotations

import re
from datetime import date

import duckdb
import pandas as pd

Cursor = duckdb.DuckDBPyConnection


def _named(sql: str, params: dict[str, object]) -> dict[str, object]:
    # DuckDB refuses a parameter the statement does not name: bind only those it names.
    return {name: value for name, value in params.items() if re.search(rf"\${name}\b", sql)}


def frame(cursor: Cursor, sql: str, **params: object) -> pd.DataFrame:
    return cursor.execute(sql, _named(sql, params)).df()


def record(cursor: Cursor, sql: str, **params: object) -> dict:
    """The one row of `sql` as a dict of column -> value."""
    result = cursor.execute(sql, _named(sql, params))
    names = [column[0] for column in result.description]
    return dict(zip(names, result.fetchone(), strict=True))


def scalar(cursor: Cursor, sql: str, **params: object):
    return cursor.execute(sql, _named(sql, params)).fetchone()[0]


def as_date(value: object) -> date | None:
    """A date from what a query returns (date, Timestamp, NaT or None); None when missing."""
    # NaT is a datetime too: test it before `.date()`.
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if hasattr(value, "date"):
        return value.date()
    return value


def percent(part: str, whole: str) -> str:
    """SQL for `part / whole` in percent to one decimal, rounded half up in whole numbers (a
    float would round 6.25 to 6.2); NULL when `whole` is zero or unknown."""
    return f"(CASE WHEN {whole} > 0 THEN ((2000 * ({part}) + ({whole})) // (2 * ({whole}))) / 10.0 END)"
