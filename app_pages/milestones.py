"""Milestones: the whole plan's timeline grouped by commitment, and what falls due soon."""

import streamlit as st

from ogp_metrics import figures
from ogp_metrics.charts import milestones as milestone_charts
from ogp_metrics.contract import schema
from ogp_metrics.ui import app
from ogp_metrics.views import commitments as milestone_tables
from ogp_metrics.views import labels as tables

DUE_WITHIN_DAYS = 90

view = app.current_view()
st.title(view.t("nav.milestones"))
st.caption(view.t("milestones.intro", date=view.date(view.as_of, "long")))
milestones = view.q(figures.milestones, view.as_of)
if milestones.empty:
    app.empty_state(view, "milestones.empty")
    st.stop()
institutions = view.q(figures.institutions)
names = tables.institution_names(institutions, view.lang)

left, right = st.columns(2)
with left:
    statuses = app.persistent_multiselect(view, view.t("col.status"), list(schema.MILESTONE_STATUSES),
                                          "milestones_status",
                                          format_func=lambda code: view.label("milestone_status", code))
with right:
    owners = app.persistent_multiselect(view, view.t("col.owner"), milestone_tables.owner_options(milestones),
                                        "milestones_owner",
                                        format_func=lambda code: milestone_tables.owner_label(
                                            code, institutions, view.lang))
chosen = figures.Filters(statuses=statuses, owners=owners)
shown = view.q(figures.milestones, view.as_of, chosen)
st.caption(view.t("milestones.count", shown=view.number(len(shown)), total=view.number(len(milestones))))

commitments = view.q(figures.commitments, view.as_of)
titles = milestone_tables.commitment_labels(commitments, view.lang, view.public)
# The public reads commitments by name; staff by their short identifier.
commitment_names = titles if view.public else None
due_columns = {view.t("col.progress"): st.column_config.ProgressColumn(
    min_value=0, max_value=100, format=milestone_tables.progress_format(view.lang), width=130),
    view.t("col.milestone"): st.column_config.TextColumn(width=360)}

st.subheader(view.t("milestones.due_soon", days=DUE_WITHIN_DAYS))
due = view.q(figures.due_within, view.as_of, DUE_WITHIN_DAYS, chosen)
if due.empty:
    st.success(view.t("milestones.due_soon_none", days=DUE_WITHIN_DAYS, date=view.date(view.as_of)),
               icon=":material/event_available:")
else:
    st.dataframe(milestone_tables.due_soon_rows(due, institutions, view.as_of, view.lang, view.public,
                                                 commitment_names),
                 hide_index=True, width="stretch", placeholder="—", column_config=due_columns)
if statuses or owners:
    st.caption(view.t("milestones.filters_apply"))

st.subheader(view.t("milestones.timeline"))
if shown.empty:
    app.empty_state(view, "milestones.none_match")
    st.stop()
app.show_chart(view, milestone_charts.milestone_timeline(shown, view.as_of, view.lang, names, titles),
               milestone_tables.milestone_rows(shown, institutions, view.lang, view.public,
                                               commitment_names=commitment_names),
               "milestones", caption=view.t("milestones.gantt_caption", date=view.date(view.as_of)))
