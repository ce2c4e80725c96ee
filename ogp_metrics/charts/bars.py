"""Horizontal bars, each with its value written beside it (meetings by group, who took part)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ogp_metrics.charts.base import LINES, finish, fit_width, wrap_label
from ogp_metrics.charts.palette import BAR_COLOURS, DARK

CHARACTER_SHARE, TEXT_SHARE_AT_MOST = 0.015, 0.6


def labelled_bars(data: pd.DataFrame, lang: str, value_title: str, category_title: str | None = None,
                  description: str = "", height: int | None = None) -> alt.TopLevelMixin:
    """Horizontal bars, in the frame's order, each with its `text` written at the bar's end.

    `data`: `label`, `value` (NA: no bar, e.g. a count hidden in public mode), `text`, and
    optionally `kind` (`known`, `unknown` in grey, `suppressed`).
    """
    frame = pd.DataFrame({"label": [wrap_label(label) for label in data["label"].astype(str)],
                          "value": pd.to_numeric(data["value"], errors="coerce").astype(float),
                          "text": data["text"].astype(str),
                          "kind": data.get("kind", "known")})
    frame["text_at"] = frame["value"].fillna(0.0)
    # Room right of each bar for its text (the chart is sized without them): about 1.5 % of the
    # width a character, so that "4 · €7,970,000 · 25% delivered" is not cut at the edge.
    widest = float(frame["value"].max()) if frame["value"].notna().any() else 0.0
    needed = [value / (1 - min(TEXT_SHARE_AT_MOST, CHARACTER_SHARE * len(words)))
              for value, words in zip(frame["value"].fillna(0.0), frame["text"], strict=True)]
    x_scale = alt.Scale(domain=[0, max(widest * 1.45, *needed, 5.0)], nice=False)
    order = list(frame["label"])
    kinds = list(BAR_COLOURS)
    y = alt.Y("label:N", sort=order, title=category_title, axis=alt.Axis(labelExpr=LINES))
    base = alt.Chart(frame)
    bars = base.mark_bar().encode(
        x=alt.X("value:Q", title=value_title, scale=x_scale, axis=alt.Axis(tickMinStep=1, tickCount=4)),
        y=y,
        color=alt.Color("kind:N", scale=alt.Scale(domain=kinds, range=[BAR_COLOURS[k] for k in kinds]),
                        legend=None),
        tooltip=[alt.Tooltip("label:N", title=category_title or " "),
                 alt.Tooltip("text:N", title=value_title)],
    )
    labels = base.mark_text(align="left", dx=5, color=DARK).encode(
        x=alt.X("text_at:Q", scale=x_scale), y=y, text="text:N")
    # A row tall enough for its label's lines.
    lines = max((label.count("\n") + 1 for label in frame["label"]), default=1)
    step = 34 if lines == 1 else 16 * lines + 14
    chart = alt.layer(bars, labels).properties(
        description=description, height=height or max(40, step * len(frame)))
    return finish(fit_width(chart), lang)
