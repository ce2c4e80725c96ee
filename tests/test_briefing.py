"""The briefing PDF: every commitment, the right figures for the tiny fixture as of a date,
French typography intact, and the data version on every page.

Figures as of A = 2025-06-30, worked out by hand from `tests/fixtures/tiny/` (the files are
described at the top of `test_summary.py`):
- the last steering committee before A is R4, 2025-05-10: the baseline of every change;
- milestones complete 1 of 5 (C1-M1), as on 2025-05-10: ±0; overdue 1 (C2-M1, due
  2025-03-31: 30 + 31 + 30 = 91 days late), also 1 on 2025-05-10: ±0;
- mean progress (100 + 40 + 0 + 60 + 11.25) / 5 = 42.25 -> 42.3 %; on 2025-05-10
  (100 + 20 + 0 + 60 + 0) / 5 = 36.0, so +6.3 pt;
- self-assessed substantial: C1 (2025-06-30), 1 of 2, against 0 on 2025-05-10 (C1 was then
  limited): +1; limited 0 of 2, was 1: -1;
- meetings held 5 (R1-R5), 4 on 2025-05-10: +1; participants 1 740, 1 680 on 2025-05-10: +60;
- C1's weighted progress (1 x 100 + 3 x 40 + 1 x 0) / 5 = 44 %; C2's (2 x 60 + 1 x 11.25) / 3
  = 43.75 -> 43.8 %;
- targets: C2 milestones complete 0 of 2 (0 %) with 546 of 730 days gone (75 %), participants
  1 740 of 10 000 (17 %) with 546 of 1 095 days gone (50 %): both at risk (more than 15 points
  behind);
- at risk: C1-M2 (40 % done, 180 of its 272 days gone: 66 %), C2-M2 (11.25 %, due on A: 100 %);
- with `tests/fixtures/decisions/`: K2 (10 May 2025, due 15 June) is 15 days late, K3 is open
  (done only on 20 July), K1 done (1 June 2024), K5 dropped, K4 taken after A.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from helpers import BUNDLED, FIXTURES, TINY, copy_tiny, read_records, write_records
from pypdf import PdfReader

from ogp_metrics.cli.main import main
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.outputs import briefing

A = date(2025, 6, 30)


def copy_with_decisions(tmp_path) -> Path:
    """Tiny, with the committee's decisions of `tests/fixtures/decisions/`."""
    folder = copy_tiny(tmp_path)
    shutil.copy(FIXTURES / "decisions" / "decisions.csv", folder)
    return folder


def squeeze(value: str) -> str:
    """Whitespace of any kind (line breaks, no-break and narrow no-break spaces) as one space."""
    return re.sub(r"\s+", " ", value).strip()


def pages_text(content: bytes) -> list[str]:
    return [squeeze(page.extract_text()) for page in PdfReader(BytesIO(content)).pages]


@pytest.fixture(scope="module")
def tiny_plan():
    plan = load_plan(TINY)
    yield plan
    plan.connection.close()


@pytest.fixture(scope="module")
def french(tiny_plan) -> bytes:
    return briefing.briefing_pdf(tiny_plan, A, "fr")


@pytest.fixture(scope="module")
def english(tiny_plan) -> bytes:
    return briefing.briefing_pdf(tiny_plan, A, "en")


def test_is_an_a4_pdf_with_an_embedded_font(french):
    assert french.startswith(b"%PDF-")
    reader = PdfReader(BytesIO(french))
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 in points
    assert b"/FontFile2" in french  # the TrueType font travels with the file
    assert b"DejaVuSans" in french
    assert briefing.page_count(french) == len(reader.pages)


def test_every_commitment_has_its_section(french, english):
    french_text, english_text = " ".join(pages_text(french)), " ".join(pages_text(english))
    assert "C1 · Assemblée citoyenne" in french_text
    assert "C2 · Citoyenneté européenne" in french_text
    assert "C1 · Citizens' assembly" in english_text
    assert "C2 · European citizenship" in english_text


def test_headline_figures_and_their_change_since_the_steering_committee(french):
    text = " ".join(pages_text(french))
    assert "Situation au 30 juin 2025" in pages_text(french)[0]
    assert "Évolution calculée depuis le dernier comité de pilotage, le 10 mai 2025." in text
    assert "Depuis le 10 mai 2025" in text
    # The commitments by the City's assessment add up to the 2 commitments.
    assert "Engagements achevés 0 sur 2 ±0" in text
    assert "Engagements à l'avancement substantiel 1 sur 2 +1" in text
    assert "Engagements à l'avancement limité 0 sur 2 \u22121" in text  # a real minus sign
    assert "Engagements non commencés 0 sur 2 ±0" in text
    assert "Engagements non évalués 1 sur 2 ±0" in text
    assert "Jalons terminés 1 sur 5 ±0" in text
    assert "Jalons en retard 1 ±0" in text
    assert "Avancement moyen des jalons 42,3 % +6,3 pt" in text
    assert "Réunions tenues 5 +1" in text
    assert "Participations 1 740 +60" in text


def test_headline_figures_in_english(english):
    text = " ".join(pages_text(english))
    assert "Situation on 30 June 2025" in pages_text(english)[0]
    assert "Since 10 May 2025" in text
    assert "Milestones complete 1 of 5 ±0" in text
    assert "Average milestone progress 42.3% +6.3 pt" in text
    assert "Participations 1,740 +60" in text


def test_first_page_says_what_changed_since_the_last_committee_and_what_is_late_or_at_risk(french):
    first = pages_text(french)[0]
    # Since R4 (10 May 2025): C1's new self-assessment (limited before), and R5 held on 30 June.
    assert "Depuis le comité de pilotage du 10 mai 2025" in first
    assert re.search(r"Nouvelles évaluations \(1\) .* 30 juin 2025 Ville de Paris : Substantiel "
                     r"C1 · Assemblée citoyenne .* avant : Limité", first)
    assert re.search(r"Réunions tenues \(1\) .* 30 juin 2025 Conseil de quartier C2 · Citoyenneté "
                     r"européenne .* 35 personnes présentes", first)
    # Late first, then at risk, each with the commitment, its owner and its due date.
    attention = first[first.index("Points d'attention"):]
    assert re.search(r"▲ En retard · 91 j Jalon · Campagne d'inscription Échéance dépassée de 91 jours "
                     r"; avancement 60 % C2 · Citoyenneté européenne Délégation générale aux relations "
                     r"internationales 31 mars 2025", attention)
    # C2-M2: 11.25 % done with its whole time used; C1-M2: 40 % with 180 of 272 days (66 %) gone.
    assert "◆ À risque Jalon · Débats publics 11 % fait pour 100 % du temps prévu écoulé" in attention
    assert "◆ À risque Jalon · Première session 40 % fait pour 66 % du temps prévu écoulé" in attention
    assert "◆ À risque Objectif · Participations 17 % atteint (1 740 sur 10 000) pour 50 %" in attention
    assert attention.index("En retard") < attention.index("À risque")
    assert "Un jalon ni terminé ni en retard est à risque quand il n'a pas commencé" in attention


def test_first_page_lists_the_open_decisions_late_first(tmp_path):
    folder = copy_with_decisions(tmp_path)
    pages = pages_text(briefing.briefing_pdf(load_plan(folder), A, "fr"))
    # Page 1: the decisions of the last committee (10 May 2025) and where each stands.
    assert re.search(r"Décisions du comité du 10 mai 2025 \(3\) .* 15 juin 2025 Publier le compte rendu "
                     r"de la première session .* ▲ En retard · 15 j 30 sept. 2025 Préparer les débats "
                     r"publics .* Ouverte — Ouvrir un forum en ligne .* Abandonnée", pages[0])
    # The open ones: K2 was due 15 June 2025, 15 days late on 30 June; K3 (done only on 20 July)
    # is still open.
    text = " ".join(pages)
    decisions = text[text.index("Décisions du comité de pilotage"):text.index("Chiffres clés")]
    assert re.search(r"▲ En retard · 15 j Publier le compte rendu de la première session 15 juin 2025 "
                     r"10 mai 2025 C1 · Assemblée citoyenne", decisions)
    assert decisions.index("Publier le compte rendu") < decisions.index("Préparer les débats publics")
    assert "Lancer la campagne d'inscription" not in decisions  # done on 1 June 2024
    assert "Ouvrir un forum en ligne" not in decisions  # dropped


def test_activity_and_commitment_sections(french):
    text = " ".join(pages_text(french))
    assert "5 réunions tenues au 30 juin 2025, dont 3 ouvertes au public ; 2 prévues ensuite." in text
    # attendees of held meetings whose number is known: 120 + 12 + 10 + 35
    assert "177 personnes présentes aux réunions dont le nombre est connu" in text
    assert "1 740 participations et 417 contributions enregistrées au 30 juin 2025." in text


def test_commitment_sections_give_completion_progress_and_milestones_overdue_first(french):
    text = " ".join(pages_text(french))
    c1 = text[text.rindex("C1 · Assemblée citoyenne"):text.rindex("C2 · Citoyenneté européenne")]
    c2 = text[text.rindex("C2 · Citoyenneté européenne"):]
    assert "Ville de Paris : « Substantiel » (évaluation du 30 juin 2025)" in c1
    assert "Évaluation indépendante : « Limité » (évaluation du 31 mars 2025)" in c1
    assert "Avancement pondéré 44 %" in c1
    assert "Terminés : 1 sur 3 · en retard : 0" in c1
    assert "Ville de Paris : « Non évalué »" in c2
    assert "Avancement pondéré 43,8 %" in c2
    # C2: the overdue milestone comes before the one in progress, with its delay and owner.
    assert re.search(r"En retard 91 jours Campagne d'inscription Délégation générale aux relations "
                     r"internationales 31 mars 2025 60 %.*En cours Débats publics", c2)
    # C1: in progress, then not started (no owner given), then complete.


def test_french_typography_is_intact(french):
    raw = "".join(page.extract_text() for page in PdfReader(BytesIO(french)).pages)
    for character in ("é", "è", "à", "œ", "’", "«", "»", "É", "€"):
        assert character in raw, character
    assert "Mise en œuvre d’un budget de 5 000 € pour l’été" in squeeze(raw)
    assert "Première session" in raw
    # Numbers take a narrow no-break space, never a line break, inside them.
    assert "1\u202f740" in raw


def test_data_version_on_every_page(tiny_plan, french, english):
    version = tiny_plan.version
    assert re.fullmatch(r"[0-9a-f]{16}", version)
    for content, footer in ((french, f"Données : version {version} · dernière mise à jour le 30 juin 2025 · "
                                     "situation au 30 juin 2025"),
                            (english, f"Data: version {version} · last updated 30 Jun 2025 · as of "
                                      "30 Jun 2025")):
        texts = pages_text(content)
        assert len(texts) >= 3
        for number, page in enumerate(texts, start=1):
            assert footer in page, number
            assert (f"Page {number} sur {len(texts)}" in page) or (f"Page {number} of {len(texts)}" in page)


def test_a_folder_with_no_records_still_gives_a_briefing(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    for path in TINY.glob("*.csv"):
        write_records(folder / path.name, read_records(path)[:1])
    plan = load_plan(folder)
    text = " ".join(pages_text(briefing.briefing_pdf(plan, A, "fr")))
    assert "Aucun comité de pilotage avant cette date" in text
    assert "Aucune réunion n’est enregistrée." in text
    assert "Ce plan n'a encore aucun engagement" in text


def test_bundled_data_briefing(tmp_path):
    plan = load_plan(BUNDLED)
    text = " ".join(pages_text(briefing.briefing_pdf(plan, date(2026, 6, 30), "en")))
    for commitment in ("FRPA0001", "FRPA0002", "FRPA0003", "FRPA0004"):
        assert f"{commitment} · " in text
    assert "illustrative data" in text


def test_report_command(tmp_path, tiny, capsys):
    out = tmp_path / "notes" / "briefing.pdf"
    assert main(["report", str(tiny), "--as-of", "2025-06-30", "--lang", "en", "--out", str(out)]) == 0
    assert f"Briefing written: {out} (5 pages, as of 30 Jun 2025)." in capsys.readouterr().out
    assert "C2 · European citizenship" in " ".join(pages_text(out.read_bytes()))


def test_report_command_exit_codes(tmp_path, tiny, capsys):
    assert main(["report", str(tiny), "--as-of", "2025-06-30"]) == 2  # --out is required
    assert main(["report", str(tiny), "--as-of", "30/06/2025", "--out", str(tmp_path / "x.pdf")]) == 2
    (tiny / "commitments.csv").unlink()
    assert main(["report", str(tiny), "--out", str(tmp_path / "x.pdf")]) == 1
    assert "commitments.csv" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


# ---------------------------------------------------------------- the app's download button

APP_SCRIPT = """
from ogp_metrics.ui import downloads
from ogp_metrics.ui.view import current_view
view = current_view()
downloads.briefing_button(view)
"""


def test_briefing_button_in_the_app(monkeypatch):
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from ogp_metrics.ui import downloads

    monkeypatch.setenv("OGP_DATA_DIR", str(TINY))
    st.cache_data.clear()
    st.cache_resource.clear()
    app_test = AppTest.from_string(APP_SCRIPT, default_timeout=60)
    app_test.query_params["as_of"] = "2025-06-30"
    app_test.query_params["lang"] = "en"
    app_test.run()
    assert not app_test.exception
    buttons = app_test.get("download_button")
    assert [button.proto.label for button in buttons] == ["Briefing (PDF)"]
    # The bytes the button hands over when clicked: built once, then cached.
    calls = []
    build = briefing.briefing_pdf
    monkeypatch.setattr(briefing, "briefing_pdf", lambda *args: calls.append(args) or build(*args))
    fingerprint = ("test", load_plan(TINY).version)
    content = downloads._briefing_bytes(str(TINY), fingerprint, A, "en")
    assert "Steering committee briefing".upper() in pages_text(content)[0]
    assert downloads._briefing_bytes(str(TINY), fingerprint, A, "en") == content
    assert len(calls) == 1
    assert briefing.file_name(A, "fr") == "note-comite-de-pilotage-2025-06-30.pdf"
