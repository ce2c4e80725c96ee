"""Exports: cells a spreadsheet would run are neutralised, numbers stay numbers, the CSV of a
contract table loads back to the same table, the workbook carries its data dictionary.

Expected values are read off `tests/fixtures/tiny/` (see `test_summary.py` for the figures).
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from helpers import BUNDLED, TINY, add_record, assert_same_tables, set_cell, tables

from ogp_metrics.cli.main import main
from ogp_metrics.contract.schema import TABLES
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.outputs import datasets as export
from ogp_metrics.outputs import spreadsheets

A = date(2025, 6, 30)
DANGEROUS = ["=1+1", "+cmd|' /C calc'!A0", "-2+3 text", "@SUM(A1:A2)", "\tTAB=1", "\rCR=1"]
CONTRACT = [table.name for table in TABLES]


def csv_records(content: bytes, separator: str = ";") -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM, for Excel"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=separator))


def sample() -> pd.DataFrame:
    """Text that looks like formulas beside real numbers, negative and decimal ones included."""
    return pd.DataFrame({
        "label": DANGEROUS,
        "whole": [1, -2, 0, 12345, -7, 3],
        "decimal": [-2.5, 0.25, 1.0, -1234.75, 3.5, 100.0],
        "maybe": pd.array([1, None, -3, 4, None, 6], dtype="Int64"),
        "day": pd.to_datetime(["2025-06-30"] * 6),
    })


# ---------------------------------------------------------------- CSV

def test_csv_neutralises_formula_cells_and_keeps_numbers():
    records = csv_records(spreadsheets.csv_bytes(sample()))
    assert records[0] == ["label", "whole", "decimal", "maybe", "day"]
    labels = [row[0] for row in records[1:]]
    # Each dangerous text is prefixed with ' and kept otherwise as it was.
    assert labels == ["'=1+1", "'+cmd|' /C calc'!A0", "'-2+3 text", "'@SUM(A1:A2)", "'\tTAB=1", "'\rCR=1"]
    # Numbers are written bare: French Excel reads `-2,5` as a number; no quote prefix.
    assert [row[1] for row in records[1:]] == ["1", "-2", "0", "12345", "-7", "3"]
    assert [row[2] for row in records[1:]] == ["-2,5", "0,25", "1", "-1234,75", "3,5", "100"]
    assert [row[3] for row in records[1:]] == ["1", "", "-3", "4", "", "6"]
    assert {row[4] for row in records[1:]} == {"2025-06-30"}


def test_csv_with_comma_separator_uses_a_decimal_point():
    records = csv_records(spreadsheets.csv_bytes(sample(), ","), ",")
    assert [row[2] for row in records[1:]] == ["-2.5", "0.25", "1", "-1234.75", "3.5", "100"]
    assert records[1][0] == "'=1+1"


def test_neutralise_leaves_non_text_alone():
    assert spreadsheets.neutralise_cell(-3) == -3
    assert spreadsheets.neutralise_cell(-2.5) == -2.5
    assert spreadsheets.neutralise_cell("Paris = capitale") == "Paris = capitale"  # not at the start
    assert spreadsheets.neutralise_cell("") == ""


# ---------------------------------------------------------------- xlsx

def workbook(content: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(content))


def test_xlsx_stores_formula_text_as_text_and_numbers_as_numbers():
    content = spreadsheets.xlsx_bytes(sample(), export.dictionary(export.DATASETS["milestones"], "fr"),
                                sheet_name="essai")
    # No cell of any sheet is a formula.
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name
    sheet = workbook(content)["essai"]
    labels = [sheet.cell(row=row, column=1) for row in range(2, 8)]
    # The text itself, unchanged (XML stores a carriage return as a line feed)...
    assert [cell.value for cell in labels] == [value.replace("\r", "\n") for value in DANGEROUS]
    assert {cell.data_type for cell in labels} == {"s"}  # ...stored as text, never as a formula
    assert all(cell.quotePrefix for cell in labels)  # Excel's own mark for "typed as '=..."
    numbers = [[sheet.cell(row=row, column=column).value for column in (2, 3, 4)] for row in range(2, 8)]
    assert numbers == [[1, -2.5, 1], [-2, 0.25, None], [0, 1.0, -3], [12345, -1234.75, 4],
                       [-7, 3.5, None], [3, 100.0, 6]]
    assert sheet.cell(row=3, column=2).data_type == "n"  # -2 is a number...
    assert sheet.cell(row=5, column=3).data_type == "n"  # ...and so is -1234.75
    assert sheet.cell(row=2, column=5).is_date
    assert sheet.cell(row=2, column=5).value.date() == date(2025, 6, 30)


@pytest.fixture(scope="module")
def tiny_plan():
    plan = load_plan(TINY)
    yield plan
    plan.connection.close()


def test_xlsx_has_a_dictionary_sheet(tiny_plan):
    with tiny_plan.cursor() as cursor:
        content = export.export_bytes(cursor, "milestones", A, "xlsx", lang="fr")
    book = workbook(content)
    assert book.sheetnames == ["milestones", "Dictionnaire"]
    rows = list(book["Dictionnaire"].iter_rows(values_only=True))
    assert rows[0] == ("Fichier", "Colonne", "Type", "Description", "Valeurs permises")
    # One row per column of milestones.csv, in the contract's order, each described.
    assert [row[1] for row in rows[1:]] == ["milestone_id", "commitment_id", "title_fr", "title_en", "owner",
                                            "start_date", "due_date", "completed_date", "weight",
                                            "evidence_url", "source", "licence"]
    assert all(row[3] for row in rows[1:])
    data = list(book["milestones"].iter_rows(values_only=True))
    assert data[1][:3] == ("C1-M1", "C1", "Tirage au sort")
    assert data[1][5] == pd.Timestamp("2024-01-01").to_pydatetime()  # a real date cell


def test_computed_table_as_of_a_date(tiny_plan):
    with tiny_plan.cursor() as cursor:
        records = csv_records(export.export_bytes(cursor, "milestone_status", A))
    header = records[0]
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in records[1:]}
    # As of 2025-06-30 (see test_summary.py): C2-M1 was due 2025-03-31 -> overdue by 91 days.
    assert {key: row["status"] for key, row in by_id.items()} == {
        "C1-M1": "complete", "C1-M2": "in_progress", "C1-M3": "not_started",
        "C2-M1": "overdue", "C2-M2": "in_progress"}
    assert by_id["C2-M1"]["days_late"] == "91"
    assert by_id["C2-M2"]["progress_pct"] == "11,25"
    assert by_id["C1-M1"]["progress_pct"] == "100"


def test_every_dataset_exports_with_a_described_dictionary(tiny_plan):
    with tiny_plan.cursor() as cursor:
        for name, dataset in export.DATASETS.items():
            frame = dataset.build(cursor, A)
            content = spreadsheets.csv_bytes(frame)
            assert csv_records(content)[0] == list(frame.columns), name
            dictionary = export.dictionary(dataset, "en", frame)
            assert list(dictionary["Column"]) == list(frame.columns), name
            undocumented = dictionary[dictionary["Description"] == ""]["Column"].tolist()
            assert undocumented == [], f"{name}: {undocumented}"


# ---------------------------------------------------------------- round trip through the loader

def export_folder(source: Path, target: Path, separator: str) -> Path:
    target.mkdir()
    plan = load_plan(source)
    try:
        with plan.cursor() as cursor:
            for name in CONTRACT:
                frame = export.DATASETS[name].build(cursor, A)
                (target / f"{name}.csv").write_bytes(spreadsheets.csv_bytes(frame, separator))
    finally:
        plan.connection.close()
    return target


@pytest.mark.parametrize("separator", [";", ","])
@pytest.mark.parametrize("source", [TINY, BUNDLED], ids=["tiny", "bundled"])
def test_exported_contract_tables_load_back_to_the_same_tables(tmp_path, source, separator):
    exported = export_folder(source, tmp_path / "exported", separator)
    assert_same_tables(tables(source), tables(exported))


def test_round_trip_keeps_text_with_separators_quotes_and_line_breaks(tmp_path, tiny):
    set_cell(tiny, "commitments.csv", 2, "description_fr", 'Un texte ; avec "guillemets",\nsur deux lignes')
    set_cell(tiny, "meetings.csv", 2, "title", "Réunion n° 1 ; 12,5 % « ouverte »")
    exported = export_folder(tiny, tmp_path / "exported", ";")
    assert_same_tables(tables(tiny), tables(exported))


# ---------------------------------------------------------------- the command

def test_export_command_neutralises_what_the_data_holds(tmp_path, tiny, capsys):
    set_cell(tiny, "commitments.csv", 2, "title_fr", "=HYPERLINK(\"http://x\")")
    set_cell(tiny, "milestones.csv", 2, "title_fr", "+33 1 42 76 40 40")
    set_cell(tiny, "institutions.csv", 2, "name_fr", "-2+3 text")
    add_record(tiny, "meetings.csv", {"meeting_id": "R8", "date": "2025-07-01", "meeting_type": "other",
                                      "title": "@SUM(1;2)", "is_public": "non"})
    out = tmp_path / "commitments.csv"
    assert main(["export", "commitments", str(tiny), "--out", str(out), "--as-of", "2025-06-30",
                 "--codes"]) == 0
    assert "commitments exporté" in capsys.readouterr().out
    assert csv_records(out.read_bytes())[1][1] == "'=HYPERLINK(\"http://x\")"
    for table, column, expected in (("milestones", "title_fr", "'+33 1 42 76 40 40"),
                                    ("institutions", "name_fr", "'-2+3 text")):
        target = tmp_path / f"{table}.csv"
        assert main(["export", table, str(tiny), "--out", str(target), "--codes"]) == 0
        records = csv_records(target.read_bytes())
        assert records[1][records[0].index(column)] == expected
    workbook_path = tmp_path / "meetings.xlsx"
    assert main(["export", "meetings", str(tiny), "--out", str(workbook_path), "--lang", "en",
                 "--codes"]) == 0
    book = openpyxl.load_workbook(workbook_path)
    assert book.sheetnames == ["meetings", "Dictionary"]
    sheet = book["meetings"]
    titles = [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert titles[-1] == "@SUM(1;2)"
    attendees = [row[8] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert attendees[:2] == [120, 12]  # numbers, not text


def test_export_command_exit_codes(tmp_path, tiny, capsys):
    assert main(["export", "no_such_table", str(tiny)]) == 2
    assert main(["export", "milestones", str(tiny), "--sep", "|"]) == 2
    assert main(["export", "milestones", str(tiny), "--format", "xlsx"]) == 2  # xlsx needs --out
    set_cell(tiny, "meetings.csv", 3, "date", "hier")
    assert main(["export", "milestones", str(tiny), "--out", str(tmp_path / "m.csv")]) == 1
    assert "meetings.csv" in capsys.readouterr().err
    assert not (tmp_path / "m.csv").exists()


def test_export_command_writes_csv_to_standard_output(capfdbinary):
    assert main(["export", "institutions", str(TINY), "--sep", ",", "--codes"]) == 0
    records = csv_records(capfdbinary.readouterr().out, ",")
    assert records[0] == ["code", "name_fr", "name_en", "source", "licence"]
    assert records[1][0] == "DDCT"


# ---------------------------------------------------------------- the app's export buttons

APP_SCRIPT = """
from ogp_metrics.ui import downloads
from ogp_metrics.ui.view import current_view
view = current_view()
downloads.table_exports(view)
"""


def test_table_exports_in_the_app(monkeypatch, tmp_path, tiny):
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from ogp_metrics.ui import downloads

    add_record(tiny, "participation.csv", {"date": "2025-01-01", "activity": "other", "participants": "2",
                                           "age_group": "under_18"})
    monkeypatch.setenv("OGP_DATA_DIR", str(tiny))
    st.cache_data.clear()
    st.cache_resource.clear()
    app_test = AppTest.from_string(APP_SCRIPT, default_timeout=60)
    app_test.query_params["as_of"] = "2025-06-30"
    app_test.run()
    assert not app_test.exception
    # The menu names each table in words; the file keeps the table's code name.
    assert app_test.selectbox[0].options == [export.display_name(dataset, "fr")
                                             for dataset in export.DATASETS.values()]
    assert app_test.selectbox[0].options[:2] == ["Institutions", "Engagements (tels que saisis)"]
    assert [b.proto.label for b in app_test.get("download_button")] == ["CSV (Excel)",
                                                                        "Classeur Excel (.xlsx)"]
    app_test.selectbox[0].select("participation_by_age_group").run()
    app_test.toggle[0].set_value(True).run()  # public mode: only the public site's tables
    assert not app_test.exception
    assert "Points d'avancement" in app_test.selectbox[0].options
    assert "Participation (lignes saisies)" not in app_test.selectbox[0].options  # raw rows: staff only
    assert "Décisions du comité de pilotage" not in app_test.selectbox[0].options  # internal
    fingerprint = ("test",)
    internal = csv_records(downloads._export_bytes(str(tiny), fingerprint, "participation_by_age_group",
                                                   False, A, "csv", "fr"))
    public = csv_records(downloads._export_bytes(str(tiny), fingerprint, "participation_by_age_group",
                                                 True, A, "csv", "fr"))
    # Written to be read by default: the age group by its label.
    assert dict(row[:2] for row in internal[1:])["Moins de 18 ans"] == "2"
    assert dict(row[:2] for row in public[1:])["Moins de 18 ans"] == "< 5"
    codes = csv_records(downloads._export_bytes(str(tiny), fingerprint, "participation_by_age_group",
                                                True, A, "csv", "fr", False))
    assert dict(row[:2] for row in codes[1:])["under_18"] == "< 5"
    notes = csv_records(downloads._export_bytes(str(tiny), fingerprint, "progress_updates", True, A, "csv",
                                                "fr", False))
    assert "note" not in notes[0] and "reported_by" not in notes[0]
    book = workbook(downloads._export_bytes(str(tiny), fingerprint, "milestones", True, A, "xlsx", "en"))
    assert book.sheetnames == ["milestone_status", "Dictionary"]
