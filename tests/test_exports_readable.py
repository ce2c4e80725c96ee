"""Exports written to be read (the default on the Data page and of `export`): titles and coded
values in the interface's language, numbers rounded as the pages show them, `31/12/2026` dates;
codes and ISO dates only when asked for (`--codes`).

Values from `tests/fixtures/tiny/` as of 30 June 2025 (see `test_summary.py`): C1's weighted
progress (100 + 3 × 40 + 0) / 5 = 44 %, C2's (2 × 60 + 11.25) / 3 = 43.75 % -> 43,8; C2-M1 due
31 March 2025, 91 days late; C1 started 1 January 2024.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pytest
from helpers import TINY

from ogp_metrics.cli.main import main
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.outputs import datasets as export

A = date(2025, 6, 30)


@pytest.fixture(scope="module")
def cursor():
    plan = load_plan(TINY)
    yield plan.cursor()
    plan.connection.close()


def records(content: bytes) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_french_csv_has_french_titles_labels_rounded_numbers_and_french_dates(cursor):
    rows = records(export.export_bytes(cursor, "commitment_summary", A, lang="fr", readable=True))
    by_id = {row["Engagement"]: row for row in rows}
    assert by_id["C2"]["Avancement pondéré (%)"] == "43,8"  # 43.75, rounded as the pages show it
    assert by_id["C1"]["Avancement pondéré (%)"] == "44"
    assert by_id["C1"]["Début"] == "01/01/2024"
    assert by_id["C1"]["Achèvement selon la Ville"] == "Substantiel"
    assert by_id["C2"]["Achèvement selon la Ville"] == "Non évalué"
    assert by_id["C2"]["Valeurs OGP"] == "Accès à l'information, Participation citoyenne"


def test_english_csv_has_english_titles_and_labels(cursor):
    rows = records(export.export_bytes(cursor, "milestone_status", A, lang="en", readable=True))
    late = next(row for row in rows if row["Milestone no."] == "C2-M1")
    assert (late["Status"], late["Days late"], late["Due date"]) == ("Overdue", "91", "31/03/2025")


def test_codes_keep_codes_iso_dates_and_every_digit(cursor):
    rows = records(export.export_bytes(cursor, "commitment_summary", A, lang="fr", readable=False))
    c2 = next(row for row in rows if row["commitment_id"] == "C2")
    assert (c2["weighted_progress_pct"], c2["start_date"], c2["self_completion"]) == (
        "43,75", "2024-01-01", "not_assessed")


def test_readable_workbook_keeps_numbers_and_dates_as_such(tmp_path):
    out = tmp_path / "milestones.xlsx"
    assert main(["export", "milestone_status", str(TINY), "--out", str(out), "--as-of", "2025-06-30"]) == 0
    book = openpyxl.load_workbook(out)
    sheet = book["milestone_status"]
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Jalon n°", "Engagement", "Titre en français"]
    row = {name: cell for name, cell in zip(header, sheet[2], strict=True)}
    assert row["Début"].number_format == "dd/mm/yyyy"  # a real date, shown as French write it
    assert row["Avancement (%)"].value == 100
    # The dictionary gives each column's code beside its title.
    words = list(book["Dictionnaire"].iter_rows(values_only=True))
    assert words[0][:3] == ("Fichier", "Colonne", "Titre")
    assert ("milestone_id", "Jalon n°") in {row[1:3] for row in words[1:]}


def test_every_exported_column_has_a_title_in_both_languages(cursor):
    from ogp_metrics import text
    from ogp_metrics.outputs.public_data import PUBLIC_DATA

    missing = set()
    for dataset in [*export.DATASETS.values(), *PUBLIC_DATA.values()]:
        for column in dataset.build(cursor, A).columns:
            if f"export.title.{column}" not in text.labels():
                missing.add(column)
        assert export.display_name(dataset, "fr") != dataset.name, dataset.name
    assert missing == set()
