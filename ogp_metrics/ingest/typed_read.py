"""The fast path of reading a file: each column typed by DuckDB's CSV reader as it parses.

Most files arrive in a canonical form (ISO or day-first dates, coded values as their codes,
arrondissements as numbers or postcodes). For those, the CSV reader types the cells while it
parses, which costs about what reading them as text costs, and one aggregate pass counts every
check of `checks.table_checks`. The general path (`load._read_raw`, `_stage_typed`,
`checks.check_cells`) reads every cell as text, keeps it beside its typed value and lists the
problems by row: a file goes through it as soon as anything is wrong with it (a problem, a
ragged row, a record spanning lines), so that every message comes from that one place.

How each column is read (`plan_columns`, from the file's first rows):
- a date column, as DATE in the file's date format (ISO or day/month/year) when its first
  cells are all written so;
- a column with a short list of spellings (choices, sectors, booleans), as an ENUM of the
  spellings `normalise.exact_values` reads without the general macros;
- a column naming a row of another file, as an ENUM of that file's values (which also settles
  its reference check);
- any other column, and any column whose first cells do not fit, as text typed cell by cell by
  `normalise.typed` (whose own fast paths spare most cells the regular expressions).
A cell the typed reader refuses further down is listed in DuckDB's reject table: its column
is then read again as text (a second read of the file), never guessed.

Why the typed reader's values are the general path's: an ENUM accepts only its spellings as
written; a DATE with an explicit format accepts what `ogp_date` accepts (the same date), plus
years outside 1901-2999 and words such as `epoch` (read as 1900-01-01): `_bad` flags those
dates so that the general path decides. `tests/test_fast_read.py` compares both paths.

`_bad` (per row) is true when a cell could not be read exactly as the general path reads it or
a required cell is blank: it stands for the checks of single cells in the aggregate pass. A
check of single cells added to `checks.table_checks` that needs the cell as written must make
`_bad` true too (in `column_sql`), or this path would not see it.

Coded values read as ENUMs are stored as ENUMs (a byte a cell: cheap to write into the cache
and to scan); `stored_tables.view_sql` shows them to every query as text.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

import duckdb

from ogp_metrics.contract import schema
from ogp_metrics.contract.schema import Column, Kind, Table
from ogp_metrics.ingest import limits, normalise
from ogp_metrics.ingest.checks import count_found, table_checks
from ogp_metrics.ingest.csv_files import DecodedFile

SAMPLE_BYTES = 256 * 1024  # the first rows, from which each column's reading is chosen
REJECTS_LISTED = 1000  # the reject table stops there: enough to know which columns to reread
# Each date format the typed reader may use, and what a cell must look like in the sample.
DATE_FORMATS = {"%Y-%m-%d": re.compile(r"[12][0-9]{3}-[0-9]{2}-[0-9]{2}"),
                "%d/%m/%Y": re.compile(r"[0-9]{2}/[0-9]{2}/[12][0-9]{3}")}
TEXT = "VARCHAR"
SECTOR_ENUM = f"ENUM({', '.join(normalise.literal(sector) for sector in schema.SECTORS)})"


@dataclass(frozen=True)
class Reading:
    """How one column is read: the type the CSV reader gives it, and how it becomes a value."""

    read_type: str  # a DuckDB type, or TEXT
    exact: dict[str, str] | None = None  # for an ENUM of spellings: each -> SQL of its value
    reference: bool = False  # an ENUM of the values of the column it references


def sample_rows(decoded: DecodedFile) -> list[list[str]]:
    """The first records after the header (a record cut by the sample's end left out)."""
    with decoded.path.open("rb") as stream:
        head = stream.read(SAMPLE_BYTES)
    text = head.decode("utf-8-sig", errors="replace")
    complete = len(head) < SAMPLE_BYTES
    if not complete:
        text = text[: text.rfind("\n") + 1]
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=decoded.separator))
    return rows[1:]


def _date_format(table: Table, positions: dict[str, int], rows: list[list[str]]) -> str | None:
    """The date format most of the sample's dates are written in (None when no date column)."""
    dates = [column for column in table.columns if column.kind is Kind.DATE and column.name in positions]
    if not dates:
        return None
    votes = dict.fromkeys(DATE_FORMATS, 0)
    for column in dates:
        for cell in _cells(rows, positions[column.name]):
            for name, pattern in DATE_FORMATS.items():
                votes[name] += bool(pattern.fullmatch(cell))
    best = max(votes, key=votes.get)
    return best if votes[best] else next(iter(DATE_FORMATS))


def _cells(rows: list[list[str]], position: int) -> list[str]:
    return [row[position] for row in rows if position < len(row) and row[position] != ""]


def plan_columns(table: Table, positions: dict[str, int], rows: list[list[str]],
                 references: dict[str, list[str]], date_format: str | None) -> dict[str, Reading]:
    """How each present column of the file is read; `references[column]` lists the values of
    the column it references when that file has been read."""
    plan: dict[str, Reading] = {}
    for column in table.columns:
        if column.name not in positions:
            continue
        cells = _cells(rows, positions[column.name])
        plan[column.name] = _reading(column, cells, references.get(column.name), date_format)
    return plan


def _reading(column: Column, cells: list[str], referenced: list[str] | None,
             date_format: str | None) -> Reading:
    if column.kind is Kind.DATE and date_format:
        pattern = DATE_FORMATS[date_format]
        if all(pattern.fullmatch(cell) for cell in cells):
            return Reading("DATE")
    exact = normalise.exact_values(column)
    if exact is not None and all(cell in exact for cell in cells):
        spellings = ", ".join(normalise.literal(key) for key in exact)
        return Reading(f"ENUM({spellings})", exact=exact)
    if referenced and column.kind is Kind.IDENTIFIER:
        known = set(referenced)
        if all(cell in known for cell in cells):
            return Reading(_reference_type(column), reference=True)
    return Reading(TEXT)


def _reference_type(column: Column) -> str:
    table, target = column.references
    return f"ogp_ref_{table}_{target}"


@dataclass(frozen=True)
class ColumnSql:
    """One column's SQL, in the three steps of `_read` (each computed once per cell)."""

    read: str  # from the cell `c` as read: `v`, the value before the column's default
    value: str  # from `v` (and `c`): the value stored
    bad: str  # from the value, `v` and `c`: true when the general path must decide


def column_sql(column: Column, reading: Reading, cell: str, read: str, value: str) -> ColumnSql:
    """The SQL of one present column, given the names of its cell, its read value and its value."""
    default = normalise.typed(column, normalise.literal(column.default)) if column.default else None
    if reading.read_type == TEXT:
        first = normalise.typed(column, cell)  # a blank cell gives NULL, so the default comes after
        stored = read
        if default:
            stored = (f"CASE WHEN {read} IS NOT NULL THEN {read} "
                      f"WHEN ogp_blank({cell}) IS NULL THEN {default} END")
        bad = [normalise.invalid(column, cell, read)]
    else:
        # ENUMs are stored as they are read (`stored_tables.view_sql` shows them as text).
        first = cell
        if reading.exact is not None and any(sql != normalise.literal(key)
                                             for key, sql in reading.exact.items()):
            # Each spelling's value by the ENUM's own number: one lookup, not a CASE per spelling.
            first = f"[{', '.join(reading.exact.values())}][enum_code({cell}) + 1]"
            if column.kind is Kind.SECTOR:
                first = f"CAST({first} AS {SECTOR_ENUM})"
        stored = f"coalesce({read}, {default})" if default else read
        bad = [f"{read} < DATE '1901-01-01' OR {read} >= DATE '3000-01-01'"] \
            if reading.read_type == "DATE" else []
    if column.required:
        bad.append(f"{value} IS NULL")
    return ColumnSql(first, stored, " OR ".join(f"({condition})" for condition in bad))


def _blank(reading: Reading | None, cell: str) -> str:
    """SQL true when the cell is not blank."""
    if reading is None or reading.read_type == TEXT:
        return f"ogp_blank({cell}) IS NOT NULL"
    return f"{cell} IS NOT NULL"  # typed readers give NULL for a blank cell, never spaces


def _any(conditions: list[str]) -> str:
    """SQL true when any condition is: a CASE, which stops at the first (an OR would test all)."""
    if not conditions:
        return "false"
    return f"CASE {' '.join(f'WHEN {condition} THEN true' for condition in conditions)} ELSE false END"


def _create_reference_types(connection, table: Table, plan: dict[str, Reading]) -> None:
    """The ENUM of each referenced column's values, made once per load (files that name the
    same column share it; the stored columns keep it, in the cache file too)."""
    for name, reading in plan.items():
        if reading.reference:
            column = table.column(name)
            target_table, target_column = column.references
            type_name = _reference_type(column)
            exists = connection.execute(
                "SELECT count(*) FROM duckdb_types() WHERE type_name = $name "
                "AND database_name = current_database()", {"name": type_name}).fetchone()[0]
            if not exists:
                connection.execute(
                    f"CREATE TYPE {type_name} AS ENUM (SELECT DISTINCT {target_column} "
                    f"FROM stage_{target_table} WHERE {target_column} IS NOT NULL)")


def _read(connection, table: Table, decoded: DecodedFile, positions: dict[str, int],
          plan: dict[str, Reading], date_format: str | None) -> set[str] | None:
    """Read the file into the temporary table `read_<table>`: the values, `_bad` and `_blank`
    (`stage` numbers the rows and keeps them as `stage_<table>`).

    Return the positional names of the columns whose cells the reader refused (empty when
    none), or None when a record is ragged or cannot be parsed (the general path says why).
    """
    name = table.name
    width = max(len(decoded.header), 1)
    readings = {position: plan[column] for column, position in positions.items()}
    columns = {f"c{i}": (readings[i].read_type if i in readings else TEXT) for i in range(width)}
    # Three steps, so that each expression is computed once per cell: read values (and whether
    # the row is blank), then stored values, then `_bad`.
    reads, values, outputs, bad = [], ["_blank"], [], []
    for column in table.columns:
        if column.name not in positions:
            values.append(f"{_absent_value(column)} AS {column.name}")
        else:
            cell = f"c{positions[column.name]}"
            read, value = f"{column.name}__read", column.name
            sql = column_sql(column, plan[column.name], cell, read, value)
            reads.append(f"{sql.read} AS {read}, {cell}")
            values.append(f"{sql.value} AS {value}, {read}, {cell}")
            if sql.bad:
                bad.append(sql.bad)
        outputs.append(column.name)
    # Cheap tests first: a typed cell that is not NULL settles most rows at once.
    order = sorted(range(width), key=lambda i: i not in readings or readings[i].read_type == TEXT)
    reads.append(f"NOT ({_any([_blank(readings.get(i), f'c{i}') for i in order])}) AS _blank")
    options = ("delim=$sep, quote='\"', escape='\"', header=true, columns=$columns, auto_detect=false, "
               "strict_mode=true")
    rejects = (f", store_rejects=true, rejects_table='fast_rejects_{name}', "
               f"rejects_scan='fast_rejects_scan_{name}', rejects_limit={REJECTS_LISTED}")
    params = {"path": str(decoded.path), "sep": decoded.separator, "columns": columns}
    if date_format and "DATE" in columns.values():
        options += ", dateformat=$date_format"
        params["date_format"] = date_format
    _create_reference_types(connection, table, plan)
    # Read in parallel into a temporary table (`stage` numbers its rows, checks them, and keeps
    # the valid ones as `stage_<table>`).
    create = (f"CREATE OR REPLACE TEMP TABLE read_{name} AS "
              f"SELECT {', '.join(outputs)}, {_any(bad)} AS _bad, _blank "
              f"FROM (SELECT {', '.join(values)} FROM (SELECT {', '.join(reads)} "
              "FROM read_csv($path, @options)))")
    try:
        # A valid file is read once, without the reject tables' bookkeeping.
        connection.execute(create.replace("@options", options), params)
        return set()
    except duckdb.Error:
        # A row far wider than its header makes the rejecting reader crawl: the general path
        # says what is wrong with such a file (see `limits`).
        if limits.wide_rows(table.filename, decoded, 1):
            return None
    try:
        connection.execute(create.replace("@options", options + rejects), params)
        rejected = connection.execute(
            f"SELECT DISTINCT column_name, error_type FROM fast_rejects_{name}").fetchall()
    finally:
        connection.execute(f"DROP TABLE IF EXISTS fast_rejects_{name}; "
                           f"DROP TABLE IF EXISTS fast_rejects_scan_{name}")
    if any(error_type != "CAST" for _column, error_type in rejected):
        return None
    return {column for column, _error_type in rejected}


def _absent_value(column: Column) -> str:
    if column.default is not None:
        return normalise.typed(column, normalise.literal(column.default))
    return f"CAST(NULL AS {normalise.SQL_TYPES[column.kind]})"


def _referenced_values(connection, table: Table, positions: dict[str, int],
                       staged: dict[str, Table]) -> dict[str, list[str]]:
    values = {}
    for column in table.columns:
        if column.references and column.name in positions and column.references[0] in staged:
            target_table, target_column = column.references
            values[column.name] = [row[0] for row in connection.execute(
                f"SELECT DISTINCT {target_column} FROM stage_{target_table} "
                f"WHERE {target_column} IS NOT NULL").fetchall()]
    return values


def stage(connection, table: Table, decoded: DecodedFile, positions: dict[str, int],
          staged: dict[str, Table]) -> tuple[int, frozenset[str]] | None:
    """Read and check a file by the fast path into `stage_<table>` (no `__raw` columns).

    Return its number of rows and the columns whose references it has checked, or None when
    the file must go through the general path (anything wrong, or records it cannot number);
    `stage_<table>` is then dropped.
    """
    rows = sample_rows(decoded)
    date_format = _date_format(table, positions, rows)
    references = _referenced_values(connection, table, positions, staged)
    plan = plan_columns(table, positions, rows, references, date_format)
    by_position = {f"c{position}": column for column, position in positions.items()}
    try:
        for attempt in range(3):
            refused = _read(connection, table, decoded, positions, plan, date_format)
            if refused is None:
                return _give_up(connection, table)
            if not refused:
                break
            # A cell further down than the sample: reread its column as text, then everything.
            for column in plan if attempt else {by_position[c] for c in refused if c in by_position}:
                plan[column] = Reading(TEXT)
        else:
            return _give_up(connection, table)
        read = f"read_{table.name}"
        records, blank = connection.execute(
            f"SELECT count(*), count(*) FILTER (WHERE _blank) FROM {read}").fetchone()
        if records + 1 != decoded.physical_lines:
            return _give_up(connection, table)  # a record spans lines, or a line was skipped
        # With every record on its line, a row's `rowid` (insertion order is kept) is its place
        # in the file: with the header, its spreadsheet row. `WITH ORDINALITY` on the reader, or
        # a window's row_number(), made the read two to three times slower. The checks see the
        # rows as `stage_<table>` (a view, until they pass).
        numbered = f"SELECT rowid + 2 AS _row, * FROM {read}"
        connection.execute(f"CREATE TEMP VIEW stage_{table.name} AS {numbered}")
        found = count_found(connection, table, table_checks(table, positions, cells_as_written=False),
                            source=f"(SELECT * FROM stage_{table.name} WHERE NOT _blank)")
        if any(found):
            return _give_up(connection, table)
        # Written once, as it is kept: no column dropped or row deleted afterwards (which would
        # make DuckDB rewrite the table in the cache file). Ordered by `_row` (the order it is in
        # already): DuckDB then compresses and writes the rows as the sort hands them over, where
        # without it the checkpoint compressed the whole table afterwards, on one thread
        # (10 M records: about 5.4 s in all against 6.9 to 10 s; the sort holds about 0.4 GB more).
        columns = ", ".join(["_row", *(column.name for column in table.columns)])
        connection.execute(f"DROP VIEW temp.stage_{table.name}")
        connection.execute(f"CREATE OR REPLACE TABLE stage_{table.name} AS SELECT {columns} "
                           f"FROM ({numbered}) WHERE NOT _blank ORDER BY _row")
        connection.execute(f"DROP TABLE {read}")
    except duckdb.Error:
        return _give_up(connection, table)  # the general path says what is wrong
    verified = frozenset(name for name, reading in plan.items() if reading.reference)
    return records - blank, verified


def _give_up(connection, table: Table) -> None:
    connection.execute(f"DROP VIEW IF EXISTS temp.stage_{table.name}")
    connection.execute(f"DROP TABLE IF EXISTS read_{table.name}")
    connection.execute(f"DROP TABLE IF EXISTS stage_{table.name}")
    return None
