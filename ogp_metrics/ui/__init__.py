"""The Streamlit layer: the only part of `ogp_metrics` that imports streamlit.

Everything here lays out what the headless modules compute; a test checks that no other
module loads streamlit.
"""
