"""Commitments: where each stands (filtered by institution and value), then one in detail.

`?commitment=FRPA0001` opens the detail of that commitment; the URL follows the selection.
"""

import streamlit as st

from ogp_metrics import figures
from ogp_metrics.charts import milestones as milestone_charts
from ogp_metrics.charts import progress as progress_charts
from ogp_metrics.ui import app
from ogp_metrics.views import commitments as milestone_tables
from ogp_metrics.views import labels as tables

URL_PARAM = "commitment"
CHOICE_KEY = "commitments_detail"

view = app.current_view()
st.title(view.t("nav.commitments"))
st.caption(view.t("commitments.intro", date=view.date(view.as_of, "long")))
commitments = view.q(figures.commitments, view.as_of)
if commitments.empty:
    app.empty_state(view, "commitments.empty")
    st.stop()
institutions = view.q(figures.institutions)
names = tables.institution_names(institutions, view.lang)

left, right = st.columns(2)
with left:
    leads = app.persistent_multiselect(view, view.t("commitments.filter_institution"),
                                       milestone_tables.institution_options(commitments),
                                       "commitments_institution", format_func=lambda c: names.get(c, c))
with right:
    values = app.persistent_multiselect(view, view.t("commitments.filter_value"),
                                        milestone_tables.value_options(commitments), "commitments_ogp_value",
                                        format_func=lambda code: view.label("ogp_values", code))
shown = view.q(figures.commitments, view.as_of, figures.Filters(institutions=leads, values=values))
st.caption(view.t("commitments.count", shown=view.number(len(shown)), total=view.number(len(commitments))))
if shown.empty:
    app.empty_state(view, "commitments.none_match")
else:
    st.dataframe(milestone_tables.commitment_rows(shown, institutions, view.lang, view.public),
                 hide_index=True, width="stretch", placeholder="—", column_config={
                     view.t("commitments.col.id"): st.column_config.TextColumn(width=90, pinned=True),
                     view.t("col.commitment"): st.column_config.TextColumn(width=300, pinned=True),
                     view.t("commitments.col.progress"): st.column_config.ProgressColumn(
                         width=130, min_value=0, max_value=100,
                         format=milestone_tables.progress_format(view.lang),
                         help=view.t("commitments.progress_help")),
                     view.t("commitments.col.self"): st.column_config.TextColumn(
                         width=190, help=view.t("commitments.assessment_help")),
                     view.t("commitments.col.independent"): st.column_config.TextColumn(
                         width=190, help=view.t("commitments.assessment_help"))})


# ---------------------------------------------------------------- one commitment in detail

def chosen_commitment(ids: list[str]) -> tuple[str | None, str | None]:
    """The commitment chosen in the list or by `?commitment=`, and the URL's id if unknown."""
    raw = st.query_params.get(URL_PARAM)
    if raw is None:
        st.session_state.pop(f"_url_{URL_PARAM}", None)
    # A new link (or a return to the page) wins over the last choice; a click wins over the URL.
    elif raw != st.session_state.get(f"_url_{URL_PARAM}") or CHOICE_KEY not in st.session_state:
        st.session_state[f"_url_{URL_PARAM}"] = raw
        if raw in ids:
            st.session_state[CHOICE_KEY] = raw
    labels = milestone_tables.commitment_labels(commitments, view.lang, view.public)
    chosen = st.selectbox(view.t("commitments.choose"), ids, index=None, key=CHOICE_KEY,
                          format_func=labels.get, placeholder=view.t("commitments.choose_placeholder"),
                          help=view.t("commitments.choose_help"))
    unknown = raw if raw is not None and raw not in ids and chosen is None else None
    if chosen is not None:
        st.query_params[URL_PARAM] = chosen
        st.session_state[f"_url_{URL_PARAM}"] = chosen
    elif unknown is None and URL_PARAM in st.query_params:
        del st.query_params[URL_PARAM]
    return chosen, unknown


st.header(view.t("commitments.detail"))
chosen, unknown = chosen_commitment(commitments["commitment_id"].tolist())
if unknown is not None:
    st.warning(view.t("commitments.unknown", id=app.plain(unknown)), icon=":material/search_off:")
if chosen is None:
    st.caption(view.t("commitments.choose_hint"))
    st.stop()

row = commitments[commitments["commitment_id"] == chosen].iloc[0].to_dict()
only_this = figures.Filters(commitments=[chosen])
st.subheader(app.plain(tables.localised_title(row, view.lang)))
st.markdown(" · ".join([
    *([] if view.public else [f"**{app.plain(chosen)}**"]),
    view.t("commitments.lead_line", lead=app.plain(names.get(row["lead_institution"], ""))),
    view.t("headline.span", start=view.date(row["start_date"]), end=view.date(row["end_date"])),
]))
st.markdown(view.t("commitments.values_line",
                   values=", ".join(milestone_tables.value_labels(row["ogp_values"], view.lang))))
description = tables.localised_title(row, view.lang, prefix="description")
st.markdown(app.plain(description) if description else f"*{view.t('commitments.no_description')}*")

cards = milestone_tables.commitment_figures(row, view.lang)
for column, figure in zip([*st.columns(3), *st.columns(2)], cards, strict=True):
    column.metric(figure.label, figure.value, help=figure.help, border=True)

timeline_tab, progress_tab, assessments_tab, meetings_tab, participation_tab = st.tabs([
    view.t("commitments.tab.timeline"), view.t("commitments.tab.progress"),
    view.t("commitments.tab.assessments"), view.t("nav.meetings"), view.t("nav.participation")])

with timeline_tab:
    milestones = view.q(figures.milestones, view.as_of, only_this)
    if milestones.empty:
        app.empty_state(view, "commitments.no_milestones")
    else:
        app.show_chart(view, milestone_charts.milestone_timeline(milestones, view.as_of, view.lang, names),
                       milestone_tables.milestone_rows(milestones, institutions, view.lang, view.public,
                                                       with_commitment=False),
                       f"{chosen}-milestones", caption=view.t("milestones.gantt_caption",
                                                              date=view.date(view.as_of)))

with progress_tab:
    series = view.q(figures.progress_series, view.as_of, only_this)
    if series.empty:
        app.empty_state(view, "commitments.no_progress")
    else:
        app.show_chart(view, progress_charts.progress_history(series, view.lang),
                       milestone_tables.progress_rows(series, view.lang, view.public), f"{chosen}-progress",
                       caption=view.t("commitments.progress_caption"))

with assessments_tab:
    history = view.q(figures.assessment_history, view.as_of, only_this)
    if history.empty:
        app.empty_state(view, "commitments.no_assessments")
    else:
        app.show_chart(view, progress_charts.assessment_history(history, view.lang),
                       milestone_tables.assessment_rows(history, view.lang, view.public),
                       f"{chosen}-assessments", caption=view.t("commitments.assessment_caption"))

with meetings_tab:
    meetings = view.q(figures.meetings, view.as_of, only_this)
    if meetings.empty:
        app.empty_state(view, "commitments.no_meetings")
    else:
        st.caption(view.t("commitments.meetings_caption", date=view.date(view.as_of),
                          held=view.number((meetings["state"] == "held").sum()),
                          planned=view.number((meetings["state"] == "planned").sum())))
        st.dataframe(milestone_tables.meeting_rows(meetings, view.lang), hide_index=True, width="stretch",
                     placeholder="—",
                     column_config={view.t("commitments.col.minutes"): st.column_config.LinkColumn(
                         display_text=view.t("commitments.minutes_link"))})

with participation_tab:
    by_month = view.q(figures.participation_by_month, view.as_of, only_this)
    if by_month.empty:
        app.empty_state(view, "commitments.no_participation")
    else:
        st.caption(view.t("commitments.participation_caption", date=view.date(view.as_of),
                          participants=view.number(by_month["participants"].sum()),
                          contributions=view.number(by_month["contributions"].sum())))
        app.show_chart(view, progress_charts.participation_by_month(by_month, view.lang),
                       milestone_tables.participation_rows(by_month, view.lang), f"{chosen}-participation")
