"""Reading a CSV file as city staff save it: encoding, separator, header, row numbers.

Decoding happens here in Python because DuckDB reads neither Windows-1252 nor a
file whose encoding it has to guess; DuckDB then parses UTF-8 with explicit options.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

CHUNK = 8 * 1024 * 1024
SEPARATORS = (";", ",", "\t")
# What a blank cell may hold: the characters `ogp_blank` trims (space, tab, no-break spaces).
BLANK = " \t\u00a0\u202f"
# A well-formed UTF-8 sequence of a character beyond ASCII: in a file that is not valid UTF-8,
# one of them means two encodings are mixed (Windows-1252 text almost never holds one).
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


class UnreadableFile(Exception):
    """A file that is not a CSV text file; `code` and `details` describe why."""

    def __init__(self, code: str, row: int | None = None, column: str | None = None,
                 **details: str) -> None:
        self.code = code
        self.row = row
        self.column = column
        self.details = details
        super().__init__(code)


@dataclass(frozen=True)
class DecodedFile:
    path: Path  # UTF-8 file for DuckDB: the original, or a transcoded copy outside the data folder
    encoding: str
    separator: str
    header: list[str]
    sha256: str
    size: int
    physical_lines: int
    ends_with_newline: bool


def sniff_separator(first_line: str) -> str:
    """The separator of a header line: the most frequent of `;`, `,` and tab outside quotes."""
    counts = {sep: 0 for sep in SEPARATORS}
    in_quotes = False
    for ch in first_line:
        if ch == '"':
            in_quotes = not in_quotes
        elif not in_quotes and ch in counts:
            counts[ch] += 1
    best = max(SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _row_of_offset(data: bytes, offset: int, separator: str) -> int:
    """Spreadsheet row of the byte at `offset`: records, not lines, as quoted cells may span lines."""
    return _cell_of_offset(data, offset, separator)[0]


def _cell_of_offset(data: bytes, offset: int, separator: str) -> tuple[int, int]:
    """Spreadsheet row and column position (from 0) of the byte at `offset`."""
    before = data[:offset].decode("cp1252", errors="replace") + "x"  # "x" ends on the byte's record
    row, last = 0, [""]
    for record in csv.reader(io.StringIO(before, newline=""), delimiter=separator):
        row, last = row + 1, record
    return row, len(last) - 1


def mixed_encoding(data: bytes, separator: str) -> UnreadableFile | None:
    """The problem of a file that is not UTF-8 but holds UTF-8 characters: two encodings mixed.

    Read as Windows-1252, its UTF-8 accents would all turn into `Ã©`: it is refused instead,
    naming the first cell whose bytes are not UTF-8.
    """
    if not _UTF8_SEQUENCE.search(data):
        return None
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as error:
        offset = error.start
    row, position = _cell_of_offset(data, offset, separator)
    text = data.decode("utf-8-sig", errors="replace")
    header = next(csv.reader(io.StringIO(text, newline=""), delimiter=separator), [])
    column = header[position].strip() if 0 <= position < len(header) else None
    return UnreadableFile("mixed_encoding", row=row, column=column, byte=f"0x{data[offset]:02X}")


def decode_text(data: bytes) -> tuple[str, str]:
    """A whole file's text and its encoding (`utf-8`, `utf-8-sig` or `cp1252`), as the loader reads
    it; raises `UnreadableFile` for a file that mixes encodings or holds undecodable bytes."""
    try:
        text = data.decode("utf-8-sig")
        return text, "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    except UnicodeDecodeError:
        pass
    first_line = data.split(b"\n", 1)[0].decode("cp1252", errors="replace")
    separator = sniff_separator(first_line)
    mixed = mixed_encoding(data, separator)
    if mixed is not None:
        raise mixed
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        raise UnreadableFile("undecodable", row=_row_of_offset(data, error.start, separator),
                             byte=f"0x{data[error.start]:02X}") from None


def text_and_separator(data: bytes) -> tuple[str, str]:
    """A small file's text (UTF-8, else Windows-1252) and its separator, as the loader reads them."""
    try:
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        decoded = data.decode("cp1252", errors="replace")
    return decoded, sniff_separator(decoded.split("\n", 1)[0])


def decode(path: Path, workdir: Path) -> DecodedFile:
    """Check that `path` is a text file, find its encoding and separator, read its header.

    Windows-1252 files are transcoded to UTF-8 into `workdir`; UTF-8 files are used as they are.
    """
    size = path.stat().st_size
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    newlines = 0
    last_byte = b""
    head = b""
    with path.open("rb") as stream:
        offset = 0
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
            if b"\x00" in chunk:
                raise UnreadableFile("not_text")
            if len(head) < 65536:
                head += chunk[: 65536 - len(head)]
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
            newlines += chunk.count(b"\n")
            last_byte = chunk[-1:]
            offset += len(chunk)
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    if not head.strip(b" \t\r\n\xef\xbb\xbf;,"):
        raise UnreadableFile("empty_file")
    first_text = head.decode("utf-8-sig" if utf8 else "cp1252", errors="replace")
    first_line = first_text.splitlines()[0] if first_text.splitlines() else ""
    separator = sniff_separator(first_line)
    if not utf8 and head.startswith(codecs.BOM_UTF8):
        # Marked as UTF-8 but not UTF-8 (Windows-1252 behind a mark): read as Windows-1252, the
        # mark would become "ï»¿" in the first column's name, and that column would be "missing".
        raise _not_utf8_after_mark(path, separator)
    if utf8:
        encoding, target = "utf-8", path
        if head.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
    else:
        encoding, target = "cp1252", _transcode(path, workdir, separator)
    header = next(csv.reader(io.StringIO(first_text, newline=""), delimiter=separator), [])
    physical = newlines + (0 if last_byte == b"\n" else 1)
    return DecodedFile(target, encoding, separator, header, digest.hexdigest(), size, physical,
                       last_byte == b"\n")


def _not_utf8_after_mark(path: Path, separator: str) -> UnreadableFile:
    data = path.read_bytes()
    try:
        data[len(codecs.BOM_UTF8):].decode("utf-8")
        position = len(data) - 1
    except UnicodeDecodeError as error:
        position = len(codecs.BOM_UTF8) + error.start
    return UnreadableFile("bom_not_utf8", row=_row_of_offset(data, position, separator),
                          byte=f"0x{data[position]:02X}")


def _transcode(path: Path, workdir: Path, separator: str) -> Path:
    data = path.read_bytes()
    mixed = mixed_encoding(data, separator)
    if mixed is not None:
        raise mixed
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            "undecodable", row=_row_of_offset(data, error.start, separator),
            byte=f"0x{data[error.start]:02X}"
        ) from None
    handle, name = tempfile.mkstemp(suffix=".csv", dir=workdir)
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
        out.write(text)
    return Path(name)


def record_rows(decoded: DecodedFile) -> list[int]:
    """Spreadsheet row of every record after the header that has a non-blank cell.

    Needed only when quoted cells span lines or blank lines sit between records,
    so that physical lines and records do not correspond one to one.
    """
    rows: list[int] = []
    with decoded.path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream, delimiter=decoded.separator)
        for number, record in enumerate(reader, start=1):
            if number > 1 and any(cell.strip(BLANK) for cell in record):
                rows.append(number)
    return rows
