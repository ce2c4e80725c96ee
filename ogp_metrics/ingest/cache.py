"""A cache of validated plans, keyed by the data files' content, kept outside the data folder.

`load_plan_cached(folder)` returns what `load.load_plan(folder)` returns, but a folder whose
files have not changed since it was last loaded is not parsed and checked again: its typed
tables are read back from a DuckDB database file in the cache folder.

- The key is a hash of every contract file's content (sha256, the same digest the report
  shows), the cache format version, the data contract and the loader's own source: any
  change to a file, to the contract or to the code that checks it gives a new key.
  Hashing 500 MB takes more than a second, so each file's digest is remembered (in
  `hashes.json` in the cache folder) with its size, modification time, change time and
  inode, as git's index does; any change to those (any write changes the change time,
  which no program can set back) makes the file hashed again.
- A cache file is never trusted: its name carries the sha256 of its own bytes, checked before
  it is opened; one whose bytes, key or tables do not match is deleted and the folder is
  loaded again. (Checking a hash costs far less than copying the tables: a warm load opens
  the file read-only and shows its tables as views, read only as queries need them.)
- Only a valid folder is cached; an invalid one raises `DataFolderError` every time.
- A cache file is written whole to a temporary name, then renamed (`os.replace`).
- The cache folder is `cache_dir`, else `$OGP_CACHE_DIR`, else `~/.cache/ogp-metrics`, else a
  temporary folder; never a folder inside the data folder (reading must not write there). It is
  created 0700 and used only if it is the current user's and nobody else can write in it
  (`private_folder`): a file planted there by another user could change the figures.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from datetime import datetime
from pathlib import Path

import duckdb

from ogp_metrics.contract import schema
from ogp_metrics.contract.aliases import accepted_spellings
from ogp_metrics.ingest import load, normalise, stored_tables
from ogp_metrics.ingest.atomic_file import write_atomically
from ogp_metrics.ingest.load import FileReport, FolderReport, Plan, data_folder
from ogp_metrics.ingest.private_folder import private_folder

CACHE_FORMAT_VERSION = "2"
KEEP_FILES = 8  # cache files kept per cache folder, newest first
KEEP_RESULTS = 64  # results kept (`kept_result`), newest first
HASH_CHUNK = 8 * 1024 * 1024
STALE_TEMPORARY_SECONDS = 6 * 3600
_META = "_ogp_cache_meta"


def cache_folder(folder: Path, cache_dir: str | os.PathLike | None = None) -> Path:
    """Where cache files go: the argument, `$OGP_CACHE_DIR`, `~/.cache/ogp-metrics`, or a temp dir."""
    candidates = [cache_dir, os.environ.get("OGP_CACHE_DIR"),
                  Path.home() / ".cache" / "ogp-metrics" if cache_dir is None else None,
                  Path(tempfile.gettempdir()) / f"ogp-metrics-cache-{os.getuid()}"]
    data = folder.resolve()
    for candidate in candidates:
        if not candidate:
            continue
        path = Path(candidate).expanduser().resolve()
        if path == data or data in path.parents:
            continue  # never write under the data folder
        if private_folder(path):
            return path
    raise OSError("no writable cache folder")


def _contract_fingerprint() -> str:
    """Changes when the contract, the accepted spellings or the loader's code change."""
    digest = hashlib.sha256(CACHE_FORMAT_VERSION.encode())
    digest.update(repr(schema.TABLES).encode())
    digest.update(normalise.MACROS.encode())
    for table in schema.TABLES:
        for column in table.columns:
            if column.kind in (schema.Kind.CHOICE, schema.Kind.CHOICE_LIST):
                digest.update(repr(sorted(accepted_spellings(column).items())).encode())
    package = Path(__file__).resolve().parents[1]
    for source in sorted([*(package / "contract").glob("*.py"), *(package / "ingest").glob("*.py")]):
        digest.update(source.read_bytes())
    return digest.hexdigest()


def _file_hash(path: Path) -> str | None:
    """sha256 of the file's content, or None when it is absent."""
    if not path.is_file():
        return None
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _stat_key(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev]


def _remembered_hashes(folder: Path, root: Path | None) -> dict[str, str | None]:
    """Each contract file's sha256, reusing a digest whose file has not been touched since."""
    memo_path = root / "hashes.json" if root else None
    try:
        memo = json.loads(memo_path.read_text()) if memo_path else {}
        if not isinstance(memo, dict):
            memo = {}
    except (OSError, ValueError):
        memo = {}
    hashes: dict[str, str | None] = {}
    changed = False
    for table in schema.TABLES:
        path = folder / table.filename
        if not path.is_file():
            hashes[table.filename] = None
            continue
        name = str(path.resolve())
        before = _stat_key(path)
        entry = memo.get(name)
        if isinstance(entry, list) and len(entry) == 2 and entry[0] == before:
            hashes[table.filename] = entry[1]
            continue
        digest = _file_hash(path)
        hashes[table.filename] = digest
        if _stat_key(path) == before:  # not written to while it was being hashed
            memo[name] = [before, digest]
            changed = True
    if changed and memo_path:
        # Folders come and go (an upload's preview is staged in a temporary one): forget them.
        memo = {name: entry for name, entry in memo.items() if os.path.exists(name)}
        with contextlib.suppress(OSError):
            write_atomically(memo_path, json.dumps(memo).encode())
    return hashes



def cache_key(folder: Path, root: Path | None = None) -> tuple[str, dict[str, str | None]]:
    """The cache key of a folder and each contract file's sha256 (None when absent)."""
    hashes = _remembered_hashes(folder, root)
    digest = hashlib.sha256(_contract_fingerprint().encode())
    for filename, value in hashes.items():
        digest.update(f"{filename}:{value or '-'};".encode())
    return digest.hexdigest()[:32], hashes


def load_plan_cached(folder: str | os.PathLike | None = None,
                     cache_dir: str | os.PathLike | None = None, use_cache: bool = True) -> Plan:
    """`load.load_plan(folder)`, from the cache when the folder's files have not changed.

    `use_cache=False` reads and checks every file again (and refreshes the cache with it).
    `plan.from_cache` says whether the plan came from a cache file written before.
    """
    folder = data_folder(folder)
    if not folder.is_dir():
        return load.load_plan(folder)  # raises DataFolderError: nothing to cache
    try:
        root = cache_folder(folder, cache_dir)
        key, hashes = cache_key(folder, root)
    except OSError:
        return load.load_plan(folder)  # an unreadable file: the loader says what is wrong
    for path in root.glob(f"plan-{key}-*.duckdb"):
        if not use_cache:
            path.unlink(missing_ok=True)
            continue
        try:
            plan = _read(path, key, folder)
        except (duckdb.Error, OSError, ValueError, KeyError, TypeError):
            path.unlink(missing_ok=True)  # unreadable or not ours: thrown away, rebuilt below
            continue
        plan.from_cache = True
        return plan
    return _load_into_cache(folder, root, key, hashes)


def _load_into_cache(folder: Path, root: Path, key: str, hashes: dict[str, str | None]) -> Plan:
    """Load the folder straight into a new cache file (each table written once, as it is read)."""
    handle, name = tempfile.mkstemp(prefix=f".plan-{key}.", suffix=".tmp", dir=root)
    os.close(handle)
    temporary = Path(name)
    temporary.unlink()  # DuckDB creates the file itself
    try:
        try:
            plan = load.load_plan(folder, database=temporary)
        except (duckdb.Error, OSError):
            # A cache folder DuckDB cannot write in (full, read-only): load in memory.
            return load.load_plan(folder)
        if {file.filename: (file.sha256 if file.present else None) for file in plan.report.files} != hashes:
            # A file edited while it was being loaded: its hashes differ, nothing is cached.
            plan.connection.close()
            return load.load_plan(folder)
        connection = plan.connection
        try:
            connection.execute(f"CREATE TABLE {_META} (key VARCHAR, report VARCHAR)")
            connection.execute(f"INSERT INTO {_META} VALUES ($key, $report)",
                               {"key": key, "report": _report_json(plan.report)})
            connection.execute("CHECKPOINT")
        finally:
            connection.close()
        digest = _file_hash(temporary)
        path = root / f"plan-{key}-{digest}.duckdb"
        os.replace(temporary, path)
        _prune(root, keep=path)
        return _read(path, key, folder, digest=digest)
    finally:
        for leftover in (temporary, Path(f"{temporary}.wal")):
            leftover.unlink(missing_ok=True)


def kept_result(folder: str | os.PathLike | None, name: str, parameters: str, code: str,
                cache_dir: str | os.PathLike | None = None) -> bytes | None:
    """A result computed from the folder's plan and kept by `keep_result`, if the folder's files,
    the code of `ogp_metrics/<code>/` and the parameters are the same; else None."""
    stem = _result_stem(data_folder(folder), name, parameters, code, cache_dir)
    for path in stem.parent.glob(f"{stem.name}-*.json") if stem else ():
        content = path.read_bytes()
        if hashlib.sha256(content).hexdigest() == path.stem.rsplit("-", 1)[-1]:  # never trusted
            return content
        path.unlink(missing_ok=True)
    return None


def keep_result(folder: str | os.PathLike | None, name: str, parameters: str, code: str,
                content: bytes, cache_dir: str | os.PathLike | None = None) -> None:
    """Keep a result computed from a valid folder's plan (a cache: failing to keep it is no error)."""
    stem = _result_stem(data_folder(folder), name, parameters, code, cache_dir)
    if stem is None:
        return
    with contextlib.suppress(OSError):
        write_atomically(stem.parent / f"{stem.name}-{hashlib.sha256(content).hexdigest()}.json", content)
        results = sorted(stem.parent.glob("result-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in results[KEEP_RESULTS:]:
            old.unlink(missing_ok=True)


def _result_stem(folder: Path, name: str, parameters: str, code: str,
                 cache_dir: str | os.PathLike | None) -> Path | None:
    try:
        root = cache_folder(folder, cache_dir)
        key, _hashes = cache_key(folder, root)
        digest = hashlib.sha256(f"{key};{name};{parameters};".encode())
        for source in sorted((Path(__file__).resolve().parents[1] / code).glob("*.py")):
            digest.update(source.read_bytes())
    except OSError:
        return None
    return root / f"result-{name}-{digest.hexdigest()[:32]}"


def _report_json(report: FolderReport) -> str:
    files = []
    for file in report.files:
        entry = dict(vars(file))
        entry["modified"] = file.modified.isoformat() if file.modified else None
        files.append(entry)
    return json.dumps({"files": files})


def _read(path: Path, key: str, folder: Path, digest: str | None = None) -> Plan:
    """A connection showing the cache file's tables (checked whole first) under their names.

    `digest`: the file's sha256 when this process has just written it (not hashed again)."""
    if (digest or _file_hash(path)) != path.stem.rsplit("-", 1)[-1]:
        raise ValueError("cache file damaged")
    connection = load.new_connection()
    try:
        connection.execute(f"ATTACH '{path}' AS ogp_cache_in (READ_ONLY)")
        stored_key, report_json = connection.execute(
            f"SELECT key, report FROM ogp_cache_in.{_META}").fetchone()
        if stored_key != key:
            raise ValueError("cache key mismatch")
        for table in schema.TABLES:
            stored = f"ogp_cache_in.{stored_tables.stored_name(table)}"
            columns = [row[0] for row in connection.execute(f"DESCRIBE {stored}").fetchall()]
            if columns != ["_row", *(column.name for column in table.columns)]:
                raise ValueError("cache table differs from the contract")
            seen = stored_tables.view_sql(table, stored)
            connection.execute(f"CREATE VIEW memory.main.{table.name} AS {seen}")
        stored_tables.show_summaries(connection, "ogp_cache_in.", "memory.main.")
        report = _report(json.loads(report_json), folder)
    except BaseException:
        connection.close()
        raise
    return Plan(connection, report, cache_file=path)


def _report(stored: dict, folder: Path) -> FolderReport:
    report = FolderReport(folder)
    for entry in stored["files"]:
        file = FileReport(**{**entry, "modified": None})
        if file.present:
            # Same content, but the file may have been touched or copied: show it as it is now.
            stat = (folder / file.filename).stat()
            file.size = stat.st_size
            file.modified = datetime.fromtimestamp(stat.st_mtime)
        report.files.append(file)
    return report


def _age_key(path: Path) -> float:
    """When a cache file was written (0 when another process pruned it meanwhile)."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _prune(root: Path, keep: Path) -> None:
    files = sorted(root.glob("plan-*.duckdb"), key=_age_key, reverse=True)
    for old in [p for p in files if p != keep][KEEP_FILES - 1:]:
        old.unlink(missing_ok=True)
    # What a killed load left behind (another process's load in progress is younger).
    for leftover in root.glob(".plan-*.tmp*"):
        with contextlib.suppress(OSError):
            if time.time() - leftover.stat().st_mtime > STALE_TEMPORARY_SECONDS:
                leftover.unlink()
