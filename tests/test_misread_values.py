"""Never misread a value: a month-first date, a two-digit year, two encodings in one file, a comma
used for thousands are refused with their row and column and how to declare what is meant;
declared, every value of the file is read that way.
"""

from __future__ import annotations

from helpers import FRENCH_EXCEL, copy_tiny, csv_text, messages, only_problem, read_records, run_cli, snapshot

from ogp_metrics import updates
from ogp_metrics.ingest import mapping
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.ingest.problems import describe_problem
from ogp_metrics.updates import Upload

HEADER = ["date", "activity", "commitment_id", "arrondissement", "participants", "contributions",
          "age_group", "gender"]
# 4/2/2023 means 2 April (a US export); only 12/31/2024 proves it, on row 4.
MONTH_FIRST = [HEADER, ["4/2/2024", "citizens_vote", "", "", "7", "", "", ""],
               ["5/6/2024", "citizens_vote", "", "", "8", "", "", ""],
               ["12/31/2024", "citizens_vote", "", "", "9", "", "", ""]]


def test_a_month_first_file_is_refused_at_the_row_that_proves_it(tmp_path):
    folder = copy_tiny(tmp_path)
    (folder / "participation.csv").write_text(csv_text(MONTH_FIRST), encoding="utf-8")
    problem = only_problem(folder)  # 4/2 and 5/6 are not read as 4 February and 5 June
    assert (problem.file, problem.row, problem.column, problem.value, problem.code) == (
        "participation.csv", 4, "date", "12/31/2024", "month_first")
    (french,) = messages(folder, "fr")
    assert french.startswith("participation.csv, ligne 4, colonne « date » : « 12/31/2024 » ne peut se "
                             "lire que mois en premier")
    assert "--date-order mdy" in french and "date_order = \"mdy\"" in french and "Ordre des dates" in french
    (english,) = messages(folder, "en")
    assert "can only be read month first" in english and "--date-order mdy" in english


def test_with_the_order_declared_every_date_of_the_file_is_read_month_first(tiny, tmp_path, capsys):
    upload = tmp_path / "votation.csv"
    upload.write_text(csv_text(MONTH_FIRST), encoding="utf-8")
    code, _out, err = run_cli(capsys, "import", str(upload), "--table", "votation.csv=participation",
                          "--date-order", "mdy", "--data", str(tiny), "--by", "a", "--reason", "r")
    assert code == 0, err
    plan = load_plan(tiny)
    dates = [str(row[0]) for row in plan.cursor().execute(
        "SELECT date FROM participation WHERE activity = 'citizens_vote' ORDER BY _row").fetchall()]
    plan.connection.close()
    assert dates == ["2024-04-02", "2024-05-06", "2024-12-31"]
    # Written as ISO dates: the folder reads the same way without the option.
    assert b"2024-04-02,citizens_vote" in (tiny / "participation.csv").read_bytes()


def test_a_date_that_does_not_fit_the_declared_order_is_refused_not_guessed(tiny):
    records = [HEADER, ["4/2/2024", "citizens_vote", "", "", "7", "", "", ""],
               ["25/12/2024", "citizens_vote", "", "", "8", "", "", ""]]
    profile = mapping.reading_options(date_order="mdy")
    preparation = updates.prepare(tiny, [Upload("votes.csv", csv_text(records).encode(), "participation",
                                                profile=profile)])
    (problem,) = preparation.problems
    assert (problem.row, problem.column, problem.value, problem.code) == (3, "date", "25/12/2024",
                                                                         "date_not_in_order")


def test_a_two_digit_year_is_refused(tmp_path):
    folder = copy_tiny(tmp_path)
    records = read_records(folder / "meetings.csv")
    records[3][1] = "15/03/24"
    (folder / "meetings.csv").write_text(csv_text(records), encoding="utf-8")
    problem = only_problem(folder)
    assert (problem.row, problem.column, problem.value, problem.code) == (4, "date", "15/03/24",
                                                                         "two_digit_year")
    assert "two-digit year" in describe_problem(problem, "en")


def test_a_utf8_file_with_windows_1252_bytes_is_refused_at_the_first_cell_they_are_in(tmp_path):
    folder = copy_tiny(tmp_path)
    text = (folder / "meetings.csv").read_text(encoding="utf-8")
    # Row 6 (R5) gets a title pasted from a Windows-1252 file: é is the single byte E9 there.
    data = text.encode("utf-8").replace(b"Conseil de quartier", b"Conseil de quartier d\xe9l\xe9gu\xe9")
    (folder / "meetings.csv").write_bytes(data)
    before = snapshot(folder)
    problem = only_problem(folder)
    assert (problem.file, problem.row, problem.column, problem.code) == ("meetings.csv", 6, "title",
                                                                        "mixed_encoding")
    assert problem.details["byte"] == "0xE9"
    assert "mixes two encodings" in describe_problem(problem, "en")
    assert snapshot(folder) == before


def test_an_upload_mixing_encodings_is_refused_and_changes_nothing(tiny):
    records = read_records(tiny / "milestones.csv")
    data = csv_text(records).encode("utf-8").replace(b"Drawing lots", b"Tirage \x93au sort\x94")
    before = snapshot(tiny)
    preparation = updates.prepare(tiny, [Upload("jalons.csv", data)])
    (problem,) = preparation.problems
    assert (problem.file, problem.row, problem.column, problem.code) == ("jalons.csv", 2, "title_en",
                                                                        "mixed_encoding")
    assert snapshot(tiny) == before


def test_a_windows_1252_file_is_still_read_whole(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    for path in FRENCH_EXCEL.glob("*.csv"):
        (folder / path.name).write_bytes(path.read_bytes())
    plan = load_plan(folder)
    titles = [row[0] for row in plan.cursor().execute("SELECT title FROM meetings ORDER BY _row").fetchall()]
    plan.connection.close()
    assert titles[0] == "Réunion publique de lancement"


def test_a_comma_for_thousands_gets_the_hint_and_can_be_declared(tiny, tmp_path, capsys):
    records = [HEADER, ["2024-10-04", "citizens_vote", "", "", "68,816", "", "", ""]]
    upload = tmp_path / "votes.csv"
    upload.write_text(csv_text(records), encoding="utf-8")
    code, _out, err = run_cli(capsys, "import", str(upload), "--table", "votes.csv=participation", "--data",
                          str(tiny), "--dry-run", "--lang", "en")
    assert code == 1
    assert ("votes.csv, row 2, column “participants”: “68,816” is not a number here: the comma "
            "probably separates thousands (68,816 = 68 816). Declare it: --thousands ,") in err
    code, out, err = run_cli(capsys, "import", str(upload), "--table", "votes.csv=participation", "--data",
                         str(tiny), "--thousands", ",", "--dry-run", "--lang", "en", "--as-of", "2025-12-31")
    assert code == 0, err
    assert "Participations: 2,240 -> 71,056 (+68,816)" in out
