"""The history's JSON-lines logs, line by line: what each valid line says, and which are not valid.

One malformed line in `.history/log.jsonl` (edited by hand, a disk error, a copy cut short) made
every reader fail with a traceback and stopped all publishing. Readers now skip such a line and
report it (file, line number, why); writers refuse to publish until `repair-history` has set the
lines aside (`updates.repair`), because a version number hidden in a skipped line could be given
again. A last line without its newline is not malformed but torn by a crash: the next publish
cuts it (`store.recover`), as before.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ogp_metrics.contract.schema import TABLES

_SHA256 = re.compile(r"[0-9a-f]{64}")
_FILES = frozenset(table.filename for table in TABLES)
ACTIONS = ("publish", "restore")


@dataclass(frozen=True)
class LogProblem:
    """A line a reader skipped: the log's name (`log.jsonl`), its line number (from 1), why."""

    file: str
    line: int
    reason: str


def _time(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _whole(value: object, minimum: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= minimum


def _digest(value: object, optional: bool) -> bool:
    return (optional and value is None) or (isinstance(value, str) and bool(_SHA256.fullmatch(value)))


def publish_entry_problem(entry: object) -> str | None:
    """Why a line of `log.jsonl` is not a publish record (None: it is one)."""
    if not isinstance(entry, dict):
        return "not_object"
    checks = {
        "version": _whole(entry.get("version"), 1),
        "time": _time(entry.get("time")),
        "by": isinstance(entry.get("by"), str),
        "reason": isinstance(entry.get("reason"), str),
        "action": entry.get("action") in ACTIONS,
        "file": entry.get("file") in _FILES,
        "sha256_before": _digest(entry.get("sha256_before"), optional=True),
        "sha256_after": _digest(entry.get("sha256_after"), optional=False),
        "rows": _whole(entry.get("rows"), 0),
    }
    wrong = [key for key, ok in checks.items() if not ok]
    return f"bad:{','.join(wrong)}" if wrong else None


def refusal_entry_problem(entry: object) -> str | None:
    """Why a line of `refused.jsonl` is not a refusal record (None: it is one)."""
    if not isinstance(entry, dict):
        return "not_object"
    wrong = [key for key, ok in {
        "time": _time(entry.get("time")),
        "files": isinstance(entry.get("files"), list),
        "changed_since_checked": isinstance(entry.get("changed_since_checked", []), list),
    }.items() if not ok]
    return f"bad:{','.join(wrong)}" if wrong else None


def split_lines(data: bytes) -> tuple[list[bytes], bytes]:
    """The complete lines of a log (newline removed) and what follows the last newline."""
    complete, _newline, torn = data.rpartition(b"\n")
    return (complete.split(b"\n") if _newline else []), torn


def read_log(path: Path, problem_of) -> tuple[list[dict], list[LogProblem]]:
    """Every valid entry of the log at `path` and every malformed complete line, in order.

    `problem_of(entry)` says why a parsed line is not a record. Blank lines are ignored; a last
    line without its newline is a crash's torn write, skipped without being reported."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return [], []
    entries: list[dict] = []
    problems: list[LogProblem] = []
    lines, _torn = split_lines(data)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except (ValueError, UnicodeDecodeError):
            problems.append(LogProblem(path.name, number, "not_json"))
            continue
        reason = problem_of(entry)
        if reason is None:
            entries.append(entry)
        else:
            problems.append(LogProblem(path.name, number, reason))
    return entries, problems
