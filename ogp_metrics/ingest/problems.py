"""What can be wrong with a data folder, as data, and each problem said in words."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

from ogp_metrics import text


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell, row, column or file.

    `row` is the row number a spreadsheet shows (the header is row 1), `column`
    the contract's name for the column, `value` the cell as written.
    """

    file: str
    code: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    details: dict[str, str] = field(default_factory=dict, compare=False)

    def sort_key(self) -> tuple:
        # "… and N more of the same kind" follows the rows it summarises, at the end of its file.
        last = math.inf if self.code in MORE else 0
        return (self.file, self.row or last, self.column or "", self.code)


# The lines that count the problems (or warnings) of one kind that are not listed.
MORE = ("more_problems", "more_warnings")


def problem_count(problems: list[Problem]) -> int:
    """How many problems there are: each listed one, and every one a "… and N more" line counts."""
    return sum(int(p.details.get("count", 0) or 0) if p.code in MORE else 1 for p in problems)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


class DataFolderError(Exception):
    """A data folder that cannot be loaded; `report` says why."""

    def __init__(self, report) -> None:
        self.report = report
        super().__init__(f"{problem_count(report.problems)} problem(s) in {report.folder}")


def describe_problem(problem: Problem, lang: str = text.DEFAULT_LANGUAGE) -> str:
    """One problem as a sentence: where (file, row, column), then what is wrong."""
    where = [text.t("problem.where.file", lang, file=problem.file)] if problem.file else []
    if problem.row:
        where.append(text.t("problem.where.row", lang, row=problem.row))
    if problem.column:
        where.append(text.t("problem.where.column", lang, column=one_line(problem.column)))
    what = problem_message(problem, lang)
    if not where:
        return what
    colon = " :" if text.language(lang) == "fr" else ":"  # French sets a space before the colon
    return f"{', '.join(where)}{colon} {what}"


def problem_message(problem: Problem, lang: str = text.DEFAULT_LANGUAGE) -> str:
    """What is wrong, without where (the file, row and column are said apart)."""
    details = dict(problem.details)
    for key, value in details.items():
        if key.endswith("_date") and _ISO_DATE.fullmatch(value or ""):
            details[key] = text.format_date(date.fromisoformat(value), lang)
        elif key == "median" and _NUMBER.fullmatch(value or ""):  # `64,5` in French
            details[key] = text.format_number(float(value), lang, 1)
    if "choices" in details:
        details["choices"] = _choices(details.get("domain") or problem.column or "", details["choices"],
                                      lang)
    values = {"value": _shorten(problem.value), "column": one_line(problem.column or ""), **details}
    if _NUMBER.fullmatch(details.get("count") or ""):  # `… et 1 autre problème`, `1 234 autres`
        return text.tn(f"problem.{problem.code}", float(values.pop("count")), lang, **values)
    return text.t(f"problem.{problem.code}", lang, **values)


def _choices(domain: str, codes: str, lang: str) -> str:
    """Allowed values as people read them: `Comité de pilotage (steering_committee)`, ..."""
    return ", ".join(f"{text.value_label(domain, code, lang)} ({code})" if
                     text.value_label(domain, code, lang) != code else code
                     for code in codes.split(", ") if code)


def one_line(value: str) -> str:
    """A cell's text on one line: its line breaks shown as ↵."""
    return value.replace("\r\n", "↵").replace("\n", "↵").replace("\r", "↵")


def _shorten(value: str | None, limit: int = 80) -> str:
    if value is None:
        return ""
    value = one_line(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"
