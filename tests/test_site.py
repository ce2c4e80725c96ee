"""The public site: pages in both languages with the right figures, nothing fetched from another
host, the public data as CSV with its dictionary, and the public mode's rules.

The site is built from a copy of `tests/fixtures/tiny/` as of B = 2025-12-31, with three
changes made for these tests:
- a participation record of 3 people aged under 18 (women), on 2025-08-01 in the 5th: a
  demographic cell under 5;
- C2's French title ends with `<script>alert("x")</script>`;
- an update's `reported_by` names a person, "Jeanne Staffnote".
Figures as of B, by hand (see `test_summary.py` for the unchanged ones):
- milestones complete 2 of 5 (C1-M1, C2-M1); overdue 2: C1-M2 (due 2025-09-30: 31 + 30 + 31 =
  92 days late) and C2-M2 (due 2025-06-30: 31 + 31 + 30 + 31 + 30 + 31 = 184 days late);
- mean progress (100 + 90 + 25 + 100 + 11.25) / 5 = 65.25 -> 65.3 %; at the last steering
  committee before B (R6, 2025-10-01) it was (100 + 90 + 0 + 100 + 11.25) / 5 = 60.25 -> 60.3:
  "+5 pt";
- meetings held 6 (R1-R6), 3 of them public; 1 planned (R7);
- participants 2 240 + 3 = 2 243, contributions 497 + 1 = 498;
- by age group: 18-24 100, 25-39 25, 60+ 15, under 18 3 (shown "< 5"), 40-59 0 ("< 5" too:
  every count under 5), unknown 2 243 - 143 = 2 100.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import pytest
from helpers import BUNDLED, TINY, add_record, copy_tiny, read_records, set_cell, write_records

from ogp_metrics.cli.main import main
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.outputs import public_data, site

B = date(2025, 12, 31)
PAGES = ("index", "commitments", "meetings", "participation", "data")
SCRIPT_TITLE = 'Citoyenneté européenne <script>alert("x")</script>'


# ---------------------------------------------------------------- reading the pages

class Page(HTMLParser):
    """What a test needs from a page: its language, text, links, resources, tables, charts."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.text_parts: list[str] = []
        self.resources: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.links: list[str] = []
        self.charts: list[dict[str, str]] = []
        self.rows: list[list[str]] = []
        self.headings: list[tuple[int, str]] = []
        self.ids: set[str] = set()
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._heading: tuple[int, list[str]] | None = None
        self._skip = 0
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "html":
            self.lang = attributes.get("lang")
        if tag in ("script", "link", "img", "source", "iframe", "audio", "video", "embed", "object",
                   "image", "use", "style", "input", "track"):
            for name in ("src", "href", "xlink:href", "srcset", "data", "poster"):
                if attributes.get(name) is not None:
                    self.resources.append((tag, name, attributes[name]))
        if tag == "a" and attributes.get("href") is not None:
            self.links.append(attributes["href"])
        if tag == "svg" and attributes.get("role") == "img":
            self.charts.append(attributes)
        if tag in ("title", "style"):
            self._skip += 1
        if tag == "tr":
            self._row = []
        if tag in ("td", "th") and self._row is not None:
            self._cell = []
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = (int(tag[1]), [])

    def handle_endtag(self, tag):
        if tag in ("title", "style"):
            self._skip -= 1
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        if tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
        if self._heading and tag == f"h{self._heading[0]}":
            self.headings.append((self._heading[0], " ".join("".join(self._heading[1]).split())))
            self._heading = None

    def handle_data(self, data):
        if self._skip:
            return
        self.text_parts.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._heading is not None:
            self._heading[1].append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())


def read_page(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def squeeze(value: str) -> str:
    return " ".join(value.split())  # no-break and narrow no-break spaces included


# ---------------------------------------------------------------- the sites

def fixture_folder(tmp_path: Path) -> Path:
    folder = copy_tiny(tmp_path)
    add_record(folder, "participation.csv", {
        "date": "2025-08-01", "activity": "citizen_workshop", "commitment_id": "C1",
        "arrondissement": "5", "participants": "3", "contributions": "1", "age_group": "under_18",
        "gender": "female"})
    set_cell(folder, "commitments.csv", 3, "title_fr", SCRIPT_TITLE)
    set_cell(folder, "progress_updates.csv", 4, "reported_by", "Jeanne Staffnote")
    return folder


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory) -> Path:
    folder = fixture_folder(tmp_path_factory.mktemp("tiny"))
    out = tmp_path_factory.mktemp("site") / "public"
    site.publish_site(load_plan(folder), out, B, generated=date(2026, 1, 5))
    return out


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bundled") / "public"
    site.publish_site(load_plan(BUNDLED), out, date(2026, 6, 30))
    return out


def html_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


# ---------------------------------------------------------------- structure

@pytest.mark.parametrize("which", ["tiny_site", "bundled_site"])
def test_every_page_exists_in_both_languages(request, which):
    folder = request.getfixturevalue(which)
    assert (folder / "index.html").is_file()
    assert (folder / "assets" / "site.css").is_file()
    for lang in ("fr", "en"):
        for name in PAGES:
            page = read_page(folder / lang / f"{name}.html")
            assert page.lang == lang, (lang, name)
            assert [level for level, _ in page.headings].count(1) == 1, (lang, name)  # one h1
    root = read_page(folder / "index.html")
    assert "fr/index.html" in root.links and "en/index.html" in root.links


@pytest.mark.parametrize("which", ["tiny_site", "bundled_site"])
def test_no_request_to_any_other_host(request, which):
    folder = request.getfixturevalue(which)
    for path in html_files(folder):
        source = path.read_text(encoding="utf-8")
        page = Page(source)
        for tag, attribute, value in page.resources:
            scheme = urlsplit(value).scheme
            assert not value.startswith("//"), (path, tag, value)
            assert scheme in ("", "data"), (path, tag, attribute, value)
        assert "<script" not in source.lower(), path  # no script at all: nothing to fetch or run
        assert "@import" not in source, path
        assert re.findall(r"url\((?!#)", source) == [], path  # only the page's own gradients
        # Links between pages are relative and lead to files that exist.
        for link in page.links:
            target = urlsplit(link)
            if target.scheme in ("http", "https"):
                continue  # evidence and minutes: followed by the reader, never loaded
            assert not target.scheme and not link.startswith("/"), (path, link)
            if target.path:
                assert (path.parent / target.path).resolve().is_file(), (path, link)
            if target.fragment and not target.path:
                assert target.fragment in page.ids, (path, link)
    css = (folder / "assets" / "site.css").read_text(encoding="utf-8")
    assert "url(" not in css and "@import" not in css


@pytest.mark.parametrize("which", ["tiny_site", "bundled_site"])
def test_every_chart_is_labelled_and_has_a_table_behind_it(request, which):
    folder = request.getfixturevalue(which)
    charts = 0
    for path in html_files(folder):
        source = path.read_text(encoding="utf-8")
        page = Page(source)
        for chart in page.charts:
            assert chart.get("aria-label", "").strip(), path
            charts += 1
        # each chart's figure is followed by its data in a <details> table
        for figure in re.finditer(r"<figure>.*?</figure>", source, flags=re.S):
            after = source[figure.end():figure.end() + 400]
            assert after.lstrip().startswith("<details><summary>"), path
            assert "<table>" in source[figure.end():figure.end() + 4000], path
        assert 'href="#main"' in source and 'id="main"' in source, path  # skip link
    # overview 2 (milestones, targets), meetings 1, participation 4 (month, sectors, age, gender),
    # in each language; the bundled data adds, on Votes and projects, its one vote with results
    # (result, turnout map) and its projects (edition, sector, stage, deliveries): 6 per language
    assert charts == (14 + 12 if which == "bundled_site" else 14)


# ---------------------------------------------------------------- figures

def test_overview_figures_in_french(tiny_site):
    page = read_page(tiny_site / "fr" / "index.html")
    text = squeeze(page.text)
    assert "Plan d'essai 2024-2026" in text
    assert "Situation au 31 décembre 2025" in text
    assert ("Sous chaque chiffre, son évolution depuis le dernier comité de pilotage, le 1er oct. 2025."
            in text)
    assert "Jalons terminés 2 sur 5 Évolution : ±0" in text
    assert "Jalons en retard 2 Évolution : ±0" in text
    assert "Avancement moyen des jalons 65,3 % Évolution : +5 pt" in text
    assert "Réunions tenues 6 Évolution : ±0" in text
    assert "Participations 2 243 Évolution : ±0" in text
    # points of attention: late milestones (the longest delay first), then what is at risk; the
    # public reads commitments by name, and owners by theirs
    # (C2's name carries a script tag in this fixture: escaped, and cut at 48 characters)
    assert ["▲ En retard · 184 j", "Jalon · Débats publics",
            "Échéance dépassée de 184 jours ; avancement 11 %",
            "Citoyenneté européenne <script>alert(\"x\")</scri…",
            "Délégation générale aux relations internationales", "30 juin 2025"] in page.rows
    assert ["▲ En retard · 92 j", "Jalon · Première session",
            "Échéance dépassée de 92 jours ; avancement 90 %",
            "Assemblée citoyenne", "Direction de la démocratie, des citoyen·ne·s et des territoires",
            "30 sept. 2025"] in page.rows
    # participations 2 243 of 10 000 (22 %) with 730 of 1 095 days gone (67 %): at risk
    assert ["Participations · tout le plan", "À risque", "2 243", "10 000", "22 %", "67 %",
            "31 déc. 2026", "—"] in page.rows
    # milestones chart's table: C1 1 complete, 1 in progress, 1 overdue; C2 1 complete, 1 overdue
    assert ["Assemblée citoyenne", "1", "1", "0", "1"] in page.rows
    assert "FRPA" not in text and "C1 ·" not in text  # names, not identifiers


def test_overview_figures_in_english(tiny_site):
    text = squeeze(read_page(tiny_site / "en" / "index.html").text)
    assert "Situation on 31 December 2025" in text
    assert "Milestones complete 2 of 5 Change: ±0" in text
    assert "Average milestone progress 65.3% Change: +5 pt" in text
    assert "Participations 2,243 Change: ±0" in text
    assert "Test plan 2024–2026" in text


def test_commitments_page(tiny_site):
    page = read_page(tiny_site / "fr" / "commitments.html")
    text = squeeze(page.text)
    assert "C1 · Assemblée citoyenne" in text
    assert "Achèvement selon la Ville Substantiel (évaluation du 30 juin 2025)" in text
    assert "Achèvement selon l’évaluation indépendante Limité (évaluation du 31 mars 2025)" in text
    # C1 weighted: (100 + 3 x 90 + 25) / 5 = 79; C2: (2 x 100 + 11.25) / 3 = 70.41... -> 70,4
    assert "Avancement pondéré des jalons 79 %" in text
    assert "Avancement pondéré des jalons 70,4 %" in text
    # C1's milestones: overdue first, then in progress, then complete (with its evidence link)
    c1 = [row for row in page.rows if row[1] in ("Première session", "Rapport final", "Tirage au sort")]
    assert c1 == [
        ["En retard · 92 jours", "Première session",
         "Direction de la démocratie, des citoyen·ne·s et des territoires", "30 sept. 2025", "—", "90 %", ""],
        ["En cours", "Rapport final", "non renseigné", "30 juin 2026", "—", "25 %", ""],
        ["Terminé", "Tirage au sort", "Direction de la démocratie, des citoyen·ne·s et des territoires",
         "31 déc. 2024", "15 nov. 2024", "100 %", "preuve"],
    ]
    english = squeeze(read_page(tiny_site / "en" / "commitments.html").text)
    assert "C2 · European citizenship" in english
    assert "Overdue · 184 days" in english


def test_meetings_and_participation_pages(tiny_site):
    meetings = read_page(tiny_site / "fr" / "meetings.html")
    assert "Réunions tenues : 6, dont publiques : 3 ; prévues : 1." in squeeze(meetings.text)
    # by type: 3 steering committees held, attendees 12 + 10 + 9 = 31
    assert ["Comité de pilotage", "3", "0", "0", "31"] in meetings.rows
    # a citizen workshop with attendance unknown is not counted as zero
    assert ["Atelier citoyen", "1", "0", "1", "0 (nombre inconnu pour 1 réunion)"] in meetings.rows
    assert ["1er mars 2026", "Réunion publique", "Réunion publique de bilan", "tout le plan",
            "Publique"] in meetings.rows
    participation = read_page(tiny_site / "fr" / "participation.html")
    text = squeeze(participation.text)
    assert "2 243 participations, 498 contributions" in text
    # sectors: centre 25 + 15 + 500 = 540; the 5th 3; city-wide 1 200 + 60 = 1 260
    assert ["Paris Centre", "540"] in participation.rows
    assert ["5e arrondissement", "3"] in participation.rows
    assert "1 260 participations en ligne" in text


def test_small_demographic_cells_are_shown_as_under_five(tiny_site):
    page = read_page(tiny_site / "fr" / "participation.html")
    assert ["Moins de 18 ans", "< 5", "—"] in page.rows  # 3 people: hidden, share too
    assert ["40-59 ans", "< 5", "—"] in page.rows
    assert ["18-24 ans", "100", "4 %"] in page.rows  # 100 / 2 243 = 4.46 %
    assert ["Âge inconnu", "2 100", "94 %"] in page.rows  # 2 100 / 2 243 = 93.6 %
    assert ["Femmes", "28", "1 %"] in page.rows  # 25 + 3, not small
    records = list(csv.reader(io.StringIO((tiny_site / "data" / "participation_by_age_group.csv")
                                          .read_text(encoding="utf-8-sig")), delimiter=";"))
    by_group = {row[0]: row[1] for row in records[1:]}
    assert by_group["under_18"] == "< 5"
    assert by_group["18_24"] == "100"
    # nowhere does the hidden count show: no age row gives 3
    svg = (tiny_site / "fr" / "participation.html").read_text(encoding="utf-8")
    age_chart = svg[svg.index('id="age_group-chart"'):svg.index('id="gender-chart"')]
    assert ">3<" not in age_chart


def test_no_staff_note_or_reporter_anywhere(tiny_site):
    for path in tiny_site.rglob("*"):
        if path.is_file():
            content = path.read_text(encoding="utf-8-sig")
            for secret in ("Séance reportée", "remplacé par un autre engagement", "Jeanne Staffnote",
                           "reported_by"):
                assert secret not in content, (path, secret)
    for name in ("progress_updates.csv", "assessments.csv"):
        header = (tiny_site / "data" / name).read_text(encoding="utf-8-sig").splitlines()[0].split(";")
        assert "note" not in header and "reported_by" not in header


def test_text_from_the_data_is_escaped(tiny_site):
    for path in html_files(tiny_site):
        assert "<script" not in path.read_text(encoding="utf-8").lower(), path
    source = (tiny_site / "fr" / "commitments.html").read_text(encoding="utf-8")
    assert "Citoyenneté européenne &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in source
    assert f"C2 · {SCRIPT_TITLE}" in squeeze(read_page(tiny_site / "fr" / "commitments.html").text)


def test_no_untranslated_text_key(tiny_site):
    for path in html_files(tiny_site):
        text = read_page(path).text
        keys = re.findall(r"\b(?:site|export|publish|briefing|overview|headline|col)\.[a-z_]+(?:\.[a-z_]+)*",
                          text)
        assert [key for key in keys if not key.endswith((".csv", ".html"))] == [], path


# ---------------------------------------------------------------- the public data

def test_data_files_parse_and_have_a_dictionary(tiny_site):
    data = tiny_site / "data"
    files = sorted(path.name for path in data.glob("*.csv"))
    expected = sorted([f"{name}.csv" for name in public_data.PUBLIC_DATA]
                      + ["dictionary-fr.csv", "dictionary-en.csv"])
    assert files == expected
    dictionary = pd.read_csv(data / "dictionary-en.csv", sep=";", encoding="utf-8-sig", dtype=str)
    for name in public_data.PUBLIC_DATA:
        raw = (data / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), name
        frame = pd.read_csv(data / f"{name}.csv", sep=";", encoding="utf-8-sig", decimal=",", dtype=str)
        documented = dictionary[dictionary["File"] == f"{name}.csv"]
        assert list(documented["Column"]) == list(frame.columns), name
        assert documented["Description"].notna().all(), name
    milestones = pd.read_csv(data / "milestones.csv", sep=";", encoding="utf-8-sig", decimal=",")
    assert dict(zip(milestones["milestone_id"], milestones["status"], strict=True)) == {
        "C1-M1": "complete", "C1-M2": "overdue", "C1-M3": "in_progress", "C2-M1": "complete",
        "C2-M2": "overdue"}
    assert milestones.set_index("milestone_id").loc["C2-M2", "progress_pct"] == 11.25
    meetings = pd.read_csv(data / "meetings.csv", sep=";", encoding="utf-8-sig")
    assert list(meetings["state"]) == ["held"] * 6 + ["planned"]
    page = read_page(tiny_site / "fr" / "data.html")
    assert "../data/milestones.csv" in page.links and "../data/dictionary-fr.csv" in page.links


# ---------------------------------------------------------------- the command

def test_publish_command_replaces_its_own_site_and_protects_other_folders(tmp_path, tiny, capsys):
    out = tmp_path / "www"
    assert main(["publish", str(tiny), "--out", str(out), "--as-of", "2025-12-31"]) == 0
    assert f"Site écrit dans {out}" in capsys.readouterr().out
    (out / "fr" / "stale.html").write_text("old", encoding="utf-8")
    assert main(["publish", str(tiny), "--out", str(out), "--as-of", "2025-06-30", "--lang", "en"]) == 0
    assert not (out / "fr" / "stale.html").exists()  # the whole site was replaced
    assert "Situation au 30 juin 2025" in read_page(out / "fr" / "index.html").text
    precious = tmp_path / "documents"
    precious.mkdir()
    (precious / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["publish", str(tiny), "--out", str(precious)]) == 2
    assert (precious / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert "n’est pas un site produit par cette commande" in capsys.readouterr().err
    set_cell(tiny, "meetings.csv", 3, "date", "hier")
    assert main(["publish", str(tiny), "--out", str(tmp_path / "other")]) == 1
    assert not (tmp_path / "other").exists()


def test_empty_folder_gives_a_site_with_friendly_empty_states(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    for path in TINY.glob("*.csv"):
        write_records(folder / path.name, read_records(path)[:1])
    out = tmp_path / "site"
    site.publish_site(load_plan(folder), out, B)
    assert "Ce plan n'a encore aucun engagement" in read_page(out / "fr" / "index.html").text
    assert "Aucune réunion prévue après cette date." in read_page(out / "fr" / "meetings.html").text


def test_real_sector_boundaries_when_the_folder_has_them(tmp_path, tiny):
    def square(x: float, y: float, size: float = 0.01) -> list:
        return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]

    features = [{"type": "Feature", "properties": {"c_ar": number},
                 "geometry": {"type": "Polygon", "coordinates": square(2.30 + 0.01 * (number % 5),
                                                                       48.84 + 0.01 * (number // 5))}}
                for number in range(1, 21)]
    (tiny / "arrondissements.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    out = tmp_path / "site"
    site.publish_site(load_plan(tiny), out, B)
    source = (out / "fr" / "participation.html").read_text(encoding="utf-8")
    sectors = source[source.index('id="sector-chart"'):source.index('id="diversity"')]
    assert 'class="mark-shape role-mark' in sectors  # the outlines, not the tiles
