"""Events, votes, decided projects and the IRM's view, as figures and as `summary --json` keys.

The folder is tiny with `tests/fixtures/events/` laid over it. Worked out by hand from those
files:
- events: V1 (one day, 2025-03-23: 100 + 100 participants in Paris Centre and the 11e), W1 (two
  days, 30 participants), V2 (16 November 2025, nobody yet). Taken part in: V1 and W1.
- vote V1: Paris Centre 100 voters of 1 200 registered (8.3 %), 11e 100 of 2 000 (5.0 %);
  overall 200 / 3 200 = 6.25 %, shown 6.3 (half up); Pour 60 + 40 = 100, Contre 35 + 60 = 95
  (100 / 195 = 51.3 %); blank 2, null 3.
- projects: P1 (2023, 75123 = Paris Centre, FIN, delivered June 2024), P2 (2023, 11e,
  TRAVAUX), P3 (2024, city-wide, LIVRAISON February 2025), P4 (2024, `11e`, ABANDONNÉ), P5
  (2025, 5e, NON DEMARRE). As of 31 Dec 2025: 5 projects, 1 420 000 €, 2 delivered (40 %);
  as of 31 Dec 2024: P1-P4, and P3 not yet delivered (1 of 4); on 30 Dec 2024 only 2023's.
- IRM: C1's design review (31 Dec 2024, `ND` completion, potential impact `Moderate`) gives no
  completion; its progress report (31 Mar 2025) says limited, major, not starred. C2: on 31 Dec
  2025 an end-of-term report (`IRM`, `Substantial`, `Did Not Change`) and a results report
  (complete, worsens, starred): the later stage counts, so complete, worsened, starred.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from helpers import add_record, problems, run_cli, set_cell

from ogp_metrics import figures
from ogp_metrics.figures import Filters
from ogp_metrics.ingest.load import load_plan

EVENTS = Path(__file__).resolve().parent / "fixtures" / "events"
END_2025, END_2024 = date(2025, 12, 31), date(2024, 12, 31)


def with_events(tiny: Path) -> Path:
    for path in EVENTS.glob("*.csv"):
        shutil.copy(path, tiny / path.name)
    return tiny


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("events") / "data"
    shutil.copytree(Path(__file__).resolve().parent / "fixtures" / "tiny", target)
    return with_events(target)


@pytest.fixture(scope="module")
def cursor(folder):
    plan = load_plan(folder)
    yield plan.cursor()
    plan.connection.close()


def records(frame, *columns: str) -> list[tuple]:
    return [tuple(None if value != value else value for value in row)  # NaN -> None
            for row in frame[list(columns)].itertuples(index=False)]


def test_events_count_events_not_rows(cursor):
    found = figures.events(cursor, END_2025)
    assert records(found, "event_id", "one_day", "participants", "records", "sectors") == [
        ("V1", True, 200, 2, 2), ("W1", False, 30, 1, 1), ("V2", True, 0, 0, 0)]
    assert figures.events_taken_part(cursor, END_2025) == 2
    assert list(figures.events(cursor, date(2025, 4, 30))["event_id"]) == ["V1"]
    assert figures.events_taken_part(cursor, date(2025, 4, 30)) == 1
    workshops = Filters(activities=("citizen_workshop",))
    assert list(figures.events(cursor, END_2025, workshops)["event_id"]) == ["W1"]


def test_a_votes_result_and_turnout_per_sector_and_overall(cursor):
    (vote,) = figures.votes(cursor, END_2025).to_dict("records")
    assert (vote["event_id"], vote["registered"], vote["voters"], vote["blank"], vote["null_votes"],
            vote["sectors"], vote["turnout_pct"]) == ("V1", 3200, 200, 2, 3, 2, 6.3)
    assert records(figures.vote_sectors(cursor, END_2025), "sector", "registered", "voters",
                   "turnout_pct") == [("centre", 1200, 100, 8.3), ("11", 2000, 100, 5.0)]
    assert records(figures.vote_options(cursor, END_2025), "option", "votes", "share_pct") == [
        ("Pour", 100, 51.3), ("Contre", 95, 48.7)]
    assert records(figures.vote_options_by_sector(cursor, END_2025, event_id="V1"), "sector", "option",
                   "votes") == [("centre", "Pour", 60), ("centre", "Contre", 35), ("11", "Pour", 40),
                                ("11", "Contre", 60)]
    assert figures.votes(cursor, date(2025, 3, 22)).empty  # before the vote


def test_projects_count_from_31_december_of_their_edition(cursor):
    by_edition = figures.projects_by(cursor, END_2025, "edition")
    assert records(by_edition, "group_key", "projects", "amount_eur", "delivered", "delivered_pct") == [
        (2023, 2, 350000, 1, 50.0), (2024, 2, 1050000, 1, 50.0), (2025, 1, 20000, 0, 0.0)]
    by_sector = figures.projects_by(cursor, END_2025, "sector")
    assert records(by_sector, "group_key", "projects", "amount_eur") == [
        ("11", 2, 300000), ("5", 1, 20000), ("centre", 1, 100000), ("citywide", 1, 1000000)]
    a_year_before = figures.projects(cursor, END_2024)
    assert records(a_year_before, "project_id", "delivered") == [
        ("P1", True), ("P2", False), ("P3", False), ("P4", False)]
    assert len(figures.projects(cursor, date(2024, 12, 30))) == 2
    assert records(figures.project_deliveries(cursor, END_2025), "delivered", "delivered_to_date") == [
        (1, 1), (1, 2)]


def test_the_irms_view_beside_the_citys(cursor):
    found = figures.independent_assessments(cursor, END_2025)
    assert records(found, "commitment_id", "self_completion", "independent_completion", "independent_stage",
                   "potential_impact", "starred", "opened_government") == [
        ("C1", "substantial", "limited", "progress", "moderate", False, "major"),
        ("C2", "withdrawn", "complete", "results", None, True, "worsened")]
    earlier = figures.independent_assessments(cursor, date(2025, 6, 30))
    assert list(earlier["independent_completion"]) == ["limited", "not_started"]
    assert list(figures.independent_assessments(cursor, date(2025, 1, 1))["independent_completion"]) == [
        "not_assessed", "not_assessed"]  # a design review gives no completion


def test_summary_json_keys_of_issue_12(folder, capsys):
    code, out, err = run_cli(capsys, "summary", str(folder), "--as-of", "2025-12-31", "--json")
    assert code == 0, err
    document = json.loads(out)
    assert document["participation"]["events"] == 2
    assert document["votes"] == [{
        "event_id": "V1", "title": "Votation sur les places", "date": "2025-03-23", "registered": 3200,
        "voters": 200, "blank": 2, "null": 3, "turnout_pct": 6.3, "options": {"Pour": 100, "Contre": 95}}]
    assert document["projects"] == {
        "total": 5, "amount_eur": 1420000,
        "by_status": {"not_started": 1, "procedures": 0, "studies": 0, "works": 1, "delivery": 1, "done": 1,
                      "abandoned": 1},
        "by_edition": {"2023": {"projects": 2, "amount_eur": 350000},
                       "2024": {"projects": 2, "amount_eur": 1050000},
                       "2025": {"projects": 1, "amount_eur": 20000}}}
    assert document["commitments"]["completion_independent"] == {
        "not_started": 0, "limited": 1, "substantial": 0, "complete": 1, "withdrawn": 0, "not_assessed": 0}


# ---------------------------------------------------------------- bad input

def found(folder: Path) -> set[tuple]:
    return {(p.file, p.row, p.column, p.value, p.code) for p in problems(folder)}


def test_an_event_id_no_event_defines(tiny):
    folder = with_events(tiny)
    set_cell(folder, "participation.csv", 11, "event_id", "V9")
    assert ("participation.csv", 11, "event_id", "V9") in {problem[:4] for problem in found(folder)}


def test_voters_above_registered_and_votes_above_voters(tiny):
    folder = with_events(tiny)
    set_cell(folder, "vote_results.csv", 4, "voters", "2500")  # 11e, Pour: above 2 000 registered
    set_cell(folder, "vote_results.csv", 5, "voters", "2500")
    row = add_record(folder, "vote_results.csv", {"event_id": "V1", "sector": "Paris Centre",
                                                  "registered": "1200", "voters": "100", "blank": "2",
                                                  "null": "3", "option": "Sans avis", "votes": "1"})
    codes = {(problem[1], problem[4]) for problem in found(folder)}
    assert (4, "above_total") in codes
    assert any(code == "above_total_in_group" and line in (2, 3, row) for line, code in codes)


# ---------------------------------------------------------------- export

def test_export_offers_the_new_tables(folder, tmp_path, capsys):
    out = tmp_path / "turnout.csv"
    code, _out, err = run_cli(capsys, "export", "vote_turnout", str(folder), "--as-of", "2025-12-31", "--sep",
                              ",", "--out", str(out), "--codes")
    assert code == 0, err
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "event_id,sector,registered,voters,blank,null_votes,option_votes,turnout_pct"
    assert lines[1:] == ["V1,centre,1200,100,2,3,95,8.3", "V1,11,2000,100,0,0,100,5"]
    for table in ("events", "vote_results", "projects", "projects_by_edition", "irm_assessments"):
        target = tmp_path / f"{table}.csv"
        code, _out, err = run_cli(capsys, "export", table, str(folder), "--out", str(target), "--codes")
        assert code == 0, (table, err)
    edition = (tmp_path / "projects_by_edition.csv").read_text(encoding="utf-8-sig").splitlines()
    assert edition[0] == "edition;projects;amount_eur;delivered;delivered_pct"
