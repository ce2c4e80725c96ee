"""Running a figure's SQL: parameters bound by name, results as frames, records or values."""

from __future__ import annotations

import re
from datetime import date

import duckdb
import numpy as np
import pandas as pd

Cursor = duckdb.DuckDBPyConnection


def _named(sql: str, params: dict[str, object]) -> dict[str, object]:
    # DuckDB refuses a parameter the statement does not name: bind only those it names.
    return {name: value for name, value in params.items() if re.search(rf"\${name}\b", sql)}


def frame(cursor: Cursor, sql: str, **params: object) -> pd.DataFrame:
    return cursor.execute(sql, _named(sql, params)).df()


class RememberingCursor:
    """A cursor that runs each distinct query once: a document built section by section (the
    briefing, the site in two languages) asks for the same figures many times, and at scale
    each of them is a scan of millions of rows. Use it for one document, on unchanging data.

    It answers `execute(sql, params)` with an object offering `df()` (a copy each time),
    `fetchone()`, `fetchall()` and `description`, which is all `frame`, `record` and `scalar`
    and the figures use.
    """

    def __init__(self, cursor: Cursor) -> None:
        self._cursor = cursor
        self._results: dict[tuple, _Result] = {}

    def execute(self, sql: str, params: dict | None = None) -> _Result:
        key = (sql, tuple(sorted((name, repr(value)) for name, value in (params or {}).items())))
        if key not in self._results:
            self._results[key] = _Result(self._cursor.execute(sql, params or {}).df())
        return self._results[key]


class _Result:
    def __init__(self, rows: pd.DataFrame) -> None:
        self._rows = rows
        self.description = [(name,) for name in rows.columns]

    def df(self) -> pd.DataFrame:
        return self._rows.copy()

    def fetchall(self) -> list[tuple]:
        return [tuple(_plain(value) for value in row) for row in self._rows.itertuples(index=False)]

    def fetchone(self) -> tuple | None:
        rows = self.fetchall()
        return rows[0] if rows else None


def _plain(value: object) -> object:
    """A value as DuckDB's `fetchone` gives it (None, not NaN or NaT; a date, not a Timestamp)."""
    if isinstance(value, np.ndarray):  # a LIST column: DuckDB gives a list
        return [_plain(item) for item in value]
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date() if value == value.normalize() else value.to_pydatetime()
    if hasattr(value, "item"):
        return value.item()
    return value


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
    if isinstance(value, np.ndarray):  # a LIST column: DuckDB gives a list
        return [_plain(item) for item in value]
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if hasattr(value, "date"):
        return value.date()
    return value


def percent(part: str, whole: str) -> str:
    """SQL for `part / whole` in percent to one decimal, rounded half up in whole numbers (a
    float would round 6.25 to 6.2); NULL when `whole` is zero or unknown."""
    return f"(CASE WHEN {whole} > 0 THEN ((2000 * ({part}) + ({whole})) // (2 * ({whole}))) / 10.0 END)"
