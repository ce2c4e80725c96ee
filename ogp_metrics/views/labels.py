"""Query results turned into tables a reader can scan: translated headers, labels, formatting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from ogp_metrics import text


def institution_names(institutions: pd.DataFrame, lang: str) -> dict[str, str]:
    """Institution code -> its name in the language (French when no English name)."""
    names = {}
    for row in institutions.itertuples(index=False):
        english = row.name_en if isinstance(row.name_en, str) and row.name_en.strip() else None
        names[row.code] = (english if lang == "en" and english else row.name_fr)
    return names


def localised_title(row, lang: str, prefix: str = "title") -> str:
    english = row.get(f"{prefix}_en")
    if lang == "en" and isinstance(english, str) and english.strip():
        return english
    french = row.get(f"{prefix}_fr")
    return french if isinstance(french, str) else ""


def as_date(value) -> date | None:
    """A date from what a query returns (date, Timestamp, NaT or None); None when missing."""
    # NaT is a datetime too: test it before `.date()`.
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if hasattr(value, "date"):
        return value.date()
    return value


@dataclass(frozen=True)
class TargetLine:
    title: str
    fraction: float  # 0..1, for a progress bar
    line: str
    reached: bool


def target_lines(targets: pd.DataFrame, as_of: date, lang: str) -> list[TargetLine]:
    """One line per target: what, how far, by when, and whether reached, in words."""
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
        pct = row["reached_pct"]
        line = text.t("overview.target_line", lang, actual=text.format_number(row["actual"], lang),
                      target=text.format_number(row["target"], lang),
                      pct=text.format_percent(pct, lang), deadline=text.format_date(deadline, lang),
                      state=state)
        fraction = 1.0 if row["target"] <= 0 else max(0.0, min(1.0, row["actual"] / row["target"]))
        lines.append(TargetLine(title, fraction, line, bool(reached)))
    return lines


def overdue_milestones(milestones: pd.DataFrame, institutions: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Overdue milestones, latest first: title, commitment, owner, due date, days late, progress."""
    names = institution_names(institutions, lang)
    overdue = milestones[milestones["status"] == "overdue"].sort_values("days_late", ascending=False)
    return pd.DataFrame({
        text.t("col.milestone", lang): [localised_title(r, lang) for r in overdue.to_dict("records")],
        text.t("col.commitment", lang): overdue["commitment_id"].tolist(),
        text.t("col.owner", lang): [names.get(code, code) if isinstance(code, str) else "—"
                                    for code in overdue["owner"]],
        text.t("col.due_date", lang): [text.format_date(as_date(d), lang) for d in overdue["due_date"]],
        text.t("col.days_late", lang): [int(d) for d in overdue["days_late"]],
        text.t("col.progress", lang): [text.format_percent(p, lang) for p in overdue["progress_pct"]],
    })
