"""Router: language, as-of date and mode for every page, then the chosen page."""

import streamlit as st

from ogp_metrics.pages_registry import PAGES, problems_page
from ogp_metrics.ui import app

st.set_page_config(page_title="OGP Paris", page_icon=":material/account_balance:", layout="wide")

view = app.setup()
if view.plan is None:
    # An invalid folder: every address shows what to fix instead of figures.
    pages = [st.Page(problems_page, title=view.t(page.title_key), icon=page.icon,
                     url_path=page.url_path, default=page.default) for page in PAGES]
else:
    pages = [st.Page(page.script, title=view.t(page.title_key), icon=page.icon,
                     url_path=page.url_path, default=page.default) for page in PAGES]
st.navigation(pages, position="top" if view.public else "sidebar").run()
