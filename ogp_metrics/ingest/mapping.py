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
from dataclasses import dataclass, field
from pathlib import Path

from ogp_metrics.contract.aliases import header_key, spelling_key
from ogp_metrics.contract.schema import TABLES_BY_NAME, Table

SHIPPED = Path(__file__).resolve().parents[1] / "profiles"
FOLDER = "profiles"  # a data folder's own profiles
DATE_ORDERS = ("dmy", "mdy", "ymd")
PRECISIONS = ("first", "last")
THOUSANDS = (",", ".", "'", " ")
DECIMALS = (",", ".")
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,62}")
MAX_PROFILE_BYTES = 256 * 1024

_TOP_KEYS = {"description", "date_order", "date_precision", "thousands", "decimal", "empty",
             "header_row", "tables"}
_TABLE_KEYS = {"table", "columns", "values", "keep", "skip"}
_COLUMN_KEYS = {"column", "constant", "date_order", "date_precision"}
_SKIP_KEYS = {"column", "values", "blank"}


class ProfileError(Exception):
    """A profile that cannot be used; `code` and `details` say why (`profile_error.<code>`)."""

    def __init__(self, code: str, **details: str) -> None:
        self.code = code
        self.details = details
        super().__init__(code)


@dataclass(frozen=True)
class Source:
    """Where one contract column comes from: an export column, or the same constant on every row."""

    column: str | None = None
    constant: str | None = None
    date_order: str | None = None  # overrides the profile's, for this column
    date_precision: str | None = None


@dataclass(frozen=True)
class Skip:
    """Rows to leave out: those whose `column` holds one of `values` (or is blank)."""

    column: str
    values: tuple[str, ...] = ()
    blank: bool = False


@dataclass(frozen=True)
class TableMapping:
    table: str
    columns: dict[str, Source] = field(default_factory=dict)  # contract column -> its source
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # contract column -> value map
    keep: tuple[str, ...] = ()
    skip: tuple[Skip, ...] = ()

    def export_columns(self) -> list[str]:
        """Every export column this mapping names (they must all be in the file)."""
        names = [source.column for source in self.columns.values() if source.column]
        names += list(self.keep) + [rule.column for rule in self.skip]
        return list(dict.fromkeys(names))


@dataclass(frozen=True)
class Profile:
    name: str
    description: str = ""
    date_order: str = "dmy"
    date_precision: str | None = None
    thousands: str | None = None
    decimal: str | None = None
    empty: tuple[str, ...] = ()
    header_row: int = 1
    # Empty: the export already has the contract's column names and the table is the file's own.
    tables: tuple[TableMapping, ...] = ()
    origin: str = ""  # shipped | data | file
    path: Path | None = None

    @property
    def table_names(self) -> list[str]:
        return list(dict.fromkeys(mapping.table for mapping in self.tables))

    def reads_values(self) -> bool:
        """Whether cells must be rewritten before the loader reads them (else the bytes pass)."""
        return bool(self.tables or self.date_order != "dmy" or self.date_precision or self.thousands
                    or self.decimal or self.empty or self.header_row != 1)

    def matches(self, header: list[str]) -> bool:
        """Whether a file with this header has every column the profile names."""
        found = {spelling_key(name) for name in header}
        return bool(self.tables) and all(spelling_key(name) in found for mapping in self.tables
                                         for name in mapping.export_columns())


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
    return Profile(
        name=name,
        description=_text(data, "description", "", ""),
        date_order=_choice(data, "date_order", DATE_ORDERS, "dmy", ""),
        date_precision=_choice(data, "date_precision", PRECISIONS, None, ""),
        thousands=_choice(data, "thousands", THOUSANDS, None, ""),
        decimal=_choice(data, "decimal", DECIMALS, None, ""),
        empty=tuple(_texts(data, "empty", "")),
        header_row=_row(data),
        tables=tuple(_table(entry, index) for index, entry in enumerate(tables, start=1)),
        origin=origin, path=path)


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
    skips = entry.get("skip", [])
    if not isinstance(skips, list):
        raise ProfileError("type", setting=f"{where}skip", expected="[{ column = \"…\", values = [\"…\"] }]")
    return TableMapping(name, sources, maps, tuple(_texts(entry, "keep", where)),
                        tuple(_skip(rule, f"{where}skip.") for rule in skips))


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
    column, constant = _text(spec, "column", None, f"{where}."), _text(spec, "constant", None, f"{where}.")
    if (column is None) == (constant is None):
        raise ProfileError("column_or_constant", setting=where)
    return Source(column, constant, _choice(spec, "date_order", DATE_ORDERS, None, f"{where}."),
                  _choice(spec, "date_precision", PRECISIONS, None, f"{where}."))


def _skip(rule: object, where: str) -> Skip:
    if not isinstance(rule, dict):
        raise ProfileError("type", setting=where, expected="{ column = \"…\", values = [\"…\"] }")
    _only(rule, _SKIP_KEYS, where)
    column = _text(rule, "column", None, where)
    if column is None:
        raise ProfileError("type", setting=f"{where}column", expected="\"…\"")
    blank = rule.get("blank", False)
    if not isinstance(blank, bool):
        raise ProfileError("type", setting=f"{where}blank", expected="true | false")
    return Skip(column, tuple(_texts(rule, "values", where)), blank)


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


# ---------------------------------------------------------------- writing

def profile_toml(profile: Profile) -> str:
    """The profile as TOML that `parse_profile` reads back into the same profile."""
    lines = []
    if profile.description:
        lines.append(f"description = {_quoted(profile.description)}")
    if profile.date_order != "dmy":
        lines.append(f"date_order = {_quoted(profile.date_order)}")
    for key in ("date_precision", "thousands", "decimal"):
        if getattr(profile, key):
            lines.append(f"{key} = {_quoted(getattr(profile, key))}")
    if profile.empty:
        lines.append(f"empty = {_list(profile.empty)}")
    if profile.header_row != 1:
        lines.append(f"header_row = {profile.header_row}")
    for mapping in profile.tables:
        lines += ["", "[[tables]]", f"table = {_quoted(mapping.table)}"]
        if mapping.keep:
            lines.append(f"keep = {_list(mapping.keep)}")
        if mapping.skip:
            rules = ", ".join(_skip_toml(rule) for rule in mapping.skip)
            lines.append(f"skip = [{rules}]")
        if mapping.columns:
            lines += ["", "[tables.columns]"]
            lines += [f"{_key(name)} = {_source_toml(source)}" for name, source in mapping.columns.items()]
        for name, values in mapping.values.items():
            lines += ["", f"[tables.values.{_key(name)}]"]
            lines += [f"{_quoted(before)} = {_quoted(after)}" for before, after in values.items()]
    return "\n".join(lines).lstrip("\n") + "\n"


def _quoted(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else _quoted(name)


def _list(values) -> str:
    return "[" + ", ".join(_quoted(value) for value in values) + "]"


def _source_toml(source: Source) -> str:
    parts = [f"column = {_quoted(source.column)}" if source.column is not None
             else f"constant = {_quoted(source.constant or '')}"]
    if source.date_order:
        parts.append(f"date_order = {_quoted(source.date_order)}")
    if source.date_precision:
        parts.append(f"date_precision = {_quoted(source.date_precision)}")
    if source.column is not None and len(parts) == 1:
        return _quoted(source.column)
    return "{ " + ", ".join(parts) + " }"


def _skip_toml(rule: Skip) -> str:
    parts = [f"column = {_quoted(rule.column)}"]
    if rule.values:
        parts.append(f"values = {_list(rule.values)}")
    if rule.blank:
        parts.append("blank = true")
    return "{ " + ", ".join(parts) + " }"
