"""Values said as a reader expects: shares, spans of dates, counts that may be unknown."""

from __future__ import annotations

import pandas as pd

from ogp_metrics import text
from ogp_metrics.figures import as_date

# How the progress bars print their value (printf style, as Streamlit's ProgressColumn wants).
PROGRESS_FORMAT = {"fr": "%.0f %%", "en": "%.0f%%"}


def progress_format(lang: str) -> str:
    return PROGRESS_FORMAT[text.language(lang)]


def missing(value: object) -> bool:
    """Whether a cell is blank (None, NaN, NaT); a list of values never is."""
    if value is None or isinstance(value, str):
        return value is None
    if hasattr(value, "__len__"):  # a list of values (DuckDB gives numpy arrays)
        return False
    return bool(pd.isna(value))


def items(values: object) -> list:
    """A list cell (`ogp_values`) as a Python list; [] when blank."""
    return [] if missing(values) else list(values)


def date_text(value: object, lang: str, style: str = "medium") -> str:
    """A date from a query (date, Timestamp, NaT, None) as the language writes it."""
    return text.format_date(as_date(value), lang, style)


def month_label(value: object, lang: str) -> str:
    return date_text(value, lang, "month")


def share_text(share: float | None, lang: str) -> str:
    """`12 %`; `< 1 %` for a share that is not zero but would round to it; `—` when unknown."""
    if share is None or pd.isna(share):
        return text.format_percent(None, lang)
    if 0 < share < 0.5:
        return "< " + text.format_percent(1, lang)
    return text.format_percent(share, lang)


def percent(part: float, whole: float, lang: str) -> str:
    """`part` as a share of `whole`, as `share_text` writes it."""
    return share_text(100 * part / whole if whole else None, lang)


def date_span(first: object, last: object, lang: str) -> str:
    first, last = as_date(first), as_date(last)
    if first is None:
        return text.format_date(None, lang)
    if first == last:
        return text.format_date(first, lang)
    return text.t("headline.span", lang, start=text.format_date(first, lang),
                  end=text.format_date(last, lang))


def count_or_unknown(known: int | None, lang: str) -> str:
    """A known total as a number; `inconnu` when no meeting has one (never `0`)."""
    return text.t("meetings.unknown_value", lang) if known is None else text.format_number(known, lang)


def known_and_unknown(known: int | None, unknown: int, lang: str) -> str:
    """`1 234 connus + 5 réunions au nombre inconnu`: unknown is said, not counted as zero."""
    if unknown == 0:
        return "" if known is None else text.t("meetings.all_known", lang)
    plural = "one" if unknown == 1 else "many"
    if known is None:
        return text.t(f"meetings.none_known.{plural}", lang, count=text.format_number(unknown, lang))
    meetings = text.t(f"meetings.unknown_meetings.{plural}", lang, count=text.format_number(unknown, lang))
    return text.t("meetings.known_plus_unknown", lang, known=text.format_number(known, lang),
                  unknown=meetings)


def numbers_as_text(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table with its numeric columns written as the language writes numbers (`1 234`),
    for print (the briefing, the site), where a table is read, not sorted."""
    result = frame.copy()
    for column in result.columns:
        if pd.api.types.is_numeric_dtype(result[column]) and not pd.api.types.is_bool_dtype(result[column]):
            result[column] = [text.format_number(value, lang) for value in result[column]]
    return result
