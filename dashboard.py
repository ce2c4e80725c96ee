"""Router: reads the language and mode, registers the pages, runs the chosen one."""

import streamlit as st

from ogp_metrics import text
from ogp_metrics.ui import auth
from ogp_metrics.ui.pages import PAGES, STAFF_PAGES, problems_page
from ogp_metrics.ui.view import settings

current = settings()
st.set_page_config(page_title=text.t("app.title", current.lang), page_icon=":material/account_balance:",
                   layout="wide", initial_sidebar_state="collapsed" if current.public else "auto")
pages = [
    # An invalid folder: every address shows what to fix instead of figures.
    st.Page(page.script if current.data_ok else problems_page,
            title=text.t(page.title_key, current.lang), icon=page.icon, url_path=page.url_path,
            default=page.default)
    for page in PAGES
]
navigation: list | dict = pages
if auth.sidebar(current.lang, current.public):
    # Only signed-in staff get the staff pages (even on an invalid folder: to fix it);
    # for anyone else their addresses answer "page not found".
    navigation = {text.t("nav.section.dashboard", current.lang): pages,
                  text.t("nav.section.staff", current.lang): [
                      st.Page(page.script, title=text.t(page.title_key, current.lang),
                              icon=page.icon, url_path=page.url_path) for page in STAFF_PAGES]}
st.navigation(navigation, position="top" if current.public else "sidebar").run()
