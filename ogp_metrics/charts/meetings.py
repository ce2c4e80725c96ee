"""Charts of the Meetings page, and two shapes the Participation page shares with it.

- `meetings_by_month_chart`: stacked bars per month and meeting type; planned meetings are
  pale with a dashed outline and sit right of the "as of" rule, so held and planned differ
  by more than colour;
- `cumulative_chart`: running totals as step lines (colour *and* dash per series, the last
  value written at each line's end), each target a dashed rule labelled in words and a
  diamond at its deadline;
- `labelled_bars`: horizontal bars, each with its value written beside it; a bar with no
  value (a count hidden in public mode) keeps only its label, such as "< 5".
"""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts.base import GREY, OKABE_ITO, finish, month_axis
from ogp_metrics.contract import schema

DARK = "#1F2933"
# "Other" in grey rather than Okabe-Ito's black, which would read as the legend's "held".
TYPE_COLOURS = {code: OKABE_ITO[index % len(OKABE_ITO)]
                for index, code in enumerate(schema.MEETING_TYPES)} | {"other": GREY}
STATE_OPACITY = {"held": 1.0, "planned": 0.45}
# Solid for the first series, dashed for the next: lines differ by more than colour.
SERIES_DASHES = ([1, 0], [6, 3], [2, 2], [8, 3, 2, 3])
BAR_COLOURS = {"known": "#0072B2", "unknown": GREY, "suppressed": GREY}


def fit_width(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Stretch to the page's width but keep the given height for the plot itself.

    Streamlit otherwise sizes a chart with `autosize: fit`, where the height includes axes
    and legends: a short chart with a legend would be left with almost no plot.
    """
    return chart.properties(autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))


def _iso(value: object) -> str | None:
    if value is None or (not isinstance(value, date) and pd.isna(value)):
        return None
    return pd.Timestamp(value).strftime("%Y-%m-%d")


def as_of_rule(as_of: date, lang: str, y_top: bool = True) -> alt.LayerChart:
    """A vertical line at the as-of date, labelled "Situation au 29 nov. 2026"."""
    frame = pd.DataFrame({"date": [_iso(as_of)],
                          "label": [text.t("overview.as_of", lang, date=text.format_date(as_of, lang))]})
    base = alt.Chart(frame)
    rule = base.mark_rule(color=DARK, strokeDash=[4, 3]).encode(x="date:T")
    label = base.mark_text(align="right", baseline="top", dx=-4, dy=2, color=DARK, fontSize=12).encode(
        x="date:T", y=alt.value(0), text="label:N")
    return alt.layer(rule, label)


def meetings_by_month_chart(data: pd.DataFrame, lang: str, as_of: date | None = None,
                            height: int = 260) -> alt.TopLevelMixin:
    """Meetings per month (`month`, `meeting_type`, `state`, `meetings`): colour = type, pale = planned."""
    frame = pd.DataFrame({
        "month": [_iso(value) for value in data["month"]],
        "meeting_type": data["meeting_type"].astype(str),
        "type_label": [text.value_label("meeting_type", code, lang) for code in data["meeting_type"]],
        "state": data["state"].astype(str),
        "state_label": [text.value_label("meeting_state", code, lang) for code in data["state"]],
        "meetings": data["meetings"].astype(int),
    })
    present = [code for code in schema.MEETING_TYPES if code in set(frame["meeting_type"])]
    type_scale = alt.Scale(domain=[text.value_label("meeting_type", code, lang) for code in present],
                           range=[TYPE_COLOURS[code] for code in present])
    states = ("held", "planned")
    state_labels = [text.value_label("meeting_state", code, lang) for code in states]
    count_title = text.t("meetings.axis_count", lang)
    # Headroom over the tallest month, where the as-of label is written without covering a bar.
    tallest = float(frame.groupby("month")["meetings"].sum().max()) if len(frame) else 0.0
    y_scale = alt.Scale(domainMax=max(tallest * 1.25, tallest + 1, 1.0))
    # Opacity and dash share one legend (Vega-Lite merges them when their settings agree).
    state_legend = alt.Legend(symbolType="square", symbolFillColor="#0072B2", symbolStrokeColor=DARK,
                              symbolStrokeWidth=1.5, symbolSize=220, orient="top", direction="horizontal")
    bars = alt.Chart(frame).mark_bar(strokeWidth=1.5).encode(
        x=alt.X("month:T", timeUnit="yearmonth", axis=month_axis(lang)),
        y=alt.Y("sum(meetings):Q", title=count_title, scale=y_scale,
                axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("type_label:N", scale=type_scale, title=text.t("meetings.type", lang),
                        legend=alt.Legend(columns=3)),
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


def cumulative_chart(data: pd.DataFrame, lang: str, value_title: str,
                     targets: pd.DataFrame | None = None, description: str = "",
                     height: int = 260) -> alt.TopLevelMixin:
    """Running totals, one step line per series, with each target as a labelled dashed rule.

    `data`: `month`, `series` (its label), `value`. `targets`: `series`, `target`,
    `deadline`, `label` (the words written on the rule).
    """
    frame = pd.DataFrame({"month": [_iso(v) for v in data["month"]],
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
    lines = base.mark_line(interpolate="step-after", strokeWidth=2.5).encode(
        x=alt.X("month:T", axis=month_axis(lang)),
        y=alt.Y("value:Q", title=value_title),
        color=alt.Color("series:N", scale=colour, title=None),
        strokeDash=alt.StrokeDash("series:N", scale=dash, title=None),
        tooltip=[alt.Tooltip("month:T", format="%B %Y", title=month_title),
                 alt.Tooltip("series:N", title=text.t("meetings.col.series", lang)),
                 alt.Tooltip("value:Q", format=",d", title=value_title)],
    )
    ends = base.transform_window(
        rank="rank()", sort=[alt.SortField("month", order="descending")], groupby=["series"]
    ).transform_filter(alt.datum.rank == 1).mark_text(align="left", dx=6, fontSize=12).encode(
        x="month:T", y="value:Q", color=alt.Color("series:N", scale=colour, legend=None),
        text=alt.Text("value:Q", format=",d"))
    layers = [lines, ends]
    if targets is not None and len(targets):
        goal = pd.DataFrame({"series": targets["series"].astype(str),
                             "target": targets["target"].astype(float),
                             "deadline": [_iso(v) for v in targets["deadline"]],
                             "start": start,
                             "label": targets["label"].astype(str)})
        goal_base = alt.Chart(goal)
        layers += [
            goal_base.mark_rule(strokeDash=[5, 4], strokeWidth=1.5).encode(
                y="target:Q", color=alt.Color("series:N", scale=colour, legend=None)),
            goal_base.mark_point(shape="diamond", size=90, filled=True).encode(
                x="deadline:T", y="target:Q", color=alt.Color("series:N", scale=colour, legend=None),
                tooltip=[alt.Tooltip("label:N", title=text.t("activity_charts.target", lang))]),
            # Written at the left, where the running totals are still low: no overlap.
            goal_base.mark_text(align="left", baseline="bottom", dy=-4, dx=2, fontSize=12,
                                fontWeight="bold").encode(
                x="start:T" if start else alt.value(0), y="target:Q", text="label:N",
                color=alt.Color("series:N", scale=colour, legend=None)),
        ]
    chart = alt.layer(*layers).properties(description=description, height=height)
    return finish(fit_width(chart), lang)


def labelled_bars(data: pd.DataFrame, lang: str, value_title: str, category_title: str | None = None,
                  description: str = "", height: int | None = None) -> alt.TopLevelMixin:
    """Horizontal bars, in the frame's order, each with its `text` written at the bar's end.

    `data`: `label`, `value` (NA: no bar, e.g. a count hidden in public mode), `text`, and
    optionally `kind` (`known`, `unknown` in grey, `suppressed`).
    """
    frame = pd.DataFrame({"label": data["label"].astype(str),
                          "value": pd.to_numeric(data["value"], errors="coerce").astype(float),
                          "text": data["text"].astype(str),
                          "kind": data.get("kind", "known")})
    frame["text_at"] = frame["value"].fillna(0.0)
    # Room right of the longest bar for its label: the chart is sized without the labels.
    widest = float(frame["value"].max()) if frame["value"].notna().any() else 0.0
    x_scale = alt.Scale(domain=[0, max(widest * 1.45, 5.0)], nice=False)
    order = list(frame["label"])
    kinds = list(BAR_COLOURS)
    y = alt.Y("label:N", sort=order, title=category_title,
              axis=alt.Axis(labelLimit=260, labelFontSize=13))
    base = alt.Chart(frame)
    bars = base.mark_bar().encode(
        x=alt.X("value:Q", title=value_title, scale=x_scale, axis=alt.Axis(tickMinStep=1, tickCount=4)),
        y=y,
        color=alt.Color("kind:N", scale=alt.Scale(domain=kinds, range=[BAR_COLOURS[k] for k in kinds]),
                        legend=None),
        tooltip=[alt.Tooltip("label:N", title=category_title or " "),
                 alt.Tooltip("text:N", title=value_title)],
    )
    labels = base.mark_text(align="left", dx=5, fontSize=13, color=DARK).encode(
        x=alt.X("text_at:Q", scale=x_scale), y=y, text="text:N")
    chart = alt.layer(bars, labels).properties(
        description=description, height=height or max(40, 34 * len(frame)))
    return finish(fit_width(chart), lang)
