"""The shipped profiles `paris-vote`, `paris-budget` and `ogp-commitments` on the faithful samples
of `tests/fixtures/exports/`, whose README lists the figures checked by hand (used here as the
expected values): each profile fills several tables from one file, and what it cannot map is a
problem naming the file, its row and its column, with nothing written.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from helpers import add_record, run_cli, snapshot

from ogp_metrics import figures, updates
from ogp_metrics.ingest import mapping
from ogp_metrics.ingest.export_rows import stable_code
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.updates import Upload

EXPORTS = Path(__file__).resolve().parent / "fixtures" / "exports"
BUNDLED = Path(__file__).resolve().parents[1] / "data"
END_2025 = date(2025, 12, 31)


def imported(capsys, folder: Path, export: str, *options: str) -> str:
    code, out, err = run_cli(capsys, "import", str(EXPORTS / export), "--data", str(folder), "--by", "test",
                             "--reason", "profil livré", "--yes", "--lang", "en", "--as-of", "2025-12-31",
                             *options)
    assert code == 0, err
    return out


def query(folder: Path, sql: str) -> list[tuple]:
    plan = load_plan(folder)
    try:
        return plan.cursor().execute(sql).fetchall()
    finally:
        plan.connection.close()


def headline(folder: Path) -> dict:
    plan = load_plan(folder)
    try:
        return figures.headline(plan.cursor(), END_2025)
    finally:
        plan.connection.close()


def test_the_three_profiles_are_shipped():
    names = {path.stem for _origin, path, _profile in mapping.available_profiles(None)}
    assert {"paris-vote", "paris-budget", "ogp-commitments"} <= names


# ---------------------------------------------------------------- paris-vote

@pytest.mark.parametrize("export", ["paris-vote-portal.csv", "paris-vote-resaved.csv",
                                    "paris-vote-french-excel.csv"])
def test_a_vote_as_the_city_publishes_it_fills_event_results_and_participation(tiny, capsys, export):
    out = imported(capsys, tiny, export, "--profile", "paris-vote", "--commitment", "C1")
    assert "events.csv" in out and "vote_results.csv" in out and "participation.csv" in out
    (vote,) = headline(tiny)["votes"]
    # README: 1 382 322 registered, 103 084 voters (7.5 %), 152 blank, 291 null, Contre 91 385, Pour 11 256
    assert vote == {"event_id": "votation-2023-04-02",
                    "title": "Votation citoyenne - Trottinettes en libre-service", "date": "2023-04-02",
                    "registered": 1382322, "voters": 103084, "blank": 152, "null": 291,
                    "turnout_pct": 7.5, "options": {"Contre": 91385, "Pour": 11256}}
    assert query(tiny, "SELECT count(*), sum(participants), count(DISTINCT arrondissement) "
                       "FROM participation WHERE event_id = 'votation-2023-04-02' AND commitment_id = 'C1'"
                 ) == [(17, 103084, 17)]
    plan = load_plan(tiny)
    try:
        sectors = figures.vote_sectors(plan.cursor(), END_2025).set_index("sector")["turnout_pct"]
    finally:
        plan.connection.close()
    assert (sectors["7"], sectors["19"], sectors["centre"], sectors["15"]) == (10.2, 6.0, 8.6, 7.8)
    assert len(sectors) == 17


def test_importing_the_same_vote_again_changes_nothing(tiny, capsys):
    imported(capsys, tiny, "paris-vote-portal.csv", "--profile", "paris-vote", "--commitment", "C1")
    before = snapshot(tiny)
    out = imported(capsys, tiny, "paris-vote-resaved.csv", "--profile", "paris-vote", "--commitment", "C1",
                   "--dry-run")
    assert "vote_results.csv ← paris-vote-resaved.csv (rows updated): 0 added, 0 removed, 0 changed, " \
           "34 already there (skipped)" in out
    assert snapshot(tiny) == before


def test_the_vote_is_attached_to_frpa0002_by_default(tmp_path, capsys):
    folder = shutil.copytree(BUNDLED, tmp_path / "data")
    imported(capsys, folder, "paris-vote-portal.csv", "--profile", "paris-vote")
    assert query(folder, "SELECT commitment_id FROM events WHERE event_id = 'votation-2023-04-02'") == [
        ("FRPA0002",)]


# ---------------------------------------------------------------- paris-budget

def test_the_participatory_budgets_winning_projects(tiny, capsys):
    imported(capsys, tiny, "paris-budget-projects.csv", "--profile", "paris-budget", "--commitment", "C1")
    projects = headline(tiny)["projects"]
    # README: 39 projects, 46 175 000 €, per edition and per status
    assert projects == {
        "total": 39, "amount_eur": 46175000,
        "by_status": {"not_started": 6, "procedures": 5, "studies": 10, "works": 7, "delivery": 7, "done": 2,
                      "abandoned": 2},
        "by_edition": {"2021": {"projects": 13, "amount_eur": 14200000},
                       "2022": {"projects": 12, "amount_eur": 18510000},
                       "2023": {"projects": 8, "amount_eur": 8325000},
                       "2024": {"projects": 6, "amount_eur": 5140000}}}
    # The 5 Paris-wide projects (all coded 75004, the Hôtel de Ville) are city-wide; Paris Centre
    # is 75123 (3 projects, 2 430 000 €) with 75001 (2) and 75003 (2).
    citywide = query(tiny, "SELECT count(*), sum(amount_eur) FROM projects WHERE sector IS NULL")
    assert citywide == [(5, 14800000)]
    assert query(tiny, "SELECT count(*) FROM projects WHERE sector = 'centre'") == [(7,)]
    assert query(tiny, "SELECT count(*) FROM projects WHERE sector = '4'") == [(0,)]
    assert query(tiny, "SELECT CAST(delivery_date AS VARCHAR) FROM projects WHERE project_id = '9943'") == [
        ("2023-03-31",)]  # `2023-03`: the month's last day


def test_both_spellings_of_not_started_and_what_the_profile_cannot_map(tiny):
    data = (EXPORTS / "paris-budget-projects.csv").read_bytes()
    data = data.replace(b";NON DEMARRE;", ";(non démarré);".encode(), 1)
    profile = mapping.find_profile("paris-budget", tiny).with_values(commitment="C1")
    preparation = updates.prepare(tiny, [Upload("bp.csv", data, profile=profile)])
    assert preparation.ok, preparation.problems
    bad = data.replace(b";FIN;", b";SUSPENDU;", 1).replace(b";75011;", b";75099;", 1)
    before = snapshot(tiny)
    preparation = updates.prepare(tiny, [Upload("bp.csv", bad, profile=profile)])
    found = {(p.file, p.column, p.value, p.code) for p in preparation.problems}
    assert ("bp.csv", "avancement_projet (status)", "SUSPENDU", "bad_choice") in found
    assert any(p.column == "arrondissement_projet_gagnant (sector)" and p.value == "75099" and p.row
               for p in preparation.problems)
    assert all(p.row for p in preparation.problems)
    assert snapshot(tiny) == before


# ---------------------------------------------------------------- ogp-commitments

def test_a_members_commitments_institutions_and_irm_assessments(tiny, capsys):
    imported(capsys, tiny, "ogp-commitments.csv", "--profile", "ogp-commitments", "--member", "Greece")
    assert query(tiny, "SELECT code, name_fr FROM institutions WHERE code = 'HELLENIC_PARLIAMENT'") == [
        ("HELLENIC_PARLIAMENT", "Hellenic Parliament")]
    assert query(tiny, "SELECT commitment_id, title_fr, CAST(start_date AS VARCHAR), "
                       "CAST(end_date AS VARCHAR) FROM commitments WHERE commitment_id LIKE 'GR%' "
                       "ORDER BY 1") == [
        ("GR0026", "Usability and functionality improvements of the ‘Parliamentary Transparency’ section of "
                   "the Hellenic Parliament website", "2014-07-01", "2016-06-30"),
        ("GR0029", "Enhancement of Social Media Policy in the Hellenic Parliament", "2014-07-01",
         "2016-06-30"),
        ("GR0086", "Overhaul of the Parliament’s Portal", "2023-01-01", "2025-12-31")]
    # GR0086 has no completion at either stage (ND, NR): no assessment.
    assert query(tiny, "SELECT commitment_id, CAST(assessment_date AS VARCHAR), assessor, stage, completion, "
                       "did_it_open_government, starred FROM assessments WHERE commitment_id LIKE 'GR%' "
                       "ORDER BY 1, 2") == [
        ("GR0026", "2016-12-31", "independent", "progress", "limited", None, False),
        ("GR0026", "2017-12-31", "independent", "end_of_term", "limited", "marginal", False),
        ("GR0029", "2016-12-31", "independent", "progress", "not_started", None, False),
        ("GR0029", "2017-12-31", "independent", "end_of_term", "not_started", "did_not_change", False)]


def test_no_lead_institution_and_no_early_results(tiny, capsys):
    imported(capsys, tiny, "ogp-commitments.csv", "--profile", "ogp-commitments", "--member",
             "Buenos Aires, Argentina")
    imported(capsys, tiny, "ogp-commitments.csv", "--profile", "ogp-commitments", "--member", "Chile")
    leads = query(tiny, "SELECT lead_institution FROM commitments "
                        "WHERE commitment_id IN ('BUE0009', 'CL0069') ORDER BY commitment_id")
    assert leads == [("BUENOS_AIRES_ARGENTINA",), ("CONGRESO_NACIONAL_DE_CHILE",)]
    assert query(tiny, "SELECT commitment_id, completion, did_it_open_government, starred FROM assessments "
                       "WHERE commitment_id IN ('BUE0009', 'CL0069') ORDER BY 1") == [
        ("BUE0009", "substantial", "major", None), ("CL0069", "limited", None, None)]


def test_into_a_folder_that_holds_the_commitments_only_assessments_are_added(tiny, capsys):
    for number in ("31", "33", "35", "38"):
        add_record(tiny, "commitments.csv", {"commitment_id": f"FR00{number}",
                                             "title_fr": f"Engagement {number}", "lead_institution": "DDCT",
                                             "start_date": "2018-07-01",
                                             "end_date": "2020-06-30"})
    out = imported(capsys, tiny, "ogp-commitments.csv", "--profile", "ogp-commitments", "--member", "France")
    assert "institutions.csv ← ogp-commitments.csv (rows updated): 0 added, 0 removed, 0 changed" in out
    assert "commitments.csv ← ogp-commitments.csv (rows appended): 0 added, 0 removed, 0 changed" in out
    assert "assessments.csv ← ogp-commitments.csv (rows updated): 8 added" in out
    kept = query(tiny, "SELECT title_fr FROM commitments WHERE commitment_id = 'FR0033'")
    assert kept == [("Engagement 33",)]
    code, out, _err = run_cli(capsys, "summary", str(tiny), "--as-of", "2025-12-31", "--json")
    # As of 2025: FR0031 complete, FR0033 complete, FR0035 withdrawn, FR0038 limited (end of
    # term, 2021); tiny's C1 limited, C2 not_started.
    assert json.loads(out)["commitments"]["completion_independent"] == {
        "not_started": 1, "limited": 2, "substantial": 0, "complete": 2, "withdrawn": 1, "not_assessed": 0}


def test_the_member_is_required(tiny, capsys):
    before = snapshot(tiny)
    code, _out, err = run_cli(capsys, "import", str(EXPORTS / "ogp-commitments.csv"), "--profile",
                              "ogp-commitments", "--data", str(tiny), "--by", "t", "--reason", "t", "--yes")
    assert code == 1
    assert "--member" in err and "ogp-commitments" in err
    code, _out, err = run_cli(capsys, "import", str(EXPORTS / "paris-budget-projects.csv"), "--profile",
                              "paris-budget", "--member", "Greece", "--data", str(tiny), "--by", "t",
                              "--reason", "t", "--yes", "--lang", "en")
    assert code == 2 and "--member: profile “paris-budget” does not use it" in err
    assert snapshot(tiny) == before


def test_codes_made_from_names_are_stable():
    assert stable_code("Hellenic Parliament") == "HELLENIC_PARLIAMENT"
    assert stable_code("Direction de l’Attractivité et de l’Emploi") == stable_code(
        "direction de l'attractivite et de l'emploi")
    long_one = stable_code("City of Paris, Direction of Democracy, Citizens and Territories")
    other = stable_code("City of Paris, Direction of Democracy, Citizens and Neighbourhoods")
    assert len(long_one) <= 40 and long_one != other and long_one.startswith("CITY_OF_PARIS")
