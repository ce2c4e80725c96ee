"""Charts of the Participation page: participation by month and activity.

The cumulative lines, the demographic bars and the sector map come from
`charts.meetings` (`cumulative_chart`, `labelled_bars`) and `charts.sectors`.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts.base import GREY, OKABE_ITO, finish, month_axis
from ogp_metrics.charts.meetings import _iso, cumulative_chart, fit_width, labelled_bars
from ogp_metrics.contract import schema

# "Other" in grey, as on the Meetings page.
ACTIVITY_COLOURS = {code: OKABE_ITO[index % len(OKABE_ITO)]
                    for index, code in enumerate(schema.ACTIVITIES)} | {"other": GREY}
MEASURES = ("participants", "contributions")

__all__ = ["MEASURES", "cumulative_chart", "labelled_bars", "participation_by_month_chart"]


def participation_by_month_chart(data: pd.DataFrame, lang: str, measure: str = "participants",
                                 height: int = 260) -> alt.TopLevelMixin:
    """Participants (or contributions) per month, stacked by activity.

    `data`: `month`, `activity`, `participants`, `contributions` (`figures.participation_by_month`).
    """
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}")
    frame = pd.DataFrame({
        "month": [_iso(value) for value in data["month"]],
        "activity": data["activity"].astype(str),
        "activity_label": [text.value_label("activity", code, lang) for code in data["activity"]],
        measure: pd.to_numeric(data[measure]).fillna(0).astype(float),
    })
    present = [code for code in schema.ACTIVITIES if code in set(frame["activity"])]
    scale = alt.Scale(domain=[text.value_label("activity", code, lang) for code in present],
                      range=[ACTIVITY_COLOURS[code] for code in present])
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
