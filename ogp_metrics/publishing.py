"""Staff updates: read uploaded files, check them with the rest of the folder, preview, publish.

A publish is prepared, then committed:
- `prepare(folder, uploads)` reads each upload (CSV or `.xlsx`, judged by content), matches
  it to its table, and validates it *together with the current versions of the other files*
  by loading a staging copy of the folder built in a temporary directory elsewhere. It
  returns a `Preparation`: the problems, or the preview (rows added, removed, changed per
  table; headline figures before and after) and the sha256 of every current file.
- `publish(preparation, by, reason)` writes the files, refusing when any file of the folder
  changed since it was prepared (no lost update).

Everything kept about publishing lives in `<data folder>/.history/` (the loader reads only
the contract's file names, so it never sees it):

    log.jsonl          one JSON line per file per publish or restore: version, time, by, reason,
                       action, file, sha256_before, sha256_after, rows (append-only, fsynced)
    refused.jsonl      publishes refused because a file changed after they were checked
    objects/<sha256>   every version of every file ever replaced or written, by content hash
    pending.json       the intent of a publish in progress; present after a crash only
    lock              held (flock) while publishing, so that publishers take turns

Commit protocol, under the lock: store the old and new contents as objects; write the intent
(`pending.json`); replace each file (temporary file in the same folder, fsync, `os.replace`,
fsync the folder); append the log lines in one write and fsync; remove the intent. A reader
always sees a whole file, old or new. If the process dies, the next publish or restore (or
`recover`) finishes the interrupted one from its intent: once the intent is written the
publish is decided, before it nothing was changed.

Reading (`history`, `diff`, `prepare`) never writes under the data folder.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import errno
import fcntl
import hashlib
import io
import json
import os
import re
import shutil
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd

from ogp_metrics import figures, headline, text
from ogp_metrics.contract.aliases import spelling_key
from ogp_metrics.contract.schema import TABLES, TABLES_BY_NAME, Table
from ogp_metrics.ingest import xlsx
from ogp_metrics.ingest.csv_files import text_and_separator
from ogp_metrics.ingest.load import Plan, data_folder, load_plan
from ogp_metrics.ingest.problems import DataFolderError, Problem

HISTORY = ".history"
LOG = "log.jsonl"
REFUSED = "refused.jsonl"
PENDING = "pending.json"
LOCK = "lock"
OBJECTS = "objects"
TEMP_SUFFIX = ".ogp-tmp"
LOG_KEYS = ("version", "time", "by", "reason", "action", "file", "sha256_before", "sha256_after",
            "rows")
MAX_REASON = 200
MAX_BY = 200
LOCK_TIMEOUT_SECONDS = 30.0  # how long a publisher waits for another one to finish
MB = 1024 * 1024
# A test (and only a test) sets this to a step name: the publisher stops there and waits
# to be killed, so that a crash at every step can be checked.
PAUSE_ENV = "OGP_PUBLISH_PAUSE_AT"

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
    max_columns: int = 50
    max_seconds: float = 20.0
    max_files: int = len(TABLES)


@dataclass(frozen=True)
class Upload:
    """A file handed in by a person. `name` is shown and matched, never used as a path."""

    name: str
    data: bytes
    table: str | None = None  # the table the person chose; else matched by name


@dataclass(frozen=True)
class Candidate:
    """An upload read and matched: the exact bytes that publishing would write."""

    source: str  # the uploaded file's name (or `version N`) as shown to people
    table: str
    kind: str  # csv | xlsx | version
    content: bytes
    sheet: str | None = None

    @property
    def filename(self) -> str:
        return TABLES_BY_NAME[self.table].filename


@dataclass
class TableChange:
    """How one table differs between the current files and the candidates."""

    table: str
    filename: str
    key: tuple[str, ...]  # the columns rows are matched by; empty: whole rows compared
    rows_before: int
    rows_after: int
    added: pd.DataFrame
    removed: pd.DataFrame
    changed: pd.DataFrame  # key columns, then column, before, after (one line per changed cell)

    @property
    def changed_rows(self) -> int:
        if self.changed.empty:
            return 0
        return len(self.changed.drop_duplicates(subset=list(self.key))) if self.key else 0

    @property
    def is_empty(self) -> bool:
        return self.added.empty and self.removed.empty and self.changed.empty


@dataclass
class Preparation:
    """A checked publish: problems, or what would change; `base` is what it was checked against."""

    folder: Path
    action: str  # publish | restore
    as_of: date
    candidates: list[Candidate] = field(default_factory=list)
    base: dict[str, str | None] = field(default_factory=dict)  # filename -> sha256 (None: absent)
    problems: list[Problem] = field(default_factory=list)
    changes: list[TableChange] = field(default_factory=list)
    headline_before: dict | None = None
    headline_after: dict | None = None
    rows: dict[str, int] = field(default_factory=dict)  # filename -> data rows after

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def files(self) -> dict[str, bytes]:
        """The files publishing would write: the candidates whose bytes differ from the current ones."""
        return {c.filename: c.content for c in self.candidates
                if self.base.get(c.filename) != sha256(c.content)}


class PublishRefused(Exception):
    """A publish or restore that was not done; nothing was changed. `message(lang)` says why."""

    def __init__(self, code: str, problems: Sequence[Problem] = (), **details: str) -> None:
        self.code = code
        self.problems = list(problems)
        self.details = details
        super().__init__(code)

    def message(self, lang: str = text.DEFAULT_LANGUAGE) -> str:
        return text.t(f"staff.refused.{self.code}", lang, **self.details)


# ---------------------------------------------------------------- reading uploads

def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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
    try:
        if kind == "xlsx":
            csv_text, sheet = xlsx.sheet_to_csv(upload.data, table, limits.max_rows,
                                                limits.max_columns, deadline)
            return Candidate(name, table, kind, csv_text.encode("utf-8"), sheet), []
        _check_csv_shape(upload.data, limits, deadline)
    except xlsx.ReadError as error:
        return None, [Problem(name, error.code, details=error.details)]
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


# ---------------------------------------------------------------- preparing

def prepare(folder: str | os.PathLike | None, uploads: Sequence[Upload], limits: Limits | None = None,
            as_of: date | None = None) -> Preparation:
    """Read, match and validate the uploads with the folder's other files; preview the change."""
    limits = limits or Limits()
    folder = data_folder(folder)
    preparation = Preparation(folder, "publish", as_of or date.today())
    if not uploads:
        preparation.problems.append(Problem("", "no_upload"))
        return preparation
    if len(uploads) > limits.max_files:
        preparation.problems.append(Problem("", "too_many_files",
                                            details={"limit": str(limits.max_files)}))
        return preparation
    deadline = time.monotonic() + limits.max_seconds
    by_table: dict[str, Candidate] = {}
    for upload in uploads:
        candidate, problems = read_upload(upload, limits, deadline)
        preparation.problems.extend(problems)
        if candidate is None:
            continue
        if candidate.table in by_table:
            preparation.problems.append(Problem(candidate.source, "duplicate_upload", details={
                "other": by_table[candidate.table].source, "table": candidate.filename}))
            continue
        by_table[candidate.table] = candidate
    unreadable = preparation.problems
    preparation.problems = []
    preparation.candidates = list(by_table.values())
    if preparation.candidates:  # check the readable files too: every problem at once
        _check(preparation)
    preparation.problems = unreadable + preparation.problems
    return preparation


def prepare_restore(folder: str | os.PathLike | None, version: int, before: bool = False,
                    as_of: date | None = None) -> Preparation:
    """Prepare writing back what `version` published (or, with `before`, what it replaced).

    Its `changes` are the difference between the current files and that version: the diff
    the History page shows. Raises `PublishRefused` for an unknown version.
    """
    folder = data_folder(folder)
    entries = [entry for entry in history(folder) if entry["version"] == version]
    if not entries:
        raise PublishRefused("unknown_version", version=str(version))
    preparation = Preparation(folder, "restore", as_of or date.today())
    for entry in entries:
        digest = entry["sha256_before"] if before else entry["sha256_after"]
        source = f"{entry['file']} (version {version})"
        if digest is None:
            preparation.problems.append(Problem(entry["file"], "restore_absent",
                                                details={"version": str(version)}))
            continue
        preparation.candidates.append(Candidate(source, _table_of(entry["file"]), "version",
                                                read_object(folder, digest)))
    if preparation.problems:
        return preparation
    return _check(preparation)


def _check(preparation: Preparation) -> Preparation:
    """Stage the current files and the candidates outside the data folder; load both."""
    folder = preparation.folder
    current = _read_current(folder)
    preparation.base = {name: (sha256(data) if data is not None else None)
                        for name, data in current.items()}
    staging = Path(tempfile.mkdtemp(prefix="ogp-publish-"))
    try:
        if _inside(staging, folder):  # never: the system's temporary folder is elsewhere
            raise RuntimeError("the staging folder must be outside the data folder")
        before_dir, after_dir = staging / "before", staging / "after"
        before_dir.mkdir()
        after_dir.mkdir()
        if not folder.is_dir():
            preparation.problems.append(Problem("", "missing_folder", value=str(folder)))
            return preparation
        for name, data in current.items():
            if data is not None:
                (before_dir / name).write_bytes(data)
                (after_dir / name).write_bytes(data)
        for candidate in preparation.candidates:
            (after_dir / candidate.filename).write_bytes(candidate.content)
        try:
            after = load_plan(after_dir)
        except DataFolderError as error:
            preparation.problems = _rename(error.report.problems, preparation.candidates)
            return preparation
        try:
            before: Plan | None = load_plan(before_dir)
        except DataFolderError:
            before = None  # the current folder is invalid: an upload may be its fix
        try:
            preparation.rows = {f.filename: f.rows for f in after.report.files if f.present}
            preparation.headline_after = figures.headline(after.cursor(), preparation.as_of)
            if before is not None:
                preparation.headline_before = figures.headline(before.cursor(), preparation.as_of)
            preparation.changes = [
                _compare(TABLES_BY_NAME[c.table], before, after, current.get(c.filename), c.content)
                for c in preparation.candidates]
        finally:
            after.connection.close()
            if before is not None:
                before.connection.close()
        return preparation
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def _read_current(folder: Path) -> dict[str, bytes | None]:
    current: dict[str, bytes | None] = {}
    for table in TABLES:
        try:
            current[table.filename] = (folder / table.filename).read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            current[table.filename] = None
    return current


def _rename(problems: list[Problem], candidates: list[Candidate]) -> list[Problem]:
    """Name each problem in an uploaded file by the name the person gave the file."""
    names = {c.filename: c.source for c in candidates}
    return [dataclasses.replace(p, file=names.get(p.file, p.file), details=dict(p.details))
            for p in problems]


# ---------------------------------------------------------------- comparing versions

def _compare(table: Table, before: Plan | None, after: Plan, before_bytes: bytes | None,
             after_bytes: bytes) -> TableChange:
    """Rows added, removed and changed; typed values compared, so `15/03/2025` = `2025-03-15`."""
    if before is not None:
        old, new = _typed_rows(before, table), _typed_rows(after, table)
    else:  # the current folder does not load: compare the cells as written
        old = _written_rows(before_bytes, table)
        new = _written_rows(after_bytes, table)
    key = table.unique if table.unique and not (old.duplicated(list(table.unique)).any()
                                               or new.duplicated(list(table.unique)).any()) else ()
    columns = [column.name for column in table.columns]
    empty_changes = pd.DataFrame(columns=[*key, "column", "before", "after"])
    if key:
        old_keys = set(map(tuple, old[list(key)].itertuples(index=False)))
        new_keys = set(map(tuple, new[list(key)].itertuples(index=False)))
        added = new[[tuple(row) not in old_keys for row in new[list(key)].itertuples(index=False)]]
        removed = old[[tuple(row) not in new_keys for row in old[list(key)].itertuples(index=False)]]
        both = old.merge(new, on=list(key), suffixes=("__before", "__after"))
        lines = []
        for row in both.to_dict("records"):
            for column in columns:
                if column in key:
                    continue
                if row[f"{column}__before"] != row[f"{column}__after"]:
                    lines.append({**{k: row[k] for k in key}, "column": column,
                                  "before": row[f"{column}__before"], "after": row[f"{column}__after"]})
        changed = pd.DataFrame(lines, columns=empty_changes.columns) if lines else empty_changes
    else:
        old_counts = Counter(map(tuple, old.itertuples(index=False)))
        new_counts = Counter(map(tuple, new.itertuples(index=False)))
        added = pd.DataFrame(list((new_counts - old_counts).elements()), columns=columns)
        removed = pd.DataFrame(list((old_counts - new_counts).elements()), columns=columns)
        changed = empty_changes
    return TableChange(table.name, table.filename, tuple(key), len(old), len(new),
                       added.reset_index(drop=True), removed.reset_index(drop=True),
                       changed.reset_index(drop=True))


def _typed_rows(plan: Plan, table: Table) -> pd.DataFrame:
    """Every row of a loaded table, each value as canonical text ('' for blank)."""
    selects = []
    for column in table.columns:
        if column.kind.value == "choice_list":
            selects.append(f"coalesce(array_to_string({column.name}, '|'), '') AS {column.name}")
        elif column.kind.value in ("decimal", "percent"):  # 55, not 55.0
            selects.append(f"coalesce(regexp_replace(CAST({column.name} AS VARCHAR), '\\.0$', ''), '') "
                           f"AS {column.name}")
        else:
            selects.append(f"coalesce(CAST({column.name} AS VARCHAR), '') AS {column.name}")
    with plan.cursor() as cursor:
        return cursor.execute(f"SELECT {', '.join(selects)} FROM {table.name} ORDER BY _row").df()


def _written_rows(data: bytes | None, table: Table) -> pd.DataFrame:
    """The rows of a CSV file as written (trimmed), in the contract's columns."""
    columns = [column.name for column in table.columns]
    if not data:
        return pd.DataFrame(columns=columns)
    decoded, separator = text_and_separator(data)
    try:
        records = [r for r in csv.reader(io.StringIO(decoded), delimiter=separator)
                   if any(cell.strip() for cell in r)]
    except csv.Error:
        return pd.DataFrame(columns=columns)
    if not records:
        return pd.DataFrame(columns=columns)
    positions = {spelling_key(name): index for index, name in enumerate(records[0])}
    rows = []
    for record in records[1:]:
        rows.append([record[positions[c]].strip() if positions.get(c) is not None
                     and positions[c] < len(record) else "" for c in columns])
    return pd.DataFrame(rows, columns=columns)


def headline_rows(preparation: Preparation, lang: str) -> pd.DataFrame:
    """The headline figures before and after, formatted for `lang`; the ones that change first."""
    if not preparation.headline_after:
        return pd.DataFrame(columns=["figure", "before", "after", "change"])
    after = headline.metrics(preparation.headline_after, preparation.headline_before)
    before = (headline.metrics(preparation.headline_before, None) if preparation.headline_before
              else [None] * len(after))
    rows = [{"figure": text.t(new.key, lang),
             "before": headline.format_value(old, lang) if old else "—",
             "after": headline.format_value(new, lang),
             "change": headline.format_delta(new, lang) or "—",
             "changed": old is None or new.delta != 0 or old.total != new.total}
            for old, new in zip(before, after, strict=True)]
    frame = pd.DataFrame(rows).sort_values("changed", ascending=False, kind="stable")
    return frame.drop(columns="changed").reset_index(drop=True)


# ---------------------------------------------------------------- publishing

def publish(preparation: Preparation, by: str, reason: str) -> int | None:
    """Write the prepared files atomically; return the new version (None: nothing differed).

    Raises `PublishRefused` (nothing changed) when the preparation has problems, when the
    reason or name is missing, when another publish holds the lock too long, or when any
    file of the folder changed since the preparation was checked.
    """
    by, reason = _clean(by, MAX_BY), _clean(reason, MAX_REASON)
    if not by:
        raise PublishRefused("no_name")
    if not reason:
        raise PublishRefused("no_reason")
    if not preparation.ok:
        raise PublishRefused("invalid", problems=preparation.problems)
    folder = preparation.folder
    if not folder.is_dir():
        raise PublishRefused("invalid", problems=[Problem("", "missing_folder", value=str(folder))])
    if not preparation.files:
        return None  # the same bytes as when checked: nothing to write, nothing to log
    with _locked(folder):
        _recover_locked(folder)
        current = _read_current(folder)
        changed = sorted(name for name, data in current.items()
                         if (sha256(data) if data is not None else None) != preparation.base.get(name))
        if changed:
            _append_lines(folder / HISTORY / REFUSED, [{
                "time": _now(), "by": by, "reason": reason, "action": preparation.action,
                "files": sorted(preparation.files), "changed_since_checked": changed,
                "expected": {name: preparation.base.get(name) for name in changed},
                "found": {name: sha256(current[name]) if current[name] is not None else None
                          for name in changed}}])
            raise PublishRefused("stale", files=", ".join(changed))
        files = preparation.files
        if not files:
            return None
        version = _last_version(folder) + 1
        moment = _now()
        entries = [{"version": version, "time": moment, "by": by, "reason": reason,
                    "action": preparation.action, "file": name,
                    "sha256_before": preparation.base.get(name), "sha256_after": sha256(data),
                    "rows": preparation.rows.get(name, 0)} for name, data in files.items()]
        for name, data in files.items():
            if current[name] is not None:
                _store_object(folder, current[name])
            _store_object(folder, data)
        _pause("objects_written")
        _write_atomically(folder / HISTORY / PENDING,
                          json.dumps({"version": version, "entries": entries}).encode())
        _pause("intent_written")
        _apply(folder, entries)
        return version


def restore(folder: str | os.PathLike | None, version: int, by: str, reason: str,
            before: bool = False) -> int | None:
    """Write back what `version` published (with `before`: what it replaced), as a logged publish."""
    preparation = prepare_restore(folder, version, before)
    return publish(preparation, by, reason)


def _apply(folder: Path, entries: list[dict]) -> None:
    """Make each file hold its `sha256_after`, log the version, clear the intent (idempotent)."""
    for entry in entries:
        path = folder / TABLES_BY_NAME[_table_of(entry["file"])].filename
        if _file_sha256(path) != entry["sha256_after"]:
            _write_atomically(path, read_object(folder, entry["sha256_after"]),
                              pause_label=entry["file"])
            _pause(f"replaced:{entry['file']}")
    _log_version(folder, entries)
    _pause("logged")
    (folder / HISTORY / PENDING).unlink()
    _fsync_directory(folder / HISTORY)
    _pause("intent_cleared")


def recover(folder: str | os.PathLike | None) -> int | None:
    """Finish a publish interrupted by a crash (see the module's commit protocol).

    Returns the version completed, or None when nothing was pending. Writes only when
    something was pending or a stray temporary file was left.
    """
    folder = data_folder(folder)
    if pending(folder) is None and not _stray_temporary_files(folder):
        return None
    with _locked(folder):
        return _recover_locked(folder)


def _recover_locked(folder: Path) -> int | None:
    for stray in _stray_temporary_files(folder):
        with contextlib.suppress(FileNotFoundError):
            stray.unlink()
    intent = pending(folder)
    if intent is None:
        _truncate_torn_log(folder, keep_below=None)
        return None
    _truncate_torn_log(folder, keep_below=intent["version"])
    _apply(folder, intent["entries"])
    return int(intent["version"])


def _stray_temporary_files(folder: Path) -> list[Path]:
    """Temporary files a killed publisher left (while one runs, it holds the lock)."""
    strays = []
    for directory in (folder, folder / HISTORY, folder / HISTORY / OBJECTS):
        if directory.is_dir():
            strays += [path for path in directory.iterdir()
                       if path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX)]
    return strays


# ---------------------------------------------------------------- history

def history(folder: str | os.PathLike | None) -> list[dict]:
    """Every logged publish and restore, oldest first, one entry per file (read-only)."""
    path = data_folder(folder) / HISTORY / LOG
    return [{key: entry.get(key) for key in LOG_KEYS} for entry in _read_lines(path)]


def refusals(folder: str | os.PathLike | None) -> list[dict]:
    """Every publish refused because a file changed after it was checked, oldest first."""
    return _read_lines(data_folder(folder) / HISTORY / REFUSED)


def pending(folder: str | os.PathLike | None) -> dict | None:
    """The intent of an interrupted publish, if one is waiting to be finished."""
    path = data_folder(folder) / HISTORY / PENDING
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (ValueError, OSError):
        return None  # written atomically, so never torn; unreadable means not ours


def versions(entries: list[dict]) -> list[int]:
    """The versions in the log, newest first."""
    return sorted({entry["version"] for entry in entries}, reverse=True)


def has_object(folder: str | os.PathLike | None, digest: str) -> bool:
    return bool(re.fullmatch(r"[0-9a-f]{64}", digest or "")) and (
        data_folder(folder) / HISTORY / OBJECTS / digest).is_file()


def read_object(folder: str | os.PathLike | None, digest: str) -> bytes:
    """A kept version of a file by its sha256 (checked)."""
    if not re.fullmatch(r"[0-9a-f]{64}", digest or ""):
        raise PublishRefused("missing_object", sha256=str(digest))
    try:
        data = (data_folder(folder) / HISTORY / OBJECTS / digest).read_bytes()
    except FileNotFoundError:
        raise PublishRefused("missing_object", sha256=digest) from None
    if sha256(data) != digest:
        raise PublishRefused("missing_object", sha256=digest)
    return data


def history_table(entries: list[dict], lang: str) -> pd.DataFrame:
    """The log for people: newest first, local time, short hashes."""
    rows = []
    for entry in reversed(entries):
        moment = datetime.fromisoformat(entry["time"])
        rows.append({
            "version": entry["version"],
            "time": _local_time(moment, lang),
            "by": entry["by"],
            "action": text.t(f"staff.action.{entry['action']}", lang),
            "file": entry["file"],
            "rows": entry["rows"],
            "reason": entry["reason"],
            "sha256_before": (entry["sha256_before"] or "")[:12],
            "sha256_after": (entry["sha256_after"] or "")[:12],
        })
    return pd.DataFrame(rows, columns=["version", "time", "by", "action", "file", "rows", "reason",
                                       "sha256_before", "sha256_after"])


def version_labels(entries: list[dict], lang: str) -> dict[int, str]:
    """Each version, newest first, as one line: number, time, person, files."""
    labels = {}
    for version in versions(entries):
        own = [entry for entry in entries if entry["version"] == version]
        labels[version] = text.t("history.version_label", lang, version=version,
                                 time=_local_time(datetime.fromisoformat(own[0]["time"]), lang),
                                 by=own[0]["by"], files=", ".join(entry["file"] for entry in own))
    return labels


def refusals_table(refused: list[dict], lang: str) -> pd.DataFrame:
    """The refused publishes for people: newest first."""
    return pd.DataFrame([{
        text.t("history.column.time", lang): _local_time(datetime.fromisoformat(entry["time"]), lang),
        text.t("history.column.by", lang): entry.get("by"),
        text.t("history.column.file", lang): ", ".join(entry.get("files", [])),
        text.t("staff.cli.changed_meanwhile", lang): ", ".join(entry.get("changed_since_checked", [])),
        text.t("history.column.reason", lang): entry.get("reason"),
    } for entry in reversed(refused)])


def _local_time(moment: datetime, lang: str) -> str:
    from zoneinfo import ZoneInfo

    from babel.dates import format_datetime

    locale = "fr_FR" if text.language(lang) == "fr" else "en_GB"
    return format_datetime(moment.astimezone(ZoneInfo("Europe/Paris")), "d MMM y HH:mm",
                           locale=locale)


# ---------------------------------------------------------------- files on disk

def _table_of(filename: str) -> str:
    """The table of a contract file name from the history; anything else is refused."""
    for table in TABLES:
        if table.filename == filename:
            return table.name
    raise PublishRefused("missing_object", sha256=str(filename))


def _clean(value: str, limit: int) -> str:
    return " ".join((value or "").split())[:limit]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _file_sha256(path: Path) -> str | None:
    try:
        return sha256(path.read_bytes())
    except FileNotFoundError:
        return None


def _last_version(folder: Path) -> int:
    entries = history(folder)
    return max((int(entry["version"]) for entry in entries), default=0)


def _read_lines(path: Path) -> list[dict]:
    """The complete JSON lines of a log; a torn last line (a crash mid-write) is not a record."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    lines = []
    for line in data.split(b"\n"):
        if not line.strip():
            continue
        try:
            lines.append(json.loads(line))
        except ValueError:
            continue
    return lines


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold the folder's publishing lock; refuse after `LOCK_TIMEOUT_SECONDS` of waiting."""
    history_dir = folder / HISTORY
    created = not history_dir.exists()
    (history_dir / OBJECTS).mkdir(parents=True, exist_ok=True)
    if created:
        _fsync_directory(history_dir)
        _fsync_directory(folder)
    handle = os.open(history_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        waited_until = time.monotonic() + LOCK_TIMEOUT_SECONDS
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() > waited_until:
                    raise PublishRefused("busy") from None
                time.sleep(0.05)
        _pause("locked")
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _write_atomically(path: Path, data: bytes, pause_label: str | None = None) -> None:
    """Temporary file in the same folder, flush + fsync, replace, fsync the folder."""
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o644
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        if pause_label:
            _pause(f"temp_written:{pause_label}")
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _fsync_directory(path.parent)


def _store_object(folder: Path, data: bytes) -> None:
    path = folder / HISTORY / OBJECTS / sha256(data)
    if _file_sha256(path) == path.name:
        return
    _write_atomically(path, data)
    os.chmod(path, 0o444)


def _append_lines(path: Path, entries: list[dict]) -> None:
    """Append JSON lines in one write, then fsync (a kill cannot tear one write)."""
    payload = b"".join(json.dumps(entry, ensure_ascii=False).encode() + b"\n" for entry in entries)
    created = not path.exists()
    handle = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        written = os.write(handle, payload)
        if written != len(payload):  # a full disk: do not leave half a version behind
            raise OSError(errno.ENOSPC, "short write to the history log")
        os.fsync(handle)
    finally:
        os.close(handle)
    if created:
        _fsync_directory(path.parent)


def _log_version(folder: Path, entries: list[dict]) -> None:
    version = entries[0]["version"]
    if any(entry["version"] == version for entry in history(folder)):
        return  # already logged: the crash came after the log was written
    _append_lines(folder / HISTORY / LOG, [{key: entry[key] for key in LOG_KEYS} for entry in entries])


def _truncate_torn_log(folder: Path, keep_below: int | None) -> None:
    """Cut what a crash left at the end of the log: a torn last line, and the lines of the
    interrupted version (`keep_below`), which is then logged again, whole."""
    path = folder / HISTORY / LOG
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return
    cut = data.rfind(b"\n") + 1  # a last line without its newline is torn
    while cut > 0 and keep_below is not None:
        start = data.rfind(b"\n", 0, cut - 1) + 1
        try:
            entry = json.loads(data[start:cut])
        except ValueError:
            break
        if not isinstance(entry, dict) or entry.get("version", 0) < keep_below:
            break
        cut = start
    if cut != len(data):
        with open(path, "r+b") as stream:
            stream.truncate(cut)
            stream.flush()
            os.fsync(stream.fileno())


def _fsync_directory(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _pause(step: str) -> None:
    """For the crash test: stop at `step` when `OGP_PUBLISH_PAUSE_AT` names it, and wait."""
    if os.environ.get(PAUSE_ENV) == step:
        sys.stderr.write(f"ogp-publish-paused:{step}\n")
        sys.stderr.flush()
        time.sleep(600)
