"""Router: reads the language and mode, registers the pages, runs the chosen one."""

from pathlib import Path

import streamlit as st

from ogp_metrics import text
from ogp_metrics.ui import auth, not_found
from ogp_metrics.ui.pages import PAGES, STAFF_PAGES, log_read_only_hint, problems_page
from ogp_metrics.ui.view import settings

# A local file: a `:material/…:` page icon makes every browser fetch it from a font server.
FAVICON = Path(__file__).resolve().parent / "ogp_metrics" / "ui" / "static" / "favicon.png"

current = settings()
st.set_page_config(page_title=text.t("app.title", current.lang), page_icon=str(FAVICON),
                   layout="wide", initial_sidebar_state="collapsed" if current.public else "auto")
pages = [
    # An invalid folder: every address shows what to fix instead of figures.
    st.Page(page.script if current.data_ok else problems_page,
            title=text.t(page.title_key, current.lang), icon=page.icon, url_path=page.url_path,
            default=page.default)
    for page in PAGES
]
staff = auth.sidebar(current.lang, current.public)
log_read_only_hint()
# Only signed-in staff get the staff pages (even on an invalid folder: to fix it); for anyone
# else their addresses, like any unknown one, answer our own "page not found".
registered = {page.url_path for page in PAGES} | ({page.url_path for page in STAFF_PAGES} if staff else set())
unknown = not_found.unknown_address(registered)
if unknown is not None:
    pages.append(not_found.page(unknown, current.lang, PAGES[0].script))
navigation: list | dict = pages
if staff:
    navigation = {text.t("nav.section.dashboard", current.lang): pages,
                  text.t("nav.section.staff", current.lang): [
                      st.Page(page.script, title=text.t(page.title_key, current.lang),
                              icon=page.icon, url_path=page.url_path) for page in STAFF_PAGES]}
st.navigation(navigation, position="top" if current.public else "sidebar").run()
