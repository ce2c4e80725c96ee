"""Links someone can send: `?as_of=` and `?lang=`, a commitment's detail, a page or a
commitment that does not exist; and the address following the controls."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from browser_support import (
    FIRST_VISIT,
    NNBSP,
    assert_charts_drawn,
    assert_no_exception,
    date_shown,
    metric_values,
    skip_without_chromium,
    wait_rendered,
)

from ogp_metrics.ui.pages import PAGES

pytestmark = pytest.mark.browser
skip_without_chromium()


def query(page) -> dict[str, str]:
    return {key: values[-1] for key, values in parse_qs(urlparse(page.url).query).items()}


def test_as_of_and_language_from_the_address(tiny_server, page):
    # 10 May 2025 (the second steering committee): R1-R4 held; 1 200 + 25 + 15 + 40 + 300 + 100
    # participants.
    page.goto(tiny_server.address(as_of="2025-05-10", lang="en"))
    wait_rendered(page, "Test plan 2024–2026", {'[data-testid="stMetric"]': 10})
    assert_no_exception(page)
    assert date_shown(page) == "2025-05-10"
    shown = metric_values(page)
    assert shown["Meetings held"] == ["4"]
    assert shown["Participations"] == ["1,680"]
    assert "Situation on 10 May 2025" in page.locator('[data-testid="stMain"]').inner_text()
    assert query(page) == {"as_of": "2025-05-10", "lang": "en"}


def test_a_commitment_detail_link_opens_that_commitment(tiny_server, page):
    page.goto(tiny_server.address("commitments", commitment="C1", as_of="2025-06-30"))
    wait_rendered(page, "Engagements", {'[data-testid="stMetric"]': 6})
    assert_no_exception(page)
    assert page.locator('[data-testid="stMain"] h3').filter(has_text="Assemblée citoyenne").count() == 1
    assert page.get_by_role("combobox", name="Engagement").input_value() == "C1 · Assemblée citoyenne"
    # C1 as of 30 June 2025: (100 x 1 + 40 x 3 + 0 x 1) / 5 = 44 %; C1-M1 complete; none overdue.
    shown = metric_values(page)
    assert shown["Avancement des jalons"] == [f"44{NNBSP}%"]
    assert shown["Jalons terminés"] == ["1 sur 3"]
    assert shown["Jalons en retard"] == ["0"]
    assert shown["Jalons à risque"] == ["1"]  # C1-M2: 40 % done with 66 % of its time gone
    assert shown["Évaluation de la Ville (le 30 juin 2025)"] == ["Substantiel"]
    assert shown["Évaluation indépendante (le 31 mars 2025)"] == ["Limité"]
    # Every tab: its chart drawn (the meetings tab has a table instead).
    tabs = page.get_by_role("tab")
    assert tabs.all_inner_texts() == ["Calendrier des jalons", "Avancement", "Évaluations", "Réunions",
                                      "Participation", "Décisions"]
    for index in range(tabs.count() - 1):  # the last, the decisions: none in tiny, said in words
        tabs.nth(index).click()
        panel = page.get_by_role("tabpanel").and_(page.locator(":visible"))
        if index == 3:
            panel.locator('[data-testid="stDataFrame"]').wait_for()
        else:
            panel.locator('[data-testid="stVegaLiteChart"]').wait_for()
            assert assert_charts_drawn(page) >= 1
    assert_no_exception(page)
    assert query(page) == {"commitment": "C1", "as_of": "2025-06-30"}


def test_an_unknown_page_says_so_in_the_readers_language(tiny_server, page):
    # Our own page at that address (not Streamlit's English dialog), with a link to the overview.
    page.goto(tiny_server.address("nope", as_of="2025-06-30", lang="en", mode="public"))
    wait_rendered(page, "Page not found", {'[data-testid="stAlert"]': 1})
    assert page.get_by_role("dialog").count() == 0
    assert "The address “nope” matches no page" in page.locator('[data-testid="stAlert"]').inner_text()
    assert_no_exception(page)
    assert urlparse(page.url).path == "/nope"
    assert query(page) == {"as_of": "2025-06-30", "lang": "en", "mode": "public"}
    page.get_by_role("link", name="Go to the overview").click()
    wait_rendered(page, "Test plan 2024–2026", {'[data-testid="stMetric"]': 10})
    assert metric_values(page)["Participations"] == ["1,740"]
    assert query(page) == {"as_of": "2025-06-30", "lang": "en", "mode": "public"}
    # In French, and for markup in the address: said as text.
    page.goto(tiny_server.address("%3Cb%3Ex%3Cb%3E", as_of="2025-06-30"))
    wait_rendered(page, "Page introuvable", {'[data-testid="stAlert"]': 1})
    assert "L'adresse « <b>x<b> » ne correspond à aucune page" in page.locator(
        '[data-testid="stAlert"]').inner_text()
    assert page.locator('[data-testid="stMain"] b').count() == 0


def test_an_unknown_commitment_says_so(tiny_server, page):
    page.goto(tiny_server.address("commitments", commitment="ZZZ", as_of="2025-06-30", mode="public"))
    wait_rendered(page, "Engagements", {'[data-testid="stAlert"]': 1})
    assert_no_exception(page)
    warning = page.locator('[data-testid="stAlert"]').inner_text()
    assert "Aucun engagement « ZZZ » dans ce plan" in warning, warning
    assert page.locator('[data-testid="stMain"] [data-testid="stMetric"]').count() == 0


def test_the_address_follows_the_controls(tiny_server, page):
    page.goto(tiny_server.address(as_of="2025-06-30"))
    wait_rendered(page, "Plan d'essai 2024-2026", {'[data-testid="stMetric"]': 10})
    sidebar = page.locator('[data-testid="stSidebar"]')

    sidebar.get_by_role("radio", name="English").click()
    wait_rendered(page, "Test plan 2024–2026", {'[data-testid="stMetric"]': 10})
    page.wait_for_function("() => location.search.includes('lang=en')")

    sidebar.locator('[data-testid="stDateInput"] [data-type="day"]').click()
    page.keyboard.type("10052025")
    page.locator('[data-testid="stMain"] h1').click()  # leaving the field sets the date
    page.wait_for_function("() => location.search.includes('as_of=2025-05-10')")
    page.wait_for_function("""() => [...document.querySelectorAll('[data-testid="stMetric"]')]
        .some(metric => metric.innerText.startsWith('Meetings held') && metric.innerText.includes('4'))""")
    wait_rendered(page, "Test plan 2024–2026", {'[data-testid="stMetric"]': 10})
    assert metric_values(page)["Meetings held"] == ["4"]

    sidebar.locator('[data-testid="stCheckbox"]').click()
    page.wait_for_function("() => location.search.includes('mode=public')")
    wait_rendered(page, "Test plan 2024–2026", {'[data-testid="stMetric"]': 10})
    page.locator('[data-testid="stTopNavLink"]').filter(has_text="Meetings").click()
    wait_rendered(page, "Meetings", {'[data-testid="stMetric"]': 7})
    assert_no_exception(page)
    assert urlparse(page.url).path == "/meetings"
    assert query(page) == {"lang": "en", "as_of": "2025-05-10", "mode": "public"}
    assert metric_values(page)["Meetings held"] == ["4"]


def test_a_link_opened_first_after_a_start_goes_through_the_router(tiny_server):
    # With a folder named `pages/` beside dashboard.py, Streamlit 1.67 started in its legacy
    # folder mode until some session had run st.navigation: the first link opened after a
    # (re)start ran the page without the router, listed every script of the folder (staff pages
    # included) in the sidebar and lost public mode's top navigation. The pages now live in
    # app_pages/; `tiny_server` recorded what its very first visitor saw.
    seen = tiny_server.first_visit
    assert seen["title"] == "Commitments"
    expected = [tiny_server.address("" if page.default else page.url_path) for page in PAGES]
    assert seen["top"] == expected and not seen["sidebar"], (FIRST_VISIT, seen)
