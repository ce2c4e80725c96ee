"""What the briefing PDF and the public site both say, worded once.

The figures themselves come from `figures` (through `views`); this module
only picks the plan's name, says which of the data is illustrative (as `plan.csv` does), orders
milestones overdue first, and turns query results into dates.
"""

from __future__ import annotations

import pandas as pd

from ogp_metrics import text
from ogp_metrics.figures import rows_of

# Overdue first (the longest delay first), then what is under way, what has not begun, what is done.
STATUS_ORDER = {"overdue": 0, "in_progress": 1, "not_started": 2, "complete": 3}


def plan_name(info: dict, lang: str) -> str:
    """The plan's name in the language (`figures.plan`), French when there is no English one."""
    return (info.get("name_en") if lang == "en" else None) or info.get("name_fr") or text.t(
        "overview.default_name", lang)


def illustrative_notice(info: dict, lang: str) -> str | None:
    """What must be said when the data is made up (`figures.plan`'s `data_status` and
    `illustrative_tables`); None for real data."""
    if info.get("data_status") == "illustrative":
        return text.t("imports.notice.all", lang)
    tables = [text.value_label("illustrative_tables", name, lang) for name in info.get(
        "illustrative_tables") or []]
    if not tables:
        return None
    listed = tables[0] if len(tables) == 1 else text.t(
        "imports.notice.and", lang, first=", ".join(tables[:-1]), last=tables[-1])
    return text.t("imports.notice.tables", lang, tables=listed[0].upper() + listed[1:].lower())


def overdue_first(milestones: pd.DataFrame) -> list[dict]:
    """The milestones' records (`figures.milestones`), overdue first, then by due date."""
    def key(record: dict) -> tuple:
        late = record["days_late"]
        return (STATUS_ORDER.get(record["status"], len(STATUS_ORDER)),
                -(late if pd.notna(late) else 0), record["due_date"], record["milestone_id"])
    return sorted(rows_of(milestones), key=key)


def codes(value: object) -> list[str]:
    """A list column's codes (DuckDB gives a numpy array, or None when blank)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    return [str(code) for code in value]
