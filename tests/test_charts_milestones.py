"""Chart functions and table builders of the commitments and milestones pages, without a browser.

`chart.to_dict()` validates the spec against the Vega-Lite schema; the encodings, titles and the
data the chart draws are asserted on `tests/fixtures/tiny/` (figures worked out by hand in
`test_app_milestones.py` and `test_app_commitments.py`).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from helpers import TINY

from ogp_metrics import figures
from ogp_metrics.charts import base as chart_base
from ogp_metrics.charts import milestones as milestone_charts
from ogp_metrics.charts import progress as progress_charts
from ogp_metrics.charts.palette import STATUS_COLOURS, STATUS_SHAPES
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.views import commitments as commitment_views
from ogp_metrics.views import labels
from ogp_metrics.views import meetings as meeting_views
from ogp_metrics.views import milestones as milestone_views

A = date(2025, 6, 30)
B = date(2025, 12, 31)


@pytest.fixture(scope="module")
def cursor():
    plan = load_plan(TINY)
    yield plan.cursor()
    plan.connection.close()


def layers(spec: dict) -> list[dict]:
    return spec["layer"]


def layer_with_mark(spec: dict, mark: str, text_field: str | None = None) -> dict:
    [layer] = [layer for layer in layers(spec) if layer["mark"]["type"] == mark
               and (text_field is None or layer["encoding"]["text"]["field"] == text_field)]
    return layer


def rows(spec: dict) -> list[dict]:
    return [row for dataset in spec["datasets"].values() for row in dataset]


# ---------------------------------------------------------------- the milestone timeline

@pytest.mark.parametrize("lang, period, status, overdue", [
    ("fr", "Période prévue, du début à l'échéance", "Statut", "En retard · 91 j"),
    ("en", "Planned period, from start to due date", "Status", "Overdue · 91 d"),
])
def test_timeline_encodings_and_titles(cursor, lang, period, status, overdue):
    spec = milestone_charts.milestone_timeline(figures.milestones(cursor, A), A, lang).to_dict()
    bars = layer_with_mark(spec, "bar")
    assert bars["encoding"]["x"]["field"] == "start_date"
    assert bars["encoding"]["x"]["type"] == "temporal"
    assert bars["encoding"]["x"]["axis"]["title"] == period
    assert bars["encoding"]["x2"]["field"] == "due_date"
    assert bars["encoding"]["y"]["field"] == "milestone"
    assert bars["encoding"]["y"]["type"] == "nominal"
    assert bars["encoding"]["color"]["title"] == status
    # Colours follow the status palette, over the translated labels.
    colour = bars["encoding"]["color"]["scale"]
    assert colour["range"] == [STATUS_COLOURS[s] for s in ("complete", "in_progress", "not_started",
                                                           "overdue")]
    assert len(colour["domain"]) == 4 and ("En retard" if lang == "fr" else "Overdue") in colour["domain"]

    # Status by shape as well as colour: each status has its own mark.
    markers = layer_with_mark(spec, "point")
    assert markers["encoding"]["shape"]["field"] == "status"
    assert markers["encoding"]["shape"]["title"] == status
    assert "triangle-down" in markers["encoding"]["shape"]["scale"]["range"]
    assert markers["encoding"]["shape"]["scale"]["range"] == [
        STATUS_SHAPES[s] for s in ("complete", "in_progress", "not_started", "overdue")]
    assert markers["encoding"]["x"] == {"field": "marker_date", "type": "temporal"}

    # ... and by words: the overdue ones are labelled.
    label = layer_with_mark(spec, "text", "overdue_label")
    assert label["transform"][-1] == {"filter": "(datum.overdue_label !== '')"}
    assert label["encoding"]["text"]["field"] == "overdue_label"
    assert label["encoding"]["x"] == {"field": "as_of", "type": "temporal"}  # right of the as-of line
    data = rows(spec)
    assert [row["overdue_label"] for row in data] == ["", "", "", overdue, ""]
    assert [row["status"] for row in data][3] == ("En retard" if lang == "fr" else "Overdue")

    # The as-of line: a rule at the as-of date, drawn once.
    rule = layer_with_mark(spec, "rule")
    assert rule["encoding"]["x"] == {"field": "as_of", "type": "temporal"}
    assert {row["as_of"] for row in data} == {"2025-06-30T00:00:00"}
    assert sum(row["first"] for row in data) == 1
    assert rule["transform"] == [{"filter": "datum.first"}]
    # The time axis leaves room on the right for the "late" words.
    # From 2024-01-01 to 2026-06-30 is 911 days: 2 % (18 days) before, 24 % (219 days) after.
    domain = bars["encoding"]["x"]["scale"]["domain"]
    assert domain == [{"year": 2023, "month": 12, "date": 14}, {"year": 2027, "month": 2, "date": 4}]

    # French dates and numbers on the axes.
    months = spec["config"]["locale"]["time"]["shortMonths"]
    assert months[1] == ("févr." if lang == "fr" else "Feb")


def test_timeline_marks_the_completion_date_of_complete_milestones(cursor):
    data = milestone_charts.timeline_data(figures.milestones(cursor, B), B, "fr")
    by_id = data.set_index("milestone_id")
    # C1-M1 completed 2024-11-15 (due 2024-12-31): its mark sits on the completion date.
    assert by_id.loc["C1-M1", "marker_date"] == pd.Timestamp("2024-11-15")
    assert by_id.loc["C2-M1", "marker_date"] == pd.Timestamp("2025-07-15")
    # Not complete: on the due date, and no completion shown.
    assert by_id.loc["C1-M2", "marker_date"] == pd.Timestamp("2025-09-30")
    assert pd.isna(by_id.loc["C1-M2", "completed_date"])
    assert by_id["overdue_label"].tolist() == ["", "En retard · 92 j", "", "", "En retard · 184 j"]
    assert by_id.loc["C1-M3", "owner"] == "Non attribué"
    assert by_id.loc["C1-M3", "progress"] == "25\u202f%"


def test_timeline_grouped_by_commitment(cursor):
    titles = {"C1": "C1 · Assemblée citoyenne", "C2": "C2 · Citoyenneté européenne"}
    chart = milestone_charts.milestone_timeline(figures.milestones(cursor, A), A, "fr",
                                                commitment_titles=titles)
    spec = chart.to_dict()
    # One chart (not facets): it fits the page's width and keeps one time axis and one as-of line.
    assert spec["width"] == "container"
    data = rows(spec)
    assert [(row["kind"], row["milestone_id"]) for row in data] == [
        ("header", ""), ("milestone", "C1-M1"), ("milestone", "C1-M2"), ("milestone", "C1-M3"),
        ("header", ""), ("milestone", "C2-M1"), ("milestone", "C2-M2")]
    assert [row["group"] for row in data if row["kind"] == "header"] == list(titles.values())
    assert sum(row["first"] for row in data) == 1
    # The group's title is written across its row, its axis label left blank.
    header_text = [
        layer for layer in layers(spec) if layer["mark"]["type"] == "text"][0]
    assert header_text["encoding"]["text"]["field"] == "group"
    assert header_text["transform"] == [{"filter": "(datum.kind === 'header')"}]
    assert layer_with_mark(spec, "rect")["encoding"]["x2"] == {"value": "width"}
    assert "indexof(datum.value" in layer_with_mark(spec, "bar")["encoding"]["y"]["axis"]["labelExpr"]
    assert layer_with_mark(spec, "rule")["encoding"]["x"]["field"] == "as_of"


def test_timeline_keeps_milestones_that_share_a_title_apart(cursor):
    milestones = figures.milestones(cursor, A)
    milestones.loc[milestones["milestone_id"] == "C2-M2", "title_fr"] = "Tirage au sort"
    data = milestone_charts.timeline_data(milestones, A, "fr")
    assert data["milestone"].tolist() == ["Tirage au sort (C1-M1)", "Première session", "Rapport final",
                                          "Campagne d'inscription", "Tirage au sort (C2-M2)"]


def test_timeline_of_one_commitment_is_a_plain_layer(cursor):
    milestones = figures.milestones(cursor, A)
    spec = milestone_charts.milestone_timeline(milestones[milestones["commitment_id"] == "C2"], A,
                                               "en").to_dict()
    assert "facet" not in spec
    assert [row["milestone"] for row in rows(spec)] == ["Registration campaign", "Public debates"]


# ---------------------------------------------------------------- a commitment over time

def test_progress_series_adds_the_completion(cursor):
    series = figures.progress_series(cursor, B, figures.Filters(commitments=["C1"]))
    assert series[["milestone_id", "progress_pct", "source"]].values.tolist() == [
        ["C1-M1", 50.0, "update"], ["C1-M1", 100.0, "completion"], ["C1-M2", 20.0, "update"],
        ["C1-M2", 40.0, "update"], ["C1-M2", 90.0, "update"], ["C1-M3", 25.0, "update"]]
    assert series["date"].dt.date.tolist()[1] == date(2024, 11, 15)
    # Only what happened by the date.
    assert len(figures.progress_series(cursor, A, figures.Filters(commitments=["C1"]))) == 4
    assert len(figures.progress_series(cursor, B)) == 10


@pytest.mark.parametrize("lang, title", [("fr", "Avancement (%)"), ("en", "Progress (%)")])
def test_progress_history_chart(cursor, lang, title):
    series = figures.progress_series(cursor, B, figures.Filters(commitments=["C1"]))
    spec = progress_charts.progress_history(series, lang).to_dict()
    line = layer_with_mark(spec, "line")
    assert line["mark"]["interpolate"] == "step-after"
    assert line["encoding"]["x"]["field"] == "date" and line["encoding"]["x"]["type"] == "temporal"
    assert line["encoding"]["y"]["field"] == "progress_pct"
    assert line["encoding"]["y"]["type"] == "quantitative"
    assert line["encoding"]["y"]["axis"]["title"] == title
    assert line["encoding"]["y"]["scale"]["domain"] == [0, 100]
    points = layer_with_mark(spec, "point")
    assert points["encoding"]["shape"]["field"] == "milestone"
    assert points["encoding"]["color"]["title"] == ("Jalon" if lang == "fr" else "Milestone")
    names = (["Tirage au sort", "Première session", "Rapport final"] if lang == "fr"
             else ["Drawing lots", "First session", "Final report"])
    assert points["encoding"]["color"]["scale"]["domain"] == names
    assert len(rows(spec)) == 6


@pytest.mark.parametrize("lang, levels, assessors", [
    ("fr", ["Achevé", "Substantiel", "Limité", "Non commencé", "Retiré"],
     ["Ville de Paris", "Évaluation indépendante"]),
    ("en", ["Complete", "Substantial", "Limited", "Not started", "Withdrawn"],
     ["City of Paris", "Independent assessment"]),
])
def test_assessment_history_chart(cursor, lang, levels, assessors):
    history = figures.assessment_history(cursor, B, figures.Filters(commitments=["C1"]))
    spec = progress_charts.assessment_history(history, lang).to_dict()
    points = layer_with_mark(spec, "point")
    assert points["encoding"]["x"]["field"] == "date" and points["encoding"]["x"]["type"] == "temporal"
    assert points["encoding"]["y"]["field"] == "completion"
    assert points["encoding"]["y"]["type"] == "ordinal"
    assert points["encoding"]["y"]["scale"]["domain"] == levels
    assert points["encoding"]["color"]["scale"]["domain"] == assessors
    assert points["encoding"]["shape"]["scale"]["range"] == ["circle", "square"]
    assert [(row["assessor"], row["completion"]) for row in rows(spec)] == [
        (assessors[0], levels[2]), (assessors[1], levels[2]), (assessors[0], levels[1])]


def test_charts_of_empty_frames_still_validate(cursor):
    nothing = date(2020, 1, 1)
    none = figures.milestones(cursor, nothing).iloc[0:0]
    milestone_charts.milestone_timeline(none, nothing, "fr").to_dict()
    progress_charts.progress_history(figures.progress_series(cursor, nothing), "fr").to_dict()
    progress_charts.assessment_history(figures.assessment_history(cursor, nothing), "en").to_dict()


# ---------------------------------------------------------------- table builders

def test_filters_of_the_commitments(cursor):
    commitments = figures.commitments(cursor, A)
    assert commitment_views.institution_options(commitments) == ["DDCT", "DGRI"]
    assert commitment_views.value_options(commitments) == ["access_to_information", "civic_participation"]

    def ids(**chosen) -> list[str]:
        return figures.commitments(cursor, A, figures.Filters(**chosen))["commitment_id"].tolist()

    assert ids() == ["C1", "C2"]
    assert ids(institutions=["DGRI"]) == ["C2"]
    assert ids(values=["access_to_information"]) == ["C2"]
    assert ids(values=["civic_participation"]) == ["C1", "C2"]
    assert ids(institutions=["DDCT"], values=["access_to_information"]) == []


def test_filters_of_the_milestones(cursor):
    milestones = figures.milestones(cursor, B)
    assert milestone_views.owner_options(milestones) == ["DDCT", "DGRI", labels.NO_OWNER]

    def ids(**chosen) -> list[str]:
        return figures.milestones(cursor, B, figures.Filters(**chosen))["milestone_id"].tolist()

    assert ids(statuses=["overdue"]) == ["C1-M2", "C2-M2"]
    assert ids(owners=["DGRI"]) == ["C2-M1", "C2-M2"]
    assert ids(owners=[labels.NO_OWNER]) == ["C1-M3"]
    assert ids(statuses=["overdue"], owners=["DDCT"]) == ["C1-M2"]


def test_progress_and_assessment_tables_in_public_mode_have_no_staff_columns(cursor):
    series = figures.progress_series(cursor, B, figures.Filters(commitments=["C1"]))
    assert list(commitment_views.progress_rows(series, "fr").columns) == [
        "Date", "Jalon", "Avancement", "Commentaire interne", "Saisi par"]
    assert list(commitment_views.progress_rows(series, "fr", public=True).columns) == [
        "Date", "Jalon", "Avancement"]
    history = figures.assessment_history(cursor, B, figures.Filters(commitments=["C2"]))
    internal = commitment_views.assessment_rows(history, "en")
    assert internal["Internal note"].tolist() == ["", "Retiré : remplacé par un autre engagement"]
    assert "Internal note" not in commitment_views.assessment_rows(history, "en", public=True).columns


def test_meeting_rows_show_unknown_attendance_as_unknown(cursor):
    meetings = figures.meetings(cursor, A)
    rows_ = meeting_views.meeting_rows(meetings[meetings["commitment_id"] == "C1"], "en")
    assert rows_["Attendees"].tolist() == ["unknown"]
    assert rows_["Public or internal"].tolist() == ["Public"]


def test_time_axes_tick_on_whole_months_never_twice_the_same():
    def step(first: str, last: str) -> dict:
        return chart_base.time_axis([pd.Timestamp(first), pd.Timestamp(last)]).to_dict()["tickCount"]

    assert step("2023-10-05", "2024-06-28") == {"interval": "month", "step": 1}  # 9 months
    assert step("2024-01-01", "2025-06-30") == {"interval": "month", "step": 2}  # 18 months
    assert step("2023-09-01", "2026-12-31") == {"interval": "month", "step": 6}  # 40 months
    assert chart_base.time_axis([]).to_dict()["format"] == "%b %Y"
