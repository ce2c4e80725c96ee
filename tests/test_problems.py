"""Each class of problem in a data folder gives a message staff can act on.

Every case below is a copy of `tests/fixtures/tiny/` with one defect, made by hand, and states
where the loader must point: the file, the spreadsheet row (header = row 1), the column and the
value. The message must say all of it, in French and in English.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import (
    FRENCH_EXCEL,
    add_record,
    copy_tiny,
    only_problem,
    problems,
    read_records,
    set_cell,
    snapshot,
    write_records,
)

from ogp_metrics.ingest.checks import PROBLEMS_LISTED_PER_CHECK
from ogp_metrics.ingest.load import inspect_folder, load_plan
from ogp_metrics.ingest.problems import DataFolderError, Problem, describe_problem


@dataclass(frozen=True)
class Case:
    defect: Callable[[Path], None]
    file: str
    row: int | None
    column: str | None
    value: str | None
    code: str
    # words the English message must hold besides file, row, column and value
    says: tuple[str, ...] = ()


def cell(filename: str, row: int, column: str, value: str) -> Callable[[Path], None]:
    return lambda folder: set_cell(folder, filename, row, column, value)


def copy_of_row(filename: str, row: int, **changes: str) -> Callable[[Path], None]:
    def defect(folder: Path) -> None:
        records = read_records(folder / filename)
        values = dict(zip(records[0], records[row - 1], strict=True))
        add_record(folder, filename, {**values, **changes})
    return defect


def drop_column(filename: str, column: str) -> Callable[[Path], None]:
    def defect(folder: Path) -> None:
        records = read_records(folder / filename)
        index = records[0].index(column)
        write_records(folder / filename, [record[:index] + record[index + 1:] for record in records])
    return defect


def add_column(filename: str, name: str) -> Callable[[Path], None]:
    def defect(folder: Path) -> None:
        records = read_records(folder / filename)
        write_records(folder / filename, [records[0] + [name]] + [record + ["x"] for record in records[1:]])
    return defect


def edit_line(filename: str, row: int, edit: Callable[[str], str]) -> Callable[[Path], None]:
    """Change one physical line of a file whose records are one line each."""
    def defect(folder: Path) -> None:
        path = folder / filename
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        lines[row - 1] = edit(lines[row - 1])
        path.write_text("".join(lines), encoding="utf-8")
    return defect


CASES = {
    # rows of tiny: milestones 2 C1-M1, 3 C1-M2, 4 C1-M3, 5 C2-M1, 6 C2-M2; meetings 2 R1 ... 8 R7
    "required blank": Case(cell("milestones.csv", 3, "title_fr", "  "), "milestones.csv", 3, "title_fr",
                           None, "required", ("required",)),
    "bad date": Case(cell("milestones.csv", 4, "due_date", "31/02/2025"), "milestones.csv", 4, "due_date",
                     "31/02/2025", "bad_date", ("not a date",)),
    "bad whole number": Case(cell("meetings.csv", 2, "attendees", "douze"), "meetings.csv", 2, "attendees",
                             "douze", "bad_whole", ("whole number",)),
    "whole number with decimals": Case(cell("meetings.csv", 3, "organisations", "4,5"), "meetings.csv", 3,
                                       "organisations", "4,5", "bad_whole", ("whole number",)),
    "negative whole number": Case(cell("participation.csv", 3, "participants", "-5"), "participation.csv",
                                  3, "participants", "-5", "bad_whole", ("0 or more",)),
    "negative target": Case(cell("targets.csv", 2, "target", "-100"), "targets.csv", 2, "target", "-100",
                            "below_minimum", ("minimum (0)",)),
    "bad decimal": Case(cell("milestones.csv", 3, "weight", "trois"), "milestones.csv", 3, "weight",
                        "trois", "bad_decimal", ("not a number",)),
    "weight 0": Case(cell("milestones.csv", 3, "weight", "0"), "milestones.csv", 3, "weight", "0",
                     "not_above", ("greater than 0",)),
    "bad percentage": Case(cell("progress_updates.csv", 3, "progress_pct", "beaucoup"),
                           "progress_updates.csv", 3, "progress_pct", "beaucoup", "bad_percent",
                           ("not a percentage",)),
    "percent above 100": Case(cell("progress_updates.csv", 4, "progress_pct", "120 %"),
                              "progress_updates.csv", 4, "progress_pct", "120 %", "above_maximum",
                              ("maximum (100)",)),
    "bad boolean": Case(cell("meetings.csv", 4, "is_public", "peut-être"), "meetings.csv", 4, "is_public",
                        "peut-être", "bad_boolean", ("yes or no",)),
    "unknown choice": Case(cell("meetings.csv", 3, "meeting_type", "webinaire"), "meetings.csv", 3,
                           "meeting_type", "webinaire", "bad_choice",
                           ("steering_committee", "consensus_conference")),
    "bad choice in a list": Case(cell("commitments.csv", 3, "ogp_values", "civic_participation|transparence"),
                                 "commitments.csv", 3, "ogp_values", "civic_participation|transparence",
                                 "bad_choice_list", ("access_to_information",)),
    "non-http URL": Case(cell("milestones.csv", 2, "evidence_url", "javascript:alert(1)"), "milestones.csv",
                         2, "evidence_url", "javascript:alert(1)", "bad_url", ("http://",)),
    "arrondissement 21": Case(cell("participation.csv", 6, "arrondissement", "21"), "participation.csv", 6,
                              "arrondissement", "21", "bad_sector", ("arrondissement",)),
    "postal code 75021": Case(cell("meetings.csv", 4, "arrondissement", "75021"), "meetings.csv", 4,
                              "arrondissement", "75021", "bad_sector", ("arrondissement",)),
    "end before start": Case(cell("commitments.csv", 2, "end_date", "2023-12-31"), "commitments.csv", 2,
                             "end_date", "2023-12-31", "before", ("start_date",)),
    "due before start": Case(cell("milestones.csv", 6, "due_date", "01/05/2024"), "milestones.csv", 6,
                             "due_date", "01/05/2024", "before", ("start_date",)),
    "duplicate id": Case(copy_of_row("milestones.csv", 3, title_fr="Autre titre"), "milestones.csv", 7,
                         "milestone_id", "C1-M2", "duplicate", ("earlier row",)),
    "duplicate update": Case(copy_of_row("progress_updates.csv", 3, progress_pct="25"),
                             "progress_updates.csv", 10, None, "C1-M2 / 2025-03-31", "duplicate",
                             ("milestone_id", "update_date")),
    "unknown commitment": Case(cell("milestones.csv", 2, "commitment_id", "C9"), "milestones.csv", 2,
                               "commitment_id", "C9", "unknown_reference", ("commitments.csv",)),
    "unknown milestone": Case(cell("progress_updates.csv", 2, "milestone_id", "C1-M9"),
                              "progress_updates.csv", 2, "milestone_id", "C1-M9", "unknown_reference",
                              ("milestones.csv",)),
    "unknown owner": Case(cell("milestones.csv", 4, "owner", "DSIN"), "milestones.csv", 4, "owner", "DSIN",
                          "unknown_reference", ("institutions.csv",)),
    "unknown lead institution": Case(cell("commitments.csv", 3, "lead_institution", "dgri"),
                                     "commitments.csv", 3, "lead_institution", "dgri", "unknown_reference",
                                     ("institutions.csv",)),
    "plan with two rows": Case(copy_of_row("plan.csv", 2), "plan.csv", 3, None, None, "single_row",
                               ("single row",)),
    "missing column": Case(drop_column("milestones.csv", "due_date"), "milestones.csv", 1, "due_date", None,
                           "missing_column", ("missing", "completed_date")),
    "duplicate column": Case(add_column("meetings.csv", " Meeting Type"), "meetings.csv", 1, "meeting_type",
                             "Meeting Type", "duplicate_column", ("twice",)),
    "row with too many cells": Case(edit_line("meetings.csv", 4, lambda line: line.rstrip("\n") + ",x\n"),
                                    "meetings.csv", 4, None, None, "ragged_row", ("12 cells instead of 11",)),
    "row with too few cells": Case(edit_line("participation.csv", 3, lambda line: line.rsplit(",", 2)[0]
                                             + "\n"), "participation.csv", 3, None, None, "ragged_row",
                                   ("6 cells instead of 8",)),
    "unclosed quote": Case(edit_line("meetings.csv", 8, lambda line: line.replace("Réunion", '"Réunion')),
                           "meetings.csv", 8, None, None, "bad_row", ("quote",)),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_problem_names_file_row_column_and_value(tiny, case):
    case.defect(tiny)
    problem = only_problem(tiny)
    assert (problem.file, problem.row, problem.column, problem.code) == (
        case.file, case.row, case.column, case.code)
    if case.value is not None:
        assert problem.value == case.value
    french, english = describe_problem(problem, "fr"), describe_problem(problem, "en")
    assert french != english
    for message, row_word, quotes in ((french, "ligne", "« {} »"), (english, "row", "“{}”")):
        assert message.startswith(case.file)
        if case.row is not None:
            assert f"{row_word} {case.row}" in message
        if case.column is not None:
            assert quotes.format(case.column) in message
        if case.value is not None:
            assert quotes.format(case.value.strip()) in message or quotes.format(case.value) in message
        assert "{" not in message and "}" not in message  # every placeholder filled in
    for words in case.says:
        assert words in english


def test_problem_after_a_cell_spanning_lines_names_the_spreadsheet_row(tiny):
    commitments = read_records(tiny / "commitments.csv")
    commitments[1][7] = "Une description\nsur trois\nlignes"  # row 2 spans lines 2 to 4
    commitments[2][6] = "31/02/2025"  # row 3, on line 5
    write_records(tiny / "commitments.csv", commitments)
    meetings = read_records(tiny / "meetings.csv")
    meetings[2][4] = "Comité de pilotage\r\nn° 1"  # R2, row 3
    write_records(tiny / "meetings.csv", meetings)
    path = tiny / "meetings.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[5] += ",x"  # R4: row 5 of the spreadsheet, line 6 of the file
    path.write_text("\n".join(lines), encoding="utf-8")
    found = problems(tiny)
    assert [(problem.file, problem.row, problem.column, problem.code) for problem in found] == [
        ("commitments.csv", 3, "end_date", "bad_date"),
        ("meetings.csv", 5, None, "ragged_row"),
    ]


def test_problem_after_blank_lines_names_the_spreadsheet_row(tiny):
    path = tiny / "milestones.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace("2026-06-30", "30/06/20266")  # C1-M3, row 4 ...
    path.write_text("".join([*lines[:2], "\n", " \n", *lines[2:]]), encoding="utf-8")  # ... now row 6
    problem = only_problem(tiny)
    assert (problem.row, problem.column, problem.value) == (6, "due_date", "30/06/20266")


def cp1252_with_undecodable_byte(folder: Path, multi_line: bool) -> None:
    records = read_records(folder / "commitments.csv")
    if multi_line:
        records[1][7] = "Première ligne\ndeuxième ligne"
    content = "".join(",".join(f'"{cell}"' for cell in record) + "\r\n" for record in records)
    data = bytearray(content.encode("cp1252"))  # é, €, ’, œ: a Windows-1252 file
    offset = data.index("Citoyenneté".encode("cp1252"))  # in row 3
    data[offset:offset] = b"\x81"  # a byte Windows-1252 leaves undefined
    (folder / "commitments.csv").write_bytes(bytes(data))


@pytest.mark.parametrize("multi_line", [False, True], ids=["one line per row", "after a cell on two lines"])
def test_undecodable_byte(tiny, multi_line):
    cp1252_with_undecodable_byte(tiny, multi_line)
    problem = only_problem(tiny)
    assert (problem.file, problem.row, problem.code) == ("commitments.csv", 3, "undecodable")
    assert describe_problem(problem, "fr").startswith("commitments.csv, ligne 3 : ")
    assert "0x81" in describe_problem(problem, "fr")
    assert "0x81" in describe_problem(problem, "en")
    assert "CSV UTF-8" in describe_problem(problem, "en")


def xlsx_bytes() -> bytes:
    """The start of what Excel saves: a zip archive (holding NUL bytes, as every zip does)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


FILE_CASES = {
    "empty file": (lambda folder: (folder / "assessments.csv").write_bytes(b""), "assessments.csv",
                   "empty_file", "empty"),
    "file of blank lines": (lambda folder: (folder / "assessments.csv").write_bytes(b"\r\n  \n;;\n"),
                            "assessments.csv", "empty_file", "empty"),
    "workbook renamed .csv": (lambda folder: (folder / "meetings.csv").write_bytes(xlsx_bytes()),
                              "meetings.csv", "not_text", "Excel"),
    "missing required file": (lambda folder: (folder / "participation.csv").unlink(), "participation.csv",
                              "missing_file", "missing"),
}


@pytest.mark.parametrize("defect, filename, code, word", FILE_CASES.values(), ids=FILE_CASES.keys())
def test_file_problems(tiny, defect, filename, code, word):
    defect(tiny)
    problem = only_problem(tiny)
    assert (problem.file, problem.code, problem.row, problem.column) == (filename, code, None, None)
    assert describe_problem(problem, "fr").startswith(f"{filename} : ")
    english = describe_problem(problem, "en")
    assert english.startswith(f"{filename}: ") and word in english


def test_missing_optional_files_are_no_problem(tiny):
    (tiny / "targets.csv").unlink()
    (tiny / "plan.csv").unlink()
    report = load_plan(tiny).report
    assert report.ok
    assert {file.filename: file.present for file in report.files}["plan.csv"] is False


def test_missing_folder(tmp_path):
    folder = tmp_path / "nowhere"
    problem = only_problem(folder)
    assert (problem.code, problem.value) == ("missing_folder", str(folder))
    assert str(folder) in describe_problem(problem, "fr")
    assert str(folder) in describe_problem(problem, "en")


def test_a_file_in_place_of_the_folder(tmp_path):
    folder = tmp_path / "data.csv"
    folder.write_text("code,name_fr\n")
    assert only_problem(folder).code == "missing_folder"


def test_bad_folder_is_never_half_loaded(tiny):
    set_cell(tiny, "plan.csv", 2, "end_date", "bientôt")  # the last file read
    with pytest.raises(DataFolderError) as raised:
        load_plan(tiny)
    report = raised.value.report
    assert [problem.code for problem in report.problems] == ["bad_date"]
    assert not hasattr(raised.value, "connection") and not hasattr(report, "connection")
    assert not inspect_folder(tiny).ok


def test_problems_are_collected_across_all_files_at_once(tiny):
    set_cell(tiny, "institutions.csv", 3, "name_fr", "")
    set_cell(tiny, "meetings.csv", 6, "date", "30/06/25")
    set_cell(tiny, "targets.csv", 3, "indicator", "réunions")
    (tiny / "assessments.csv").write_bytes(b"")
    set_cell(tiny, "participation.csv", 9, "gender", "inconnu")
    found = problems(tiny)
    assert [(problem.file, problem.row, problem.column, problem.code) for problem in found] == [
        ("assessments.csv", None, None, "empty_file"),
        ("institutions.csv", 3, "name_fr", "required"),
        ("meetings.csv", 6, "date", "two_digit_year"),  # 30/06/25: the century would be a guess
        ("participation.csv", 9, "gender", "bad_choice"),
        ("targets.csv", 3, "indicator", "bad_choice"),
    ]


def test_every_problem_of_a_file_is_listed(tiny):
    set_cell(tiny, "milestones.csv", 2, "start_date", "demain")
    set_cell(tiny, "milestones.csv", 3, "weight", "-1")
    set_cell(tiny, "milestones.csv", 5, "owner", "XYZ")
    set_cell(tiny, "milestones.csv", 6, "title_fr", "")
    set_cell(tiny, "milestones.csv", 6, "completed_date", "hier")
    assert [(problem.row, problem.column, problem.code) for problem in problems(tiny)] == [
        (2, "start_date", "bad_date"),
        (3, "weight", "not_above"),
        (5, "owner", "unknown_reference"),
        (6, "completed_date", "bad_date"),
        (6, "title_fr", "required"),
    ]


def test_many_problems_of_one_kind_are_capped(tiny):
    for _ in range(100):
        add_record(tiny, "participation.csv",
                   {"date": "32/13/2025", "activity": "other", "participants": "1"})
    found = problems(tiny)
    # tiny's participation has rows 2 to 9; the 100 bad dates are rows 10 to 109.
    listed = [problem for problem in found if problem.code == "bad_date"]
    assert PROBLEMS_LISTED_PER_CHECK == 20
    assert [problem.row for problem in listed] == list(range(10, 30))
    assert len(found) == 21
    more = found[-1] if found[-1].code == "more_problems" else found[0]
    assert (more.code, more.file, more.details["count"]) == ("more_problems", "participation.csv", "80")
    assert "80" in describe_problem(more, "fr") and "80" in describe_problem(more, "en")
    assert "participation.csv" in describe_problem(more, "en")


def test_many_ragged_rows_are_capped(tiny):
    path = tiny / "meetings.csv"
    path.write_text(path.read_text(encoding="utf-8") + "R9,2025-01-01\n" * 25, encoding="utf-8")
    found = problems(tiny)
    assert [problem.row for problem in found if problem.code == "ragged_row"] == list(range(9, 29))
    assert [problem.details.get("count") for problem in found if problem.code == "more_problems"] == ["5"]


def test_messages_are_french_by_default(tiny):
    set_cell(tiny, "meetings.csv", 2, "is_public", "peut-être")
    problem = only_problem(tiny)
    assert describe_problem(problem) == describe_problem(problem, "fr") == (
        "meetings.csv, ligne 2, colonne « is_public » : « peut-être » n'est pas oui ou non.")
    assert describe_problem(problem, "en") == (
        "meetings.csv, row 2, column “is_public”: “peut-être” is not yes or no.")


def test_every_problem_code_has_a_message_in_both_languages():
    codes = ["missing_folder", "missing_file", "empty_file", "not_text", "undecodable", "unreadable",
             "missing_column", "duplicate_column", "ragged_row", "bad_row", "required", "bad_date",
             "bad_whole", "bad_decimal", "bad_percent", "bad_boolean", "bad_choice", "bad_choice_list",
             "bad_url", "bad_sector", "below_minimum", "not_above", "above_maximum", "before",
             "duplicate", "unknown_reference", "single_row", "more_problems"]
    for code in codes:
        problem = Problem("x.csv", code, row=2, column="c", value="v")
        for lang in ("fr", "en"):
            assert not describe_problem(problem, lang).endswith(f"problem.{code}")


def test_reading_never_writes_under_the_data_folder(tmp_path):
    folders = [copy_tiny(tmp_path, "plain")]
    folders.append(tmp_path / "french")
    shutil.copytree(FRENCH_EXCEL, folders[-1])  # Windows-1252 files are transcoded: elsewhere
    bad = copy_tiny(tmp_path, "bad")
    cp1252_with_undecodable_byte(bad, multi_line=True)
    set_cell(bad, "meetings.csv", 3, "date", "hier")
    folders.append(bad)
    before = {folder: snapshot(folder) for folder in folders}
    for folder in folders:
        with contextlib.suppress(DataFolderError):
            load_plan(folder).connection.close()
    assert {folder: snapshot(folder) for folder in folders} == before
