"""What can be wrong with a data folder, as data, and each problem said in words."""

from __future__ import annotations

from dataclasses import dataclass, field

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
        return (self.file, self.row or 0, self.column or "", self.code)


class DataFolderError(Exception):
    """A data folder that cannot be loaded; `report` says why."""

    def __init__(self, report) -> None:
        self.report = report
        super().__init__(f"{len(report.problems)} problem(s) in {report.folder}")


def describe_problem(problem: Problem, lang: str = text.DEFAULT_LANGUAGE) -> str:
    """One problem as a sentence: where (file, row, column), then what is wrong."""
    where = [text.t("problem.where.file", lang, file=problem.file)] if problem.file else []
    if problem.row:
        where.append(text.t("problem.where.row", lang, row=problem.row))
    if problem.column:
        where.append(text.t("problem.where.column", lang, column=problem.column))
    what = text.t(f"problem.{problem.code}", lang, value=_shorten(problem.value),
                  column=problem.column or "", **problem.details)
    if not where:
        return what
    colon = " :" if text.language(lang) == "fr" else ":"  # French sets a space before the colon
    return f"{', '.join(where)}{colon} {what}"


def _shorten(value: str | None, limit: int = 80) -> str:
    if value is None:
        return ""
    return value if len(value) <= limit else value[: limit - 1] + "…"
