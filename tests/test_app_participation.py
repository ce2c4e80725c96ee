"""The Participation page as rendered by Streamlit: bundled data, the tiny fixture (figures
worked out by hand from `tests/fixtures/tiny/participation.csv`), an empty plan; both
languages and both modes.

Tiny fixture, as of 1 July 2025 (the record of 20 Sept 2025 comes later):
- participants 1 200 (online) + 25 + 15 (workshop, arr. 1 and 4) + 40 (11th) + 300 (20th)
  + 100 (16th) + 60 (volunteers, city-wide) = 1 740; contributions 340 + 10 + 0 + 5 + 12 + 50 + 0
  = 417; 7 records;
- sectors: the 1st and 4th fold into Paris Centre, 25 + 15 = 40; 11th 40; 16th 100; 20th 300;
  city-wide / online 1 200 + 60 = 1 260, i.e. 72 % of 1 740;
- age: 18-24 100, 25-39 25, 60+ 15, under 18 and 40-59 none; unknown 1 740 - 140 = 1 600
  (92 %); gender: women 25, men 15, other 100, unknown 1 600 (92 %).
As of 1 January 2026 (all 8 records): 2 240 participants, Paris Centre 40 + 500 = 540, age
unknown 2 100 of 2 240 = 93.75 %, shown as 94 %.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest
from helpers import BUNDLED, TINY, empty_folder, new_app
from streamlit.testing.v1 import AppTest

from ogp_metrics import figures, text
from ogp_metrics.ingest.load import load_plan

ROOT = Path(__file__).resolve().parent.parent
PAGE = "app_pages/participation.py"
NNBSP = "\u202f"
STAFF_HEADERS = {"note", "reported_by", "Commentaire interne", "Internal note", "Note"}


pytestmark = pytest.mark.usefixtures("fresh_streamlit_caches")


@pytest.fixture
def empty_plan(tmp_path: Path) -> Path:
    return empty_folder(tmp_path)


def open_page(monkeypatch, folder: Path, **params: str) -> AppTest:
    app = new_app(monkeypatch, folder, **params)
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def metrics(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def captions(app: AppTest) -> list[str]:
    return [caption.value for caption in app.caption]


def markdown(app: AppTest) -> list[str]:
    return [block.value for block in app.markdown]


def table_with(app: AppTest, *columns: str):
    """The first table having all these columns, static ones (`st.table`) first."""
    for frame in [*app.table, *app.dataframe]:
        if set(columns) <= set(frame.value.columns):
            return frame.value
    raise AssertionError(f"no table with {columns}")


def chart(app: AppTest, description: str) -> tuple[dict, list]:
    """The spec and data of the chart whose description (its accessible title) is given."""
    for element in app.get("vega_lite_chart"):
        spec = json.loads(element.proto.spec)
        if spec.get("description") == description:
            return spec, [pa.ipc.open_stream(d.data.data).read_pandas() for d in element.proto.datasets]
    raise AssertionError(f"no chart {description!r}")


def assert_no_staff_columns(app: AppTest) -> None:
    for frame in [*app.dataframe, *app.table]:
        assert not STAFF_HEADERS & set(frame.value.columns)


# ---------------------------------------------------------------- tiny fixture, by hand

def test_tiny_figures_in_french(monkeypatch):
    app = open_page(monkeypatch, TINY, as_of="2025-07-01")
    shown = metrics(app)
    assert (shown["Participations"], shown["Contributions"], shown["Activités enregistrées"]) == (
        f"1{NNBSP}740", "417", "7")
    assert shown["Toute la ville / en ligne"] == f"1{NNBSP}260"
    assert f"72{NNBSP}% des participations" in captions(app)
    sectors = table_with(app, "Secteur", "Participations", "Part").set_index("Secteur")
    assert sectors.loc["Paris Centre", "Participations"] == 40
    assert sectors.loc["11e arrondissement", "Participations"] == 40
    assert sectors.loc["20e arrondissement", "Participations"] == 300
    assert sectors.loc["Toute la ville / en ligne", "Part"] == f"72{NNBSP}%"
    spec, (tiles,) = chart(app, "Participations par secteur")
    assert spec["layer"][0]["mark"]["type"] == "rect"
    assert len(tiles) == 17 and len(set(zip(tiles["row"], tiles["column"], strict=True))) == 17
    tiles = tiles.set_index("name")
    assert (tiles.loc["Centre", "value"], tiles.loc["16e", "value"], tiles.loc["5e", "value"]) == (40, 100, 0)
    # The unknown share, said in words above each chart.
    assert f"**Par tranche d'âge** · 92{NNBSP}% inconnu" in markdown(app)
    assert f"**Par genre** · 92{NNBSP}% inconnu" in markdown(app)
    ages = table_with(app, "Tranche d'âge", "Participations").set_index("Tranche d'âge")
    assert ages["Participations"].tolist() == [0, 100, 25, 0, 15, 1600]
    assert ages.loc["Âge inconnu", "Part"] == f"92{NNBSP}%"
    assert not any("< 5" in caption for caption in captions(app))
    _, (months,) = chart(app, "Participation par mois et par activité")
    assert months["participants"].sum() == 1740


def test_tiny_public_mode_hides_small_demographic_cells(monkeypatch):
    app = open_page(monkeypatch, TINY, as_of="2025-07-01", mode="public")
    assert "Les effectifs de moins de 5 personnes sont masqués (« < 5 »)." in captions(app)
    # Projected: the charts alone (their data is on the public site), small counts hidden.
    assert not app.dataframe and not app.multiselect
    _, (bars,) = chart(app, "Par tranche d'âge")
    hidden = bars.set_index("label").loc["Moins de 18 ans"]
    assert hidden["text"] == "< 5" and hidden["kind"] == "suppressed"
    assert hidden["value"] != hidden["value"]  # NaN: no bar, only the "< 5" label
    assert bars.set_index("label").loc["40-59 ans", "text"] == "< 5"
    assert bars.set_index("label").loc["18-24 ans", "value"] == 100
    _, (genders,) = chart(app, "Par genre")
    assert "< 5" not in genders["text"].tolist()  # 25, 15, 100, 1 600: nothing to hide
    assert_no_staff_columns(app)


def test_tiny_in_english_after_the_last_record(monkeypatch):
    app = open_page(monkeypatch, TINY, as_of="2026-01-01", lang="en", mode="public")
    shown = metrics(app)
    assert (shown["Participations"], shown["Contributions"], shown["Activities recorded"]) == (
        "2,240", "497", "8")
    assert "**By age group** · 94% unknown" in markdown(app)
    spec, (tiles,) = chart(app, "Participations by sector")
    assert spec["layer"][0]["encoding"]["color"]["title"] == "Participations"
    assert tiles.set_index("name").loc["Centre", "value_text"] == "540"
    assert "20th" in set(tiles["name"])
    trend, _ = chart(app, "Participation by month and activity")
    assert trend["encoding"]["color"]["title"] == "Activity"
    # The whole plan's participants target (10 000 by 31 Dec 2026, targets.csv).
    _, cumulative = chart(app, "Participations")
    labels = {label for frame in cumulative if "label" in frame for label in frame["label"]}
    assert labels == {"Target: 10,000 by 31 Dec 2026"}


def test_filters_and_the_measure(monkeypatch):
    app = open_page(monkeypatch, TINY, as_of="2025-07-01")
    app.multiselect(key="participation_activities").select("citizen_workshop").run()
    assert not app.exception
    # Two workshops, 25 + 15 people, both in Paris Centre; no targets for a part of the plan.
    assert metrics(app)["Participations"] == "40"
    assert table_with(app, "Secteur", "Participations").set_index("Secteur").loc[
        "Paris Centre", "Participations"] == 40
    assert "Les cibles de tout le plan s'affichent quand aucun filtre n'est choisi." in captions(app)
    app.segmented_control(key="participation_measure").set_value("contributions").run()
    spec, _ = chart(app, "Participation par mois et par activité")
    assert spec["encoding"]["y"]["field"] == "contributions"
    app.multiselect(key="participation_activities").unselect("citizen_workshop").select("citizens_vote").run()
    assert any("Aucune participation ne correspond" in info.value for info in app.info)


def test_real_boundaries_from_the_data_folder(monkeypatch, tmp_path):
    folder = tmp_path / "with-map"
    shutil.copytree(TINY, folder)
    features = [{"type": "Feature", "properties": {"c_ar": number},
                 "geometry": {"type": "Polygon", "coordinates": [[
                     [2.30 + 0.01 * number, 48.85], [2.31 + 0.01 * number, 48.85],
                     [2.31 + 0.01 * number, 48.86], [2.30 + 0.01 * number, 48.86],
                     [2.30 + 0.01 * number, 48.85]]]}} for number in range(1, 21)]
    (folder / "arrondissements.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    app = open_page(monkeypatch, folder, as_of="2025-07-01")
    spec, _ = chart(app, "Participations par secteur")
    assert spec["layer"][0]["mark"]["type"] == "geoshape"
    shapes = {f["properties"]["c_ar"]: f["properties"]["value"] for f in spec["layer"][0]["data"]["values"]}
    assert [shapes[n] for n in (1, 2, 3, 4, 11, 16, 20)] == [40, 40, 40, 40, 40, 100, 300]
    assert any("arrondissements.geojson" in caption for caption in captions(app))


# ---------------------------------------------------------------- bundled data

@pytest.mark.parametrize("params", [{"as_of": "2026-11-29"},
                                    {"as_of": "2026-11-29", "lang": "en", "mode": "public"}],
                         ids=["fr-internal", "en-public"])
def test_bundled_data_matches_the_shared_figures(monkeypatch, params):
    app = open_page(monkeypatch, BUNDLED, **params)
    lang = params.get("lang", "fr")
    plan = load_plan(BUNDLED)
    try:
        totals = figures.headline(plan.cursor(), date(2026, 11, 29))
        target = figures.targets(plan.cursor(), date(2026, 11, 29))
    finally:
        plan.connection.close()
    participants = totals["participation"]["participants"]
    assert metrics(app)[text.t("indicator.participants", lang)] == text.format_number(participants, lang)
    city = totals["participation"]["by_sector"]["citywide"]
    assert metrics(app)[text.t("sector.citywide", lang)] == text.format_number(city, lang)
    _, (tiles,) = chart(app, text.t("participation.by_sector", lang))
    assert tiles["value"].sum() == participants - city
    plan_target = target[(target["indicator"] == "participants") & target["commitment_id"].isna()].iloc[0]
    _, cumulative = chart(app, text.t("indicator.participants", lang))
    labels = {label for frame in cumulative if "label" in frame for label in frame["label"]}
    assert labels == {text.t("activity_charts.target_label", lang,
                             target=text.format_number(plan_target["target"], lang),
                             deadline=text.format_date(plan_target["deadline"].date(), lang))}
    assert len(app.get("vega_lite_chart")) == 6
    assert_no_staff_columns(app)


# ---------------------------------------------------------------- a new plan

@pytest.mark.parametrize(("params", "message"), [
    ({}, "Aucune participation n'est encore enregistrée"),
    ({"lang": "en", "mode": "public"}, "No participation is recorded yet"),
], ids=["fr-internal", "en-public"])
def test_empty_plan_shows_a_friendly_message(monkeypatch, empty_plan, params, message):
    app = open_page(monkeypatch, empty_plan, **params)
    assert any(info.value.startswith(message) for info in app.info)
    assert not app.get("vega_lite_chart")
    assert not app.metric


def test_before_the_first_record_the_page_says_so(monkeypatch):
    app = open_page(monkeypatch, TINY, as_of="2024-01-01")
    assert any("Aucune participation ne correspond" in info.value for info in app.info)
