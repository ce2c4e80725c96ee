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
    group: str = ""  # the heading it is shown under: commitments, milestones or activity
    help_key: str | None = None  # text key of what it means
    optional: bool = False  # shown only when not zero (`shown_metrics`)


def _pick(figures: dict, path: tuple[str, ...]) -> float:
    value = figures
    for key in path:
        value = value[key]
    return value


@dataclass(frozen=True)
class MetricSpec:
    key: str
    path: tuple[str, ...]  # where the value is in `figures.headline`
    total: tuple[str, ...] | None = None  # where its total is
    higher_is_better: bool = True
    percent: bool = False
    group: str = ""
    help_key: str | None = None
    optional: bool = False  # left out when zero now and at the baseline


_COMMITMENTS = ("commitments", "total")
# The commitments by the City's latest assessment: one card per level, so that they add up.
METRICS: tuple[MetricSpec, ...] = (
    *(MetricSpec(f"headline.commitments_{level}", ("commitments", "completion", level), _COMMITMENTS,
                 level not in ("limited", "not_started", "not_assessed", "withdrawn"), group="commitments",
                 help_key="headline.cards_help", optional=level == "withdrawn")
      for level in ("complete", "substantial", "limited", "not_started", "withdrawn", "not_assessed")),
    MetricSpec("headline.milestones_complete", ("milestones", "complete"), ("milestones", "total"),
               group="milestones"),
    MetricSpec("headline.milestones_overdue", ("milestones", "overdue"), None, False, group="milestones"),
    MetricSpec("headline.mean_progress", ("milestones", "mean_progress_pct"), None, True, True,
               group="milestones", help_key="commitments.progress_help"),
    MetricSpec("headline.meetings_held", ("meetings", "held"), group="activity"),
    MetricSpec("headline.participants", ("participation", "participants"), group="activity",
               help_key="headline.participants_help"),
)
GROUPS = {"commitments": "overview.commitments_by", "milestones": "overview.milestones",
          "activity": "overview.activity"}


def metrics(now: dict, before: dict | None) -> list[Metric]:
    """Each headline figure with its change since `before` (the last steering committee)."""
    result = []
    for spec in METRICS:
        value = _pick(now, spec.path)
        delta = None if not before else value - _pick(before, spec.path)
        total = _pick(now, spec.total) if spec.total else None
        result.append(Metric(spec.key, value, total, delta, spec.higher_is_better, spec.percent,
                             spec.group, spec.help_key, spec.optional))
    return result


def shown_metrics(now: dict, before: dict | None) -> list[Metric]:
    """The metrics a page shows: an optional one (withdrawn commitments) only when not zero."""
    return [metric for metric in metrics(now, before)
            if not metric.optional or metric.value or metric.delta]


def card_label(metric: Metric, lang: str) -> str:
    """A card's label under its heading: the OGP completion level alone for the commitments
    (`Achevé`, the heading says of what), the figure's full name otherwise."""
    if metric.group == "commitments":
        return text.value_label("completion", metric.key.removeprefix("headline.commitments_"), lang)
    return text.t(metric.key, lang)


def grouped(metrics_list: list[Metric]) -> list[tuple[str, list[Metric]]]:
    """The metrics under their headings' text keys, in order."""
    return [(title_key, [metric for metric in metrics_list if metric.group == group])
            for group, title_key in GROUPS.items()]


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


def days_ago(day: date, as_of: date, lang: str) -> str:
    """`aujourd'hui`, `il y a 1 jour`, `il y a 13 jours`."""
    days = (as_of - day).days
    if days == 0:
        return text.t("headline.today", lang)
    return text.tn("headline.days_ago", days, lang, days=text.format_number(days, lang))
