"""`repair-history`: set aside the malformed lines of the history's logs, so publishing resumes.

Under the publishing lock, for `log.jsonl` and `refused.jsonl`: the lines readers skip
(`log_lines`) are copied, with their line numbers, to `.history/damaged/<log>-<time>.jsonl`,
the whole log as it was to `.history/damaged/<log>-<time>.original`, and the log is rewritten
atomically without them. Nothing else changes: the data files, the kept versions and the valid
lines stay as they are. A crash's torn last line is cut as `recover` cuts it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ogp_metrics.ingest.atomic_file import write_atomically
from ogp_metrics.ingest.load import data_folder
from ogp_metrics.updates.layout import HISTORY, LOG, REFUSED
from ogp_metrics.updates.log_lines import (
    LogProblem,
    publish_entry_problem,
    read_log,
    refusal_entry_problem,
    split_lines,
)
from ogp_metrics.updates.store import locked, recover

DAMAGED = "damaged"


@dataclass(frozen=True)
class Repair:
    """What `repair_history` did to one log: the lines set aside, the lines kept, the copies."""

    log: str
    set_aside: list[LogProblem]
    kept: int
    bad_lines: Path
    original: Path


def repair_history(folder: str | os.PathLike | None) -> list[Repair]:
    """Set aside every malformed line of the logs (see the module); what was done, per log."""
    folder = data_folder(folder)
    if not (folder / HISTORY).is_dir():
        return []
    recover(folder)  # an interrupted publish first: it may be what left a line torn
    repairs = []
    with locked(folder):
        moment = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        for name, problem_of in ((LOG, publish_entry_problem), (REFUSED, refusal_entry_problem)):
            repair = _repair(folder / HISTORY / name, problem_of, moment)
            if repair is not None:
                repairs.append(repair)
    return repairs


def _repair(path: Path, problem_of, moment: str) -> Repair | None:
    _entries, problems = read_log(path, problem_of)
    if not problems:
        return None
    data = path.read_bytes()
    lines, _torn = split_lines(data)
    bad = {problem.line for problem in problems}
    damaged = path.parent / DAMAGED
    damaged.mkdir(exist_ok=True)
    stem = f"{path.stem}-{moment}"
    original, bad_lines = damaged / f"{stem}.original", damaged / f"{stem}.jsonl"
    write_atomically(original, data)
    write_atomically(bad_lines, b"".join(
        json.dumps({"line": problem.line, "why": problem.reason,
                    "text": lines[problem.line - 1].decode("utf-8", "backslashreplace")},
                   ensure_ascii=False).encode() + b"\n" for problem in problems))
    kept = [line for number, line in enumerate(lines, start=1) if number not in bad and line.strip()]
    write_atomically(path, b"".join(line + b"\n" for line in kept))
    return Repair(path.name, problems, len(kept), bad_lines, original)
