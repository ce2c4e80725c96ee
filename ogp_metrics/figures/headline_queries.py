"""The headline figures, in the shape `summary --json` prints, and their value at a baseline."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ogp_metrics.contract import schema
from ogp_metrics.figures.commitment_queries import completion
from ogp_metrics.figures.filters import NO_FILTERS, Filters, filtered
from ogp_metrics.figures.meeting_queries import last_steering_committee, meetings_by
from ogp_metrics.figures.milestone_queries import MILESTONE_STATUS
from ogp_metrics.figures.outcome_summary import outcomes
from ogp_metrics.figures.participation_queries import participation_by_groups
from ogp_metrics.figures.sql import Cursor, frame

# The mean is rounded half away from zero, as people round by hand (it is never negative).
_COUNT_BY_STATUS = ", ".join(f"count(*) FILTER (WHERE status = '{code}') AS {code}"
                             for code in schema.MILESTONE_STATUSES)
MILESTONE_SUMMARY = f"""
SELECT count(*) AS total, {_COUNT_BY_STATUS},
       coalesce(round(avg(progress_pct), 1), 0.0) AS mean_progress_pct
FROM ({MILESTONE_STATUS})
"""


def headline(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS, cards: bool = False) -> dict:
    """The headline figures; every category present (zero when none).

    With `cards=True`, without what the dashboard's cards do not show (`views.headline`):
    `participation.by_sector`, the one figure here that groups every participation record
    (0.15 s at 10 M), and what participation decided (`events`, `votes`, `projects`: five
    queries). The Overview computes the cards twice a rerun, on the date and at the baseline."""
    commitment_rows = completion(cursor, as_of, filters)
    milestones = frame(cursor, filtered(MILESTONE_SUMMARY, filters), as_of=as_of, **filters.params()).iloc[0]
    # Totals are summed from the per-group figures, so each is defined by one query.
    per_type = meetings_by(cursor, as_of, "meeting_type", filters)
    grouped = participation_by_groups(cursor, as_of, ("activity",) if cards else ("activity", "sector"),
                                      filters)
    per_activity, per_sector = grouped["activity"], grouped.get("sector")

    def total(rows: pd.DataFrame, column: str) -> int:
        return int(rows[column].fillna(0).sum())

    def per_group(rows: pd.DataFrame, keys: tuple[str, ...], column: str) -> dict[str, int]:
        result = dict.fromkeys(keys, 0)
        for key, value in zip(rows["group_key"], rows[column].fillna(0), strict=True):
            result[key] = int(value)
        return result

    participation = {"participants": total(per_activity, "participants"),
                     "contributions": total(per_activity, "contributions"),
                     "by_activity": per_group(per_activity, schema.ACTIVITIES, "participants")}
    if per_sector is not None:
        participation["by_sector"] = per_group(per_sector, (*schema.SECTORS, schema.CITYWIDE), "participants")
    figures = {
        "as_of": as_of.isoformat(),
        "commitments": {"total": len(commitment_rows),
                        "completion": _by_level(commitment_rows["self_completion"]),
                        "completion_independent": _by_level(commitment_rows["independent_completion"])},
        "milestones": {"total": int(milestones["total"]),
                       **{code: int(milestones[code]) for code in schema.MILESTONE_STATUSES},
                       "mean_progress_pct": float(milestones["mean_progress_pct"])},
        "meetings": {"held": total(per_type, "held"), "planned": total(per_type, "planned"),
                     "public_held": total(per_type, "public_held"),
                     "attendees": total(per_type, "attendees_known"),
                     "by_type": per_group(per_type, schema.MEETING_TYPES, "held")},
        "participation": participation,
    }
    if cards:
        return figures
    decided = outcomes(cursor, as_of, filters)
    return {**figures, "participation": {**participation, "events": decided["events"]},
            "votes": decided["votes"], "projects": decided["projects"]}


def _by_level(levels: pd.Series) -> dict[str, int]:
    """How many commitments are at each completion level (every level present)."""
    completion = dict.fromkeys(schema.COMPLETION_SHOWN, 0)
    for value in levels:
        completion[value] += 1
    return completion


def changes_since_last_steering_committee(cursor: Cursor, as_of: date) -> tuple[date | None, dict]:
    """The headline figures at the last steering committee before `as_of` (None if there was none)."""
    baseline = last_steering_committee(cursor, as_of)
    if baseline is None:
        return None, {}
    return baseline, headline(cursor, baseline)
