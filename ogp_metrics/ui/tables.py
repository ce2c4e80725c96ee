"""Tables to read rather than sort: long text wraps, the key columns stay in view, a narrow
screen shows each row as a card, and public mode shows only the key columns in large type.

The markup is the public site's accessible table (`site_html.table_html`): every cell escaped,
column headers with their scope, numbers aligned right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from ogp_metrics.outputs.site_html import table_html

if TYPE_CHECKING:  # a type only: `view` imports `auth`, which imports `widgets`, then these tables
    from ogp_metrics.ui.view import View


def show_table(view: View, frame: pd.DataFrame, label: str, numeric: tuple[str, ...] = (),
               key_columns: tuple[str, ...] | None = None, nowrap: tuple[str, ...] = ()) -> None:
    """The table as HTML, every cell escaped; in public mode only `key_columns` (all when None).
    `nowrap` columns (dates, states) stay on one line on a wide screen."""
    if view.public and key_columns:
        frame = frame[[column for column in frame.columns if column in key_columns]]
    markup = table_html(frame, label, tuple(c for c in numeric if c in frame.columns), stacked=True,
                        caption=False, nowrap=tuple(c for c in nowrap if c in frame.columns))
    st.html(f'<div class="ogp-table">{markup}</div>')
