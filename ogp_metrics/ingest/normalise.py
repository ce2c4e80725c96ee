"""SQL that turns a cell as staff typed it into a typed value (NULL when it cannot).

Every expression here is built from the data contract's own constants, never from
file content: cell values only ever reach DuckDB as data.
"""

from __future__ import annotations

from ogp_metrics.contract import schema
from ogp_metrics.contract.aliases import accepted_spellings
from ogp_metrics.contract.schema import Column, Kind

# DuckDB macros shared by every expression below.
MACROS = r"""
-- trim() with a set of characters is slow: only cells that start or end with one of them use it.
CREATE OR REPLACE MACRO ogp_blank(v) AS
    CASE WHEN v IS NULL OR v = '' THEN NULL
         WHEN v[1] IN (' ', chr(9), chr(160), chr(8239)) OR v[-1] IN (' ', chr(9), chr(160), chr(8239))
              THEN nullif(trim(v, ' ' || chr(9) || chr(160) || chr(8239)), '')
         ELSE v END;
-- Identifiers compare without what a copy and paste brings and nobody sees: format characters
-- anywhere (zero-width spaces and joiners, byte-order and direction marks, soft hyphens) and
-- Unicode spaces around; composed the same way (NFC). A plain ASCII cell takes the cheap path.
CREATE OR REPLACE MACRO ogp_identifier(v) AS
    CASE WHEN v IS NULL OR strlen(v) = length(v) THEN ogp_blank(v)
         ELSE nullif(regexp_replace(regexp_replace(nfc_normalize(v), '\p{Cf}', '', 'g'),
                                    '^[\p{Zs}\s]+|[\p{Zs}\s]+$', '', 'g'), '') END;
CREATE OR REPLACE MACRO ogp_key(v) AS
    regexp_replace(lower(strip_accents(ogp_blank(v))), '[\s\-]+', '_', 'g');
CREATE OR REPLACE MACRO ogp_digits(v) AS
    regexp_replace(ogp_blank(v), '[ ' || chr(160) || chr(8239) || chr(39) || ']', '', 'g');
-- A year of four digits: strptime's %Y would read 30/06/25 as the year 25.
CREATE OR REPLACE MACRO ogp_date(v) AS
    CASE WHEN regexp_full_match(ogp_blank(v),
                                '([12][0-9]{3}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}[/.-][0-9]{1,2}[/.-][12][0-9]{3})'
                                || '( [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?')
         THEN CAST(try_strptime(ogp_blank(v), ['%Y-%m-%d', '%d/%m/%Y', '%Y-%m-%d %H:%M:%S',
                                               '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d-%m-%Y',
                                               '%d.%m.%Y']) AS DATE) END;
CREATE OR REPLACE MACRO ogp_whole(v) AS
    CASE WHEN regexp_full_match(ogp_digits(v), '\+?[0-9]+') THEN try_cast(ogp_digits(v) AS BIGINT) END;
CREATE OR REPLACE MACRO ogp_decimal(v) AS
    CASE WHEN regexp_full_match(replace(ogp_digits(v), ',', '.'), '[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)')
         THEN try_cast(replace(ogp_digits(v), ',', '.') AS DOUBLE) END;
CREATE OR REPLACE MACRO ogp_percent(v) AS ogp_decimal(regexp_replace(ogp_blank(v), '\s*%$', ''));
CREATE OR REPLACE MACRO ogp_boolean(v) AS
    CASE WHEN ogp_key(v) IN ('true', 'yes', 'oui', 'vrai', '1', 'y', 'o', 'x') THEN true
         WHEN ogp_key(v) IN ('false', 'no', 'non', 'faux', '0', 'n') THEN false END;
CREATE OR REPLACE MACRO ogp_url(v) AS
    CASE WHEN regexp_full_match(ogp_blank(v), '(?i)https?://[^\s<>"]+') THEN ogp_blank(v) END;
CREATE OR REPLACE MACRO ogp_arrondissement_number(k) AS
    CASE WHEN regexp_full_match(k, '(paris_)?[0-9]{1,2}(er|e|eme|ieme|nd|re)?(_arr(ondissement|\.)?)?')
              THEN try_cast(regexp_extract(k, '[0-9]{1,2}') AS INTEGER)
         WHEN regexp_full_match(k, '750[0-2][0-9]') THEN try_cast(k[4:5] AS INTEGER)
         WHEN k = '75116' THEN 16 END;
-- 75123: the City's own code for Paris Centre (arrondissements 1-4 since 2020) in its exports.
CREATE OR REPLACE MACRO ogp_sector(v) AS
    CASE WHEN ogp_key(v) IN ('centre', 'paris_centre', 'center', '75123') THEN 'centre'
         WHEN ogp_arrondissement_number(ogp_key(v)) BETWEEN 1 AND 4 THEN 'centre'
         WHEN ogp_arrondissement_number(ogp_key(v)) BETWEEN 5 AND 20
              THEN CAST(ogp_arrondissement_number(ogp_key(v)) AS VARCHAR) END;
"""

SQL_TYPES = {
    Kind.TEXT: "VARCHAR",
    Kind.IDENTIFIER: "VARCHAR",
    Kind.DATE: "DATE",
    Kind.WHOLE: "BIGINT",
    Kind.DECIMAL: "DOUBLE",
    Kind.PERCENT: "DOUBLE",
    Kind.BOOLEAN: "BOOLEAN",
    Kind.CHOICE: "VARCHAR",
    Kind.CHOICE_LIST: "VARCHAR[]",
    Kind.URL: "VARCHAR",
    Kind.SECTOR: "VARCHAR",
}


def literal(text: str) -> str:
    """A SQL string literal for one of the contract's own constants."""
    return "'" + text.replace("'", "''") + "'"


def _choice_case(column: Column, key_sql: str) -> str:
    branches = " ".join(
        f"WHEN {literal(alias)} THEN {literal(code)}" for alias, code in accepted_spellings(column).items()
    )
    return f"(CASE {key_sql} {branches} END)"


# Fast paths: a cell already in the canonical form (most cells of a big file) is read by a
# plain cast, without the regular expressions of the general macros. Each guard admits only
# cells for which the cast gives exactly what the general macro gives; anything else
# (blank, spaces, other spellings, invalid values) still goes through the macro.
def _fast_date(raw: str) -> str:
    iso = f"regexp_full_match({raw}, '[12][0-9]{{3}}-[0-9]{{2}}-[0-9]{{2}}')"
    french = f"regexp_full_match({raw}, '[0-9]{{2}}/[0-9]{{2}}/[12][0-9]{{3}}')"
    return (f"CASE WHEN {raw} IS NULL THEN NULL WHEN {iso} THEN try_cast({raw} AS DATE) "
            f"WHEN {french} THEN CAST(try_strptime({raw}, '%d/%m/%Y') AS DATE) "
            f"ELSE ogp_date({raw}) END")


def _partial_date(raw: str, day: str) -> str:
    """A date, or a month (`2025-04`, `04/2025`) or a year alone read as its first or last day."""
    month = "(0?[1-9]|1[0-2])"
    year_month = (f"CASE WHEN regexp_full_match(ogp_blank({raw}), '[12][0-9]{{3}}-{month}') "
                  f"THEN make_date(CAST(ogp_blank({raw})[1:4] AS INTEGER), "
                  f"CAST(split_part(ogp_blank({raw}), '-', 2) AS INTEGER), 1) "
                  f"WHEN regexp_full_match(ogp_blank({raw}), '{month}/[12][0-9]{{3}}') "
                  f"THEN make_date(CAST(split_part(ogp_blank({raw}), '/', 2) AS INTEGER), "
                  f"CAST(split_part(ogp_blank({raw}), '/', 1) AS INTEGER), 1) END")
    year = f"CASE WHEN regexp_full_match(ogp_blank({raw}), '[12][0-9]{{3}}') THEN ogp_blank({raw}) END"
    if day == "last":
        month_value = f"last_day({year_month})"
        year_value = f"make_date(CAST({year} AS INTEGER), 12, 31)"
    else:
        month_value = year_month
        year_value = f"make_date(CAST({year} AS INTEGER), 1, 1)"
    return f"coalesce({month_value}, {year_value}, {_fast_date(raw)})"


def _fast_whole(raw: str) -> str:
    return (f"CASE WHEN {raw} IS NULL THEN NULL "
            f"WHEN regexp_full_match({raw}, '[0-9]{{1,18}}') "
            f"THEN CAST({raw} AS BIGINT) ELSE ogp_whole({raw}) END")


def _fast_exact(raw: str, exact: dict[str, str], general: str) -> str:
    """`exact[raw]` when the cell is one of `exact`'s keys as written, else `general`."""
    branches = " ".join(f"WHEN {literal(key)} THEN {value}" for key, value in exact.items())
    return f"CASE WHEN {raw} IS NULL THEN NULL ELSE (CASE {raw} {branches} ELSE {general} END) END"


# Cells written exactly so are read without the general macros: the arrondissement as a
# number, a postcode, `1er`/`2e`, or the sector's name. Each is the general macro's own answer
# (a test checks every one against it).
_SECTOR_SPELLINGS = {
    **{str(n): n for n in range(1, 21)},
    **{f"750{n:02d}": n for n in range(1, 21)}, "75116": 16,
    "1er": 1, **{f"{n}e": n for n in range(1, 21)},
}
_BOOLEAN_SPELLINGS = {"true": True, "false": False, "oui": True, "non": False, "vrai": True,
                      "faux": False, "yes": True, "no": False, "1": True, "0": False}


def exact_values(column: Column) -> dict[str, str] | None:
    """The cells a column reads without its general macro: each as written -> SQL of its value.

    None for the kinds that have no short list of spellings (text, dates, numbers, lists).
    """
    if column.kind is Kind.SECTOR:
        exact = {key: literal(schema.CENTRE if number <= 4 else str(number))
                 for key, number in _SECTOR_SPELLINGS.items()}
        for spelling in ("centre", "Centre", "Paris Centre", "paris centre"):
            exact[spelling] = literal(schema.CENTRE)
        return exact
    if column.kind is Kind.CHOICE:
        return {code: literal(code) for code in column.choices}
    if column.kind is Kind.BOOLEAN:
        return {key: "true" if value else "false" for key, value in _BOOLEAN_SPELLINGS.items()}
    return None


def general_value(column: Column, raw: str) -> str:
    """SQL of a coded column's value by its general macro (any accepted spelling)."""
    if column.kind is Kind.BOOLEAN:
        return f"ogp_boolean({raw})"
    if column.kind is Kind.SECTOR:
        return f"ogp_sector({raw})"
    if column.kind is Kind.CHOICE:
        return _choice_case(column, f"ogp_key({raw})")
    raise ValueError(column.kind)


def typed(column: Column, raw: str) -> str:
    """SQL for the column's typed value, given SQL for its raw text; NULL when blank or invalid."""
    kind = column.kind
    if kind is Kind.IDENTIFIER:
        return f"ogp_identifier({raw})"
    if kind is Kind.TEXT:
        return f"ogp_blank({raw})"
    if kind is Kind.DATE:
        return _partial_date(raw, column.partial_dates) if column.partial_dates else _fast_date(raw)
    if kind is Kind.WHOLE:
        return _fast_whole(raw)
    if kind is Kind.DECIMAL:
        return f"ogp_decimal({raw})"
    if kind is Kind.PERCENT:
        return f"ogp_percent({raw})"
    if kind in (Kind.BOOLEAN, Kind.SECTOR, Kind.CHOICE):
        return _fast_exact(raw, exact_values(column), general_value(column, raw))
    if kind is Kind.URL:
        return f"ogp_url({raw})"
    if kind is Kind.CHOICE_LIST:
        element = _choice_case(column, "ogp_key(x)")
        return (
            f"CASE WHEN ogp_blank({raw}) IS NOT NULL THEN list_transform("
            f"list_filter(string_split({raw}, '|'), lambda x: ogp_blank(x) IS NOT NULL), "
            f"lambda x: {element}) END"
        )
    raise ValueError(kind)


def not_reviewed(raw: str) -> str:
    """`raw`, blank when it is OGP's `NA`, `ND` or `NR` (not applicable, no data, not reviewed)."""
    return f"(CASE WHEN ogp_key({raw}) IN ('na', 'nd', 'nr') THEN NULL ELSE {raw} END)"


def invalid(column: Column, raw: str, value: str) -> str:
    """SQL that is true when a non-blank cell could not be read as the column's type."""
    if column.kind is Kind.TEXT:
        return "false"
    if column.kind is Kind.CHOICE_LIST:
        return f"(ogp_blank({raw}) IS NOT NULL AND len(list_filter({value}, lambda x: x IS NULL)) > 0)"
    # The typed value first: it is NULL on few rows, which spares the others the text test
    # (a CASE, as DuckDB computes both sides of an AND outside a WHERE).
    return f"(CASE WHEN {value} IS NULL THEN ogp_blank({raw}) IS NOT NULL ELSE false END)"
