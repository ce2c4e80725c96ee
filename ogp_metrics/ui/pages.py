"""The dashboard's pages: where each lives, its address and its title key."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import streamlit as st


@dataclass(frozen=True)
class PageSpec:
    script: str
    url_path: str
    title_key: str
    icon: str
    default: bool = False


PAGES: tuple[PageSpec, ...] = (
    PageSpec("app_pages/overview.py", "overview", "nav.overview", ":material/dashboard:", default=True),
    PageSpec("app_pages/commitments.py", "commitments", "nav.commitments", ":material/flag:"),
    PageSpec("app_pages/milestones.py", "milestones", "nav.milestones", ":material/timeline:"),
    PageSpec("app_pages/meetings.py", "meetings", "nav.meetings", ":material/groups:"),
    PageSpec("app_pages/participation.py", "participation", "nav.participation",
             ":material/how_to_vote:"),
    PageSpec("app_pages/votes_projects.py", "votes", "nav.votes_projects", ":material/ballot:"),
    PageSpec("app_pages/data.py", "data", "nav.data", ":material/database:"),
)

# Registered in the navigation only for signed-in staff (see `ui.auth`): for anyone else
# their addresses answer "page not found".
STAFF_PAGES: tuple[PageSpec, ...] = (
    PageSpec("app_pages/update.py", "update", "nav.update", ":material/upload_file:"),
    PageSpec("app_pages/history.py", "history", "nav.history", ":material/history:"),
)


def problems_page() -> None:
    """Shown at every address while the data folder is invalid."""
    from ogp_metrics.ui.problems import show_problems

    show_problems()


@st.cache_resource(show_spinner=False)
def log_read_only_hint() -> None:
    """Once per server: how to let staff update the data, for whoever runs it (the sidebar only
    says "read only" to visitors)."""
    from ogp_metrics.ui import auth

    if not auth.is_configured():
        logging.getLogger("ogp_metrics").warning(
            "Sign-in is not configured: the dashboard is read-only. To let staff update the data, "
            "configure [auth] in .streamlit/secrets.toml (README, section \"Staff updates\").")
