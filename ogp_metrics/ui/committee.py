"""The steering committee's sections, as the Overview and a commitment's detail lay them out:
the baseline (`?since=`), the key figures and their change, the points of attention, what
changed since the baseline, the decisions and the targets. Each section is one function, so
that a page (or a later one) adds or moves a section in one line.

Decisions are internal: none of these functions shows them in public mode.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from ogp_metrics import figures
from ogp_metrics.ui import tables, widgets
from ogp_metrics.ui.url_state import from_url, parse_date, to_url
from ogp_metrics.ui.view import View
from ogp_metrics.views import committee, headline, labels

OTHER_DATE = "other"
BASELINE_CHOICES = 24  # committees offered in the list; an earlier one is picked as "another date"
ATTENTION_SHOWN = 15  # rows of the points of attention; the others are on the Milestones page
SINCE_CHOICE, SINCE_DATE = "overview_since_choice", "overview_since_date"


def names(view: View) -> committee.Names:
    institutions = labels.institution_names(view.q(figures.institutions), view.lang)
    return committee.Names.of(institutions, view.q(figures.commitment_titles), view.lang, view.public)


def baseline(view: View) -> tuple[date | None, bool]:
    """The date changes are counted from, and whether it is a steering committee's.

    By default the last steering committee before the as-of date; staff may pick another
    committee, or any earlier date (`?since=` in the address). Public mode draws no control.
    """
    committees = [figures.as_date(day) for day in view.q(figures.steering_committees, view.as_of)["date"]]
    default = committees[0] if committees else None
    if view.public:
        return default, default is not None
    options = [day.isoformat() for day in committees[:BASELINE_CHOICES]] + [OTHER_DATE]

    def from_address(raw: str) -> str | None:
        chosen = parse_date(raw)
        if chosen is None or chosen >= view.as_of:
            return None
        if chosen.isoformat() in options:
            return chosen.isoformat()
        st.session_state[SINCE_DATE] = chosen
        return OTHER_DATE

    from_url("since", SINCE_CHOICE, from_address)
    if st.session_state.get(SINCE_CHOICE) not in options:  # the as-of date moved: back to the default
        st.session_state[SINCE_CHOICE] = options[0]
    choice = st.selectbox(view.t("since.pick"), options, key=SINCE_CHOICE, help=view.t("since.pick_help"),
                          format_func=lambda code: view.t("since.other_date") if code == OTHER_DATE
                          else view.t("since.committee_option", date=view.date(date.fromisoformat(code))))
    if choice != OTHER_DATE:
        to_url("since", None if choice == options[0] else choice)
        return date.fromisoformat(choice), True
    latest = view.as_of - timedelta(days=1)
    if not isinstance(st.session_state.get(SINCE_DATE), date) or st.session_state[SINCE_DATE] > latest:
        st.session_state[SINCE_DATE] = default or view.as_of - timedelta(days=90)
    chosen = st.date_input(view.t("since.date"), key=SINCE_DATE, max_value=latest, format="DD/MM/YYYY")
    to_url("since", chosen.isoformat())
    return chosen, chosen in committees


def card_figures(view: View, on: date) -> dict:
    """The headline figures the cards show, on `on` (`figures.headline`'s `cards`)."""
    return view.q(figures.headline, on, cards=True)


def key_figures(view: View, since: date | None, is_committee: bool) -> None:
    """The headline figures as cards under their headings, each with its change since `since`."""
    summary = card_figures(view, view.as_of)
    before = card_figures(view, since) if since else None
    st.header(view.t("overview.key_figures"))
    for title_key, group in headline.grouped(headline.shown_metrics(summary, before)):
        st.subheader(view.t(title_key))
        for column, metric in zip(st.columns(max(3, len(group))), group, strict=False):
            column.metric(headline.card_label(metric, view.lang), headline.format_value(metric, view.lang),
                          delta=headline.format_delta(metric, view.lang),
                          delta_color=("off" if not metric.delta else
                                       "normal" if metric.higher_is_better else "inverse"),
                          delta_arrow="off" if not metric.delta else "auto", border=True,
                          help=view.t(metric.help_key) if metric.help_key else None)
    if since is None:
        st.caption(view.t("overview.no_baseline"))
    else:
        st.caption(view.t("overview.since" if is_committee else "overview.since_date", date=view.date(since)))


def attention(view: View) -> None:
    """Late items first, then items at risk; the rules in words under them."""
    st.header(view.t("attention.heading"))
    decisions = None if view.public else view.q(figures.decisions, view.as_of)
    # Late first, then at risk: a large plan's first rows, the rest on the Milestones page.
    attention = committee.attention_rows(view.q(figures.milestones, view.as_of),
                                         view.q(figures.targets, view.as_of), names(view), view.as_of,
                                         decisions, first=ATTENTION_SHOWN)
    if attention.empty:
        st.success(view.t("attention.none", date=view.date(view.as_of)), icon=":material/check_circle:")
    else:
        st.caption(view.t("attention.intro", date=view.date(view.as_of)))
        key = tuple(view.t(k) for k in ("attention.col.state", "attention.col.item", "attention.col.why",
                                        "col.due_date"))
        tables.show_table(view, attention.rows, view.t("attention.heading"), key_columns=key,
                          nowrap=(view.t("attention.col.state"), view.t("col.due_date")))
        if attention.total > ATTENTION_SHOWN:
            st.caption(view.tn("attention.more", attention.total - ATTENTION_SHOWN))
    if view.public:
        st.caption(committee.rules_help(view.lang).replace("**", ""))
    else:
        with st.expander(view.t("attention.rules_title"), icon=":material/help:"):
            st.markdown(committee.rules_help(view.lang))


def since_changes(view: View, since: date | None, is_committee: bool) -> None:
    """What changed since the baseline, a table per kind of change."""
    if since is None:
        st.header(view.t("since.none_heading"))
        widgets.empty_state(view, "since.no_committee")
        return
    st.header(view.t("since.heading" if is_committee else "since.heading_date", date=view.date(since)))
    groups = committee.since_groups(
        view.q(figures.milestone_changes, since, view.as_of),
        view.q(figures.new_assessments, since, view.as_of),
        figures.reached_between(view.q(figures.targets, view.as_of), since, view.as_of),
        view.q(figures.meetings_held, since, view.as_of),
        names(view), None if view.public else view.q(figures.decisions, view.as_of), since)
    if not groups:
        widgets.empty_state(view, "since.nothing", date=view.date(since))
    key = tuple(view.t(k) for k in ("since.col.date", "since.col.what", "col.commitment"))
    for group in groups:
        st.subheader(group.title)
        tables.show_table(view, group.table, group.title, key_columns=key, nowrap=(view.t("since.col.date"),))


def decisions(view: View, filters: figures.Filters = figures.NO_FILTERS, heading: str | None = None) -> None:
    """The committee's decisions still open (late first), then the closed ones folded away.
    Staff only: nothing in public mode."""
    if view.public:
        return
    st.header(heading or view.t("decisions.heading"))
    every = view.q(figures.decisions, view.as_of, filters)
    present = any(file.present for file in view.report.files if file.table == "decisions")
    if not present:
        st.caption(view.t("decisions.no_file"))
        return
    with_commitment = not filters.commitments
    still_open = committee.open_decisions(every)
    if still_open.empty:
        st.success(view.t("decisions.none_open", date=view.date(view.as_of)), icon=":material/check_circle:")
    else:
        st.caption(view.t("decisions.intro", date=view.date(view.as_of)))
        tables.show_table(view, committee.decision_rows(still_open, names(view), with_commitment),
                          view.t("decisions.heading"), nowrap=_decision_dates(view))
    closed = every[~every.index.isin(still_open.index)]
    if not closed.empty:
        with st.expander(view.t("decisions.closed", count=view.number(len(closed)))):
            tables.show_table(view, committee.decision_rows(closed, names(view), with_commitment),
                              view.t("decisions.heading"), nowrap=_decision_dates(view))


def _decision_dates(view: View) -> tuple[str, ...]:
    return tuple(view.t(key) for key in ("decisions.col.state", "decisions.col.due", "decisions.col.decided",
                                         "decisions.col.done"))


def targets(view: View) -> None:
    """The targets, coloured, shaped and labelled by their state."""
    st.header(view.t("targets.heading"))
    frame = view.q(figures.targets, view.as_of)
    if frame.empty:
        widgets.empty_state(view, "overview.no_targets")
        return
    widgets.show_figure(view, committee.target_figure(frame, names(view), view.as_of), heading=False)


def commitment_decisions(view: View, commitment_id: str) -> pd.DataFrame | None:
    """A commitment's own decisions (for its detail), or None in public mode."""
    if view.public:
        return None
    return view.q(figures.decisions, view.as_of, figures.Filters(commitments=[commitment_id]))
