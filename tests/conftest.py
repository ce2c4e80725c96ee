"""Shared pytest fixtures; the helpers themselves live in `helpers.py`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import copy_tiny


@pytest.fixture(autouse=True, scope="session")
def private_cache_folder(tmp_path_factory):
    """Every load of the tests goes through a cache folder of their own, never ~/.cache."""
    before = os.environ.get("OGP_CACHE_DIR")
    os.environ["OGP_CACHE_DIR"] = str(tmp_path_factory.mktemp("ogp-cache"))
    yield
    if before is None:
        os.environ.pop("OGP_CACHE_DIR", None)
    else:
        os.environ["OGP_CACHE_DIR"] = before


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
