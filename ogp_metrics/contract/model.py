"""What the contract is made of: kinds of cell, columns, tables and the rules between cells.

The tables themselves are declared in `schema` (and `participation_tables`), their allowed
values in `vocabulary`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """How a cell is read, normalised and checked."""

    TEXT = "text"
    IDENTIFIER = "identifier"
    DATE = "date"
    WHOLE = "whole"  # whole number >= 0, thousands separators allowed
    DECIMAL = "decimal"
    PERCENT = "percent"  # decimal 0-100, optional trailing %
    BOOLEAN = "boolean"
    CHOICE = "choice"
    CHOICE_LIST = "choice_list"  # several choices separated by |
    URL = "url"
    SECTOR = "sector"  # arrondissement, folded into Paris's 17 sectors


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    required: bool = False
    choices: tuple[str, ...] = ()
    # (table, column) this column must match when not blank
    references: tuple[str, str] | None = None
    minimum: float | None = None
    maximum: float | None = None
    # a minimum that the value must exceed rather than reach
    exclusive_minimum: bool = False
    default: str | None = None  # applied to blank cells
    description_fr: str = ""
    description_en: str = ""
    example: str = ""
    # Other names a file may give this column's header (one column, two names: never both).
    also_named: tuple[str, ...] = ()
    # OGP's `NA`, `ND` and `NR` (not applicable, no data, not reviewed) read as a blank cell.
    not_reviewed: bool = False
    # A date column that also takes a month (`2025-04`) or a year alone: its "first" or "last" day.
    partial_dates: str | None = None
    # The domain of its values when two tables' columns share a name but not their values
    # (a decided project's `status` is not a decision's).
    domain: str | None = None

    @property
    def choice_domain(self) -> str:
        """Name under which the column's allowed values, labels and aliases are kept."""
        return self.domain or self.name


@dataclass(frozen=True)
class Rule:
    """A rule between two columns of one row: `left` must be >= `right`."""

    left: str
    right: str


@dataclass(frozen=True)
class AtMost:
    """Counts that cannot exceed another count: within the rows that share `per` (each row alone
    when `per` is empty), `summed` added up over those rows plus `once` (taken once) must not be
    more than `total` (taken once). A vote's option votes, blank and null votes in one sector
    cannot be more than its voters; its voters cannot be more than its registered voters."""

    total: str
    summed: tuple[str, ...] = ()
    once: tuple[str, ...] = ()
    per: tuple[str, ...] = ()

    @property
    def reported_on(self) -> str:
        return (self.summed or self.once)[0]


@dataclass(frozen=True)
class SameWithin:
    """Columns repeated on every row of a group (a sector's voters on each option's row) must
    hold one value across the rows that share `per`."""

    columns: tuple[str, ...]
    per: tuple[str, ...]


@dataclass(frozen=True)
class Distinct:
    """No two rows with the same values in `columns`, a blank counting as a value (`unique`
    leaves rows with a blank aside): a city-wide vote result given twice would count twice."""

    columns: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    description_fr: str
    description_en: str
    optional: bool = False
    unique: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    single_row: bool = False
    # The columns that identify a row when an import appends or updates rows (blank is a
    # value); `unique` when not given. Empty: the file is only ever replaced whole.
    key: tuple[str, ...] = ()
    default_mode: str = "replace"  # what `import` does unless told (one of IMPORT_MODES)
    # Rules over counts and over groups of rows (`ingest.group_checks`).
    group_rules: tuple[AtMost | SameWithin | Distinct, ...] = ()

    def __post_init__(self) -> None:
        if not self.key and self.unique:
            object.__setattr__(self, "key", self.unique)

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


def described(name: str, kind: Kind, fr: str, en: str, example: str = "", **options) -> Column:
    """A column with its description in French and English and an example value."""
    return Column(name, kind, description_fr=fr, description_en=en, example=example, **options)
