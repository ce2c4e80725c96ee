"""Problems that say what probably happened: a month-first date, a two-digit year, a comma
used as a thousands separator. Each refines a plain "not a date" or "not a number" found by
the checks into a message that says how to declare what the file means."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from ogp_metrics.ingest.problems import Problem

_DAY_MONTH_YEAR = re.compile(r"\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*")
_TWO_DIGIT_YEAR = re.compile(r"\s*\d{1,2}([/.-])\d{1,2}\1\d{2}(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*")
# 68,816 or 1,382,322: groups of three digits after commas (never a French decimal).
THOUSANDS_COMMA = re.compile(r"\s*[+-]?\d{1,3}(,\d{3})+(\.\d+)?\s*")


def only_month_first(value: str) -> bool:
    """Whether `value` is a date only when read month first (`12/31/2019`)."""
    match = _DAY_MONTH_YEAR.fullmatch(value or "")
    if not match:
        return False
    first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
    return _is_date(year, second, first) is False and _is_date(year, first, second) is True


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def refine(problems: list[Problem]) -> list[Problem]:
    """The same problems, each plain "not a date / number" that has a likelier cause reworded."""
    return [_refined(problem) for problem in problems]


def _refined(problem: Problem) -> Problem:
    value = problem.value or ""
    code = problem.code
    if code == "bad_date" and only_month_first(value):
        code = "month_first"
    elif code == "bad_date" and _TWO_DIGIT_YEAR.fullmatch(value):
        code = "two_digit_year"
    elif code in ("bad_whole", "bad_decimal", "bad_percent") and THOUSANDS_COMMA.fullmatch(value):
        code = "thousands_comma"
    if code == problem.code:
        return problem
    return dataclasses.replace(problem, code=code, details=dict(problem.details))
