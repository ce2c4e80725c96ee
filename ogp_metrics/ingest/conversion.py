"""Applying a mapping profile to an export: a contract-shaped CSV per table, or what is wrong.

Every cell the profile reads differently from the contract's defaults (dates in a declared
order or precision, numbers in a declared format, value maps, constants) is rewritten here,
in Python, into the form the loader reads without doubt (ISO dates, `1234.5`); a cell that
does not fit what the profile declares is a problem naming the export's row and column. The
loader then checks the result as it checks any file, and problems keep the export's row
numbers through `Converted.origins`.
"""

from __future__ import annotations

import calendar
import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date

from ogp_metrics.contract.aliases import spelling_key
from ogp_metrics.contract.schema import TABLES_BY_NAME, Kind, Table
from ogp_metrics.ingest.csv_files import BLANK, UnreadableFile, decode_text, sniff_separator
from ogp_metrics.ingest.hints import only_month_first
from ogp_metrics.ingest.mapping import Profile, Source, TableMapping, suggested
from ogp_metrics.ingest.problems import Problem

PROBLEMS_LISTED = 20  # per kind of problem and column, as the loader lists them


@dataclass
class Converted:
    """One table filled from an export."""

    table: str
    content: bytes  # UTF-8 CSV, `,`, the contract's column names, then the columns kept
    origins: list[int]  # the export's row of each data record, in order
    sources: dict[str, str]  # contract column -> export column it was read from
    ignored: list[str] = field(default_factory=list)  # export columns no mapping uses


def convert(profile: Profile, data: bytes, table: str | None) -> tuple[list[Converted], list[Problem]]:
    """The tables `profile` fills from the export `data`; problems name file "" (the caller's).

    A profile without tables reads the export as `table` with the contract's column names.
    """
    try:
        text, _encoding = decode_text(data)
    except UnreadableFile as error:
        return [], [Problem("", error.code, row=error.row, column=error.column, details=error.details)]
    try:
        records = _records(text, profile.header_row)
    except csv.Error:  # a cell beyond the csv module's limits: the loader's words say what to do
        return [], [Problem("", "not_csv")]
    if len(records) < profile.header_row:
        return [], [Problem("", "empty_file")]
    header = [name.strip(BLANK) for name in records[profile.header_row - 1][1]]
    mappings = list(profile.tables)
    if not mappings:
        if table is None:
            return [], [Problem("", "unknown_table", details={"tables": ", ".join(TABLES_BY_NAME)})]
        mappings = [TableMapping(table)]
    body = records[profile.header_row:]
    converted: dict[str, Converted] = {}
    problems: list[Problem] = []
    used: set[str] = set()
    for mapping in mappings:
        result = _convert_table(profile, mapping, header, body, problems)
        if result is None:
            continue
        used |= set(result.sources.values()) | set(mapping.keep) | {rule.column for rule in mapping.skip}
        if result.table in converted:  # a second [[tables]] for the same table: rows added after
            converted[result.table] = _concatenated(converted[result.table], result)
        else:
            converted[result.table] = result
    used_keys = {spelling_key(name) for name in used}
    ignored = [name for name in header if name and spelling_key(name) not in used_keys]
    for result in converted.values():
        result.ignored = ignored
    return list(converted.values()), _limited(problems)


def _records(text: str, header_row: int) -> list[tuple[int, list[str]]]:
    """(spreadsheet row, cells) of every record, the header's separator used for all."""
    lines = text.splitlines()
    first = lines[header_row - 1] if len(lines) >= header_row else (lines[0] if lines else "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_separator(first))
    return [(number, record) for number, record in enumerate(reader, start=1)]


def _resolved(table: Table, mapping: TableMapping, header: list[str]) -> dict[str, Source]:
    """Each contract column's source: as the mapping says, else the export column of its name."""
    sources = dict(suggested(table, header).columns)
    sources.update(mapping.columns)
    return {column.name: sources[column.name] for column in table.columns if column.name in sources}


def _convert_table(profile: Profile, mapping: TableMapping, header: list[str],
                   body: list[tuple[int, list[str]]], problems: list[Problem]) -> Converted | None:
    table = TABLES_BY_NAME[mapping.table]
    positions = {}
    for index, name in enumerate(header):
        positions.setdefault(spelling_key(name), index)
    sources = _resolved(table, mapping, header)
    missing = [name for name in mapping.export_columns() if spelling_key(name) not in positions]
    for name in missing:
        problems.append(Problem("", "profile_column_missing", row=profile.header_row, column=name,
                                details={"found": ", ".join(header)[:200]}))
    unmapped = [c.name for c in table.columns if c.required and c.name not in sources]
    for name in unmapped:
        problems.append(Problem("", "unmapped_column", row=profile.header_row, column=name,
                                details={"table": table.filename, "found": ", ".join(header)[:200]}))
    if missing or unmapped:
        return None
    keep = [name for name in mapping.keep if not any(spelling_key(name) == spelling_key(c.name)
                                                      for c in table.columns)]
    names = list(sources) + keep
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    origins = []
    for row, record in body:
        cells = [cell.strip(BLANK) for cell in record]
        if not any(cells) or _skipped(mapping, cells, positions):
            continue
        values = []
        for name, source in sources.items():
            raw = source.constant if source.constant is not None else _cell(cells, positions,
                                                                             source.column)
            value = _read(profile, table, name, source, raw, mapping.values.get(name, {}))
            if isinstance(value, Problem):
                problems.append(Problem("", value.code, row=row, column=source.column or name,
                                        value=raw, details={**value.details, "domain": name}))
                value = raw
            values.append(value)
        values += [_cell(cells, positions, name) for name in keep]
        writer.writerow(values)
        origins.append(row)
    shown = {name: source.column for name, source in sources.items() if source.column}
    return Converted(table.name, out.getvalue().encode("utf-8"), origins, shown)


def _cell(cells: list[str], positions: dict[str, int], column: str | None) -> str:
    index = positions.get(spelling_key(column or ""))
    return cells[index] if index is not None and index < len(cells) else ""


def _skipped(mapping: TableMapping, cells: list[str], positions: dict[str, int]) -> bool:
    for rule in mapping.skip:
        value = _cell(cells, positions, rule.column)
        if (rule.blank and not value) or (value and (value in rule.values or spelling_key(value) in {
                spelling_key(v) for v in rule.values})):
            return True
    return False


def _concatenated(first: Converted, second: Converted) -> Converted:
    first_rows = first.content.decode("utf-8").splitlines(keepends=True)
    second_text = second.content.decode("utf-8")
    header_first = next(csv.reader(io.StringIO(first_rows[0])))
    header_second = next(csv.reader(io.StringIO(second_text)))
    records = list(csv.reader(io.StringIO(second_text, newline="")))[1:]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for record in records:
        by_name = dict(zip(header_second, record, strict=False))
        writer.writerow([by_name.get(name, "") for name in header_first])
    return Converted(first.table, first.content + out.getvalue().encode("utf-8"),
                     first.origins + second.origins, {**second.sources, **first.sources})


def _read(profile: Profile, table: Table, name: str, source: Source, raw: str,
          values: dict[str, str]) -> str | Problem:
    """One cell as the loader should see it, or the problem that keeps it from being read."""
    value = raw.strip(BLANK)
    if value in profile.empty:
        return ""
    if value in values:
        value = values[value]
    else:
        keys = {spelling_key(before): after for before, after in values.items()}
        value = keys.get(spelling_key(value), value) if value else value
    if not value:
        return ""
    kind = table.column(name).kind
    if kind is Kind.DATE:
        order = source.date_order or profile.date_order
        precision = source.date_precision or profile.date_precision
        if order != "dmy" or precision:
            return read_date(value, order, precision)
    if kind in (Kind.WHOLE, Kind.DECIMAL, Kind.PERCENT) and (profile.thousands or profile.decimal):
        return read_number(value, profile.thousands, profile.decimal)
    return value


# ---------------------------------------------------------------- dates

_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
_ISO = re.compile(rf"(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_TIME}")
_THREE_PARTS = re.compile(rf"(\d{{1,4}})([/.-])(\d{{1,2}})\2(\d{{1,4}}){_TIME}")
_YEAR = re.compile(r"(\d{4})")
_YEAR_MONTH = re.compile(r"(\d{4})[-/.](\d{1,2})")
_MONTH_YEAR = re.compile(r"(\d{1,2})[-/.](\d{4})")
_NAMED_MONTH = re.compile(r"([^\W\d_]+)\.?\s+(\d{4})")
_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan", "janvier", "janv"), ("february", "feb", "fevrier", "fevr", "fev"),
    ("march", "mar", "mars"), ("april", "apr", "avril", "avr"), ("may", "mai"),
    ("june", "jun", "juin"), ("july", "jul", "juillet", "juil"), ("august", "aug", "aout"),
    ("september", "sep", "sept", "septembre"), ("october", "oct", "octobre"),
    ("november", "nov", "novembre"), ("december", "dec", "decembre")), start=1) for name in names}


def read_date(value: str, order: str, precision: str | None) -> str | Problem:
    """`value` as an ISO date, read in `order`; a year or month alone needs a `precision`."""
    match = _ISO.fullmatch(value)
    if match:
        return _iso(int(match[1]), int(match[2]), int(match[3]), value, order)
    match = _THREE_PARTS.fullmatch(value)
    if match:
        first, second, third = match[1], match[3], match[4]
        if len(first) == 4:
            return _iso(int(first), int(second), int(third), value, order)
        if len(third) != 4:
            return Problem("", "two_digit_year")
        if order == "mdy":
            return _iso(int(third), int(first), int(second), value, order)
        if order == "dmy":
            return _iso(int(third), int(second), int(first), value, order)
        return Problem("", "date_not_in_order", details={"order": order})
    partial = _period(value)
    if partial is not None:
        year, month = partial
        if precision is None:
            return Problem("", "partial_date")
        if month is None:
            month = 1 if precision == "first" else 12
        if not 1 <= month <= 12:
            return Problem("", "date_not_in_order", details={"order": order})
        day = 1 if precision == "first" else calendar.monthrange(year, month)[1]
        return date(year, month, day).isoformat()
    return Problem("", "date_not_in_order", details={"order": order})


def _iso(year: int, month: int, day: int, value: str, order: str) -> str | Problem:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        if order == "dmy" and only_month_first(value):
            return Problem("", "month_first")
        return Problem("", "date_not_in_order", details={"order": order})


def _period(value: str) -> tuple[int, int | None] | None:
    """(year, month or None) of a year or a month written alone: 2023, 2025-04, 04/2025, July 2014."""
    if _YEAR.fullmatch(value):
        return int(value), None
    match = _YEAR_MONTH.fullmatch(value)
    if match:
        return int(match[1]), int(match[2])
    match = _MONTH_YEAR.fullmatch(value)
    if match:
        return int(match[2]), int(match[1])
    match = _NAMED_MONTH.fullmatch(value)
    if match and spelling_key(match[1]) in _MONTHS:
        return int(match[2]), _MONTHS[spelling_key(match[1])]
    return None


# ---------------------------------------------------------------- numbers

def read_number(value: str, thousands: str | None, decimal: str | None) -> str | Problem:
    """`value` written with the declared separators, as `1234.5`."""
    text = re.sub(f"[{BLANK}]", "", value)
    percent = text.endswith("%")
    text = text.rstrip("%")
    marks = [decimal] if decimal else [mark for mark in (",", ".") if mark != thousands]
    decimals = "|".join(re.escape(mark) for mark in marks)
    fraction = rf"(?:(?:{decimals})\d+)?"
    if thousands and thousands != " ":
        pattern = rf"[+-]?(?:\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+|\d+){fraction}"
    else:
        pattern = rf"[+-]?\d+{fraction}"
    if not re.fullmatch(pattern, text):
        return Problem("", "number_format", details={
            "thousands": thousands or "", "decimal": decimal or " / ".join(marks)})
    if thousands and thousands != " ":
        text = text.replace(thousands, "")
    for mark in marks:
        text = text.replace(mark, ".")
    return text + ("%" if percent else "")


def _limited(problems: list[Problem]) -> list[Problem]:
    """The first few problems of each kind and column, then how many more (as the loader lists)."""
    kept: list[Problem] = []
    counts: dict[tuple, int] = {}
    for problem in problems:
        key = (problem.code, problem.column)
        counts[key] = counts.get(key, 0) + 1
        if counts[key] <= PROBLEMS_LISTED:
            kept.append(problem)
    for (code, column), count in counts.items():
        if count > PROBLEMS_LISTED:
            kept.append(Problem("", "more_problems", column=column,
                                details={"count": str(count - PROBLEMS_LISTED), "of": code}))
    return kept
