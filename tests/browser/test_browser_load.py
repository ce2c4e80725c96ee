"""Twenty sessions at once (one chromium, twenty contexts) open the overview of the bundled
data, then each switches to another page through the navigation. All must render completely
with no error. The time to fully rendered (p50, p95), the server's memory and where the CPU
went are written to artifacts/browser/load.json and printed.

On a 2-core machine the twenty renderers take most of the CPU (a Streamlit page is a large
JavaScript application and each chart is compiled by Vega in the page); the server's share is
running the scripts (one Python process: one core at most, held by the GIL). The figures are
bounded by the CPU both share, not by the network or the data.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from browser_support import (
    ARTIFACTS,
    CHARTS_DRAWN,
    CHROMIUM,
    CHROMIUM_ARGS,
    PAGE_ELEMENTS,
    READY,
    STATE,
    VIEWPORT,
    descendants,
    percentile,
    process_cpu_seconds,
    skip_without_chromium,
)

from ogp_metrics import text
from ogp_metrics.ui.pages import PAGES

# Minutes of the whole machine: `make load-test` only, never the default suite or CI.
pytestmark = [pytest.mark.browser, pytest.mark.heavy]
skip_without_chromium()

SESSIONS = 20
AS_OF = "2026-11-16"
LOAD_TIMEOUT_MS = 240_000  # twenty pages at once on two cores
LOAD_REPORT = ARTIFACTS / "browser" / "load.json"


async def rendered(page, title: str | None, counts: dict[str, int]) -> None:
    """The page has rendered and every chart in it is drawn. (Not scrolled into view first, unlike
    the page tests: Vega draws the ones below the fold too, and twenty tabs scrolling would only
    add painting to the CPU the renderers share.)"""
    try:
        await page.wait_for_function(READY, arg=[title, counts], timeout=LOAD_TIMEOUT_MS, polling=500)
        await page.wait_for_function(CHARTS_DRAWN, timeout=LOAD_TIMEOUT_MS, polling=500)
    except Exception as error:
        raise AssertionError(f"{page.url}: not rendered: {await page.evaluate(STATE)}") from error
    errors = await page.locator('[data-testid="stException"]').all_inner_texts()
    assert not errors, f"{page.url}: {errors}"


async def session(browser, server, number: int, start: asyncio.Event) -> dict:
    """One visitor: the overview, then another page (each session a different one)."""
    target = PAGES[1 + number % (len(PAGES) - 1)]
    context = await browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(LOAD_TIMEOUT_MS)
    context.set_default_navigation_timeout(LOAD_TIMEOUT_MS)
    await context.route("https://**", lambda route: route.abort())
    try:
        page = await context.new_page()
        await start.wait()
        began = time.monotonic()
        await page.goto(server.address(as_of=AS_OF))
        await rendered(page, None, PAGE_ELEMENTS["overview"])
        overview_done = time.monotonic()
        link = f'[data-testid="stSidebarNavLink"][href="{server.address(target.url_path)}"]'
        await page.locator(link).click()
        title = text.t("data.title" if target.url_path == "data" else target.title_key, "fr")
        await rendered(page, title, PAGE_ELEMENTS[target.url_path])
        switched = time.monotonic()
        return {"session": number, "switched_to": target.url_path,
                "overview_s": round(overview_done - began, 2), "switch_s": round(switched - overview_done, 2)}
    finally:
        await context.close()


async def sample_memory(server, peak: dict, stop: asyncio.Event) -> None:
    while not stop.is_set():
        peak["rss_kib"] = max(peak.get("rss_kib", 0), server.memory_kib().get("VmRSS", 0))
        await asyncio.sleep(0.25)


def cpu_of_browsers() -> float:
    """CPU time of this test's Playwright drivers and chromium processes (alive now)."""
    return sum(process_cpu_seconds(pid) for pid in descendants(os.getpid()))


async def load(server) -> dict:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        start, stop, peak = asyncio.Event(), asyncio.Event(), {}
        sessions = [asyncio.create_task(session(browser, server, number, start))
                    for number in range(SESSIONS)]
        await asyncio.sleep(1)  # every context opened before anyone starts
        memory_before = server.memory_kib()
        server_cpu, browser_cpu, load_before = server.cpu_seconds(), cpu_of_browsers(), os.getloadavg()
        sampler = asyncio.create_task(sample_memory(server, peak, stop))
        began = time.monotonic()
        start.set()
        results = await asyncio.gather(*sessions, return_exceptions=True)
        wall = time.monotonic() - began
        server_cpu, browser_cpu = server.cpu_seconds() - server_cpu, cpu_of_browsers() - browser_cpu
        stop.set()
        await sampler
        await browser.close()
    failures = [repr(result) for result in results if isinstance(result, BaseException)]
    done = [result for result in results if not isinstance(result, BaseException)]
    overview = [result["overview_s"] for result in done]
    switch = [result["switch_s"] for result in done]
    return {
        "sessions": SESSIONS, "succeeded": len(done), "failures": failures, "as_of": AS_OF,
        "data": str(server.data), "wall_s": round(wall, 1),
        "overview_s": {"p50": percentile(overview, 0.5), "p95": percentile(overview, 0.95),
                       "max": max(overview)} if overview else None,
        "switch_s": {"p50": percentile(switch, 0.5), "p95": percentile(switch, 0.95),
                     "max": max(switch)} if switch else None,
        "server_memory_mib": {"rss_before": round(memory_before.get("VmRSS", 0) / 1024),
                              "rss_peak_during_load": round(peak.get("rss_kib", 0) / 1024),
                              "peak_since_start_vmhwm": round(server.memory_kib().get("VmHWM", 0) / 1024)},
        "cpu_s": {"server": round(server_cpu, 1), "browsers_and_drivers": round(browser_cpu, 1),
                  "available_on_all_cores": round(wall * (os.cpu_count() or 1), 1),
                  # scripts and static files of 2 page runs a session: an upper bound per run
                  "server_per_page_run": round(server_cpu / max(1, 2 * len(done)), 2)},
        "load_average_before": [round(value, 1) for value in load_before],
        "cores": os.cpu_count(),
        "sessions_detail": done,
    }


def test_twenty_sessions_open_the_overview_and_switch_pages_at_once(bundled_server):
    # Its own thread and event loop: the session's sync Playwright owns the main thread's loop.
    with ThreadPoolExecutor(max_workers=1) as worker:
        report = worker.submit(asyncio.run, load(bundled_server)).result()
    Path(LOAD_REPORT).parent.mkdir(parents=True, exist_ok=True)
    LOAD_REPORT.write_text(json.dumps(report, indent=2), encoding="utf-8")
    summary = {key: report[key] for key in ("succeeded", "wall_s", "overview_s", "switch_s",
                                            "server_memory_mib", "cpu_s", "load_average_before")}
    print(f"\nload ({LOAD_REPORT.relative_to(ARTIFACTS.parent)}): {json.dumps(summary)}")
    assert report["failures"] == [], report["failures"]
    assert report["succeeded"] == SESSIONS
