"""Mapping profiles: how to read one kind of export into the contract's tables.

A profile is a small TOML file. It says how the export writes dates and numbers, which
values mean "empty", and, for each table it fills (one export may fill several), which
export column gives each contract column (or a constant), value maps, rows to skip and
columns to keep as extra fields:

    description = "Votation : résultats par secteur"
    date_order = "mdy"              # dmy (default) | mdy | ymd
    date_precision = "first"        # a year or a month alone: its first (or last) day
    thousands = ","                 # "," "." "'" (spaces are always accepted)
    decimal = "."                   # "," or "."
    empty = ["NA", "ND", "NR"]      # read as an empty cell, in every column
    header_row = 1                  # the row of column names, as a spreadsheet numbers it

    [[tables]]
    table = "participation"
    keep = ["Scrutin"]                                   # kept as extra columns
    skip = [{ column = "Secteurs administratifs", values = ["Total"] }]
    [tables.columns]
    date = "Date"
    participants = "VOTANTS"
    activity = { constant = "citizens_vote" }
    [tables.values.arrondissement]
    "75123" = "centre"

Profiles shipped with the project live in `ogp_metrics/profiles/`; a data folder keeps its own
in `<data folder>/profiles/` (the loader reads only the contract's file names, never these).
Applying a profile to a file is `ingest.conversion`.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from ogp_metrics.contract.aliases import header_key
from ogp_metrics.contract.schema import IMPORT_MODES, TABLES_BY_NAME, Table
from ogp_metrics.ingest.profile_model import (
    DATE_ORDERS,
    DECIMALS,
    EXISTING,
    PARAMETERS,
    PRECISIONS,
    PROFILE_DATE_ORDERS,
    SEPARATOR_NAMES,
    THOUSANDS,
    Melt,
    Parameter,
    Profile,
    ProfileError,
    Rows,
    Skip,
    Source,
    TableMapping,
)
from ogp_metrics.ingest.profile_writing import profile_toml

__all__ = [
    "DATE_ORDERS", "DECIMALS", "EXISTING", "FOLDER", "NAME", "PARAMETERS", "PRECISIONS",
    "PROFILE_DATE_ORDERS", "SHIPPED", "THOUSANDS", "Melt", "Parameter", "Profile", "ProfileError", "Rows",
    "Skip", "Source", "TableMapping", "available_profiles", "find_profile", "parse_profile",
    "profile_toml", "read_profile", "reading_options", "suggested",
]

SHIPPED = Path(__file__).resolve().parents[1] / "profiles"
FOLDER = "profiles"  # a data folder's own profiles
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,62}")
MAX_PROFILE_BYTES = 256 * 1024

_TOP_KEYS = {"description", "date_order", "date_precision", "thousands", "decimal", "empty",
             "header_row", "tables", "parameters", "date_order_by_separator"}
_TABLE_KEYS = {"table", "columns", "values", "keep", "skip", "only", "distinct", "melt", "mode",
               "existing"}
_COLUMN_KEYS = {"column", "constant", "template", "parameter", "date_order", "date_precision"}
_SOURCE_KINDS = ("column", "constant", "template", "parameter")
_SKIP_KEYS = {"column", "values", "blank", "known"}
_ONLY_KEYS = {"column", "values", "parameter"}
_MELT_KEYS = {"after", "name", "value"}
_PARAMETER_KEYS = {"default", "required"}


def reading_options(date_order: str | None = None, thousands: str | None = None,
                    decimal: str | None = None) -> Profile | None:
    """A profile without mapping, for command-line options (`--date-order mdy`); None if default."""
    profile = Profile("options", date_order=date_order or "dmy", thousands=thousands or None,
                      decimal=decimal or None, origin="options")
    return profile if profile.reads_values() else None


# ---------------------------------------------------------------- reading

def parse_profile(source: str, name: str, origin: str = "file", path: Path | None = None) -> Profile:
    """A profile from its TOML text; raises `ProfileError` naming what is wrong."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise ProfileError("toml", reason=str(error)) from None
    _only(data, _TOP_KEYS, "")
    tables = data.get("tables", [])
    if not isinstance(tables, list):
        raise ProfileError("type", setting="tables", expected="[[tables]]")
    parameters = data.get("parameters", {})
    if not isinstance(parameters, dict):
        raise ProfileError("type", setting="parameters", expected="{ commitment = { default = \"…\" } }")
    return Profile(
        name=name,
        description=_text(data, "description", "", ""),
        date_order=_choice(data, "date_order", PROFILE_DATE_ORDERS, "dmy", ""),
        date_precision=_choice(data, "date_precision", PRECISIONS, None, ""),
        thousands=_choice(data, "thousands", THOUSANDS, None, ""),
        decimal=_choice(data, "decimal", DECIMALS, None, ""),
        empty=tuple(_texts(data, "empty", "")),
        header_row=_row(data),
        tables=tuple(_table(entry, index) for index, entry in enumerate(tables, start=1)),
        origin=origin, path=path,
        parameters={key: _parameter(key, spec) for key, spec in parameters.items()},
        date_order_by_separator=_by_separator(data.get("date_order_by_separator", {})))


def read_profile(path: Path, origin: str = "file") -> Profile:
    try:
        if path.stat().st_size > MAX_PROFILE_BYTES:
            raise ProfileError("too_large", limit=str(MAX_PROFILE_BYTES // 1024))
        source = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError("unreadable", reason=getattr(error, "strerror", None) or str(error)) from None
    return parse_profile(source, path.stem, origin, path)


def _only(data: dict, allowed: set[str], where: str) -> None:
    for key in data:
        if key not in allowed:
            raise ProfileError("unknown_key", setting=f"{where}{key}", allowed=", ".join(sorted(allowed)))


def _text(data: dict, key: str, default, where: str):
    value = data.get(key, default)
    if value is not default and not isinstance(value, str):
        raise ProfileError("type", setting=f"{where}{key}", expected="\"…\"")
    return value


def _texts(data: dict, key: str, where: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ProfileError("type", setting=f"{where}{key}", expected="[\"…\", …]")
    return value


def _choice(data: dict, key: str, choices: tuple[str, ...], default, where: str):
    value = data.get(key, default)
    if value is not default and value not in choices:
        raise ProfileError("choice", setting=f"{where}{key}", value=str(value),
                           choices=", ".join(f'"{choice}"' for choice in choices))
    return value


def _row(data: dict) -> int:
    value = data.get("header_row", 1)
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 1000:
        raise ProfileError("type", setting="header_row", expected="1 … 1000")
    return value


def _table(entry: object, index: int) -> TableMapping:
    where = f"tables[{index}]."
    if not isinstance(entry, dict):
        raise ProfileError("type", setting=f"tables[{index}]", expected="[[tables]]")
    _only(entry, _TABLE_KEYS, where)
    name = entry.get("table")
    if not isinstance(name, str) or name not in TABLES_BY_NAME:
        raise ProfileError("unknown_table", setting=f"{where}table", value=str(name),
                           tables=", ".join(TABLES_BY_NAME))
    table = TABLES_BY_NAME[name]
    columns = entry.get("columns", {})
    values = entry.get("values", {})
    if not isinstance(columns, dict) or not isinstance(values, dict):
        raise ProfileError("type", setting=f"{where}columns", expected="{ … }")
    sources = {_contract_column(table, key, f"{where}columns."): _source(spec, f"{where}columns.{key}")
               for key, spec in columns.items()}
    maps = {}
    for key, mapping in values.items():
        column = _contract_column(table, key, f"{where}values.")
        if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
            raise ProfileError("type", setting=f"{where}values.{key}", expected="{ \"…\" = \"…\" }")
        maps[column] = dict(mapping)
    skips, only = entry.get("skip", []), entry.get("only", [])
    if not isinstance(skips, list) or not isinstance(only, list):
        raise ProfileError("type", setting=f"{where}skip", expected="[{ column = \"…\", values = [\"…\"] }]")
    distinct = entry.get("distinct", False)
    if not isinstance(distinct, bool):
        raise ProfileError("type", setting=f"{where}distinct", expected="true | false")
    return TableMapping(name, sources, maps, tuple(_texts(entry, "keep", where)),
                        tuple(_skip(rule, f"{where}skip.") for rule in skips),
                        tuple(_rows(rule, f"{where}only.") for rule in only), distinct,
                        _melt(entry.get("melt"), table, f"{where}melt"),
                        _choice(entry, "mode", IMPORT_MODES, None, where),
                        _choice(entry, "existing", EXISTING, None, where))


def _contract_column(table: Table, key: str, where: str) -> str:
    for column in table.columns:
        if column.name == key:
            return key
    raise ProfileError("unknown_column", setting=f"{where}{key}", table=table.name,
                       columns=", ".join(column.name for column in table.columns))


def _source(spec: object, where: str) -> Source:
    if isinstance(spec, str):
        return Source(column=spec)
    if not isinstance(spec, dict):
        raise ProfileError("type", setting=where,
                           expected="\"…\" | { column = \"…\" } | { constant = \"…\" }")
    _only(spec, _COLUMN_KEYS, f"{where}.")
    given = {kind: _text(spec, kind, None, f"{where}.") for kind in _SOURCE_KINDS}
    if sum(value is not None for value in given.values()) != 1:
        raise ProfileError("column_or_constant", setting=where)
    if given["parameter"] is not None and given["parameter"] not in PARAMETERS:
        raise ProfileError("choice", setting=f"{where}.parameter", value=given["parameter"],
                           choices=", ".join(f'"{name}"' for name in PARAMETERS))
    return Source(given["column"], given["constant"],
                  _choice(spec, "date_order", DATE_ORDERS, None, f"{where}."),
                  _choice(spec, "date_precision", PRECISIONS, None, f"{where}."), given["template"],
                  given["parameter"])


def _rule_column(rule: object, keys: set[str], where: str) -> str:
    """The column a row rule (`skip`, `only`) names, once the rule is known to be a table of
    `keys` only."""
    if not isinstance(rule, dict):
        raise ProfileError("type", setting=where, expected="{ column = \"…\", values = [\"…\"] }")
    _only(rule, keys, where)
    column = _text(rule, "column", None, where)
    if column is None:
        raise ProfileError("type", setting=f"{where}column", expected="\"…\"")
    return column


def _skip(rule: object, where: str) -> Skip:
    column = _rule_column(rule, _SKIP_KEYS, where)
    blank = rule.get("blank", False)
    if not isinstance(blank, bool):
        raise ProfileError("type", setting=f"{where}blank", expected="true | false")
    known = _text(rule, "known", None, where)
    if known is not None:
        table, _dot, column_name = known.partition(".")
        if table not in TABLES_BY_NAME:
            raise ProfileError("unknown_table", setting=f"{where}known", value=known,
                               tables=", ".join(TABLES_BY_NAME))
        _contract_column(TABLES_BY_NAME[table], column_name, f"{where}known.")
    return Skip(column, tuple(_texts(rule, "values", where)), blank, known)


def _rows(rule: object, where: str) -> Rows:
    column = _rule_column(rule, _ONLY_KEYS, where)
    parameter = _choice(rule, "parameter", PARAMETERS, None, where)
    return Rows(column, tuple(_texts(rule, "values", where)), parameter)


def _melt(spec: object, table: Table, where: str) -> Melt | None:
    if spec is None:
        return None
    if not isinstance(spec, dict):
        raise ProfileError("type", setting=where, expected="{ after = \"…\", name = \"…\", value = \"…\" }")
    _only(spec, _MELT_KEYS, f"{where}.")
    after, name, value = (_text(spec, key, None, f"{where}.") for key in ("after", "name", "value"))
    if None in (after, name, value):
        raise ProfileError("type", setting=where, expected="{ after = \"…\", name = \"…\", value = \"…\" }")
    return Melt(after, _contract_column(table, name, f"{where}.name."),
                _contract_column(table, value, f"{where}.value."))


def _by_separator(spec: object) -> dict[str, str]:
    where = "date_order_by_separator"
    if not isinstance(spec, dict):
        raise ProfileError("type", setting=where, expected='{ "," = "mdy", ";" = "dmy" }')
    for separator in spec:
        if separator not in SEPARATOR_NAMES:
            raise ProfileError("choice", setting=where, value=separator,
                               choices=", ".join(f'"{name}"' for name in SEPARATOR_NAMES))
    return {separator: _choice(spec, separator, DATE_ORDERS, None, f"{where}.")
            for separator in spec}


def _parameter(name: str, spec: object) -> Parameter:
    where = f"parameters.{name}"
    if name not in PARAMETERS:
        raise ProfileError("choice", setting=where, value=name,
                           choices=", ".join(f'"{known}"' for known in PARAMETERS))
    if not isinstance(spec, dict):
        raise ProfileError("type", setting=where, expected="{ default = \"…\" } | { required = true }")
    _only(spec, _PARAMETER_KEYS, f"{where}.")
    required = spec.get("required", False)
    if not isinstance(required, bool):
        raise ProfileError("type", setting=f"{where}.required", expected="true | false")
    return Parameter(_text(spec, "default", None, f"{where}."), required)


# ---------------------------------------------------------------- finding

def profile_files(data_folder: Path | None) -> list[tuple[str, Path]]:
    """(origin, path) of every profile: the data folder's own first, then the shipped ones."""
    found = []
    for origin, folder in (("data", data_folder / FOLDER if data_folder else None), ("shipped", SHIPPED)):
        if folder is not None and folder.is_dir():
            found += [(origin, path) for path in sorted(folder.glob("*.toml")) if NAME.fullmatch(path.stem)]
    return found


def available_profiles(data_folder: Path | None) -> list[tuple[str, Path, Profile | ProfileError]]:
    """Every profile by name (a data folder's own hides a shipped one of the same name)."""
    seen, listed = set(), []
    for origin, path in profile_files(data_folder):
        if path.stem in seen:
            continue
        seen.add(path.stem)
        try:
            listed.append((origin, path, read_profile(path, origin)))
        except ProfileError as error:
            listed.append((origin, path, error))
    return listed


def find_profile(name_or_path: str, data_folder: Path | None) -> Profile:
    """A profile by name (the data folder's, else shipped) or by the path of its file."""
    path = Path(name_or_path)
    if name_or_path.endswith(".toml") or len(path.parts) > 1:
        if not path.is_file():
            raise ProfileError("not_found", name=name_or_path, names=_names(data_folder))
        return read_profile(path, "file")
    for origin, candidate in profile_files(data_folder):
        if candidate.stem == name_or_path:
            return read_profile(candidate, origin)
    raise ProfileError("not_found", name=name_or_path, names=_names(data_folder))


def _names(data_folder: Path | None) -> str:
    return ", ".join(dict.fromkeys(path.stem for _origin, path in profile_files(data_folder))) or "—"


def suggested(table: Table, header: list[str]) -> TableMapping:
    """The mapping a person starts from: each contract column from the export column of its name."""
    by_key = {header_key(name): name.strip() for name in header if name.strip()}
    return TableMapping(table.name, {column.name: Source(column=by_key[column.name])
                                     for column in table.columns if column.name in by_key})
