"""What every chart shares: a colour-blind-safe palette, shapes for status, French axes.

Chart functions take the data first, then options, and return an Altair chart; they never
import streamlit. `finish(chart, lang)` adds the locale, so that axes read `1 000` and
`févr. 2025` in French.
"""

from __future__ import annotations

from functools import lru_cache

import altair as alt
import vl_convert

from ogp_metrics import text
from ogp_metrics.contract import schema

# Okabe & Ito's palette, distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442",
             "#000000")
GREY = "#8C8C8C"

STATUS_COLOURS = {"complete": "#009E73", "in_progress": "#0072B2", "not_started": GREY,
                  "overdue": "#D55E00"}
# Status is never told by colour alone: each has its own mark shape too.
STATUS_SHAPES = {"complete": "circle", "in_progress": "diamond", "not_started": "square",
                 "overdue": "triangle-down"}
MEETING_STATE_COLOURS = {"held": "#0072B2", "planned": "#E69F00"}

_LOCALES = {"fr": "fr-FR", "en": "en-GB"}
FONT = "Source Sans Pro, Arial, sans-serif"


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


def labelled_scale(domain: str, codes: tuple[str, ...] | list[str], colours: dict[str, str] | None,
                   lang: str) -> alt.Scale:
    """A colour scale over the labels (not the codes) of a domain's values, in the given order."""
    labels = [text.value_label(domain, code, lang) for code in codes]
    if colours is None:
        palette = [OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(codes))]
    else:
        palette = [colours[code] for code in codes]
    return alt.Scale(domain=labels, range=palette)


def status_shape_scale(lang: str) -> alt.Scale:
    codes = schema.MILESTONE_STATUSES
    return alt.Scale(domain=[text.value_label("milestone_status", c, lang) for c in codes],
                     range=[STATUS_SHAPES[c] for c in codes])


def month_axis(lang: str) -> alt.Axis:
    return alt.Axis(format="%b %Y", labelAngle=-30, title=None)
