"""What a mapping profile is, as data: its settings, each table it fills, each column's source,
the rows it keeps or leaves out, and the values an import gives it (`mapping` reads profiles
from TOML into these, `profile_writing` writes them back, `conversion` applies them)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from ogp_metrics.contract.aliases import spelling_key

DATE_ORDERS = ("dmy", "mdy", "ymd")
# A profile may also say "auto": the order the file's own dates show (`12/31/2019` can only be
# month first); a file whose dates fit both orders is refused until the order is declared.
PROFILE_DATE_ORDERS = (*DATE_ORDERS, "auto")
# With "auto", the order to use when every date fits both, by the file's separator: a tool that
# writes `,` between cells and `68,816` for thousands is set to English (`4/2/2023` = 2 April),
# French Excel writes `;` and `02/04/2023` (`date_order_by_separator = { "," = "mdy", ";" = "dmy" }`).
SEPARATOR_NAMES = (",", ";", "\t")
PRECISIONS = ("first", "last")
THOUSANDS = (",", ".", "'", " ")
DECIMALS = (",", ".")
# Values an import gives a profile, each from its command-line option (`--commitment FRPA0002`).
PARAMETERS = ("commitment", "member")
EXISTING = ("keep",)  # what `existing` may say


class ProfileError(Exception):
    """A profile that cannot be used; `code` and `details` say why (`profile_error.<code>`)."""

    def __init__(self, code: str, **details: str) -> None:
        self.code = code
        self.details = details
        super().__init__(code)


@dataclass(frozen=True)
class Source:
    """Where one contract column comes from: an export column, the same constant on every row, a
    template of export columns (`votation-{Date:date}`, see `conversion.render`), or a value the
    import gives (`parameter`, e.g. `--commitment`)."""

    column: str | None = None
    constant: str | None = None
    date_order: str | None = None  # overrides the profile's, for this column
    date_precision: str | None = None
    template: str | None = None
    parameter: str | None = None


@dataclass(frozen=True)
class Skip:
    """Rows to leave out: those whose `column` holds one of `values` (or is blank), or a value
    already in the data folder's `known` column (`commitments.commitment_id`)."""

    column: str
    values: tuple[str, ...] = ()
    blank: bool = False
    known: str | None = None  # "table.column"


@dataclass(frozen=True)
class Rows:
    """Rows to keep (all others are left out): those whose `column` holds one of `values`, or the
    value of an import `parameter` (`--member "Paris, France"`)."""

    column: str
    values: tuple[str, ...] = ()
    parameter: str | None = None


@dataclass(frozen=True)
class Melt:
    """One row per export column after `after` (a vote's options): its name into the contract
    column `name`, its cell into `value`; blank cells give no row."""

    after: str
    name: str
    value: str


@dataclass(frozen=True)
class Parameter:
    """A value the import gives the profile; `required` ones have no default."""

    default: str | None = None
    required: bool = False


@dataclass(frozen=True)
class TableMapping:
    table: str
    columns: dict[str, Source] = field(default_factory=dict)  # contract column -> its source
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # contract column -> value map
    keep: tuple[str, ...] = ()
    skip: tuple[Skip, ...] = ()
    only: tuple[Rows, ...] = ()
    distinct: bool = False  # identical rows written once (an event named on each sector's row)
    melt: Melt | None = None
    mode: str | None = None  # the import mode for this table when the import names none
    existing: str | None = None  # "keep": a row whose key the folder has is left as it is

    def export_columns(self) -> list[str]:
        """Every export column this mapping names (they must all be in the file)."""
        names = [source.column for source in self.columns.values() if source.column]
        for source in self.columns.values():
            names += template_columns(source.template or "")
        names += list(self.keep) + [rule.column for rule in self.skip] + [rule.column for rule in self.only]
        names += [self.melt.after] if self.melt else []
        return list(dict.fromkeys(names))


_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
TEMPLATE_SPECS = ("date", "code")


def template_parts(template: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    """Each `{A|B:spec}` of a template: (as written, export columns tried in order, spec)."""
    parts = []
    for match in _PLACEHOLDER.finditer(template):
        inside, spec = match[1], None
        head, colon, tail = inside.rpartition(":")
        if colon and tail.strip() in TEMPLATE_SPECS:
            inside, spec = head, tail.strip()
        parts.append((match[0], tuple(name.strip() for name in inside.split("|") if name.strip()), spec))
    return parts


def template_columns(template: str) -> list[str]:
    return [name for _whole, names, _spec in template_parts(template) for name in names]


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
    parameters: dict[str, Parameter] = field(default_factory=dict)  # what the import may give
    given: dict[str, str] = field(default_factory=dict)  # what this import gave (`with_values`)
    date_order_by_separator: dict[str, str] = field(default_factory=dict)  # see SEPARATOR_NAMES

    def with_values(self, **given: str | None) -> Profile:
        """The profile with the values an import gives (`commitment="FRPA0001"`); None: not given."""
        return dataclasses.replace(self, given={k: v for k, v in given.items() if v is not None})

    def value(self, parameter: str) -> str | None:
        """The parameter's value for this import: given, else its default (None: missing)."""
        if parameter in self.given:
            return self.given[parameter]
        spec = self.parameters.get(parameter)
        return spec.default if spec is not None else None

    def table_options(self, table: str) -> TableMapping | None:
        """The first mapping of `table` (its `mode` and `existing` hold for the whole table)."""
        return next((mapping for mapping in self.tables if mapping.table == table), None)

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
