"""Meetings: held and planned, against the targets; the co-creation; who came, where, what is next."""

import streamlit as st

from ogp_metrics import figures
from ogp_metrics.charts import meetings as charts
from ogp_metrics.charts import sectors
from ogp_metrics.contract import schema
from ogp_metrics.ui import app
from ogp_metrics.views import meetings as tables

view = app.current_view()
st.title(view.t("nav.meetings"))
st.caption(view.t("meetings.intro", date=view.date(view.as_of, "long")))

overall = view.q(figures.meeting_totals, view.as_of)
if overall["held"] + overall["planned"] == 0:
    app.empty_state(view, "meetings.empty")
    st.stop()
commitments = tables.commitment_labels(view.q(figures.commitment_titles), view.lang)
short_commitments = tables.commitment_labels(view.q(figures.commitment_titles), view.lang, limit=40)
UPCOMING_SHOWN = 8


def attendance_metric(column, label_key: str, known: int | None, unknown: int) -> None:
    column.metric(view.t(label_key), tables.count_or_unknown(known, view.lang), border=True)
    column.caption(tables.known_and_unknown(known, unknown, view.lang))


# ---------------------------------------------------------------- the whole plan
st.subheader(view.t("meetings.overall"))
held, planned, public, attendees = st.columns(4)
held.metric(view.t("headline.meetings_held"), view.number(overall["held"]), border=True)
planned.metric(view.t("meetings.planned"), view.number(overall["planned"]), border=True)
planned.caption(view.t("meetings.planned_after", date=view.date(view.as_of)))
public.metric(view.t("indicator.public_meetings_held"), view.number(overall["public_held"]), border=True)
public.caption(view.t("meetings.public_share",
                      pct=tables.percent(overall["public_held"], overall["held"], view.lang)))
attendance_metric(attendees, "meetings.attendees", overall["attendees_known"], overall["attendees_unknown"])

if overall["held"]:
    st.markdown(f"**{view.t('meetings.cumulative')}**")
    indicators = {code: view.label("indicator", code) for code in ("meetings_held", "public_meetings_held")}
    series = tables.cumulative_series(view.q(figures.meetings_cumulative, view.as_of), indicators, view.as_of)
    targets = tables.target_rows(view.q(figures.targets, view.as_of), indicators, view.lang)
    chart = charts.cumulative_chart(series, view.lang, view.t("meetings.axis_count"), targets,
                                    description=view.t("meetings.cumulative"))
    app.show_chart(view, chart, tables.cumulative_table(series, targets, view.lang), "meetings-cumulative",
                   caption=None if len(targets) else view.t("meetings.no_targets"))

# ---------------------------------------------------------------- co-creation
st.subheader(view.t("meetings.co_creation"))
st.caption(view.t("meetings.co_creation_intro"))
co_creation = view.q(figures.co_creation, view.as_of)
if not co_creation["meetings"]:
    app.empty_state(view, "meetings.co_creation_none")
else:
    count, people, organisations = st.columns(3)
    count.metric(view.t("meetings.co_creation_meetings"), view.number(co_creation["meetings"]), border=True)
    count.caption(tables.date_span(co_creation["first_date"], co_creation["last_date"], view.lang))
    attendance_metric(people, "meetings.attendees", co_creation["attendees_known"],
                      co_creation["attendees_unknown"])
    attendance_metric(organisations, "meetings.organisations", co_creation["organisations_known"],
                      co_creation["organisations_unknown"])

# ---------------------------------------------------------------- filtered
st.subheader(view.t("meetings.explore"))
type_filter, phase_filter, commitment_filter = st.columns(3)
with type_filter:
    types = app.persistent_multiselect(view, view.t("meetings.type"), list(schema.MEETING_TYPES),
                                       "meetings_types", lambda code: view.label("meeting_type", code))
with phase_filter:
    phases = app.persistent_multiselect(view, view.t("meetings.phase"), list(schema.PHASES),
                                        "meetings_phases", lambda code: view.label("phase", code))
with commitment_filter:
    chosen = app.persistent_multiselect(view, view.t("col.commitment"), list(commitments),
                                        "filter_commitments", commitments.get)
filters = figures.Filters(meeting_types=types, phases=phases, commitments=chosen)
totals = view.q(figures.meeting_totals, view.as_of, filters)
if totals["held"] + totals["planned"] == 0:
    app.empty_state(view, "meetings.none_match")
    st.stop()

st.markdown(f"**{view.t('meetings.by_month')}**")
by_month = view.q(figures.meetings_by_month, view.as_of, filters)
app.show_chart(view, charts.meetings_by_month_chart(by_month, view.lang, view.as_of),
               tables.meetings_by_month_table(by_month, view.lang), "meetings-by-month",
               caption=view.t("meetings.by_month_caption"))

by_commitment = view.q(figures.meetings_by, view.as_of, "commitment", filters)
left, right = st.columns([1, 2])
with left:
    st.markdown(f"**{view.t('meetings.visibility')}**")
    bars = tables.visibility_bars(totals, view.lang)
    app.show_chart(view, charts.labelled_bars(bars, view.lang, view.t("meetings.col.held"),
                                              description=view.t("meetings.visibility")),
                   tables.bars_table(bars, view.t("meetings.col.visibility"), view.t("meetings.col.held")),
                   "meetings-public-internal")
with right:
    st.markdown(f"**{view.t('meetings.by_commitment')}**")
    bars = tables.held_bars(by_commitment, "commitment", view.lang, commitments)
    app.show_chart(view, charts.labelled_bars(bars, view.lang, view.t("meetings.col.held"),
                                              description=view.t("meetings.by_commitment")),
                   tables.meetings_group_table(by_commitment, "commitment", view.lang, commitments,
                                               view.t("col.commitment")),
                   "meetings-by-commitment")

st.markdown(f"**{view.t('meetings.by_sector')}**")
by_sector = view.q(figures.meetings_by, view.as_of, "sector", filters)
citywide = tables.citywide(by_sector, "held")
unmapped = view.t("meetings.sector_caption", count=view.number(citywide)) if citywide else None
map_column, _ = st.columns([3, 1])
with map_column:
    app.show_chart(view, sectors.sector_map(sectors.sector_values(by_sector, "held", view.lang), view.lang,
                                            view.t("meetings.col.held"), sectors.read_boundaries(view.folder),
                                            description=view.t("meetings.by_sector")),
                   tables.meetings_group_table(by_sector, "sector", view.lang,
                                               group_title=view.t("meetings.col.sector")),
                   "meetings-by-sector",
                   caption=unmapped)

st.markdown(f"**{view.t('meetings.attendance')}**")
st.table(tables.attendance_table(view.q(figures.meetings_by, view.as_of, "meeting_type", filters),
                                 view.lang), hide_index=True)
st.caption(view.t("meetings.attendance_caption"))

st.markdown(f"**{view.t('meetings.upcoming')}**")
meetings = view.q(figures.meetings, view.as_of, filters)
upcoming = tables.meeting_rows(meetings, view.lang, short_commitments, state="planned")
if upcoming.empty:
    st.caption(view.t("meetings.no_upcoming", date=view.date(view.as_of)))
else:
    st.table(upcoming.head(UPCOMING_SHOWN), hide_index=True)
    if len(upcoming) > UPCOMING_SHOWN:
        st.caption(view.t("meetings.more_upcoming", count=view.number(len(upcoming) - UPCOMING_SHOWN)))
with st.expander(view.t("meetings.all", count=view.number(len(meetings))), icon=":material/list:"):
    st.dataframe(tables.meeting_rows(meetings, view.lang, short_commitments), hide_index=True,
                 width="stretch")
