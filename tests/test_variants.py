"""Every way of writing the same data that the issue accepts loads to the same typed tables.

Each variant is made from `tests/fixtures/tiny/` (its plain twin) by rewriting its cells, header
or file format; `tests/fixtures/french_excel/` is a committed twin saved as French Excel does
(Windows-1252, `;`, CRLF, DD/MM/YYYY, oui/non, decimal commas). Tables are compared whole,
including `_row` (the spreadsheet row), which no variant here may shift unless it says so.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import (
    FRENCH_EXCEL,
    TINY,
    assert_same_tables,
    loaded,
    read_records,
    tables,
    transform_folder,
    write_records,
)

from ogp_metrics.ingest.load import load_plan


@pytest.fixture(scope="module")
def plain():
    return tables(TINY)


def assert_loads_like_tiny(plain, folder: Path) -> None:
    assert_same_tables(plain, tables(folder))


ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def test_tiny_holds_the_characters_that_windows_1252_must_carry():
    content = (TINY / "commitments.csv").read_text(encoding="utf-8")
    for character in "é€’œ":
        assert character in content


def test_french_excel_fixture_is_what_excel_saves():
    raw = (FRENCH_EXCEL / "commitments.csv").read_bytes()
    assert b"\r\n" in raw and b";" in raw.splitlines()[0]
    assert "œ".encode("cp1252") in raw and "€".encode("cp1252") in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    meetings = (FRENCH_EXCEL / "meetings.csv").read_bytes().decode("cp1252")
    assert ";01/02/2024;" in meetings and ";oui;" in meetings and ";non;" in meetings
    assert ";11,25;" in (FRENCH_EXCEL / "progress_updates.csv").read_text(encoding="cp1252")


def test_french_excel_fixture_loads_like_tiny(plain):
    frames, report = loaded(FRENCH_EXCEL)
    assert_same_tables(plain, frames)
    present = [file for file in report.files if file.present]  # decisions.csv is optional
    assert {file.encoding for file in present} == {"cp1252", "utf-8"}  # ASCII-only files are UTF-8
    assert {file.separator for file in present} == {";"}


FORMATS = {
    "utf-8 with BOM": {"encoding": "utf-8-sig"},
    "windows-1252": {"encoding": "cp1252"},
    "semicolon": {"separator": ";"},
    "tab": {"separator": "\t"},
    "CRLF": {"newline": "\r\n"},
    "every field quoted": {"quote_all": True},
}


@pytest.mark.parametrize("options", FORMATS.values(), ids=FORMATS.keys())
def test_file_formats(plain, tmp_path, options):
    assert_loads_like_tiny(plain, transform_folder(TINY, tmp_path / "variant", **options))


@pytest.mark.parametrize("separator, newline", [(",", "\n"), (";", "\r\n")],
                         ids=["comma LF", "semicolon CRLF"])
def test_blank_and_separator_only_trailing_rows(plain, tmp_path, separator, newline):
    """Each file ends in another kind of row that looks blank in a spreadsheet: empty lines,
    spaces, a separator per column (what Excel saves for rows it once touched), or fewer."""
    folder = transform_folder(TINY, tmp_path / "variant", separator=separator, newline=newline)
    for index, path in enumerate(sorted(folder.glob("*.csv"))):
        full = separator * (len(read_records(path, separator=separator)[0]) - 1)
        trailer = [
            ["", "", ""],
            [full, full],
            ["   ", " \t "],
            [separator * 2, separator],
            [" " + full, f'""{separator}""'],
        ][index % 5]
        path.write_bytes(path.read_bytes() + "".join(line + newline for line in trailer).encode())
    assert_loads_like_tiny(plain, folder)


def test_day_first_dates(plain, tmp_path):
    def day_first(_table, _column, value):
        return ISO_DATE.sub(r"\3/\2/\1", value)

    assert_loads_like_tiny(plain, transform_folder(TINY, tmp_path / "variant", cell=day_first))


DECIMAL_COLUMNS = {("progress_updates", "progress_pct"), ("milestones", "weight"), ("targets", "target")}


def test_decimal_commas(plain, tmp_path):
    def comma(table, column, value):
        if (table, column) not in DECIMAL_COLUMNS or not value:
            return value
        return value.replace(".", ",") if "." in value else value + ",0"  # 11.25 -> 11,25; 3 -> 3,0

    folder = transform_folder(TINY, tmp_path / "variant", cell=comma, separator=";")
    assert "11,25" in (folder / "progress_updates.csv").read_text()
    assert_loads_like_tiny(plain, folder)


# tiny's numbers of four digits or more: 1200 participants, a target of 10000.
@pytest.mark.parametrize("participants, target", [("1 200", "10\u00a0000"), ("1\u202f200", "10 000")],
                         ids=["space, no-break space", "narrow no-break space, space"])
def test_thousands_separators(plain, tmp_path, participants, target):
    def group(table, column, value):
        if (table, column, value) == ("participation", "participants", "1200"):
            return participants
        if (table, column, value) == ("targets", "target", "10000"):
            return target
        return value

    folder = transform_folder(TINY, tmp_path / "variant", cell=group)
    assert participants in (folder / "participation.csv").read_text()
    assert target in (folder / "targets.csv").read_text()
    assert_loads_like_tiny(plain, folder)


def test_percent_signs(plain, tmp_path):
    signs = iter(["%", " %", "\u00a0%", "\u202f%", "%", " %", "\u00a0%", "\u202f%"])

    def percent(table, column, value):
        return value + next(signs) if (table, column) == ("progress_updates", "progress_pct") else value

    assert_loads_like_tiny(plain, transform_folder(TINY, tmp_path / "variant", cell=percent))


# tiny's is_public, R1 to R7: true, false, true, false, true, false, true.
BOOLEANS = {
    "English and French": ["yes", "no", "oui", "non", "vrai", "faux", "true"],
    "digits and case": ["1", "0", "Oui", "NON", " VRAI ", "False", "Yes"],
}


@pytest.mark.parametrize("spellings", BOOLEANS.values(), ids=BOOLEANS.keys())
def test_booleans(plain, tmp_path, spellings):
    rows = iter(spellings)

    def boolean(table, column, value):
        if (table, column) == ("meetings", "is_public"):
            spelling = next(rows)
            assert value == ("true" if spelling.strip().lower() in ("yes", "oui", "vrai", "true", "1")
                             else "false")
            return spelling
        return value

    assert_loads_like_tiny(plain, transform_folder(TINY, tmp_path / "variant", cell=boolean))


# Another spelling of each coded value that tiny holds: case, accents, spaces, hyphens, labels.
CODED = {
    ("meetings", "meeting_type"): {"steering_committee": "Comité de pilotage",
                                   "public_meeting": "Public Meeting",
                                   "citizen_workshop": "citizen-workshop",
                                   "neighbourhood_council": "  NEIGHBOURHOOD COUNCIL "},
    ("meetings", "phase"): {"co_creation": "Co-construction", "implementation": "Mise en œuvre"},
    ("participation", "activity"): {"online_consultation": "Consultation en ligne",
                                    "citizen_workshop": "Atelier citoyen",
                                    "public_meeting": "réunion publique",
                                    "participatory_budget": "Budget Participatif",
                                    "citizens_assembly": "Assemblée citoyenne",
                                    "volunteering": "Bénévolat"},
    ("participation", "age_group"): {"25_39": "25-39", "60_plus": "60 ans et plus", "18_24": "18 - 24"},
    ("participation", "gender"): {"female": "Femme", "male": "Homme", "other": "Autre"},
    ("assessments", "assessor"): {"self": "SELF", "independent": "Indépendant"},
    ("assessments", "completion"): {"limited": "Limité", "substantial": "Substantial ",
                                    "not_started": "not started", "withdrawn": "Retiré"},
    ("assessments", "did_it_open_government"): {"marginal": "MARGINAL", "major": "Important"},
    ("commitments", "ogp_values"): {
        "civic_participation": "Civic participation",
        "access_to_information|civic_participation": "Accès à l'information | participation citoyenne",
    },
    ("targets", "indicator"): {"participants": "Participants", "milestones_complete": "Jalons terminés"},
}


def test_coded_values_in_other_spellings(plain, tmp_path):
    def respell(table, column, value):
        return CODED.get((table, column), {}).get(value, value)

    folder = transform_folder(TINY, tmp_path / "variant", cell=respell)
    assert "Comité de pilotage" in (folder / "meetings.csv").read_text()
    assert_loads_like_tiny(plain, folder)


# tiny's arrondissements: meetings 11 and 1; participation 1, 4, 11, 20, 16 and 3.
ARRONDISSEMENTS = {
    "ordinals": {"1": "1er", "3": "3e", "4": "4e", "11": "11ème", "16": "16ème", "20": "20e"},
    "postal codes": {"1": "75001", "3": "75003", "4": "75004", "11": "75011", "16": "75116",
                     "20": "75020"},
    "Paris Centre": {"1": "Paris Centre", "3": "paris centre", "4": "PARIS-CENTRE", "16": "75016"},
    "padded": {"1": " 01 ", "11": "11e arrondissement", "20": "20E"},
}


@pytest.mark.parametrize("spellings", ARRONDISSEMENTS.values(), ids=ARRONDISSEMENTS.keys())
def test_arrondissement_spellings(plain, tmp_path, spellings):
    def respell(_table, column, value):
        return spellings.get(value, value) if column == "arrondissement" else value

    assert_loads_like_tiny(plain, transform_folder(TINY, tmp_path / "variant", cell=respell))


def test_every_arrondissement_folds_into_its_sector(tmp_path):
    folder = transform_folder(TINY, tmp_path / "variant")
    spellings = [spelling for number in range(1, 21)
                 for spelling in (str(number), f"{number}e", f"750{number:02d}")]
    spellings += ["75116", "1er", "Paris Centre", ""]
    header = read_records(folder / "participation.csv")[0]
    write_records(folder / "participation.csv", [header] + [
        ["2024-01-01", "other", "", spelling, "1", "", "", ""] for spelling in spellings])
    plan = load_plan(folder)
    sectors = [row[0] for row in plan.cursor().execute(
        "SELECT arrondissement FROM participation ORDER BY _row").fetchall()]
    plan.connection.close()
    expected = []
    for number in range(1, 21):  # 1 to 4 are Paris Centre since 2020
        expected += ["centre" if number <= 4 else str(number)] * 3
    expected += ["16", "centre", "centre", None]  # blank: city-wide
    assert sectors == expected


HEADER_STYLES = [
    lambda name: name.upper().replace("_", " "),  # COMMITMENT ID
    lambda name: f"  {name.title()} ",  # "  Commitment_Id "
    lambda name: name.replace("e", "é").replace("a", "À"),  # commitmént_id
    lambda name: name.replace("_", "-").capitalize(),  # Commitment-id
]


def test_column_names_in_other_spellings(plain, tmp_path):
    files = sorted(path.stem for path in TINY.glob("*.csv"))

    def header(table, name):
        return HEADER_STYLES[files.index(table) % len(HEADER_STYLES)](name)

    folder = transform_folder(TINY, tmp_path / "variant", header=header)
    assert read_records(folder / "commitments.csv")[0][0] == "  Commitment_Id "
    assert_loads_like_tiny(plain, folder)


def test_extra_columns_are_ignored_and_columns_may_come_in_any_order(plain, tmp_path):
    folder = tmp_path / "variant"
    folder.mkdir()
    for path in TINY.glob("*.csv"):
        records = read_records(path)
        records = [["Remarques", *reversed(records[0]), "Colonne vide"]] + [
            [f"note {index}; libre, texte", *reversed(record), ""] for index, record in
            enumerate(records[1:])]
        write_records(folder / path.name, records)
    frames, report = loaded(folder)
    assert_same_tables(plain, frames)
    assert {file.filename: file.extra_columns for file in report.files}["meetings.csv"] == [
        "Remarques", "Colonne vide"]


def multi_line_twin(folder: Path) -> Path:
    """tiny with line breaks, separators and quotes inside two cells (rows 2 and 3)."""
    commitments = read_records(folder / "commitments.csv")
    commitments[1][7] = 'Première ligne, avec virgule ;\net point-virgule\n« troisième » "ligne"'
    write_records(folder / "commitments.csv", commitments)
    meetings = read_records(folder / "meetings.csv")
    meetings[2][4] = "Comité de pilotage\nn° 1"  # R2, spreadsheet row 3
    write_records(folder / "meetings.csv", meetings)
    return folder


def test_quoted_cells_with_separators_and_line_breaks(plain, tmp_path):
    twin = multi_line_twin(transform_folder(TINY, tmp_path / "twin"))
    variant = transform_folder(twin, tmp_path / "variant", separator=";", newline="\r\n", encoding="cp1252")
    frames = tables(variant)
    assert_same_tables(tables(twin), frames)
    # Row numbers are still the spreadsheet's, though records now span several lines.
    assert list(frames["commitments"]["_row"]) == [2, 3]
    assert list(frames["meetings"]["_row"]) == [2, 3, 4, 5, 6, 7, 8]
    assert frames["meetings"]["title"][1] == "Comité de pilotage\nn° 1"
    assert frames["commitments"]["description_fr"][0].count("\n") == 2
    for name in ("institutions", "milestones", "progress_updates", "participation"):
        assert frames[name].equals(plain[name])


def test_blank_line_between_records_shifts_the_rows_after_it(plain, tmp_path):
    """A blank line is a row a spreadsheet shows: the records after it move down one row."""
    folder = transform_folder(TINY, tmp_path / "variant")
    lines = (folder / "meetings.csv").read_text().splitlines(keepends=True)
    (folder / "meetings.csv").write_text("".join([*lines[:3], "\n", *lines[3:]]))
    frames = tables(folder)
    assert_same_tables(plain, frames, ignore=("_row",))
    assert list(frames["meetings"]["_row"]) == [2, 3, 5, 6, 7, 8, 9]
