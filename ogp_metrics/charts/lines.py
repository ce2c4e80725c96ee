"""Running totals as step lines, with each target as a labelled dashed rule."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts.base import finish, fit_width, iso_date, month_axis
from ogp_metrics.charts.palette import OKABE_ITO, SERIES_DASHES


def cumulative_chart(data: pd.DataFrame, lang: str, value_title: str,
                     targets: pd.DataFrame | None = None, description: str = "",
                     height: int = 260) -> alt.TopLevelMixin:
    """Running totals, one step line per series, with each target as a labelled dashed rule.

    `data`: `month`, `series` (its label), `value`. `targets`: `series`, `target`,
    `deadline`, `label` (the words written on the rule).
    """
    frame = pd.DataFrame({"month": [iso_date(v) for v in data["month"]],
                          "series": data["series"].astype(str),
                          "value": data["value"].astype(float)})
    start = min(frame["month"]) if len(frame) else None
    series = list(dict.fromkeys(frame["series"]))
    if targets is not None:
        series += [name for name in targets["series"] if name not in series]
    colour = alt.Scale(domain=series, range=[OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(series))])
    dash = alt.Scale(domain=series, range=[SERIES_DASHES[i % len(SERIES_DASHES)]
                                           for i in range(len(series))])
    month_title = text.t("meetings.col.month", lang)
    base = alt.Chart(frame)
    lines = base.mark_line(interpolate="step-after").encode(
        x=alt.X("month:T", axis=month_axis(lang)),
        y=alt.Y("value:Q", title=value_title, axis=alt.Axis(tickMinStep=1)),  # whole counts
        # One legend for colour and dash, drawn as the lines it names.
        color=alt.Color("series:N", scale=colour, title=None, legend=alt.Legend(symbolType="stroke")),
        strokeDash=alt.StrokeDash("series:N", scale=dash, title=None, legend=alt.Legend(symbolType="stroke")),
        tooltip=[alt.Tooltip("month:T", format="%B %Y", title=month_title),
                 alt.Tooltip("series:N", title=text.t("meetings.col.series", lang)),
                 alt.Tooltip("value:Q", format=",d", title=value_title)],
    )
    ends = base.transform_window(
        rank="rank()", sort=[alt.SortField("month", order="descending")], groupby=["series"]
    ).transform_filter(alt.datum.rank == 1).mark_text(align="left", dx=6).encode(
        x="month:T", y="value:Q", color=alt.Color("series:N", scale=colour, title=None),
        text=alt.Text("value:Q", format=",d"))
    layers = [lines, ends]
    if targets is not None and len(targets):
        goal = pd.DataFrame({"series": targets["series"].astype(str),
                             "target": targets["target"].astype(float),
                             "deadline": [iso_date(v) for v in targets["deadline"]],
                             "start": start,
                             "label": targets["label"].astype(str)})
        goal_base = alt.Chart(goal)
        layers += [
            goal_base.mark_rule(strokeDash=[5, 4]).encode(
                y="target:Q", color=alt.Color("series:N", scale=colour, title=None)),
            goal_base.mark_point(shape="diamond", filled=True).encode(
                x="deadline:T", y="target:Q", color=alt.Color("series:N", scale=colour, title=None),
                tooltip=[alt.Tooltip("label:N", title=text.t("activity_charts.target", lang))]),
            # Written at the left, where the running totals are still low: no overlap.
            goal_base.mark_text(align="left", baseline="bottom", dy=-4, dx=2, style="annotation",
                                fontWeight="bold").encode(
                x="start:T" if start else alt.value(0), y="target:Q", text="label:N",
                color=alt.Color("series:N", scale=colour, title=None)),
        ]
    chart = alt.layer(*layers).properties(description=description, height=height)
    return finish(fit_width(chart), lang)
