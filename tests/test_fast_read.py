"""The fast path (`ingest.typed_read`) reads files to exactly the tables the general path reads,
takes the files written in a canonical form, and leaves everything else to the general path.

Each comparison loads one folder twice: as the loader does (fast path first), and with the
fast path switched off (every file through the general path, which reads each cell as text).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

import duckdb
import pytest
from helpers import BUNDLED, FRENCH_EXCEL, TINY, copy_tiny, read_records, write_records

from ogp_metrics.contract.schema import TABLES, TABLES_BY_NAME, Kind
from ogp_metrics.ingest import load, normalise, typed_read
from ogp_metrics.ingest.problems import DataFolderError
from ogp_metrics.outputs.synthetic_plan import generate


def _tables(plan) -> dict:
    return {table.name: plan.connection.execute(f"SELECT * FROM {table.name} ORDER BY _row").df()
            for table in TABLES}


def _load_both(folder: Path, monkeypatch) -> tuple[dict, dict, list[str]]:
    """The folder's tables by the loader, the tables with the fast path off, and the files the
    fast path took."""
    taken: list[str] = []
    real = typed_read.stage

    def spying(connection, table, *args):
        result = real(connection, table, *args)
        if result is not None:
            taken.append(table.name)
        return result

    with monkeypatch.context() as patch:
        patch.setattr(typed_read, "stage", spying)
        fast = load.load_plan(folder)
    with monkeypatch.context() as patch:
        patch.setattr(typed_read, "stage", lambda *args: None)
        general = load.load_plan(folder)
    try:
        assert [(f.filename, f.rows, f.extra_columns) for f in fast.report.files] == \
            [(f.filename, f.rows, f.extra_columns) for f in general.report.files]
        return _tables(fast), _tables(general), taken
    finally:
        fast.connection.close()
        general.connection.close()


def _assert_same(first: dict, second: dict) -> None:
    for name, frame in first.items():
        assert list(frame.dtypes) == list(second[name].dtypes), name
        assert frame.equals(second[name]), name


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("generated")
    folders = {}
    for variant in ("plain", "french-excel", "staff"):
        folders[variant] = root / variant
        generate(folders[variant], 4000, seed=5, variant=variant)
    return folders


@pytest.mark.parametrize("name", ["tiny", "bundled", "french_excel"])
def test_fixture_folders_go_through_the_fast_path_to_the_same_tables(name, monkeypatch):
    folder = {"tiny": TINY, "bundled": BUNDLED, "french_excel": FRENCH_EXCEL}[name]
    fast, general, taken = _load_both(folder, monkeypatch)
    _assert_same(fast, general)
    present = [table.name for table in TABLES if (folder / table.filename).is_file()]
    assert taken == present


@pytest.mark.parametrize("variant", ["plain", "french-excel", "staff"])
def test_generated_variants_go_through_the_fast_path_to_the_same_tables(generated, variant,
                                                                         monkeypatch):
    fast, general, taken = _load_both(generated[variant], monkeypatch)
    _assert_same(fast, general)
    assert "participation" in taken and "meetings" in taken


def _long_participation(folder: Path, last_row: list[str]) -> int:
    """Make participation.csv longer than the sample the readings are chosen from, ending with
    `last_row`; return that row's spreadsheet row."""
    path = folder / "participation.csv"
    records = read_records(path)
    header, body = records[0], records[1:]
    rows = [body[index % len(body)] for index in range(typed_read.SAMPLE_BYTES // 20)]
    write_records(path, [header, *rows, last_row])
    return len(rows) + 2


def test_a_spelling_past_the_sample_is_read_again_as_text(tmp_path, monkeypatch):
    folder = copy_tiny(tmp_path)
    row = _long_participation(folder, ["2025-03-01", "Budget participatif", "C1", "75011",
                                       "1 200", "", "", "F"])
    fast, general, taken = _load_both(folder, monkeypatch)
    _assert_same(fast, general)
    assert "participation" in taken
    last = fast["participation"].iloc[-1]
    assert (last["_row"], last["activity"], last["arrondissement"], last["participants"],
            last["gender"]) == (row, "participatory_budget", "11", 1200, "female")


@pytest.mark.parametrize("cells, column, code, value", [
    (["2025-03-01", "other", "C1", "11", "-5", "", "", ""], "participants", "bad_whole", "-5"),
    (["2025-03-01", "other", "C9", "11", "5", "", "", ""], "commitment_id", "unknown_reference", "C9"),
], ids=["past the sample", "unknown reference"])
def test_a_problem_past_the_sample_is_listed_at_its_row_with_its_value(tmp_path, cells, column, code, value):
    folder = copy_tiny(tmp_path)
    row = _long_participation(folder, cells)
    with pytest.raises(DataFolderError) as raised:
        load.load_plan(folder)
    problems = [(p.file, p.row, p.column, p.code, p.value) for p in raised.value.report.problems]
    assert problems == [("participation.csv", row, column, code, value)]


def _date_cases(count: int) -> list[str]:
    """Dates as written, then mutated: characters inserted, dropped or replaced."""
    generator = random.Random(14)
    alphabet = "0123456789-/ .:T+eE\t\u00a0abBCinfty"
    bases = ["2025-01-05", "1999-12-31", "05/01/2025", "31/12/1999", "2024-02-29", "29/02/2024",
             "epoch", "infinity", "0025-01-05", "3025-01-05", "1900-01-01"]
    cases = set(bases)
    while len(cases) < count:
        cells = list(generator.choice(bases))
        for _change in range(generator.randint(1, 3)):
            position = generator.randint(0, len(cells))
            roll = generator.random()
            if roll < 0.4:
                cells.insert(position, generator.choice(alphabet))
            elif cells and roll < 0.7:
                cells.pop(min(position, len(cells) - 1))
            elif cells:
                cells[min(position, len(cells) - 1)] = generator.choice(alphabet)
        cases.add("".join(cells))
    return sorted(cases)


@pytest.mark.parametrize("date_format", list(typed_read.DATE_FORMATS))
def test_a_date_the_typed_reader_accepts_is_the_date_the_general_path_reads(tmp_path, date_format):
    cases = _date_cases(20_000)
    path = tmp_path / "dates.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["i", "d"])
        writer.writerows(enumerate(cases))
    connection = load.new_connection()
    options = "header=true, auto_detect=false, delim=',', quote='\"', escape='\"'"
    general = dict(connection.execute(
        f"SELECT i, ogp_date(d) FROM read_csv($path, columns={{'i': 'INTEGER', 'd': 'VARCHAR'}}, "
        f"{options})", {"path": str(path)}).fetchall())
    column = TABLES_BY_NAME["participation"].column("date")
    bad = typed_read.column_sql(column, typed_read.Reading("DATE"), "d", "d", "d").bad
    fast = connection.execute(
        f"SELECT i, d, {bad} FROM read_csv($path, columns={{'i': 'INTEGER', 'd': 'DATE'}}, "
        f"{options}, dateformat=$format, store_rejects=true)",
        {"path": str(path), "format": date_format}).fetchall()
    assert len(fast) > 100  # the typed reader accepted some
    for index, value, flagged in fast:
        if not flagged:  # what the fast path keeps is what the general path reads
            assert value == general[index], cases[index]
    connection.close()


def test_every_exact_spelling_reads_as_the_general_macro_reads_it():
    connection = duckdb.connect()
    connection.execute(normalise.MACROS)
    checked = 0
    for table in TABLES:
        for column in table.columns:
            exact = normalise.exact_values(column)
            if exact is None:
                continue
            for spelling, value_sql in exact.items():
                fast, general = connection.execute(
                    f"SELECT {value_sql}, {normalise.general_value(column, '$cell')}",
                    {"cell": spelling}).fetchone()
                assert fast == general and fast is not None, (column.name, spelling)
                checked += 1
    assert checked > 100
    assert {Kind.SECTOR, Kind.CHOICE, Kind.BOOLEAN} <= {
        column.kind for table in TABLES for column in table.columns if normalise.exact_values(column)}


def test_small_files_are_planned_without_the_costly_pass_to_the_same_tables(generated, monkeypatch):
    """Files under `SMALL_FILE_BYTES` skip DuckDB's common-subexpression pass while they are
    read: the tables are those read with it, and the plan's connection keeps the pass."""
    folder = generated["staff"]
    sizes = {table.name: (folder / table.filename).stat().st_size for table in TABLES
             if (folder / table.filename).is_file()}
    assert min(sizes.values()) < load.SMALL_FILE_BYTES <= sizes["participation"]  # both kinds
    plan = load.load_plan(folder)
    try:
        assert plan.connection.execute("SELECT current_setting('disabled_optimizers')").fetchone() == ("",)
        planned_small = _tables(plan)
    finally:
        plan.connection.close()
    monkeypatch.setattr(load, "SMALL_FILE_BYTES", 0)  # every file with the pass
    plan = load.load_plan(folder)
    try:
        _assert_same(planned_small, _tables(plan))
    finally:
        plan.connection.close()
