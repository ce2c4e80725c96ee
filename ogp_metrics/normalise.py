"""SQL that turns a cell as staff typed it into a typed value (NULL when it cannot).

Every expression here is built from the data contract's own constants, never from
file content: cell values only ever reach DuckDB as data.
"""

from __future__ import annotations

from . import schema
from .schema import Column, Kind

# DuckDB macros shared by every expression below.
MACROS = r"""
CREATE OR REPLACE MACRO ogp_blank(v) AS nullif(trim(v, ' ' || chr(9) || chr(160) || chr(8239)), '');
CREATE OR REPLACE MACRO ogp_key(v) AS
    regexp_replace(lower(strip_accents(ogp_blank(v))), '[\s\-]+', '_', 'g');
CREATE OR REPLACE MACRO ogp_digits(v) AS
    regexp_replace(ogp_blank(v), '[ ' || chr(160) || chr(8239) || chr(39) || ']', '', 'g');
CREATE OR REPLACE MACRO ogp_date(v) AS
    CAST(try_strptime(ogp_blank(v), ['%Y-%m-%d', '%d/%m/%Y', '%Y-%m-%d %H:%M:%S',
                                     '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d-%m-%Y',
                                     '%d.%m.%Y']) AS DATE);
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
CREATE OR REPLACE MACRO ogp_sector(v) AS
    CASE WHEN ogp_key(v) IN ('centre', 'paris_centre', 'center') THEN 'centre'
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


def choice_keys(column: Column) -> dict[str, str]:
    """Every accepted spelling of the column's values (as `ogp_key` makes it) -> code."""
    from .text import choice_aliases

    keys = {code: code for code in column.choices}
    for alias, code in schema.CHOICE_ALIASES.get(column.name, {}).items():
        keys.setdefault(alias, code)
    for alias, code in choice_aliases(column.choice_domain).items():
        keys.setdefault(alias, code)
    return keys


def _choice_case(column: Column, key_sql: str) -> str:
    branches = " ".join(
        f"WHEN {literal(alias)} THEN {literal(code)}" for alias, code in choice_keys(column).items()
    )
    return f"(CASE {key_sql} {branches} END)"


def typed(column: Column, raw: str) -> str:
    """SQL for the column's typed value, given SQL for its raw text; NULL when blank or invalid."""
    kind = column.kind
    if kind in (Kind.TEXT, Kind.IDENTIFIER):
        return f"ogp_blank({raw})"
    if kind is Kind.DATE:
        return f"ogp_date({raw})"
    if kind is Kind.WHOLE:
        return f"ogp_whole({raw})"
    if kind is Kind.DECIMAL:
        return f"ogp_decimal({raw})"
    if kind is Kind.PERCENT:
        return f"ogp_percent({raw})"
    if kind is Kind.BOOLEAN:
        return f"ogp_boolean({raw})"
    if kind is Kind.URL:
        return f"ogp_url({raw})"
    if kind is Kind.SECTOR:
        return f"ogp_sector({raw})"
    if kind is Kind.CHOICE:
        return _choice_case(column, f"ogp_key({raw})")
    if kind is Kind.CHOICE_LIST:
        element = _choice_case(column, "ogp_key(x)")
        return (
            f"CASE WHEN ogp_blank({raw}) IS NOT NULL THEN list_transform("
            f"list_filter(string_split({raw}, '|'), lambda x: ogp_blank(x) IS NOT NULL), "
            f"lambda x: {element}) END"
        )
    raise ValueError(kind)


def invalid(column: Column, raw: str, value: str) -> str:
    """SQL that is true when a non-blank cell could not be read as the column's type."""
    if column.kind in (Kind.TEXT, Kind.IDENTIFIER):
        return "false"
    if column.kind is Kind.CHOICE_LIST:
        return f"(ogp_blank({raw}) IS NOT NULL AND len(list_filter({value}, lambda x: x IS NULL)) > 0)"
    return f"(ogp_blank({raw}) IS NOT NULL AND {value} IS NULL)"
