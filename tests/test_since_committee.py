"""What changed since the last steering committee (or a chosen date), as the Overview and the
briefing list it.

From `tests/fixtures/tiny/`, since R4 (10 May 2025) and as of 15 October 2025:
- milestones: C2-M2 became late (due 30 June, so late from 1 July), C1-M2 too (due 30 Sept, late
  from 1 Oct); C2-M1 was completed on 15 July (it was late); C1-M3 started on 1 Sept;
- assessments: C1 by the City on 30 June (limited before: substantial), C2 by the City on 30 Sept
  (its first: withdrawn);
- meetings: R5 (30 June) and R6 (1 Oct, the next committee);
- targets reached: none (participations 2 240 of 10 000; C2 1 of 2 milestones).
The last committee before 15 October 2025 is R6 (1 Oct); before 1 October itself, R4: a
committee's own day compares with the one before.
"""

from __future__ import annotations

from datetime import date

import pytest
from helpers import TINY

from ogp_metrics import figures
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.views import committee, labels

SINCE, AS_OF = date(2025, 5, 10), date(2025, 10, 15)


@pytest.fixture(scope="module")
def cursor():
    plan = load_plan(TINY)
    yield plan.cursor()
    plan.connection.close()


def names(cursor, lang: str = "fr", public: bool = False) -> committee.Names:
    return committee.Names.of(labels.institution_names(figures.institutions(cursor), lang),
                              figures.commitments(cursor, AS_OF), lang, public)


def test_the_baseline_is_the_last_committee_strictly_before_the_date(cursor):
    assert figures.last_steering_committee(cursor, AS_OF) == date(2025, 10, 1)
    assert figures.last_steering_committee(cursor, date(2025, 10, 1)) == date(2025, 5, 10)
    assert [day.date() for day in figures.steering_committees(cursor, AS_OF)["date"]] == [
        date(2025, 10, 1), date(2025, 5, 10), date(2024, 3, 15)]


def test_milestones_that_became_late_were_completed_or_started(cursor):
    changes = figures.milestone_changes(cursor, SINCE, AS_OF)
    assert [(row["milestone_id"], row["change"], row["change_date"].date(), row["status_before"])
            for row in changes.to_dict("records")] == [
        ("C2-M2", "late", date(2025, 7, 1), "in_progress"),
        ("C1-M2", "late", date(2025, 10, 1), "in_progress"),
        ("C2-M1", "complete", date(2025, 7, 15), "overdue"),
        ("C1-M3", "started", date(2025, 9, 1), "not_started"),
    ]


def test_new_assessments_meetings_and_targets(cursor):
    assessments = figures.new_assessments(cursor, SINCE, AS_OF)
    assert [(row["commitment_id"], row["completion"], row["previous_completion"])
            for row in assessments.fillna("").to_dict("records")] == [("C1", "substantial", "limited"),
                                                                      ("C2", "withdrawn", "")]
    assert figures.meetings_held(cursor, SINCE, AS_OF)["meeting_id"].tolist() == ["R5", "R6"]
    assert figures.targets_reached(cursor, SINCE, AS_OF).empty


def test_the_groups_name_the_commitment_its_owner_and_the_date(cursor):
    groups = committee.since_groups(figures.milestone_changes(cursor, SINCE, AS_OF),
                                    figures.new_assessments(cursor, SINCE, AS_OF),
                                    figures.targets_reached(cursor, SINCE, AS_OF),
                                    figures.meetings_held(cursor, SINCE, AS_OF), names(cursor))
    assert [group.title for group in groups] == [
        "Jalons passés en retard (2)", "Jalons terminés (1)", "Jalons commencés (1)",
        "Nouvelles évaluations (2)", "Réunions tenues (2)"]
    late = groups[0].table.to_dict("records")
    assert late[0] == {"Date": "1er juil. 2025", "Quoi": "Débats publics",
                       "Engagement": "C2 · Citoyenneté européenne",
                       "Responsable": "Délégation générale aux relations internationales",
                       "Détail": "Échéance du 30 juin 2025 · avancement 11\u202f%"}
    assessments = groups[3].table.to_dict("records")
    assert [row["Quoi"] for row in assessments] == ["Ville de Paris : Substantiel", "Ville de Paris : Retiré"]
    assert [row["Détail"] for row in assessments] == ["avant : Limité", "première évaluation"]
    meetings = groups[4].table.to_dict("records")
    # R6 belongs to the whole plan: no commitment, no owner.
    assert (meetings[1]["Quoi"], meetings[1]["Engagement"], meetings[1]["Responsable"]) == (
        "Comité de pilotage n° 3", "tout le plan", "—")


def test_the_public_reads_names_not_identifiers(cursor):
    groups = committee.since_groups(figures.milestone_changes(cursor, SINCE, AS_OF),
                                    figures.new_assessments(cursor, SINCE, AS_OF),
                                    figures.targets_reached(cursor, SINCE, AS_OF),
                                    figures.meetings_held(cursor, SINCE, AS_OF), names(cursor, "en", True))
    assert groups[0].title == "Milestones that became late (2)"
    assert groups[0].table["Commitment"].tolist() == ["European citizenship", "Citizens' assembly"]


def test_nothing_changed_is_an_empty_list(cursor):
    day = date(2024, 3, 16)  # the day after R2, nothing happened
    assert committee.since_groups(figures.milestone_changes(cursor, date(2024, 3, 15), day),
                                  figures.new_assessments(cursor, date(2024, 3, 15), day),
                                  figures.targets_reached(cursor, date(2024, 3, 15), day),
                                  figures.meetings_held(cursor, date(2024, 3, 15), day), names(cursor)) == []
