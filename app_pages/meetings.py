"""Meetings: held and planned, against the targets; the co-creation; who came, where, what is next."""

import streamlit as st

from ogp_metrics import figures
from ogp_metrics.contract import schema
from ogp_metrics.ui import tables, widgets
from ogp_metrics.ui.view import current_view
from ogp_metrics.views import labels, meetings, sectors

UPCOMING_SHOWN = 8
view = current_view()
widgets.page_heading(view, "nav.meetings", "meetings.intro")
overall = view.q(figures.meeting_totals, view.as_of)
widgets.stop_when(view, overall["held"] + overall["planned"] == 0, "meetings.empty")
titles = view.q(figures.commitment_titles)
commitments = labels.commitment_labels(titles, view.lang)

st.header(view.t("meetings.overall"))
widgets.show_cards(meetings.overall_cards(overall, view.as_of, view.lang))
if overall["held"]:
    widgets.show_figure(view, meetings.cumulative_figure(
        view.q(figures.meetings_cumulative, view.as_of), view.q(figures.targets, view.as_of),
        meetings.CUMULATIVE_INDICATORS, view.as_of, view.lang, "meetings-cumulative",
        view.t("meetings.axis_count"), view.t("meetings.cumulative"), view.t("meetings.no_targets")))

st.header(view.t("meetings.co_creation"))
st.caption(view.t("meetings.co_creation_intro"))
co_creation = view.q(figures.co_creation, view.as_of)
if not co_creation["meetings"]:
    widgets.empty_state(view, "meetings.co_creation_none")
else:
    widgets.show_cards(meetings.co_creation_cards(co_creation, view.lang))

st.header(view.t("meetings.explore"))
type_filter, phase_filter, commitment_filter = st.columns(3)
with type_filter:
    types = widgets.persistent_multiselect(view, view.t("meetings.type"), list(schema.MEETING_TYPES),
                                           "meetings_types", lambda code: view.label("meeting_type", code))
with phase_filter:
    phases = widgets.persistent_multiselect(view, view.t("meetings.phase"), list(schema.PHASES),
                                            "meetings_phases", lambda code: view.label("phase", code))
with commitment_filter:
    chosen = widgets.persistent_multiselect(view, view.t("col.commitment"), list(commitments),
                                            "filter_commitments", commitments.get)
filters = figures.Filters(meeting_types=types, phases=phases, commitments=chosen)
totals = view.q(figures.meeting_totals, view.as_of, filters)
widgets.stop_when(view, totals["held"] + totals["planned"] == 0, "meetings.none_match")

by_month = view.q(figures.meetings_by_month, view.as_of, filters)
widgets.show_figure(view, meetings.by_month_figure(by_month, view.as_of, view.lang))
left, right = st.columns([1, 2])
with left:
    widgets.show_figure(view, meetings.visibility_figure(totals, view.lang))
with right:
    by_commitment = view.q(figures.meetings_by, view.as_of, "commitment", filters)
    widgets.show_figure(view, meetings.by_commitment_figure(by_commitment, commitments, view.lang))
map_column, _ = st.columns([3, 1])
with map_column:
    by_sector = view.q(figures.meetings_by, view.as_of, "sector", filters)
    boundaries = sectors.read_boundaries(view.folder)
    widgets.show_figure(view, meetings.by_sector_figure(by_sector, view.lang, boundaries))

st.markdown(f"**{view.t('meetings.attendance')}**")
tables.show_table(view, meetings.attendance_table(view.q(figures.meetings_by, view.as_of, "meeting_type",
                                                         filters), view.lang), view.t("meetings.attendance"))
st.caption(view.t("meetings.attendance_caption"))

st.markdown(f"**{view.t('meetings.upcoming')}**")
rows = view.q(figures.meetings, view.as_of, filters)
short_names = labels.commitment_labels(titles, view.lang, limit=40)
widgets.first_rows(view, meetings.meeting_rows(rows, view.lang, short_names, state="planned"), UPCOMING_SHOWN,
                   view.t("meetings.no_upcoming", date=view.date(view.as_of)), "meetings.more_upcoming",
                   view.t("meetings.upcoming"))
if not view.public:  # projected: the upcoming meetings above are the list that matters
    with st.expander(view.t("meetings.all", count=view.number(len(rows))), icon=":material/list:"):
        st.dataframe(meetings.meeting_rows(rows, view.lang, short_names), hide_index=True, width="stretch")
