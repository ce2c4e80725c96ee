"""The headline figures as the overview, the briefing and the public site show them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ogp_metrics import text


@dataclass(frozen=True)
class Metric:
    key: str  # text key of its label
    value: float
    total: float | None = None  # shown as "value / total"
    delta: float | None = None  # change since the baseline, None when there is none
    higher_is_better: bool = True
    percent: bool = False


def _pick(figures: dict, path: tuple[str, ...]) -> float:
    value = figures
    for key in path:
        value = value[key]
    return value


METRICS: tuple[tuple[str, tuple[str, ...], tuple[str, ...] | None, bool, bool], ...] = (
    # key, path to the value, path to its total, higher is better, is a percentage
    ("headline.commitments_complete", ("commitments", "completion", "complete"),
     ("commitments", "total"), True, False),
    ("headline.commitments_substantial", ("commitments", "completion", "substantial"),
     ("commitments", "total"), True, False),
    ("headline.commitments_limited", ("commitments", "completion", "limited"),
     ("commitments", "total"), False, False),
    ("headline.milestones_complete", ("milestones", "complete"), ("milestones", "total"), True, False),
    ("headline.milestones_overdue", ("milestones", "overdue"), None, False, False),
    ("headline.mean_progress", ("milestones", "mean_progress_pct"), None, True, True),
    ("headline.meetings_held", ("meetings", "held"), None, True, False),
    ("headline.participants", ("participation", "participants"), None, True, False),
)


def metrics(now: dict, before: dict | None) -> list[Metric]:
    """Each headline figure with its change since `before` (the last steering committee)."""
    result = []
    for key, path, total_path, higher_is_better, percent in METRICS:
        value = _pick(now, path)
        delta = None if not before else value - _pick(before, path)
        total = _pick(now, total_path) if total_path else None
        result.append(Metric(key, value, total, delta, higher_is_better, percent))
    return result


def format_value(metric: Metric, lang: str) -> str:
    if metric.percent:
        return text.format_percent(metric.value, lang, decimals=1)
    value = text.format_number(metric.value, lang)
    if metric.total is not None:
        return text.t("headline.of_total", lang, value=value, total=text.format_number(metric.total, lang))
    return value


def format_delta(metric: Metric, lang: str) -> str | None:
    if metric.delta is None:
        return None
    # An ASCII minus: Streamlit reads it to point the arrow down.
    sign = "+" if metric.delta > 0 else ("-" if metric.delta < 0 else "±")
    magnitude = abs(metric.delta)
    if metric.percent:
        return f"{sign}{text.format_number(magnitude, lang, decimals=1)} pt"
    return f"{sign}{text.format_number(magnitude, lang)}"


def time_left(start: date | None, end: date | None, as_of: date, lang: str) -> str:
    """`Du 1 avr. 2024 au 31 déc. 2026 · 32 jours restants` (or how long ago it ended)."""
    span = text.t("headline.span", lang, start=text.format_date(start, lang),
                  end=text.format_date(end, lang))
    if end is None:
        return span
    days = (end - as_of).days
    if start is not None and as_of < start:
        left = text.t("headline.not_begun", lang, days=text.format_number((start - as_of).days, lang))
    elif days >= 0:
        left = text.t("headline.days_left", lang, days=text.format_number(days, lang))
    else:
        left = text.t("headline.ended", lang, days=text.format_number(-days, lang))
    return f"{span} · {left}"
