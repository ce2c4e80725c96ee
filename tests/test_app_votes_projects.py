"""The "Votes and projects" page as Streamlit renders it, and the site's and the briefing's
sections, over the tiny folder with `tests/fixtures/events/` laid over it (values worked out by
hand in `test_votes_projects_views.py`): as of 31 Dec 2025, vote V1 with turnout 200 / 3 200 =
6.25 % -> 6,3 %, Pour 100 (51,3 %), Contre 95 (48,7 %); 5 projects over 3 editions, 1 420 000 €,
P1 (June 2024) and P3 (February 2025) delivered: 2 of 5 = 40 %."""

from __future__ import annotations

import json
import shutil
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from helpers import TINY, new_app
from pypdf import PdfReader

from ogp_metrics.ingest.load import load_plan
from ogp_metrics.outputs.briefing import briefing_pdf
from ogp_metrics.outputs.site import publish_site

EVENTS = Path(__file__).resolve().parent / "fixtures" / "events"
PAGE = "app_pages/votes_projects.py"
NNBSP, NBSP = "\u202f", "\u00a0"

pytestmark = pytest.mark.usefixtures("fresh_streamlit_caches")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("votes") / "data"
    shutil.copytree(TINY, target)
    for path in EVENTS.glob("*.csv"):
        shutil.copy(path, target / path.name)
    return target


def open_page(monkeypatch, folder: Path, **params: str):
    app = new_app(monkeypatch, folder, as_of="2025-12-31", **params)
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def metrics(app) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def test_the_page_in_french(monkeypatch, folder):
    app = open_page(monkeypatch, folder)
    assert [header.value for header in app.header] == [
        "Événements",
        "Votations",
        "Projets décidés (budget participatif)",
    ]
    assert any("3 événements, dont 1 votation avec résultats" in block.value for block in app.markdown)
    found = metrics(app)
    assert found["Participation"] == f"6,3{NNBSP}%"
    assert (found["Votants"], found["Inscrits"], found["Blancs et nuls"]) == ("200", f"3{NNBSP}200", "5")
    assert found["Projets lauréats"] == "5"
    assert found["Budget des projets"] == f"1{NNBSP}420{NNBSP}000{NBSP}€"
    assert found["Part livrée"] == f"40{NNBSP}%"
    specs = [json.loads(element.proto.spec) for element in app.get("vega_lite_chart")]
    rate_map = next(
        spec
        for spec in specs
        if spec.get("description", "").startswith("Carte des secteurs de Paris, Participation")
    )
    assert rate_map["layer"][0]["encoding"]["color"]["title"] == "Participation (% des inscrits)"
    # Every chart has its data table (and a download) under it, in internal mode.
    assert len(app.get("download_button")) >= len(specs)


def test_the_map_switches_to_a_count_of_voters(monkeypatch, folder):
    app = open_page(monkeypatch, folder, lang="en")
    app.segmented_control(key="votes_map_measure").set_value("voters").run()
    specs = [json.loads(element.proto.spec) for element in app.get("vega_lite_chart")]
    titles = [
        spec["layer"][0]["encoding"]["color"].get("title")
        for spec in specs
        if "layer" in spec and "color" in spec["layer"][0].get("encoding", {})
    ]
    assert "Voters (number)" in titles and "Turnout (% of registered)" not in titles


def test_public_mode_is_projected_and_shows_no_staff_list(monkeypatch, folder):
    app = open_page(monkeypatch, folder, mode="public", lang="en")
    assert not app.get("download_button")
    specs = [json.loads(element.proto.spec) for element in app.get("vega_lite_chart")]
    assert specs and all(
        spec["config"]["axis"]["labelFontSize"] >= 20 for spec in specs if "axis" in spec["config"]
    )
    assert not any(block.value == "**The projects**" for block in app.markdown)


def test_site_and_briefing_carry_the_hand_worked_figures(folder, tmp_path):
    plan = load_plan(folder)
    try:
        publish_site(plan, tmp_path / "site", date(2025, 12, 31))
        french = (tmp_path / "site" / "fr" / "votes.html").read_text(encoding="utf-8")
        english = (tmp_path / "site" / "en" / "votes.html").read_text(encoding="utf-8")
        commitments = (tmp_path / "site" / "fr" / "commitments.html").read_text(encoding="utf-8")
        pdf = briefing_pdf(plan, date(2025, 12, 31), "fr")
    finally:
        plan.connection.close()
    assert f"6,3{NNBSP}% (200 votants sur 3{NNBSP}200 inscrits)" in french
    assert f"51,3{NNBSP}%" in french and f"48,7{NNBSP}%" in french
    assert f"1{NNBSP}420{NNBSP}000{NBSP}€" in french
    assert "6.3% (200 voters of 3,200 registered)" in english
    assert "Achèvement selon le MRI (OGP)" in commitments
    pages = PdfReader(BytesIO(pdf)).pages
    # The latest vote's turnout map is drawn, its note (a rate, not a count) printed under it.
    (mapped,) = [page for page in pages if "Un taux : votants rapportés aux inscrits" in page.extract_text()]
    assert len(mapped.images) >= 1
    words = " ".join(page.extract_text() for page in pages)
    words = " ".join(words.replace(NNBSP, " ").replace(NBSP, " ").split())
    assert "Pour 100 (51,3 %), Contre 95 (48,7 %)" in words
    assert "6,3 % (200 votants sur 3 200 inscrits)" in words
    assert (
        "Participation la plus forte : Paris Centre (8,3 %) ; la plus faible : 11e arrondissement (5,0 %)"
        in words
    )
