"""A cell of an export as the contract reads it: a date in a declared order or precision, a
number in a declared format (`68,816`), or the problem that keeps it from being read."""

from __future__ import annotations

import calendar
import re
from datetime import date

from ogp_metrics.contract.aliases import spelling_key
from ogp_metrics.ingest.csv_files import BLANK
from ogp_metrics.ingest.hints import only_month_first
from ogp_metrics.ingest.problems import Problem

# ---------------------------------------------------------------- dates

_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
_ISO = re.compile(rf"(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_TIME}")
_THREE_PARTS = re.compile(rf"(\d{{1,4}})([/.-])(\d{{1,2}})\2(\d{{1,4}}){_TIME}")
_YEAR = re.compile(r"(\d{4})")
_YEAR_MONTH = re.compile(r"(\d{4})[-/.](\d{1,2})")
_MONTH_YEAR = re.compile(r"(\d{1,2})[-/.](\d{4})")
_NAMED_MONTH = re.compile(r"([^\W\d_]+)\.?\s+(\d{4})")
_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan", "janvier", "janv"), ("february", "feb", "fevrier", "fevr", "fev"),
    ("march", "mar", "mars"), ("april", "apr", "avril", "avr"), ("may", "mai"),
    ("june", "jun", "juin"), ("july", "jul", "juillet", "juil"), ("august", "aug", "aout"),
    ("september", "sep", "sept", "septembre"), ("october", "oct", "octobre"),
    ("november", "nov", "novembre"), ("december", "dec", "decembre")), start=1) for name in names}


def read_date(value: str, order: str, precision: str | None) -> str | Problem:
    """`value` as an ISO date, read in `order`; a year or month alone needs a `precision`."""
    match = _ISO.fullmatch(value)
    if match:
        return _iso(int(match[1]), int(match[2]), int(match[3]), value, order)
    match = _THREE_PARTS.fullmatch(value)
    if match:
        first, second, third = match[1], match[3], match[4]
        if len(first) == 4:
            return _iso(int(first), int(second), int(third), value, order)
        if len(third) != 4:
            return Problem("", "two_digit_year")
        if order == "mdy":
            return _iso(int(third), int(first), int(second), value, order)
        if order == "dmy":
            return _iso(int(third), int(second), int(first), value, order)
        return Problem("", "date_not_in_order", details={"order": order})
    partial = _period(value)
    if partial is not None:
        year, month = partial
        if precision is None:
            return Problem("", "partial_date")
        if month is None:
            month = 1 if precision == "first" else 12
        if not 1 <= month <= 12:
            return Problem("", "date_not_in_order", details={"order": order})
        day = 1 if precision == "first" else calendar.monthrange(year, month)[1]
        return date(year, month, day).isoformat()
    return Problem("", "date_not_in_order", details={"order": order})


def _iso(year: int, month: int, day: int, value: str, order: str) -> str | Problem:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        if order == "dmy" and only_month_first(value):
            return Problem("", "month_first")
        return Problem("", "date_not_in_order", details={"order": order})


def _period(value: str) -> tuple[int, int | None] | None:
    """(year, month or None) of a year or a month written alone: 2023, 2025-04, 04/2025, July 2014."""
    if _YEAR.fullmatch(value):
        return int(value), None
    match = _YEAR_MONTH.fullmatch(value)
    if match:
        return int(match[1]), int(match[2])
    match = _MONTH_YEAR.fullmatch(value)
    if match:
        return int(match[2]), int(match[1])
    match = _NAMED_MONTH.fullmatch(value)
    if match and spelling_key(match[1]) in _MONTHS:
        return int(match[2]), _MONTHS[spelling_key(match[1])]
    return None


# ---------------------------------------------------------------- numbers

def read_number(value: str, thousands: str | None, decimal: str | None) -> str | Problem:
    """`value` written with the declared separators, as `1234.5`."""
    text = re.sub(f"[{BLANK}]", "", value)
    percent = text.endswith("%")
    text = text.rstrip("%")
    marks = [decimal] if decimal else [mark for mark in (",", ".") if mark != thousands]
    decimals = "|".join(re.escape(mark) for mark in marks)
    fraction = rf"(?:(?:{decimals})\d+)?"
    if thousands and thousands != " ":
        pattern = rf"[+-]?(?:\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+|\d+){fraction}"
    else:
        pattern = rf"[+-]?\d+{fraction}"
    if not re.fullmatch(pattern, text):
        return Problem("", "number_format", details={
            "thousands": thousands or "", "decimal": decimal or " / ".join(marks)})
    if thousands and thousands != " ":
        text = text.replace(thousands, "")
    for mark in marks:
        text = text.replace(mark, ".")
    return text + ("%" if percent else "")
