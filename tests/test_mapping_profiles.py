"""Mapping profiles: a real export read into the contract's tables without a conversion script.

`EVENTS` is a 20-column export written as a US spreadsheet writes it (month-first dates, `,`
for thousands, `NA` for unknown), with a cancelled event and a total row to leave out. Its
figures, worked out by hand: the four events kept have 1 812 + 48 + 51 + 10 250 = 12 161
participants and 2 345 + 96 + 102 + 3 050 = 5 593 contributions; tiny already has 2 240
participants, so 14 401 after the import.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import csv_text, run_cli, snapshot

from ogp_metrics import text, updates
from ogp_metrics.ingest import conversion, mapping
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.ingest.problems import describe_problem
from ogp_metrics.updates import Upload, profile_store

EXPORTS = Path(__file__).resolve().parent / "fixtures" / "exports"
EVENTS = csv_text([
    ["Event ID", "Event Date", "Event Type", "District", "Zip Code", "Commitment", "Registered",
     "Attendance", "Online Attendance", "Contributions", "Age Band", "Gender", "Organizer",
     "Budget (USD)", "Cost per Head", "Satisfaction", "Notes", "Source URL", "Last Updated", "Status"],
    ["E-101", "10/4/2025", "Public Vote", "11th", "75011", "C1", "12,400", "1,812", "1,203", "2,345",
     "All", "NA", "DDCT", "12,500.00", "6.90", "4.2", "Vote on the 11th's squares, day one",
     "https://www.paris.fr/", "10/20/2025 09:15", "Done"],
    ["E-102", "10/11/2025", "Workshop", "12th", "75012", "NA", "320", "48", "0", "96", "25-39",
     "Female", "DDCT", "1,100.00", "22.92", "4.6", "", "NA", "10/20/2025 09:15", "Done"],
    ["E-103", "10/18/2025", "Workshop", "12th", "75012", "NA", "320", "51", "0", "102", "25-39", "Male",
     "DDCT", "1,100.00", "21.57", "4.4", "", "NA", "10/20/2025 09:15", "Done"],
    ["E-104", "11/2/2025", "Budget Vote", "20th", "75020", "C1", "45,000", "10,250", "8,100", "3,050",
     "All", "NA", "DFA", "3,000.00", "0.29", "NA", "Winning projects, 20th", "https://www.paris.fr/",
     "11/15/2025 14:02", "Done"],
    ["E-105", "11/9/2025", "Workshop", "5th", "75005", "C2", "100", "0", "0", "0", "All", "NA", "DDCT",
     "0.00", "NA", "NA", "Cancelled: strike", "NA", "11/8/2025 18:00", "Cancelled"],
    ["TOTAL", "", "", "", "", "", "58,140", "12,161", "9,303", "5,593", "", "", "", "17,700.00", "", "", "",
     "", "", ""],
], newline="\r\n").encode("utf-8")
PROFILE = """
description = "Export des événements (tableur américain)"
date_order = "mdy"
thousands = ","
decimal = "."
empty = ["NA"]

[[tables]]
table = "participation"
keep = ["Registered"]
skip = [{ column = "Status", values = ["Cancelled"] }, { column = "Event ID", values = ["TOTAL"] }]

[tables.columns]
record_id = "Event ID"
date = "Event Date"
activity = "Event Type"
commitment_id = "Commitment"
arrondissement = "Zip Code"
participants = "Attendance"
contributions = "Contributions"
age_group = "Age Band"
gender = "Gender"
source = { constant = "Mairie de Paris, export des événements" }
licence = { constant = "ODbL" }

[tables.values.activity]
"Public Vote" = "citizens_vote"
"Workshop" = "citizen_workshop"
"Budget Vote" = "participatory_budget"

[tables.values.age_group]
"All" = ""
"""


@pytest.fixture
def with_profile(tiny: Path) -> Path:
    (tiny / "profiles").mkdir()
    (tiny / "profiles" / "events-export.toml").write_text(PROFILE, encoding="utf-8")
    return tiny


def rows(folder: Path, sql: str) -> list[tuple]:
    plan = load_plan(folder)
    try:
        return plan.cursor().execute(sql).fetchall()
    finally:
        plan.connection.close()


def test_a_20_column_us_export_is_mapped_by_a_profile(with_profile, tmp_path, capsys):
    export = tmp_path / "events 2025-11.csv"
    export.write_bytes(EVENTS)
    code, out, err = run_cli(capsys, "import", str(export), "--profile", "events-export", "--data",
                         str(with_profile), "--by", "a", "--reason", "événements d'automne", "--lang", "en")
    assert code == 0, err
    assert "participation.csv ← events 2025-11.csv (rows appended): 4 added, 0 removed, 0 changed" in out
    assert ("Columns ignored (kept in the file, read by nothing): District, Online Attendance, Organizer, "
            "Budget (USD), Cost per Head, Satisfaction, Notes, Source URL, Last Updated") in out
    added = rows(with_profile, "SELECT record_id, CAST(date AS VARCHAR), activity, commitment_id, "
                               "arrondissement, participants, contributions, age_group, gender, source, "
                               "licence FROM participation WHERE record_id IS NOT NULL ORDER BY _row")
    source = ("Mairie de Paris, export des événements", "ODbL")
    assert added == [
        ("E-101", "2025-10-04", "citizens_vote", "C1", "11", 1812, 2345, None, None, *source),
        ("E-102", "2025-10-11", "citizen_workshop", None, "12", 48, 96, "25_39", "female", *source),
        ("E-103", "2025-10-18", "citizen_workshop", None, "12", 51, 102, "25_39", "male", *source),
        ("E-104", "2025-11-02", "participatory_budget", "C1", "20", 10250, 3050, None, None, *source),
    ]
    assert rows(with_profile, "SELECT sum(participants) FROM participation") == [(14401,)]


def test_a_cell_that_does_not_fit_the_profile_names_the_exports_row_and_column(with_profile):
    bad = EVENTS.replace(b'"1,812"', b'"18,12"').replace(b"10/18/2025", b"18/10/2025")
    profile = mapping.find_profile("events-export", with_profile)
    before = snapshot(with_profile)
    preparation = updates.prepare(with_profile, [Upload("events.csv", bad, profile=profile)])
    found = {(p.file, p.row, p.column, p.value, p.code) for p in preparation.problems}
    assert found == {("events.csv", 2, "Attendance", "18,12", "number_format"),
                     ("events.csv", 4, "Event Date", "18/10/2025", "date_not_in_order")}
    assert snapshot(with_profile) == before
    message = next(describe_problem(p, "fr") for p in preparation.problems if p.code == "date_not_in_order")
    assert message == ("events.csv, ligne 4, colonne « Event Date » : « 18/10/2025 » n'est pas une date "
                       "écrite dans l'ordre déclaré (mdy : d = jour, m = mois, y = année).")


def test_a_problem_the_loader_finds_names_the_exports_column(with_profile):
    bad = EVENTS.replace(b"Public Vote", b"Street Party")  # no value map: not an activity
    profile = mapping.find_profile("events-export", with_profile)
    preparation = updates.prepare(with_profile, [Upload("events.csv", bad, profile=profile)])
    (problem,) = preparation.problems
    assert (problem.file, problem.row, problem.column, problem.value, problem.code) == (
        "events.csv", 2, "Event Type (activity)", "Street Party", "bad_choice")
    assert "Votation citoyenne (citizens_vote)" in describe_problem(problem, "fr")


def test_one_profile_fills_several_tables(tiny):
    profile = mapping.parse_profile(PROFILE + """
[[tables]]
table = "meetings"
skip = [{ column = "Status", values = ["Cancelled"] }, { column = "Event ID", values = ["TOTAL"] }]
[tables.columns]
meeting_id = "Event ID"
date = "Event Date"
meeting_type = "Event Type"
is_public = { constant = "oui" }
attendees = "Attendance"
arrondissement = "Zip Code"
[tables.values.meeting_type]
"Public Vote" = "public_meeting"
"Workshop" = "citizen_workshop"
"Budget Vote" = "public_meeting"
""", "events")
    preparation = updates.prepare(tiny, [Upload("events.csv", EVENTS, profile=profile)])
    assert preparation.ok, [describe_problem(p, "en") for p in preparation.problems]
    assert [(c.table, c.mode, len(change.added)) for c, change in zip(
        preparation.candidates, preparation.changes, strict=True)] == [
        ("participation", "append", 4), ("meetings", "append", 4)]


def test_a_month_first_portal_export_with_thousands_commas(tiny):
    """The 2 April 2023 vote, re-saved by an English-locale tool: `4/2/2023`, `"68,816"`."""
    profile = mapping.parse_profile("""
date_order = "mdy"
thousands = ","
[[tables]]
table = "participation"
[tables.columns]
date = "Date"
arrondissement = "Secteurs administratifs"
participants = "VOTANTS"
activity = { constant = "citizens_vote" }
""", "vote")
    data = (EXPORTS / "paris-vote-resaved.csv").read_bytes()
    preparation = updates.prepare(tiny, [Upload("vote.csv", data, profile=profile)])
    assert preparation.ok, preparation.problems
    (change,) = preparation.changes
    assert len(change.added) == 17 and set(change.added["date"]) == {"2023-04-02"}
    assert sorted(change.added["participants"].astype(int))[-1] == 11690  # the 15e
    assert sum(change.added["participants"].astype(int)) == 103084  # the city total (README)
    # 2 April 2023 is before the plan (2024-2026): each row is a warning, not a refusal.
    assert {w.code for w in preparation.warnings} == {"outside_plan_period"}


def test_a_year_or_a_month_alone_becomes_the_day_the_profile_says():
    assert conversion.read_date("2023", "dmy", "first") == "2023-01-01"
    assert conversion.read_date("2023", "dmy", "last") == "2023-12-31"
    assert conversion.read_date("2024-02", "dmy", "last") == "2024-02-29"
    assert conversion.read_date("July 2014", "mdy", "first") == "2014-07-01"
    assert conversion.read_date("févr. 2025", "dmy", "last") == "2025-02-28"
    assert conversion.read_date("2023", "dmy", None).code == "partial_date"
    assert conversion.read_date("4/2/23", "mdy", None).code == "two_digit_year"
    assert conversion.read_date("12/31/2019", "dmy", None).code == "month_first"
    assert conversion.read_date("2019-12-31", "mdy", None) == "2019-12-31"  # ISO is never in doubt


def test_numbers_in_the_declared_format():
    assert conversion.read_number("68,816", ",", None) == "68816"
    assert conversion.read_number("1,382,322.5", ",", ".") == "1382322.5"
    assert conversion.read_number("12 345,5", None, ",") == "12345.5"
    assert conversion.read_number("62.5 %", None, ".") == "62.5%"
    assert conversion.read_number("6,88,16", ",", None).code == "number_format"
    assert conversion.read_number("68.816", ",", None) == "68.816"  # the point is the decimal mark


def test_a_profile_round_trips_through_toml():
    profile = mapping.parse_profile(PROFILE, "events-export")
    written = mapping.profile_toml(profile)
    assert mapping.parse_profile(written, "events-export") == profile
    tricky = mapping.Profile("x", origin="file", tables=(mapping.TableMapping("participation", {
        "activity": mapping.Source(constant='Vote "Trottinettes" \\ 2023\n')}),))
    assert mapping.parse_profile(mapping.profile_toml(tricky), "x") == tricky


@pytest.mark.parametrize(("source", "code", "words"), [
    ("date_ordre = \"mdy\"", "unknown_key", "“date_ordre” is not a profile key"),
    ("date_order = \"ydm\"", "choice", "“date_order” = “ydm”: choose among \"dmy\", \"mdy\", \"ymd\""),
    ("[[tables]]\ntable = \"votes\"", "unknown_table", "“tables[1].table” = “votes” is not a table"),
    ("[[tables]]\ntable = \"participation\"\n[tables.columns]\nvoters = \"VOTANTS\"", "unknown_column",
     "“tables[1].columns.voters” is not a column of participation"),
    ("[[tables]]\ntable = \"participation\"\n[tables.columns]\ndate = { column = \"D\", constant = \"x\" }",
     "column_or_constant", "give one source (column, constant"),
    ("date_order = ", "toml", "This is not valid TOML"),
    ("[[tables]]\ntable = [\"participation\"]", "unknown_table", "is not a table"),
])
def test_a_wrong_profile_says_which_setting(source, code, words):
    with pytest.raises(mapping.ProfileError) as raised:
        mapping.parse_profile(source, "wrong")
    assert raised.value.code == code
    assert words in text.t(f"profile_error.{code}", "en", **raised.value.details)


def test_the_profiles_command_lists_the_data_folders_and_the_shipped_ones(with_profile, capsys):
    (with_profile / "profiles" / "broken.toml").write_text("date_order = 3\n", encoding="utf-8")
    code, out, _err = run_cli(capsys, "profiles", "--data", str(with_profile), "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("broken  [data folder]  unreadable: “date_order” = “3”")
    assert lines[1] == ("events-export  [data folder]  → participation  "
                        "Export des événements (tableur américain)")
    assert any(line.startswith("us-spreadsheet  [shipped]  → the file's table") for line in lines[2:])
    assert any(line.startswith("paris-vote  [shipped]  → events, vote_results, participation")
               for line in lines[2:])


def test_an_unknown_profile_is_a_usage_error(tiny, tmp_path, capsys):
    export = tmp_path / "events.csv"
    export.write_bytes(EVENTS)
    code, _out, err = run_cli(capsys, "import", str(export), "--profile", "nope", "--data", str(tiny),
                          "--dry-run", "--lang", "en")
    assert code == 2
    assert ("--profile nope: Profile “nope” not found (profiles: ogp-commitments, paris-budget, paris-vote, "
            "us-spreadsheet)") in err


def test_a_saved_profile_is_offered_for_a_file_with_the_same_columns(tiny):
    profile = mapping.parse_profile(PROFILE, "draft")
    path = profile_store.save_profile(tiny, "evenements", profile)
    assert path == tiny / "profiles" / "evenements.toml"
    (origin, _path, found), *_shipped = mapping.available_profiles(tiny)
    assert (origin, found.name) == ("data", "evenements")
    header = EVENTS.decode().splitlines()[0].split(",")
    assert found.matches(header) and not found.matches(header[1:])
    with pytest.raises(mapping.ProfileError):
        profile_store.save_profile(tiny, "../elsewhere", profile)
    # The loader never reads the profiles folder: the data is what it was.
    assert rows(tiny, "SELECT count(*) FROM participation") == [(8,)]


def test_a_cell_too_long_for_csv_is_a_problem_not_a_crash(tiny):
    profile = mapping.parse_profile(PROFILE, "events")
    huge = EVENTS.replace(b"Vote on the 11th's squares, day one", b"x" * 200_000)
    preparation = updates.prepare(tiny, [Upload("events.csv", huge, profile=profile)])
    assert [(p.file, p.code) for p in preparation.problems] == [("events.csv", "not_csv")]
