"""What every chart shares: the language's formats, type sizes, time axes, the as-of line.

Chart functions take the data first, then options, and return an Altair chart; they never
import streamlit. `finish(chart, lang)` adds the locale, so that axes read `1 000` and
`févr. 2025` in French.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import altair as alt
import pandas as pd
import vl_convert

from ogp_metrics import text
from ogp_metrics.charts.palette import DARK

_LOCALES = {"fr": "fr-FR", "en": "en-GB"}
FONT = "Source Sans Pro, Arial, sans-serif"
DATE_FORMAT = "%-d %b %Y"
# Ticks on whole months, at most about this many along a time axis.
MAX_TICKS = 9
# Axis labels of more than this many characters are written on several lines (`wrap_label`).
WRAP_AT = 42


@dataclass(frozen=True)
class Sizes:
    """Type and mark sizes in pixels, for a screen or for a projector.

    Charts never size their text or marks inline: they use the mark types' defaults and these
    named styles (`mark_text(style="annotation")`), which `finish` sets from one `Sizes`, so
    that one configuration changes every chart.
    """

    text: int  # axis, legend and value labels
    title: int  # axis and legend titles
    heading: int  # headings written inside a chart (the Gantt's commitment rows, map values)
    annotation: int  # words written along a rule (the as-of date, a target)
    line: float  # a series' line
    rule: float  # rules: targets, the as-of date
    point: int  # a point mark's area
    label_limit: int  # pixels of an axis label before it is cut
    legend_limit: int  # pixels of a legend label before it is cut
    legend_columns: int  # a legend's labels side by side, before the next row
    height: float  # chart heights (and row steps) are multiplied by this


SCREEN = Sizes(text=13, title=13, heading=14, annotation=12, line=2.5, rule=1.5, point=100,
               label_limit=320, legend_limit=520, legend_columns=4, height=1.0)
# Read from the back of a room: at least 20 px at 1440 px wide, thicker marks, room for labels.
PROJECTION = Sizes(text=20, title=20, heading=22, annotation=20, line=5, rule=3, point=260,
                   label_limit=680, legend_limit=900, legend_columns=3, height=1.6)


@lru_cache(maxsize=4)
def vega_locale(lang: str) -> dict:
    code = _LOCALES[text.language(lang)]
    return {"number": vl_convert.get_format_locale(code),
            "time": vl_convert.get_time_format_locale(code)}


def finish(chart: alt.TopLevelMixin, lang: str, height: int | None = None,
           sizes: Sizes = SCREEN) -> alt.TopLevelMixin:
    """The chart with the language's number and date formats and the type and mark sizes."""
    if height is not None:
        chart = chart.properties(height=height)
    styles = {"heading": {"fontSize": sizes.heading, "fontWeight": "bold"},
              "annotation": {"fontSize": sizes.annotation},
              # Labels drawn inside a real map's small shapes.
              "map_name": {"fontSize": sizes.text - 2},
              "map_value": {"fontSize": sizes.text - 1, "fontWeight": "bold"},
              "thin_rule": {"strokeWidth": sizes.rule * 0.7},
              "outline": {"strokeWidth": sizes.rule}}
    # Dark labels: Vega's default grey reads poorly on a projector and fails contrast checks.
    return chart.configure(locale=vega_locale(lang), font=FONT, style=styles).configure_axis(
        labelFontSize=sizes.text, titleFontSize=sizes.title, labelLimit=sizes.label_limit,
        labelLineHeight=round(sizes.text * 1.2), labelColor=DARK, titleColor=DARK
    ).configure_legend(labelFontSize=sizes.text, titleFontSize=sizes.title, labelColor=DARK,
                       titleColor=DARK, orient="bottom", columns=sizes.legend_columns,
                       labelLimit=sizes.legend_limit, symbolSize=sizes.point,
                       symbolStrokeWidth=sizes.line / 2).configure_view(stroke=None).configure_text(
        fontSize=sizes.text).configure_line(strokeWidth=sizes.line).configure_rule(
        strokeWidth=sizes.rule).configure_point(size=sizes.point)


def projected(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    """The same chart drawn for a projector (`PROJECTION`): larger type, thicker marks, taller."""
    changes = {name: _taller(getattr(chart, name, alt.Undefined), PROJECTION.height)
               for name in ("height", "width")}
    # A width that fills the container stays so; a fixed width per column (tiles) grows.
    if not isinstance(changes["width"], alt.Step):
        changes.pop("width")
    if changes["height"] is alt.Undefined:
        changes.pop("height")
    return finish(chart.properties(**changes) if changes else chart, lang, sizes=PROJECTION)


def _taller(value: object, factor: float) -> object:
    if isinstance(value, bool) or value is alt.Undefined:
        return value
    if isinstance(value, int | float):
        return round(value * factor)
    if isinstance(value, alt.Step):
        return alt.Step(round(value.step * factor))
    return value


def wrap_label(value: str, width: int = WRAP_AT, lines: int = 3) -> str:
    """A long label on up to `lines` lines of about `width` characters (`\\n` between them),
    for an axis whose `labelExpr` is `LINES` (nothing is cut before the last line)."""
    words, rows, current = value.split(), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            rows.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    rows.append(current)
    if len(rows) > lines:
        rows = rows[: lines - 1] + [" ".join(rows[lines - 1:])]
    return "\n".join(rows)


# An axis label written on the lines `wrap_label` made.
LINES = "split(datum.label, '\\n')"


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
    rule = base.mark_rule(color=DARK, strokeDash=[4, 3], style="thin_rule").encode(x="date:T")
    label = base.mark_text(align="right", baseline="top", dx=-4, dy=2, color=DARK,
                           style="annotation").encode(
        x="date:T", y=alt.value(0), text="label:N")
    return alt.layer(rule, label)
