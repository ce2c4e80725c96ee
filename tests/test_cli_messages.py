"""What the command line says: every problem counted, "… and N more" after the rows it sums up,
a file's table asked for by name, values on one line, and nothing that can drive a terminal."""

from __future__ import annotations

from helpers import csv_text, read_records, run_cli, set_cell

from ogp_metrics.cli.safe_output import escape

HEADER = ["date", "activity", "commitment_id", "arrondissement", "participants", "contributions",
          "age_group", "gender"]


def test_the_header_counts_every_problem_and_the_more_line_comes_last(tiny, capsys):
    # 25 rows dated "hier": 20 are listed, then "… and 5 more"; plus one bad count on row 3.
    rows = [["hier", "other", "", "", "1", "", "", ""] for _ in range(25)]
    rows[1][4] = "beaucoup"
    (tiny / "participation.csv").write_text(csv_text([HEADER, *rows]), encoding="utf-8")
    code, _out, err = run_cli(capsys, "validate", str(tiny), "--lang", "en")
    assert code == 1
    lines = err.splitlines()
    assert lines[0] == f"The folder {tiny} was not loaded: 26 problems to fix."
    listed = [line for line in lines[1:] if "is not a date" in line]
    assert len(listed) == 20 and listed[0].startswith("- participation.csv, row 2,")
    assert listed[-1].startswith("- participation.csv, row 21,")
    assert lines[-1] == ("- participation.csv, column “date”: … and 5 more problems of the same kind.")
    assert "row 3, column “participants”: “beaucoup” is not a whole number" in err


def test_an_import_names_the_option_that_says_a_files_table(tiny, tmp_path, capsys):
    upload = tmp_path / "export-2025.csv"
    upload.write_text(csv_text([HEADER, ["2025-10-04", "other", "", "", "1", "", "", ""]]), encoding="utf-8")
    code, _out, err = run_cli(capsys, "import", str(upload), "--data", str(tiny), "--dry-run", "--lang", "en")
    assert code == 1
    assert err.splitlines()[-1] == ('To say a file\'s table: --table "export-2025.csv=TABLE" (TABLE among '
                                    "institutions, commitments, milestones, progress_updates, assessments, "
                                    "meetings, participation, targets, plan, decisions, events, "
                                    "vote_results, projects).")


def test_an_export_with_other_columns_is_pointed_to_profiles(tiny, tmp_path, capsys):
    upload = tmp_path / "participation.csv"
    upload.write_text("Date,Votants\n2025-10-04,10\n", encoding="utf-8")
    code, _out, err = run_cli(capsys, "import", str(upload), "--data", str(tiny), "--dry-run", "--lang", "en")
    assert code == 1
    assert "Read it with a profile (--profile NAME" in err.splitlines()[-1]


def test_allowed_values_are_listed_by_their_english_labels_in_english(tiny, capsys):
    set_cell(tiny, "meetings.csv", 3, "phase", "préparation")
    code, _out, err = run_cli(capsys, "validate", str(tiny), "--lang", "en")
    assert code == 1
    assert "Allowed values: Co-creation (co_creation), Implementation (implementation)." in err


def test_a_value_with_line_breaks_is_printed_on_one_line(tiny, capsys):
    set_cell(tiny, "meetings.csv", 3, "meeting_type", "comité\nplénier")
    code, _out, err = run_cli(capsys, "validate", str(tiny), "--lang", "en")
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("- meetings.csv, row 3, column “meeting_type”: “comité↵plénier” is not")


def test_control_characters_from_a_cell_are_escaped(tiny, capsys):
    set_cell(tiny, "meetings.csv", 3, "meeting_type", "\x1b[2J\x1b]0;owned\x07x\u202eevil\nover")
    code, _out, err = run_cli(capsys, "validate", str(tiny), "--lang", "en")
    assert code == 1
    assert "\x1b" not in err and "\x07" not in err and "\u202e" not in err
    assert "\\u001b[2J\\u001b]0;owned\\u0007x\\u202eevil↵over" in err


def test_by_and_reason_are_escaped_when_the_history_prints_them(tiny, tmp_path, capsys):
    records = read_records(tiny / "milestones.csv")
    records[2][records[0].index("completed_date")] = "2025-09-01"
    upload = tmp_path / "milestones.csv"
    upload.write_text(csv_text(records), encoding="utf-8")
    code, _out, err = run_cli(capsys, "import", str(upload), "--data", str(tiny), "--by", "eve\x1b[8m",
                          "--reason", "juin\x9b31m\x07")
    assert code == 0, err
    code, out, _err = run_cli(capsys, "history", "--data", str(tiny))
    assert code == 0
    assert "eve\\u001b[8m" in out and "juin\\u009b31m\\u0007" in out
    assert not any(ch in out for ch in "\x1b\x9b\x07")
    code, out, _err = run_cli(capsys, "history", "--data", str(tiny), "--json")
    assert "\x9b" not in out and "\\u009b" in out  # still JSON, the escape is JSON's own


def test_escape_keeps_text_and_the_lines_the_cli_writes():
    assert escape("Réunion publique\tn° 3\n") == "Réunion publique\tn° 3\n"
    assert escape("a\x00b\x7fc\x85d") == "a\\u0000b\\u007fc\\u0085d"
