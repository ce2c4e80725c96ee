"""The headline figures of `tests/fixtures/tiny/`, worked out by hand from its files.

The tiny folder (read it beside this file) holds:
- commitments C1 (DDCT) and C2 (DGRI);
- milestones (start / due / completed, weight):
    C1-M1 2024-01-01 / 2024-12-31 / 2024-11-15, weight 1
    C1-M2 2025-01-01 / 2025-09-30 / -,          weight 3
    C1-M3 2025-09-01 / 2026-06-30 / -,          weight blank = 1
    C2-M1 2024-01-01 / 2025-03-31 / 2025-07-15, weight 2
    C2-M2 2024-06-01 / 2025-06-30 / -,          weight 1
- progress updates: C1-M1 50 (2024-06-30); C1-M2 20 (2025-03-31), 40 (2025-06-30), 90 (2025-09-30);
  C1-M3 25 (2025-10-15); C2-M1 60 (2025-03-31), 80 (2025-07-01); C2-M2 11.25 (2025-05-15);
- assessments: C1 self limited (2024-12-31), C1 self substantial (2025-06-30), C1 independent
  limited/major (2025-03-31), C2 independent not_started (2025-03-31), C2 self withdrawn (2025-09-30);
- meetings (date, type, public, attendees): R1 2024-02-01 public_meeting yes 120; R2 2024-03-15
  steering_committee no 12; R3 2025-01-20 citizen_workshop yes unknown; R4 2025-05-10
  steering_committee no 10; R5 2025-06-30 neighbourhood_council yes 35; R6 2025-10-01
  steering_committee no 9; R7 2026-03-01 public_meeting yes unknown;
- participation (date, activity, arrondissement, participants, contributions):
  2024-03-01 online_consultation blank 1200 340; 2024-09-14 citizen_workshop 1 25 10;
  2024-09-14 citizen_workshop 4 15 blank; 2024-10-05 public_meeting 11 40 5;
  2025-02-01 participatory_budget 20 300 12; 2025-04-10 citizens_assembly 16 100 50;
  2025-06-30 volunteering blank 60 0; 2025-09-20 participatory_budget 3 500 80;
- targets: participants 10000 by 2026-12-31 (whole plan); milestones_complete 2 by 2025-12-31 (C2).

The two dates: 2025-06-30 (A, the day several records fall on: "on or before" includes them)
and 2025-12-31 (B, half a year later).
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from helpers import ROOT, TINY, read_records, write_records

from ogp_metrics import figures
from ogp_metrics.cli.main import main
from ogp_metrics.figures.commitment_queries import completion
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.views import headline as headline_view

A = date(2025, 6, 30)
B = date(2025, 12, 31)

# The categories the issue lists: each must be present in the output, even when zero.
COMPLETION = ("not_started", "limited", "substantial", "complete", "withdrawn", "not_assessed")
MEETING_TYPES = ("steering_committee", "stakeholder_meeting", "council_presentation", "public_meeting",
                 "citizen_workshop", "neighbourhood_council", "consensus_conference", "other")
ACTIVITIES = ("online_consultation", "citizen_workshop", "citizens_assembly", "citizens_vote",
              "participatory_budget", "volunteering", "public_meeting", "other")
SECTORS = ("centre", *(str(number) for number in range(5, 21)), "citywide")


def with_zeros(categories: tuple[str, ...], **counts: int) -> dict[str, int]:
    assert set(counts) <= set(categories)
    return {category: counts.get(category, 0) for category in categories}


def sectors(**counts: int) -> dict[str, int]:
    return with_zeros(SECTORS, **{key.removeprefix("s"): value for key, value in counts.items()})


EXPECTED_A = {
    "as_of": "2025-06-30",
    "commitments": {
        "total": 2,
        # C1: latest self-assessment on or before A is substantial (2025-06-30, that very day).
        # C2: only an independent assessment before A; its self-assessment comes in September.
        "completion": with_zeros(COMPLETION, substantial=1, not_assessed=1),
    },
    "milestones": {
        "total": 5,
        "complete": 1,  # C1-M1 (completed 2024-11-15)
        # C1-M2 (due 2025-09-30); C2-M2 is due on A itself, and "overdue" means due *before* A.
        "in_progress": 2,
        "not_started": 1,  # C1-M3 starts 2025-09-01
        "overdue": 1,  # C2-M1 was due 2025-03-31 and is only completed 2025-07-15, after A
        # progress: C1-M1 100 (complete), C1-M2 40 (update of A itself), C1-M3 0 (none yet),
        # C2-M1 60 (the 80 comes on 2025-07-01), C2-M2 11.25:
        # (100 + 40 + 0 + 60 + 11.25) / 5 = 211.25 / 5 = 42.25, rounded by hand to 42.3.
        "mean_progress_pct": 42.3,
    },
    "meetings": {
        "held": 5,  # R1 to R5 (R5 is on A)
        "planned": 2,  # R6, R7
        "public_held": 3,  # R1, R3, R5
        "attendees": 177,  # 120 + 12 + unknown (0) + 10 + 35
        # held only: R1 public_meeting; R2, R4 steering_committee; R3 citizen_workshop;
        # R5 neighbourhood_council (R6 and R7 are planned)
        "by_type": with_zeros(MEETING_TYPES, public_meeting=1, steering_committee=2, citizen_workshop=1,
                              neighbourhood_council=1),
    },
    "participation": {
        "participants": 1740,  # 1200 + 25 + 15 + 40 + 300 + 100 + 60 (the 500 is in September)
        "contributions": 417,  # 340 + 10 + blank (0) + 5 + 12 + 50 + 0
        # citizen_workshop: 25 + 15; nothing yet for citizens_vote or other
        "by_activity": with_zeros(ACTIVITIES, online_consultation=1200, citizen_workshop=40,
                                  public_meeting=40, participatory_budget=300, citizens_assembly=100,
                                  volunteering=60),
        # arrondissements 1 and 4 fold into centre (25 + 15); blank is citywide (1200 + 60)
        "by_sector": sectors(centre=40, s11=40, s20=300, s16=100, citywide=1260),
    },
}

EXPECTED_B = {
    "as_of": "2025-12-31",
    "commitments": {
        "total": 2,
        # C1 is still substantial; C2's self-assessment of 2025-09-30 says withdrawn.
        "completion": with_zeros(COMPLETION, substantial=1, withdrawn=1),
    },
    "milestones": {
        "total": 5,
        "complete": 2,  # C1-M1, and C2-M1 completed 2025-07-15
        "in_progress": 1,  # C1-M3 (started 2025-09-01, due 2026-06-30)
        "not_started": 0,
        "overdue": 2,  # C1-M2 (due 2025-09-30), C2-M2 (due 2025-06-30)
        # progress: 100 + 90 + 25 + 100 + 11.25 = 326.25; / 5 = 65.25, rounded by hand to 65.3.
        "mean_progress_pct": 65.3,
    },
    "meetings": {
        "held": 6,  # R1 to R6
        "planned": 1,  # R7
        "public_held": 3,  # R1, R3, R5 (R7 is planned)
        "attendees": 186,  # 177 + 9 (R6)
        # R6 is now held: a third steering committee; R7 (public_meeting) is still planned
        "by_type": with_zeros(MEETING_TYPES, public_meeting=1, steering_committee=3, citizen_workshop=1,
                              neighbourhood_council=1),
    },
    "participation": {
        "participants": 2240,  # 1740 + 500
        "contributions": 497,  # 417 + 80
        # participatory_budget: 300 + 500
        "by_activity": with_zeros(ACTIVITIES, online_consultation=1200, citizen_workshop=40,
                                  public_meeting=40, participatory_budget=800, citizens_assembly=100,
                                  volunteering=60),
        # the 500 of 2025-09-20 are in the 3rd arrondissement: centre = 25 + 15 + 500
        "by_sector": sectors(centre=540, s11=40, s20=300, s16=100, citywide=1260),
    },
}

# What participation decided (issue 12): tiny has no event, vote nor decided project. Its
# independent assessments on or before both dates: C1 limited, C2 not_started (2025-03-31).
PROJECTS_NONE = {"total": 0, "amount_eur": 0, "by_edition": {},
                 "by_status": dict.fromkeys(("not_started", "procedures", "studies", "works", "delivery",
                                             "done", "abandoned"), 0)}
for _expected in (EXPECTED_A, EXPECTED_B):
    _expected["commitments"]["completion_independent"] = with_zeros(COMPLETION, limited=1, not_started=1)
    _expected["participation"]["events"] = 0
    _expected.update(votes=[], projects=PROJECTS_NONE)


@pytest.fixture(scope="module")
def cursor():
    plan = load_plan(TINY)
    yield plan.cursor()
    plan.connection.close()


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ogp_metrics", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("as_of, expected", [(A, EXPECTED_A), (B, EXPECTED_B)], ids=["A", "B"])
def test_headline(cursor, as_of, expected):
    assert figures.headline(cursor, as_of) == expected


@pytest.mark.parametrize("as_of, expected", [(A, EXPECTED_A), (B, EXPECTED_B)], ids=["A", "B"])
def test_the_cards_figures_are_the_headline_without_the_sectors_and_what_was_decided(cursor, as_of, expected):
    participation = {key: value for key, value in expected["participation"].items()
                     if key not in ("by_sector", "events")}
    cards = {key: value for key, value in expected.items() if key not in ("votes", "projects")}
    shown = figures.headline(cursor, as_of, cards=True)
    assert shown == {**cards, "participation": participation}
    # Every card can be drawn from them, with its change: each figure and total is there.
    cards_drawn = headline_view.metrics(shown, shown)
    assert [metric.key for metric in cards_drawn] == [spec.key for spec in headline_view.METRICS]
    assert all(metric.delta == 0 for metric in cards_drawn)


@pytest.mark.parametrize("as_of, expected", [(A, EXPECTED_A), (B, EXPECTED_B)], ids=["A", "B"])
def test_summary_command(as_of, expected):
    result = run_cli("summary", str(TINY), "--as-of", as_of.isoformat(), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == expected


def test_milestone_statuses_and_progress(cursor):
    def by_id(as_of):
        frame = figures.milestones(cursor, as_of)
        return {row.milestone_id: (row.status, row.progress_pct) for row in frame.itertuples()}

    assert by_id(A) == {
        "C1-M1": ("complete", 100.0),
        "C1-M2": ("in_progress", 40.0),
        "C1-M3": ("not_started", 0.0),
        "C2-M1": ("overdue", 60.0),
        "C2-M2": ("in_progress", 11.25),
    }
    assert by_id(B) == {
        "C1-M1": ("complete", 100.0),
        "C1-M2": ("overdue", 90.0),
        "C1-M3": ("in_progress", 25.0),
        "C2-M1": ("complete", 100.0),  # its last update said 80: complete means 100
        "C2-M2": ("overdue", 11.25),
    }
    # Days late: C2-M1 due 2025-03-31, as of 2025-06-30: 30 (April) + 31 (May) + 30 (June) = 91.
    late = figures.milestones(cursor, A).set_index("milestone_id")["days_late"]
    assert late["C2-M1"] == 91
    assert late[["C1-M1", "C1-M2", "C1-M3", "C2-M2"]].isna().all()


def test_commitments_weighted_progress_and_assessments(cursor):
    at_a = figures.commitments(cursor, A).set_index("commitment_id")
    # C1: weights 1, 3, 1 (blank = 1): (1 * 100 + 3 * 40 + 1 * 0) / 5 = 44
    # C2: weights 2, 1: (2 * 60 + 1 * 11.25) / 3 = 131.25 / 3 = 43.75
    assert at_a.loc["C1", "weighted_progress_pct"] == pytest.approx(44.0)
    assert at_a.loc["C2", "weighted_progress_pct"] == pytest.approx(43.75)
    assert at_a["self_completion"].to_dict() == {"C1": "substantial", "C2": "not_assessed"}
    assert at_a["independent_completion"].to_dict() == {"C1": "limited", "C2": "not_started"}
    assert at_a.loc["C1", "independent_did_it_open_government"] == "major"
    assert at_a.loc["C1", "self_assessment_date"] == pd.Timestamp("2025-06-30")
    assert pd.isna(at_a.loc["C2", "self_assessment_date"])
    assert at_a[["milestones", "milestones_complete", "milestones_overdue"]].to_dict("index") == {
        "C1": {"milestones": 3, "milestones_complete": 1, "milestones_overdue": 0},
        "C2": {"milestones": 2, "milestones_complete": 0, "milestones_overdue": 1},
    }
    assert at_a["lead_name_en"].to_dict() == {
        "C1": "Directorate for Democracy, Citizens and Territories",
        "C2": "Directorate General for International Relations",
    }

    at_b = figures.commitments(cursor, B).set_index("commitment_id")
    # C1: (1 * 100 + 3 * 90 + 1 * 25) / 5 = 395 / 5 = 79
    # C2: (2 * 100 + 1 * 11.25) / 3 = 211.25 / 3 = 70.41666...
    assert at_b.loc["C1", "weighted_progress_pct"] == pytest.approx(79.0)
    assert at_b.loc["C2", "weighted_progress_pct"] == pytest.approx(211.25 / 3)
    assert at_b["self_completion"].to_dict() == {"C1": "substantial", "C2": "withdrawn"}
    assert list(at_b.loc["C2", "ogp_values"]) == ["access_to_information", "civic_participation"]


def test_targets_actual_values(cursor):
    def rows(as_of):
        frame = figures.targets(cursor, as_of)
        return [(row.indicator, None if pd.isna(row.commitment_id) else row.commitment_id,
                 row.target, row.actual, row.reached_pct) for row in frame.itertuples()]

    # Sorted by deadline: C2's milestones (2025-12-31) before participants (2026-12-31).
    # As of A, C2 has no milestone complete yet (C2-M1 completes 2025-07-15): 0 of 2.
    # Participants as of A: 1740 of 10000 = 17.4 %.
    assert rows(A) == [("milestones_complete", "C2", 2.0, 0.0, 0.0),
                       ("participants", None, 10000.0, 1740.0, pytest.approx(17.4))]
    # As of B: C2-M1 is complete (1 of 2 = 50 %); 2240 participants = 22.4 %.
    assert rows(B) == [("milestones_complete", "C2", 2.0, 1.0, 50.0),
                       ("participants", None, 10000.0, 2240.0, pytest.approx(22.4))]


def test_last_steering_committee(cursor):
    # Steering committees: R2 2024-03-15, R4 2025-05-10, R6 2025-10-01; the last one *before* the date.
    assert figures.last_steering_committee(cursor, A) == date(2025, 5, 10)
    assert figures.last_steering_committee(cursor, B) == date(2025, 10, 1)
    assert figures.last_steering_committee(cursor, date(2025, 5, 10)) == date(2024, 3, 15)
    assert figures.last_steering_committee(cursor, date(2024, 3, 15)) is None


def test_changes_since_last_steering_committee(cursor):
    baseline, totals = figures.changes_since_last_steering_committee(cursor, A)
    assert baseline == date(2025, 5, 10)
    # As of 2025-05-10: held R1 to R4, participants 1200 + 25 + 15 + 40 + 300 + 100.
    assert totals["meetings"]["held"] == 4
    assert totals["participation"]["participants"] == 1680
    assert figures.changes_since_last_steering_committee(cursor, date(2024, 1, 1)) == (None, {})


def test_due_within(cursor):
    def due(as_of, days):
        return list(figures.due_within(cursor, as_of, days)["milestone_id"])

    # 90 days after 2025-06-30 is 2025-09-28: C2-M2 (due that very day 2025-06-30) is in,
    # C1-M2 (due 2025-09-30) is two days out.
    assert due(A, 90) == ["C2-M2"]
    assert due(A, 92) == ["C2-M2", "C1-M2"]  # soonest first
    # As of B nothing falls due before 2026-03-31; C1-M3 is due 2026-06-30, 181 days later.
    assert due(B, 90) == []
    assert due(B, 181) == ["C1-M3"]
    # C1-M1 is due 2024-12-31 but already complete: never listed.
    assert due(date(2024, 12, 1), 60) == []


def test_plan_and_last_update(cursor):
    info = figures.plan(cursor)
    assert info["name_en"] == "Test plan 2024–2026"
    assert info["submitted_date"] == date(2024, 1, 15)
    assert info["end_date"] == date(2026, 12, 31)
    assert info["alternative_end_date"] == date(2026, 10, 31)
    # Newest update, assessment or completion on or before A: the update and assessment of A.
    assert figures.last_update(cursor, A) == A
    # On or before 2025-08-31: C2-M1's completion of 2025-07-15 beats its update of 2025-07-01.
    assert figures.last_update(cursor, date(2025, 8, 31)) == date(2025, 7, 15)


def test_plan_without_plan_file_spans_the_commitments(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    for path in TINY.glob("*.csv"):
        if path.name not in ("plan.csv", "targets.csv"):
            (folder / path.name).write_bytes(path.read_bytes())
    plan = load_plan(folder)
    cursor = plan.cursor()
    info = figures.plan(cursor)
    # C1 and C2 both start 2024-01-01; C1 ends last, 2026-12-31.
    assert (info["start_date"], info["end_date"], info["name_fr"]) == (
        date(2024, 1, 1), date(2026, 12, 31), None)
    assert figures.targets(cursor, A).empty
    assert figures.headline(cursor, A) == EXPECTED_A  # targets and plan change no figure


def header_only_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "empty"
    folder.mkdir()
    for path in TINY.glob("*.csv"):
        write_records(folder / path.name, read_records(path)[:1])
    return folder


def test_empty_folder_gives_zeros_in_every_category(tmp_path, capsys):
    folder = header_only_folder(tmp_path)
    expected = {
        "as_of": "2025-06-30",
        "commitments": {"total": 0, "completion": with_zeros(COMPLETION)},
        "milestones": {"total": 0, "complete": 0, "in_progress": 0, "not_started": 0, "overdue": 0,
                       "mean_progress_pct": 0.0},
        "meetings": {"held": 0, "planned": 0, "public_held": 0, "attendees": 0,
                     "by_type": with_zeros(MEETING_TYPES)},
        "participation": {"participants": 0, "contributions": 0,
                          "by_activity": with_zeros(ACTIVITIES), "by_sector": sectors(), "events": 0},
        "votes": [], "projects": PROJECTS_NONE,
    }
    expected["commitments"]["completion_independent"] = with_zeros(COMPLETION)
    plan = load_plan(folder)
    cursor = plan.cursor()
    assert figures.headline(cursor, A) == expected
    assert figures.commitments(cursor, A).empty
    assert figures.targets(cursor, A).empty
    assert figures.due_within(cursor, A).empty
    assert figures.last_steering_committee(cursor, A) is None
    assert figures.last_update(cursor, A) is None
    info = figures.plan(cursor)
    assert info["start_date"] is None and info["end_date"] is None

    assert main(["summary", str(folder), "--as-of", "2025-06-30", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == expected


def test_mean_progress_is_not_a_float_artefact(cursor):
    # 42.25 must print as 42.3, never 42.2 or 42.300000000000004.
    mean = figures.headline(cursor, A)["milestones"]["mean_progress_pct"]
    assert repr(mean) == "42.3"
    assert not math.isnan(mean)


@pytest.mark.parametrize("as_of", [A, B, date(2024, 1, 1)], ids=["A", "B", "before any assessment"])
def test_the_completion_the_headline_counts_is_the_commitments_own(cursor, as_of):
    # The headline counts levels from `completion`, which leaves out the milestones' progress:
    # each commitment's levels and dates are those `commitments` shows.
    shown = figures.commitments(cursor, as_of)
    pd.testing.assert_frame_equal(completion(cursor, as_of), shown[completion(cursor, as_of).columns])
