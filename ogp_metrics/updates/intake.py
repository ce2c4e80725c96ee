"""Files handed in by staff: bounded, recognised (CSV or `.xlsx`), matched to their table."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import time
import unicodedata
from dataclasses import dataclass, field

from ogp_metrics.contract.aliases import spelling_key
from ogp_metrics.contract.schema import TABLES, TABLES_BY_NAME
from ogp_metrics.ingest import xlsx
from ogp_metrics.ingest.csv_files import text_and_separator
from ogp_metrics.ingest.limits import MAX_COLUMNS
from ogp_metrics.ingest.mapping import Profile
from ogp_metrics.ingest.problems import Problem

MB = 1024 * 1024


# Other names staff give their files, as matching keys (see `match_table`).
TABLE_ALIASES: dict[str, str] = {
    "institution": "institutions", "directions": "institutions",
    "engagements": "commitments", "engagement": "commitments", "commitment": "commitments",
    "jalons": "milestones", "jalon": "milestones", "milestone": "milestones",
    "avancement": "progress_updates", "avancements": "progress_updates",
    "progress": "progress_updates", "points_d_avancement": "progress_updates",
    "evaluations": "assessments", "evaluation": "assessments", "assessment": "assessments",
    "reunions": "meetings", "reunion": "meetings", "meeting": "meetings",
    "cibles": "targets", "cible": "targets", "objectifs": "targets", "target": "targets",
    "plan_d_action": "plan",
}


_EXTENSIONS = ("csv", "xlsx", "xlsm", "txt", "tsv")


@dataclass(frozen=True)
class Limits:
    """Bounds on what one upload may be; `server.maxUploadSize` matches `max_bytes`."""

    max_bytes: int = 10 * MB
    max_rows: int = 50_000
    max_columns: int = MAX_COLUMNS  # the data folder's own cap (ingest.limits)
    max_seconds: float = 20.0
    max_files: int = len(TABLES)
    # Exports read through a profile may be wide (OGP's has 171 columns); their cells are bounded
    # by `max_bytes` all the same.
    max_export_columns: int = 250


@dataclass(frozen=True)
class Upload:
    """A file handed in by a person. `name` is shown and matched, never used as a path."""

    name: str
    data: bytes
    table: str | None = None  # the table the person chose; else matched by name
    mode: str | None = None  # replace | append | upsert; None: the table's `default_mode`
    profile: Profile | None = None  # how to read an export (`ingest.mapping`); None: as the contract


@dataclass(frozen=True)
class Candidate:
    """An upload read and matched: the exact bytes that publishing would write."""

    source: str  # the uploaded file's name (or `version N`) as shown to people
    table: str
    kind: str  # csv | xlsx | version
    content: bytes
    sheet: str | None = None
    mode: str = "replace"
    # The person's row behind each written row, when they differ (a profile's conversion, an
    # append after the current rows); rows not listed are the current file's own.
    origins: dict[int, int] | None = None
    sources: dict[str, str] = field(default_factory=dict)  # contract column -> the file's column
    ignored: tuple[str, ...] = ()  # the file's columns nothing reads
    skipped: int = 0  # rows identical to current ones, not added again

    @property
    def filename(self) -> str:
        return TABLES_BY_NAME[self.table].filename


def shown_name(name: str) -> str:
    """The declared name made safe to show: its last part, printable, at most 120 characters."""
    last = re.split(r"[\\/]", name or "")[-1]
    cleaned = "".join(ch for ch in last if unicodedata.category(ch)[0] != "C").strip()
    return cleaned[:120] or "?"


def match_table(name: str) -> str | None:
    """The table a file name designates: `Milestones (2).CSV` -> `milestones`, `jalons.xlsx` too.

    The name's words are searched for a table's name (or a French or singular alias); a name
    that designates no table, or several, gives None and the person chooses.
    """
    stem = shown_name(name)
    while True:
        base, dot, extension = stem.rpartition(".")
        if dot and base and extension.lower() in _EXTENSIONS:
            stem = base
        else:
            break
    words = [word for word in re.split(r"[^a-z0-9]+", spelling_key(stem)) if word]
    found = set()
    spellings = {table.name: table.name for table in TABLES} | TABLE_ALIASES
    for spelling, table in spellings.items():
        wanted = spelling.split("_")
        if any(words[i:i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1)):
            found.add(table)
    return found.pop() if len(found) == 1 else None


def read_upload(upload: Upload, limits: Limits, deadline: float) -> tuple[Candidate | None,
                                                                           list[Problem]]:
    """The upload as the bytes to publish, or the problems that prevent reading it."""
    name = shown_name(upload.name)
    size = len(upload.data)
    if size > limits.max_bytes:
        return None, [Problem(name, "upload_too_large", details={
            "size": f"{size / MB:.1f}", "limit": f"{limits.max_bytes / MB:g}"})]
    kind = xlsx.kind_of(upload.data)
    if kind not in ("csv", "xlsx"):
        return None, [Problem(name, kind if kind != "not_text" else "upload_not_table")]
    table = upload.table if upload.table in TABLES_BY_NAME else match_table(upload.name)
    if table is None:
        return None, [Problem(name, "unknown_table", details={
            "tables": ", ".join(t.filename for t in TABLES)})]
    if upload.profile is not None:
        limits = dataclasses.replace(limits, max_columns=limits.max_export_columns)
    try:
        if kind == "xlsx":
            csv_text, sheet = xlsx.sheet_to_csv(upload.data, table, limits.max_rows,
                                                limits.max_columns, deadline, limits.max_bytes)
            return Candidate(name, table, kind, csv_text.encode("utf-8"), sheet), []
        _check_csv_shape(upload.data, limits, deadline)
    except xlsx.ReadError as error:
        return None, [Problem(name, error.code, row=error.row_number, column=error.column_name,
                              details=error.details)]
    return Candidate(name, table, kind, upload.data), []


def _check_csv_shape(data: bytes, limits: Limits, deadline: float) -> None:
    """Count rows and columns before the full validation; raise `xlsx.ReadError` past a limit."""
    decoded, separator = text_and_separator(data)
    records = 0
    try:
        for number, record in enumerate(csv.reader(io.StringIO(decoded), delimiter=separator)):
            if number % 1000 == 0 and time.monotonic() > deadline:
                raise xlsx.ReadError("too_slow")
            if len(record) > limits.max_columns and any(cell.strip() for cell in record):
                raise xlsx.ReadError("too_many_columns", limit=str(limits.max_columns),
                                     row=str(number + 1))
            if record:
                records += 1
            if records - 1 > limits.max_rows:
                raise xlsx.ReadError("too_many_rows", limit=str(limits.max_rows))
    except csv.Error:
        return  # the loader reads it with its own rules and names the row
