"""What every chart shares: the language's formats, type sizes, time axes, the as-of line.

Chart functions take the data first, then options, and return an Altair chart; they never
import streamlit. `finish(chart, lang)` adds the locale, so that axes read `1 000` and
`févr. 2025` in French.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import altair as alt
import pandas as pd
import vl_convert

from ogp_metrics import text
from ogp_metrics.charts.palette import DARK

_LOCALES = {"fr": "fr-FR", "en": "en-GB"}
FONT = "Source Sans Pro, Arial, sans-serif"
DATE_FORMAT = "%d %b %Y"
# Ticks on whole months, at most about this many along a time axis.
MAX_TICKS = 9


@lru_cache(maxsize=4)
def vega_locale(lang: str) -> dict:
    code = _LOCALES[text.language(lang)]
    return {"number": vl_convert.get_format_locale(code),
            "time": vl_convert.get_time_format_locale(code)}


def finish(chart: alt.TopLevelMixin, lang: str, height: int | None = None) -> alt.TopLevelMixin:
    """The chart with the language's number and date formats and the project's type sizes."""
    if height is not None:
        chart = chart.properties(height=height)
    return chart.configure(locale=vega_locale(lang), font=FONT).configure_axis(
        labelFontSize=13, titleFontSize=13, labelLimit=320
    ).configure_legend(labelFontSize=13, titleFontSize=13, orient="bottom", columns=4,
                       labelLimit=320).configure_view(stroke=None)


def month_axis(lang: str) -> alt.Axis:
    return alt.Axis(format="%b %Y", labelAngle=-30, title=None)


def time_axis(dates: pd.Series | list, title: str | None = None) -> alt.Axis:
    """A date axis ticked on whole months (never the same month twice), `févr. 2025` in French."""
    known = pd.to_datetime(pd.Series(dates, dtype="datetime64[ns]")).dropna()
    months = 1 if known.empty else (known.max().year - known.min().year) * 12 + (
        known.max().month - known.min().month) + 1
    step = next(s for s in (1, 2, 3, 6, 12, 24, 60) if months / s <= MAX_TICKS or s == 60)
    return alt.Axis(format="%b %Y", labelAngle=0, title=title,
                    tickCount=alt.TimeIntervalStep(interval="month", step=step))


def fit_width(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Stretch to the page's width but keep the given height for the plot itself.

    Streamlit otherwise sizes a chart with `autosize: fit`, where the height includes axes
    and legends: a short chart with a legend would be left with almost no plot.
    """
    return chart.properties(autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))


def iso_date(value: object) -> str | None:
    if value is None or (not isinstance(value, date) and pd.isna(value)):
        return None
    return pd.Timestamp(value).strftime("%Y-%m-%d")


def as_of_rule(as_of: date, lang: str, y_top: bool = True) -> alt.LayerChart:
    """A vertical line at the as-of date, labelled "Situation au 29 nov. 2026"."""
    frame = pd.DataFrame({"date": [iso_date(as_of)],
                          "label": [text.t("overview.as_of", lang, date=text.format_date(as_of, lang))]})
    base = alt.Chart(frame)
    rule = base.mark_rule(color=DARK, strokeDash=[4, 3]).encode(x="date:T")
    label = base.mark_text(align="right", baseline="top", dx=-4, dy=2, color=DARK, fontSize=12).encode(
        x="date:T", y=alt.value(0), text="label:N")
    return alt.layer(rule, label)
