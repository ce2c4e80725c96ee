"""What can be wrong with a data folder, as data: the text lives in `text.py`."""

from __future__ import annotations

from dataclasses import dataclass, field


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
