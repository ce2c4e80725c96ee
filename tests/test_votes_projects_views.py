"""What the "Votes and projects" page, the IRM's view and their site and briefing sections show,
from the tiny folder with `tests/fixtures/events/` laid over it. Worked out by hand:

- vote V1 (23 March 2025), 2 sectors and 2 options: Paris Centre 100 voters of 1 200 registered
  = 8.33 % -> "8,3 %"; 11e 100 of 2 000 = "5,0 %"; overall 200 of 3 200 = 6.25 % -> "6,3 %"
  (half up). Pour 60 + 40 = 100, Contre 35 + 60 = 95: 100 / 195 = 51.28 % -> "51,3 %",
  95 / 195 = 48.72 % -> "48,7 %". Blank 2, null 3.
- projects as of 31 Dec 2024 (two editions): 2023 = P1 (Paris Centre, 100 000 €, FIN, delivered
  June 2024) + P2 (11e, 250 000 €, works) = 2 projects, 350 000 €, 1 delivered (50 %); 2024 =
  P3 (city-wide, 1 000 000 €, delivered February 2025: not yet) + P4 (11e, 50 000 €, abandoned)
  = 2 projects, 1 050 000 €, none delivered. Total 4 projects, 1 400 000 €, 1 of 4 delivered (25 %).
- the IRM as of 31 Dec 2025: C1 according to the City substantial (30 June 2025), to the IRM
  limited (progress report 2025), potential impact moderate (design review), not starred, opened
  government: major. C2: the City says withdrawn, the IRM complete (results report 2025), starred,
  worsened. The IRM agrees with the City on neither.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from ogp_metrics import figures
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.views import irm, projects, votes

FIXTURES = Path(__file__).resolve().parent / "fixtures"
END_2025, END_2024 = date(2025, 12, 31), date(2024, 12, 31)
NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.fixture(scope="module")
def cursor(tmp_path_factory):
    folder = tmp_path_factory.mktemp("views") / "data"
    shutil.copytree(FIXTURES / "tiny", folder)
    for path in (FIXTURES / "events").glob("*.csv"):
        shutil.copy(path, folder / path.name)
    plan = load_plan(folder)
    yield plan.cursor()
    plan.connection.close()


@pytest.fixture(scope="module")
def vote(cursor) -> dict:
    (found,) = figures.votes(cursor, END_2025).to_dict("records")
    return found


def test_events_are_counted_as_events_and_listed(cursor):
    events = figures.events(cursor, END_2025)
    assert votes.events_summary(events, "fr") == (
        "3 événements, dont 1 votation avec résultats ; 3 lignes de participation les nomment."
    )
    rows = votes.event_rows(events, "en", {"C1": "C1 · Squares"})
    assert rows.to_dict("list") == {
        "Event": ["Vote on squares", "Climate workshop", "Vote to come"],
        "Dates": ["23 Mar 2025", "From 10 May 2025 to 11 May 2025", "16 Nov 2025"],
        "Channel": ["In person", "In person", "Mixed"],
        "Commitment": ["C1 · Squares", "—", "C1 · Squares"],
        "Participations": ["200", "30", "0"],
        "Sectors": ["2", "1", "0"],
    }
    # A vote that no participation row names (V2, say with results: 50 voters over 3 sectors)
    # is counted from its results; one that rows name (V1) keeps the rows' figures.
    held = pd.DataFrame({"event_id": ["V1", "V2"], "voters": [999, 50], "sectors": [9, 3]})
    rows = votes.event_rows(events, "en", {}, held)
    assert rows["Participations"].tolist() == ["200", "30", "50"]
    assert rows["Sectors"].tolist() == ["2", "1", "3"]


def test_a_votes_question_result_and_turnout(cursor, vote):
    assert votes.vote_title(vote, "fr") == "Votation sur les places (23 mars 2025)"
    assert votes.turnout_text(vote, "fr") == f"6,3{NNBSP}% (200 votants sur 3{NNBSP}200 inscrits)"
    assert votes.blank_null_text(vote, "en") == "2 blank · 3 null"
    figure = votes.option_figure(vote, figures.vote_options(cursor, END_2025), "fr")
    assert figure.table.values.tolist() == [["Pour", 100, f"51,3{NNBSP}%"], ["Contre", 95, f"48,7{NNBSP}%"]]
    assert f"Pour 100 (51,3{NNBSP}%)" in figure.description
    assert figure.chart.to_dict()  # a valid Vega-Lite spec


def test_turnout_per_sector_in_a_table_and_on_a_rate_map(cursor, vote):
    in_sectors = figures.vote_sectors(cursor, END_2025, event_id="V1")
    assert votes.sector_table(in_sectors, "fr", public=False).values.tolist() == [
        ["Paris Centre", f"1{NNBSP}200", "100", f"8,3{NNBSP}%"],
        ["11e arrondissement", f"2{NNBSP}000", "100", f"5,0{NNBSP}%"],
    ]
    rate = votes.sector_figure(vote, in_sectors, "turnout_pct", "fr", public=False)
    spec = rate.chart.to_dict()
    layers = spec["layer"]
    tiles = {row["sector"]: row for row in spec["datasets"][spec["data"]["name"]]}
    # The map shades the rate, not the count: Paris Centre (8.3) darker than the 11e (5.0).
    assert (tiles["centre"]["value"], tiles["11"]["value"]) == (8.3, 5.0)
    assert tiles["centre"]["value_text"] == f"8,3{NNBSP}%"
    legend = layers[0]["encoding"]["color"]
    assert legend["title"] == "Participation (% des inscrits)" and legend["legend"]["format"] == ",.1~f"
    count = votes.sector_figure(vote, in_sectors, "voters", "en", public=False).chart.to_dict()
    assert count["layer"][0]["encoding"]["color"]["title"] == "Voters (number)"


def test_public_mode_hides_a_sectors_small_count_and_its_turnout(cursor, vote):
    in_sectors = figures.vote_sectors(cursor, END_2025, event_id="V1").copy()
    in_sectors.loc[in_sectors["sector"] == "11", "voters"] = 3
    assert votes.sector_table(in_sectors, "fr", public=True).values.tolist()[1] == [
        "11e arrondissement",
        f"2{NNBSP}000",
        "< 5",
        "—",
    ]
    assert votes.sector_table(in_sectors, "fr", public=False).values.tolist()[1][2] == "3"
    spec = votes.sector_figure(vote, in_sectors, "voters", "fr", public=True).chart.to_dict()
    tiles = {row["sector"]: row for row in spec["datasets"][spec["data"]["name"]]}
    assert tiles["11"]["value_text"] == "< 5" and tiles["11"]["value"] == 0


def test_projects_per_edition_sector_stage_and_over_time(cursor):
    by_edition = figures.projects_by(cursor, END_2024, "edition")
    assert projects.group_table(by_edition, "edition", "fr").values.tolist() == [
        ["2023", 2, f"350{NNBSP}000{NBSP}€", 1, f"50{NNBSP}%"],
        ["2024", 2, f"1{NNBSP}050{NNBSP}000{NBSP}€", 0, f"0{NNBSP}%"],
    ]
    cards = projects.project_cards(by_edition, "fr")
    assert [(card.label, card.value, card.caption) for card in cards] == [
        ("Projets lauréats", "4", "sur 2 éditions"),
        ("Budget des projets", f"1{NNBSP}400{NNBSP}000{NBSP}€", None),
        ("Part livrée", f"25{NNBSP}%", "1 livré sur 4"),
    ]
    by_sector = projects.sector_figure(figures.projects_by(cursor, END_2024, "sector"), "en")
    assert by_sector.table.iloc[:, :2].values.tolist() == [
        ["Paris Centre", 1],
        ["11th arrondissement", 2],
        ["City-wide / online", 1],
    ]
    assert by_sector.note == "1 project concerns the whole of Paris (not on the map; see the table)."
    status = projects.status_figure(figures.projects_by(cursor, END_2025, "status"), "fr")
    assert status.table.values.tolist() == [
        ["Non démarré", 1],
        ["Procédures", 0],
        ["Études", 0],
        ["Travaux", 1],
        ["Livré", 1],
        ["Terminé", 1],
        ["Abandonné", 1],
    ]
    deliveries = projects.delivery_figure(figures.project_deliveries(cursor, END_2025), "fr")
    assert deliveries.table.values.tolist() == [["juin 2024", 1, 1], ["févr. 2025", 1, 2]]
    assert deliveries.chart.to_dict()


def test_the_irms_view_says_whose_completion_is_whose(cursor):
    assessed = figures.independent_assessments(cursor, END_2025)
    table = irm.side_by_side(assessed, "fr")
    assert list(table.columns[1:3]) == ["Achèvement selon la Ville", "Achèvement selon le MRI (OGP)"]
    assert table.iloc[:, 1:].values.tolist() == [
        [
            "Substantiel (30 juin 2025)",
            "Limité (31 mars 2025)",
            "Rapport d'étape 2025",
            "Modéré",
            "Non",
            "Important",
        ],
        ["Retiré (30 sept. 2025)", "Achevé (31 déc. 2025)", "Résultats 2025", "—", "Oui ★", "Recul"],
    ]
    assert (
        irm.agreement_text(assessed, "en") == "The IRM assessed 2 commitments; it agrees with the City on 0."
    )
    cards = irm.commitment_cards(assessed.iloc[1].to_dict(), "en")
    assert [(card.label, card.value, card.caption) for card in cards] == [
        ("Potential impact (IRM)", "—", "Latest IRM report: Results 2025"),
        ("Starred (IRM)", "Yes ★", None),
        ("Opened government? (IRM)", "Worsened", None),
    ]


def test_one_day_events_are_ticks_on_their_day_not_month_blocks(cursor):
    """By hand, as of 31 Dec 2025: the rows of the month bars are the tiny folder's eight rows
    (1 200 + 40 + 40 + 300 + 100 + 60 + 500) and W1's 30 (two days: a month of activity) = 2 270;
    vote V1 (one day, 2 rows, 200 voters) is a tick on 23 March, not a March bar; 2 470 in all."""
    from ogp_metrics.views import participation

    with_events = figures.participation_by_month(cursor, END_2025)
    by_month = figures.participation_by_month(cursor, END_2025, one_day_events=False)
    assert with_events["participants"].sum() == 2470 and by_month["participants"].sum() == 2270
    assert "citizens_vote" not in set(by_month["activity"])
    assert date(2025, 3, 1) not in {month.date() for month in by_month["month"]}
    trend = participation.by_month_figure(by_month, END_2025, "fr", events=figures.events(cursor, END_2025))
    spec = trend.chart.to_dict()
    (rule,) = [layer for layer in spec["layer"] if layer.get("mark", {}).get("type") == "rule"]
    # V1 only: W1 lasts two days, V2 has no participation row yet. 23 March 2025 is 387 days into
    # the axis's 549 (March 2024 to September 2025): past 70 %, its words go left of the tick.
    assert spec["datasets"][rule["data"]["name"]] == [
        {"side": "left", "date": "2025-03-23", "label": "23 mars 2025 · 200",
         "full_label": "Votation sur les places", "participants": "200"}]
    assert f"2{NNBSP}470" in trend.description
    assert "pas comptés dans les barres" in trend.note
    assert trend.table.iloc[-1].tolist() == ["23 mars 2025 : Votation sur les places", "Votation citoyenne",
                                             200, 0]
    assert int(trend.table["Participations"].sum()) == 2470
    early = figures.events(cursor, date(2025, 3, 1))
    before = participation.by_month_figure(by_month, END_2025, "en", events=early)
    assert "layer" not in before.chart.to_dict()
    assert "bars" not in before.note
