"""Our own "page not found", in the reader's language, instead of Streamlit's English dialog.

When the address names no page this visitor may open (a typo, an old link, a staff page for
someone not signed in), the router registers one hidden page at that very address, which says
so and links to the Overview. The address is remembered for the session, so that a rerun on
that page (a change of language) finds it again.
"""

from __future__ import annotations

import re

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.util import calc_hash

from ogp_metrics import text
from ogp_metrics.ui.view import current_view
from ogp_metrics.ui.widgets import plain

REMEMBERED = "_not_found_path"
# What Streamlit accepts as a page's address (no `/`), bounded.
_ADDRESS = re.compile(r"[^/\s]{1,100}")


def unknown_address(registered: set[str]) -> str | None:
    """The address asked for when no registered page has it, else None."""
    context = get_script_run_ctx()
    if context is None:
        return None
    manager = context.pages_manager
    remembered = st.session_state.get(REMEMBERED)
    if manager.intended_page_script_hash:  # a rerun or a click: our page only if it is the one asked for
        wanted = remembered and manager.intended_page_script_hash == calc_hash(remembered)
        return remembered if wanted else None
    name = (manager.intended_page_name or "").strip("/")
    if not name or name in registered or not _ADDRESS.fullmatch(name):
        return None
    st.session_state[REMEMBERED] = name
    return name


def page(address: str, lang: str, overview: str) -> st.Page:
    """The hidden page at `address`, linking to the page script `overview`."""
    return st.Page(lambda: _show(address, overview), title=text.t("not_found.title", lang),
                   icon=":material/search_off:", url_path=address, visibility="hidden")


def _show(address: str, overview: str) -> None:
    view = current_view()
    st.title(view.t("not_found.title"))
    st.warning(view.t("not_found.body", path=plain(address)), icon=":material/search_off:")
    st.page_link(overview, label=view.t("not_found.link"), icon=":material/dashboard:")
