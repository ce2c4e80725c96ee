"""Router: reads the language and mode, registers the pages, runs the chosen one."""

import streamlit as st

from ogp_metrics import text
from ogp_metrics.pages_registry import PAGES, problems_page
from ogp_metrics.ui import app

st.set_page_config(page_title="OGP Paris", page_icon=":material/account_balance:", layout="wide")

settings = app.settings()
pages = [
    # An invalid folder: every address shows what to fix instead of figures.
    st.Page(page.script if settings.data_ok else problems_page,
            title=text.t(page.title_key, settings.lang), icon=page.icon, url_path=page.url_path,
            default=page.default)
    for page in PAGES
]
st.navigation(pages, position="top" if settings.public else "sidebar").run()
