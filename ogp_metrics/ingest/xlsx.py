"""What an uploaded file is, judged by its bytes, and an Excel sheet turned into CSV text.

Staff save their files from Excel: either as CSV (any of the encodings and separators
the loader accepts) or as a workbook (`.xlsx`). The declared file name is never trusted:
a workbook renamed `.csv` is read as a workbook, a picture renamed `.csv` is refused.
"""

from __future__ import annotations

import csv
import io
import time
import zipfile
from datetime import date, datetime
from datetime import time as clock_time
from decimal import Decimal

from ogp_metrics.contract.aliases import spelling_key

# Well-known signatures of files that are not CSV text, with the problem code each gets.
ZIP = b"PK\x03\x04"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Excel .xls, password-protected .xlsx, .doc
_OTHER_BINARY = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"7z\xbc\xaf",
                 b"Rar!", b"\x7fELF", b"MZ")
# A workbook may not expand to more than this when unzipped (a "zip bomb" is refused).
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024


class ReadError(Exception):
    """An upload that cannot be read as a table; `code` names the problem, `details` fill its text."""

    def __init__(self, code: str, **details: str) -> None:
        self.code = code
        self.details = details
        super().__init__(code)


def kind_of(data: bytes) -> str:
    """`xlsx`, `csv`, or the problem code of a file that is neither (judged by content only)."""
    if data.startswith(ZIP):
        return _zip_kind(data)
    if data.startswith(OLE2):
        return "old_office_file"
    if data.startswith(_OTHER_BINARY) or b"\x00" in data:
        return "not_text"
    return "csv"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and b"opendocument" in archive.read("mimetype"):
                return "opendocument"
            if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
                return "xlsb" if "xl/workbook.bin" in names else "xlsx"
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return "not_text"
    return "not_text"


def sheet_to_csv(data: bytes, table: str, max_rows: int, max_columns: int,
                 deadline: float) -> tuple[str, str]:
    """The sheet named like `table` (else the first) as CSV text, and that sheet's name.

    Dates become `YYYY-MM-DD`, numbers are written as typed (a cell formatted as a
    percentage keeps its `%`), empty rows in the middle are kept so that row numbers in
    problems are the ones Excel shows. Raises `ReadError` when a limit is exceeded.
    """
    import openpyxl  # imported here: only uploads of workbooks need it

    _check_unzipped_size(data)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged workbook
        raise ReadError("bad_workbook", reason=type(error).__name__) from None
    try:
        sheet = _sheet_for(workbook, table)
        if sheet is None:
            raise ReadError("empty_workbook")
        rows = _rows(sheet, max_rows, max_columns, deadline)
        return _csv_text(rows), str(sheet.title)
    finally:
        workbook.close()


def _check_unzipped_size(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ReadError("bad_workbook", reason="zip") from None
    if total > MAX_UNZIPPED_BYTES:
        raise ReadError("workbook_too_large", limit=str(MAX_UNZIPPED_BYTES // (1024 * 1024)))


def _sheet_for(workbook, table: str):
    sheets = list(workbook.worksheets)
    for sheet in sheets:
        if spelling_key(str(sheet.title)) == table:
            return sheet
    return sheets[0] if sheets else None


def _rows(sheet, max_rows: int, max_columns: int, deadline: float) -> list[list[str]]:
    """Every row up to the last non-empty one, each cell as text, trailing empty cells dropped."""
    rows: list[list[str]] = []
    last_filled = 0
    # Reading one column past the limit is enough to know the limit is exceeded.
    for index, cells in enumerate(sheet.iter_rows(max_col=max_columns + 1), start=1):
        if index % 500 == 1 and time.monotonic() > deadline:
            raise ReadError("too_slow")
        values = [cell_text(cell) for cell in cells]
        while values and values[-1] == "":
            values.pop()
        if len(values) > max_columns:
            raise ReadError("too_many_columns", limit=str(max_columns), row=str(index))
        if values:
            last_filled = index
            if index - 1 > max_rows:
                raise ReadError("too_many_rows", limit=str(max_rows))
        rows.append(values)
    del rows[last_filled:]
    if not rows:
        raise ReadError("empty_workbook")
    width = len(rows[0])
    # Pad short rows to the header's width: Excel does not store empty trailing cells.
    return [row + [""] * (width - len(row)) if len(row) < width else row for row in rows]


def cell_text(cell) -> str:
    """One cell as the person who typed it reads it."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        if value.time() == clock_time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, clock_time):
        return value.isoformat(timespec="seconds")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        number = Decimal(repr(value))
        if "%" in str(getattr(cell, "number_format", "") or ""):
            return _plain_number(number * 100) + "%"
        return _plain_number(number)
    return str(value)


def _plain_number(number: Decimal) -> str:
    """`11.25`, `40`, `0.001`: no exponent, no trailing zeros."""
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _csv_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()
