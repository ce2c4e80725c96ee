"""The committee's and the public's screens in Chromium, on tiny as of 30 June 2025:
- the slideshow (`?mode=public&slides=1&every=N`) turns the pages and their parts by itself,
  says where it is, pauses and steps with the keyboard, and holds its memory over many turns
  (the browser's DOM, listeners and heap, the server's resident memory);
- an unknown address and the favicon ask nothing of another host (every page the browser
  tests open is checked so by their `context` fixture);
- on a 390 px phone the points of attention are cards that fit the screen; at 1440 px the
  commitments' table shows every column without sideways scrolling;
- an invalid `?as_of=` is said on the page and kept in the address.
"""

from __future__ import annotations

import re
import time
from urllib.parse import parse_qs, urlparse

import pytest
from browser_support import (
    PAGE_ELEMENTS,
    assert_no_exception,
    skip_without_chromium,
    wait_rendered,
)

pytestmark = pytest.mark.browser
skip_without_chromium()

AS_OF = "2025-06-30"
STATUS = ".ogp-slides-status"


def status(page) -> dict:
    """What the slideshow's status line says, and where it is (page, part, paused)."""
    return wait_status(page, "true")


def wait_status(page, test: str, timeout_ms: int = 60_000) -> dict:
    """Wait until the status line satisfies `test` (a JavaScript expression on `s`); return it."""
    found = page.wait_for_function(f"""() => {{ const line = document.querySelector('{STATUS}');
        if (!line) return false;
        const s = {{page: Number(line.dataset.page), part: Number(line.dataset.part),
                   paused: line.dataset.paused === 'true', text: line.textContent}};
        return ({test}) ? s : false; }}""", timeout=timeout_ms, polling=200)
    return found.json_value()


def test_the_slideshow_turns_pages_by_itself_and_obeys_the_keyboard(tiny_server, page):
    page.goto(tiny_server.address(as_of=AS_OF, mode="public", slides="1", every="3"))
    wait_rendered(page, "Plan d'essai 2024-2026", PAGE_ELEMENTS["overview"])
    first = wait_status(page, "s.page === 1")
    # Every 3 seconds it may already have turned to the overview's second part.
    assert re.match(r"Page 1 sur 6 · Vue d'ensemble · partie \d sur \d · ", first["text"]), first
    assert "Espace : pause" in first["text"]
    # By itself, every 3 seconds: the overview's parts, then the next page, in the same session.
    on_two = wait_status(page, "s.page === 2", timeout_ms=90_000)
    assert on_two["text"].startswith("Page 2 sur 6 · Engagements")
    assert urlparse(page.url).path == "/commitments"
    assert parse_qs(urlparse(page.url).query)["slides"] == ["1"]
    assert_no_exception(page)
    # Space pauses: nothing moves for longer than a turn; → and ← still step.
    page.keyboard.press(" ")
    paused = wait_status(page, "s.paused")
    assert paused["text"].startswith("En pause · ")
    time.sleep(5)
    still = status(page)
    assert (still["page"], still["part"]) == (paused["page"], paused["part"])
    # ← steps back through the page's parts, then to the previous page's last part.
    for _ in range(4):
        part = status(page)["part"]
        page.keyboard.press("ArrowLeft")
        back = wait_status(page, f"s.page === 1 || s.part < {part}")
        if back["page"] == 1:
            break
    assert back["page"] == 1 and back["paused"] and back["part"] >= 2  # the overview's last part
    page.keyboard.press("ArrowRight")
    wait_status(page, "s.page === 2 && s.part === 1")
    page.keyboard.press(" ")
    assert not wait_status(page, "!s.paused")["paused"]


def test_hours_of_slides_add_nothing_to_the_page_or_the_server(tiny_server, page):
    """Step through the six pages twice with the keyboard (what hours of turns do, faster) and
    compare the browser's DOM, listeners and heap, and the server's memory, after each round:
    a round that leaves anything behind would leave it again at every turn of the hour."""
    page.goto(tiny_server.address(as_of=AS_OF, mode="public", slides="1", every="600"))
    wait_rendered(page, "Plan d'essai 2024-2026", PAGE_ELEMENTS["overview"])
    wait_status(page, "s.page === 1")
    cdp = page.context.new_cdp_session(page)

    def to_page(number: int) -> None:
        """→ until the slideshow shows page `number` (through the parts of the current one)."""
        for _ in range(12):
            now = status(page)
            if now["page"] == number:
                break
            page.keyboard.press("ArrowRight")
            wait_status(page, f"s.page !== {now['page']} || s.part !== {now['part']}")
        wait_rendered(page, None)
        assert status(page)["page"] == number

    def one_round() -> None:
        for number in (2, 3, 4, 5, 6, 1):
            to_page(number)

    def measure() -> dict:
        cdp.send("HeapProfiler.collectGarbage")
        counters = cdp.send("Memory.getDOMCounters")
        heap = cdp.send("Runtime.getHeapUsage")["usedSize"]
        return {"nodes": counters["nodes"], "listeners": counters["jsEventListeners"], "heap": heap,
                "server_kib": tiny_server.memory_kib().get("VmRSS", 0)}

    one_round()
    before = measure()
    one_round()
    after = measure()
    assert_no_exception(page)
    # The same pages again leave as many listeners and about as many nodes; the heap and the
    # server stay within a margin (every cache is bounded).
    assert after["listeners"] <= before["listeners"] * 1.1 + 20, (before, after)
    assert after["nodes"] <= before["nodes"] * 1.25 + 500, (before, after)
    assert after["heap"] <= before["heap"] * 1.3 + 5_000_000, (before, after)
    assert after["server_kib"] <= before["server_kib"] + 60_000, (before, after)


def test_an_unknown_page_and_the_icon_stay_on_the_machine(tiny_server, page):
    """Every page the browser tests open, in both modes and languages, asks nothing of another
    host (the `context` fixture lists such requests and fails the module); here, what no other
    test opens: an unknown address, and the favicon, which must be the server's own."""
    page.goto(tiny_server.address("nope"))
    wait_rendered(page, "Page introuvable")
    icon = page.evaluate("() => [...document.querySelectorAll('link[rel~=icon]')].map(l => l.href)")
    assert icon and all(urlparse(href).hostname == "127.0.0.1" for href in icon), icon


def test_a_phone_shows_points_of_attention_as_cards_that_fit(tiny_server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        tab = context.new_page()
        tab.goto(tiny_server.address(as_of=AS_OF))
        wait_rendered(tab, "Plan d'essai 2024-2026", PAGE_ELEMENTS["overview"])
        card = tab.locator(".ogp-table tr").filter(has_text="Campagne d'inscription").first
        card.scroll_into_view_if_needed()
        box = card.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
        # Each cell names its column: the delay is readable without its header.
        state = card.locator("td").first
        assert state.evaluate("cell => getComputedStyle(cell, '::before').content") == '"État : "'
        assert "En retard · 91 j" in state.inner_text()
        wide = tab.evaluate("""() => [...document.querySelectorAll('.ogp-table .table-wrap')]
            .filter(wrap => wrap.scrollWidth > wrap.clientWidth + 1).length""")
        assert wide == 0
    finally:
        context.close()


def test_the_commitments_table_shows_every_column_at_1440_px(tiny_server, page):
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(tiny_server.address("commitments", as_of=AS_OF))
    wait_rendered(page, "Engagements", PAGE_ELEMENTS["commitments"])
    # The commitments' table by its name (the independent assessments' table follows it); waited
    # for, as a rerun may still be replacing it.
    table = page.get_by_role("region", name="Engagements", exact=True)
    table.wait_for()
    fits = table.evaluate("wrap => [wrap.scrollWidth, wrap.clientWidth]")
    assert fits[0] <= fits[1] + 1, fits
    headers = table.locator("th").all_inner_texts()
    assert "Jalons en retard" in [h.replace("\n", " ") for h in headers]
    assert "Pilote" in headers


def test_an_invalid_as_of_is_said_and_kept(tiny_server, page):
    page.goto(tiny_server.address(as_of="2025-02-30"))
    wait_rendered(page, "Plan d'essai 2024-2026", {'[data-testid="stAlert"]': 1})
    alert = page.locator('[data-testid="stAlert"]').filter(has_text="n'est pas une date valide")
    assert "« 2025-02-30 »" in alert.inner_text()
    assert parse_qs(urlparse(page.url).query)["as_of"] == ["2025-02-30"]
    assert_no_exception(page)
