"""Import modes: replace the file, append rows (identical ones skipped, colliding ones refused),
upsert rows matched on the table's key; a dry run and the JSON preview change nothing.

Every folder is a private copy of `tests/fixtures/tiny/` (participation: 8 rows, rows 2-9;
meetings R1-R7, rows 2-8); every count below is worked out from those files by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import FRENCH_EXCEL, TINY, copy_tiny, csv_text, read_records, run_cli, snapshot, write_csv

from ogp_metrics import updates
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.updates import Upload

HEADER = ["date", "activity", "commitment_id", "arrondissement", "participants", "contributions",
          "age_group", "gender"]
# tiny's participation row 2, as a person would type it again (another date format, same values)
ROW_2_AGAIN = ["01/03/2024", "Consultation en ligne", "", "", "1 200", "340", "", ""]
NEW_EVENT = [["2025-10-04", "citizens_vote", "", "75011", "812", "", "", ""],
             ["2025-10-04", "citizens_vote", "", "75012", "655", "", "", ""]]


def participants(folder: Path) -> list[int]:
    plan = load_plan(folder)
    try:
        return [row[0] for row in plan.cursor().execute(
            "SELECT participants FROM participation ORDER BY _row").fetchall()]
    finally:
        plan.connection.close()


def test_append_adds_the_new_rows_and_skips_the_ones_already_there(tiny, tmp_path, capsys):
    before = (tiny / "participation.csv").read_bytes()
    upload = write_csv(tmp_path / "participation octobre.csv", [HEADER, ROW_2_AGAIN, *NEW_EVENT])
    code, out, err = run_cli(capsys, "import", str(upload), "--data", str(tiny), "--by", "a@paris.fr",
                         "--reason", "votation d'octobre", "--lang", "en")
    assert code == 0, err
    assert ("participation.csv ← participation octobre.csv (rows appended): 2 added, 0 removed, "
            "0 changed, 1 already there (skipped)") in out
    # The current bytes are untouched; the two new rows follow them, as the upload wrote them.
    after = (tiny / "participation.csv").read_bytes()
    assert after == before + (b"2025-10-04,citizens_vote,,75011,812,,,\n"
                              b"2025-10-04,citizens_vote,,75012,655,,,\n")
    assert participants(tiny) == [1200, 25, 15, 40, 300, 100, 60, 500, 812, 655]
    (entry,) = updates.history(tiny)
    assert (entry["file"], entry["rows"]) == ("participation.csv", 10)


def test_append_refuses_a_row_whose_key_is_taken_and_changes_nothing(tiny, tmp_path, capsys):
    corrected = [*ROW_2_AGAIN[:4], "1 250", *ROW_2_AGAIN[5:]]  # row 2's key, another count
    upload = write_csv(tmp_path / "participation.csv", [HEADER, NEW_EVENT[0], corrected])
    before = snapshot(tiny)
    code, out, err = run_cli(capsys, "import", str(upload), "--data", str(tiny), "--by", "a", "--reason", "r",
                         "--lang", "en")
    assert (code, out) == (1, "")
    assert "Refused: 1 problem. Nothing was changed." in err
    assert "participation.csv, row 3: This row has the same key" in err
    assert "as row 2 of the current file" in err and "--mode upsert" in err
    assert snapshot(tiny) == before


def test_upsert_replaces_the_row_with_the_same_key_where_it_stands(tiny, tmp_path, capsys):
    corrected = [*ROW_2_AGAIN[:4], "1 250", *ROW_2_AGAIN[5:]]
    upload = write_csv(tmp_path / "participation.csv", [HEADER, corrected, NEW_EVENT[0]])
    code, out, err = run_cli(capsys, "import", str(upload), "--data", str(tiny), "--mode", "upsert",
                         "--by", "a", "--reason", "r", "--lang", "en")
    assert code == 0, err
    assert "(rows updated): 1 added, 0 removed, 1 changed, 0 already there (skipped)" in out
    assert participants(tiny) == [1250, 25, 15, 40, 300, 100, 60, 500, 812]


def test_upsert_keeps_the_cells_of_columns_the_upload_does_not_have(tiny, tmp_path):
    # Only the key and the new due date: the titles, owners and weights stay as they are.
    upload = csv_text([["milestone_id", "commitment_id", "title_fr", "start_date", "due_date"],
                       ["C1-M2", "C1", "Première session", "2025-01-01", "2025-11-30"]]).encode()
    preparation = updates.prepare(tiny, [Upload("jalons.csv", upload, mode="upsert")])
    assert preparation.ok, preparation.problems
    (change,) = preparation.changes
    assert list(zip(change.changed["column"], change.changed["before"], change.changed["after"],
                    strict=True)) == [("due_date", "2025-09-30", "2025-11-30")]
    assert (change.rows_before, change.rows_after) == (5, 5)


def test_replace_is_the_default_for_the_small_tables_and_append_for_participation(tiny, tmp_path):
    milestones = read_records(TINY / "milestones.csv")[:3]  # two rows only: the others would go
    preparation = updates.prepare(tiny, [Upload("milestones.csv", csv_text(milestones).encode())])
    assert [c.mode for c in preparation.candidates] == ["replace"]
    assert not preparation.ok  # progress updates of C1-M3, C2-M1, C2-M2 would lose their milestone
    new_rows = csv_text([HEADER, *NEW_EVENT]).encode()
    preparation = updates.prepare(tiny, [Upload("participation.csv", new_rows)])
    assert [(c.mode, c.skipped) for c in preparation.candidates] == [("append", 0)]
    assert (preparation.changes[0].rows_before, preparation.changes[0].rows_after) == (8, 10)


def test_a_file_without_a_key_can_only_be_replaced(tiny):
    records = read_records(TINY / "plan.csv")
    preparation = updates.prepare(tiny, [Upload("plan.csv", csv_text(records).encode(), mode="append")])
    (problem,) = preparation.problems
    assert (problem.file, problem.code) == ("plan.csv", "mode_needs_key")


def test_two_uploaded_rows_with_the_same_key_are_refused(tiny):
    upload = csv_text([HEADER, NEW_EVENT[0], NEW_EVENT[0]]).encode()
    preparation = updates.prepare(tiny, [Upload("participation.csv", upload)])
    (problem,) = preparation.problems
    assert (problem.file, problem.row, problem.code) == ("participation.csv", 3, "duplicate_key")


def test_a_record_id_tells_two_activities_of_the_same_day_apart(tiny):
    upload = csv_text([[*HEADER, "record_id"], [*NEW_EVENT[0], "matin"], [*NEW_EVENT[0], "soir"]]).encode()
    preparation = updates.prepare(tiny, [Upload("participation.csv", upload)])
    assert preparation.ok, preparation.problems
    assert (preparation.changes[0].rows_before, preparation.changes[0].rows_after) == (8, 10)


def test_a_problem_in_an_appended_row_names_the_uploaded_row(tiny):
    upload = csv_text([HEADER, NEW_EVENT[0], ["2025-10-05", "citizens_vote", "C9", "", "10", "", "", ""]])
    preparation = updates.prepare(tiny, [Upload("votation.csv", upload.encode(), "participation")])
    (problem,) = preparation.problems
    assert (problem.file, problem.row, problem.column, problem.value, problem.code) == (
        "votation.csv", 3, "commitment_id", "C9", "unknown_reference")


def test_append_to_a_french_excel_file_keeps_its_encoding_separator_and_line_endings(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    for path in FRENCH_EXCEL.glob("*.csv"):
        (folder / path.name).write_bytes(path.read_bytes())
    before = (folder / "meetings.csv").read_bytes()
    upload = csv_text([["meeting_id", "date", "meeting_type", "is_public", "title"],
                       ["R9", "2025-11-20", "public_meeting", "oui", "Réunion de clôture"]]).encode()
    preparation = updates.prepare(folder, [Upload("réunions.csv", upload)])
    assert preparation.ok, preparation.problems
    written = preparation.files["meetings.csv"]
    assert written.startswith(before)
    # Windows-1252, ';' and CRLF like the rest of the file; the columns it lacks left blank.
    assert written[len(before):] == "R9;2025-11-20;public_meeting;;Réunion de clôture;;;oui;;;\r\n".encode(
        "cp1252")


def test_a_dry_run_previews_and_writes_nothing(tiny, tmp_path, capsys):
    upload = write_csv(tmp_path / "participation.csv", [HEADER, ROW_2_AGAIN, *NEW_EVENT])
    before = snapshot(tiny)
    code, out, err = run_cli(capsys, "import", str(upload), "--data", str(tiny), "--dry-run", "--lang", "en",
                         "--as-of", "2025-12-31")
    assert code == 0, err
    assert "2 added, 0 removed, 0 changed, 1 already there (skipped)" in out
    assert "Participations: 2,240 -> 3,707 (+1,467)" in out  # 1 200+25+15+40+300+100+60+500, +812+655
    assert out.rstrip().endswith("Dry run: nothing was written.")
    assert snapshot(tiny) == before and not (tiny / ".history").exists()


def test_the_json_preview_has_the_promised_shape(tiny, tmp_path, capsys):
    upload = write_csv(tmp_path / "participation.csv", [HEADER, ROW_2_AGAIN, *NEW_EVENT])
    code, out, err = run_cli(capsys, "import", str(upload), "--data", str(tiny), "--dry-run", "--json",
                         "--as-of", "2025-12-31")
    assert code == 0, err
    document = json.loads(out)
    assert list(document) == ["published", "version", "files", "headline_before", "headline_after"]
    assert (document["published"], document["version"]) == (False, None)
    assert document["files"] == [{
        "file": "participation.csv", "table": "participation", "mode": "append", "added": 2,
        "removed": 0, "changed": 0, "skipped": 1, "ignored_columns": [], "warnings": []}]
    # The headline objects are what `summary --json` prints for the same date.
    code, summary, _err = run_cli(capsys, "summary", str(tiny), "--as-of", "2025-12-31", "--json")
    assert document["headline_before"] == json.loads(summary)
    assert document["headline_after"]["participation"]["participants"] == 3707


def test_a_published_import_says_so_in_json(tiny, tmp_path, capsys):
    upload = write_csv(tmp_path / "participation.csv", [HEADER, *NEW_EVENT])
    code, out, err = run_cli(capsys, "import", str(upload), "--data", str(tiny), "--json", "--by", "a",
                         "--reason", "r")
    assert code == 0, err
    document = json.loads(out)
    assert (document["published"], document["version"]) == (True, 1)


def test_a_refused_import_in_json(tiny, tmp_path, capsys):
    upload = write_csv(tmp_path / "participation.csv",
                   [HEADER, ["hier", "citizens_vote", "", "", "3", "", "", ""]])
    before = snapshot(tiny)
    code, out, _err = run_cli(capsys, "import", str(upload), "--data", str(tiny), "--json", "--dry-run",
                          "--lang", "en")
    assert code == 1
    assert json.loads(out) == {"published": False, "problems": [{
        "file": "participation.csv", "row": 2, "column": "date", "value": "hier",
        "message": "“hier” is not a date: write 31/12/2026 or 2026-12-31."}]}
    assert snapshot(tiny) == before


def test_at_a_terminal_the_import_asks_before_publishing(tiny, tmp_path, capsys, monkeypatch):
    upload = write_csv(tmp_path / "participation.csv", [HEADER, *NEW_EVENT])
    before = snapshot(tiny)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    code, out, err = run_cli(capsys, "import", str(upload), "--data", str(tiny), "--by", "a", "--reason", "r",
                         "--lang", "en")
    assert code == 1 and "Cancelled: nothing was changed." in err
    assert snapshot(tiny) == before
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    code, out, err = run_cli(capsys, "import", str(upload), "--data", str(tiny), "--by", "a", "--reason", "r",
                         "--lang", "en")
    assert code == 0 and "Version 1 published." in out


@pytest.mark.parametrize("argv", [["--by", "a"], ["--reason", "r"]])
def test_only_a_dry_run_may_leave_out_who_and_why(tmp_path, capsys, argv):
    folder = copy_tiny(tmp_path)
    upload = write_csv(tmp_path / "participation.csv", [HEADER, *NEW_EVENT])
    code, _out, err = run_cli(capsys, "import", str(upload), "--data", str(folder), *argv, "--lang", "en")
    assert code == 2 and ("--by" in err or "--reason" in err)
