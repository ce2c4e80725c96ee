"""The targets as bars of the share achieved, each coloured, shaped and labelled by its state,
with a tick at the share of its period elapsed (how far it should be by now)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts.base import LINES, finish, fit_width, wrap_label
from ogp_metrics.charts.palette import DARK, TARGET_STATE_COLOURS, TARGET_STATE_SHAPES
from ogp_metrics.figures.risk_rules import TARGET_STATES

# Bars beyond this share are drawn to it (their label still says how far they went).
SHOWN_UP_TO = 125.0


def target_bars(data: pd.DataFrame, lang: str, description: str = "") -> alt.TopLevelMixin:
    """One bar per target, in the frame's order.

    `data`: `label` (what and for whom), `share` (percentage achieved), `elapsed` (percentage
    of its period elapsed), `state` (a code of `risk_rules.TARGET_STATES`), `text` (written at
    the bar's end).
    """
    frame = pd.DataFrame({
        "label": [wrap_label(label) for label in data["label"].astype(str)],
        "shown": pd.to_numeric(data["share"], errors="coerce").fillna(0.0).clip(0, SHOWN_UP_TO),
        "elapsed": pd.to_numeric(data["elapsed"], errors="coerce").astype(float),
        "state": [text.value_label("target_state", code, lang) for code in data["state"]],
        "text": data["text"].astype(str),
    })
    # The words start right of the bar or of the tick, whichever ends further right.
    frame["text_at"] = frame[["shown", "elapsed"]].max(axis=1).fillna(frame["shown"])
    states = [text.value_label("target_state", code, lang) for code in TARGET_STATES]
    state_title = text.t("targets.col.state", lang)
    colour = alt.Color("state:N", title=state_title, scale=alt.Scale(
        domain=states, range=[TARGET_STATE_COLOURS[code] for code in TARGET_STATES]))
    shape = alt.Shape("state:N", title=state_title, scale=alt.Scale(
        domain=states, range=[TARGET_STATE_SHAPES[code] for code in TARGET_STATES]))
    x_scale = alt.Scale(domain=[0, 185], nice=False)  # room right of a full bar for its words
    y = alt.Y("label:N", sort=list(frame["label"]), title=None, axis=alt.Axis(labelExpr=LINES))
    x = alt.X("shown:Q", scale=x_scale, title=text.t("targets.axis", lang),
              axis=alt.Axis(values=[0, 25, 50, 75, 100, 125]))
    base = alt.Chart(frame)
    tooltip = [alt.Tooltip("label:N", title=text.t("targets.col.target", lang)),
               alt.Tooltip("text:N", title=state_title)]
    bars = base.mark_bar(height={"band": 0.55}, opacity=0.85).encode(x=x, y=y, color=colour,
                                                                      tooltip=tooltip)
    markers = base.mark_point(filled=True, opacity=1, stroke=DARK, strokeWidth=1).encode(
        x="shown:Q", y=y, color=colour, shape=shape, tooltip=tooltip)
    elapsed = base.mark_tick(color=DARK, thickness=3, bandSize=0.8).encode(
        x=alt.X("elapsed:Q", scale=x_scale), y=y,
        tooltip=[alt.Tooltip("elapsed:Q", title=text.t("targets.elapsed", lang), format=".0f")])
    words = base.mark_text(align="left", dx=12, color=DARK).encode(
        x=alt.X("text_at:Q", scale=x_scale), y=y, text="text:N")
    lines = max((label.count("\n") + 1 for label in frame["label"]), default=1)
    step = 36 if lines == 1 else 16 * lines + 16
    chart = alt.layer(bars, elapsed, markers, words).properties(
        description=description, height=max(50, step * len(frame)))
    return finish(fit_width(chart), lang)
