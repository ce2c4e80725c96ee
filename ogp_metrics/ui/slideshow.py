"""The public slideshow: `?mode=public&slides=1&every=20` cycles through the public pages, and
through the sections of each long page, every 20 seconds, with a status line ("Page 2 of 5 ·
Meetings · part 1 of 3") and keys to pause (space), go forward (→) and back (←).

The page writes its settings into a hidden element on each run; `static/slideshow.js` (a text
that never changes, allowed by its hash under the deployment's Content-Security-Policy) reads
them. Nothing accumulates: one timer and one key listener per tab, the server reruns a page as
any visitor's click would.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.util import calc_hash

from ogp_metrics import text
from ogp_metrics.outputs.site_html import esc
from ogp_metrics.ui.pages import PAGES
from ogp_metrics.ui.url_state import from_url, to_url

if TYPE_CHECKING:
    from ogp_metrics.ui.view import View

SCRIPT = Path(__file__).resolve().parent / "static" / "slideshow.js"
DEFAULT_EVERY, MIN_EVERY, MAX_EVERY = 20, 3, 600
# The projected pages: the Data page (files, dictionary, exports) is not for a wall.
SLIDES = tuple(page for page in PAGES if page.url_path != "data")


@lru_cache(maxsize=1)
def script() -> str:
    return SCRIPT.read_text(encoding="utf-8")


def seconds(raw: str | None) -> int | None:
    """`?every=` as whole seconds within bounds; None when it is not a number."""
    try:
        value = int(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return max(MIN_EVERY, min(MAX_EVERY, value))


def apply_url() -> None:
    """Take `?slides=` and `?every=` into the session (before any page draws)."""
    from_url("slides", "ui_slides", lambda raw: raw in ("1", "true", "oui", "yes"))
    from_url("every", "ui_every", seconds)


def current_slide() -> int | None:
    """The position of the page being run among `SLIDES` (None: not a slide)."""
    context = get_script_run_ctx()
    running = context.page_script_hash if context else None
    for index, page in enumerate(SLIDES):
        if running == calc_hash(page.url_path):
            return index
    return None


def run(view: View) -> None:
    """In public mode with `?slides=1`: keep the settings in the address, write them for the
    script, and start it (once per tab)."""
    on = view.public and bool(st.session_state.get("ui_slides"))
    every = st.session_state.get("ui_every") or DEFAULT_EVERY
    to_url("slides", "1" if on else None)
    to_url("every", str(every) if on and every != DEFAULT_EVERY else None)
    index = current_slide()
    if not on or index is None:
        return
    settings = {
        "every": every, "current": index,
        "pages": [{"title": text.t(page.title_key, view.lang), "path": "" if page.default else page.url_path}
                  for page in SLIDES],
        "addresses": [page.url_path for page in PAGES if not page.default],
        "words": {"status": view.t("slides.status"), "paused": view.t("slides.paused"),
                  "keys": view.t("slides.keys")},
    }
    with st.sidebar:
        st.html(f'<div class="ogp-slides-config" hidden data-config="{esc(json.dumps(settings))}"></div>')
        st.html(f"<script>{script()}</script>", unsafe_allow_javascript=True)
