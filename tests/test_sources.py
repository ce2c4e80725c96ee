"""Where the data comes from: per-row `source` and `licence`, shown on the Data page, the site's
open-data page and the briefing; the "illustrative data" notice only when `plan.csv` says so."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from helpers import BUNDLED, read_records, write_records
from pypdf import PdfReader

from ogp_metrics import figures
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.outputs import briefing, site
from ogp_metrics.views.data_files import source_lines, sources_table
from ogp_metrics.views.plan_facts import illustrative_notice

AS_OF = date(2025, 12, 31)
VOTE = ("Ville de Paris, opendata.paris.fr : votation du 2 avril 2023", "ODbL")


def with_sources(folder):
    """tiny with sources on three participation rows and one meeting, and nothing else said."""
    records = read_records(folder / "participation.csv")
    records[0] += ["source", "licence"]
    for index, record in enumerate(records[1:], start=2):
        record += list(VOTE) if index in (3, 4, 5) else ["", ""]
    write_records(folder / "participation.csv", records)
    records = read_records(folder / "meetings.csv")
    records[0].append("source")
    records[1].append("Compte rendu du comité")
    for record in records[2:]:
        record.append("")
    write_records(folder / "meetings.csv", records)
    return folder


def plan_status(folder, status: str, tables: str = "") -> None:
    records = [record[:8] for record in read_records(folder / "plan.csv")]  # tiny's own 8 columns
    records[0] += ["data_status", "illustrative_tables"]
    records[1] += [status, tables]
    write_records(folder / "plan.csv", records)


def test_sources_and_licences_are_counted_by_file(tiny):
    plan = load_plan(with_sources(tiny))
    frame = figures.sources(plan.cursor())
    assert frame.fillna("—").values.tolist() == [
        ["meetings", "Compte rendu du comité", "—", 1], ["participation", *VOTE, 3]]
    assert source_lines(frame, "fr") == [
        "meetings.csv : Compte rendu du comité (—, 1 ligne)",
        "participation.csv : Ville de Paris, opendata.paris.fr : votation du 2 avril 2023 (ODbL, 3 lignes)"]
    assert list(sources_table(frame, "en").columns) == ["File", "Source", "Licence", "Rows"]
    assert sources_table(frame, "fr").values.tolist() == [
        ["meetings.csv", "Compte rendu du comité", "—", "1"], ["participation.csv", *VOTE, "3"]]


def test_the_site_and_the_briefing_attribute_the_data(tiny, tmp_path):
    plan = load_plan(with_sources(tiny))
    site.publish_site(plan, tmp_path / "site", AS_OF)
    page = (tmp_path / "site" / "fr" / "data.html").read_text(encoding="utf-8")
    assert "<h2 id=\"sources\">Sources et licences</h2>" in page
    assert ("<li>participation.csv : Ville de Paris, opendata.paris.fr : votation du 2 avril 2023 "
            "(ODbL, 3 lignes)</li>") in page
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(briefing.briefing_pdf(
        plan, AS_OF, "en"))).pages)
    assert "Sources and licences" in text and "(ODbL, 3 rows)" in text


def test_the_illustrative_notice_comes_from_the_data(tiny, tmp_path):
    plan = load_plan(tiny)
    assert illustrative_notice(figures.plan(plan.cursor()), "fr") is None  # tiny says nothing
    site.publish_site(plan, tmp_path / "site", AS_OF)
    assert "illustration" not in (tmp_path / "site" / "fr" / "index.html").read_text(encoding="utf-8")

    plan_status(tiny, "réel", "participation|Cibles")
    info = figures.plan(load_plan(tiny).cursor())
    assert (info["data_status"], info["illustrative_tables"]) == ("real", ["participation", "targets"])
    assert illustrative_notice(info, "fr") == ("Participation et cibles : données d'illustration, "
                                               "inventées pour montrer le tableau de bord.")
    plan_status(tiny, "illustratif")
    info = figures.plan(load_plan(tiny).cursor())
    assert illustrative_notice(info, "en") == ("Illustrative data: made up to show the dashboard, do not "
                                               "quote it.")


def test_the_bundled_data_says_which_files_are_illustrative():
    info = figures.plan(load_plan(BUNDLED).cursor())
    assert illustrative_notice(info, "fr") == (
        "Jalons, points d'avancement, évaluations, réunions, participation et cibles : données "
        "d'illustration, inventées pour montrer le tableau de bord.")
