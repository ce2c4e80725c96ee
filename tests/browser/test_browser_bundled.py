"""The bundled data in Chromium: every page in French internal, French public and English public
mode, walked through the navigation. For each page: no error, every chart drawn, a full-page
screenshot in artifacts/screenshots/, and in French (both modes) an axe-core audit: no serious
or critical violation; the others are listed in artifacts/browser/axe-report.json. The French
internal overview is also saved as docs/screenshots/overview-fr.png, which the README shows.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from browser_support import (
    ARTIFACTS,
    PAGE_ELEMENTS,
    ROOT,
    VIEWPORT,
    assert_charts_drawn,
    assert_no_exception,
    date_shown,
    full_height,
    metric_values,
    page_title,
    skip_without_chromium,
    wait_rendered,
)
from helpers import BUNDLED

from ogp_metrics import figures, text
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.ui.pages import PAGES

pytestmark = pytest.mark.browser
skip_without_chromium()
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright",
                                 reason="axe-playwright-python is not installed")

# A fixed date, so that the screenshots change only when the app or the data do: the bundled
# data's last update, when three milestones are overdue.
AS_OF = "2026-11-16"
VARIANTS = (("fr", "internal"), ("fr", "public"), ("en", "public"))
SCREENSHOTS = ARTIFACTS / "screenshots"
AXE_REPORT = ARTIFACTS / "browser" / "axe-report.json"
README_SCREENSHOT = ROOT / "docs" / "screenshots" / "overview-fr.png"
README_SCREENSHOT_MAX_BYTES = 400_000
FAILING_IMPACTS = ("serious", "critical")

# Violations of Streamlit's own interface that the app cannot fix, as (rule, CSS selector of the
# element): excluded from the failing check only (still written to the report). Each says why.
STREAMLIT_CHROME_EXCLUSIONS: tuple[tuple[str, str], ...] = ()
NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


@pytest.fixture(scope="module")
def axe_results() -> list[dict]:
    """Every audit of the module; written to artifacts/browser/axe-report.json at its end."""
    results: list[dict] = []
    yield results
    AXE_REPORT.parent.mkdir(parents=True, exist_ok=True)
    summary: dict[str, dict] = {}
    for audit in results:
        for violation in audit["violations"]:
            entry = summary.setdefault(violation["id"], {"impact": violation["impact"],
                                                         "help": violation["help"], "nodes": 0, "pages": []})
            entry["nodes"] += len(violation["nodes"])
            entry["pages"].append(audit["page"])
    AXE_REPORT.write_text(json.dumps({"as_of": AS_OF, "failing_impacts": list(FAILING_IMPACTS),
                                      "excluded": [list(pair) for pair in STREAMLIT_CHROME_EXCLUSIONS],
                                      "summary": summary, "audits": results},
                                     ensure_ascii=False, indent=2), encoding="utf-8")


def audit(page, name: str) -> dict:
    """axe-core on the whole page (viewport grown to the page's height beforehand)."""
    response = axe_module.Axe().run(page).response
    violations = [{
        "id": violation["id"], "impact": violation["impact"], "help": violation["help"],
        "helpUrl": violation["helpUrl"],
        "nodes": [{"target": node["target"], "html": node["html"][:300],
                   "summary": node.get("failureSummary", "")} for node in violation["nodes"]],
    } for violation in response["violations"]]
    return {"page": name, "url": page.url, "violations": violations}


def excluded(rule: str, target: list) -> bool:
    return any(rule == excluded_rule and selector in " ".join(map(str, target))
               for excluded_rule, selector in STREAMLIT_CHROME_EXCLUSIONS)


def failing(result: dict) -> list[str]:
    return [f"{result['page']}: {violation['id']} ({violation['impact']}) {violation['help']} at "
            f"{node['target']}: {node['html'][:160]}"
            for violation in result["violations"] if violation["impact"] in FAILING_IMPACTS
            for node in violation["nodes"] if not excluded(violation["id"], node["target"])]


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=path)
    return path


def save_readme_screenshot(page) -> None:
    """docs/screenshots/overview-fr.png (the README shows it): the top of the page, small enough
    to commit."""
    assert str(README_SCREENSHOT.relative_to(ROOT)) in (ROOT / "README.md").read_text(encoding="utf-8")
    README_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    height = page.viewport_size["height"]
    for shown in (min(height, 2000), 1400, VIEWPORT["height"]):
        page.screenshot(path=README_SCREENSHOT, clip={"x": 0, "y": 0, "width": VIEWPORT["width"],
                                                      "height": shown})
        if README_SCREENSHOT.stat().st_size < README_SCREENSHOT_MAX_BYTES:
            return
    raise AssertionError(f"{README_SCREENSHOT} is {README_SCREENSHOT.stat().st_size} bytes")


def headline_figures(lang: str) -> dict[str, str]:
    """The overview's figures computed by the library, as the page should print them."""
    plan = load_plan(BUNDLED)
    try:
        totals = figures.headline(plan.cursor(), date.fromisoformat(AS_OF))
    finally:
        plan.connection.close()
    return {text.t("headline.meetings_held", lang): text.format_number(totals["meetings"]["held"], lang),
            text.t("headline.milestones_overdue", lang):
                text.format_number(totals["milestones"]["overdue"], lang)}


@pytest.mark.parametrize(("lang", "mode"), VARIANTS, ids=["-".join(v) for v in VARIANTS])
def test_every_page_renders_is_accessible_and_is_photographed(bundled_server, page, axe_results,
                                                              lang, mode):
    page.goto(bundled_server.address(as_of=AS_OF, **({"lang": "en"} if lang == "en" else {}),
                                     **({"mode": "public"} if mode == "public" else {})))
    navigation = page.locator('[data-testid="stTopNavLink"]' if mode == "public"
                              else '[data-testid="stSidebarNavLink"]')
    problems: list[str] = []
    for spec in PAGES:
        name = f"{spec.url_path}-{lang}-{mode}"
        if not spec.default:  # the next page, through the navigation
            page.set_viewport_size(VIEWPORT)
            navigation.and_(page.locator(f'[href="{bundled_server.address(spec.url_path)}"]')).click()
        wait_rendered(page, page_title(spec, lang), PAGE_ELEMENTS[spec.url_path])
        assert_no_exception(page)
        assert date_shown(page) == AS_OF
        if spec.default:
            shown = metric_values(page)
            for label, value in headline_figures(lang).items():
                assert shown[label] == [value], (label, shown)
        assert_charts_drawn(page)
        full_height(page)
        page.evaluate(NEXT_FRAMES)  # laid out and painted at the new height
        screenshot(page, name)
        if spec.default and (lang, mode) == ("fr", "internal"):
            save_readme_screenshot(page)
        if lang == "fr":  # both modes; the English pages have the same structure and colours
            result = audit(page, name)
            axe_results.append(result)
            problems += failing(result)
    assert not problems, "axe-core: serious or critical violations:\n" + "\n".join(problems)


def test_french_pages_declare_french(bundled_server, page):
    page.goto(bundled_server.address("data", as_of=AS_OF))
    wait_rendered(page, "Les données", PAGE_ELEMENTS["data"])
    assert page.evaluate("() => document.documentElement.lang") == "fr"
