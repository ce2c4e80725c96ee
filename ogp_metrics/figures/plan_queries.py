"""The plan itself: its name and dates, its institutions, and how fresh its data is."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ogp_metrics.figures.sql import Cursor, frame, scalar

PLAN = "SELECT * FROM plan ORDER BY _row LIMIT 1"
PLAN_SPAN = "SELECT min(start_date), max(end_date) FROM commitments"
DATA_STATUS = "SELECT data_status, illustrative_tables FROM plan ORDER BY _row LIMIT 1"
INSTITUTIONS = "SELECT code, name_fr, name_en FROM institutions ORDER BY code"
LAST_UPDATE = """
SELECT max(d) FROM (
    SELECT max(update_date) AS d FROM progress_updates WHERE update_date <= $as_of
    UNION ALL SELECT max(assessment_date) FROM assessments WHERE assessment_date <= $as_of
    UNION ALL SELECT max(completed_date) FROM milestones WHERE completed_date <= $as_of
)
"""

# OGP Local asks members to refresh their public page at least every four months.
STALE_AFTER_DAYS = 122


def plan(cursor: Cursor) -> dict:
    """The plan's name and dates: `plan.csv` if given, else the span of its commitments."""
    rows = frame(cursor, PLAN)
    first, last = cursor.execute(PLAN_SPAN).fetchone()
    info = {"name_fr": None, "name_en": None, "member": None, "submitted_date": None,
            "start_date": first, "end_date": last, "alternative_end_date": None,
            "source_url": None}
    if len(rows):
        row = rows.iloc[0]
        for key in info:
            value = row.get(key)
            if value is not None and not pd.isna(value):
                info[key] = value.date() if hasattr(value, "date") and key.endswith("date") else value
    info.update(data_status(cursor))
    return info


def data_status(cursor: Cursor) -> dict:
    """What `plan.csv` says of its data: `real` or `illustrative`, and the illustrative files."""
    row = cursor.execute(DATA_STATUS).fetchone()
    status, tables = row if row is not None else (None, None)
    return {"data_status": status or "real", "illustrative_tables": list(tables or [])}


def institutions(cursor: Cursor) -> pd.DataFrame:
    return frame(cursor, INSTITUTIONS)


def last_update(cursor: Cursor, as_of: date) -> date | None:
    """The newest progress update, assessment or completion on or before `as_of`."""
    return scalar(cursor, LAST_UPDATE, as_of=as_of)


def is_stale(last: date | None, as_of: date) -> bool:
    return last is None or (as_of - last).days > STALE_AFTER_DAYS
