"""What public mode hides: staff notes, and counts small enough to identify a person."""

from __future__ import annotations

import pandas as pd

# Cells under this many people are shown as "< 5" in public mode.
SMALL_CELL = 5
STAFF_COLUMNS = ("note", "reported_by")


def small_cell_label(lang: str = "fr") -> str:
    return f"< {SMALL_CELL}"


def suppress_small(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Counts under `SMALL_CELL` replaced by NA, with `<column>_suppressed` saying which were."""
    result = frame.copy()
    small = result[column].notna() & (result[column] < SMALL_CELL)
    result[f"{column}_suppressed"] = small
    result[column] = result[column].astype("Float64").mask(small)
    return result


def without_staff_columns(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=[c for c in STAFF_COLUMNS if c in frame.columns])
