"""The parts of an `.xlsx` workbook, read as streams under limits, before and during parsing.

A workbook is a zip of XML parts. A few hundred kilobytes can unzip to hundreds of megabytes (a
sheet of empty rows, a table of shared strings), and a general reader such as openpyxl expands a
whole sheet before returning its first row (a 295 KB workbook took 3 GB and 45 s). So here:

- the zip's directory is checked first: the number of parts, each part's unzipped size against
  its own cap, and the total (`check_archive`); a part is never read past its declared size;
- every part is parsed by expat as a stream (`parse_part`), chunk by chunk, with the deadline
  checked between chunks and every few thousand elements, and no DOCTYPE or entity allowed;
- what is kept in memory is bounded: the shared strings by their part's cap, the sheet's rows by
  the size of the CSV text they make (`xlsx.sheet_to_csv`).
"""

from __future__ import annotations

import re
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.parsers import expat

MB = 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * MB  # the whole workbook unzipped
MAX_PARTS = 2_000
# Each part's own cap: a 50,000-row, 50-column sheet of numbers is about 90 MB of XML.
MAX_SHEET_BYTES = 100 * MB
MAX_SHARED_STRINGS_BYTES = 50 * MB
MAX_SMALL_PART_BYTES = 10 * MB  # workbook.xml, its relationships, styles.xml
CHUNK = 64 * 1024

_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


class ReadError(Exception):
    """An upload that cannot be read as a table; `code` names the problem, `details` fill its
    text, `row_number` and `column_name` (when known) say where, as the spreadsheet shows them."""

    def __init__(self, code: str, row_number: int | None = None, column_name: str | None = None,
                 **details: str) -> None:
        self.code = code
        self.row_number = row_number
        self.column_name = column_name
        self.details = details
        super().__init__(code)


def check_archive(archive: zipfile.ZipFile) -> None:
    """Refuse a workbook whose parts are too many or unzip too large, before reading any."""
    members = archive.infolist()
    if len(members) > MAX_PARTS:
        raise ReadError("workbook_too_large", limit=str(MAX_UNZIPPED_BYTES // MB))
    if sum(member.file_size for member in members) > MAX_UNZIPPED_BYTES:
        raise ReadError("workbook_too_large", limit=str(MAX_UNZIPPED_BYTES // MB))


def part_size(archive: zipfile.ZipFile, name: str) -> int | None:
    try:
        return archive.getinfo(name).file_size
    except KeyError:
        return None


def local(name: str) -> str:
    """An element's or attribute's name without its namespace prefix (`x:c` -> `c`)."""
    return name.rpartition(":")[2] if ":" in name else name


def parse_part(archive: zipfile.ZipFile, name: str, limit: int, deadline: float,
               start: Callable[[str, dict], None], end: Callable[[str], None] | None = None,
               text: Callable[[str], None] | None = None, too_large: ReadError | None = None) -> None:
    """Stream part `name` through expat: `start(name, attributes)`, `end(name)`, `text(characters)`
    (names as written: see `local`). Raises `ReadError` past `limit` bytes, past the deadline
    (checked between chunks of `CHUNK` bytes, each parsed in milliseconds), or on bad XML."""
    size = part_size(archive, name)
    if size is None:
        raise ReadError("bad_workbook", reason=f"missing {name}")
    if size > limit:
        raise too_large or ReadError("workbook_too_large", limit=str(limit // MB))
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.buffer_size = 65536
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse_declarations(*_args) -> None:
        raise ReadError("bad_workbook", reason="DOCTYPE")

    parser.StartDoctypeDeclHandler = refuse_declarations
    parser.EntityDeclHandler = refuse_declarations
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if text is not None:
        parser.CharacterDataHandler = text
    try:
        with archive.open(name) as stream:
            while chunk := stream.read(CHUNK):
                if time.monotonic() > deadline:
                    raise ReadError("too_slow")
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise ReadError("bad_workbook", reason=f"XML {name}: {expat.ErrorString(error.code)}") from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
        raise ReadError("bad_workbook", reason=type(error).__name__) from None


@dataclass
class Sheet:
    name: str
    part: str
    visible: bool


@dataclass
class Workbook:
    """What the workbook part and its relationships say: the sheets, in order, and the epoch."""

    sheets: list[Sheet] = field(default_factory=list)
    date1904: bool = False
    shared_strings: str | None = None
    styles: str | None = None


def _target(target: str) -> str:
    """A relationship's target as a part name: relative to `xl/`, or absolute from the root."""
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


def read_workbook(archive: zipfile.ZipFile, deadline: float) -> Workbook:
    relationships: dict[str, tuple[str, str]] = {}

    def relationship(name: str, attributes: dict) -> None:
        if local(name) == "Relationship" and "Id" in attributes and "Target" in attributes:
            kind = attributes.get("Type", "").rpartition("/")[2]
            relationships[attributes["Id"]] = (kind, _target(attributes["Target"]))

    parse_part(archive, "xl/_rels/workbook.xml.rels", MAX_SMALL_PART_BYTES, deadline, relationship)
    book = Workbook()
    for kind, target in relationships.values():
        if kind == "sharedStrings":
            book.shared_strings = target
        elif kind == "styles":
            book.styles = target
    declared: list[tuple[str, str, bool]] = []

    def element(name: str, attributes: dict) -> None:
        name = local(name)
        if name == "sheet":
            relation = next((value for key, value in attributes.items() if key.endswith(":id")), "")
            declared.append((attributes.get("name", ""), relation,
                             attributes.get("state", "visible") == "visible"))
        elif name == "workbookPr":
            book.date1904 = attributes.get("date1904", "").lower() in ("1", "true")

    parse_part(archive, "xl/workbook.xml", MAX_SMALL_PART_BYTES, deadline, element)
    for title, relation, visible in declared:
        kind, target = relationships.get(relation, ("", ""))
        if kind == "worksheet":
            book.sheets.append(Sheet(title, target, visible))
    return book


def unescape(value: str) -> str:
    """Characters Excel writes as `_xHHHH_` (a carriage return is `_x000D_`)."""
    return _ESCAPED.sub(lambda match: chr(int(match.group(1), 16)), value) if "_x" in value else value


def read_shared_strings(archive: zipfile.ZipFile, part: str | None, deadline: float) -> list[str]:
    """Every shared string, rich text joined, phonetic guides left out."""
    if part is None or part_size(archive, part) is None:
        return []
    strings: list[str] = []
    pieces: list[str] = []
    state = {"in_text": False, "phonetic": 0}

    def start(name: str, _attributes: dict) -> None:
        name = local(name)
        if name == "si":
            pieces.clear()
        elif name == "rPh":
            state["phonetic"] += 1
        elif name == "t" and not state["phonetic"]:
            state["in_text"] = True

    def end(name: str) -> None:
        name = local(name)
        if name == "si":
            strings.append(unescape("".join(pieces)))
        elif name == "rPh":
            state["phonetic"] -= 1
        elif name == "t":
            state["in_text"] = False

    def text(characters: str) -> None:
        if state["in_text"]:
            pieces.append(characters)

    parse_part(archive, part, MAX_SHARED_STRINGS_BYTES, deadline, start, end, text)
    return strings


@dataclass(frozen=True)
class CellStyle:
    """What a cell's number format says about its value: a date, a duration, a percentage."""

    date: bool = False
    duration: bool = False
    percent: bool = False


def read_styles(archive: zipfile.ZipFile, part: str | None, deadline: float) -> list[CellStyle]:
    """The style of each cell format (`cellXfs`), by index."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

    if part is None or part_size(archive, part) is None:
        return []
    custom: dict[int, str] = {}
    formats: list[int] = []
    inside = {"cellXfs": False}

    def start(name: str, attributes: dict) -> None:
        name = local(name)
        if name == "numFmt":
            custom[_integer(attributes.get("numFmtId"))] = attributes.get("formatCode", "")
        elif name == "cellXfs":
            inside["cellXfs"] = True
        elif name == "xf" and inside["cellXfs"]:
            formats.append(_integer(attributes.get("numFmtId")))

    def end(name: str) -> None:
        if local(name) == "cellXfs":
            inside["cellXfs"] = False

    parse_part(archive, part, MAX_SMALL_PART_BYTES, deadline, start, end)
    styles = []
    for number in formats:
        code = custom.get(number, BUILTIN_FORMATS.get(number, "General"))
        styles.append(CellStyle(is_date_format(code), is_timedelta_format(code), "%" in code))
    return styles


def _integer(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0
