"""The bundled `data/` folder: it validates, and the facts the issue fixes are exact."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import BUNDLED

from ogp_metrics import figures
from ogp_metrics.ingest.load import load_plan


@pytest.fixture(scope="module")
def cursor():
    plan = load_plan(BUNDLED)  # raises, listing every problem, if the folder does not validate
    assert plan.report.ok
    yield plan.cursor()
    plan.connection.close()


def rows(cursor, sql: str) -> list[tuple]:
    return cursor.execute(sql).fetchall()


# The four commitments, from the issue: English title, start and end month, OGP values.
COMMITMENTS = {
    "FRPA0001": ("Paris citizens' assembly", (2021, 10), (2026, 10), {"civic_participation"}),
    "FRPA0002": ("Introducing two brand-new digital platforms for greater transparency and citizen "
                 "participation", (2021, 12), (2026, 12),
                 {"access_to_information", "civic_participation", "public_accountability"}),
    "FRPA0003": ("European citizenship", (2023, 9), (2024, 6),
                 {"access_to_information", "civic_participation"}),
    "FRPA0004": ("Develop the first index to assess ecological democracy, and establish an action to "
                 "implement the UNFCCC Action for Climate Empowerment programme", (2024, 4), (2026, 12),
                 {"access_to_information", "civic_participation"}),
}


def test_the_four_commitments(cursor):
    found = rows(cursor, "SELECT commitment_id, title_en, start_date, end_date, ogp_values, title_fr "
                         "FROM commitments ORDER BY commitment_id")
    assert [row[0] for row in found] == ["FRPA0001", "FRPA0002", "FRPA0003", "FRPA0004"]
    for commitment_id, title_en, start, end, values, title_fr in found:
        expected_title, expected_start, expected_end, expected_values = COMMITMENTS[commitment_id]
        assert title_en == expected_title
        assert (start.year, start.month) == expected_start, commitment_id
        assert (end.year, end.month) == expected_end, commitment_id
        assert set(values) == expected_values and len(values) == len(expected_values)
        assert title_fr and title_fr != title_en


def test_french_titles(cursor):
    titles = dict(rows(cursor, "SELECT commitment_id, title_fr FROM commitments"))
    assert titles["FRPA0001"] == "Assemblée citoyenne de Paris"
    assert titles["FRPA0003"] == "Citoyenneté européenne"
    descriptions = dict(rows(cursor, "SELECT commitment_id, description_en FROM commitments"))
    assert "Décider pour Paris" in descriptions["FRPA0002"]
    assert "Agir pour Paris" in descriptions["FRPA0002"]
    assert "Parisian Council of Europeans" in descriptions["FRPA0003"]


def test_lead_institutions(cursor):
    institutions = dict(rows(cursor, "SELECT code, name_en FROM institutions"))
    assert {"DGRI", "DDCT", "DTEC", "DSIN"} <= set(institutions)
    names = " / ".join(institutions.values())
    assert "Deputy Mayor for democracy, citizenship, neighbourhoods and citizen participation" in names
    assert "Deputy Mayor for international relations" in names
    leads = {code for (code,) in rows(cursor, "SELECT lead_institution FROM commitments")}
    owners = {code for (code,) in rows(cursor, "SELECT owner FROM milestones WHERE owner IS NOT NULL")}
    assert {"DGRI", "DDCT", "DTEC"} <= leads | owners
    assert "DSIN" in {code for (code,) in rows(
        cursor, "SELECT owner FROM milestones WHERE commitment_id = 'FRPA0002'")}


def test_forty_public_meetings_in_the_co_creation(cursor):
    count, first, last = rows(cursor, "SELECT count(*), min(date), max(date) FROM meetings "
                                      "WHERE phase = 'co_creation' AND is_public")[0]
    assert count == 40
    assert first.year == 2021
    assert last <= date(2024, 3, 29)  # early 2024, before the plan was submitted


def test_plan_dates(cursor):
    plan = figures.plan(cursor)
    assert plan["submitted_date"] == date(2024, 3, 29)
    assert plan["end_date"] == date(2026, 12, 31)  # the one the dashboard uses
    assert plan["alternative_end_date"] == date(2026, 10, 31)
    readme = (BUNDLED / "README.md").read_text(encoding="utf-8")
    assert "`end_date` =\n31 décembre 2026" in readme and "`end_date` = 31 December 2026" in readme


def test_illustrative_data_is_varied(cursor):
    """The issue asks for late milestones, months without meetings, unknown attendance and
    demographic gaps, so that the dashboard shows how it handles each."""
    assert figures.headline(cursor, date(2026, 9, 30))["milestones"]["overdue"] > 0
    assert rows(cursor, "SELECT count(*) FROM milestones WHERE completed_date > due_date")[0][0] > 0
    assert rows(cursor, "SELECT count(*) FROM meetings WHERE attendees IS NULL")[0][0] > 0
    assert rows(cursor, "SELECT count(*) FROM participation WHERE age_group IS NULL")[0][0] > 0
    assert rows(cursor, "SELECT count(*) FROM participation WHERE gender IS NULL")[0][0] > 0
    months = {(day.year, day.month) for (day,) in rows(
        cursor, "SELECT date FROM meetings WHERE date BETWEEN '2024-04-01' AND '2026-12-31'")}
    every_month = {(year, month) for year in (2024, 2025, 2026) for month in range(1, 13)
                   if date(2024, 4, 1) <= date(year, month, 1)}
    assert every_month - months, "some months of the plan should have no meeting"
    sectors = {sector for (sector,) in rows(cursor, "SELECT DISTINCT arrondissement FROM participation")}
    assert {"centre", None} <= sectors and len(sectors) >= 10


def test_participation_as_it_really_happens(cursor):
    """The real 2 April 2023 vote (fixture README: 1 382 322 registered, 103 084 voters, 7.5 %),
    two votations whose sector rows name their event, and nine real winning projects."""
    as_of = date(2026, 6, 30)
    (vote,) = figures.votes(cursor, as_of).to_dict("records")
    assert (vote["event_id"], vote["registered"], vote["voters"], vote["turnout_pct"], vote["sectors"]) == (
        "votation-2023-04-02", 1382322, 103084, 7.5, 17)
    assert rows(cursor, "SELECT DISTINCT e.commitment_id, v.licence FROM vote_results v "
                        "JOIN events e USING (event_id)") == [("FRPA0002", "ODbL")]
    assert figures.events_taken_part(cursor, as_of) == 2
    assert list(figures.events(cursor, as_of)["sectors"]) == [0, 17, 17]
    by_edition = figures.projects_by(cursor, as_of, "edition")
    # 2021: 1 160 000 + 400 000; 2022: 380 000 + 2 000 000 + 590 000 + 5 000 000; 2023: 500 000
    # + 2 500 000; 2024: 20 000.
    assert [(int(e), int(n), int(a)) for e, n, a in zip(by_edition["group_key"], by_edition["projects"],
                                                        by_edition["amount_eur"], strict=True)] == [
        (2021, 2, 1560000), (2022, 4, 7970000), (2023, 2, 3000000), (2024, 1, 20000)]
    illustrative = rows(cursor, "SELECT illustrative_tables FROM plan")[0][0]
    assert not {"events", "vote_results", "projects"} & set(illustrative)  # real data
