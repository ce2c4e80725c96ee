"""The published site in a real browser, opened from disk with every network request refused:
every chart renders, nothing logs an error, and the keyboard reaches everything.

Uses Debian's chromium (`make browser` installs it); skipped where it is missing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import CHROMIUM, CHROMIUM_ARGS, TINY, require_browser

from ogp_metrics.ingest.load import load_plan
from ogp_metrics.outputs import site

PAGES = ("index", "commitments", "meetings", "participation", "data")
# charts per page: the overview's milestones, the meetings by month, participation's four
CHARTS = {"index": 2, "commitments": 0, "meetings": 1, "participation": 4, "data": 0}

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "public"
    site.publish_site(load_plan(TINY), out, date(2025, 12, 31))
    return out


@pytest.fixture(scope="module")
def browser():
    require_browser()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.problems = []
    tab.refused = []
    tab.on("console", lambda message: message.type in ("error", "warning") and tab.problems.append(
        f"{message.type}: {message.text}"))
    tab.on("pageerror", lambda error: tab.problems.append(f"page error: {error}"))

    def only_files(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            tab.refused.append(route.request.url)
            route.abort()

    tab.route("**/*", only_files)
    yield tab
    context.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_page_renders_offline_with_every_chart(published, page, lang, name):
    page.goto((published / lang / f"{name}.html").as_uri())
    page.wait_for_load_state("load")
    charts = page.locator("svg[role=img]")
    assert charts.count() == CHARTS[name]
    for index in range(charts.count()):
        chart = charts.nth(index)
        box = chart.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 80, (name, index, box)
        assert chart.get_attribute("aria-label")
        assert chart.locator("rect, path").count() > 3  # marks were drawn
    # the stylesheet applied (from disk, under the page's content security policy)
    header_style = "getComputedStyle(document.querySelector('.site-header')).borderBottomStyle"
    assert page.evaluate(header_style) == "solid"
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.refused == [], page.refused
    assert page.problems == [], page.problems


def test_keyboard_skip_link_navigation_and_details(published, page):
    page.goto((published / "fr" / "participation.html").as_uri())
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert focused == ["skip-link", "#main"]
    # the skip link is visible when focused, with a visible outline
    assert page.evaluate("document.activeElement.getBoundingClientRect().top") >= 0
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # the first <summary> opens its table from the keyboard
    summary = page.locator("summary").first
    summary.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('details').open") is True
    assert page.locator("details table").first.is_visible()
    # the language switch leads to the same page in English, still offline
    page.locator(".lang-switch a").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/en/participation.html")
    assert page.refused == [] and page.problems == []


def test_root_page_links_both_languages(published, page):
    page.goto((published / "index.html").as_uri())
    links = page.locator(".languages a")
    assert links.count() == 2
    links.nth(1).click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/en/index.html")
    assert page.locator("h1").inner_text() == "Test plan 2024–2026"
    assert page.refused == [] and page.problems == []
