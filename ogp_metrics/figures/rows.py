"""A query's frame as a list of rows (dicts), for the views that word each row.

`DataFrame.to_dict("records")` boxes every cell one by one: on a page that words its 200
commitments at every rerun, that took most of the wording's time. Here columns convert whole.
"""

from __future__ import annotations

import pandas as pd


def rows_of(frame: pd.DataFrame) -> list[dict]:
    """What `frame.to_dict("records")` gives (a missing value of a nullable column is None),
    converted column by column."""
    names = list(frame.columns)
    columns = [_values(frame[name]) for name in names]
    return [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]


def _values(column: pd.Series) -> list:
    values = column.tolist()
    if isinstance(column.dtype, pd.api.extensions.ExtensionDtype) and column.hasnans:
        return [None if value is pd.NA else value for value in values]
    return values
