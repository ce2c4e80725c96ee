"""One-day events drawn where they happened: a tick on the day, not a month-wide block.

A vote held on one day and recorded in 17 sector rows is one event: on a chart by month it is
marked by a dashed rule at its date, a point and its name (with its participants), so that the
month's bar is read as "this vote", not as a month of activity."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts.base import iso_date
from ogp_metrics.charts.palette import DARK


def with_event_marks(chart: alt.TopLevelMixin, events: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    """`chart` (a finished chart over `month:T`) with each event of `events` marked on its day.

    `events`: `date`, `label` (its name, in the tooltip), `mark` (the short words written beside
    the tick), `participants`.
    """
    if events.empty:
        return chart
    frame = pd.DataFrame(
        {
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
    names = base.mark_text(align="left", dx=5, dy=14, color=DARK, style="annotation").encode(
        y=alt.value(0), text="label:N"
    )
    inner = chart.copy(deep=True)
    config, inner.config = inner.config, alt.Undefined
    # The chart's top-level settings move to the layer, which alone may carry them.
    top = {name: getattr(inner, name) for name in ("width", "height", "description", "autosize")}
    for name in top:
        setattr(inner, name, alt.Undefined)
    layered = alt.layer(inner, rules, ticks, names).properties(
        **{name: value for name, value in top.items() if value is not alt.Undefined}
    )
    layered.config = config
    return layered
