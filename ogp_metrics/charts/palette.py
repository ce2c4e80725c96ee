"""The one palette every chart uses: colour-blind-safe colours, and shapes and dashes so that
no status or series is told by colour alone."""

from __future__ import annotations

import altair as alt

from ogp_metrics import text
from ogp_metrics.contract import schema

# Okabe & Ito's palette, distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442",
             "#000000")
GREY = "#8C8C8C"
DARK = "#1F2933"

STATUS_COLOURS = {"complete": "#009E73", "in_progress": "#0072B2", "not_started": GREY,
                  "overdue": "#D55E00"}
# Status is never told by colour alone: each has its own mark shape too.
STATUS_SHAPES = {"complete": "circle", "in_progress": "diamond", "not_started": "square",
                 "overdue": "triangle-down"}
# A target's state (`figures.risk_rules`): colour, and a shape and a word besides.
TARGET_STATE_COLOURS = {"reached": "#009E73", "on_track": "#0072B2", "at_risk": "#E69F00",
                        "missed": "#D55E00"}
TARGET_STATE_SHAPES = {"reached": "circle", "on_track": "diamond", "at_risk": "triangle-up",
                       "missed": "cross"}
MEETING_STATE_COLOURS = {"held": "#0072B2", "planned": "#E69F00"}
STATE_OPACITY = {"held": 1.0, "planned": 0.45}
ASSESSOR_COLOURS = {"self": OKABE_ITO[0], "independent": OKABE_ITO[1]}
ASSESSOR_SHAPES = {"self": "circle", "independent": "square"}
BAR_COLOURS = {"known": "#0072B2", "unknown": GREY, "suppressed": GREY}
# Solid for the first series, dashed for the next: lines differ by more than colour.
SERIES_DASHES = ([1, 0], [6, 3], [2, 2], [8, 3, 2, 3])
MILESTONE_SHAPES = ("circle", "square", "diamond", "triangle-up", "cross", "triangle-down",
                    "triangle-right", "triangle-left")


def category_colours(codes: tuple[str, ...]) -> dict[str, str]:
    """A colour per code, by its place in the contract; "other" in grey (Okabe-Ito's black
    would read as the legend's "held")."""
    colours = {code: OKABE_ITO[index % len(OKABE_ITO)] for index, code in enumerate(codes)}
    if "other" in colours:
        colours["other"] = GREY
    return colours


MEETING_TYPE_COLOURS = category_colours(schema.MEETING_TYPES)
ACTIVITY_COLOURS = category_colours(schema.ACTIVITIES)


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


def present_scale(domain: str, codes: tuple[str, ...], present: set, colours: dict[str, str],
                  lang: str) -> alt.Scale:
    """A colour scale over the labels of the codes present, in the contract's order."""
    shown = [code for code in codes if code in present]
    return alt.Scale(domain=[text.value_label(domain, code, lang) for code in shown],
                     range=[colours[code] for code in shown])
