"""The IRM's view beside the City's, on the Overview, the Commitments page and a commitment's
detail: which completion is whose is always said ("selon la Ville", "selon le MRI (OGP)")."""

from __future__ import annotations

import streamlit as st

from ogp_metrics import figures
from ogp_metrics.ui import tables, widgets
from ogp_metrics.ui.view import View
from ogp_metrics.views import irm
from ogp_metrics.views.wording import missing


def side_by_side(view: View, filters: figures.Filters = figures.NO_FILTERS, compact: bool = False) -> None:
    """Every commitment's two latest completions and the IRM's judgements, as one table (`compact`:
    the completions and the IRM's report only, for the Overview)."""
    assessed = view.q(figures.independent_assessments, view.as_of, filters)
    if assessed.empty:
        return
    st.header(view.t("irm.heading"))
    st.caption(view.t("irm.caption") + " " + irm.agreement_text(assessed, view.lang))
    table = irm.side_by_side(assessed, view.lang, view.public)
    shown = ("col.commitment", "irm.col.self", "irm.col.independent", "irm.col.report")
    key = tuple(view.t(name) for name in shown)
    if compact:
        table = table[list(key)]
    tables.show_table(view, table, view.t("irm.heading"), key_columns=key)


def commitment_cards(view: View, commitment_id: str) -> None:
    """What the IRM said of one commitment (both completions are among its cards above)."""
    assessed = view.q(
        figures.independent_assessments, view.as_of, figures.Filters(commitments=[commitment_id])
    )
    judged = assessed.iloc[0].to_dict() if len(assessed) else {}
    said = [judged.get(name) for name in ("potential_impact", "starred", "opened_government")]
    if all(missing(value) for value in said):
        return  # the IRM has said nothing of it yet: its completion card says so
    st.markdown(f"**{view.t('irm.detail_heading')}**")
    widgets.show_cards(irm.commitment_cards(judged, view.lang))
