"""What a profile makes of an export's rows before a cell is read: which rows it keeps, what a
template, a constant or an import's value gives, a vote's options as rows, stable codes, and the
date order a file's own dates show.

Used by `conversion`; every problem names the export's row and column (file "": the caller's).
"""

from __future__ import annotations

import hashlib
import re

from ogp_metrics.contract.aliases import spelling_key
from ogp_metrics.contract.schema import TABLES_BY_NAME, Kind
from ogp_metrics.ingest.cell_formats import read_date
from ogp_metrics.ingest.problems import Problem
from ogp_metrics.ingest.profile_model import Profile, Source, TableMapping, template_parts

CODE_LENGTH = 40  # a code longer than this keeps its start and a hash of the whole name


def cell(cells: list[str], positions: dict[str, int], column: str | None) -> str:
    """The cell of `column` (matched as `spelling_key` matches names), "" when absent."""
    index = positions.get(spelling_key(column or ""))
    return cells[index] if index is not None and index < len(cells) else ""


def missing_parameters(profile: Profile) -> list[Problem]:
    """The values the profile needs that the import did not give (`--member`)."""
    return [Problem("", "profile_parameter_missing", details={"option": f"--{name}", "profile": profile.name})
            for name, spec in profile.parameters.items() if spec.required and profile.value(name) is None]


def kept(mapping: TableMapping, cells: list[str], positions: dict[str, int], profile: Profile,
         known: dict[str, set[str]]) -> bool:
    """Whether a row is one the mapping reads: no `skip` rule leaves it out, every `only` keeps it."""
    for rule in mapping.skip:
        value = cell(cells, positions, rule.column)
        if rule.blank and not value:
            return False
        if value and (value in rule.values or spelling_key(value) in {spelling_key(v) for v in rule.values}):
            return False
        if value and rule.known and value in known.get(rule.known, set()):
            return False
    for rule in mapping.only:
        wanted = list(rule.values) + ([profile.value(rule.parameter) or ""] if rule.parameter else [])
        value = cell(cells, positions, rule.column)
        if spelling_key(value) not in {spelling_key(v) for v in wanted}:
            return False
    return True


def melted_columns(mapping: TableMapping, header: list[str]) -> list[str]:
    """The export columns a `melt` turns into rows: every named column after `melt.after`."""
    if mapping.melt is None:
        return []
    keys = [spelling_key(name) for name in header]
    start = keys.index(spelling_key(mapping.melt.after)) + 1
    return [name for name in header[start:] if name and name not in mapping.keep]


def raw_value(profile: Profile, source: Source, cells: list[str], positions: dict[str, int]) -> str | Problem:
    """What a source gives on one row, before the cell is read as its column's kind."""
    if source.constant is not None:
        return source.constant
    if source.parameter is not None:
        return profile.value(source.parameter) or ""
    if source.template is not None:
        return render(source.template, cells, positions, profile.date_order, profile.empty)
    return cell(cells, positions, source.column)


def render(template: str, cells: list[str], positions: dict[str, int], order: str,
           empty: tuple[str, ...] = ()) -> str | Problem:
    """A template filled from the row: `{A}` is column A's cell, `{A|B}` B's when A's is blank
    (or one of the profile's `empty` values, `NA`),
    `{A:date}` its date as `2023-04-02`, `{A:code}` a code made from it (`stable_code`). Blank
    when a placeholder has nothing (a code for nobody is no code)."""
    text = template
    for whole, names, spec in template_parts(template):
        found = (cell(cells, positions, name) for name in names)
        value = next((value for value in found if value and value not in empty), "")
        if not value:
            return ""
        if spec == "date":
            value = read_date(value, order, None)
            if isinstance(value, Problem):
                return value
        elif spec == "code":
            value = stable_code(value)
        text = text.replace(whole, value, 1)
    return text


def stable_code(name: str) -> str:
    """A code made from a name, the same at every import: `Hellenic Parliament` ->
    `HELLENIC_PARLIAMENT` (case, accents and punctuation aside); a long name keeps its start and
    a short hash of the whole, so that two long names sharing a start keep apart."""
    key = spelling_key(name)
    slug = re.sub(r"[^a-z0-9]+", "_", key).strip("_").upper() or "_"
    if len(slug) <= CODE_LENGTH:
        return slug
    return slug[:CODE_LENGTH - 7].rstrip("_") + "_" + hashlib.sha256(slug.encode()).hexdigest()[:6].upper()


# ---------------------------------------------------------------- date order

_SLASHED = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")


def date_order(profile: Profile, header: list[str], body: list[tuple[int, list[str]]],
               positions: dict[str, int], separator: str = ",") -> str | Problem:
    """The order of the file's dates: the profile's, or with "auto" the one they show (`12/31/2019`
    can only be month first, `31/12/2019` day first); a file whose dates fit both is refused at
    its first such date (unless the profile gives an order for the file's separator), and one
    whose dates show both orders at the first that goes against."""
    if profile.date_order != "auto":
        return profile.date_order
    columns = _date_columns(profile, header)
    found: dict[str, tuple[int, str, str]] = {}
    for row, record in body:
        cells = [value.strip() for value in record]
        for column in columns:
            match = _SLASHED.fullmatch(cell(cells, positions, column))
            if not match:
                continue
            first, second = int(match[1]), int(match[2])
            order = "dmy" if first > 12 >= second else "mdy" if second > 12 >= first else None
            if order is None and first != second:
                order = "either"
            if order and order not in found:
                found[order] = (row, column, match[0])
    shown = [order for order in ("dmy", "mdy") if order in found]
    if len(shown) == 2:
        row, column, value = max(found["dmy"], found["mdy"])
        return Problem("", "mixed_date_orders", row=row, column=column, value=value)
    if shown:
        return shown[0]
    if "either" in found and separator in profile.date_order_by_separator:
        return profile.date_order_by_separator[separator]
    if "either" in found:
        row, column, value = found["either"]
        return Problem("", "ambiguous_date_order", row=row, column=column, value=value)
    return "dmy"  # no slashed date: ISO dates read the same either way


def _date_columns(profile: Profile, header: list[str]) -> list[str]:
    """The export columns read as dates without an order of their own."""
    columns = []
    for mapping in profile.tables:
        table = TABLES_BY_NAME[mapping.table]
        for name, source in mapping.columns.items():
            is_date = table.column(name).kind is Kind.DATE
            if source.column and is_date and not source.date_order:
                columns.append(source.column)
            for _whole, names, spec in template_parts(source.template or ""):
                if spec == "date" or (is_date and not source.date_order):
                    columns += list(names)
    if not profile.tables:  # the contract's own columns
        columns = [name for name in header if any(
            spelling_key(name) == column.name and column.kind is Kind.DATE
            for table in TABLES_BY_NAME.values() for column in table.columns)]
    return list(dict.fromkeys(columns))
