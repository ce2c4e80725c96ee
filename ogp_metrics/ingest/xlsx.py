"""What an uploaded file is, judged by its bytes, and an Excel sheet turned into CSV text.

Staff save their files from Excel: either as CSV (any of the encodings and separators
the loader accepts) or as a workbook (`.xlsx`). The declared file name is never trusted:
a workbook renamed `.csv` is read as a workbook, a picture renamed `.csv` is refused.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from datetime import time as clock_time
from decimal import Decimal

from ogp_metrics.contract.aliases import spelling_key
from ogp_metrics.ingest import workbook_parts as parts
from ogp_metrics.ingest.workbook_parts import MB, CellStyle, ReadError
from ogp_metrics.ingest.workbook_sheet import SheetLimits, SheetReader

# Well-known signatures of files that are not CSV text, with the problem code each gets.
ZIP = b"PK\x03\x04"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Excel .xls, password-protected .xlsx, .doc
_OTHER_BINARY = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"7z\xbc\xaf",
                 b"Rar!", b"\x7fELF", b"MZ")
_PLAIN = CellStyle()
__all__ = ["ReadError", "cell_text", "kind_of", "sheet_to_csv"]


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
            # Read only if small: a member of a 10 MB zip can unzip to gigabytes.
            if ("mimetype" in names and archive.getinfo("mimetype").file_size <= 1024
                    and b"opendocument" in archive.read("mimetype")):
                return "opendocument"
            if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
                return "xlsb" if "xl/workbook.bin" in names else "xlsx"
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return "not_text"
    return "not_text"


def sheet_to_csv(data: bytes, table: str, max_rows: int, max_columns: int, deadline: float,
                 max_bytes: int = 10 * MB) -> tuple[str, str]:
    """The sheet named like `table` (else the first visible one) as CSV text, and its name.

    Dates become `YYYY-MM-DD`, numbers are written as typed (a cell formatted as a
    percentage keeps its `%`), empty rows in the middle are kept so that row numbers in
    problems are the ones Excel shows. Every part is read as a stream under limits, the load
    included (see `workbook_parts`): the parts' unzipped sizes, the sheet's declared range, its
    rows, columns and cells, the CSV text it makes (`max_bytes`, an upload's own limit) and the
    deadline. A formula without a saved value is refused (its row and column), never read as an
    empty cell. Raises `ReadError`.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts.check_archive(archive)
            book = parts.read_workbook(archive, deadline)
            sheet = _sheet_for(book.sheets, table)
            size = parts.part_size(archive, sheet.part)
            too_large = ReadError("sheet_too_large", sheet=sheet.name,
                                  size=f"{(size or 0) / MB:.0f}", limit=f"{parts.MAX_SHEET_BYTES // MB}")
            if size is not None and size > parts.MAX_SHEET_BYTES:
                raise too_large  # before reading anything else
            shared = parts.read_shared_strings(archive, book.shared_strings, deadline)
            styles = parts.read_styles(archive, book.styles, deadline)
            reader = SheetReader(sheet.name, SheetLimits(max_rows, max_columns, max_bytes), shared,
                                 styles, cell_text, book.date1904)
            parts.parse_part(archive, sheet.part, parts.MAX_SHEET_BYTES, deadline, reader.start,
                             reader.end, reader.text, too_large)
            return reader.csv_text(), sheet.name
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise ReadError("bad_workbook", reason="zip") from None


def _sheet_for(sheets: list[parts.Sheet], table: str) -> parts.Sheet:
    """The visible sheet named like the table, else the first visible one: a hidden sheet (often
    a list of values for drop-downs, or an old copy) is never read."""
    visible = [sheet for sheet in sheets if sheet.visible]
    if not visible:
        raise ReadError("no_visible_sheet" if sheets else "empty_workbook")
    for sheet in visible:
        if spelling_key(sheet.name) == table:
            return sheet
    return visible[0]


def cell_text(value: object, style: CellStyle = _PLAIN) -> str:
    """One cell's value as the person who typed it reads it (`style`: its number format)."""
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
        # 1 shown as 100 %: the percentage the person sees, not the stored fraction.
        return f"{value * 100}%" if style.percent else str(value)
    if isinstance(value, float):
        number = Decimal(repr(value))
        if style.percent:
            return _plain_number(number * 100) + "%"
        return _plain_number(number)
    return str(value)


def _plain_number(number: Decimal) -> str:
    """`11.25`, `40`, `0.001`: no exponent, no trailing zeros."""
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
