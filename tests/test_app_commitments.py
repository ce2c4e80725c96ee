"""The commitments page, run by AppTest: the list, its filters, and one commitment in detail.

Expected values are worked out by hand from `tests/fixtures/tiny/` (see `test_summary.py`):
- on 2025-06-30 (A): C1 = (1×100 + 3×40 + 1×0) / 5 = 44 %, 1 of 3 complete, none overdue,
  self "substantial" (2025-06-30), independent "limited" (2025-03-31); C2 = (2×60 + 1×11.25) / 3
  = 43.75 %, 0 of 2 complete, C2-M1 overdue (due 2025-03-31, completed only 2025-07-15), no
  self-assessment yet (withdrawn comes 2025-09-30), independent "not_started" (2025-03-31);
- on 2025-12-31 (B): C1 = (100 + 3×90 + 25) / 5 = 79 %, C1-M2 overdue by 92 days; C2 =
  (2×100 + 11.25) / 3 = 70.42 %, C2-M2 overdue; C2 self "withdrawn" (2025-09-30).
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from helpers import (
    BUNDLED,
    FIXTURES,
    TINY,
    empty_folder,
    html_tables,
    new_app,
    read_records,
    write_records,
)
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

from ogp_metrics import figures, text
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.views import commitments as commitment_views

ROOT = Path(__file__).resolve().parent.parent
PAGE = "app_pages/commitments.py"
NNBSP = "\u202f"
A = "2025-06-30"
B = "2025-12-31"


pytestmark = pytest.mark.usefixtures("fresh_streamlit_caches")


def open_page(monkeypatch, folder: Path, page: str = PAGE, **params: str) -> AppTest:
    """The page opened by its address, as a shared link does: `/commitments?commitment=C1`."""
    app = new_app(monkeypatch, folder, **params)
    app.switch_page(page)
    app.run()
    assert_clean(app)
    return app


def assert_clean(app: AppTest) -> None:
    assert not app.exception, [e.value for e in app.exception]


def table_with(app: AppTest, column: str) -> pd.DataFrame:
    """The first table on the page that has `column`: a grid (`st.dataframe`), else a table
    drawn as HTML (read as text)."""
    for frame in app.dataframe:
        if column in frame.value.columns:
            return frame.value
    for table in html_tables(app):
        if table and column in table[0]:
            return pd.DataFrame(table[1:], columns=table[0])
    grids = [list(f.value.columns) for f in app.dataframe]
    raise AssertionError(f"no table with a column {column!r}: {grids} {[t[0] for t in html_tables(app)]}")


def has_table_with(app: AppTest, column: str) -> bool:
    return (any(column in frame.value.columns for frame in app.dataframe)
            or any(table and column in table[0] for table in html_tables(app)))


def shown_ids(app: AppTest) -> list[str]:
    """The identifiers of the commitments the list shows (staff read `C1 · name`)."""
    return [name.split(" · ")[0] for name in table_with(app, "Avancement des jalons")["Engagement"]]


def metrics(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def infos(app: AppTest) -> list[str]:
    return [info.value for info in app.info]


def chart_specs(app: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("vega_lite_chart")]


def chart_rows(app: AppTest) -> list[list[dict]]:
    """The rows each chart draws (Streamlit sends a chart's data beside its spec, as Arrow)."""
    return [[row for dataset in chart.proto.datasets
             for row in convert_arrow_bytes_to_pandas_df(dataset.data.data).to_dict("records")]
            for chart in app.get("vega_lite_chart")]


# ---------------------------------------------------------------- the list

def test_list_on_the_tiny_folder_in_french(monkeypatch):
    app = open_page(monkeypatch, TINY, as_of=A)
    # A table to read (its titles wrap, every column in view): staff read the identifier with
    # the name; the OGP values are in each commitment's detail.
    table = table_with(app, "Avancement des jalons")
    assert list(table.columns) == ["Engagement", "Avancement des jalons", "Évaluation de la Ville",
                                   "Évaluation indépendante", "Jalons terminés", "Jalons en retard",
                                   "Jalons à risque", "Pilote"]
    assert table["Engagement"].tolist() == ["C1 · Assemblée citoyenne", "C2 · Citoyenneté européenne"]
    assert table["Avancement des jalons"].tolist() == [f"44{NNBSP}%", f"44{NNBSP}%"]  # 43.75 rounds up
    assert table["Évaluation de la Ville"].tolist() == ["Substantiel (30 juin 2025)", "Non évalué"]
    assert table["Évaluation indépendante"].tolist() == ["Limité (31 mars 2025)",
                                                         "Non commencé (31 mars 2025)"]
    assert table["Jalons terminés"].tolist() == ["1 sur 3", "0 sur 2"]
    assert table["Jalons en retard"].tolist() == ["0", "1"]
    # C1-M2: 40 % done with 66 % of its time gone; C2-M2: 11.25 % on its due date.
    assert table["Jalons à risque"].tolist() == ["1", "1"]
    assert table["Pilote"].tolist() == ["Direction de la démocratie, des citoyen·ne·s et des territoires",
                                        "Délégation générale aux relations internationales"]
    assert "Engagements affichés : 2 sur 2" in [caption.value for caption in app.caption]
    # No commitment chosen: a hint, no detail.
    assert app.selectbox(key="commitments_detail").value is None
    assert not app.metric


def test_list_on_the_tiny_folder_in_english_half_a_year_later(monkeypatch):
    app = open_page(monkeypatch, TINY, as_of=B, lang="en")
    table = table_with(app, "Milestone progress")
    assert table["Commitment"].tolist() == ["C1 · Citizens' assembly", "C2 · European citizenship"]
    assert table["Milestone progress"].tolist() == ["79%", "70%"]  # (2 × 100 + 11.25) / 3 = 70.4
    assert table["City's assessment"].tolist() == ["Substantial (30 Jun 2025)", "Withdrawn (30 Sept 2025)"]
    assert table["Independent assessment"].tolist() == ["Limited (31 Mar 2025)", "Not started (31 Mar 2025)"]
    assert table["Milestones complete"].tolist() == ["1 of 3", "1 of 2"]
    assert table["Milestones overdue"].tolist() == ["1", "1"]


def test_public_mode_drops_the_identifiers(monkeypatch):
    app = open_page(monkeypatch, TINY, as_of=A, mode="public", commitment="C1")
    # Projected: names without identifiers, and only the key columns, in large type.
    table = table_with(app, "Avancement des jalons")
    assert list(table.columns) == ["Engagement", "Avancement des jalons", "Évaluation de la Ville",
                                   "Évaluation indépendante", "Jalons en retard"]
    assert table["Engagement"].tolist() == ["Assemblée citoyenne", "Citoyenneté européenne"]
    assert not app.multiselect  # no filters on a wall
    assert app.selectbox(key="commitments_detail").options == ["Assemblée citoyenne",
                                                               "Citoyenneté européenne"]
    assert not any("**C1**" in markdown.value for markdown in app.markdown)
    assert not has_table_with(app, "Jalon")  # a chart's data is not projected


def test_filters_by_institution_and_value_and_keep_them_across_pages(monkeypatch):
    app = open_page(monkeypatch, TINY, as_of=A)
    app.multiselect(key="commitments_institution").select("DGRI").run()
    assert_clean(app)
    assert shown_ids(app) == ["C2"]
    assert "Engagements affichés : 1 sur 2" in [caption.value for caption in app.caption]

    app.switch_page("app_pages/milestones.py").run()
    assert_clean(app)
    app.switch_page(PAGE).run()
    assert_clean(app)
    assert app.multiselect(key="commitments_institution").value == ["DGRI"]
    assert shown_ids(app) == ["C2"]

    app.multiselect(key="commitments_institution").unselect("DGRI").run()
    app.multiselect(key="commitments_ogp_value").select("access_to_information").run()
    assert shown_ids(app) == ["C2"]
    app.multiselect(key="commitments_ogp_value").unselect("access_to_information").select(
        "civic_participation").run()
    assert shown_ids(app) == ["C1", "C2"]
    # DDCT leads C1 only, which carries no access to information: nothing matches.
    app.multiselect(key="commitments_ogp_value").unselect("civic_participation").select(
        "access_to_information").run()
    app.multiselect(key="commitments_institution").select("DDCT").run()
    assert_clean(app)
    assert not has_table_with(app, "Avancement des jalons")
    assert "Aucun engagement ne correspond à ces filtres." in infos(app)


# ---------------------------------------------------------------- one commitment

def test_deep_link_shows_the_commitment_in_detail(monkeypatch):
    app = open_page(monkeypatch, TINY, as_of=B, commitment="C1")
    assert app.selectbox(key="commitments_detail").value == "C1"
    assert app.query_params["commitment"] in ("C1", ["C1"])
    assert [subheader.value for subheader in app.subheader] == ["Assemblée citoyenne"]
    markdown = [m.value for m in app.markdown]
    assert ("**C1** · Pilote : Direction de la démocratie, des citoyen·ne·s et des territoires · "
            "Du 1er janv. 2024 au 31 déc. 2026") in markdown
    assert "Valeurs du gouvernement ouvert : Participation citoyenne" in markdown
    assert any(m.startswith("Mise en œuvre d’un budget de 5 000 € pour l’été") for m in markdown)
    assert metrics(app) == {
        "Avancement des jalons": f"79{NNBSP}%",
        "Jalons terminés": "1 sur 3",
        "Jalons en retard": "1",
        "Jalons à risque": "0",
        "Évaluation de la Ville (le 30 juin 2025)": "Substantiel",
        "Évaluation indépendante (le 31 mars 2025)": "Limité",
        # What the IRM said of it (tests/fixtures/tiny/assessments.csv)
        "Impact potentiel (MRI)": "—",
        "Étoilé (MRI)": "—",
        "Ouverture (MRI)": "Important",
    }
    # Staff see the committee's decisions on this commitment (none in this folder).
    assert [tab.label for tab in app.tabs] == ["Calendrier des jalons", "Avancement", "Évaluations",
                                               "Réunions", "Participation", "Décisions"]

    milestones = table_with(app, "Jalon")
    assert milestones["N°"].tolist() == ["C1-M1", "C1-M2", "C1-M3"]
    assert milestones["Statut"].tolist() == ["Terminé", "En retard", "En cours"]
    assert milestones["Jours de retard"].tolist()[1] == 92
    assert milestones["Responsable"].tolist()[2] == "Non attribué"
    assert milestones["Avancement"].tolist() == pytest.approx([100.0, 90.0, 25.0])
    assert "Engagement" not in milestones.columns

    progress = table_with(app, "Saisi par")
    assert progress["Date"].tolist() == ["30 juin 2024", "15 nov. 2024", "31 mars 2025", "30 juin 2025",
                                         "30 sept. 2025", "15 oct. 2025"]
    assert progress["Avancement"].tolist() == pytest.approx([50, 100, 20, 40, 90, 25])
    assert progress["Commentaire interne"].tolist()[3] == "Séance reportée"

    assessments = table_with(app, "Achèvement")
    assert assessments["Date"].tolist() == ["31 déc. 2024", "31 mars 2025", "30 juin 2025"]
    assert assessments["Évaluation"].tolist() == ["Ville de Paris", "Évaluation indépendante",
                                                  "Ville de Paris"]
    assert assessments["Achèvement"].tolist() == ["Limité", "Limité", "Substantiel"]
    assert assessments["A-t-il ouvert l'action publique ?"].tolist() == ["—", "Important", "Marginal"]

    meetings = table_with(app, "Type de réunion")
    assert meetings.to_dict("records") == [{
        "Date": "20 janv. 2025", "Type de réunion": "Atelier citoyen", "Intitulé": "Atelier citoyen",
        "Secteur": "11e arrondissement", "Publique ou interne": "Publique", "Personnes présentes": "inconnu",
        "Tenue ou prévue": "Tenue", "Compte rendu": None}]

    participation = table_with(app, "Activité")
    assert participation["Mois"].tolist() == ["sept. 2024", "févr. 2025", "avr. 2025", "sept. 2025"]
    assert participation["Participations"].tolist() == [40, 300, 100, 500]
    captions = [caption.value for caption in app.caption]
    assert "940 participations et 152 contributions au 31 déc. 2025." in captions
    assert "Réunions tenues au 31 déc. 2025 : 1 · prévues ensuite : 0" in captions

    data = chart_rows(app)
    assert len(data) == 4  # timeline, progress, assessments, participation
    assert [row["overdue_label"] for row in data[0]] == ["", "En retard · 92 j", ""]
    assert {row["as_of"].date() for row in data[0]} == {date(2025, 12, 31)}
    assert len(data[1]) == 6 and sum(row["participants"] for row in data[3]) == 940
    assert json.loads(app.get("vega_lite_chart")[0].proto.spec)["layer"][1]["mark"]["type"] == "rule"


def test_detail_in_english_and_public_mode_hides_staff_columns(monkeypatch):
    app = open_page(monkeypatch, TINY, as_of=B, commitment="C2", lang="en", mode="public")
    assert [subheader.value for subheader in app.subheader] == ["European citizenship"]
    assert metrics(app) == {
        "Milestone progress": "70%",
        "Milestones complete": "1 of 2",
        "Milestones overdue": "1",
        "Milestones at risk": "0",
        "City's assessment (on 30 Sept 2025)": "Withdrawn",
        "Independent assessment (on 31 Mar 2025)": "Not started",
    }
    assert "*No description.*" in [m.value for m in app.markdown]
    # Projected: the charts without their data tables; the staff columns never reach the public.
    assert not has_table_with(app, "Progress") and not has_table_with(app, "Completion")
    assert not any(column in ("Reported by", "Internal note") for frame in app.dataframe
                   for column in frame.value.columns)
    plan = load_plan(TINY)
    try:
        series = figures.progress_series(plan.cursor(), date.fromisoformat(B),
                                         figures.Filters(commitments=["C2"]))
    finally:
        plan.connection.close()
    progress = commitment_views.progress_rows(series, "en", public=True)
    assert progress.to_dict("records") == [
        {"Date": "31 Mar 2025", "Milestone": "Registration campaign", "Progress": 60.0},
        {"Date": "15 May 2025", "Milestone": "Public debates", "Progress": 11.25},
        {"Date": "1 Jul 2025", "Milestone": "Registration campaign", "Progress": 80.0},
        {"Date": "15 Jul 2025", "Milestone": "Registration campaign", "Progress": 100.0},
    ]
    meetings = table_with(app, "Meeting type")
    assert meetings["Meeting type"].tolist() == ["Neighbourhood council"]
    assert meetings["Attendees"].tolist() == ["35"]
    assert [tab.label for tab in app.tabs][-1] == "Participation"  # no decisions in public mode


def test_choosing_a_commitment_puts_it_in_the_link(monkeypatch):
    app = open_page(monkeypatch, TINY, as_of=A)
    assert "commitment" not in app.query_params
    app.selectbox(key="commitments_detail").select("C2").run()
    assert_clean(app)
    assert app.query_params["commitment"] in ("C2", ["C2"])
    assert [subheader.value for subheader in app.subheader] == ["Citoyenneté européenne"]
    # On A, C2-M1 is overdue (91 days) and the self-assessment is still to come.
    assert metrics(app)["Jalons en retard"] == "1"
    assert metrics(app)["Évaluation de la Ville (pas encore d'évaluation)"] == "Non évalué"
    app.selectbox(key="commitments_detail").select("C1").run()
    assert app.query_params["commitment"] in ("C1", ["C1"])
    app.selectbox(key="commitments_detail").set_value(None).run()
    assert_clean(app)
    assert "commitment" not in app.query_params
    assert not app.subheader


def test_before_anything_happened_each_section_has_a_friendly_empty_state(monkeypatch):
    app = open_page(monkeypatch, TINY, as_of="2024-01-15", commitment="C1")
    assert metrics(app)["Évaluation de la Ville (pas encore d'évaluation)"] == "Non évalué"
    assert metrics(app)["Avancement des jalons"] == f"0{NNBSP}%"
    assert infos(app) == [
        "Aucun point d'avancement n'est enregistré pour cet engagement à cette date.",
        "Cet engagement n'a pas encore été évalué à cette date.",
        "Aucune participation n'est enregistrée pour cet engagement à cette date.",
        "Aucune décision du comité ne concerne cet engagement à cette date.",
    ]
    # The meeting of 2025-01-20 is still to come.
    meetings = table_with(app, "Type de réunion")
    assert meetings["Tenue ou prévue"].tolist() == ["Prévue"]
    assert len(chart_specs(app)) == 1  # the timeline only


def test_unknown_commitment_in_the_link_is_a_friendly_message(monkeypatch):
    app = open_page(monkeypatch, TINY, as_of=A, commitment="FRPA9999")
    assert [warning.value for warning in app.warning] == [
        "Aucun engagement « FRPA9999 » dans ce plan : choisissez-en un dans la liste."]
    assert app.selectbox(key="commitments_detail").value is None
    assert not app.metric
    app.selectbox(key="commitments_detail").select("C1").run()
    assert not app.warning
    assert app.query_params["commitment"] in ("C1", ["C1"])


def test_markup_in_the_link_is_shown_as_text(monkeypatch):
    app = open_page(monkeypatch, TINY, commitment="<b>x</b>", lang="en")
    [warning] = app.warning
    assert "\\<b\\>x\\</b\\>" in warning.value
    assert "<b>" not in warning.value.replace("\\<", "")


def test_script_in_a_title_is_shown_as_text(monkeypatch, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(TINY, folder)
    path = folder / "commitments.csv"
    records = read_records(path)
    records[1][records[0].index("title_fr")] = "<script>alert(1)</script>"
    records[1][records[0].index("description_fr")] = "**gras** [lien](https://example.org)"
    write_records(path, records)
    app = open_page(monkeypatch, folder, as_of=A, commitment="C1")
    [subheader] = app.subheader
    assert subheader.value == "\\<script\\>alert\\(1\\)\\</script\\>"
    # U+2060 (an invisible word joiner) keeps the bare address from being turned into a link.
    assert "\\*\\*gras\\*\\* \\[lien\\]\\(https\u2060\\://example\\.org\\)" in [m.value for m in app.markdown]
    names = table_with(app, "Avancement des jalons")["Engagement"].tolist()
    assert names[0] == "C1 · <script>alert(1)</script>"
    assert app.selectbox(key="commitments_detail").options[0] == "C1 · <script>alert(1)</script>"
    # The tables drawn as HTML escape it: no script element reaches the page.
    assert all("<script>alert" not in element.proto.body for element in app.get("html"))
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in element.proto.body for element in app.get("html"))


def test_an_empty_plan_shows_a_friendly_state(monkeypatch, tmp_path):
    for params in ({}, {"lang": "en", "mode": "public", "commitment": "C1"}):
        app = open_page(monkeypatch, empty_folder(tmp_path / str(len(params))), **params)
        assert infos(app) == [("This plan has no commitments yet." if params else
                               "Ce plan n'a encore aucun engagement.")]
        assert not app.dataframe


# ---------------------------------------------------------------- the bundled data

@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_bundled_commitment_opens(monkeypatch, lang):
    as_of = "2026-06-30"
    plan = load_plan(BUNDLED)
    try:
        expected = figures.commitments(plan.cursor(), date.fromisoformat(as_of))
    finally:
        plan.connection.close()
    app = open_page(monkeypatch, BUNDLED, as_of=as_of, lang=lang)
    progress = "Avancement des jalons" if lang == "fr" else "Milestone progress"
    table = table_with(app, progress)
    assert table[progress].tolist() == [text.format_percent(value, lang)
                                        for value in expected["weighted_progress_pct"]]
    for commitment in expected["commitment_id"]:
        app.selectbox(key="commitments_detail").select(commitment).run()
        assert_clean(app)
        assert app.query_params["commitment"] in (commitment, [commitment])
        assert len(app.subheader) == 1
        assert len(chart_specs(app)) >= 3
        for rows in chart_rows(app):
            assert 0 < len(rows) < 5000


def test_a_commitments_decisions_in_its_detail_late_first(monkeypatch, tmp_path):
    # tests/fixtures/decisions: on 30 June 2025 C1 has K2 (due 15 June: 15 days late); K4 is
    # taken only on 1 October 2025.
    folder = tmp_path / "data"
    shutil.copytree(TINY, folder)
    shutil.copy(FIXTURES / "decisions" / "decisions.csv", folder)
    app = open_page(monkeypatch, folder, as_of=A, commitment="C1")
    decisions = table_with(app, "Décision")
    assert decisions.to_dict("records") == [{
        "État": "▲ En retard · 15 j", "Décision": "Publier le compte rendu de la première session",
        "Porteur": "Direction de la démocratie, des citoyen·ne·s et des territoires",
        "Échéance": "15 juin 2025", "Décidée le": "10 mai 2025", "Réalisée le": "—"}]
    public = open_page(monkeypatch, folder, as_of=A, commitment="C1", mode="public")
    assert not has_table_with(public, "Décision")
