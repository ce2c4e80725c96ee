"""Placeholder while the page is written."""

import streamlit as st

from ogp_metrics.ui import app

view = app.current_view()
st.title(view.t("nav.commitments"))
