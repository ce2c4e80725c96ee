"""The milestones page, run by AppTest: the plan's timeline, its filters, what falls due soon.

Worked out by hand from `tests/fixtures/tiny/milestones.csv` (start / due / completed):
- on 2025-06-30 (A): C1-M1 complete, C1-M2 in progress (40 %), C1-M3 not started, C2-M1 overdue
  by 91 days (due 2025-03-31, completed only 2025-07-15), C2-M2 in progress (11.25 %, due that
  very day). Due in the 90 days from A (up to 2025-09-28): C2-M2 only — C1-M2 is due on
  2025-09-30, 92 days later;
- on 2025-12-31 (B): C1-M2 overdue by 92 days, C2-M2 by 184, C1-M3 in progress (25 %);
  nothing unfinished falls due by 2026-03-31;
- on 2026-04-01: C1-M3 (due 2026-06-30) is due in exactly 90 days, so it is listed.
"""

from __future__ import annotations

from datetime import date

import pytest
from helpers import BUNDLED, TINY, empty_folder
from test_app_commitments import (
    assert_clean,
    chart_rows,
    has_table_with,
    infos,
    open_page,
    table_with,
)

from ogp_metrics import figures
from ogp_metrics.ingest.load import load_plan

PAGE = "app_pages/milestones.py"
NNBSP = "\u202f"
A = "2025-06-30"
B = "2025-12-31"


pytestmark = pytest.mark.usefixtures("fresh_streamlit_caches")


def timeline_rows(app) -> list[dict]:
    """The milestones the timeline draws (not its commitments' title rows)."""
    [rows] = chart_rows(app)
    return [row for row in rows if row["kind"] == "milestone"]


def group_titles(app) -> list[str]:
    [rows] = chart_rows(app)
    return [row["group"] for row in rows if row["kind"] == "header"]


def test_timeline_and_due_soon_on_the_tiny_folder_in_french(monkeypatch):
    app = open_page(monkeypatch, TINY, PAGE, as_of=A)
    # C2-M2 is due that day with 11.25 % done: at risk, said in words beside its status.
    due = table_with(app, "Jours restants")
    assert due.to_dict("records") == [{
        "N°": "C2-M2", "Jalon": "Débats publics", "Échéance": "30 juin 2025", "Jours restants": "0",
        "Statut": "En cours · ◆ À risque", "Avancement": f"11{NNBSP}%",
        "Responsable": "Délégation générale aux relations internationales", "Engagement": "C2"}]
    assert list(due.columns)[:6] == ["N°", "Jalon", "Échéance", "Jours restants", "Statut", "Avancement"]

    table = table_with(app, "Jours de retard")
    assert table["N°"].tolist() == ["C1-M1", "C1-M2", "C1-M3", "C2-M1", "C2-M2"]
    assert table["Statut"].tolist() == ["Terminé", "En cours · ◆ À risque", "Pas commencé", "En retard",
                                        "En cours · ◆ À risque"]
    assert table["Jours de retard"].tolist()[3] == 91
    assert table["Terminé le"].tolist() == ["15 nov. 2024", "—", "—", "—", "—"]
    assert table["Avancement"].tolist() == pytest.approx([100, 40, 0, 60, 11.25])

    rows = timeline_rows(app)
    assert [row["overdue_label"] for row in rows] == ["", "", "", "En retard · 91 j", ""]
    assert [row["risk_label"] for row in rows] == ["", "◆ À risque", "", "", "◆ À risque"]
    assert group_titles(app) == ["C1 · Assemblée citoyenne", "C2 · Citoyenneté européenne"]
    assert "Jalons affichés : 5 sur 5" in [caption.value for caption in app.caption]


def test_nothing_due_soon_is_said_in_words(monkeypatch):
    app = open_page(monkeypatch, TINY, PAGE, as_of=B)
    assert not has_table_with(app, "Jours restants")
    assert [success.value for success in app.success] == [
        "Aucun jalon à terminer n'arrive à échéance dans les 90 jours qui suivent le 31 déc. 2025."]
    table = table_with(app, "Jours de retard")
    # C1-M3 on 31 Dec 2025: 25 % done with 122 of 302 days gone (40 %): not 25 points behind.
    assert table["Statut"].tolist() == ["Terminé", "En retard", "En cours", "Terminé", "En retard"]
    assert table["Jours de retard"].tolist()[1] == 92
    assert table["Jours de retard"].tolist()[4] == 184
    assert [row["overdue_label"] for row in timeline_rows(app)] == [
        "", "En retard · 92 j", "", "", "En retard · 184 j"]


def test_due_in_exactly_ninety_days_in_english(monkeypatch):
    app = open_page(monkeypatch, TINY, PAGE, as_of="2026-04-01", lang="en")
    due = table_with(app, "Days left")
    # C1-M3 on 1 April 2026: 25 % done with 212 of 302 days gone (70 %): 45 points behind.
    assert due.to_dict("records") == [{
        "No.": "C1-M3", "Milestone": "Final report", "Due date": "30 Jun 2026", "Days left": "90",
        "Status": "In progress · ◆ At risk", "Progress": "25%", "Owner": "Unassigned",
        "Commitment": "C1"}]
    assert [header.value for header in app.header] == ["Due in the next 90 days", "The plan's timeline"]
    table = table_with(app, "Days late")
    assert table["Status"].tolist() == ["Complete", "Overdue", "In progress · ◆ At risk", "Complete",
                                        "Overdue"]


def test_filters_by_status_and_owner_and_keep_them_across_pages(monkeypatch):
    app = open_page(monkeypatch, TINY, PAGE, as_of=B)
    assert app.multiselect(key="milestones_owner").options == [
        "Direction de la démocratie, des citoyen·ne·s et des territoires",
        "Délégation générale aux relations internationales", "Non attribué"]
    app.multiselect(key="milestones_status").select("overdue").run()
    assert_clean(app)
    assert table_with(app, "Jours de retard")["N°"].tolist() == ["C1-M2", "C2-M2"]
    assert "Jalons affichés : 2 sur 5" in [caption.value for caption in app.caption]
    app.multiselect(key="milestones_owner").select("DGRI").run()
    assert table_with(app, "Jours de retard")["N°"].tolist() == ["C2-M2"]
    assert [row["milestone_id"] for row in timeline_rows(app)] == ["C2-M2"]
    assert group_titles(app) == ["C2 · Citoyenneté européenne"]

    app.switch_page("app_pages/commitments.py").run()
    assert_clean(app)
    app.switch_page(PAGE).run()
    assert_clean(app)
    assert app.multiselect(key="milestones_status").value == ["overdue"]
    assert app.multiselect(key="milestones_owner").value == ["DGRI"]
    assert table_with(app, "Jours de retard")["N°"].tolist() == ["C2-M2"]

    # A milestone without an owner can be picked out too.
    app.multiselect(key="milestones_owner").unselect("DGRI").select("").run()
    app.multiselect(key="milestones_status").unselect("overdue").run()
    assert table_with(app, "Jours de retard")["N°"].tolist() == ["C1-M3"]
    # Nothing matches: said in words, no chart.
    app.multiselect(key="milestones_status").select("complete").run()
    assert_clean(app)
    assert "Aucun jalon ne correspond à ces filtres." in infos(app)
    assert not app.get("vega_lite_chart")


def test_public_mode_in_english_names_commitments_without_jargon(monkeypatch):
    app = open_page(monkeypatch, TINY, PAGE, as_of="2026-04-01", lang="en", mode="public")
    # Projected: no identifier, only the key columns, no filter and no chart-data table.
    due = table_with(app, "Days left")
    assert list(due.columns) == ["Milestone", "Due date", "Days left", "Status", "Progress"]
    assert not app.multiselect
    assert not has_table_with(app, "Days late")
    assert group_titles(app) == ["Citizens' assembly", "European citizenship"]


def test_an_empty_plan_shows_a_friendly_state(monkeypatch, tmp_path):
    app = open_page(monkeypatch, empty_folder(tmp_path), PAGE)
    assert infos(app) == ["Aucun jalon n'a encore été défini pour ce plan."]
    assert not app.get("vega_lite_chart")
    app = open_page(monkeypatch, empty_folder(tmp_path / "en"), PAGE, lang="en", mode="public")
    assert infos(app) == ["No milestone has been set for this plan yet."]


@pytest.mark.parametrize("params", [{"as_of": "2026-11-29"}, {"as_of": "2025-03-01", "lang": "en"},
                                    {"as_of": "2026-11-29", "mode": "public"}])
def test_bundled_data(monkeypatch, params):
    plan = load_plan(BUNDLED)
    try:
        as_of = date.fromisoformat(params["as_of"])
        expected_due = figures.due_within(plan.cursor(), as_of, 90)
        expected_all = figures.milestones(plan.cursor(), as_of)
    finally:
        plan.connection.close()
    app = open_page(monkeypatch, BUNDLED, PAGE, **params)
    english = params.get("lang") == "en"
    if "mode" not in params:  # a chart's data is not projected
        late = table_with(app, "Days late" if english else "Jours de retard")
        assert len(late) == len(expected_all)
    rows = timeline_rows(app)
    assert len(rows) == len(expected_all) < 5000
    assert len(group_titles(app)) == expected_all["commitment_id"].nunique()
    overdue = expected_all[expected_all["status"] == "overdue"]
    assert sum(1 for row in rows if row["overdue_label"]) == len(overdue)
    days_left = "Days left" if english else "Jours restants"
    if expected_due.empty:
        assert not has_table_with(app, days_left)
    else:
        assert len(table_with(app, days_left)) == len(expected_due)
