"""Milestones: the whole plan's timeline grouped by commitment, and what falls due soon."""

import streamlit as st

from ogp_metrics import figures
from ogp_metrics.charts import milestones as milestone_charts
from ogp_metrics.contract import schema
from ogp_metrics.ui import tables, widgets
from ogp_metrics.ui.view import current_view
from ogp_metrics.views import labels, milestones

DUE_WITHIN_DAYS = 90

view = current_view()
widgets.page_heading(view, "nav.milestones", "milestones.intro")
every_milestone = view.q(figures.milestones, view.as_of)
widgets.stop_when(view, every_milestone.empty, "milestones.empty")
institutions = view.q(figures.institutions)
names = labels.institution_names(institutions, view.lang)

left, right = st.columns(2)
with left:
    statuses = widgets.persistent_multiselect(view, view.t("col.status"), list(schema.MILESTONE_STATUSES),
                                              "milestones_status",
                                              format_func=lambda code: view.label("milestone_status", code))
with right:
    owners = widgets.persistent_multiselect(view, view.t("col.owner"),
                                            milestones.owner_options(every_milestone), "milestones_owner",
                                            lambda code: labels.owner_name(names, code, view.lang))
chosen = figures.Filters(statuses=statuses, owners=owners)
shown = view.q(figures.milestones, view.as_of, chosen)
st.caption(view.t("milestones.count", shown=view.number(len(shown)), total=view.number(len(every_milestone))))

titles = labels.commitment_labels(view.q(figures.commitment_titles), view.lang, view.public)
# The public reads commitments by name; staff by their short identifier.
commitment_names = titles if view.public else None

st.header(view.t("milestones.due_soon", days=DUE_WITHIN_DAYS))
due = view.q(figures.due_within, view.as_of, DUE_WITHIN_DAYS, chosen)
if due.empty:
    st.success(view.t("milestones.due_soon_none", days=DUE_WITHIN_DAYS, date=view.date(view.as_of)),
               icon=":material/event_available:")
else:
    tables.show_table(view, milestones.due_soon_rows(due, institutions, view.as_of, view.lang, view.public,
                                                     commitment_names),
                      view.t("milestones.due_soon", days=DUE_WITHIN_DAYS),
                      numeric=(view.t("milestones.col.days_left"), view.t("col.progress")),
                      key_columns=milestones.due_soon_key_columns(view.lang),
                      nowrap=(view.t("col.due_date"), view.t("milestones.col.id"), view.t("col.commitment")))
if chosen.chosen:
    st.caption(view.t("milestones.filters_apply"))

st.header(view.t("milestones.timeline"))
widgets.stop_when(view, shown.empty, "milestones.none_match")
widgets.show_chart(view, milestone_charts.milestone_timeline(shown, view.as_of, view.lang, names, titles),
                   milestones.milestone_rows(shown, institutions, view.lang, view.public,
                                             commitment_names=commitment_names),
                   "milestones", caption=view.t("milestones.gantt_caption", date=view.date(view.as_of)))
