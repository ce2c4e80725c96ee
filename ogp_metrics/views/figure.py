"""What a page, the briefing and the site show of a figure: the chart, its words, its data."""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd


@dataclass(frozen=True)
class Figure:
    slug: str  # a name for files, anchors and downloads
    title: str
    description: str  # what the chart shows, in one sentence: its alternative text
    chart: alt.TopLevelMixin | None  # None when there is nothing to draw
    table: pd.DataFrame  # the chart's data, with translated headers
    note: str = ""  # a caption under the chart


@dataclass(frozen=True)
class Card:
    """One figure as a card (`st.metric`): its label, its value, and what it means."""

    label: str
    value: str
    help: str | None = None
    caption: str | None = None
