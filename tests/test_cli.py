"""The command line: exit codes, messages in both languages, the data folder it reads, JSON shape.

Most tests call `main(argv)` in this process; a few run `python -m ogp_metrics` for real.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import pytest
from helpers import BUNDLED, ROOT, set_cell

from ogp_metrics.cli.main import main

FILES = ("institutions.csv", "commitments.csv", "milestones.csv", "progress_updates.csv",
         "assessments.csv", "meetings.csv", "participation.csv", "targets.csv", "plan.csv")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def python_m(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ogp_metrics", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env=env)


@pytest.fixture
def bad_folder(tiny):
    set_cell(tiny, "meetings.csv", 3, "date", "hier")
    set_cell(tiny, "participation.csv", 2, "activity", "pétition")
    return tiny


def test_validate_bundled_data_by_default(capsys, monkeypatch):
    monkeypatch.delenv("OGP_DATA_DIR", raising=False)
    code, out, err = run(capsys, "validate")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"Le dossier {BUNDLED} est valide."
    assert "  commitments.csv : 4 lignes" in lines
    for filename in FILES:
        assert any(line.startswith(f"  {filename} : ") for line in lines), filename


def test_validate_in_english(capsys, tiny):
    code, out, _err = run(capsys, "validate", str(tiny), "--lang", "en")
    assert code == 0
    # tiny's row counts, read off its files
    assert out.splitlines() == [
        f"The folder {tiny} is valid.",
        "  institutions.csv: 2 rows",
        "  commitments.csv: 2 rows",
        "  milestones.csv: 5 rows",
        "  progress_updates.csv: 8 rows",
        "  assessments.csv: 5 rows",
        "  meetings.csv: 7 rows",
        "  participation.csv: 8 rows",
        "  targets.csv: 2 rows",
        "  plan.csv: 1 row",
        "  decisions.csv: absent (optional)",
        "  events.csv: absent (optional)",
        "  vote_results.csv: absent (optional)",
        "  projects.csv: absent (optional)",
    ]


def test_validate_names_absent_optional_files_and_ignored_columns(capsys, tiny):
    (tiny / "plan.csv").unlink()
    path = tiny / "institutions.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",Téléphone"] + [line + ",01 42 76 40 40" for line in lines[1:]])
                    + "\n", encoding="utf-8")
    code, out, _err = run(capsys, "validate", str(tiny))
    assert code == 0
    assert "  plan.csv : absent (facultatif)" in out.splitlines()
    assert "  institutions.csv : 2 lignes (colonnes ignorées : Téléphone)" in out.splitlines()


def test_validate_lists_every_problem_in_french_by_default(capsys, bad_folder):
    code, out, err = run(capsys, "validate", str(bad_folder))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"Le dossier {bad_folder} n'a pas été chargé : 2 problèmes à corriger.",
        "- meetings.csv, ligne 3, colonne « date » : « hier » n'est pas une date : écrivez 31/12/2026 "
        "ou 2026-12-31.",
        "- participation.csv, ligne 2, colonne « activity » : « pétition » n'est pas une valeur permise. "
        "Valeurs permises : Consultation en ligne (online_consultation), Atelier citoyen "
        "(citizen_workshop), Assemblée citoyenne (citizens_assembly), Votation citoyenne "
        "(citizens_vote), Budget participatif (participatory_budget), Bénévolat (volunteering), "
        "Réunion publique (public_meeting), Autre activité (other).",
    ]


def test_validate_lists_every_problem_in_english(capsys, bad_folder):
    code, _out, err = run(capsys, "validate", str(bad_folder), "--lang", "en")
    assert code == 1
    lines = err.splitlines()
    assert lines[0] == f"The folder {bad_folder} was not loaded: 2 problems to fix."
    assert lines[1] == ("- meetings.csv, row 3, column “date”: “hier” is not a date: write 31/12/2026 "
                        "or 2026-12-31.")
    assert lines[2].startswith("- participation.csv, row 2, column “activity”: “pétition” is not an "
                               "allowed value.")


def test_summary_of_a_bad_folder_lists_its_problems(capsys, bad_folder):
    code, out, err = run(capsys, "summary", str(bad_folder), "--json", "--lang", "en")
    assert (code, out) == (1, "")
    assert "2 problems to fix" in err


def test_missing_folder(capsys, tmp_path):
    code, _out, err = run(capsys, "validate", str(tmp_path / "nowhere"))
    assert code == 1
    assert f"« {tmp_path / 'nowhere'} » est introuvable" in err


USAGE_ERRORS = {
    "no command": [],
    "unknown command": ["frobnicate"],
    "bad --as-of": ["summary", "--as-of", "2025-13-01"],
    "day-first --as-of": ["summary", "--as-of", "30/06/2025"],
    "unknown option": ["validate", "--loud"],
    "unknown language": ["validate", "--lang", "de"],
    "two folders": ["validate", "data", "tests"],
}


@pytest.mark.parametrize("argv", USAGE_ERRORS.values(), ids=USAGE_ERRORS.keys())
def test_usage_errors_exit_2(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == "" and "usage:" in err


def test_help_exits_0(capsys):
    code, out, _err = run(capsys, "--help")
    assert code == 0 and "validate" in out and "summary" in out


def test_data_folder_from_environment(capsys, monkeypatch, tiny, tmp_path):
    monkeypatch.setenv("OGP_DATA_DIR", str(tiny))
    code, out, _err = run(capsys, "validate")
    assert code == 0 and out.startswith(f"Le dossier {tiny} est valide.")
    code, out, _err = run(capsys, "summary", "--as-of", "2025-06-30", "--json")
    assert code == 0 and json.loads(out)["commitments"]["total"] == 2  # tiny's C1 and C2
    # an argument wins over the environment: a folder without commitments
    empty = tmp_path / "empty"
    empty.mkdir()
    for path in tiny.glob("*.csv"):
        (empty / path.name).write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n")
    code, out, _err = run(capsys, "summary", str(empty), "--as-of", "2025-06-30", "--json")
    assert code == 0 and json.loads(out)["commitments"]["total"] == 0


def test_summary_as_of_defaults_to_today(capsys, tiny):
    code, out, _err = run(capsys, "summary", str(tiny), "--json")
    assert code == 0 and json.loads(out)["as_of"] == date.today().isoformat()


def test_summary_json_has_exactly_the_documented_keys(capsys):
    code, out, _err = run(capsys, "summary", str(BUNDLED), "--as-of", "2025-06-30", "--json")
    assert code == 0
    figures = json.loads(out)
    # The keys and categories the issue documents, in its words.
    assert set(figures) == {"as_of", "commitments", "milestones", "meetings", "participation", "votes",
                            "projects"}  # the last two: issue 12
    assert figures["as_of"] == "2025-06-30"
    assert set(figures["commitments"]) == {"total", "completion", "completion_independent"}
    assert set(figures["commitments"]["completion"]) == {
        "not_started", "limited", "substantial", "complete", "withdrawn", "not_assessed"}
    assert set(figures["milestones"]) == {"total", "complete", "in_progress", "not_started", "overdue",
                                          "mean_progress_pct"}
    assert set(figures["meetings"]) == {"held", "planned", "public_held", "attendees", "by_type"}
    assert set(figures["meetings"]["by_type"]) == {
        "steering_committee", "stakeholder_meeting", "council_presentation", "public_meeting",
        "citizen_workshop", "neighbourhood_council", "consensus_conference", "other"}
    assert set(figures["participation"]) == {"participants", "contributions", "by_activity", "by_sector",
                                             "events"}
    assert set(figures["participation"]["by_activity"]) == {
        "online_consultation", "citizen_workshop", "citizens_assembly", "citizens_vote",
        "participatory_budget", "volunteering", "public_meeting", "other"}
    assert list(figures["participation"]["by_sector"]) == [
        "centre", *(str(number) for number in range(5, 21)), "citywide"]
    # Totals agree with their breakdowns.
    assert figures["commitments"]["total"] == sum(figures["commitments"]["completion"].values()) == 4
    assert sum(figures["commitments"]["completion_independent"].values()) == 4
    assert set(figures["projects"]) == {"total", "amount_eur", "by_status", "by_edition"}
    milestones = figures["milestones"]
    assert milestones["total"] == sum(milestones[key] for key in
                                      ("complete", "in_progress", "not_started", "overdue"))
    assert figures["meetings"]["held"] == sum(figures["meetings"]["by_type"].values())
    participation = figures["participation"]
    assert participation["participants"] == sum(participation["by_activity"].values()) == sum(
        participation["by_sector"].values())
    for value in (milestones["mean_progress_pct"], *figures["meetings"]["by_type"].values()):
        assert isinstance(value, int | float) and value >= 0


def test_real_command_line_exit_codes(tiny, tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "OGP_DATA_DIR"}
    valid = python_m("validate", str(tiny), env=env)
    assert (valid.returncode, valid.stderr) == (0, "") and "est valide" in valid.stdout
    set_cell(tiny, "meetings.csv", 3, "date", "hier")
    invalid = python_m("validate", "--lang", "en", env={**env, "OGP_DATA_DIR": str(tiny)})
    assert invalid.returncode == 1 and "Traceback" not in invalid.stderr
    assert invalid.stderr.splitlines() == [
        f"The folder {tiny} was not loaded: 1 problem to fix.",
        "- meetings.csv, row 3, column “date”: “hier” is not a date: write 31/12/2026 or 2026-12-31."]
    usage = python_m("summary", "--as-of", "tomorrow", env=env)
    assert usage.returncode == 2 and "tomorrow" in usage.stderr and "Traceback" not in usage.stderr
