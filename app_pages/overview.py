"""Overview: where the plan stands on the as-of date, and what changed since the last steering committee."""

import streamlit as st

from ogp_metrics import figures
from ogp_metrics.ui import downloads, widgets
from ogp_metrics.ui.view import current_view
from ogp_metrics.views import headline, overview
from ogp_metrics.views.plan_facts import plan_name

OVERDUE_SHOWN = 10
view = current_view()
plan = view.q(figures.plan)
st.title(widgets.plain(plan_name(plan, view.lang)))
st.markdown(f"**{view.t('overview.as_of', date=view.date(view.as_of, 'long'))}** · "
            + headline.time_left(plan["start_date"], plan["end_date"], view.as_of, view.lang))

if not view.public:
    downloads.briefing_button(view)

summary = view.q(figures.headline, view.as_of)
widgets.stop_when(view, summary["commitments"]["total"] == 0, "overview.empty")

baseline_date, before = view.q(figures.changes_since_last_steering_committee, view.as_of)
metrics = headline.metrics(summary, before)
sections = (("overview.commitments", metrics[0:3]), ("overview.milestones", metrics[3:6]),
            ("overview.activity", metrics[6:8]))
for title_key, group in sections:
    st.subheader(view.t(title_key))
    for column, metric in zip(st.columns(3), group, strict=False):
        column.metric(view.t(metric.key), headline.format_value(metric, view.lang),
                      delta=headline.format_delta(metric, view.lang),
                      delta_color=("off" if not metric.delta else
                                   "normal" if metric.higher_is_better else "inverse"),
                      delta_arrow="off" if not metric.delta else "auto", border=True)
st.caption(view.t("overview.since", date=view.date(baseline_date)) if baseline_date
           else view.t("overview.no_baseline"))

st.subheader(view.t("overview.targets"))
targets = view.q(figures.targets, view.as_of)
if targets.empty:
    widgets.empty_state(view, "overview.no_targets")
for target in overview.target_lines(targets, view.as_of, view.lang):
    st.progress(target.fraction, text=f"**{widgets.plain(target.title)}** — {target.line}")

st.subheader(view.t("overview.overdue"))
every_milestone = view.q(figures.milestones, view.as_of)
late = every_milestone[every_milestone["status"] == "overdue"]
if late.empty:
    st.success(view.t("overview.no_overdue"), icon=":material/check_circle:")
else:  # the latest first; a large plan's others are on the Milestones page
    widgets.first_rows(view, overview.overdue_milestones(late.nlargest(OVERDUE_SHOWN, "days_late"),
                                                         view.q(figures.institutions), view.lang),
                       OVERDUE_SHOWN, "", "overview.more_overdue", total=len(late))

last = view.q(figures.last_update, view.as_of)
if last is None:
    st.warning(view.t("overview.never_updated"), icon=":material/warning:")
else:
    st.caption(view.t("overview.freshness", date=view.date(last), days=view.number((view.as_of - last).days)))
    if figures.is_stale(last, view.as_of):
        st.warning(view.t("overview.stale"), icon=":material/warning:")
