"""The Meetings and Participation charts without a browser, and the figures they are drawn from.

`chart.to_dict()` validates each spec against the Vega-Lite schema; the encodings, their
types and the words (French and English) are asserted on the spec. The filtered queries of
`queries_activity` are checked against `queries` (one definition of each figure) and
against the tiny fixture, whose values are worked out by hand in the comments.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from helpers import TINY

from ogp_metrics import figures, text
from ogp_metrics.charts import bars as bar_charts
from ogp_metrics.charts import lines as line_charts
from ogp_metrics.charts import meetings as meeting_charts
from ogp_metrics.charts import palette, sectors
from ogp_metrics.charts import participation as participation_charts
from ogp_metrics.contract import schema
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.views import labels as label_views
from ogp_metrics.views import meetings as meeting_views
from ogp_metrics.views import participation as participation_views
from ogp_metrics.views import privacy, wording
from ogp_metrics.views import sectors as sector_views

AS_OF = date(2025, 7, 1)
NNBSP = "\u202f"  # French thousands separator and space before %


@pytest.fixture(scope="module")
def tiny_cursor():
    plan = load_plan(TINY)
    yield plan.cursor()
    plan.connection.close()


def layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


def encodings(spec: dict) -> list[dict]:
    return [layer.get("encoding", {}) for layer in layers(spec)]


def inline_rows(spec: dict) -> list[dict]:
    """Every row of every dataset of a spec (Altair puts DataFrames in `datasets`)."""
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


# ---------------------------------------------------------------- meetings by month

def test_meetings_by_month_chart_encodings_and_words(tiny_cursor):
    data = figures.meetings_by_month(tiny_cursor, AS_OF)
    for lang, type_title, state_title, y_title in (
        ("fr", "Type de réunion", "Tenue ou prévue", "Réunions"),
        ("en", "Meeting type", "Held or planned", "Meetings"),
    ):
        spec = meeting_charts.meetings_by_month_chart(data, lang, AS_OF).to_dict()
        bars = encodings(spec)[0]
        assert (bars["x"]["field"], bars["x"]["type"], bars["x"]["timeUnit"]) == (
            "month", "temporal", "yearmonth")
        assert (bars["y"]["field"], bars["y"]["aggregate"], bars["y"]["type"]) == (
            "meetings", "sum", "quantitative")
        assert bars["y"]["title"] == y_title
        assert (bars["color"]["field"], bars["color"]["type"]) == ("type_label", "nominal")
        assert bars["color"]["title"] == type_title
        # Held and planned differ by opacity and by outline dash, not by colour alone.
        assert bars["opacity"]["field"] == bars["strokeDash"]["field"] == "state_label"
        assert bars["opacity"]["title"] == state_title
        planned = text.value_label("meeting_state", "planned", lang)
        assert bars["opacity"]["scale"]["domain"][1] == planned
        assert bars["opacity"]["scale"]["range"] == [1.0, 0.45]
        assert spec["description"] == text.t("meetings.by_month", lang)
        # The as-of rule, labelled in words.
        label_rows = [row for row in inline_rows(spec) if "label" in row]
        assert label_rows[0]["label"] == ("Situation au 1er juil. 2025" if lang == "fr"
                                          else "Situation on 1 Jul 2025")
        assert spec["config"]["locale"]["number"]["thousands"] == ("\xa0" if lang == "fr" else ",")


def test_meetings_by_month_chart_colours_only_types_present(tiny_cursor):
    spec = meeting_charts.meetings_by_month_chart(figures.meetings_by_month(tiny_cursor, AS_OF),
                                                  "fr").to_dict()
    colour = encodings(spec)[0]["color"]["scale"]
    assert colour["domain"] == ["Comité de pilotage", "Réunion publique", "Atelier citoyen",
                                "Conseil de quartier"]
    assert set(colour["range"]) <= {*palette.MEETING_TYPE_COLOURS.values()}
    rows = inline_rows(spec)
    # R1..R5 held, R6 and R7 planned (tiny fixture, as of 1 July 2025).
    assert sum(r["meetings"] for r in rows if r.get("state") == "held") == 5
    assert sum(r["meetings"] for r in rows if r.get("state") == "planned") == 2


# ---------------------------------------------------------------- running totals and targets

def test_cumulative_chart_with_target_rule_and_label():
    series = pd.DataFrame({"month": pd.to_datetime(["2024-02-01", "2024-03-01", "2024-06-01"]),
                           "series": ["Réunions tenues"] * 3, "value": [1.0, 2.0, 2.0]})
    targets = pd.DataFrame({"series": ["Réunions tenues"], "target": [90.0],
                            "deadline": [date(2026, 12, 31)], "label": ["Cible : 90 au 31 déc. 2026"]})
    spec = line_charts.cumulative_chart(series, "fr", "Réunions", targets,
                                           description="Réunions tenues").to_dict()
    line, ends, rule, point, label = encodings(spec)
    assert (line["x"]["field"], line["x"]["type"]) == ("month", "temporal")
    assert (line["y"]["field"], line["y"]["type"], line["y"]["title"]) == ("value", "quantitative",
                                                                          "Réunions")
    assert line["strokeDash"]["field"] == line["color"]["field"] == "series"
    assert ends["text"]["field"] == "value"
    assert (rule["y"]["field"], rule["y"]["type"]) == ("target", "quantitative")
    assert (point["x"]["field"], point["x"]["type"]) == ("deadline", "temporal")
    assert label["text"]["field"] == "label"
    assert layers(spec)[2]["mark"]["type"] == "rule"
    assert {"label": "Cible : 90 au 31 déc. 2026"}.items() <= next(
        row for row in inline_rows(spec) if "label" in row).items()
    assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}


def test_cumulative_series_reaches_the_as_of_month_and_targets_speak(tiny_cursor):
    labels = {"meetings_held": "Tenues", "public_meetings_held": "Publiques"}
    series = meeting_views.cumulative_series(figures.meetings_cumulative(tiny_cursor, AS_OF), labels,
                                               AS_OF)
    held = series[series["series"] == "Tenues"]
    # Months with a meeting: Feb 2024 (R1), Mar 2024 (R2), Jan 2025 (R3), May 2025 (R4),
    # Jun 2025 (R5); then carried to July 2025, the as-of month.
    assert held["value"].tolist() == [1, 2, 3, 4, 5, 5]
    assert held["month"].iloc[-1] == pd.Timestamp("2025-07-01")
    assert series[series["series"] == "Publiques"]["value"].tolist() == [1, 1, 2, 2, 3, 3]
    targets = pd.DataFrame({"indicator": ["meetings_held", "participants"], "target": [12.0, 10.0],
                            "deadline": pd.to_datetime(["2026-12-31", "2026-12-31"]),
                            "commitment_id": [None, None]})
    rows = meeting_views.target_rows(targets, labels, "en")
    assert rows.to_dict("records") == [{"series": "Tenues", "target": 12.0, "deadline": date(2026, 12, 31),
                                        "label": "Target: 12 by 31 Dec 2026"}]


# ---------------------------------------------------------------- labelled bars, "< 5"

def test_labelled_bars_suppressed_cell_has_a_label_but_no_bar(tiny_cursor):
    by_age = figures.participation_by(tiny_cursor, AS_OF, "age_group")
    rows = participation_views.demographic_rows(by_age, "age_group", "fr", public=True)
    # Tiny, as of 1 July 2025: nobody under 18 (0 < 5: hidden in public mode), 18-24: 100,
    # 25-39: 25, 40-59: 0 (hidden), 60+: 15; unknown 1 200 + 40 + 300 + 60 = 1 600.
    assert rows["text"].tolist() == ["< 5", f"100 (6{NNBSP}%)", f"25 (1{NNBSP}%)", "< 5",
                                     f"15 (1{NNBSP}%)", f"1{NNBSP}600 (92{NNBSP}%)"]
    assert rows["kind"].tolist() == ["suppressed", "known", "known", "suppressed", "known", "unknown"]
    spec = bar_charts.labelled_bars(rows, "fr", "Participants", description="Par tranche d'âge").to_dict()
    bars, labels = encodings(spec)
    assert (bars["x"]["field"], bars["x"]["type"]) == ("value", "quantitative")
    assert (bars["y"]["field"], bars["y"]["type"]) == ("label", "nominal")
    assert labels["text"]["field"] == "text"
    data = {row["label"]: row for row in inline_rows(spec)}
    assert data["Moins de 18 ans"]["value"] is None  # no bar...
    assert data["Moins de 18 ans"]["text"] == privacy.small_cell_label("fr")  # ...but "< 5"
    assert data["Moins de 18 ans"]["text_at"] == 0
    assert data["Âge inconnu"]["kind"] == "unknown"
    assert bars["y"]["sort"] == rows["label"].tolist()


def test_demographic_rows_internal_mode_shows_every_count(tiny_cursor):
    by_gender = figures.participation_by(tiny_cursor, AS_OF, "gender")
    rows = participation_views.demographic_rows(by_gender, "gender", "en", public=False)
    assert rows["label"].tolist() == ["Women", "Men", "Other", "Gender unknown"]
    assert rows["value"].tolist() == [25, 15, 100, 1600]
    assert "< 5" not in rows["text"].tolist()
    table = participation_views.demographic_table(rows, "gender", "en")
    assert table.columns.tolist() == ["Gender", "Participations", "Share"]
    assert table["Participations"].tolist() == [25, 15, 100, 1600]
    # 1 600 of 1 740 participants: 92 %.
    assert wording.share_text(participation_views.unknown_share(by_gender), "en") == "92%"


def test_demographic_table_in_public_mode_is_text_with_small_cells_hidden(tiny_cursor):
    rows = participation_views.demographic_rows(figures.participation_by(tiny_cursor, AS_OF, "age_group"),
                                            "age_group", "en", public=True)
    table = participation_views.demographic_table(rows, "age_group", "en")
    assert table["Participations"].tolist() == ["< 5", "100", "25", "< 5", "15", "1,600"]
    assert table["Share"].tolist()[0] == "—"


# ---------------------------------------------------------------- the sector map

def test_tile_positions_cover_the_17_sectors_once_each():
    assert set(sectors.TILE_POSITIONS) == set(schema.SECTORS)
    assert len(set(sectors.TILE_POSITIONS.values())) == 17
    # Paris Centre in the middle; the snail turns clockwise: 5th south of it, 11th east.
    row, column = sectors.TILE_POSITIONS["centre"]
    assert sectors.TILE_POSITIONS["5"] == (row + 1, column)
    assert sectors.TILE_POSITIONS["11"] == (row, column + 1)
    assert sectors.TILE_POSITIONS["18"][0] == 0  # north at the top


def test_tile_map_has_17_tiles_named_and_valued(tiny_cursor):
    by_sector = figures.participation_by(tiny_cursor, AS_OF, "sector")
    tiles = sectors.sector_values(by_sector, "participants", "fr")
    spec = sectors.sector_tile_map(tiles, "fr", "Participants",
                                   description="Participants par secteur").to_dict()
    rects, names, values = encodings(spec)
    assert layers(spec)[0]["mark"]["type"] == "rect"
    assert (rects["x"]["field"], rects["x"]["type"]) == ("column", "ordinal")
    assert (rects["y"]["field"], rects["y"]["type"]) == ("row", "ordinal")
    assert (rects["color"]["field"], rects["color"]["type"], rects["color"]["title"]) == (
        "value", "quantitative", "Participants")
    assert rects["color"]["scale"]["scheme"] == sectors.COLOUR_SCHEME
    assert names["text"]["field"] == "name" and values["text"]["field"] == "value_text"
    rows = inline_rows(spec)
    assert len(rows) == 17
    assert len({(row["row"], row["column"]) for row in rows}) == 17
    by_name = {row["name"]: row for row in rows}
    # Arrondissements 1 and 4 folded into Paris Centre: 25 + 15 = 40; the 11th 40, the 16th
    # 100, the 20th 300; every other sector 0; city-wide (1 260) is not on the map.
    assert by_name["Centre"]["value"] == 40
    assert (by_name["11e"]["value"], by_name["16e"]["value"], by_name["20e"]["value"]) == (40, 100, 300)
    assert sum(row["value"] for row in rows) == 480
    assert by_name["20e"]["value_text"] == "300"
    assert by_name["20e"]["full_name"] == "20e arrondissement"


def test_tile_map_in_english_and_thousands(tiny_cursor):
    tiles = sectors.sector_values(pd.DataFrame({"group_key": ["15", "citywide"],
                                                "participants": [22695.0, 5.0]}), "participants", "en")
    spec = sectors.sector_tile_map(tiles, "en", "Participants").to_dict()
    by_sector = {row["sector"]: row for row in inline_rows(spec)}
    assert by_sector["15"]["name"] == "15th"
    assert by_sector["15"]["value_text"] == "22,695"
    assert by_sector["centre"]["name"] == "Centre"
    assert "citywide" not in by_sector


def square(x: float, y: float, size: float = 0.01) -> list:
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


def write_geojson(folder: Path, numbers=range(1, 21), key: str = "c_ar") -> Path:
    features = [{"type": "Feature", "properties": {key: number, "l_ar": f"{number}e Ardt"},
                 "geometry": {"type": "Polygon", "coordinates": square(2.30 + 0.01 * (number % 5),
                                                                       48.84 + 0.01 * (number // 5))}}
                for number in numbers]
    path = folder / sectors.BOUNDARIES_FILE
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def test_real_boundaries_when_the_folder_has_them(tmp_path):
    write_geojson(tmp_path)
    boundaries = sectors.read_boundaries(tmp_path)
    assert boundaries is not None and len(boundaries["features"]) == 20
    tiles = sectors.sector_values(pd.DataFrame({"group_key": ["centre", "11"],
                                                "participants": [40.0, 7.0]}), "participants", "fr")
    chart = sectors.sector_map(tiles, "fr", "Participants", boundaries)
    spec = chart.to_dict()
    shapes, names, values = encodings(spec)
    assert layers(spec)[0]["mark"]["type"] == "geoshape"
    assert spec["projection"]["type"] == "mercator"
    assert (shapes["color"]["field"], shapes["color"]["type"]) == ("properties.value", "quantitative")
    features = layers(spec)[0]["data"]["values"]
    by_number = {f["properties"]["c_ar"]: f["properties"] for f in features}
    # The 1st to 4th all carry Paris Centre's value: they read as one sector.
    assert {by_number[n]["value"] for n in (1, 2, 3, 4)} == {40.0}
    assert by_number[11]["value"] == 7.0 and by_number[12]["value"] == 0.0
    labels = inline_rows(spec)
    assert len(labels) == 17  # one label per sector, not per arrondissement
    assert (names["longitude"]["field"], names["latitude"]["field"]) == ("longitude", "latitude")
    centre = next(row for row in labels if row["name"] == "Centre")
    assert centre["value_text"] == "40"
    assert values["text"]["field"] == "value_text"


def test_rings_are_wound_as_the_projection_reads_them(tmp_path):
    # Counter-clockwise outer rings (RFC 7946) would be read by d3-geo as the whole world
    # minus the arrondissement, painting over the map: they are turned clockwise.
    write_geojson(tmp_path)
    counter_clockwise = json.loads((tmp_path / sectors.BOUNDARIES_FILE).read_text(encoding="utf-8"))
    assert sectors._signed_area(counter_clockwise["features"][0]["geometry"]["coordinates"][0]) > 0
    counter_clockwise["features"][0]["geometry"] = {
        "type": "MultiPolygon", "coordinates": [square(2.3, 48.8), square(2.4, 48.8)[::-1]]}
    (tmp_path / sectors.BOUNDARIES_FILE).write_text(json.dumps(counter_clockwise), encoding="utf-8")
    boundaries = sectors.read_boundaries(tmp_path)
    for feature in boundaries["features"]:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        assert all(sectors._signed_area(polygon[0]) < 0 for polygon in polygons)


def test_no_or_unusable_boundaries_mean_the_tile_map(tmp_path):
    assert sectors.read_boundaries(tmp_path) is None
    write_geojson(tmp_path, numbers=range(1, 12))  # not every arrondissement
    assert sectors.read_boundaries(tmp_path) is None
    write_geojson(tmp_path, key="code")  # not opendata.paris.fr's property
    assert sectors.read_boundaries(tmp_path) is None
    (tmp_path / sectors.BOUNDARIES_FILE).write_text("{not json", encoding="utf-8")
    assert sectors.read_boundaries(tmp_path) is None
    tiles = sectors.sector_values(pd.DataFrame({"group_key": [], "participants": []}), "participants", "fr")
    spec = sectors.sector_map(tiles, "fr", "Participants", None).to_dict()
    assert layers(spec)[0]["mark"]["type"] == "rect"
    assert len(inline_rows(spec)) == 17


# ---------------------------------------------------------------- participation by month

def test_participation_by_month_chart(tiny_cursor):
    data = figures.participation_by_month(tiny_cursor, AS_OF)
    for lang, measure, title, legend in (("fr", "participants", "Participations", "Activité"),
                                         ("en", "contributions", "Contributions", "Activity")):
        spec = participation_charts.participation_by_month(data, lang, measure).to_dict()
        bars = encodings(spec)[0]
        assert (bars["x"]["field"], bars["x"]["type"]) == ("month", "temporal")
        assert (bars["y"]["field"], bars["y"]["aggregate"], bars["y"]["type"]) == (
            measure, "sum", "quantitative")
        assert bars["y"]["title"] == title
        assert (bars["color"]["field"], bars["color"]["title"]) == ("activity_label", legend)
        assert spec["description"] == text.t("participation.trend", lang)
    rows = inline_rows(participation_charts.participation_by_month(data, "fr").to_dict())
    assert sum(row["participants"] for row in rows) == 1740
    with pytest.raises(ValueError):
        participation_charts.participation_by_month(data, "fr", "people")


def test_charts_of_an_empty_plan_still_validate():
    empty_months = pd.DataFrame({"month": [], "meeting_type": [], "state": [], "meetings": []})
    meeting_charts.meetings_by_month_chart(empty_months, "fr", AS_OF).to_dict()
    participation_charts.participation_by_month(
        pd.DataFrame({"month": [], "activity": [], "participants": [], "contributions": []}), "en").to_dict()
    line_charts.cumulative_chart(pd.DataFrame({"month": [], "series": [], "value": []}), "fr",
                                    "Réunions").to_dict()


# ---------------------------------------------------------------- the figures behind them

def test_empty_filters_count_every_row(tiny_cursor):
    nothing_chosen = figures.Filters(commitments=[], meeting_types=(), activities=None)
    assert nothing_chosen == figures.NO_FILTERS and not nothing_chosen.chosen
    every_type = figures.Filters(meeting_types=schema.MEETING_TYPES)
    for group in figures.MEETING_GROUPS:
        pd.testing.assert_frame_equal(figures.meetings_by(tiny_cursor, AS_OF, group, every_type),
                                      figures.meetings_by(tiny_cursor, AS_OF, group))
    summary = figures.headline(tiny_cursor, AS_OF)
    totals = figures.meeting_totals(tiny_cursor, AS_OF)
    assert (totals["held"], totals["planned"], totals["public_held"]) == (
        summary["meetings"]["held"], summary["meetings"]["planned"], summary["meetings"]["public_held"])
    assert figures.participation_totals(tiny_cursor, AS_OF)["participants"] == (
        summary["participation"]["participants"])


def test_meeting_figures_of_the_tiny_fixture(tiny_cursor):
    # As of 1 July 2025: R1-R5 held, R6 and R7 planned; public R1, R3, R5; attendees
    # 120 + 12 + 10 + 35 = 177 known, R3 unknown; organisations 5 + 4 = 9, R1, R3, R5 unknown.
    assert figures.meeting_totals(tiny_cursor, AS_OF) == {
        "held": 5, "planned": 2, "public_held": 3, "internal_held": 2, "attendees_known": 177,
        "attendees_unknown": 1, "organisations_known": 9, "organisations_unknown": 3}
    # Filters: steering committees R2, R4 held and R6 planned; co-creation R1, R2; C1 only R3.
    steering = figures.Filters(meeting_types=["steering_committee"])
    assert figures.meeting_totals(tiny_cursor, AS_OF, steering)["planned"] == 1
    assert figures.meeting_totals(tiny_cursor, AS_OF, figures.Filters(phases=["co_creation"]))["held"] == 2
    only_c1 = figures.meeting_totals(tiny_cursor, AS_OF, figures.Filters(commitments=["C1"]))
    assert (only_c1["held"], only_c1["attendees_known"], only_c1["attendees_unknown"]) == (1, None, 1)
    assert figures.meeting_totals(tiny_cursor, AS_OF, figures.Filters(meeting_types=())) == (
        figures.meeting_totals(tiny_cursor, AS_OF))
    # The co-creation's public meetings: R1 alone (R2 is internal).
    co_creation = figures.co_creation(tiny_cursor, AS_OF)
    assert (co_creation["meetings"], co_creation["first_date"], co_creation["attendees_known"],
            co_creation["organisations_known"], co_creation["organisations_unknown"]) == (
        1, date(2024, 2, 1), 120, None, 1)
    assert figures.co_creation(tiny_cursor, date(2024, 1, 1))["meetings"] == 0


def test_unknown_is_said_not_counted_as_zero():
    assert wording.known_and_unknown(1234, 5, "en") == "1,234 known + 5 meetings unknown"
    assert wording.known_and_unknown(177, 1, "fr") == "177 connus + 1 réunion au nombre inconnu"
    assert wording.known_and_unknown(None, 3, "fr") == "inconnu pour les 3 réunions"
    assert wording.known_and_unknown(None, 1, "en") == "unknown for the one meeting"
    assert wording.known_and_unknown(120, 0, "en") == "known for every meeting"
    assert wording.count_or_unknown(None, "fr") == "inconnu"
    assert wording.count_or_unknown(0, "fr") == "0"
    assert wording.percent(1, 1000, "fr") == f"< 1{NNBSP}%"
    assert wording.percent(0, 1000, "en") == "0%"
    assert wording.percent(3, 0, "en") == "—"


def test_participation_figures_of_the_tiny_fixture(tiny_cursor):
    # As of 1 July 2025 (the 20 Sept 2025 record excluded): participants
    # 1 200 + 25 + 15 + 40 + 300 + 100 + 60 = 1 740; contributions 340 + 10 + 0 + 5 + 12 + 50 + 0.
    assert figures.participation_totals(tiny_cursor, AS_OF) == {
        "participants": 1740, "contributions": 417, "records": 7, "all_records": 8}
    by_sector = figures.participation_by(tiny_cursor, AS_OF, "sector")
    assert sector_views.citywide(by_sector) == 1260  # 1 200 online + 60 volunteers
    table = sector_views.sector_table(by_sector, "fr")
    assert len(table) == 18  # 17 sectors, then city-wide
    assert table.iloc[0].tolist() == ["Paris Centre", 40, 10, f"2{NNBSP}%"]
    assert table.iloc[-1].tolist() == ["Toute la ville / en ligne", 1260, 340, f"72{NNBSP}%"]
    only_workshops = figures.participation_totals(tiny_cursor, AS_OF,
                                                  figures.Filters(activities=["citizen_workshop"]))
    assert only_workshops["participants"] == 40
    only_c2 = figures.Filters(commitments=["C2"])
    assert figures.participation_totals(tiny_cursor, AS_OF, only_c2)["participants"] == 60


def test_tables_translate_headers_and_values(tiny_cursor):
    labels = label_views.commitment_labels(figures.commitment_titles(tiny_cursor), "en")
    assert labels == {"C1": "C1 · Citizens' assembly", "C2": "C2 · European citizenship"}
    upcoming = meeting_views.meeting_rows(figures.meetings(tiny_cursor, AS_OF), "fr", labels,
                                            state="planned")
    assert upcoming.columns.tolist() == ["Date", "Type de réunion", "Intitulé", "Engagement", "Secteur",
                                         "Publique ou interne", "Personnes présentes"]
    assert upcoming["Date"].tolist() == ["1er oct. 2025", "1er mars 2026"]
    assert upcoming["Type de réunion"].tolist() == ["Comité de pilotage", "Réunion publique"]
    assert upcoming["Personnes présentes"].tolist() == ["9", "inconnu"]
    by_type = figures.meetings_by(tiny_cursor, AS_OF, "meeting_type")
    numbers = meeting_views.meetings_group_table(by_type, "meeting_type", "en").set_index("Meeting type")
    row = numbers.loc["Citizen workshop"]
    assert (row["Held"], row["Meetings with attendance unknown"]) == (1, 1)
    assert pd.isna(row["Attendees (known numbers)"])  # unknown, not 0
    words = meeting_views.attendance_table(by_type, "en").set_index("Meeting type")
    assert words.loc["Citizen workshop", "Attendees"] == "unknown for the one meeting"
    assert words.loc["Steering committee"].tolist() == ["2", "1", "22", "9"]
    assert words.loc["Neighbourhood council", "Organisations represented"] == "unknown for the one meeting"
