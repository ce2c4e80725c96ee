"""One commitment in detail, as the Commitments page shows it: its facts, its figures, its tabs."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ogp_metrics import figures, text
from ogp_metrics.ui import committee, irm, paged_table, tables, widgets
from ogp_metrics.ui.view import View
from ogp_metrics.views import commitments, labels, meetings, milestones, participation
from ogp_metrics.views import committee as views_committee


def show(view: View, row: dict, institutions: pd.DataFrame) -> None:
    """Title, lead, dates, values and description; progress and assessments as cards; then
    its timeline, progress, assessments, meetings and participation, a tab each."""
    chosen = row["commitment_id"]
    names = labels.institution_names(institutions, view.lang)
    st.subheader(widgets.plain(text.localised(row, view.lang)))
    st.markdown(" · ".join([
        *([] if view.public else [f"**{widgets.plain(chosen)}**"]),
        view.t("commitments.lead_line", lead=widgets.plain(names.get(row["lead_institution"], ""))),
        view.t("headline.span", start=view.date(row["start_date"]), end=view.date(row["end_date"]))]))
    st.markdown(view.t("commitments.values_line",
                       values=", ".join(labels.value_labels(row["ogp_values"], view.lang))))
    description = text.localised(row, view.lang, prefix="description")
    st.markdown(widgets.plain(description) if description else f"*{view.t('commitments.no_description')}*")
    cards = commitments.commitment_cards(row, view.lang)
    widgets.show_cards(cards[:4])
    widgets.show_cards(cards[4:])
    irm.commitment_cards(view, chosen)

    only_this = figures.Filters(commitments=[chosen])
    decisions = committee.commitment_decisions(view, chosen)  # None in public mode
    tabs = st.tabs([view.t(key) for key in ("commitments.tab.timeline", "commitments.tab.progress",
                                            "commitments.tab.assessments", "nav.meetings",
                                            "nav.participation")]
                   + ([] if decisions is None else [view.t("tab.decisions")]))
    sections = (
        (figures.milestones, "commitments.no_milestones", lambda frame: milestones.timeline_figure(
            frame, institutions, view.as_of, view.lang, view.public, f"{chosen}-milestones",
            with_commitment=False)),
        (figures.progress_series, "commitments.no_progress",
         lambda frame: commitments.progress_figure(frame, view.lang, view.public, f"{chosen}-progress")),
        (figures.assessment_history, "commitments.no_assessments",
         lambda frame: commitments.assessment_figure(frame, view.lang, view.public, f"{chosen}-assessments")),
    )
    for tab, (query, empty_key, figure_of) in zip(tabs, sections, strict=False):
        with tab:
            frame = view.q(query, view.as_of, only_this)
            if frame.empty:
                widgets.empty_state(view, empty_key)
            else:
                widgets.show_figure(view, figure_of(frame), heading=False)
    with tabs[3]:
        _meetings(view, only_this)
    with tabs[4]:
        _participation(view, only_this, chosen)
    if decisions is not None:
        with tabs[5]:
            _decisions(view, decisions)


def _decisions(view: View, decisions: pd.DataFrame) -> None:
    if decisions.empty:
        widgets.empty_state(view, "decisions.commitment_none")
        return
    tables.show_table(view, views_committee.decision_rows(decisions, committee.names(view),
                                                          with_commitment=False),
                      view.t("decisions.commitment_heading"))


def _meetings(view: View, only_this: figures.Filters) -> None:
    totals = view.q(figures.meeting_totals, view.as_of, only_this)
    if totals["held"] + totals["planned"] == 0:
        widgets.empty_state(view, "commitments.no_meetings")
        return
    st.caption(view.t("commitments.meetings_caption", date=view.date(view.as_of),
                      held=view.number(totals["held"]), planned=view.number(totals["planned"])))
    paged_table.show(view, "commitment_meetings", figures.meetings, figures.meeting_count,
                     (view.as_of, only_this),
                     lambda rows: meetings.meeting_rows(rows, view.lang, minutes=True),
                     f"meetings-{only_this.commitments[0]}", column_config={
                         view.t("meetings.col.minutes"): st.column_config.LinkColumn(
                             display_text=view.t("commitments.minutes_link"))})


def _participation(view: View, only_this: figures.Filters, chosen: str) -> None:
    totals = view.q(figures.participation_totals, view.as_of, only_this)
    if totals["records"] == 0:
        widgets.empty_state(view, "commitments.no_participation")
        return
    st.caption(view.t("commitments.participation_caption", date=view.date(view.as_of),
                      participants=view.number(totals["participants"]),
                      contributions=view.number(totals["contributions"])))
    by_month = view.q(figures.participation_by_month, view.as_of, only_this, one_day_events=False)
    widgets.show_figure(view, participation.by_month_figure(
        by_month, view.as_of, view.lang, slug=f"{chosen}-participation",
        events=view.q(figures.events, view.as_of, only_this)), heading=False)
