"""Helpers shared by the data-foundation tests: fixture folders, writing CSV files, loading.

A CSV file is handled here as a list of records (the header first), each a list of cells,
so that a test can change one cell by its spreadsheet row (header = row 1) and column name.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ogp_metrics.contract.schema import TABLES
from ogp_metrics.ingest.load import FolderReport, load_plan
from ogp_metrics.ingest.problems import DataFolderError, Problem, describe_problem

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
TINY = FIXTURES / "tiny"
FRENCH_EXCEL = FIXTURES / "french_excel"
BUNDLED = ROOT / "data"

Records = list[list[str]]


def copy_tiny(tmp_path: Path, name: str = "data") -> Path:
    """A private copy of the tiny fixture folder, safe to damage."""
    folder = tmp_path / name
    shutil.copytree(TINY, folder)
    return folder


def read_records(path: Path, encoding: str = "utf-8", separator: str = ",") -> Records:
    """Every record of a CSV file (blank lines dropped), header first."""
    with path.open(encoding=encoding, newline="") as stream:
        return [record for record in csv.reader(stream, delimiter=separator) if record]


def csv_text(records: Records, separator: str = ",", newline: str = "\n",
             quote_all: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator=newline,
                        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    writer.writerows(records)
    return buffer.getvalue()


def write_records(path: Path, records: Records, encoding: str = "utf-8", separator: str = ",",
                  newline: str = "\n", quote_all: bool = False, trailer: str = "") -> None:
    """Write records as a spreadsheet would save them; `trailer` is appended verbatim."""
    content = csv_text(records, separator, newline, quote_all) + trailer
    path.write_bytes(content.encode(encoding))


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    """`python -m ogp_metrics ARGV` in this process: exit code, standard output, standard error."""
    from ogp_metrics.cli.main import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write_csv(path: Path, records: Records) -> Path:
    """A UTF-8, comma-separated file of `records` (as a person would upload it); returns `path`."""
    path.write_text(csv_text(records), encoding="utf-8")
    return path


def set_cell(folder: Path, filename: str, row: int, column: str, value: str) -> None:
    """Replace one cell of a UTF-8 comma file, by spreadsheet row (header = 1) and column name."""
    path = folder / filename
    records = read_records(path)
    records[row - 1][records[0].index(column)] = value
    write_records(path, records)


def add_record(folder: Path, filename: str, values: dict[str, str]) -> int:
    """Append a record (missing columns blank); return its spreadsheet row."""
    path = folder / filename
    records = read_records(path)
    records.append([values.get(name, "") for name in records[0]])
    write_records(path, records)
    return len(records)


def transform_folder(source: Path, target: Path,
                     cell: Callable[[str, str, str], str] | None = None,
                     header: Callable[[str, str], str] | None = None, **write_options) -> Path:
    """Rewrite every file of `source` into `target`: `cell(table, column, value)` may change each
    data cell, `header(table, column)` each column name; `write_options` go to `write_records`."""
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.csv")):
        table = path.stem
        records = read_records(path)
        names = records[0]
        rows = [[cell(table, name, value) if cell else value for name, value in zip(names, record,
                                                                                      strict=True)]
                for record in records[1:]]
        new_header = [header(table, name) if header else name for name in names]
        write_records(target / path.name, [new_header, *rows], **write_options)
    return target


def tables(folder: Path) -> dict[str, pd.DataFrame]:
    """Every typed table of a valid folder, rows in file order."""
    return loaded(folder)[0]


def loaded(folder: Path) -> tuple[dict[str, pd.DataFrame], FolderReport]:
    """Every typed table of a valid folder, rows in file order, and the loader's report."""
    plan = load_plan(folder)
    try:
        frames = {table.name: plan.cursor().execute(f"SELECT * FROM {table.name} ORDER BY _row").df()
                  for table in TABLES}
    finally:
        plan.connection.close()
    return frames, plan.report


def assert_same_tables(left: dict[str, pd.DataFrame], right: dict[str, pd.DataFrame],
                       ignore: tuple[str, ...] = ()) -> None:
    assert left.keys() == right.keys()
    for name in left:
        expected = left[name].drop(columns=list(ignore))
        actual = right[name].drop(columns=list(ignore))
        pd.testing.assert_frame_equal(actual, expected, obj=f"table {name}")


def problems(folder: Path) -> list[Problem]:
    """The problems that keep `folder` from loading (fails the test if it loads)."""
    try:
        plan = load_plan(folder)
    except DataFolderError as error:
        assert error.report.problems, "DataFolderError without problems"
        return error.report.problems
    plan.connection.close()
    raise AssertionError(f"{folder} loaded, but problems were expected")


def only_problem(folder: Path) -> Problem:
    found = problems(folder)
    assert len(found) == 1, [describe_problem(problem, "en") for problem in found]
    return found[0]


def messages(folder: Path, lang: str) -> list[str]:
    return [describe_problem(problem, lang) for problem in problems(folder)]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every path under `folder` with its bytes and modification time (directories too)."""
    state = {".": (b"", folder.stat().st_mtime_ns)}
    for path in sorted(folder.rglob("*")):
        content = path.read_bytes() if path.is_file() else b""
        state[str(path.relative_to(folder))] = (content, path.stat().st_mtime_ns)
    return state


def empty_folder(tmp_path: Path) -> Path:
    """A new plan: every file present with its header only."""
    folder = tmp_path / "empty"
    folder.mkdir(parents=True)
    for table in TABLES:
        (folder / table.filename).write_text(",".join(c.name for c in table.columns) + "\n",
                                             encoding="utf-8")
    return folder


def new_app(monkeypatch, folder: Path, timeout: int = 60, **params: str):
    """The dashboard over `folder` with these URL parameters, not yet run."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("OGP_DATA_DIR", str(folder))
    monkeypatch.chdir(ROOT)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=timeout)
    for key, value in params.items():
        app.query_params[key] = value
    return app


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def require_browser(*modules: str) -> None:
    """Skip the calling module where Debian's chromium or a needed package is missing.

    Under CI (`CI` set) the same absence fails instead: `make check` installs all of them, so
    a skip there would hide a broken install step.
    """
    import importlib.util
    import os

    import pytest

    missing = [str(CHROMIUM)] if not CHROMIUM.exists() else []
    missing += [m for m in ("playwright", *modules) if importlib.util.find_spec(m) is None]
    if not missing:
        return
    reason = f"not installed: {', '.join(missing)} (`make check` installs them)"
    if os.environ.get("CI"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def html_tables(app) -> list[list[list[str]]]:
    """The tables an app drew as HTML (`ui.tables.show_table`): each a list of rows of cell texts,
    the header row first."""
    from html.parser import HTMLParser

    class Tables(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tables: list[list[list[str]]] = []
            self.cell: list[str] | None = None

        def handle_starttag(self, tag, attrs):
            if tag == "table":
                self.tables.append([])
            elif tag == "tr" and self.tables:
                self.tables[-1].append([])
            elif tag in ("td", "th"):
                self.cell = []

        def handle_endtag(self, tag):
            if tag in ("td", "th") and self.cell is not None and self.tables and self.tables[-1]:
                self.tables[-1][-1].append("".join(self.cell).strip())
                self.cell = None

        def handle_data(self, data):
            if self.cell is not None:
                self.cell.append(data)

    found = []
    for element in app.get("html"):
        parser = Tables()
        parser.feed(element.proto.body)
        found += parser.tables
    return found


def html_table_with(app, column: str) -> list[dict[str, str]]:
    """The first HTML table having `column`, as one dict per row (header -> cell)."""
    for table in html_tables(app):
        if table and column in table[0]:
            return [dict(zip(table[0], row, strict=True)) for row in table[1:]]
    raise AssertionError(f"no HTML table with a column {column!r}: {[t[0] for t in html_tables(app) if t]}")
