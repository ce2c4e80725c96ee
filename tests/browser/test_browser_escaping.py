"""Text from the CSV files that looks like HTML or script is shown as text: no dialog opens,
no element is injected, the words are on the screen as written."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser_support import (
    PAGE_ELEMENTS,
    Server,
    assert_no_exception,
    grid_cells,
    running_server,
    skip_without_chromium,
    wait_rendered,
)
from helpers import copy_tiny, set_cell

pytestmark = pytest.mark.browser
skip_without_chromium()

PAYLOAD = "<img src=x onerror=alert(1)><script>alert(2)</script>"
MARKDOWN = "**bold** [link](https://example.org)"
AS_OF = "2025-06-30"


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory, server_logs) -> Iterator[Server]:
    """tiny, with the payload as C2's title, as C2-M1's title (overdue on 30 June 2025: on the
    overview) and as the plan's French name; Markdown as its English name."""
    data = copy_tiny(tmp_path_factory.mktemp("hostile"))
    for column in ("title_fr", "title_en"):
        set_cell(data, "commitments.csv", 3, column, PAYLOAD)  # C2
        set_cell(data, "milestones.csv", 5, column, PAYLOAD)  # C2-M1
    set_cell(data, "plan.csv", 2, "name_fr", PAYLOAD)
    set_cell(data, "plan.csv", 2, "name_en", MARKDOWN)
    with running_server(data, "hostile", server_logs) as server:
        yield server


def assert_nothing_injected(page) -> None:
    assert page.dialogs == [], page.dialogs
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator("[onerror]").count() == 0
    scripts = "() => [...document.scripts].filter(s => s.textContent.includes('alert(')).length"
    assert page.evaluate(scripts) == 0


# Where it shows: as page text (a title, a table's cell, a chart's axis label) and/or in a grid
# (st.dataframe draws on a canvas; the grid's accessible table holds the cell's text).
@pytest.mark.parametrize(("url_path", "params", "title", "as_text", "in_grid"), [
    ("", {}, PAYLOAD, True, False),  # the plan's name; the overdue milestone's title
    ("commitments", {}, "Engagements", True, False),  # the list of commitments (a table to read)
    # its detail's title (its milestones' table is behind the chart's closed "data" expander)
    ("commitments", {"commitment": "C2"}, "Engagements", True, False),
    ("milestones", {}, "Jalons", True, False),  # the timeline's axis
    ("milestones", {"mode": "public"}, "Jalons", True, False),  # the timeline, by commitment name
], ids=["overview", "commitments", "commitment-detail", "milestones", "milestones-public"])
def test_markup_from_the_data_is_shown_as_text(hostile_server, page, url_path, params, title, as_text,
                                               in_grid):
    page.goto(hostile_server.address(url_path, as_of=AS_OF, **params))
    wait_rendered(page, title, PAGE_ELEMENTS[url_path or "overview"])
    if as_text:
        page.get_by_text(PAYLOAD).filter(visible=True).first.wait_for(state="visible")
    if in_grid:
        assert PAYLOAD in grid_cells(page, (PAYLOAD,))
    assert_no_exception(page)
    assert_nothing_injected(page)
    if url_path == "":  # the points of attention: the overdue milestone, by its title
        attention = page.locator(".ogp-table").first.inner_text()
        assert PAYLOAD in attention


def test_markdown_in_the_plan_name_is_shown_as_text(hostile_server, page):
    page.goto(hostile_server.address(as_of=AS_OF, lang="en"))
    wait_rendered(page)
    assert_nothing_injected(page)
    assert page.locator('[data-testid="stMain"] a[href^="https://example.org"]').count() == 0
    # A word joiner (U+2060, invisible) keeps the bare address from becoming a link.
    assert page.locator('[data-testid="stMain"] h1').inner_text().strip().replace("\u2060", "") == MARKDOWN
