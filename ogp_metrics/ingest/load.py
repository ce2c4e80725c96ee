"""Load a data folder into DuckDB: read every file, check every cell, refuse a bad folder whole.

`load_plan(folder)` returns a `Plan` whose connection holds one typed table per
file of the contract, or raises `DataFolderError` whose report lists every problem.
`inspect_folder(folder)` returns that report either way. Reading never writes
under the data folder: transcoded copies go to a temporary folder elsewhere.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from ogp_metrics.contract.aliases import header_key
from ogp_metrics.contract.schema import TABLES, Table
from ogp_metrics.ingest import hints, limits, normalise, stored_tables, typed_read
from ogp_metrics.ingest.checks import PROBLEMS_LISTED_PER_CHECK, check_cells, check_references
from ogp_metrics.ingest.csv_files import BLANK, UnreadableFile, decode, record_rows
from ogp_metrics.ingest.problems import DataFolderError, Problem

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "data"


CONNECTION_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


@dataclass
class FileReport:
    table: str
    filename: str
    present: bool
    rows: int = 0
    sha256: str = ""
    size: int = 0
    modified: datetime | None = None
    encoding: str = ""
    separator: str = ""
    extra_columns: list[str] = field(default_factory=list)


@dataclass
class FolderReport:
    folder: Path
    files: list[FileReport] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def version(self) -> str:
        """A hash of every file's content: it changes when any file does."""
        digest = hashlib.sha256()
        for file in self.files:
            digest.update(f"{file.filename}:{file.sha256};".encode())
        return digest.hexdigest()[:16]


@dataclass
class Plan:
    """A loaded, valid data folder. Use `cursor()` per query: a connection is not thread-safe."""

    connection: duckdb.DuckDBPyConnection
    report: FolderReport
    from_cache: bool = False  # read back from a cache file written before (`ingest.cache`)
    cache_file: Path | None = None  # the cache file its tables are read from, if any

    @property
    def version(self) -> str:
        return self.report.version

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.connection.cursor()


def data_folder(folder: str | os.PathLike | None = None) -> Path:
    """The folder to read: the argument, else `OGP_DATA_DIR`, else the bundled `data/`."""
    if folder:
        return Path(folder)
    return Path(os.environ.get("OGP_DATA_DIR") or DEFAULT_FOLDER)


def new_connection(database: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A connection to a new database: in memory, or the DuckDB file `database`."""
    connection = duckdb.connect(str(database) if database else ":memory:", config=CONNECTION_CONFIG)
    # No progress bar: DuckDB would print it into a command's output (`summary --json`).
    connection.execute("SET enable_progress_bar = false")
    connection.execute(normalise.MACROS)
    return connection


def load_plan(folder: str | os.PathLike | None = None, database: Path | None = None) -> Plan:
    """Load and validate a folder; raise `DataFolderError` listing every problem.

    The tables are built in memory, or in the new DuckDB file `database` (the cache's: the
    tables are then written once, as they are read, and memory stays bounded)."""
    connection, report = _load(data_folder(folder), database)
    if connection is None:
        raise DataFolderError(report)
    return Plan(connection, report)


def inspect_folder(folder: str | os.PathLike | None = None) -> FolderReport:
    connection, report = _load(data_folder(folder))
    if connection is not None:
        connection.close()
    return report


def stage_one(connection: duckdb.DuckDBPyConnection, data: bytes, table: Table,
              name: str) -> tuple[FileReport, list[Problem]]:
    """Read one file of `table`'s shape into the table `name` of `connection`: `_row`, each column
    typed and `<column>__raw`, as the loader stages it (its cells checked, not its references)."""
    workdir = Path(tempfile.mkdtemp(prefix="ogp-metrics-"))
    problems: list[Problem] = []
    file_report = FileReport(table.name, table.filename, present=False)
    try:
        (workdir / table.filename).write_bytes(data)
        if _stage_file(connection, workdir, table, file_report, workdir, problems, {}) is not None:
            connection.execute(f"ALTER TABLE stage_{table.name} RENAME TO {name}")
        return file_report, sorted(hints.refine(problems), key=Problem.sort_key)
    except duckdb.Error as error:  # as `_load` says it of a file DuckDB cannot parse at all
        return file_report, [Problem(table.filename, "unreadable", details={"reason": str(error)[:300]})]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _load(folder: Path, database: Path | None = None) -> tuple[duckdb.DuckDBPyConnection | None,
                                                                FolderReport]:
    report = FolderReport(folder)
    if not folder.is_dir():
        report.problems.append(Problem("", "missing_folder", value=str(folder)))
        return None, report
    connection = new_connection(database)
    workdir = Path(tempfile.mkdtemp(prefix="ogp-metrics-"))
    try:
        staged: dict[str, Table] = {}
        verified: dict[str, frozenset[str]] = {}  # reference columns the fast path has checked
        for table in TABLES:
            file_report = FileReport(table.name, table.filename, present=False)
            report.files.append(file_report)
            checked = _stage_file(connection, folder, table, file_report, workdir, report.problems,
                                  staged)
            if checked is not None:
                staged[table.name] = table
                verified[table.name] = checked
        absent = {file.table for file in report.files if not file.present}
        for table in staged.values():
            check_references(connection, table, staged, report.problems, verified[table.name], absent)
        if report.problems:
            connection.close()
            report.problems = sorted(hints.refine(report.problems), key=Problem.sort_key)
            return None, report
        for table in TABLES:
            stored_tables.publish(connection, table, present=table.name in staged)
        stored_tables.publish_summaries(connection)
        return connection, report
    except duckdb.Error as error:  # a file DuckDB cannot parse at all
        connection.close()
        report.problems.append(Problem("", "unreadable", details={"reason": str(error)[:300]}))
        return None, report
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _stage_file(connection, folder: Path, table: Table, file_report: FileReport, workdir: Path,
                problems: list[Problem], staged: dict[str, Table]) -> frozenset[str] | None:
    """Read one file into `stage_<table>`, by the fast path when it can (`typed_read`).

    Return None when the file could not be read at all, else the columns whose references
    are already checked."""
    path = folder / table.filename
    refused = limits.not_regular(path)
    if refused is not None:
        problems.append(refused)
        return None
    if not path.is_file():
        if not table.optional:
            problems.append(Problem(table.filename, "missing_file"))
        return None
    file_report.present = True
    stat = path.stat()
    file_report.modified = datetime.fromtimestamp(stat.st_mtime)
    file_report.size = stat.st_size
    refused = limits.too_large(path)
    if refused is not None:
        problems.append(refused)
        return None
    try:
        decoded = decode(path, workdir)
    except UnreadableFile as error:
        problems.append(Problem(table.filename, error.code, row=error.row, column=error.column,
                                details=error.details))
        return None
    except OSError as error:
        problems.append(Problem(table.filename, "unreadable", details={"reason": error.strerror or ""}))
        return None
    except csv.Error:
        problems.append(Problem(table.filename, "not_csv"))
        return None
    file_report.sha256 = decoded.sha256
    file_report.encoding = decoded.encoding
    file_report.separator = decoded.separator
    refused = limits.header_problem(table.filename, decoded)
    if refused is not None:
        problems.append(refused)
        return None

    positions = _match_header(table, decoded.header, file_report, problems)
    if positions is None:
        return None
    with _planned_for(connection, stat.st_size):
        fast = typed_read.stage(connection, table, decoded, positions, staged)
        if fast is not None:
            file_report.rows, checked = fast
            return checked
        # The general path: every cell as text beside its value, each problem listed by row.
        try:
            source = _read_raw(connection, table, decoded, problems)
            if source is None:
                return None
        except (duckdb.Error, csv.Error):
            # The parsers' own words describe their internals (and a temporary path): say what to do.
            problems.append(Problem(table.filename, "not_csv"))
            return None
        _stage_typed(connection, table, positions, source)
        file_report.rows = check_cells(connection, table, positions, problems)
        return frozenset()


# The cleaning expressions repeat each cell many times (the macros nest): DuckDB's common-
# subexpression pass computes each once, but planning it costs up to 50 ms a file, half of a
# small folder's load. A small file's rows cost less to compute twice; from about 10 000 rows
# (progress updates: 300 KB) the pass pays for itself.
SMALL_FILE_BYTES = 128 * 1024


@contextmanager
def _planned_for(connection: duckdb.DuckDBPyConnection, size: int) -> Iterator[None]:
    """Stage a file of `size` bytes without the common-subexpression pass when it is small."""
    if size >= SMALL_FILE_BYTES:
        yield
        return
    connection.execute("SET disabled_optimizers = 'common_subexpressions'")
    try:
        yield
    finally:
        connection.execute("RESET disabled_optimizers")


def _match_header(table: Table, header: list[str], file_report: FileReport,
                  problems: list[Problem]) -> dict[str, int] | None:
    """Map each contract column to its position in the file, or report what is missing."""
    wanted = {header_key(column.name): column.name for column in table.columns}
    positions: dict[str, int] = {}
    for position, name in enumerate(header):
        key = header_key(name)
        if key in wanted:
            column = wanted[key]
            if column in positions:
                problems.append(Problem(table.filename, "duplicate_column", row=1, column=column,
                                        value=name.strip()))
            positions[column] = position
        elif key:
            file_report.extra_columns.append(name.strip())
    missing = [c.name for c in table.columns if c.required and c.name not in positions]
    for column in missing:
        problems.append(Problem(table.filename, "missing_column", row=1, column=column,
                                details={"found": ", ".join(h.strip() for h in header)[:200]}))
    if missing or any(p.code == "duplicate_column" and p.file == table.filename for p in problems):
        return None
    return positions


def _read_raw(connection, table: Table, decoded, problems: list[Problem]) -> str | None:
    """Parse the file into `raw_<table>` (all text); report ragged rows.

    Return SQL for its non-blank records with their `_row` (None when the file is ragged).
    """
    width = max(len(decoded.header), 1)
    columns = {f"c{i}": "VARCHAR" for i in range(width)}
    name = table.name
    read = (f"CREATE OR REPLACE TABLE raw_{name} AS SELECT * FROM read_csv($path, delim=$sep, "
            "quote='\"', escape='\"', header=true, columns=$columns, auto_detect=false, "
            "strict_mode=true{rejects})")  # (max_line_size=1048576 made this read 3 times slower)
    parameters = {"path": str(decoded.path), "sep": decoded.separator, "columns": columns}
    try:
        # A valid file is read once. Only a file the strict read refuses is read again, keeping
        # what it rejects, once known to hold no row far wider than its header (see `limits`).
        connection.execute(read.format(rejects=""), parameters)
    except duckdb.Error:
        wide = limits.wide_rows(table.filename, decoded, PROBLEMS_LISTED_PER_CHECK)
        if wide:
            problems.extend(wide)
            return None
        connection.execute(read.format(rejects=f", store_rejects=true, rejects_table='rejects_{name}', "
                                               f"rejects_scan='rejects_scan_{name}'"), parameters)
    rejected = connection.execute(
        f"SELECT line, error_type, error_message, csv_line FROM rejects_{name} ORDER BY line, column_idx"
    ).fetchall() if _has_table(connection, f"rejects_{name}") else []
    ragged: dict[int, tuple[str, str, str]] = {}
    for line, error_type, message, csv_line in rejected:
        if _blank_line(csv_line, decoded.separator):
            continue  # spaces or separators only, of any width: a blank row, dropped below
        # DuckDB reports a short row once per missing cell and a long one once per extra cell:
        # the first report of a short row and the last of a long one give its true width.
        if line not in ragged or error_type == "TOO MANY COLUMNS":
            ragged[int(line)] = (error_type, *_column_counts(message))
    connection.execute(f"DROP TABLE IF EXISTS rejects_{name}; DROP TABLE IF EXISTS rejects_scan_{name}")
    for line, (error_type, expected, found) in sorted(ragged.items())[:PROBLEMS_LISTED_PER_CHECK]:
        code = "ragged_row" if error_type in ("MISSING COLUMNS", "TOO MANY COLUMNS") else "bad_row"
        code = limits.reject_code(error_type) or code
        problems.append(Problem(table.filename, code, row=line,
                                details={"expected": expected, "found": found,
                                         "limit": str(limits.MAX_LINE_MB)}))
    if len(ragged) > PROBLEMS_LISTED_PER_CHECK:
        problems.append(Problem(table.filename, "more_problems",
                                details={"count": str(len(ragged) - PROBLEMS_LISTED_PER_CHECK)}))
    if ragged:
        return None

    blank_row = " AND ".join(f"ogp_blank(c{i}) IS NULL" for i in range(width))
    records = connection.execute(f"SELECT count(*) FROM raw_{name}").fetchone()[0]
    one_line_per_record = decoded.physical_lines == records + 1
    if one_line_per_record:
        # Numbered and filtered within the one pass that types the cells (no UPDATE, no DELETE:
        # each would be another full pass over the file).
        # A first cell starting with a visible character settles most rows cheaply.
        return (f"(SELECT *, rowid + 2 AS _row FROM raw_{name} "
                f"WHERE ascii(c0) NOT IN (0, 9, 32, 160, 8239) OR NOT ({blank_row}))")
    else:
        # Blank rows go first: `record_rows` skips them too, so the two readers' records pair up.
        connection.execute(f"DELETE FROM raw_{name} WHERE {blank_row}")
        records = connection.execute(f"SELECT count(*) FROM raw_{name}").fetchone()[0]
        rows = record_rows(decoded)
        if len(rows) != records:  # the two readers disagree: keep a best guess rather than fail
            rows = [index + 2 for index in range(records)]
        connection.execute(
            f"CREATE OR REPLACE TABLE raw_{name} AS SELECT r.*, m._row FROM "
            f"(SELECT *, row_number() OVER (ORDER BY rowid) - 1 AS _index FROM raw_{name}) r JOIN "
            "(SELECT CAST(unnest($rows) AS BIGINT) AS _row, generate_subscripts($rows, 1) - 1 AS _index) m "
            "USING (_index) ORDER BY _index",
            {"rows": rows},
        )
    return f"raw_{name}"


def _has_table(connection, name: str) -> bool:
    return bool(connection.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = $name",
                                   {"name": name}).fetchone()[0])


def _blank_line(line: str | None, separator: str) -> bool:
    return not (line or "").strip(BLANK + "\r\n\"" + separator)


def _column_counts(message: str) -> tuple[str, str]:
    digits = [word.strip(".,") for word in message.split() if word.strip(".,").isdigit()]
    return (digits[0], digits[1]) if len(digits) >= 2 else ("", "")


def _stage_typed(connection, table: Table, positions: dict[str, int], source: str) -> None:
    """`stage_<table>`: `_row`, each column typed, and `<column>__raw` as written."""
    selects = ["_row"]
    for column in table.columns:
        if column.name in positions:
            raw = f"c{positions[column.name]}"
            if column.not_reviewed:
                raw = normalise.not_reviewed(raw)
            if column.default is not None:
                raw = f"coalesce(ogp_blank({raw}), {normalise.literal(column.default)})"
            selects.append(f"{normalise.typed(column, raw)} AS {column.name}")
            selects.append(f"{raw} AS {column.name}__raw")
        else:
            sql_type = normalise.SQL_TYPES[column.kind]
            if column.default is not None:
                value = normalise.typed(column, normalise.literal(column.default))
            else:
                value = f"CAST(NULL AS {sql_type})"
            selects.append(f"{value} AS {column.name}")
            selects.append(f"CAST(NULL AS VARCHAR) AS {column.name}__raw")
    # No ORDER BY: the source is in file order and DuckDB keeps insertion order (a sort of
    # millions of rows would cost more than the typing itself).
    connection.execute(
        f"CREATE OR REPLACE TABLE stage_{table.name} AS SELECT {', '.join(selects)} FROM {source}"
    )
    connection.execute(f"DROP TABLE raw_{table.name}")
