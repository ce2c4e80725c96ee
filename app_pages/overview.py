"""Overview: where the plan stands on the as-of date, what is late or at risk, what changed since
the last steering committee, what it decided, and the targets."""

import streamlit as st

from ogp_metrics import figures
from ogp_metrics.ui import committee, downloads, irm, widgets
from ogp_metrics.ui.view import current_view
from ogp_metrics.views import headline
from ogp_metrics.views.plan_facts import plan_name

view = current_view()
plan = view.q(figures.plan)
st.title(widgets.plain(plan_name(plan, view.lang)))
st.markdown(f"**{view.t('overview.as_of', date=view.date(view.as_of, 'long'))}** · "
            + headline.time_left(plan["start_date"], plan["end_date"], view.as_of, view.lang))
commitments = committee.card_figures(view, view.as_of)["commitments"]
widgets.stop_when(view, commitments["total"] == 0, "overview.empty")

if view.public:
    since, is_committee = committee.baseline(view)
else:
    controls, button = st.columns([2, 1], vertical_alignment="bottom")
    with controls:
        since, is_committee = committee.baseline(view)
    with button:
        downloads.briefing_button(view)

committee.key_figures(view, since, is_committee)
committee.attention(view)
committee.since_changes(view, since, is_committee)
committee.decisions(view)
irm.side_by_side(view, compact=True)
committee.targets(view)

last = view.q(figures.last_update, view.as_of)
if last is None:
    st.warning(view.t("overview.never_updated"), icon=":material/warning:")
else:
    st.caption(view.t("overview.freshness", date=view.date(last),
                      ago=headline.days_ago(last, view.as_of, view.lang)))
    if figures.is_stale(last, view.as_of):
        st.warning(view.t("overview.stale"), icon=":material/warning:")
