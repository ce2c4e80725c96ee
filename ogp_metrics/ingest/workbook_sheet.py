"""One worksheet of an `.xlsx` workbook, streamed into rows of text under limits.

Read by `xlsx.sheet_to_csv` through `workbook_parts.parse_part` (expat, chunk by chunk): the
sheet's declared range is checked when it is met (before the rows), then each row as it ends.
Only rows with content are kept (with the empty rows between them, so that row numbers stay the
ones Excel shows); empty rows and cells past the limits are counted, never expanded.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from ogp_metrics.ingest.workbook_parts import CellStyle, ReadError, local, unescape

_REFERENCE = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")
# Stored cells and rows, empty (formatted) ones included, per cell or row a sheet may hold: each
# costs a few microseconds to read, so that a sheet of empty cells is refused within seconds.
MAX_CELLS_PER_ALLOWED_CELL = 1
MAX_CELLS_PER_ALLOWED_ROW_CELL = 2  # in one row
MAX_ROWS_PER_ALLOWED_ROW = 4


_PLAIN = CellStyle()


def _openpyxl_dates():
    """openpyxl's Excel date conversions (imported on the first date: only workbooks need it)."""
    from openpyxl.utils import datetime as dates

    return dates


@dataclass(frozen=True)
class SheetLimits:
    max_rows: int
    max_columns: int
    max_csv_bytes: int


def column_index(letters: str) -> int:
    """`A` -> 1, `Z` -> 26, `AA` -> 27."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(index: int) -> str:
    letters = ""
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


class SheetReader:
    """The expat handlers that turn a sheet into CSV lines; `csv_text()` once parsed."""

    def __init__(self, title: str, limits: SheetLimits, shared: list[str], styles: list[CellStyle],
                 cell_text: Callable[[object, CellStyle], str], date1904: bool) -> None:
        self.title = title
        self.limits = limits
        self.shared = shared
        self.styles = styles
        self.cell_text = cell_text
        self.date1904 = date1904
        self.lines: list[str] = []
        self.line = io.StringIO()
        self.writer = csv.writer(self.line, lineterminator="\n")
        self.csv_bytes = 0
        self.width: int | None = None  # the first row's, once written
        self.header: list[str] = []
        self.rows_written = 0  # the last row number written
        self.row_elements = 0
        self.cell_elements = 0
        self.row_cells = 0
        self.columns: dict[str, int] = {}  # column letters met, and their number
        self.row = 0
        self.values: dict[int, str] = {}
        self.column = 0
        self.in_cell = False  # the current cell's type, style, <v>, <f> and formula text:
        self.cell_type = "n"
        self.cell_style = _PLAIN
        self.has_value = False
        self.formula: str | None = None
        self.pieces: list[str] = []
        self.collecting = False
        self.in_formula = False
        self.phonetic = 0
        self.max_row_cells = limits.max_columns * MAX_CELLS_PER_ALLOWED_ROW_CELL
        self.max_cells = (limits.max_rows + 1) * limits.max_columns * MAX_CELLS_PER_ALLOWED_CELL

    # ------------------------------------------------------------ expat handlers

    def start(self, name: str, attributes: dict) -> None:
        if ":" in name:
            name = local(name)
        if name == "c":
            self._start_cell(attributes)
        elif name == "v":
            if self.in_cell:
                self.has_value = self.collecting = True
        elif name == "t":
            self.collecting = self.in_cell and self.cell_type == "inlineStr" and not self.phonetic
        elif name == "f":
            if self.in_cell:
                self.formula = ""
                self.in_formula = True
        elif name == "rPh":
            self.phonetic += 1
        elif name == "row":
            self._start_row(attributes)
        elif name == "dimension":
            self._check_dimension(attributes.get("ref", ""))

    def end(self, name: str) -> None:
        if ":" in name:
            name = local(name)
        if name == "c":
            if self.in_cell:
                self._end_cell()
        elif name == "v" or name == "t":
            self.collecting = False
        elif name == "f":
            if self.in_formula:
                self.in_formula = False
                self.formula = "".join(self.pieces)[:60]
                self.pieces.clear()
        elif name == "rPh":
            self.phonetic -= 1
        elif name == "row":
            self._end_row()

    def text(self, characters: str) -> None:
        if self.collecting or self.in_formula:
            self.pieces.append(characters)

    # ------------------------------------------------------------ rows and cells

    def _check_dimension(self, reference: str) -> None:
        last = reference.rpartition(":")[2]
        match = _REFERENCE.fullmatch(last)
        if not match:
            return
        rows, columns = int(match.group(2)), column_index(match.group(1))
        if rows > self.limits.max_rows + 1:  # the header, then the rows
            raise ReadError("too_many_rows", limit=str(self.limits.max_rows))
        allowed_columns = self.limits.max_columns * 2  # room for empty formatted columns
        if columns > allowed_columns:
            raise ReadError("declared_range_too_large", sheet=self.title, range=reference,
                            columns=str(columns), max_columns=str(allowed_columns))

    def _start_row(self, attributes: dict) -> None:
        self.row_elements += 1
        if self.row_elements > (self.limits.max_rows + 1) * MAX_ROWS_PER_ALLOWED_ROW:
            raise ReadError("too_many_rows", limit=str(self.limits.max_rows))
        declared = attributes.get("r")
        self.row = int(declared) if declared and declared.isdigit() else self.row + 1
        self.values = {}
        self.column = 0
        self.row_cells = 0

    def _start_cell(self, attributes: dict) -> None:
        self.cell_elements += 1
        self.row_cells += 1
        if self.row_cells > self.max_row_cells:
            raise ReadError("too_many_columns", limit=str(self.limits.max_columns), row=str(self.row))
        if self.cell_elements > self.max_cells:
            raise ReadError("too_many_cells", sheet=self.title, limit=str(self.max_cells))
        reference = attributes.get("r")
        letters = reference.rstrip("0123456789") if reference else ""
        if letters:
            index = self.columns.get(letters)
            if index is None:
                index = self.columns[letters] = column_index(letters.lstrip("$"))
            self.column = index
        else:
            self.column += 1
        style = attributes.get("s")
        if style is None:
            self.cell_style = _PLAIN
        else:
            index = int(style) if style.isdigit() else 0
            self.cell_style = self.styles[index] if index < len(self.styles) else _PLAIN
        self.cell_type = attributes.get("t", "n")
        self.in_cell = True
        self.has_value = False
        self.formula = None
        self.pieces.clear()

    def _end_cell(self) -> None:
        self.in_cell = False
        raw = "".join(self.pieces)
        self.pieces.clear()
        kind = self.cell_type
        # A formula's saved result is its <v>; an empty one is a result only for a text formula.
        if self.formula is not None and not (self.has_value and (raw or kind == "str")):
            letters = column_letters(self.column)
            header = self.header[self.column - 1] if self.column <= len(self.header) else ""
            raise ReadError("formula_without_value", row_number=self.row, column_name=header or letters,
                            cell=f"{letters}{self.row}", formula=self.formula)
        value = self._value(kind, raw, self.cell_style)
        if value == "":
            return
        if self.column > self.limits.max_columns:
            raise ReadError("too_many_columns", limit=str(self.limits.max_columns), row=str(self.row))
        self.values[self.column] = value

    def _value(self, kind: str, raw: str, style: CellStyle) -> str:
        if kind == "n":
            return self._number(raw, style) if raw else ""
        if kind == "s":
            try:
                return self.shared[int(raw)] if raw else ""
            except (ValueError, IndexError):
                raise ReadError("bad_workbook", reason=f"string {raw[:20]}") from None
        if kind == "inlineStr" or kind == "str":
            return unescape(raw)
        if raw == "":
            return ""
        if kind == "b":
            return "true" if raw.strip() not in ("0", "") else "false"
        if kind == "d":
            try:
                return self.cell_text(_openpyxl_dates().from_ISO8601(raw), style)
            except ValueError:
                return raw
        return raw  # "e": an error Excel shows (#N/A, #DIV/0!...), as text

    def _number(self, raw: str, style: CellStyle) -> str:
        try:
            number = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
        except ValueError:
            return raw
        if style.date:
            dates = _openpyxl_dates()
            try:
                moment = dates.from_excel(number, dates.CALENDAR_MAC_1904 if self.date1904
                                          else dates.WINDOWS_EPOCH, timedelta=style.duration)
            except (OverflowError, ValueError):
                return "#VALUE!"  # what Excel shows for a date out of range
            return self.cell_text(moment, style)
        if not style.percent and type(number) is int:
            return raw if raw.isdigit() else str(number)
        return self.cell_text(number, style)

    def _end_row(self) -> None:
        if not self.values:
            return  # an empty row: written only if a row with content follows
        if self.row - 1 > self.limits.max_rows:
            raise ReadError("too_many_rows", limit=str(self.limits.max_rows))
        values = [self.values.get(index, "") for index in range(1, max(self.values) + 1)]
        if self.row <= self.rows_written:  # rows out of order: not something Excel writes
            raise ReadError("bad_workbook", reason=f"row {self.row}")
        while self.rows_written + 1 < self.row:  # empty rows in between, as Excel numbers them
            self._write([])
        self._write(values)

    def _write(self, values: list[str]) -> None:
        # A line break in a cell is "\n" for the CSV reader: a lone "\r" would end the record.
        values = [value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value
                  for value in values]
        self.rows_written += 1
        if self.width is None:
            self.width = len(values)
            self.header = values
        if len(values) < self.width:  # Excel does not store empty trailing cells
            values = values + [""] * (self.width - len(values))
        self.line.seek(0)
        self.line.truncate()
        self.writer.writerow(values)
        line = self.line.getvalue()
        self.lines.append(line)
        self.csv_bytes += len(line.encode("utf-8"))
        if self.csv_bytes > self.limits.max_csv_bytes:
            raise ReadError("workbook_csv_too_large", limit=f"{self.limits.max_csv_bytes / 1024 / 1024:g}")

    def csv_text(self) -> str:
        if not self.rows_written:
            raise ReadError("empty_workbook")
        return "".join(self.lines)
