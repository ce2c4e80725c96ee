"""A new plan's folder: `plan.csv` with its one row and every other file with its header only,
valid as it stands, for any OGP member to fill with `import` (`python -m ogp_metrics init`).

The folder is written beside its final place and renamed into it, so that a failure leaves no
half-made folder; an existing folder that holds anything is never written into.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

from ogp_metrics.contract.schema import TABLES


class NewPlanError(Exception):
    """Why the folder cannot be made: `code` is a text key's last part, `details` its values."""

    def __init__(self, code: str, **details: str) -> None:
        self.code = code
        self.details = details
        super().__init__(code)


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def plan_files(name: str, start: date | None = None, end: date | None = None,
               member: str = "") -> dict[str, bytes]:
    """Each file of a new plan: its name -> its bytes (UTF-8, `,`, the contract's columns)."""
    files = {}
    for table in TABLES:
        header = [column.name for column in table.columns]
        rows = []
        if table.name == "plan":
            values = {"name_fr": name, "name_en": name, "member": member,
                      "start_date": start.isoformat() if start else "",
                      "end_date": end.isoformat() if end else "", "data_status": "real"}
            rows = [[values.get(column, "") for column in header]]
        files[table.filename] = _csv(header, rows)
    return files


def new_plan(folder: Path, name: str, start: date | None = None, end: date | None = None,
             member: str = "") -> list[str]:
    """Write a new plan's folder; the names of the files written. Raises `NewPlanError`."""
    if not " ".join(name.split()):
        raise NewPlanError("no_name")
    if start and end and end < start:
        raise NewPlanError("end_before_start", start=start.isoformat(), end=end.isoformat())
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise NewPlanError("not_empty", folder=str(folder))
    files = plan_files(" ".join(name.split()), start, end, " ".join(member.split()))
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    except OSError as error:
        raise NewPlanError("unwritable", folder=str(folder), reason=error.strerror or "") from None
    try:
        for filename, content in files.items():
            (staging / filename).write_bytes(content)
        if folder.exists():
            folder.rmdir()  # empty, checked above
        os.replace(staging, folder)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise NewPlanError("unwritable", folder=str(folder), reason=error.strerror or "") from None
    return list(files)
