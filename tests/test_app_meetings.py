"""The Meetings page as rendered by Streamlit: bundled data, the tiny fixture (figures worked
out by hand from `tests/fixtures/tiny/meetings.csv`), an empty plan; both languages and modes.

Tiny fixture, as of 1 July 2025 (R = meetings.csv row id):
- held (on or before the date): R1 public meeting, R2 steering committee, R3 citizen workshop,
  R4 steering committee, R5 neighbourhood council = 5; planned: R6 (1 Oct 2025), R7 (1 Mar 2026);
- public held: R1, R3, R5 = 3; internal held: R2, R4 = 2;
- attendees known 120 + 12 + 10 + 35 = 177, unknown for R3 (1 meeting); organisations 5 + 4 = 9;
- co-creation, public: R1 only (R2 is internal), 1 Feb 2024, 120 attendees, organisations unknown;
- by sector: R5's arrondissement 1 is Paris Centre (1), R3 the 11th (1), R1, R2, R4 city-wide (3).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from helpers import BUNDLED, TINY, empty_folder, html_tables, new_app
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGE = "app_pages/meetings.py"
NNBSP = "\u202f"
STAFF_HEADERS = {"note", "reported_by", "Commentaire interne", "Internal note", "Note"}


pytestmark = pytest.mark.usefixtures("fresh_streamlit_caches")


@pytest.fixture
def empty_plan(tmp_path: Path) -> Path:
    return empty_folder(tmp_path)


def open_page(monkeypatch, folder: Path, page: str = PAGE, **params: str) -> AppTest:
    app = new_app(monkeypatch, folder, **params)
    app.run()
    app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def metrics(app: AppTest) -> list[tuple[str, str]]:
    return [(metric.label, metric.value) for metric in app.metric]


def captions(app: AppTest) -> list[str]:
    return [caption.value for caption in app.caption]


def table_with(app: AppTest, *columns: str):
    """The first table having all these columns, the ones to read (drawn as HTML) first."""
    for table in html_tables(app):
        if table and set(columns) <= set(table[0]):
            return pd.DataFrame(table[1:], columns=table[0])
    for frame in app.dataframe:
        if set(columns) <= set(frame.value.columns):
            return frame.value
    raise AssertionError(f"no table with {columns}")


def chart_specs(app: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("vega_lite_chart")]


def chart_data(app: AppTest, description: str):
    """The data of the chart whose description (its accessible title) is `description`."""
    for chart in app.get("vega_lite_chart"):
        if json.loads(chart.proto.spec).get("description") == description:
            return [pa.ipc.open_stream(d.data.data).read_pandas() for d in chart.proto.datasets]
    raise AssertionError(f"no chart {description!r}")


def assert_no_staff_columns(app: AppTest) -> None:
    for frame in app.dataframe:
        assert not STAFF_HEADERS & set(frame.value.columns)
    for table in html_tables(app):
        assert not STAFF_HEADERS & set(table[0] if table else [])


# ---------------------------------------------------------------- bundled data

@pytest.mark.parametrize(("params", "label", "span"), [
    ({"as_of": "2026-11-29"}, "Réunions publiques de co-construction", "Du 12 oct. 2021 au 14 mars 2024"),
    ({"as_of": "2026-11-29", "lang": "en", "mode": "public"}, "Public co-creation meetings",
     "From 12 Oct 2021 to 14 Mar 2024"),
], ids=["fr-internal", "en-public"])
def test_bundled_co_creation_has_40_public_meetings(monkeypatch, params, label, span):
    app = open_page(monkeypatch, BUNDLED, **params)
    assert (label, "40") in metrics(app)
    assert span in captions(app)
    if params.get("lang") == "en":
        assert "1,458 known + 6 meetings unknown" in captions(app)
    else:
        assert f"1{NNBSP}458 connus + 6 réunions au nombre inconnu" in captions(app)
    assert len(app.get("vega_lite_chart")) == 5
    assert_no_staff_columns(app)


def test_bundled_upcoming_meetings_and_targets(monkeypatch):
    app = open_page(monkeypatch, BUNDLED, as_of="2026-11-29")
    held = dict(metrics(app))
    assert (held["Réunions tenues"], held["Réunions prévues"]) == ("86", "2")
    upcoming = table_with(app, "Date", "Intitulé")
    assert upcoming["Date"].tolist() == ["8 déc. 2026", "15 déc. 2026"]
    assert "Tenue ou prévue" not in upcoming.columns  # all of them are planned
    everything = table_with(app, "Date", "Intitulé", "Tenue ou prévue")
    assert len(everything) == 88
    assert everything["Tenue ou prévue"].value_counts().to_dict() == {"Tenue": 86, "Prévue": 2}
    cumulative = chart_data(app, "Réunions tenues depuis le début, comparées aux cibles")
    labels = {label for frame in cumulative if "label" in frame for label in frame["label"]}
    assert labels == {"Cible : 90 au 31 déc. 2026", "Cible : 60 au 31 déc. 2026"}


def test_bundled_long_list_of_upcoming_meetings_is_cut(monkeypatch):
    app = open_page(monkeypatch, BUNDLED, as_of="2025-07-01")
    assert dict(metrics(app))["Réunions prévues"] == "23"
    upcoming = table_with(app, "Date", "Intitulé")
    assert len(upcoming) == 8
    assert "… et 15 autres réunions prévues : voir la liste des réunions ci-dessous." in captions(app)
    # Long commitment titles are cut in tables (the filter keeps them whole).
    assert all(len(label) <= len("FRPA0000 · ") + 40 for label in upcoming["Engagement"])
    assert any(label.endswith("…") for label in upcoming["Engagement"])


# ---------------------------------------------------------------- tiny fixture, by hand

def test_tiny_figures_in_french(monkeypatch):
    app = open_page(monkeypatch, TINY, as_of="2025-07-01")
    shown = metrics(app)
    assert shown[:4] == [("Réunions tenues", "5"), ("Réunions prévues", "2"),
                         ("Réunions publiques tenues", "3"), ("Personnes présentes", "177")]
    assert "177 connus + 1 réunion au nombre inconnu" in captions(app)
    assert "60 % des réunions tenues".replace(" ", NNBSP, 1) in captions(app)
    assert "après le 1er juil. 2025" in captions(app)
    # Co-creation: R1 alone; its organisations were not counted: unknown, not 0.
    assert shown[4:] == [("Réunions publiques de co-construction", "1"), ("Personnes présentes", "120"),
                         ("Organisations représentées", "inconnu")]
    assert "inconnu pour l'unique réunion" in captions(app)
    assert "Aucune cible de réunions pour tout le plan dans targets.csv." in captions(app)
    by_sector = table_with(app, "Secteur", "Tenues").set_index("Secteur")
    assert by_sector.loc["Paris Centre", "Tenues"] == 1
    assert by_sector.loc["11e arrondissement", "Tenues"] == 1
    assert by_sector.loc["Toute la ville / en ligne", "Tenues"] == 3
    assert "3 réunions tenues à l'échelle de la ville ou en ligne (sans arrondissement) ne " \
           "figurent pas sur la carte." in captions(app)
    tiles = chart_data(app, "Réunions tenues, par secteur")[0].set_index("sector")
    assert len(tiles) == 17
    assert (tiles.loc["centre", "value"], tiles.loc["11", "value"], tiles["value"].sum()) == (1, 1, 2)
    upcoming = table_with(app, "Date", "Intitulé")
    assert upcoming["Date"].tolist() == ["1er oct. 2025", "1er mars 2026"]
    assert upcoming["Type de réunion"].tolist() == ["Comité de pilotage", "Réunion publique"]
    attendance = table_with(app, "Type de réunion", "Personnes présentes", "Organisations représentées")
    attendance = attendance.set_index("Type de réunion")
    # R3, the citizen workshop: nobody counted; R1, the public meeting: 120, organisations not.
    assert attendance.loc["Atelier citoyen", "Personnes présentes"] == "inconnu pour l'unique réunion"
    assert attendance.loc["Réunion publique", "Personnes présentes"] == "120"
    assert attendance.loc["Réunion publique", "Organisations représentées"] == (
        "inconnu pour l'unique réunion")
    # R2 and R4 held (12 + 10 people, 5 + 4 organisations); R6 planned.
    assert attendance.loc["Comité de pilotage"].tolist() == ["2", "1", "22", "9"]


def test_tiny_figures_in_english_public_mode(monkeypatch):
    app = open_page(monkeypatch, TINY, as_of="2025-07-01", lang="en", mode="public")
    assert metrics(app)[:4] == [("Meetings held", "5"), ("Meetings planned", "2"),
                                ("Public meetings held", "3"), ("Attendees", "177")]
    assert "177 known + 1 meeting unknown" in captions(app)
    assert ("Organisations represented", "unknown") in metrics(app)
    specs = chart_specs(app)
    by_month = next(s for s in specs if s.get("description") == "Meetings by month and type")
    bars = by_month["layer"][0]["encoding"]
    assert (bars["x"]["field"], bars["x"]["type"]) == ("month", "temporal")
    assert bars["color"]["title"] == "Meeting type"
    assert bars["opacity"]["scale"]["domain"] == ["Held", "Planned"]
    assert table_with(app, "Date", "Title")["Meeting type"].tolist() == [
        "Steering committee", "Public meeting"]
    assert_no_staff_columns(app)


def test_filters_choose_the_meetings_and_follow_to_the_next_page(monkeypatch):
    app = open_page(monkeypatch, TINY, as_of="2025-07-01")
    app.multiselect(key="meetings_types").select("steering_committee").run()
    assert not app.exception
    attendance = table_with(app, "Type de réunion", "Tenues", "Prévues", "Personnes présentes")
    assert attendance.to_dict("records") == [{"Type de réunion": "Comité de pilotage", "Tenues": "2",
                                              "Prévues": "1", "Personnes présentes": "22",
                                              "Organisations représentées": "9"}]
    # The plan-wide figures above the filters do not move.
    assert metrics(app)[0] == ("Réunions tenues", "5")
    app.multiselect(key="filter_commitments").select("C1").run()
    assert any("Aucune réunion ne correspond" in info.value for info in app.info)
    app.switch_page("app_pages/participation.py").run()
    assert app.multiselect(key="filter_commitments").value == ["C1"]
    app.switch_page(PAGE).run()
    assert app.multiselect(key="meetings_types").value == ["steering_committee"]
    assert app.multiselect(key="filter_commitments").value == ["C1"]


# ---------------------------------------------------------------- a new plan

@pytest.mark.parametrize(("params", "message"), [
    ({}, "Aucune réunion n'est encore enregistrée"),
    ({"lang": "en", "mode": "public"}, "No meetings are recorded yet"),
], ids=["fr-internal", "en-public"])
def test_empty_plan_shows_a_friendly_message(monkeypatch, empty_plan, params, message):
    app = open_page(monkeypatch, empty_plan, **params)
    assert any(info.value.startswith(message) for info in app.info)
    assert not app.get("vega_lite_chart")
    assert not app.metric
