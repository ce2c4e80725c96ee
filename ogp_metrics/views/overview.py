"""What the Overview (and the briefing's and site's first page) says of targets and delays."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from ogp_metrics import text
from ogp_metrics.figures import as_date
from ogp_metrics.views.labels import institution_names, owner_name


@dataclass(frozen=True)
class TargetLine:
    title: str
    fraction: float  # 0..1, for a progress bar
    line: str
    reached: bool


def target_lines(targets: pd.DataFrame, as_of: date, lang: str) -> list[TargetLine]:
    """One line per target (`figures.targets`): what, how far, by when, and whether reached."""
    lines = []
    for row in targets.to_dict("records"):
        reached = row["actual"] >= row["target"]
        deadline = as_date(row["deadline"])
        if reached:
            state = text.t("overview.target_reached", lang)
        elif deadline is not None and deadline < as_of:
            state = text.t("overview.target_missed", lang)
        else:
            state = text.t("overview.target_open", lang)
        scope = row["commitment_id"] if isinstance(row["commitment_id"], str) else text.t(
            "overview.whole_plan", lang)
        title = f"{text.value_label('indicator', row['indicator'], lang)} ({scope})"
        line = text.t("overview.target_line", lang, actual=text.format_number(row["actual"], lang),
                      target=text.format_number(row["target"], lang),
                      pct=text.format_percent(row["reached_pct"], lang),
                      deadline=text.format_date(deadline, lang), state=state)
        fraction = 1.0 if row["target"] <= 0 else max(0.0, min(1.0, row["actual"] / row["target"]))
        lines.append(TargetLine(title, fraction, line, bool(reached)))
    return lines


def overdue_milestones(milestones: pd.DataFrame, institutions: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Overdue milestones, latest first: title, commitment, owner, due date, days late, progress."""
    names = institution_names(institutions, lang)
    overdue = milestones[milestones["status"] == "overdue"].sort_values("days_late", ascending=False)
    return pd.DataFrame({
        text.t("col.milestone", lang): [text.localised(r, lang) for r in overdue.to_dict("records")],
        text.t("col.commitment", lang): overdue["commitment_id"].tolist(),
        text.t("col.owner", lang): [owner_name(names, code, lang) if isinstance(code, str) else "—"
                                    for code in overdue["owner"]],
        text.t("col.due_date", lang): [text.format_date(as_date(d), lang) for d in overdue["due_date"]],
        text.t("col.days_late", lang): [int(d) for d in overdue["days_late"]],
        text.t("col.progress", lang): [text.format_percent(p, lang) for p in overdue["progress_pct"]],
    })
