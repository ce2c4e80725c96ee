"""The sections of the "Votes and projects" page: events, each vote, decided projects."""

from __future__ import annotations

import streamlit as st

from ogp_metrics import figures
from ogp_metrics.figures import rows_of
from ogp_metrics.ui import tables, widgets
from ogp_metrics.ui.view import View
from ogp_metrics.views import labels, projects, sectors, votes


def show_events(view: View, filters: figures.Filters) -> None:
    """Events counted as events, then listed."""
    events = view.q(figures.events, view.as_of, filters)
    st.header(view.t("votes_page.events"))
    st.markdown(widgets.plain(votes.events_summary(events, view.lang)))
    commitments = labels.commitment_labels(view.q(figures.commitment_titles), view.lang, view.public)
    tables.show_table(
        view,
        votes.event_rows(events, view.lang, commitments, view.q(figures.votes, view.as_of, filters)),
        view.t("votes_page.events"),
        numeric=(view.t("indicator.participants"), view.t("votes_page.col.sectors")),
        nowrap=(view.t("votes_page.col.dates"),),
    )
    st.caption(view.t("votes_page.events_caption"))


def show_votes(view: View, filters: figures.Filters) -> None:
    """Each vote (the chosen one when there are several): question, result, turnout, sectors."""
    held = view.q(figures.votes, view.as_of, filters)
    if held.empty:
        return
    st.header(view.t("votes_page.votes"))
    by_id = {vote["event_id"]: vote for vote in rows_of(held)}
    chosen = list(by_id)[-1]
    if len(by_id) > 1:
        chosen = st.selectbox(
            view.t("votes_page.choose_vote"),
            list(reversed(list(by_id))),
            key="votes_vote",
            format_func=lambda event: votes.vote_title(by_id[event], view.lang),
        )
    vote = by_id[chosen]
    st.subheader(widgets.plain(votes.vote_title(vote, view.lang)))
    widgets.show_cards(votes.vote_cards(vote, view.lang))
    options = view.q(figures.vote_options, view.as_of, filters, event_id=chosen)
    widgets.show_figure(view, votes.option_figure(vote, options, view.lang))
    measure = (
        st.segmented_control(
            view.t("votes_page.map_measure"),
            list(votes.MAP_MEASURES),
            default=votes.MAP_MEASURES[0],
            format_func=lambda code: view.t(f"votes_page.map_legend.{code}"),
            key="votes_map_measure",
        )
        or votes.MAP_MEASURES[0]
    )
    in_sectors = view.q(figures.vote_sectors, view.as_of, filters, event_id=chosen)
    widgets.show_figure(
        view,
        votes.sector_figure(
            vote, in_sectors, measure, view.lang, view.public, sectors.read_boundaries(view.folder)
        ),
    )


def show_projects(view: View, filters: figures.Filters) -> None:
    """Decided projects: per edition, per sector, per stage, delivered over time, listed."""
    by_edition = view.q(figures.projects_by, view.as_of, "edition", filters)
    st.header(view.t("projects_page.heading"))
    if by_edition.empty:
        widgets.empty_state(view, "projects_page.none")
        return
    widgets.show_cards(projects.project_cards(by_edition, view.lang))
    widgets.show_figure(view, projects.edition_figure(by_edition, view.lang))
    by_sector = view.q(figures.projects_by, view.as_of, "sector", filters)
    widgets.show_figure(
        view, projects.sector_figure(by_sector, view.lang, sectors.read_boundaries(view.folder))
    )
    status_column, delivery_column = st.columns(2)
    with status_column:
        by_status = view.q(figures.projects_by, view.as_of, "status", filters)
        widgets.show_figure(view, projects.status_figure(by_status, view.lang))
    with delivery_column:
        deliveries = view.q(figures.project_deliveries, view.as_of, filters)
        widgets.show_figure(view, projects.delivery_figure(deliveries, view.lang))
    if not view.public:
        st.markdown(f"**{view.t('projects_page.list')}**")
        tables.show_table(
            view,
            projects.project_rows(view.q(figures.projects, view.as_of, filters), view.lang),
            view.t("projects_page.list"),
            numeric=(view.t("projects_page.col.amount"),),
        )
