"""Commitments: where each stands (filtered by institution and value), then one in detail.

`?commitment=FRPA0001` opens the detail of that commitment; the URL follows the selection.
"""

import streamlit as st

from ogp_metrics import figures
from ogp_metrics.ui import commitment_detail, irm, tables, widgets
from ogp_metrics.ui.url_state import url_bound_select
from ogp_metrics.ui.view import current_view
from ogp_metrics.views import commitments, labels

view = current_view()
widgets.page_heading(view, "nav.commitments", "commitments.intro")
every_commitment = view.q(figures.commitments, view.as_of)
widgets.stop_when(view, every_commitment.empty, "commitments.empty")
institutions = view.q(figures.institutions)
names = labels.institution_names(institutions, view.lang)

left, right = st.columns(2)
with left:
    leads = widgets.persistent_multiselect(view, view.t("commitments.filter_institution"),
                                           commitments.institution_options(every_commitment),
                                           "commitments_institution", format_func=lambda c: names.get(c, c))
with right:
    values = widgets.persistent_multiselect(view, view.t("commitments.filter_value"),
                                            commitments.value_options(every_commitment),
                                            "commitments_ogp_value",
                                            format_func=lambda code: view.label("ogp_values", code))
shown = view.q(figures.commitments, view.as_of, figures.Filters(institutions=leads, values=values))
st.caption(view.t("commitments.count", shown=view.number(len(shown)),
                  total=view.number(len(every_commitment))))
if shown.empty:
    widgets.empty_state(view, "commitments.none_match")
else:
    tables.show_table(view, commitments.commitment_rows(shown, institutions, view.lang, view.public),
                      view.t("nav.commitments"), key_columns=commitments.key_columns(view.lang),
                      numeric=commitments.count_columns(view.lang),
                      nowrap=(view.t("commitments.col.progress"),))
    st.caption(view.t("commitments.progress_help") + " " + view.t("commitments.assessment_help"))
    irm.side_by_side(view, figures.Filters(institutions=leads, values=values))

st.header(view.t("commitments.detail"))
chosen, unknown = url_bound_select(
    "commitment", "commitments_detail", every_commitment["commitment_id"].tolist(),
    view.t("commitments.choose"), labels.commitment_labels(every_commitment, view.lang, view.public).get,
    view.t("commitments.choose_placeholder"), view.t("commitments.choose_help"))
if unknown is not None:
    st.warning(view.t("commitments.unknown", id=widgets.plain(unknown)), icon=":material/search_off:")
if chosen is None:
    st.caption(view.t("commitments.choose_hint"))
    st.stop()
commitment_detail.show(view, every_commitment[every_commitment["commitment_id"] == chosen].iloc[0].to_dict(),
                       institutions)
