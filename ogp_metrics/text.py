"""Words, numbers and dates as a French (or English) reader expects them."""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from numbers import Integral

from babel.dates import format_date as babel_format_date
from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

from ogp_metrics.locales import all_labels

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
_LOCALES = {"fr": "fr_FR", "en": "en_GB"}
_MISSING = "—"


@lru_cache(maxsize=1)
def labels() -> dict[str, tuple[str, str]]:
    return all_labels()


def language(lang: str | None) -> str:
    """A supported language code; French when unknown."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text for `key` in `lang`, with `{placeholders}` filled in."""
    pair = labels().get(key)
    if pair is None:
        return key
    text = pair[LANGUAGES.index(language(lang))]
    if values:
        text = text.format_map(_Defaulting(values))
    return text


def tn(key: str, count: object, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """`t(key)` in the plural, or `t(key + ".one")` when `count` takes the singular: below 2 in
    French (`0 engagement`, `1 engagement`), exactly 1 in English. `{count}` is filled in."""
    number = float(count) if count is not None else 0.0
    singular = abs(number) < 2 if language(lang) == "fr" else number == 1
    chosen = f"{key}.one" if singular and f"{key}.one" in labels() else key
    return t(chosen, lang, count=format_number(count, lang), **values)


class _Defaulting(dict):
    def __missing__(self, key: str) -> str:
        return ""


def value_label(domain: str, code: object, lang: str = DEFAULT_LANGUAGE) -> str:
    """The label of a coded value (`meeting_type`, `steering_committee`) -> `Comité de pilotage`."""
    if code is None or (isinstance(code, float) and math.isnan(code)):
        return t(f"{domain}.unknown", lang) if f"{domain}.unknown" in labels() else _MISSING
    code = str(code).lower() if isinstance(code, bool) else str(code)
    key = f"{domain}.{code}"
    if key in labels():
        return t(key, lang)
    if domain == "sector":
        return t("sector.arrondissement", lang, number=code)
    return code


def localised(row, lang: str, prefix: str = "title") -> str:
    """A record's `<prefix>_en` in English when it has one, else its `<prefix>_fr`."""
    english = row.get(f"{prefix}_en")
    if language(lang) == "en" and isinstance(english, str) and english.strip():
        return english
    french = row.get(f"{prefix}_fr")
    return french if isinstance(french, str) else ""


def format_number(value: object, lang: str = DEFAULT_LANGUAGE, decimals: int = 0,
                  fixed: bool = False) -> str:
    """12345.5 -> `12 345,5` in French, `12,345.5` in English; unknown -> `—`. Decimals that
    are zero are left out (`12 345`), unless `fixed`."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return _MISSING
    if isinstance(value, Integral) and not (fixed and decimals):  # counts: nothing to round
        group, _, minus = _number_symbols(language(lang))
        written = f"{abs(int(value)):,}".replace(",", group)
        return minus + written if value < 0 else written
    # Half up, as people round by hand (babel would round half to even); the locale's symbols
    # are babel's, the grouping Python's: a site or an export writes tens of thousands of these.
    rounded = _round_half_up(float(value), decimals)
    group, point, minus = _number_symbols(language(lang))
    whole, _, fraction = f"{abs(rounded):,f}".partition(".")
    if not fixed:
        fraction = fraction.rstrip("0")
    written = whole.replace(",", group) + (point + fraction if fraction else "")
    return minus + written if rounded < 0 else written


@lru_cache(maxsize=len(LANGUAGES))
def _number_symbols(lang: str) -> tuple[str, str, str]:
    locale = _LOCALES[lang]
    return get_group_symbol(locale), get_decimal_symbol(locale), get_minus_sign_symbol(locale)


def _round_half_up(value: float, decimals: int = 1) -> Decimal:
    """Round as a person does by hand (42.25 -> 42.3); Python's `round` goes to even (42.2)."""
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def format_percent(value: object, lang: str = DEFAULT_LANGUAGE, decimals: int = 0,
                   fixed: bool = False) -> str:
    """`7,5 %`, `79 %`; with `fixed`, every decimal asked for is written (`6,0 %`), so that
    rates compared side by side (turnout per sector) read alike."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return _MISSING
    number = format_number(value, lang, decimals, fixed)
    return f"{number}\u202f%" if language(lang) == "fr" else f"{number}%"


def format_date(value: date | datetime | None, lang: str = DEFAULT_LANGUAGE,
                style: str = "medium") -> str:
    """`31 déc. 2026` in French, `31 Dec 2026` in English; `long` gives the month in full,
    `numeric` `31/12/2026`; the first of a month is `1er avr.` in French."""
    if value is None:
        return _MISSING
    if isinstance(value, datetime):
        value = value.date()
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime().date()
    return _format_day(value, language(lang), style)


@lru_cache(maxsize=4096)  # a table of thousands of milestones has a few hundred distinct days
def _format_day(value: date, lang: str, style: str) -> str:
    patterns = {"medium": "d MMM y", "long": "d MMMM y", "month": "MMM y", "numeric": "dd/MM/y"}
    pattern = patterns[style]
    if lang == "fr" and value.day == 1 and pattern.startswith("d "):
        pattern = "d'er' " + pattern[2:]  # French writes the first of the month `1er avr.`
    return babel_format_date(value, pattern, locale=_LOCALES[lang])
