"""Every page runs, in both languages and both modes, on every kind of folder; the overview's
figures on the tiny fixture match values worked out by hand."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from helpers import BUNDLED, TINY, empty_folder, html_table_with, new_app
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

from ogp_metrics.ui.pages import PAGES

ROOT = Path(__file__).resolve().parent.parent
NNBSP = "\u202f"


pytestmark = pytest.mark.usefixtures("fresh_streamlit_caches")


def invalid_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "invalid"
    shutil.copytree(TINY, folder)
    path = folder / "milestones.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2024-12-31", "31/02/2024"),
                    encoding="utf-8")
    return folder


def run_app(monkeypatch, folder: Path, **params: str) -> AppTest:
    app = new_app(monkeypatch, folder, timeout=90, **params)
    app.run()
    return app


def assert_clean(app: AppTest, where: str) -> None:
    assert not app.exception, f"{where}: {[e.value for e in app.exception]}"


FOLDERS = {"bundled": lambda tmp: BUNDLED, "tiny": lambda tmp: TINY, "empty": empty_folder,
           "invalid": invalid_folder}


@pytest.mark.parametrize("folder_kind", list(FOLDERS))
@pytest.mark.parametrize("params", [{}, {"lang": "en"}, {"mode": "public"},
                                    {"lang": "en", "mode": "public", "as_of": "2025-06-30"}],
                         ids=["fr-internal", "en-internal", "fr-public", "en-public-dated"])
def test_every_page_runs(monkeypatch, tmp_path, folder_kind, params):
    app = run_app(monkeypatch, FOLDERS[folder_kind](tmp_path), **params)
    assert_clean(app, f"{folder_kind} {params} first run")
    if folder_kind == "invalid":
        # The problems instead of figures. Every address shows them (pages are then callables,
        # which AppTest cannot switch to: the browser tests open each address).
        assert any("31/02/2024" in m.value for m in app.markdown)
        assert not app.metric
        return
    for page in PAGES:
        app.switch_page(page.script).run()
        assert_clean(app, f"{folder_kind} {params} {page.script}")


def metrics(app: AppTest) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.delta) for m in app.metric}


def test_overview_on_tiny_fixture_by_hand(monkeypatch):
    # As of 30 June 2025, worked out from tests/fixtures/tiny:
    # milestones: C1-M1 complete (done 2024-11-15), C1-M2 in progress (40 %), C1-M3 not started
    # (starts 2025-09-01), C2-M1 overdue (due 2025-03-31, 91 days late, 60 %), C2-M2 in
    # progress (due today, 11.25 %); mean (100+40+0+60+11.25)/5 = 42.25 -> 42.3.
    # Baseline: the steering committee R4 of 10 May 2025: C1 self-assessed limited, mean
    # (100+20+0+60+0)/5 = 36.0, 4 meetings held, 1 680 participants.
    app = run_app(monkeypatch, TINY, as_of="2025-06-30")
    assert_clean(app, "overview")
    found = metrics(app)
    # The commitments by the City's latest assessment, one card per level: they add up to 2.
    assert found["Achevé"] == ("0 sur 2", "±0")
    assert found["Substantiel"] == ("1 sur 2", "+1")
    assert found["Limité"] == ("0 sur 2", "-1")
    assert found["Non commencé"] == ("0 sur 2", "±0")
    assert found["Non évalué"] == ("1 sur 2", "±0")
    assert "Retiré" not in found  # none, then or now
    assert found["Jalons terminés"] == ("1 sur 5", "±0")
    assert found["Jalons en retard"] == ("1", "±0")
    assert found["Avancement moyen des jalons"] == (f"42,3{NNBSP}%", "+6,3 pt")
    assert found["Réunions tenues"] == ("5", "+1")
    assert found["Participations"] == (f"1{NNBSP}740", "+60")
    captions = " ".join(c.value for c in app.caption)
    assert "10 mai 2025" in captions  # the baseline steering committee
    # Points of attention: the late milestone first, then what is at risk (C2-M2 11.25 % done at
    # its due date; C1-M2 40 % with 66 % of its time gone), then the targets at risk.
    attention = html_table_with(app, "Pourquoi")
    assert [row["État"] for row in attention] == ["▲ En retard · 91 j", *["◆ À risque"] * 4]
    assert attention[0] == {"État": "▲ En retard · 91 j", "Point": "Jalon · Campagne d'inscription",
                            "Pourquoi": f"Échéance dépassée de 91 jours ; avancement 60{NNBSP}%",
                            "Engagement": "C2 · Citoyenneté européenne",
                            "Responsable": "Délégation générale aux relations internationales",
                            "Échéance": "31 mars 2025"}
    # Targets: 1 740 of 10 000 participations, and C2's 0 of 2 milestones complete (C2-M1 is
    # completed on 15 July 2025, after the as-of date): both at risk, said in words.
    [chart] = app.get("vega_lite_chart")
    spec = json.loads(chart.proto.spec)
    assert spec["description"] == "Part de chaque objectif atteinte, et part de sa période écoulée"
    words = {row["text"] for dataset in chart.proto.datasets
             for row in convert_arrow_bytes_to_pandas_df(dataset.data.data).to_dict("records")}
    assert words == {f"0{NNBSP}% · À risque", f"17{NNBSP}% · À risque"}
    # What changed since 10 May 2025: C1's new self-assessment, and R5 held on 30 June.
    assert [row["Quoi"] for row in html_table_with(app, "Détail")] == ["Ville de Paris : Substantiel"]
    assert not app.warning  # the newest update (30 June 2025) is 0 days old


def test_overview_in_english(monkeypatch):
    app = run_app(monkeypatch, TINY, as_of="2025-06-30", lang="en")
    found = metrics(app)
    assert found["Average milestone progress"] == ("42.3%", "+6.3 pt")
    assert found["Participations"] == ("1,740", "+60")
    assert "Situation on 30 June 2025" in app.markdown[0].value


def test_overview_warns_when_data_is_stale(monkeypatch):
    # The newest update in the fixture is the progress update of 15 October 2025.
    app = run_app(monkeypatch, TINY, as_of="2026-11-29")
    assert any("quatre mois" in w.value for w in app.warning)
    assert any("15 oct. 2025" in c.value for c in app.caption)


def test_as_of_in_url_drives_the_date_picker(monkeypatch):
    app = run_app(monkeypatch, TINY, as_of="2025-05-10", lang="en")
    assert str(app.date_input[0].value) == "2025-05-10"
    assert metrics(app)["Meetings held"][0] == "4"


def test_controls_change_language_and_date(monkeypatch):
    # AppTest sends the same URL on every run, so the URL is left out here: the browser
    # tests check that the address follows the controls.
    app = run_app(monkeypatch, TINY)
    app.segmented_control[0].set_value("en").run()
    assert "Meetings held" in metrics(app)
    app.date_input[0].set_value(date(2025, 5, 10)).run()
    assert metrics(app)["Meetings held"][0] == "4"
    assert "Situation on 10 May 2025" in app.markdown[0].value


def test_empty_plan_shows_a_friendly_state(monkeypatch, tmp_path):
    app = run_app(monkeypatch, empty_folder(tmp_path))
    assert_clean(app, "empty overview")
    assert any("aucun engagement" in i.value for i in app.info)


def test_invalid_folder_lists_problems_in_plain_words(monkeypatch, tmp_path):
    app = run_app(monkeypatch, invalid_folder(tmp_path), lang="en")
    text = " ".join(m.value for m in app.markdown).replace("\\", "")
    assert "milestones.csv, row 2, column “due_date”" in text
    assert "is not a date" in text
