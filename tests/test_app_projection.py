"""Public mode, drawn for a projector (AppTest): every chart's own configuration sets its text at
20 px or more (not a CSS zoom) and thickens its marks; no filter, no chart-data table; the
slideshow's settings; an invalid `?as_of=` said in words and kept in the address.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from helpers import TINY, new_app

from ogp_metrics.charts.base import PROJECTION, SCREEN
from ogp_metrics.ui import slideshow
from ogp_metrics.ui.pages import PAGES

pytestmark = pytest.mark.usefixtures("fresh_streamlit_caches")
AS_OF = "2025-06-30"
PROJECTED = [page for page in PAGES if page.url_path != "data"]


def run(monkeypatch, page: str, folder: Path = TINY, **params: str):
    app = new_app(monkeypatch, folder, **params)
    app.run()
    app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def font_sizes(spec: object) -> list[float]:
    """Every `fontSize` written anywhere in a spec (its config, its marks, its axes)."""
    if isinstance(spec, dict):
        found = [value for key, value in spec.items() if key in ("fontSize", "labelFontSize",
                                                                 "titleFontSize")]
        return found + [size for value in spec.values() for size in font_sizes(value)]
    if isinstance(spec, list):
        return [size for value in spec for size in font_sizes(value)]
    return []


@pytest.mark.parametrize("page", PROJECTED, ids=[page.url_path for page in PROJECTED])
def test_every_projected_chart_has_text_of_twenty_pixels_or_more(monkeypatch, tmp_path, page):
    params = {"as_of": AS_OF, "mode": "public", **({"commitment": "C1"} if page.url_path == "commitments"
                                                  else {})}
    folder = TINY
    if page.url_path == "votes":  # the tiny folder has no vote or project: lay the events' files over it
        folder = tmp_path / "data"
        shutil.copytree(TINY, folder)
        for path in (TINY.parent / "events").glob("*.csv"):
            shutil.copy(path, folder / path.name)
    app = run(monkeypatch, page.script, folder, **params)
    specs = [json.loads(chart.proto.spec) for chart in app.get("vega_lite_chart")]
    assert specs, page.url_path
    for spec in specs:
        config = spec["config"]
        assert config["axis"]["labelFontSize"] >= 20 and config["legend"]["labelFontSize"] >= 20
        assert config["text"]["fontSize"] >= 20
        assert min(font_sizes(spec)) >= PROJECTION.text - 2  # map labels: 18 px inside small shapes
        assert config["line"]["strokeWidth"] == PROJECTION.line > SCREEN.line
        assert config["point"]["size"] == PROJECTION.point > SCREEN.point
    # Nothing to operate on a wall: no filter, no chart-data table to open.
    assert not app.multiselect and not app.expander


def test_internal_mode_keeps_the_screen_sizes(monkeypatch):
    app = run(monkeypatch, "app_pages/overview.py", as_of=AS_OF)
    [spec] = [json.loads(chart.proto.spec) for chart in app.get("vega_lite_chart")]
    assert spec["config"]["axis"]["labelFontSize"] == SCREEN.text == 13


def test_the_slideshow_settings_and_script(monkeypatch):
    app = run(monkeypatch, "app_pages/meetings.py", as_of=AS_OF, mode="public", slides="1", every="7")
    bodies = [element.proto.body for element in app.get("html")]
    [config] = [body for body in bodies if body.startswith('<div class="ogp-slides-config"')]
    settings = json.loads(config.split('data-config="')[1].split('"></div>')[0].replace("&quot;", '"'))
    assert settings["every"] == 7
    assert settings["current"] == 3  # overview, commitments, milestones, meetings: the 4th slide
    assert [page["path"] for page in settings["pages"]] == ["", "commitments", "milestones", "meetings",
                                                            "participation", "votes"]
    assert settings["words"]["status"] == "Page {page} sur {pages} · {title} · partie {part} sur {parts}"
    # The script is the file as it is: a Content-Security-Policy allows it by its hash.
    assert f"<script>{slideshow.script()}</script>" in bodies
    assert app.query_params["slides"] in ("1", ["1"]) and app.query_params["every"] in ("7", ["7"])


@pytest.mark.parametrize(("raw", "seconds"), [("abc", None), ("1", 3), ("20", 20), ("99999", 600)])
def test_every_is_whole_seconds_within_bounds(raw, seconds):
    assert slideshow.seconds(raw) == seconds


def test_no_slideshow_outside_public_mode(monkeypatch):
    app = run(monkeypatch, "app_pages/overview.py", as_of=AS_OF, slides="1")
    assert not any("ogp-slides-config" in element.proto.body for element in app.get("html"))
    assert "slides" not in app.query_params


def test_an_invalid_as_of_is_said_and_kept_for_correction(monkeypatch):
    app = run(monkeypatch, "app_pages/overview.py", as_of="2025-13-45")
    [warning] = [warning.value for warning in app.warning if "date valide" in warning.value]
    assert "« 2025\\-13\\-45 »" in warning  # as Markdown text, never markup
    assert app.query_params["as_of"] in ("2025-13-45", ["2025-13-45"])  # kept, to be corrected
    # A date picked in the sidebar replaces it, and the message goes.
    app.sidebar.date_input[0].set_value(date(2025, 6, 30)).run()
    assert not [warning for warning in app.warning if "date valide" in warning.value]
    assert app.query_params["as_of"] in ("2025-06-30", ["2025-06-30"])


def test_the_deployment_allows_the_slideshow_script_by_its_hash():
    import base64
    import hashlib

    from helpers import ROOT

    digest = base64.b64encode(hashlib.sha256(slideshow.script().encode("utf-8")).digest()).decode()
    assert f"'sha256-{digest}'" in (ROOT / "deploy" / "ogp-metrics.caddy").read_text(encoding="utf-8"), (
        f"slideshow.js changed: put 'sha256-{digest}' in deploy/ogp-metrics.caddy and deploy/README.md")
