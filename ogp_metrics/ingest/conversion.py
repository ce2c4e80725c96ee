"""Applying a mapping profile to an export: a contract-shaped CSV per table, or what is wrong.

Every cell the profile reads differently from the contract's defaults (dates in a declared
order or precision, numbers in a declared format, value maps, constants) is rewritten here,
in Python, into the form the loader reads without doubt (ISO dates, `1234.5`); a cell that
does not fit what the profile declares is a problem naming the export's row and column. The
loader then checks the result as it checks any file, and problems keep the export's row
numbers through `Converted.origins`.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from dataclasses import dataclass, field

from ogp_metrics.contract.aliases import spelling_key
from ogp_metrics.contract.schema import TABLES_BY_NAME, Kind, Table
from ogp_metrics.ingest.cell_formats import read_date, read_number
from ogp_metrics.ingest.csv_files import BLANK, UnreadableFile, decode_text, sniff_separator
from ogp_metrics.ingest.export_rows import (
    cell,
    date_order,
    kept,
    melted_columns,
    missing_parameters,
    raw_value,
)
from ogp_metrics.ingest.mapping import Profile, Source, TableMapping, suggested
from ogp_metrics.ingest.problems import Problem
from ogp_metrics.ingest.profile_model import template_columns

PROBLEMS_LISTED = 20  # per kind of problem and column, as the loader lists them


@dataclass
class Converted:
    """One table filled from an export."""

    table: str
    content: bytes  # UTF-8 CSV, `,`, the contract's column names, then the columns kept
    origins: list[int]  # the export's row of each data record, in order
    sources: dict[str, str]  # contract column -> export column it was read from
    ignored: list[str] = field(default_factory=list)  # export columns no mapping uses


def convert(profile: Profile, data: bytes, table: str | None,
            known: dict[str, set[str]] | None = None) -> tuple[list[Converted], list[Problem]]:
    """The tables `profile` fills from the export `data`; problems name file "" (the caller's).

    A profile without tables reads the export as `table` with the contract's column names.
    `known` holds, for a `skip` rule's `known = "table.column"`, the values the data folder has.
    """
    missing = missing_parameters(profile)
    if missing:
        return [], missing
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
    order = date_order(profile, header, body, _positions(header), _separator(text, profile.header_row))
    if isinstance(order, Problem):
        return [], [order]
    profile = dataclasses.replace(profile, date_order=order)
    converted: dict[str, Converted] = {}
    problems: list[Problem] = []
    used: set[str] = set()
    for mapping in mappings:
        result = _convert_table(profile, mapping, header, body, problems, known or {})
        if result is None:
            continue
        used |= (set(result.sources.values()) | set(mapping.export_columns())
                 | set(melted_columns(mapping, header)))
        if result.table in converted:  # a second [[tables]] for the same table: rows added after
            converted[result.table] = _concatenated(converted[result.table], result)
        else:
            converted[result.table] = result
    used_keys = {spelling_key(name) for name in used}
    ignored = [name for name in header if name and spelling_key(name) not in used_keys]
    for result in converted.values():
        result.ignored = ignored
    return list(converted.values()), _limited(problems)


def _separator(text: str, header_row: int) -> str:
    """The separator of the header line (used for every record)."""
    lines = text.splitlines()
    first = lines[header_row - 1] if len(lines) >= header_row else (lines[0] if lines else "")
    return sniff_separator(first)


def _records(text: str, header_row: int) -> list[tuple[int, list[str]]]:
    """(spreadsheet row, cells) of every record, the header's separator used for all."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(text, header_row))
    return [(number, record) for number, record in enumerate(reader, start=1)]


def _resolved(table: Table, mapping: TableMapping, header: list[str]) -> dict[str, Source]:
    """Each contract column's source: as the mapping says, else the export column of its name
    (unless the mapping already reads that column into another: `record_id = "Event ID"` does
    not also make "Event ID" an `event_id`)."""
    claimed = {spelling_key(source.column) for source in mapping.columns.values() if source.column}
    sources = {name: source for name, source in suggested(table, header).columns.items()
               if spelling_key(source.column or "") not in claimed}
    sources.update(mapping.columns)
    return {column.name: sources[column.name] for column in table.columns if column.name in sources}


def _positions(header: list[str]) -> dict[str, int]:
    positions: dict[str, int] = {}
    for index, name in enumerate(header):
        positions.setdefault(spelling_key(name), index)
    return positions


def _convert_table(profile: Profile, mapping: TableMapping, header: list[str],
                   body: list[tuple[int, list[str]]], problems: list[Problem],
                   known: dict[str, set[str]]) -> Converted | None:
    table = TABLES_BY_NAME[mapping.table]
    positions = _positions(header)
    sources = _resolved(table, mapping, header)
    if mapping.melt is not None:  # filled per option below, in the contract's column order
        sources.update({mapping.melt.name: Source(constant=""), mapping.melt.value: Source(constant="")})
        sources = {c.name: sources[c.name] for c in table.columns if c.name in sources}
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
    written: set[tuple[str, ...]] = set()
    options = melted_columns(mapping, header)
    for row, record in body:
        cells = [value.strip(BLANK) for value in record]
        if not any(cells) or not kept(mapping, cells, positions, profile, known):
            continue
        for fixed in _variants(mapping, options, cells, positions):
            values = []
            for name, source in sources.items():
                raw = fixed[name] if name in fixed else raw_value(profile, source, cells, positions)
                if isinstance(raw, Problem):
                    value, raw = raw, cell(cells, positions, _first_column(source))
                else:
                    value = _read(profile, table, name, source, raw, mapping.values.get(name, {}))
                if isinstance(value, Problem):
                    problems.append(Problem("", value.code, row=row, column=_first_column(source) or name,
                                            value=raw, details={**value.details, "domain": name}))
                    value = raw
                values.append(value)
            values += [cell(cells, positions, name) for name in keep]
            if mapping.distinct:
                if tuple(values) in written:
                    continue
                written.add(tuple(values))
            writer.writerow(values)
            origins.append(row)
    shown = {name: _first_column(source) for name, source in sources.items() if _first_column(source)}
    return Converted(table.name, out.getvalue().encode("utf-8"), origins, shown)


def _variants(mapping: TableMapping, options: list[str], cells: list[str],
              positions: dict[str, int]) -> list[dict[str, str]]:
    """The rows one export row gives: itself, or one per option with a count (`melt`)."""
    if mapping.melt is None:
        return [{}]
    return [{mapping.melt.name: option, mapping.melt.value: cell(cells, positions, option)}
            for option in options if cell(cells, positions, option)]


def _first_column(source: Source) -> str | None:
    """The export column a problem names: the source's own, or a template's first."""
    if source.column:
        return source.column
    names = template_columns(source.template or "")
    return names[0] if names else None


def _concatenated(first: Converted, second: Converted) -> Converted:
    """Both mappings' rows under every column either fills (an end-of-term assessment says whether
    the commitment opened government, a progress report does not: blank on its rows)."""
    first_records = list(csv.reader(io.StringIO(first.content.decode("utf-8"), newline="")))
    second_records = list(csv.reader(io.StringIO(second.content.decode("utf-8"), newline="")))
    header = list(dict.fromkeys(first_records[0] + second_records[0]))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for names, records in ((first_records[0], first_records[1:]), (second_records[0], second_records[1:])):
        for record in records:
            by_name = dict(zip(names, record, strict=False))
            writer.writerow([by_name.get(name, "") for name in header])
    return Converted(first.table, out.getvalue().encode("utf-8"), first.origins + second.origins,
                     {**second.sources, **first.sources})


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
