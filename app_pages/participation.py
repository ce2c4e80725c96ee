"""Participation: by month and activity, to date against the targets, by sector, and who took part."""

import streamlit as st

from ogp_metrics import figures
from ogp_metrics.contract import schema
from ogp_metrics.ui import widgets
from ogp_metrics.ui.view import current_view
from ogp_metrics.views import labels, meetings, participation, sectors
from ogp_metrics.views.figure import Card
from ogp_metrics.views.wording import percent

view = current_view()
widgets.page_heading(view, "nav.participation", "participation.intro")

every_record = view.q(figures.participation_totals, view.as_of)["all_records"]
widgets.stop_when(view, every_record == 0, "participation.empty")
commitments = labels.commitment_labels(view.q(figures.commitment_titles), view.lang)
activity_filter, commitment_filter = st.columns(2)
with activity_filter:
    chosen_activities = widgets.persistent_multiselect(view, view.t("participation.activity"),
                                                       list(schema.ACTIVITIES), "participation_activities",
                                                       lambda code: view.label("activity", code))
with commitment_filter:
    chosen_commitments = widgets.persistent_multiselect(view, view.t("col.commitment"), list(commitments),
                                                        "filter_commitments", commitments.get)
filters = figures.Filters(activities=chosen_activities, commitments=chosen_commitments)
totals = view.q(figures.participation_totals, view.as_of, filters)
widgets.stop_when(view, totals["records"] == 0, "participation.none_match")
widgets.show_cards([Card(view.t(key), view.number(totals[name])) for key, name in (
    ("indicator.participants", "participants"), ("indicator.contributions", "contributions"),
    ("participation.records", "records"))])

st.header(view.t("participation.trend"))
measure = "participants" if view.public else st.segmented_control(
    view.t("participation.measure"), list(participation.MEASURES), format_func=lambda code: view.t(
        f"indicator.{code}"), default="participants", key="participation_measure") or "participants"
# One-day events (a vote) are drawn on their day, not as a month of activity.
by_month = view.q(figures.participation_by_month, view.as_of, filters, one_day_events=False)
trend = participation.by_month_figure(by_month, view.as_of, view.lang, measure,
                                     events=view.q(figures.events, view.as_of, filters))
widgets.show_figure(view, trend, heading=False)

st.header(view.t("participation.cumulative"))
cumulative = view.q(figures.participation_cumulative, view.as_of, filters)
# The whole plan's targets are compared with the whole plan's figures only.
targets = view.q(figures.targets, view.as_of).iloc[0:0 if filters.chosen else None]
for column, code in zip(st.columns(2), participation.MEASURES, strict=True):
    with column:
        widgets.show_figure(view, meetings.cumulative_figure(
            cumulative, targets, (code,), view.as_of, view.lang, f"participation-cumulative-{code}",
            view.label("indicator", code)), heading=False)
if filters.chosen:
    st.caption(view.t("participation.targets_whole_plan"))

st.header(view.t("participation.by_sector"))
map_column, citywide_column = st.columns([3, 1])
# The three groupings below in one scan of the records.
groups = view.q(figures.participation_by_groups, view.as_of, ("sector", "age_group", "gender"), filters)
by_sector = groups["sector"]
boundaries = sectors.read_boundaries(view.folder)
with map_column:
    widgets.show_figure(view, sectors.participation_figure(by_sector, view.lang, boundaries), heading=False)
with citywide_column:
    citywide = sectors.citywide(by_sector)
    share = view.t("participation.citywide_share", pct=percent(citywide, totals["participants"], view.lang))
    widgets.show_cards([Card(view.t("sector.citywide"), view.number(citywide), caption=share)])
    st.caption(view.t("participation.citywide_caption"))

st.header(view.t("participation.diversity"))
st.caption(view.t("participation.diversity_caption"))
if view.public:
    st.caption(view.t("participation.small_cells"))
for column, domain in zip(st.columns(2), ("age_group", "gender"), strict=True):
    by_group = groups[domain]
    figure = participation.profile_figure(by_group, domain, view.lang, view.public)
    with column:
        unknown = participation.unknown_text(by_group, view.lang)
        st.markdown(f"**{figure.title}** · " + view.t("participation.unknown_short", pct=unknown))
        widgets.show_figure(view, figure, heading=False)
