"""An export written to be read: the interface's language for column titles and coded values,
numbers rounded as the pages show them, dates as `31/12/2026`.

The same table with codes and ISO dates (`readable=False` in `datasets.frame_bytes`) is the one
to give a machine: a contract table's CSV then loads back as it was.
"""

from __future__ import annotations

import math
from datetime import date, datetime

import pandas as pd

from ogp_metrics import text
from ogp_metrics.contract import schema
from ogp_metrics.outputs.datasets import CODED_COLUMNS, Dataset, source_column

# Coded values of the computed columns that `datasets.CODED_COLUMNS` does not list.
_DOMAINS = {"risk": "risk", "target_state": "target_state", "is_public": "is_public"}
# Percentages keep one decimal, as the pages write them; other decimals two at most.
PERCENT_DECIMALS, DECIMALS = 1, 2


def title(column: str, lang: str) -> str:
    """A column's title in the language; the column's name when it has none."""
    key = f"export.title.{column}"
    return text.t(key, lang) if key in text.labels() else column


def _domain(dataset: Dataset, column: str) -> str | None:
    if column in _DOMAINS:
        return _DOMAINS[column]
    source = source_column(dataset, column)
    if dataset.contract_table and source is not None:
        if source.kind is schema.Kind.SECTOR:
            return "sector"
        return source.choice_domain if source.choices else None
    if column in CODED_COLUMNS:
        return CODED_COLUMNS[column][0]
    return source.choice_domain if source is not None and source.choices else None


def _missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _date(value: object, lang: str) -> object:
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        value = value.date()
    return text.format_date(value, lang, "numeric") if isinstance(value, date) else value


def _label(domain: str, value: object, lang: str) -> object:
    if _missing(value):
        return None
    if isinstance(value, bool):
        value = str(value).lower()
    return text.value_label(domain, value, lang)


def _cell(value: object, domain: str | None, column: str, lang: str, dates_as_text: bool) -> object:
    if domain is not None:
        if hasattr(value, "__len__") and not isinstance(value, str):  # a list of codes (OGP values)
            return ", ".join(str(_label(domain, item, lang)) for item in value)
        return _label(domain, value, lang)
    if _missing(value):
        return None
    if isinstance(value, bool):
        return text.t("data.yes" if value else "data.no", lang)
    if isinstance(value, date | datetime | pd.Timestamp):
        return _date(value, lang) if dates_as_text else value
    if isinstance(value, float):
        rounded = round(value, PERCENT_DECIMALS if column.endswith("_pct") else DECIMALS)
        return int(rounded) if rounded.is_integer() else rounded
    return value


def readable(frame: pd.DataFrame, dataset: Dataset, lang: str, dates_as_text: bool = True) -> pd.DataFrame:
    """The table with titled columns, labelled values, rounded numbers and `31/12/2026` dates
    (`dates_as_text=False` keeps real dates, for a workbook that formats them itself)."""
    columns = {}
    for column in frame.columns:
        domain = _domain(dataset, column)
        columns[title(column, lang)] = [_cell(value, domain, column, lang, dates_as_text)
                                        for value in frame[column]]
    result = pd.DataFrame(columns, index=frame.index)
    # Whole numbers stay whole (`1200`, not `1200,0`) where a column holds only those.
    for name in result.columns:
        values = [value for value in result[name] if not _missing(value)]
        if values and all(isinstance(value, int) and not isinstance(value, bool) for value in values):
            result[name] = pd.array([None if _missing(v) else v for v in result[name]], dtype="Int64")
    return result
