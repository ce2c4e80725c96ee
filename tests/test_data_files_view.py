"""The Data page's table of files: counts written as the language writes them, an absent file's
counts as a dash (a missing number is never shown as "None")."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ogp_metrics.ingest.load import FileReport, FolderReport
from ogp_metrics.views import data_files


def report() -> FolderReport:
    return FolderReport(Path("/data"), files=[
        FileReport("participation", "participation.csv", True, rows=10_000_000,
                   sha256="5f858a50a84d" + "0" * 52, size=522_131_436,
                   modified=datetime(2026, 11, 30, 6, 36), encoding="utf-8", separator=";"),
        FileReport("decisions", "decisions.csv", False),
    ])


def test_counts_in_french_and_an_absent_file_s_as_a_dash():
    table = data_files.files_table(report(), "fr")
    assert table.to_dict("records") == [
        {"Fichier": "participation.csv", "Présent": "oui", "Lignes": "10\u202f000\u202f000",
         "Encodage": "UTF-8", "Séparateur": "; (point-virgule)", "Taille (octets)": "522\u202f131\u202f436",
         "Modifié le": "30 nov. 2026", "Empreinte (SHA-256)": "5f858a50a84d", "Colonnes ignorées": ""},
        {"Fichier": "decisions.csv", "Présent": "non", "Lignes": "—", "Encodage": "", "Séparateur": "",
         "Taille (octets)": "—", "Modifié le": "", "Empreinte (SHA-256)": "", "Colonnes ignorées": ""},
    ]
    assert data_files.count_columns("fr") == ("Lignes", "Taille (octets)")


def test_counts_in_english():
    table = data_files.files_table(report(), "en")
    assert table.iloc[0][["Rows", "Size (bytes)"]].tolist() == ["10,000,000", "522,131,436"]
    assert table.iloc[1][["Rows", "Size (bytes)"]].tolist() == ["—", "—"]
