"""Participation per month, stacked by activity (the Participation page, a commitment's detail,
the briefing and the site all draw this one chart)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts.base import finish, fit_width, iso_date, month_axis
from ogp_metrics.charts.palette import ACTIVITY_COLOURS, present_scale
from ogp_metrics.contract import schema

MEASURES = ("participants", "contributions")


def participation_by_month(data: pd.DataFrame, lang: str, measure: str = "participants",
                                 height: int = 260) -> alt.TopLevelMixin:
    """Participants (or contributions) per month, stacked by activity.

    `data`: `month`, `activity`, `participants`, `contributions` (`figures.participation_by_month`).
    """
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}")
    frame = pd.DataFrame({
        "month": [iso_date(value) for value in data["month"]],
        "activity": data["activity"].astype(str),
        "activity_label": [text.value_label("activity", code, lang) for code in data["activity"]],
        measure: pd.to_numeric(data[measure]).fillna(0).astype(float),
    })
    scale = present_scale("activity", schema.ACTIVITIES, set(frame["activity"]), ACTIVITY_COLOURS, lang)
    value_title = text.t(f"indicator.{measure}", lang)
    bars = alt.Chart(frame).mark_bar(stroke="white", strokeWidth=0.5).encode(
        x=alt.X("month:T", timeUnit="yearmonth", axis=month_axis(lang)),
        y=alt.Y(f"sum({measure}):Q", title=value_title),
        color=alt.Color("activity_label:N", scale=scale, title=text.t("participation.activity", lang)),
        order=alt.Order("activity:N"),
        tooltip=[alt.Tooltip("month:T", timeUnit="yearmonth", format="%B %Y",
                             title=text.t("meetings.col.month", lang)),
                 alt.Tooltip("activity_label:N", title=text.t("participation.activity", lang)),
                 alt.Tooltip(f"sum({measure}):Q", format=",d", title=value_title)],
    )
    chart = bars.properties(description=text.t("participation.trend", lang), height=height)
    return finish(fit_width(chart), lang)
