"""What the briefing PDF and the public site both say, worded once.

The figures themselves come from `figures` (through `views`); this module
only picks the plan's name, says whether the data is the bundled illustrative set, orders
milestones overdue first, and turns query results into dates.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ogp_metrics import text
from ogp_metrics.ingest.load import DEFAULT_FOLDER, Plan

# Overdue first (the longest delay first), then what is under way, what has not begun, what is done.
STATUS_ORDER = {"overdue": 0, "in_progress": 1, "not_started": 2, "complete": 3}


def plan_name(info: dict, lang: str) -> str:
    """The plan's name in the language (`figures.plan`), French when there is no English one."""
    return (info.get("name_en") if lang == "en" else None) or info.get("name_fr") or text.t(
        "overview.default_name", lang)


def is_bundled(plan: Plan) -> bool:
    """Whether the plan is the bundled, partly illustrative data (which must say so)."""
    try:
        return Path(plan.report.folder).resolve() == DEFAULT_FOLDER.resolve()
    except OSError:
        return False


def overdue_first(milestones: pd.DataFrame) -> list[dict]:
    """The milestones' records (`figures.milestones`), overdue first, then by due date."""
    def key(record: dict) -> tuple:
        late = record["days_late"]
        return (STATUS_ORDER.get(record["status"], len(STATUS_ORDER)),
                -(late if pd.notna(late) else 0), record["due_date"], record["milestone_id"])
    return sorted(milestones.to_dict("records"), key=key)


def codes(value: object) -> list[str]:
    """A list column's codes (DuckDB gives a numpy array, or None when blank)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    return [str(code) for code in value]
