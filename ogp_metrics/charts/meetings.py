"""Meetings per month: stacked bars by type; planned meetings pale, dashed, right of the as-of line,
so that held and planned differ by more than colour."""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts.base import as_of_rule, finish, fit_width, iso_date, month_axis
from ogp_metrics.charts.palette import DARK, MEETING_TYPE_COLOURS, STATE_OPACITY, present_scale
from ogp_metrics.contract import schema


def meetings_by_month_chart(data: pd.DataFrame, lang: str, as_of: date | None = None,
                            height: int = 260) -> alt.TopLevelMixin:
    """Meetings per month (`month`, `meeting_type`, `state`, `meetings`): colour = type, pale = planned."""
    frame = pd.DataFrame({
        "month": [iso_date(value) for value in data["month"]],
        "meeting_type": data["meeting_type"].astype(str),
        "type_label": [text.value_label("meeting_type", code, lang) for code in data["meeting_type"]],
        "state": data["state"].astype(str),
        "state_label": [text.value_label("meeting_state", code, lang) for code in data["state"]],
        "meetings": data["meetings"].astype(int),
    })
    type_scale = present_scale("meeting_type", schema.MEETING_TYPES, set(frame["meeting_type"]),
                               MEETING_TYPE_COLOURS, lang)
    states = ("held", "planned")
    state_labels = [text.value_label("meeting_state", code, lang) for code in states]
    count_title = text.t("meetings.axis_count", lang)
    # Headroom over the tallest month, where the as-of label is written without covering a bar.
    tallest = float(frame.groupby("month")["meetings"].sum().max()) if len(frame) else 0.0
    y_scale = alt.Scale(domainMax=max(tallest * 1.25, tallest + 1, 1.0))
    # Opacity and dash share one legend (Vega-Lite merges them when their settings agree).
    state_legend = alt.Legend(symbolType="square", symbolFillColor="#0072B2", symbolStrokeColor=DARK,
                              symbolStrokeWidth=1.5, symbolSize=220, orient="top", direction="horizontal")
    bars = alt.Chart(frame).mark_bar(style="outline").encode(
        x=alt.X("month:T", timeUnit="yearmonth", axis=month_axis(lang)),
        y=alt.Y("sum(meetings):Q", title=count_title, scale=y_scale,
                axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("type_label:N", scale=type_scale, title=text.t("meetings.type", lang),
                        legend=alt.Legend()),
        opacity=alt.Opacity("state_label:N", title=text.t("meetings.state", lang),
                            scale=alt.Scale(domain=state_labels, range=[STATE_OPACITY[s] for s in states]),
                            legend=state_legend),
        strokeDash=alt.StrokeDash("state_label:N", title=text.t("meetings.state", lang),
                                  scale=alt.Scale(domain=state_labels, range=[[1, 0], [3, 2]]),
                                  legend=state_legend),
        stroke=alt.condition(alt.datum.state == "planned", alt.value(DARK), alt.value("white")),
        order=alt.Order("meeting_type:N"),
        tooltip=[alt.Tooltip("month:T", timeUnit="yearmonth", format="%B %Y",
                             title=text.t("meetings.col.month", lang)),
                 alt.Tooltip("type_label:N", title=text.t("meetings.type", lang)),
                 alt.Tooltip("state_label:N", title=text.t("meetings.state", lang)),
                 alt.Tooltip("sum(meetings):Q", title=count_title)],
    )
    layers = [bars]
    if as_of is not None:
        layers.append(as_of_rule(as_of, lang))
    chart = alt.layer(*layers).properties(
        description=text.t("meetings.by_month", lang), height=height)
    return finish(fit_width(chart), lang)
