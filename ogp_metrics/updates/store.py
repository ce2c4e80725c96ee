"""Publishing a prepared change: atomically, in turn, logged, and finished after a crash.

Commit protocol, under the folder's lock (`layout.LOCK`): store the old and new contents as
objects; write the intent (`pending.json`); replace each file (temporary file in the same
folder, fsync, `os.replace`, fsync the folder); append the log lines in one write and fsync;
remove the intent. A reader always sees a whole file, old or new. If the process dies, the
next publish or restore (or `recover`) finishes the interrupted one from its intent: once
the intent is written the publish is decided, before it nothing was changed."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import json
import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from ogp_metrics.contract.schema import TABLES_BY_NAME
from ogp_metrics.ingest.atomic_file import TEMP_SUFFIX, fsync_directory, write_atomically
from ogp_metrics.ingest.load import data_folder
from ogp_metrics.ingest.problems import Problem
from ogp_metrics.updates.history import history, last_version, log_problems, pending, read_object
from ogp_metrics.updates.layout import (
    HISTORY,
    LOCK,
    LOG,
    LOG_KEYS,
    OBJECTS,
    PENDING,
    REFUSED,
    PublishRefused,
    describe_log_problems,
    file_sha256,
    pause,
    read_current,
    sha256,
    table_of,
)
from ogp_metrics.updates.preview import Preparation, prepare_restore

MAX_REASON = 200


MAX_BY = 200


LOCK_TIMEOUT_SECONDS = 30.0  # how long a publisher waits for another one to finish




def publish(preparation: Preparation, by: str, reason: str) -> int | None:
    """Write the prepared files atomically; return the new version (None: nothing differed).

    Raises `PublishRefused` (nothing changed) when the preparation has problems, when the
    reason or name is missing, when another publish holds the lock too long, or when any
    file of the folder changed since the preparation was checked.
    """
    by, reason = _clean(by), _clean(reason)
    if not by:
        raise PublishRefused("no_name")
    if not reason:
        raise PublishRefused("no_reason")
    if len(by) > MAX_BY:  # refused, not cut: the log keeps names whole
        raise PublishRefused("long_name", limit=str(MAX_BY))
    if len(reason) > MAX_REASON:
        raise PublishRefused("long_reason", limit=str(MAX_REASON))
    if not preparation.ok:
        raise PublishRefused("invalid", problems=preparation.problems)
    folder = preparation.folder
    if not folder.is_dir():
        raise PublishRefused("invalid", problems=[Problem("", "missing_folder", value=str(folder))])
    if not preparation.files:
        return None  # the same bytes as when checked: nothing to write, nothing to log
    with locked(folder):
        _recover_locked(folder)
        # A version number could hide in a skipped line of the log: repair first. (A bad line of
        # refused.jsonl hides nothing a publish needs: it is reported, and repaired, only.)
        damaged = [problem for problem in log_problems(folder) if problem.file == LOG]
        if damaged:
            raise PublishRefused("history_damaged", lines=describe_log_problems(damaged))
        current = read_current(folder)
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
        version = last_version(folder) + 1
        moment = _now()
        entries = [{"version": version, "time": moment, "by": by, "reason": reason,
                    "action": preparation.action, "file": name,
                    "sha256_before": preparation.base.get(name), "sha256_after": sha256(data),
                    "rows": preparation.rows.get(name, 0)} for name, data in files.items()]
        for name, data in files.items():
            if current[name] is not None:
                _store_object(folder, current[name])
            _store_object(folder, data)
        pause("objects_written")
        write_atomically(folder / HISTORY / PENDING,
                          json.dumps({"version": version, "entries": entries}).encode())
        pause("intent_written")
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
        path = folder / TABLES_BY_NAME[table_of(entry["file"])].filename
        if file_sha256(path) != entry["sha256_after"]:
            write_atomically(path, read_object(folder, entry["sha256_after"]),
                             before_replace=functools.partial(pause, f"temp_written:{entry['file']}"))
            pause(f"replaced:{entry['file']}")
    _log_version(folder, entries)
    pause("logged")
    (folder / HISTORY / PENDING).unlink()
    fsync_directory(folder / HISTORY)
    pause("intent_cleared")


def recover(folder: str | os.PathLike | None) -> int | None:
    """Finish a publish interrupted by a crash (see the module's commit protocol).

    Returns the version completed, or None when nothing was pending. Writes only when
    something was pending or a stray temporary file was left.
    """
    folder = data_folder(folder)
    if pending(folder) is None and not _stray_temporary_files(folder):
        return None
    with locked(folder):
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


def _clean(value: str) -> str:
    return " ".join((value or "").split())


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the folder's publishing lock; refuse after `LOCK_TIMEOUT_SECONDS` of waiting."""
    history_dir = folder / HISTORY
    created = not history_dir.exists()
    (history_dir / OBJECTS).mkdir(parents=True, exist_ok=True)
    if created:
        fsync_directory(history_dir)
        fsync_directory(folder)
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
        pause("locked")
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _store_object(folder: Path, data: bytes) -> None:
    path = folder / HISTORY / OBJECTS / sha256(data)
    if file_sha256(path) == path.name:
        return
    write_atomically(path, data)
    os.chmod(path, 0o444)


def _append_lines(path: Path, entries: list[dict]) -> None:
    """Append JSON lines in one write, then fsync (a kill cannot tear one write)."""
    payload = b"".join(json.dumps(entry, ensure_ascii=False).encode() + b"\n" for entry in entries)
    created = not path.exists()
    if not created and _ends_torn(path):
        payload = b"\n" + payload  # never glue a record to what a crash left unfinished
    handle = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        written = os.write(handle, payload)
        if written != len(payload):  # a full disk: do not leave half a version behind
            raise OSError(errno.ENOSPC, "short write to the history log")
        os.fsync(handle)
    finally:
        os.close(handle)
    if created:
        fsync_directory(path.parent)


def _ends_torn(path: Path) -> bool:
    with open(path, "rb") as stream:
        if stream.seek(0, os.SEEK_END) == 0:
            return False
        stream.seek(-1, os.SEEK_END)
        return stream.read(1) != b"\n"


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
        version = entry.get("version") if isinstance(entry, dict) else None
        if not isinstance(version, int) or version < keep_below:
            break
        cut = start
    if cut != len(data):
        with open(path, "r+b") as stream:
            stream.truncate(cut)
            stream.flush()
            os.fsync(stream.fileno())
