"""The at-risk rules (`figures.risk_rules`), applied by the figures, at their boundaries.

Two milestones are added to a copy of `tests/fixtures/tiny/`, each planned from 1 January 2025 to
11 April 2025 (100 days, so that a day is a point of planned time):
- M8 never reports progress: not started, so at risk from 60 days before its due date (10 Feb
  2025), not on 9 Feb (61 days);
- M9 reports 20 % on 1 Feb 2025: on 15 Feb 45 days are gone (45 %), 25 points behind: not *more*
  than 25, so not at risk; on 16 Feb (46 %) it is.
The targets of tiny, as of 30 June 2025 (546 days after 1 January 2024): participations 1 740 of
10 000 (17 %) over 1 095 days (50 % gone) and C2's milestones complete 0 of 2 over 730 days
(75 % gone) are both at risk; C2's target is missed on 1 January 2026 (1 of 2).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from helpers import add_record

from ogp_metrics import figures
from ogp_metrics.figures import risk_rules
from ogp_metrics.ingest.load import load_plan


@pytest.fixture
def cursor(tiny):
    for milestone in ("C1-M8", "C1-M9"):
        add_record(tiny, "milestones.csv", {"milestone_id": milestone, "commitment_id": "C1",
                                             "title_fr": milestone, "start_date": "2025-01-01",
                                             "due_date": "2025-04-11"})
    add_record(tiny, "progress_updates.csv", {"update_date": "2025-02-01", "milestone_id": "C1-M9",
                                               "progress_pct": "20"})
    add_record(tiny, "targets.csv", {"indicator": "meetings_held", "target": "3", "deadline": "2026-12-31"})
    plan = load_plan(tiny)
    yield plan.cursor()
    plan.connection.close()


def risks(cursor, day: str) -> dict[str, object]:
    frame = figures.milestones(cursor, date.fromisoformat(day))
    return {row["milestone_id"]: (row["risk"] if isinstance(row["risk"], str) else None)
            for row in frame.to_dict("records") if row["milestone_id"] in ("C1-M8", "C1-M9")}


def test_a_milestone_not_started_is_at_risk_from_sixty_days_before_its_due_date(cursor):
    assert risk_rules.NOT_STARTED_DUE_WITHIN_DAYS == 60
    assert risks(cursor, "2025-01-31")["C1-M8"] is None  # 70 days to go
    assert risks(cursor, "2025-02-09")["C1-M8"] is None  # 61 days
    assert risks(cursor, "2025-02-10")["C1-M8"] == "not_started_due_soon"  # 60 days
    assert risks(cursor, "2025-04-11")["C1-M8"] == "not_started_due_soon"  # its due date
    assert risks(cursor, "2025-04-12")["C1-M8"] is None  # overdue: late, no longer "at risk"


def test_a_milestone_under_way_is_at_risk_more_than_twenty_five_points_behind_its_time(cursor):
    assert risk_rules.MILESTONE_BEHIND_POINTS == 25
    frame = figures.milestones(cursor, date(2025, 2, 15)).set_index("milestone_id")
    assert frame.loc["C1-M9", "time_elapsed_pct"] == pytest.approx(45.0)
    assert frame.loc["C1-M9", "progress_pct"] == 20
    assert risks(cursor, "2025-02-15")["C1-M9"] is None  # exactly 25 points behind
    assert risks(cursor, "2025-02-16")["C1-M9"] == "behind_schedule"  # 26 points


def test_complete_and_overdue_milestones_are_never_at_risk(cursor):
    frame = figures.milestones(cursor, date(2025, 6, 30)).set_index("milestone_id")
    assert frame.loc["C1-M1", "status"] == "complete" and pd.isna(frame.loc["C1-M1", "risk"])
    assert frame.loc["C2-M1", "status"] == "overdue" and pd.isna(frame.loc["C2-M1", "risk"])
    # C1-M2: 40 % with 180 of its 272 days gone (66.2 %); C2-M2: 11.25 % on its due date.
    assert frame.loc["C1-M2", "time_elapsed_pct"] == pytest.approx(100 * 180 / 272)
    assert (frame.loc["C1-M2", "risk"], frame.loc["C2-M2", "risk"]) == ("behind_schedule", "behind_schedule")
    commitments = figures.commitments(cursor, date(2025, 6, 30)).set_index("commitment_id")
    assert commitments["milestones_at_risk"].to_dict() == {"C1": 1, "C2": 1}


def test_targets_states_and_the_day_each_was_reached(cursor):
    targets = figures.targets(cursor, date(2025, 6, 30)).set_index("indicator")
    participations = targets.loc["participants"]
    assert participations["period_elapsed_pct"] == pytest.approx(100 * 546 / 1095)
    assert participations["target_state"] == "at_risk"  # 17.4 % achieved, 49.9 % of the time gone
    c2 = targets.loc["milestones_complete"]
    assert (c2["period_start"].date(), c2["period_elapsed_pct"]) == (date(2024, 1, 1),
                                                                     pytest.approx(100 * 546 / 730))
    assert c2["target_state"] == "at_risk"
    # Three meetings: R1 (1 Feb 2024), R2 (15 Mar 2024), R3 (20 Jan 2025) — reached that day.
    meetings = targets.loc["meetings_held"]
    assert (meetings["target_state"], meetings["reached_on"].date()) == ("reached", date(2025, 1, 20))
    # C2's target: 1 of 2 on its deadline (still at risk), missed the day after.
    on_the_day = figures.targets(cursor, date(2025, 12, 31)).set_index("indicator")
    assert on_the_day.loc["milestones_complete", "target_state"] == "at_risk"
    after = figures.targets(cursor, date(2026, 1, 1)).set_index("indicator")
    assert after.loc["milestones_complete", "target_state"] == "missed"


def test_a_target_on_track_within_fifteen_points(tiny):
    # 1 740 participations by 30 June 2025 against 3 000 by 31 Dec 2026: 58 % achieved with 50 %
    # of the time gone: on track. 4 000: 43.5 %, 6.4 points behind: still on track; 5 000: 34.8 %,
    # 15.1 points behind: at risk.
    plan = load_plan(tiny)
    cursor = plan.cursor()
    try:
        states = {}
        for target in (3000, 4000, 5000):
            cursor.execute("UPDATE targets SET target = $t WHERE indicator = 'participants'", {"t": target})
            states[target] = figures.targets(cursor, date(2025, 6, 30)).set_index(
                "indicator").loc["participants", "target_state"]
    finally:
        plan.connection.close()
    assert risk_rules.TARGET_BEHIND_POINTS == 15
    assert states == {3000: "on_track", 4000: "on_track", 5000: "at_risk"}


def test_the_help_text_quotes_the_rules_numbers():
    from ogp_metrics.views.committee import rules_help

    french, english = rules_help("fr"), rules_help("en")
    for number in (60, 25, 15):
        assert str(number) in french and str(number) in english
    assert "à risque" in french and "at risk" in english and "manqué" in french
