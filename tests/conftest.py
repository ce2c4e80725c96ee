"""Shared pytest fixtures; the helpers themselves live in `helpers.py`."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import copy_tiny


@pytest.fixture
def fresh_streamlit_caches():
    """Streamlit's caches outlive a test in one process: each app test starts and ends empty."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A private copy of `tests/fixtures/tiny/`, safe to damage."""
    return copy_tiny(tmp_path)
