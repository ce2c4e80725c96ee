"""Where the data comes from: the sources and licences the files give, row by row."""

from __future__ import annotations

import pandas as pd

from ogp_metrics.contract.schema import TABLES
from ogp_metrics.figures.sql import Cursor, frame

# One branch per contract table (names from the contract, never from data).
SOURCES = " UNION ALL ".join(
    f"SELECT '{table.name}' AS table_name, source, licence, count(*) AS rows FROM {table.name} "
    "WHERE source IS NOT NULL OR licence IS NOT NULL GROUP BY source, licence"
    for table in TABLES) + " ORDER BY table_name, rows DESC, source, licence"


def sources(cursor: Cursor) -> pd.DataFrame:
    """Each (file, source, licence) the rows give, with how many rows give it."""
    return frame(cursor, SOURCES)
