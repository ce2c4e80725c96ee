"""From an upload to the files publishing would write: read it, map it, meet the current rows.

An upload is read (`intake.read_upload`); through a profile (or reading options such as a
declared date order) it becomes one contract-shaped file per table it fills
(`ingest.conversion`); in `append` or `upsert` mode each is merged with the table's current
file (`modes.merge`). Problems name the person's file, row and column throughout.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from dataclasses import dataclass

from ogp_metrics.contract.aliases import header_key, spelling_key
from ogp_metrics.contract.schema import IMPORT_MODES, TABLES_BY_NAME
from ogp_metrics.ingest import conversion
from ogp_metrics.ingest.csv_files import UnreadableFile, decode_text, sniff_separator, text_and_separator
from ogp_metrics.ingest.mapping import Profile
from ogp_metrics.ingest.problems import Problem
from ogp_metrics.updates import modes
from ogp_metrics.updates.intake import Candidate, Limits, Upload, read_upload, shown_name


def candidates(upload: Upload, limits: Limits, deadline: float,
               current: dict[str, bytes | None]) -> tuple[list[Candidate], list[Problem]]:
    """The files this upload would write (one per table it fills), or why it cannot."""
    name = shown_name(upload.name)
    if upload.mode is not None and upload.mode not in IMPORT_MODES:
        return [], [Problem(name, "unknown_mode", value=upload.mode,
                            details={"modes": ", ".join(IMPORT_MODES)})]
    profile = upload.profile
    if profile is not None and profile.tables:
        upload = dataclasses.replace(upload, table=profile.table_names[0])
    read, problems = read_upload(upload, limits, deadline)
    if read is None:
        return [], problems
    if profile is not None and profile.reads_values():
        converted, problems = conversion.convert(profile, read.content, read.table,
                                                 known_values(profile, current))
        if problems:
            return [], [dataclasses.replace(p, file=name, details=dict(p.details)) for p in problems]
        found = [dataclasses.replace(read, table=c.table, content=c.content, sources=c.sources,
                                     ignored=tuple(c.ignored),
                                     origins={index + 2: row for index, row in enumerate(c.origins)})
                 for c in converted]
    else:
        found = [dataclasses.replace(read, ignored=tuple(_ignored(read)))]
    made, problems = [], []
    for candidate in found:
        table = TABLES_BY_NAME[candidate.table]
        options = profile.table_options(candidate.table) if profile is not None else None
        mode = upload.mode or (options.mode if options else None) or table.default_mode
        if mode == "replace":
            made.append(dataclasses.replace(candidate, mode=mode))
            continue
        merged = modes.merge(table, mode, current.get(candidate.filename), candidate.content,
                             candidate.origins, keep_existing=bool(options and options.existing == "keep"))
        if merged.problems:
            problems += [_named(problem, candidate) for problem in merged.problems]
            continue
        made.append(dataclasses.replace(candidate, mode=mode, content=merged.content,
                                        origins=merged.origins, skipped=merged.skipped))
    return made, problems


def known_values(profile: Profile, current: dict[str, bytes | None]) -> dict[str, set[str]]:
    """For each `skip` rule's `known = "table.column"`, the values the folder's file holds (an
    unreadable file holds none: the loader will say why)."""
    wanted = {rule.known for mapping in profile.tables for rule in mapping.skip if rule.known}
    found: dict[str, set[str]] = {}
    for known in wanted:
        table, _dot, column = known.partition(".")
        content = current.get(TABLES_BY_NAME[table].filename)
        found[known] = set()
        text, separator = text_and_separator(content or b"")
        try:
            records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
        except csv.Error:
            continue
        header = [header_key(name) for name in records[0]] if records else []
        if column in header:
            index = header.index(column)
            found[known] = {record[index].strip() for record in records[1:] if index < len(record)}
    return found


def _ignored(candidate: Candidate) -> list[str]:
    """The file's columns that are not the contract's: kept in the file, read by nothing."""
    text, separator = text_and_separator(candidate.content[:65536])
    try:
        header = next(csv.reader(io.StringIO(text, newline=""), delimiter=separator), [])
    except csv.Error:
        return []
    contract = {c.name for c in TABLES_BY_NAME[candidate.table].columns}
    return [name.strip() for name in header if name.strip() and header_key(name) not in contract]


def _named(problem: Problem, candidate: Candidate) -> Problem:
    """A merge's problem in the person's words: their file and column (the current file's own
    problems keep the current file's name)."""
    if problem.code in ("mode_needs_valid_file",) or problem.file != candidate.filename:
        return problem
    return dataclasses.replace(problem, file=candidate.source, column=shown_column(candidate, problem.column),
                               details={**problem.details, "domain": problem.column or ""})


def shown_column(candidate: Candidate, column: str | None) -> str | None:
    """A contract column as the person's file names it: `VOTANTS (participants)`."""
    if column and candidate.sources.get(column) and spelling_key(candidate.sources[column]) != column:
        return f"{candidate.sources[column]} ({column})"
    return column


@dataclass(frozen=True)
class ExportShape:
    """What the mapping step shows of an upload: its columns and its first rows, as written."""

    header: list[str]
    rows: list[list[str]]
    problems: list[Problem]

    def matches(self, table: str) -> bool:
        """Whether the file already has every required column of `table` under its own name."""
        found = {header_key(name) for name in self.header}
        return all(c.name in found for c in TABLES_BY_NAME[table].columns if c.required)


def export_shape(upload: Upload, limits: Limits, deadline: float, shown: int = 5) -> ExportShape:
    """An upload's header and first rows (a workbook's sheet as CSV), or why it cannot be read."""
    wide = dataclasses.replace(limits, max_columns=limits.max_export_columns)
    read, problems = read_upload(dataclasses.replace(upload, profile=None), wide, deadline)
    if read is None:
        return ExportShape([], [], problems)
    try:
        text, _encoding = decode_text(read.content)
        separator = sniff_separator(text.split("\n", 1)[0])
        records = []
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=separator):
            records.append([cell.strip() for cell in record])
            if len(records) > shown:
                break
    except (UnreadableFile, csv.Error) as error:
        code = error.code if isinstance(error, UnreadableFile) else "not_csv"
        return ExportShape([], [], [Problem(shown_name(upload.name), code)])
    header = records[0] if records else []
    return ExportShape(header, [row for row in records[1:] if any(row)], [])


def read_as(profile: Profile, upload: Upload, limits: Limits, deadline: float,
            shown: int = 5) -> tuple[list[str], list[list[str]], list[Problem]]:
    """The first rows of an upload as a profile reads them: header, rows, problems."""
    made, problems = candidates(dataclasses.replace(upload, profile=profile, mode="replace"), limits,
                                deadline, {})
    if not made:
        return [], [], problems
    records = list(csv.reader(io.StringIO(made[0].content.decode("utf-8"), newline="")))
    return (records[0] if records else []), records[1:shown + 1], []
