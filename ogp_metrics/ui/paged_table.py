"""A table that grows with the data, shown a page at a time, with a search and the whole download.

No page sends more than `PAGE_ROWS` rows to the browser, whatever the size of the folder: the
page is chosen in SQL (`LIMIT`/`OFFSET`), its count too, and the whole table is built only
when its download is clicked.

    paged_table.show(view, "meetings_all", figures.meetings, figures.meeting_count,
                     (view.as_of, filters), format_rows, "meetings")

`rows_query(cursor, *arguments, search=, limit=, offset=)` gives a page and
`count_query(cursor, *arguments, search=)` how many rows there are; `format_rows` turns rows
into the table shown (and downloaded).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd
import streamlit as st

from ogp_metrics.outputs import spreadsheets
from ogp_metrics.ui.cached_plan import loaded_plan
from ogp_metrics.ui.view import View

PAGE_ROWS = 100


def show(view: View, key: str, rows_query: Callable, count_query: Callable, arguments: tuple,
         format_rows: Callable[[pd.DataFrame], pd.DataFrame], name: str,
         column_config: dict | None = None) -> None:
    """The search, the page chooser, the page's rows and a download of every matching row."""
    search_column, page_column = st.columns([3, 1])
    with search_column:
        search = st.text_input(view.t("paged.search"), key=f"{key}_search",
                               placeholder=view.t("paged.search_placeholder")).strip() or None
    total = view.q(count_query, *arguments, search=search)
    pages = max(1, math.ceil(total / PAGE_ROWS))
    page_key = f"{key}_page"
    if st.session_state.get(page_key, 1) > pages:  # fewer pages since the search changed
        st.session_state[page_key] = pages
    with page_column:
        page = st.number_input(view.t("paged.page", pages=view.number(pages)), min_value=1,
                               max_value=pages, step=1, key=page_key)
    if total == 0:
        st.caption(view.t("paged.none"))
        return
    offset = (int(page) - 1) * PAGE_ROWS
    rows = view.q(rows_query, *arguments, search=search, limit=PAGE_ROWS, offset=offset)
    st.dataframe(format_rows(rows), hide_index=True, width="stretch", placeholder="—",
                 column_config=column_config)
    st.caption(view.t("paged.rows", first=view.number(offset + 1),
                      last=view.number(offset + len(rows)), total=view.number(total)))
    st.download_button(
        view.t("paged.download", count=view.number(total)),
        data=_deferred_csv(view, rows_query, arguments, search, format_rows),
        file_name=f"{name}-{view.as_of.isoformat()}.csv", mime="text/csv", on_click="ignore",
        key=f"{key}_download", icon=":material/download:")


def _deferred_csv(view: View, rows_query: Callable, arguments: tuple, search: str | None,
                  format_rows: Callable[[pd.DataFrame], pd.DataFrame]) -> Callable[[], bytes]:
    """Every matching row as CSV, built when the button is clicked (never on a page run)."""
    folder, fingerprint = view.folder, view.fingerprint

    def build() -> bytes:
        plan, _report = loaded_plan(folder, fingerprint)
        with plan.cursor() as cursor:
            rows = rows_query(cursor, *arguments, search=search)
        return spreadsheets.csv_bytes(format_rows(rows))

    return build
