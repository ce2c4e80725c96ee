"""Tables as files that are safe to open in a spreadsheet."""

from __future__ import annotations

import pandas as pd

# A cell starting with one of these is run as a formula by Excel, LibreOffice or Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula, prefixed with `'`; anything else as is."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot run as formulas; numbers, dates and booleans untouched."""
    result = frame.copy()
    for column in result.columns:
        if result[column].dtype == object or pd.api.types.is_string_dtype(result[column]):
            result[column] = result[column].map(neutralise_cell)
    return result


def csv_bytes(frame: pd.DataFrame, separator: str = ";") -> bytes:
    """CSV for French Excel: UTF-8 with BOM, `;` by default, formulas neutralised."""
    return neutralise(frame).to_csv(index=False, sep=separator).encode("utf-8-sig")
