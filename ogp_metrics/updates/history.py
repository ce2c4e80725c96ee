"""Reading the log of publishes: versions, who, when, why; kept versions of files; for people."""

from __future__ import annotations

import json
import os
import re
from datetime import datetime
from pathlib import Path

import pandas as pd

from ogp_metrics import text
from ogp_metrics.ingest.load import data_folder
from ogp_metrics.updates.layout import (
    HISTORY,
    LOG,
    LOG_KEYS,
    OBJECTS,
    PENDING,
    REFUSED,
    PublishRefused,
    sha256,
)
from ogp_metrics.updates.log_lines import (
    LogProblem,
    publish_entry_problem,
    read_log,
    refusal_entry_problem,
)


def history(folder: str | os.PathLike | None) -> list[dict]:
    """Every logged publish and restore, oldest first, one entry per file (read-only); a
    malformed line is skipped (`log_problems` lists it)."""
    path = data_folder(folder) / HISTORY / LOG
    entries, _problems = read_log(path, publish_entry_problem)
    return [{key: entry.get(key) for key in LOG_KEYS} for entry in entries]


def refusals(folder: str | os.PathLike | None) -> list[dict]:
    """Every publish refused because a file changed after it was checked, oldest first."""
    return read_log(data_folder(folder) / HISTORY / REFUSED, refusal_entry_problem)[0]


def log_problems(folder: str | os.PathLike | None) -> list[LogProblem]:
    """Every malformed line of the history's logs (readers skip them; publishing waits for
    `repair-history`)."""
    history_dir = data_folder(folder) / HISTORY
    return (read_log(history_dir / LOG, publish_entry_problem)[1]
            + read_log(history_dir / REFUSED, refusal_entry_problem)[1])


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


def last_version(folder: Path) -> int:
    entries = history(folder)
    return max((int(entry["version"]) for entry in entries), default=0)
