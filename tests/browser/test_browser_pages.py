"""Every page in Chromium, in French and English, internal and public: opened by its address,
or as the next page, by clicking the navigation (each page in each language and mode at least
once, one way or the other). Each time: the script finished, no
error, every chart drawn, the figures worked out by hand for tests/fixtures/tiny as of
30 June 2025, the date picker showing that date, and the address keeping lang/as_of/mode.

The figures (see also tests/test_app.py):
- overview: meetings R1-R5 held by 30 June 2025 (5); participants 1 200 + 25 + 15 + 40 + 300
  + 100 + 60 = 1 740; milestone progress (100 + 40 + 0 + 60 + 11.25) / 5 = 42.25 -> 42,3 %;
  C1-M1 complete (1 of 5); C2-M1 overdue since 31 March 2025 (91 days).
- commitments: C1 (100 x 1 + 40 x 3 + 0 x 1) / 5 = 44 %, self-assessed substantial on 30 June
  2025, 1 of 3 milestones complete; C2 0 of 2.
- milestones: only C2-M2 (due 30 June 2025, 0 days left) falls due within 90 days; C1-M2 is
  due on 30 Sept 2025, 92 days later.
- meetings: 5 held, R6 and R7 planned; R1, R3, R5 public; attendees 120 + 12 + 10 + 35 = 177
  known (R3 unknown); the co-creation's public meetings: R1 only (120 people, organisations
  not recorded: "unknown", not 0).
- participation: 1 740 participants; contributions 340 + 10 + 5 + 12 + 50 + 0 = 417 (one
  blank); 7 records; 1 200 + 60 = 1 260 without an arrondissement.
- data: the row count of each file of the fixture.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

import pytest
from browser_support import (
    NNBSP,
    PAGE_ELEMENTS,
    assert_charts_drawn,
    assert_no_exception,
    skip_without_chromium,
    snapshot,
    wait_for_cells,
    wait_rendered,
)
from helpers import TINY, read_records

from ogp_metrics.ui.pages import PAGES, PageSpec

pytestmark = pytest.mark.browser
skip_without_chromium()

AS_OF = "2025-06-30"
MODES = ("internal", "public")
LANGUAGES = ("fr", "en")


@dataclass(frozen=True)
class Expected:
    """What a page shows on tiny as of 30 June 2025, per language (fr, en)."""

    title: tuple[str, str]
    metrics: tuple[dict, dict] = ({}, {})  # label -> value, or the values of a repeated label
    texts: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())  # in the main area's text
    cells: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())  # in st.dataframe tables
    rows: tuple[tuple, tuple] = ((), ())  # cells found together in one row of an st.table

    def of(self, lang: str, name: str):
        return getattr(self, name)[LANGUAGES.index(lang)]


ROWS = {path.name: str(len(read_records(path)) - 1) for path in TINY.glob("*.csv")}

EXPECTED = {
    "overview": Expected(
        ("Plan d'essai 2024-2026", "Test plan 2024–2026"),
        ({"Réunions tenues": "5", "Participations": f"1{NNBSP}740",
          "Avancement moyen des jalons": f"42,3{NNBSP}%", "Jalons terminés": "1 sur 5",
          "Jalons en retard": "1", "Substantiel": "1 sur 2", "Non évalué": "1 sur 2"},
         {"Meetings held": "5", "Participations": "1,740", "Average milestone progress": "42.3%",
          "Milestones complete": "1 of 5", "Milestones overdue": "1", "Substantial": "1 of 2",
          "Not assessed": "1 of 2"}),
        (("Situation au 30 juin 2025", "Points d'attention"),
         ("Situation on 30 June 2025", "Points of attention")),
        # The late milestone first, with its delay and its due date (the key columns, in both modes).
        rows=((("▲ En retard · 91 j", "Jalon · Campagne d'inscription", "31 mars 2025"),),
              (("▲ Late · 91 d", "Milestone · Registration campaign", "31 Mar 2025"),))),
    "commitments": Expected(
        ("Engagements", "Commitments"),
        texts=(("au 30 juin 2025", "Engagements affichés : 2 sur 2"),
               ("on 30 June 2025", "Commitments shown: 2 of 2")),
        rows=((("Substantiel (30 juin 2025)", f"44{NNBSP}%"),),
              (("Substantial (30 Jun 2025)", "44%"),))),
    "milestones": Expected(
        ("Jalons", "Milestones"),
        texts=(("au 30 juin 2025", "Jalons affichés : 5 sur 5"),
               ("as of 30 June 2025", "Milestones shown: 5 of 5")),
        rows=((("Débats publics", "30 juin 2025", "0", "En cours · ◆ À risque"),),
              (("Public debates", "30 Jun 2025", "0", "In progress · ◆ At risk"),))),
    "meetings": Expected(
        ("Réunions", "Meetings"),
        ({"Réunions tenues": "5", "Réunions prévues": "2", "Réunions publiques tenues": "3",
          "Personnes présentes": ["177", "120"], "Réunions publiques de co-construction": "1",
          "Organisations représentées": "inconnu"},
         {"Meetings held": "5", "Meetings planned": "2", "Public meetings held": "3",
          "Attendees": ["177", "120"], "Public co-creation meetings": "1",
          "Organisations represented": "unknown"}),
        (("jusqu'au 30 juin 2025", "177 connus + 1 réunion au nombre inconnu"),
         ("up to 30 June 2025", "177 known + 1 meeting unknown"))),
    "participation": Expected(
        ("Participation", "Participation"),
        ({"Participations": f"1{NNBSP}740", "Contributions": "417", "Activités enregistrées": "7",
          "Toute la ville / en ligne": f"1{NNBSP}260"},
         {"Participations": "1,740", "Contributions": "417", "Activities recorded": "7",
          "City-wide / online": "1,260"}),
        (("jusqu'au 30 juin 2025", f"72{NNBSP}% des participations"),
         ("up to 30 June 2025", "72% of participations"))),
    # The tiny plan has no event, vote or project: the page says so (the figures are tested in
    # test_app_votes_projects.py on the tiny folder with tests/fixtures/events/ laid over it).
    "votes": Expected(
        ("Votes et projets", "Votes and projects"),
        texts=(("Aucun événement, vote ou projet décidé à cette date.",),
               ("No event, vote or decided project on this date.",))),
    "data": Expected(
        ("Les données", "The data"),
        texts=(("Tous les fichiers sont valides",), ("Every file is valid",))),
}
assert set(EXPECTED) == {spec.url_path for spec in PAGES} == set(PAGE_ELEMENTS), "a page without expectations"
assert PAGE_ELEMENTS["data"]['[data-testid="stDataFrame"]'] == len(ROWS)


def params(lang: str, mode: str) -> dict[str, str]:
    """The address's parameters (French and internal are the defaults: not in the URL)."""
    return {"as_of": AS_OF, **({"lang": "en"} if lang == "en" else {}),
            **({"mode": "public"} if mode == "public" else {})}


def url_path(spec: PageSpec) -> str:
    return "" if spec.default else spec.url_path


def nav_links(page, mode: str):
    """The navigation: in the sidebar internally, across the top in public mode."""
    return page.locator('[data-testid="stTopNavLink"]' if mode == "public"
                        else '[data-testid="stSidebarNavLink"]')


def check_page(page, spec: PageSpec, lang: str, mode: str) -> None:
    expected = EXPECTED[spec.url_path]
    wait_rendered(page, expected.of(lang, "title"), PAGE_ELEMENTS[spec.url_path])
    # A page with little to draw (Votes and projects on tiny) is ready before the date picker's fields.
    page.wait_for_selector('[data-testid="stDateInput"] [role="spinbutton"]', state="attached")
    assert_charts_drawn(page)
    wait_for_cells(page, expected.of(lang, "cells"))
    seen = snapshot(page)
    assert_no_exception(page, seen)
    # The as-of date from the address: in the date picker and in the figures.
    assert seen["date"] == AS_OF
    for label, value in expected.of(lang, "metrics").items():
        assert seen["metrics"].get(label) == (value if isinstance(value, list) else [value]), (label, seen)
    for text in expected.of(lang, "texts"):
        assert text in seen["text"], (text, seen["text"])
    for wanted in expected.of(lang, "rows"):
        assert any(set(wanted) <= set(row) for row in seen["rows"]), (wanted, seen["rows"])
    for text in expected.of(lang, "cells"):
        assert text in seen["cells"], (text, seen["cells"])
    if spec.url_path == "data":  # each file, "yes", its number of rows
        files = {row[0]: row for row in seen["rows"] if row}
        for filename, rows in ROWS.items():
            assert files[filename][1:3] == (["oui", rows] if lang == "fr" else ["yes", rows]), files
        # The server's folder and the internal files are for staff only.
        assert ("decisions.csv" in files) == (mode == "internal")
        assert ("Dossier :" in seen["text"] or "Folder:" in seen["text"]) == (mode == "internal")
    # Headings in order: one h1, then no h3 before an h2.
    levels = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stMain"] h1, '
        + '[data-testid="stMain"] h2, [data-testid="stMain"] h3')].map(h => Number(h.tagName[1]))""")
    assert levels[0] == 1 and levels.count(1) == 1, levels
    assert all(after - before <= 1 for before, after in zip(levels, levels[1:], strict=False)), levels
    # No staff pages for a visitor; public mode has its navigation at the top, no sidebar links.
    assert len(seen["top" if mode == "public" else "sidebar"]) == len(PAGES)
    if mode == "public":
        assert not seen["sidebar"]


def each_page_in_each_language_and_mode() -> list[tuple[PageSpec, str, str]]:
    """(page, language, mode) cases such that every page is checked in every language and mode,
    by its address or by the navigation from the page before it: a page takes two of the four
    (language, mode) pairs, the next page the other two (and the first page, after an odd number
    of pages, whatever the last one left it)."""
    pairs = [(lang, mode) for lang in LANGUAGES for mode in MODES]
    halves = ((pairs[0], pairs[3]), (pairs[1], pairs[2]))
    cases = {(index, pair) for index in range(len(PAGES)) for pair in halves[index % 2]}
    for index in range(len(PAGES)):
        for pair in pairs:
            if (index, pair) not in cases and ((index - 1) % len(PAGES), pair) not in cases:
                cases.add((index, pair))
    return [(PAGES[index], lang, mode) for index, (lang, mode) in sorted(cases)]


CASES = each_page_in_each_language_and_mode()


@pytest.mark.parametrize("spec, lang, mode", CASES,
                         ids=[f"{spec.url_path}-{lang}-{mode}" for spec, lang, mode in CASES])
def test_page_by_address_then_the_next_one_by_navigation(tiny_server, page, spec, lang, mode):
    wanted = params(lang, mode)
    page.goto(tiny_server.address(url_path(spec), **wanted))
    check_page(page, spec, lang, mode)
    assert parse_qs(urlparse(page.url).query) == {key: [value] for key, value in wanted.items()}

    following = PAGES[(PAGES.index(spec) + 1) % len(PAGES)]
    href = tiny_server.address(url_path(following))
    link = nav_links(page, mode).and_(page.locator(f'[href="{href}"]'))
    link.click()
    check_page(page, following, lang, mode)
    address = urlparse(page.url)
    assert address.path == f"/{url_path(following)}"
    assert parse_qs(address.query) == {key: [value] for key, value in wanted.items()}, page.url
