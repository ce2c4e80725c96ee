"""The Update page in AppTest: each file's mode (append preselected for participation and
meetings), and the mapping step for an export whose columns are not the contract's."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import TINY, csv_text, new_app, read_records

from ogp_metrics import text
from ogp_metrics.ingest import mapping
from ogp_metrics.ui import auth

EXPORTS = Path(__file__).resolve().parent / "fixtures" / "exports"
AUTH = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "s" * 32,
        "client_id": "ogp-metrics", "client_secret": "secret",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}
STAFF = {"is_logged_in": True, "email": "agent@paris.fr", "name": "Agent"}


@pytest.fixture(autouse=True)
def no_staff_from_the_environment(monkeypatch, fresh_streamlit_caches):
    monkeypatch.delenv(auth.STAFF_EMAILS_ENV, raising=False)
    monkeypatch.delenv(auth.STAFF_DOMAINS_ENV, raising=False)


def update_page(monkeypatch, folder: Path, *files: tuple[str, bytes]):
    test = new_app(monkeypatch, folder, timeout=120, as_of="2025-12-31")
    test.secrets["auth"] = dict(AUTH)
    test.secrets["ogp_metrics"] = {"staff_emails": ["agent@paris.fr"]}
    test.user = dict(STAFF)
    test.run()
    test.switch_page("app_pages/update.py").run()
    test.file_uploader[0].set_value([(name, data, "text/csv") for name, data in files])
    return ran(test)


def ran(test):
    test.run()
    assert not test.exception, [e.value for e in test.exception]
    return test


def t(key: str, **values: object) -> str:
    return text.t(key, "fr", **values)


def widget(elements, label: str):
    return next(element for element in elements if element.label.replace("\\", "") == label)


def test_each_file_gets_its_mode_append_for_participation_replace_for_milestones(monkeypatch, tiny):
    milestones = read_records(TINY / "milestones.csv")
    participation = [read_records(TINY / "participation.csv")[0],
                     ["2025-10-04", "citizens_vote", "", "75011", "812", "", "", ""]]
    test = update_page(monkeypatch, tiny, ("jalons.csv", csv_text(milestones).encode()),
                       ("participation.csv", csv_text(participation).encode()))
    assert [radio.value for radio in test.radio] == ["replace", "append"]
    assert [radio.options for radio in test.radio][1] == [
        t("imports.ui.mode.replace"), t("imports.ui.mode.append"), t("imports.ui.mode.upsert")]
    captions = " ".join(caption.value for caption in test.caption)
    assert "→ participation.csv : ajout de lignes ; 0 ligne(s) déjà présente(s)" in captions
    assert any("1 ligne(s) ajoutée(s)" in expander.label for expander in test.expander)
    # Nothing to map: the contract's own columns are read as they are (no select beyond the tables).
    assert [select.value for select in test.selectbox] == ["milestones", "participation"]


def test_the_mapping_step_reads_an_export_and_saves_the_profile(monkeypatch, tiny):
    vote = (EXPORTS / "paris-vote-resaved.csv").read_bytes()
    test = update_page(monkeypatch, tiny, ("votation.csv", vote))
    test.selectbox[0].select("participation")
    ran(test)
    assert t("imports.ui.columns_differ", table="participation.csv") in [w.value for w in test.warning]
    widget(test.selectbox, t("imports.ui.date_order")).select("mdy")
    widget(test.selectbox, t("imports.ui.thousands")).select(",")
    widget(test.selectbox, "activity *").select("\u0000constant")
    widget(test.selectbox, "arrondissement").select("Secteurs administratifs")
    widget(test.selectbox, "participants *").select("VOTANTS")
    ran(test)
    test.text_input(key=next(ti.key for ti in test.text_input if ti.key.endswith("_activity_constant"))) \
        .input("Votation citoyenne")
    ran(test)
    first_rows = test.dataframe[0].value
    assert list(first_rows.columns) == ["date", "activity", "arrondissement", "participants"]
    assert first_rows.iloc[0].tolist() == ["2023-04-02", "Votation citoyenne", "Paris Centre", "5933"]
    assert [s.value for s in test.success][-1] == t("update.valid")
    assert any("17 ligne(s) ajoutée(s)" in expander.label for expander in test.expander)

    widget(test.text_input, t("imports.ui.profile_name")).input("votation-secteurs")
    next(b for b in test.button if b.label == t("imports.ui.save")).click()
    ran(test)
    saved = mapping.find_profile("votation-secteurs", tiny)
    assert (saved.origin, saved.date_order, saved.thousands) == ("data", "mdy", ",")
    assert saved.tables[0].columns["participants"] == mapping.Source(column="VOTANTS")
    assert saved.matches(vote.decode().splitlines()[0].split(","))
