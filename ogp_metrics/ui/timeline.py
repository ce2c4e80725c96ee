"""The Milestones page's timeline: every milestone when the plan has few; for a large plan its
commitments first (one bar each), then the milestones of the commitment a reader picks.

A real plan has tens of milestones; a synthetic one at scale has thousands, which no reader can
read as bars and which would make the browser draw thousands of marks on every run.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ogp_metrics import figures
from ogp_metrics.charts import milestones as milestone_charts
from ogp_metrics.ui import widgets
from ogp_metrics.ui.view import View
from ogp_metrics.views import milestones

DRAWN_AT_ONCE = 150  # milestones drawn as bars at once; beyond, commitments first


def show(view: View, shown: pd.DataFrame, chosen: figures.Filters, institutions: pd.DataFrame,
         owner_names: dict[str, str], titles: dict[str, str],
         commitment_names: dict[str, str] | None) -> None:
    """`shown`: the chosen milestones (`figures.milestones`); `titles`: commitment id -> label."""
    caption = view.t("milestones.gantt_caption", date=view.date(view.as_of))
    if len(shown) <= DRAWN_AT_ONCE:
        widgets.show_chart(view, milestone_charts.milestone_timeline(shown, view.as_of, view.lang,
                                                                     owner_names, titles),
                           milestones.milestone_rows(shown, institutions, view.lang, view.public,
                                                     commitment_names=commitment_names),
                           "milestones", caption=caption)
        return
    spans = view.q(figures.commitment_spans, view.as_of, chosen)
    st.caption(view.t("milestones.by_commitment", count=view.number(len(shown))))
    widgets.show_chart(view, milestone_charts.milestone_timeline(spans, view.as_of, view.lang),
                       milestones.commitment_span_rows(spans, view.lang, titles),
                       "milestones-by-commitment", caption=caption)
    pick = st.selectbox(view.t("milestones.pick_commitment"), spans["commitment_id"].tolist(), index=None,
                        format_func=lambda code: titles.get(code, code), key="milestones_timeline_pick",
                        placeholder=view.t("milestones.pick_placeholder"))
    if pick is not None:
        one = shown[shown["commitment_id"] == pick]
        widgets.show_chart(view, milestone_charts.milestone_timeline(one, view.as_of, view.lang, owner_names),
                           milestones.milestone_rows(one, institutions, view.lang, view.public,
                                                     with_commitment=False),
                           f"milestones-{pick}", caption=caption)
