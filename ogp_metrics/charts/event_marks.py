"""One-day events drawn where they happened: a tick on the day, not a month-wide block.

A vote held on one day and recorded in 17 sector rows is one event: on a chart by month it is
marked by a dashed rule at its date, a point and its name (with its participants), and its rows
are left out of the month's bars (`figures.participation_by_month(..., one_day_events=False)`)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts.base import iso_date
from ogp_metrics.charts.palette import DARK

# Past this share of the time axis, an event's words go to the left of its tick (not off the chart).
WORDS_TO_THE_LEFT = 0.7


def with_event_marks(chart: alt.TopLevelMixin, events: pd.DataFrame, lang: str,
                     span: tuple[object, object] | None = None) -> alt.TopLevelMixin:
    """`chart` (a finished chart over `month:T`) with each event of `events` marked on its day.

    `events`: `date`, `label` (its name, in the tooltip), `mark` (the short words written beside
    the tick), `participants`. `span`: the first and last dates of the axis (default: the
    events'), which tells on which side of a tick its words fit.
    """
    if events.empty:
        return chart
    days = pd.to_datetime(pd.Series(list(events["date"])))
    first, last = (pd.Timestamp(span[0]), pd.Timestamp(span[1])) if span else (days.min(), days.max())
    width = (last - first) / pd.Timedelta(days=1)
    frame = pd.DataFrame(
        {
            "side": ["left" if width and (day - first) / pd.Timedelta(days=1) > WORDS_TO_THE_LEFT * width
                     else "right" for day in days],
            "date": [iso_date(v) for v in events["date"]],
            "label": events["mark"].astype(str),
            "full_label": events["label"].astype(str),
            "participants": [text.format_number(v, lang) for v in events["participants"]],
        }
    )
    tooltip = [
        alt.Tooltip("full_label:N", title=text.t("votes_page.col.event", lang)),
        alt.Tooltip("date:T", format="%d %B %Y", title=text.t("meetings.col.date", lang)),
        alt.Tooltip("participants:N", title=text.t("indicator.participants", lang)),
    ]
    base = alt.Chart(frame).encode(x=alt.X("date:T"))
    rules = base.mark_rule(color=DARK, strokeDash=[4, 3], style="thin_rule").encode(tooltip=tooltip)
    ticks = base.mark_point(shape="triangle-down", filled=True, color=DARK, yOffset=6).encode(
        y=alt.value(0), tooltip=tooltip
    )
    names = [
        base.transform_filter(alt.datum.side == side)
        .mark_text(align=align, dx=shift, dy=14, color=DARK, style="annotation")
        .encode(y=alt.value(0), text="label:N")
        for side, align, shift in (("right", "left", 5), ("left", "right", -5))
    ]
    inner = chart.copy(deep=True)
    config, inner.config = inner.config, alt.Undefined
    # The chart's top-level settings move to the layer, which alone may carry them.
    top = {name: getattr(inner, name) for name in ("width", "height", "description", "autosize")}
    for name in top:
        setattr(inner, name, alt.Undefined)
    layered = alt.layer(inner, rules, ticks, *names).properties(
        **{name: value for name, value in top.items() if value is not alt.Undefined}
    )
    layered.config = config
    return layered
