"""Participation: by month and activity, to date against the targets, by sector, and who took part."""

import streamlit as st

from ogp_metrics import figures
from ogp_metrics.charts import participation as charts
from ogp_metrics.charts import sectors
from ogp_metrics.contract import schema
from ogp_metrics.ui import app
from ogp_metrics.views import meetings as tables

view = app.current_view()
st.title(view.t("nav.participation"))
st.caption(view.t("participation.intro", date=view.date(view.as_of, "long")))

if view.q(figures.participation_totals, view.as_of)["all_records"] == 0:
    app.empty_state(view, "participation.empty")
    st.stop()
commitments = tables.commitment_labels(view.q(figures.commitment_titles), view.lang)

activity_filter, commitment_filter = st.columns(2)
with activity_filter:
    chosen_activities = app.persistent_multiselect(view, view.t("participation.activity"),
                                                   list(schema.ACTIVITIES), "participation_activities",
                                                   lambda code: view.label("activity", code))
with commitment_filter:
    chosen_commitments = app.persistent_multiselect(view, view.t("col.commitment"), list(commitments),
                                                    "filter_commitments", commitments.get)
filters = figures.Filters(activities=chosen_activities, commitments=chosen_commitments)
totals = view.q(figures.participation_totals, view.as_of, filters)
if totals["records"] == 0:
    app.empty_state(view, "participation.none_match")
    st.stop()

by_sector = view.q(figures.participation_by, view.as_of, "sector", filters)
citywide = tables.citywide(by_sector)
for column, key, value in zip(st.columns(3), ("indicator.participants", "indicator.contributions",
                                              "participation.records"),
                              (totals["participants"], totals["contributions"], totals["records"]),
                              strict=True):
    column.metric(view.t(key), view.number(value), border=True)

st.subheader(view.t("participation.trend"))
measure = st.segmented_control(view.t("participation.measure"), list(charts.MEASURES),
                               format_func=lambda code: view.t(f"indicator.{code}"),
                               default="participants", key="participation_measure") or "participants"
by_month = view.q(figures.participation_by_month, view.as_of, filters)
app.show_chart(view, charts.participation_by_month_chart(by_month, view.lang, measure),
               tables.participation_month_table(by_month, view.lang), "participation-by-month",
               caption=view.t("participation.trend_caption"))

st.subheader(view.t("participation.cumulative"))
cumulative = view.q(figures.participation_cumulative, view.as_of, filters)
filtered = filters.chosen
# The whole plan's targets are compared with the whole plan's figures only.
all_targets = view.q(figures.targets, view.as_of)
for column, code in zip(st.columns(2), charts.MEASURES, strict=True):
    indicators = {code: view.label("indicator", code)}
    series = tables.cumulative_series(cumulative, indicators, view.as_of)
    targets = tables.target_rows(all_targets.iloc[0:0] if filtered else all_targets, indicators, view.lang)
    with column:
        app.show_chart(view, charts.cumulative_chart(series, view.lang, indicators[code], targets,
                                                     description=indicators[code]),
                       tables.cumulative_table(series, targets, view.lang),
                       f"participation-cumulative-{code}")
if filtered:
    st.caption(view.t("participation.targets_whole_plan"))

st.subheader(view.t("participation.by_sector"))
map_column, citywide_column = st.columns([3, 1])
boundaries = sectors.read_boundaries(view.folder)
with map_column:
    tiles = sectors.sector_values(by_sector, "participants", view.lang)
    app.show_chart(view, sectors.sector_map(tiles, view.lang, view.t("indicator.participants"), boundaries,
                                            description=view.t("participation.by_sector")),
                   tables.sector_table(by_sector, view.lang), "participation-by-sector",
                   caption=view.t("participation.map_caption") + (
                       " " + view.t("participation.boundaries_caption") if boundaries else ""))
with citywide_column:
    st.metric(view.t("sector.citywide"), view.number(citywide), border=True)
    st.caption(view.t("participation.citywide_share",
                      pct=tables.percent(citywide, totals["participants"], view.lang)))
    st.caption(view.t("participation.citywide_caption"))

st.subheader(view.t("participation.diversity"))
st.caption(view.t("participation.diversity_caption"))
if view.public:
    st.caption(view.t("participation.small_cells"))
for column, domain in zip(st.columns(2), ("age_group", "gender"), strict=True):
    by_group = view.q(figures.participation_by, view.as_of, domain, filters)
    rows = tables.demographic_rows(by_group, domain, view.lang, view.public)
    title = view.t("participation.by_age" if domain == "age_group" else "participation.by_gender")
    with column:
        unknown = tables.share_text(tables.unknown_share(by_group), view.lang)
        st.markdown(f"**{title}** · " + view.t("participation.unknown_short", pct=unknown))
        app.show_chart(view, charts.labelled_bars(rows, view.lang, view.t("indicator.participants"),
                                                  description=title),
                       tables.demographic_table(rows, domain, view.lang), f"participation-{domain}")
