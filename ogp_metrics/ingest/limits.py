"""What the loader refuses before parsing, whatever the path a file came by (an upload, or the data
folder itself): a file that is not a regular file, a file too large, a header too wide, rows too
wide. Uploads have the same caps and more (`updates.intake.Limits`).

Why before: DuckDB's strict CSV reader spends time and memory on each cell past the header's
width (a 0.7 MB `targets.csv` with 100,000 columns took 18 s and 1.2 GB; a row of 300,000 cells
under a 4-column header, many minutes). A wide header is seen in the first line; wide rows are
looked for only when the strict read has already failed (`wide_rows`), so that a valid file costs
nothing more.
"""

from __future__ import annotations

import csv
import os
import stat
from pathlib import Path

from ogp_metrics.ingest.csv_files import DecodedFile
from ogp_metrics.ingest.problems import Problem

MAX_COLUMNS = 50  # a file's columns (the contract's tables have at most 11)
MAX_HEADER_BYTES = 64 * 1024  # the header line; the loader reads the header from this much
# The data folder holds whole plans (10 million participation rows are about 0.5 GB): its files
# are capped far above an upload's 10 MB, and the cap can be set (OGP_MAX_FILE_MB).
MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024
MAX_FILE_ENV = "OGP_MAX_FILE_MB"
MAX_LINE_MB = 2  # DuckDB's own line limit (max_line_size): a longer row is refused as such
_LINE_TOO_LONG = "LINE SIZE OVER MAXIMUM"


def max_file_bytes() -> int:
    try:
        return int(float(os.environ[MAX_FILE_ENV]) * 1024 * 1024)
    except (KeyError, ValueError):
        return MAX_FILE_BYTES


def not_regular(path: Path) -> Problem | None:
    """A contract file that exists but is no regular file (a link to a device, to nothing, a
    folder): never read (reading `/dev/zero` never ends), never taken for an absent file."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return Problem(path.name, "not_regular_file") if os.path.lexists(path) else None
    except OSError as error:
        return Problem(path.name, "unreadable", details={"reason": error.strerror or ""})
    return None if stat.S_ISREG(mode) else Problem(path.name, "not_regular_file")


def too_large(path: Path) -> Problem | None:
    size, limit = path.stat().st_size, max_file_bytes()
    if size <= limit:
        return None
    return Problem(path.name, "file_too_large", details={"size": f"{size / 1024 / 1024:.0f}",
                                                        "limit": f"{limit / 1024 / 1024:.0f}"})


def header_problem(filename: str, decoded: DecodedFile) -> Problem | None:
    """A header wider than `MAX_COLUMNS`, or longer than what the loader reads it from."""
    with decoded.path.open("rb") as stream:
        head = stream.read(MAX_HEADER_BYTES)
    if b"\n" not in head and decoded.size > MAX_HEADER_BYTES:
        return Problem(filename, "header_too_long", row=1,
                       details={"limit": str(MAX_HEADER_BYTES // 1024)})
    if len(decoded.header) > MAX_COLUMNS:
        return Problem(filename, "too_many_columns", row=1,
                       details={"limit": str(MAX_COLUMNS), "row": "1"})
    return None


def wide_rows(filename: str, decoded: DecodedFile, listed: int) -> list[Problem]:
    """Rows with content past `MAX_COLUMNS` (the first `listed`, then a count), read by Python's
    C CSV reader, which costs the same whatever a row's width."""
    found: list[Problem] = []
    extra = 0
    with decoded.path.open(encoding="utf-8-sig", newline="") as stream:
        try:
            for number, record in enumerate(csv.reader(stream, delimiter=decoded.separator), start=1):
                if len(record) > MAX_COLUMNS and any(cell.strip() for cell in record[MAX_COLUMNS:]):
                    if len(found) < listed:
                        found.append(Problem(filename, "too_many_columns", row=number,
                                             details={"limit": str(MAX_COLUMNS), "row": str(number)}))
                    else:
                        extra += 1
        except (csv.Error, UnicodeDecodeError):
            pass  # the strict reader's own report says what is wrong with the rest
    if extra:
        found.append(Problem(filename, "more_problems", details={"count": str(extra),
                                                                 "of": "too_many_columns"}))
    return found


def reject_code(error_type: str) -> str | None:
    """The problem of a row DuckDB rejected for its length (None: another kind of rejection)."""
    return "row_too_long" if error_type == _LINE_TOO_LONG else None
