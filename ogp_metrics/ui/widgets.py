"""The pieces every page lays out alike: safe text, empty states, a figure with its data, filters."""

from __future__ import annotations

from typing import TYPE_CHECKING

import altair as alt
import pandas as pd
import streamlit as st

from ogp_metrics.charts.base import projected
from ogp_metrics.outputs import spreadsheets
from ogp_metrics.ui import tables
from ogp_metrics.ui.safe_markdown import plain
from ogp_metrics.views.figure import Card, Figure

if TYPE_CHECKING:  # a type only: `view` imports `auth`, which imports these widgets
    from ogp_metrics.ui.view import View


def empty_state(view: View, key: str, **values: object) -> None:
    st.info(view.t(key, **values), icon=":material/info:")


def show_chart(view: View, chart: alt.TopLevelMixin, data: pd.DataFrame, name: str,
               caption: str | None = None) -> None:
    """A chart, then its data as a table with a download: the text alternative every chart has.

    In public mode the chart is drawn for a projector and its data is left out (the public
    site and the Data page's exports give it)."""
    if view.public:
        st.altair_chart(projected(chart, view.lang), width="stretch")
        if caption:
            st.caption(caption)
        return
    st.altair_chart(chart, width="stretch")
    if caption:
        st.caption(caption)
    with st.expander(view.t("app.chart_data"), icon=":material/table:"):
        st.dataframe(data, hide_index=True, width="stretch", placeholder="—")
        st.download_button(view.t("app.download_csv"), data=spreadsheets.csv_bytes(data),
                           file_name=f"{name}-{view.as_of.isoformat()}.csv", mime="text/csv",
                           key=f"download-{name}", icon=":material/download:")


def persistent_multiselect(view: View, label: str, options: list, key: str, format_func=str):
    """A filter that keeps its choice when the user goes to another page and back.

    Public mode shows no filter (a projected page shows everything): every row counts."""
    if view.public:
        return []
    store = f"_filter_{key}"
    # The store is updated by the widget's callback, which runs before the script: it always
    # holds the latest click, so the choice can be restored on every run. (Testing `key in
    # st.session_state` is not enough: a filter with the same key on another page leaves its
    # key behind, but it is a different widget there, which would start empty.)
    st.session_state[key] = [value for value in st.session_state.get(store, []) if value in options]
    selected = st.multiselect(label, options, key=key, format_func=format_func,
                              placeholder=view.t("app.filter_all"), on_change=_remember_filter,
                              args=(key, store))
    st.session_state[store] = selected
    return selected


def _remember_filter(key: str, store: str) -> None:
    st.session_state[store] = st.session_state[key]


def show_figure(view: View, figure: Figure, heading: bool = True) -> None:
    """A figure as a page shows it: its title, the chart, its note, then its data."""
    if heading:
        st.markdown(f"**{plain(figure.title)}**")
    if figure.chart is None:
        empty_state(view, "app.nothing_to_draw")
        return
    show_chart(view, figure.chart, figure.table, figure.slug, caption=figure.note or None)


def show_cards(cards: list[Card], columns: int | None = None) -> None:
    """Figures as bordered cards, side by side, each with its help and caption."""
    for column, card in zip(st.columns(columns or len(cards)), cards, strict=False):
        column.metric(card.label, card.value, help=card.help, border=True)
        if card.caption:
            column.caption(card.caption)


def first_rows(view: View, table: pd.DataFrame, shown: int, empty: str, more_key: str,
               label: str = "", total: int | None = None) -> None:
    """The first `shown` rows of a table, then how many more there are; `empty` when none.

    `total`: how many rows there are when `table` holds only the first ones (taken in SQL)."""
    if table.empty:
        st.caption(empty)
        return
    tables.show_table(view, table.head(shown), label or empty)
    total = len(table) if total is None else total
    if total > shown:
        st.caption(view.tn(more_key, total - shown))


def page_heading(view: View, title_key: str, intro_key: str) -> None:
    """The page's title, and what it shows as of the date."""
    st.title(view.t(title_key))
    st.caption(view.t(intro_key, date=view.date(view.as_of, "long")))


def stop_when(view: View, condition: bool, key: str, **values: object) -> None:
    """When `condition` holds, say why in words (`key`) and show nothing more of the page."""
    if condition:
        empty_state(view, key, **values)
        st.stop()
