"""Votes and projects: events counted as events, each vote's result and turnout per sector, and
the projects decided by participation (per edition, sector, stage, and delivered over time)."""

import streamlit as st

from ogp_metrics import figures
from ogp_metrics.ui import votes_projects, widgets
from ogp_metrics.ui.view import current_view
from ogp_metrics.views import labels

view = current_view()
widgets.page_heading(view, "nav.votes_projects", "votes_page.intro")

nothing = (view.q(figures.events, view.as_of).empty
           and view.q(figures.projects_by, view.as_of, "edition").empty)
widgets.stop_when(view, nothing, "votes_page.empty")
commitments = labels.commitment_labels(view.q(figures.commitment_titles), view.lang)
chosen = widgets.persistent_multiselect(view, view.t("col.commitment"), list(commitments),
                                        "filter_commitments", commitments.get)
filters = figures.Filters(commitments=chosen)

votes_projects.show_events(view, filters)
votes_projects.show_votes(view, filters)
st.divider()
votes_projects.show_projects(view, filters)
