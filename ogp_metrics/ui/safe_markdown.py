"""Text from a CSV shown through `st.markdown` without becoming markup (no streamlit needed:
`auth`, `widgets` and the pages all use it)."""

from __future__ import annotations

import re

import pandas as pd

_AUTOLINK = re.compile(r"(?i)(https?|ftp|mailto|www)")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plain(value: object) -> str:
    """Text from a CSV made safe for `st.markdown`: no markup, links, images or HTML."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", str(value)).replace("\n", "  \n")
    # Escaping does not stop bare addresses from becoming links (GFM autolinks): an invisible
    # word joiner inside the scheme or `www.` does.
    return _AUTOLINK.sub("\\1\u2060", escaped)
