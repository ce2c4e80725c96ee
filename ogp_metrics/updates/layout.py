"""Where publishing keeps things (`<data folder>/.history/`), and what refuses a publish.

Everything kept about publishing lives in `<data folder>/.history/` (the loader reads only
the contract's file names, so it never sees it):

    log.jsonl          one JSON line per file per publish or restore: version, time, by, reason,
                       action, file, sha256_before, sha256_after, rows (append-only, fsynced)
    refused.jsonl      publishes refused because a file changed after they were checked
    objects/<sha256>   every version of every file ever replaced or written, by content hash
    pending.json       the intent of a publish in progress; present after a crash only
    lock               held (flock) while publishing, so that publishers take turns
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from ogp_metrics import text
from ogp_metrics.contract.schema import TABLES
from ogp_metrics.ingest.limits import not_regular
from ogp_metrics.ingest.problems import Problem

HISTORY = ".history"


LOG = "log.jsonl"


REFUSED = "refused.jsonl"


PENDING = "pending.json"


LOCK = "lock"


OBJECTS = "objects"




# A test (and only a test) sets this to a step name: the publisher stops there and waits
# to be killed, so that a crash at every step can be checked.
PAUSE_ENV = "OGP_PUBLISH_PAUSE_AT"
LOG_KEYS = ("version", "time", "by", "reason", "action", "file", "sha256_before", "sha256_after",
            "rows")


class PublishRefused(Exception):
    """A publish or restore that was not done; nothing was changed. `message(lang)` says why."""

    def __init__(self, code: str, problems: Sequence[Problem] = (), **details: str) -> None:
        self.code = code
        self.problems = list(problems)
        self.details = details
        super().__init__(code)

    def message(self, lang: str = text.DEFAULT_LANGUAGE) -> str:
        return text.t(f"staff.refused.{self.code}", lang, **self.details)


def describe_log_problems(problems: Sequence) -> str:
    """`log.jsonl` line 3, `refused.jsonl` line 1 (the first few), for a message."""
    shown = ", ".join(f"{problem.file}:{problem.line}" for problem in problems[:10])
    return shown + (f" (+{len(problems) - 10})" if len(problems) > 10 else "")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_current(folder: Path) -> dict[str, bytes | None]:
    """Every contract file's bytes (None: absent); refused when one is no regular file (a link
    to a device would never end reading)."""
    current: dict[str, bytes | None] = {}
    for table in TABLES:
        refused = not_regular(folder / table.filename)
        if refused is not None:
            raise PublishRefused("invalid", problems=[refused])
        try:
            current[table.filename] = (folder / table.filename).read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            current[table.filename] = None
    return current


def table_of(filename: str) -> str:
    """The table of a contract file name from the history; anything else is refused."""
    for table in TABLES:
        if table.filename == filename:
            return table.name
    raise PublishRefused("missing_object", sha256=str(filename))


def file_sha256(path: Path) -> str | None:
    try:
        return sha256(path.read_bytes())
    except FileNotFoundError:
        return None



def pause(step: str) -> None:
    """For the crash test: stop at `step` when `OGP_PUBLISH_PAUSE_AT` names it, and wait."""
    if os.environ.get(PAUSE_ENV) == step:
        sys.stderr.write(f"ogp-publish-paused:{step}\n")
        sys.stderr.flush()
        time.sleep(600)
