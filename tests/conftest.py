"""Shared pytest fixtures; the helpers themselves live in `helpers.py`."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import copy_tiny


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A private copy of `tests/fixtures/tiny/`, safe to damage."""
    return copy_tiny(tmp_path)
