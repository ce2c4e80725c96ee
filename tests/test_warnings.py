"""Warnings that do not refuse: valid values that are probably wrong, with file, row and column.

tiny's plan runs from 2024-01-01 to 2026-12-31 and has no warning; each case adds one doubt.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from helpers import add_record, csv_text, run_cli, set_cell

from ogp_metrics.ingest.load import load_plan
from ogp_metrics.ingest.plausibility import find_warnings
from ogp_metrics.ingest.problems import Problem, describe_problem

TODAY = date(2025, 11, 30)


def warnings(folder, today=TODAY):
    plan = load_plan(folder)
    try:
        return [(w.file, w.row, w.column, w.value, w.code) for w in find_warnings(plan.cursor(), today)]
    finally:
        plan.connection.close()


def test_tiny_has_none(tiny):
    assert warnings(tiny) == []


def test_a_participation_row_before_the_plan(tiny):
    row = add_record(tiny, "participation.csv", {"date": "2023-04-02", "activity": "citizens_vote",
                                                 "participants": "50"})
    assert warnings(tiny) == [("participation.csv", row, "date", "2023-04-02", "outside_plan_period")]


def test_meetings_outside_the_plan_but_co_creation_may_come_before(tiny):
    set_cell(tiny, "meetings.csv", 2, "date", "2023-11-01")  # R1, co-creation: no warning
    set_cell(tiny, "meetings.csv", 5, "date", "2023-11-02")  # R4, implementation
    set_cell(tiny, "meetings.csv", 8, "date", "2027-01-15")  # R7, after the plan
    assert warnings(tiny) == [("meetings.csv", 5, "date", "2023-11-02", "outside_plan_period"),
                              ("meetings.csv", 8, "date", "2027-01-15", "outside_plan_period")]


def test_milestones_outside_their_commitment(tiny):
    set_cell(tiny, "milestones.csv", 6, "due_date", "2026-03-31")  # C2-M2; C2 ends 2025-12-31
    set_cell(tiny, "milestones.csv", 3, "start_date", "2023-12-01")  # C1-M2; C1 starts 2024-01-01
    found = warnings(tiny)
    assert found == [("milestones.csv", 3, "start_date", "2023-12-01", "starts_before_commitment"),
                     ("milestones.csv", 6, "due_date", "2026-03-31", "due_after_commitment")]
    plan = load_plan(tiny)
    (_start, due) = find_warnings(plan.cursor(), TODAY)
    plan.connection.close()
    assert describe_problem(due, "fr") == ("milestones.csv, ligne 6, colonne « due_date » : Échéance "
                                           "« 2026-03-31 » après la fin de l'engagement (31 déc. 2025).")


def test_a_progress_update_dated_after_today(tiny):
    set_cell(tiny, "progress_updates.csv", 6, "update_date", "2025-12-15")  # C1-M3's
    assert warnings(tiny) == [("progress_updates.csv", 6, "update_date", "2025-12-15", "future_update")]
    assert warnings(tiny, date(2026, 1, 1)) == []


def test_a_milestone_at_100_percent_without_a_completion_date(tiny):
    # C1-M2 has no completion date; its updates are rows 3, 4 and 5 (the latest, 2025-09-30).
    set_cell(tiny, "progress_updates.csv", 4, "progress_pct", "100")  # not its latest: no doubt
    assert warnings(tiny) == []
    set_cell(tiny, "progress_updates.csv", 5, "progress_pct", "100")
    assert warnings(tiny) == [("progress_updates.csv", 5, "progress_pct", "100.0", "complete_without_date")]
    plan = load_plan(tiny)
    (doubt,) = find_warnings(plan.cursor(), TODAY)
    plan.connection.close()
    assert describe_problem(doubt, "fr") == (
        "progress_updates.csv, ligne 5, colonne « progress_pct » : Avancement de 100 %, mais le jalon "
        "C1-M2 n'a pas de date d'achèvement (completed_date dans milestones.csv) : il compte comme en "
        "cours, ou en retard après son échéance.")
    # C1-M1 reached 100 % and has its completion date (2024-11-15): no doubt.
    set_cell(tiny, "progress_updates.csv", 2, "progress_pct", "100")
    set_cell(tiny, "milestones.csv", 3, "completed_date", "2025-09-30")  # C1-M2 completed too
    assert warnings(tiny) == []


def test_a_count_far_above_the_rest_of_its_column(tiny):
    # participants: 1200, 25, 15, 40, 300, 100, 60, 500 and the new row; median of the nine = 100,
    # so anything above max(100 × 100, 10 000) = 10 000 is doubtful: 12 000 is, 9 000 is not.
    row = add_record(tiny, "participation.csv", {"date": "2025-10-01", "activity": "citizens_vote",
                                                 "participants": "12000"})
    assert warnings(tiny) == [("participation.csv", row, "participants", "12000", "far_above")]
    set_cell(tiny, "participation.csv", row, "participants", "9000")
    assert warnings(tiny) == []


def test_the_median_and_counts_are_written_as_the_language_writes_them():
    doubt = Problem("participation.csv", "far_above", row=12, column="participants", value="12000",
                    details={"median": "64.5"})
    assert describe_problem(doubt, "fr") == (
        "participation.csv, ligne 12, colonne « participants » : « 12000 » est plus de 100 fois la "
        "médiane des lignes comparables (64,5) : un zéro de trop, ou un total saisi comme une ligne ?")
    assert "comparable rows (64.5)" in describe_problem(doubt, "en")
    more = Problem("participation.csv", "more_warnings", column="participants",
                   details={"count": "1234", "of": "far_above"})
    assert describe_problem(more, "fr").endswith("… et 1\u202f234 autres avertissements du même genre.")
    assert describe_problem(more, "en").endswith("… and 1,234 more warnings of the same kind.")
    one_more = Problem("participation.csv", "more_warnings", column="participants",
                       details={"count": "1", "of": "far_above"})
    assert describe_problem(one_more, "fr").endswith("… et 1 autre avertissement du même genre.")
    assert describe_problem(one_more, "en").endswith("… and 1 more warning of the same kind.")


def test_a_vote_s_sector_rows_are_compared_with_the_vote_s_rows(tiny):
    # Six rows of a vote (150 000 voters each) beside tiny's eight: the column's median of the 14
    # is (500 + 1 200) / 2 = 850, so against the column every one would be doubtful (above
    # 85 000); against the vote's own rows (median 150 000, limit 15 000 000) none is. A
    # seventh of 9 000 000 is below 15 000 000 too. A workshop's row of 9 000 000 is compared
    # with the column (the workshops are three rows): its 16 values' median is
    # (1 200 + 150 000) / 2 = 75 600, and 9 000 000 is above 7 560 000: doubtful.
    for sector in ("11", "12", "13", "14", "15", "16"):
        add_record(tiny, "participation.csv", {"date": "2025-10-01", "activity": "citizens_vote",
                                               "arrondissement": sector, "participants": "150000"})
    assert warnings(tiny) == []
    add_record(tiny, "participation.csv", {"date": "2025-10-01", "activity": "citizens_vote",
                                           "arrondissement": "17", "participants": "9000000"})
    assert warnings(tiny) == []
    row = add_record(tiny, "participation.csv", {"date": "2025-10-01", "activity": "citizen_workshop",
                                                 "participants": "9000000"})
    assert warnings(tiny) == [("participation.csv", row, "participants", "9000000", "far_above")]


def test_validate_lists_warnings_and_strict_refuses_them(tiny, capsys):
    row = add_record(tiny, "participation.csv", {"date": "2023-04-02", "activity": "citizens_vote",
                                                 "participants": "50"})
    code, out, _err = run_cli(capsys, "validate", str(tiny), "--lang", "en")
    assert code == 0
    assert out.splitlines()[-2:] == [
        "1 warning (the folder stays valid; --strict refuses it):",
        f"- participation.csv, row {row}, column “date”: “2023-04-02” falls outside the plan's period "
        "(1 Jan 2024 – 31 Dec 2026): this row still counts in the totals. Is that intended?"]
    code, out, err = run_cli(capsys, "validate", str(tiny), "--strict", "--lang", "en")
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == f"The folder {tiny} was not loaded: 1 problem to fix."


@pytest.mark.parametrize("flag", ["--dry-run"])
def test_an_import_shows_the_warnings_of_its_own_rows_only(tiny, tmp_path, capsys, flag):
    # 25 current rows already warned about: more than are listed; the upload's own still are.
    for day in range(1, 26):
        add_record(tiny, "participation.csv", {"date": f"2023-01-{day:02d}", "activity": "other",
                                               "participants": "5"})
    upload = tmp_path / "votes.csv"
    upload.write_text(csv_text([["date", "activity", "participants"], ["2025-10-04", "citizens_vote", "10"],
                                ["2023-04-02", "citizens_vote", "20"]]), encoding="utf-8")
    code, out, err = run_cli(capsys, "import", str(upload), "--table", "votes.csv=participation", "--data",
                         str(tiny), flag, "--json", "--lang", "en")
    assert code == 0, err
    (file,) = json.loads(out)["files"]
    assert file["warnings"] == [{
        "file": "votes.csv", "row": 3, "column": "date", "value": "2023-04-02",
        "message": "“2023-04-02” falls outside the plan's period (1 Jan 2024 – 31 Dec 2026): this row "
                   "still counts in the totals. Is that intended?"}]
