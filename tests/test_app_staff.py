"""The staff pages in AppTest: who sees them, and the Update and History pages at work.

A signed-in user is simulated with `AppTest.user` and the sign-in settings with
`AppTest.secrets`; files are dropped with `file_uploader.set_value`.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from helpers import FRENCH_EXCEL, TINY, csv_text, new_app, read_records
from streamlit.testing.v1 import AppTest

from ogp_metrics import text, updates
from ogp_metrics.ingest import mapping
from ogp_metrics.ui import auth

ROOT = Path(__file__).resolve().parent.parent
AUTH = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback",
        "cookie_secret": "hV3q9ZkR2tWm7XcJ4pLs8NbYd6Fg1Ae0TuKo5Ir-Qw_Ez",
        "client_id": "ogp-metrics", "client_secret": "secret",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}
STAFF = {"is_logged_in": True, "email": "agent@paris.fr", "email_verified": True, "name": "Agent"}


@pytest.fixture(autouse=True)
def no_staff_from_the_environment(monkeypatch, fresh_streamlit_caches):
    monkeypatch.delenv(auth.STAFF_EMAILS_ENV, raising=False)
    monkeypatch.delenv(auth.STAFF_DOMAINS_ENV, raising=False)


def drop(test: AppTest, *files: tuple[str, bytes]) -> AppTest:
    """Drop these files into the Update page's uploader, as a person would."""
    test.file_uploader[0].set_value([(name, data, "application/octet-stream") for name, data in files])
    test.run()
    assert not test.exception, [e.value for e in test.exception]
    return test


def app(monkeypatch, folder: Path, user: dict | None = None, configured: bool = True,
        staff: tuple[str, ...] = ("agent@paris.fr",), **params: str) -> AppTest:
    test = new_app(monkeypatch, folder, timeout=120, **params)
    if configured:
        test.secrets["auth"] = dict(AUTH)
        test.secrets["ogp_metrics"] = {"staff_emails": list(staff)}
    if user is not None:
        test.user = dict(user)
    test.run()
    assert not test.exception, [e.value for e in test.exception]
    return test


def open_page(test: AppTest, script: str) -> AppTest:
    test.switch_page(script).run()
    assert not test.exception, [e.value for e in test.exception]
    return test


def cannot_open(test: AppTest, script: str) -> None:
    """The page is not registered: its address answers "page not found"."""
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        test.switch_page(script)


def t(key: str, **values: object) -> str:
    """The French text the pages show (French is the default language)."""
    return text.t(key, "fr", **values)


def texts(elements) -> list[str]:
    """What each element shows (Markdown escapes removed)."""
    return [element.value.replace("\\", "") for element in elements]


def main_button(test: AppTest, label: str):
    """The page's button with this label (the sidebar has buttons of its own)."""
    return next(button for button in test.main.button if button.label == label)


def workbook(records: list[list[str]]) -> bytes:
    book = openpyxl.Workbook()
    for record in records:
        book.active.append(record)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- who sees the staff pages

def test_anonymous_visitor_gets_a_sign_in_button_and_no_staff_page(monkeypatch, tiny):
    test = app(monkeypatch, tiny)
    assert [b.label for b in test.sidebar.button] == ["Connexion agents"]
    for script in ("app_pages/update.py", "app_pages/history.py"):
        cannot_open(test, script)


def test_without_a_provider_the_app_is_read_only_and_says_how_to_enable_editing(monkeypatch, tiny, caplog):
    # Visitors read a neutral note; how to enable editing goes to whoever runs the server.
    from ogp_metrics.ui.pages import log_read_only_hint

    log_read_only_hint.clear()
    with caplog.at_level("WARNING", logger="ogp_metrics"):
        test = app(monkeypatch, tiny, user=STAFF, configured=False, lang="en")
    assert "Read only." in texts(test.sidebar.caption)
    assert not any("README" in caption for caption in texts(test.sidebar.caption))
    assert any("read-only" in record.message and "secrets.toml" in record.message
               for record in caplog.records)
    assert not test.sidebar.button
    cannot_open(test, "app_pages/update.py")


def test_a_signed_in_person_not_on_the_staff_list_reads_only(monkeypatch, tiny):
    test = app(monkeypatch, tiny, user={**STAFF, "email": "visitor@example.org"}, lang="en")
    assert any("not on the list of authorised staff" in c for c in texts(test.sidebar.caption))
    assert [b.label for b in test.sidebar.button] == ["Sign out"]
    cannot_open(test, "app_pages/history.py")


def test_public_mode_never_shows_staff_links(monkeypatch, tiny):
    test = app(monkeypatch, tiny, user=STAFF, mode="public")
    assert not test.sidebar.button
    assert not any("agent@paris.fr" in c for c in texts(test.sidebar.caption))
    cannot_open(test, "app_pages/update.py")


def test_staff_see_their_pages_and_sign_out(monkeypatch, tiny):
    test = app(monkeypatch, tiny, user=STAFF)
    assert any("agent@paris.fr" in c for c in texts(test.sidebar.caption))
    assert [b.label for b in test.sidebar.button] == ["Se déconnecter"]
    assert texts(open_page(test, "app_pages/update.py").title) == ["Mettre à jour les données"]
    assert texts(open_page(test, "app_pages/history.py").title) == ["Historique des publications"]
    assert texts(test.info) == ["Aucune publication pour l'instant : l'historique commence à la première "
                                "mise à jour."]


def update_page(monkeypatch, folder: Path, *files: tuple[str, bytes], **params: str) -> AppTest:
    """The Update page of a staff session, with these files dropped."""
    test = open_page(app(monkeypatch, folder, user=STAFF, **params), "app_pages/update.py")
    return drop(test, *files)


def test_staff_pages_stay_open_on_an_invalid_folder_to_fix_it(monkeypatch, tiny):
    path = tiny / "milestones.csv"
    good = path.read_bytes()
    path.write_bytes(good.replace(b"2024-12-31", b"31/02/2024"))
    test = update_page(monkeypatch, tiny, ("milestones.csv", good))
    assert texts(test.success) == [t("update.valid")]
    publish(test, "fix the due date")
    assert path.read_bytes() == good


# ---------------------------------------------------------------- the Update page

def publish(test: AppTest, reason: str, confirm: bool = True) -> AppTest:
    test.text_input[0].input(reason)
    if confirm:
        test.checkbox[0].check()
    next(b for b in test.button if b.label.startswith(("Publier", "Publish"))).click()
    test.run()
    assert not test.exception, [e.value for e in test.exception]
    return test


def test_update_previews_and_publishes_a_french_csv_and_an_xlsx(monkeypatch, tiny):
    milestones = read_records(TINY / "milestones.csv")
    milestones[2][milestones[0].index("completed_date")] = "2025-06-01"
    progress = (FRENCH_EXCEL / "progress_updates.csv").read_bytes().replace(b"11,25", b"55")
    test = update_page(monkeypatch, tiny, ("Jalons (2).xlsx", workbook(milestones)),
                       ("avancement.csv", progress), as_of="2025-06-30")
    assert [s.value for s in test.selectbox] == ["milestones", "progress_updates"]
    assert texts(test.success) == [t("update.valid")]
    summaries = [e.label for e in test.expander]
    assert any(s.startswith("**milestones.csv** ← Jalons \\(2\\)") and "modifiées : 1" in s
               for s in summaries)
    assert any(s.startswith("**progress_updates.csv** ← avancement") and "modifiées : 1" in s
               for s in summaries)
    figures = test.dataframe[-1].value
    complete = figures[figures["figure"] == t("headline.milestones_complete")].iloc[0]
    assert (complete["before"], complete["after"]) == ("1 sur 5", "2 sur 5")

    publish(test, "June progress")
    assert texts(test.success)[0].startswith("Version 1 publiée.")
    entries = updates.history(tiny)
    assert [(e["file"], e["by"], e["reason"]) for e in entries] == [
        ("milestones.csv", "agent@paris.fr", "June progress"),
        ("progress_updates.csv", "agent@paris.fr", "June progress")]
    assert (tiny / "progress_updates.csv").read_bytes() == progress
    assert not test.file_uploader[0].value  # a new, empty uploader for the next update
    # The overview shows the new figures on the next interaction.
    open_page(test, "app_pages/overview.py")
    assert any(m.value == "2 sur 5" for m in test.metric if m.label == t("headline.milestones_complete"))


def test_update_lists_problems_in_plain_words_and_changes_nothing(monkeypatch, tiny):
    records = read_records(TINY / "milestones.csv")
    records[3][records[0].index("owner")] = "NOBODY"
    before = {path.name: path.read_bytes() for path in tiny.iterdir()}
    test = update_page(monkeypatch, tiny, ("Milestones (2).CSV", csv_text(records).encode()),
                       ("photo.csv", b"\x89PNG\r\n\x00"))
    assert texts(test.error) == [t("update.problems", count=2)]
    lines = texts(test.markdown)
    assert "- Milestones (2).CSV, ligne 4, colonne « owner » : « NOBODY » n'existe pas" in " ".join(lines)
    assert any("photo.csv" in line and "ni un fichier CSV ni un classeur Excel" in line for line in lines)
    assert not [b for b in test.button if b.label.startswith("Publier")]
    assert {path.name: path.read_bytes() for path in tiny.iterdir()} == before


def test_a_file_with_no_table_in_its_name_asks_for_one(monkeypatch, tiny):
    targets = (TINY / "targets.csv").read_bytes().replace(b"10000", b"12000")
    test = update_page(monkeypatch, tiny, ("export.csv", targets))
    assert test.selectbox[0].value is None
    assert any("ne dit pas à quelle table" in line for line in texts(test.markdown))
    test.selectbox[0].select("targets").run()
    assert texts(test.success) == [t("update.valid")]


def renamed_milestone(title: str) -> bytes:
    records = read_records(TINY / "milestones.csv")
    records[2][records[0].index("title_en")] = title
    return csv_text(records).encode()


def test_publishing_needs_a_reason_and_the_confirmation(monkeypatch, tiny):
    test = update_page(monkeypatch, tiny, ("milestones.csv", renamed_milestone("Session one")))
    publish(test, "renamed", confirm=False)
    assert texts(test.error) == [t("update.need_confirm")]
    publish(test, "  ")
    assert texts(test.error) == [t("update.need_reason")]
    assert updates.history(tiny) == []


def test_a_publish_checked_against_an_older_version_is_refused(monkeypatch, tiny):
    test = update_page(monkeypatch, tiny, ("milestones.csv", renamed_milestone("Session one")))
    # Meanwhile, someone else publishes another title for the same milestone.
    updates.publish(updates.prepare(tiny, [updates.Upload("milestones.csv",
                                                                   renamed_milestone("Session 1"))]),
                       "other@paris.fr", "other")
    publish(test, "mine")
    assert texts(test.error) == [t("staff.refused.stale", files="milestones.csv")]
    assert [e["by"] for e in updates.history(tiny)] == ["other@paris.fr"]
    assert [r["by"] for r in updates.refusals(tiny)] == ["agent@paris.fr"]
    # The next run checks again, against the current files: the preview shows what would change.
    test.run()
    changed = test.dataframe[0].value
    assert list(zip(changed["Avant"], changed["Après"], strict=True)) == [("Session 1", "Session one")]


# ---------------------------------------------------------------- the History page

def test_history_shows_the_log_a_diff_and_restores(monkeypatch, tiny):
    original = (tiny / "milestones.csv").read_bytes()
    for title in ("Session one", "Session two"):
        records = read_records(tiny / "milestones.csv")
        records[2][records[0].index("title_en")] = title
        updates.publish(updates.prepare(tiny, [updates.Upload("milestones.csv",
                                                                       csv_text(records).encode())]),
                           "agent@paris.fr", f"title {title}")
    test = open_page(app(monkeypatch, tiny, user=STAFF), "app_pages/history.py")
    log = test.dataframe[0].value
    assert list(log["version"]) == [2, 1]
    assert list(log["reason"]) == ["title Session two", "title Session one"]
    assert test.selectbox[0].value == 2
    assert texts(test.info) == [t("history.same")]

    test.radio[0].set_value("before").run()
    changed = test.dataframe[1].value
    assert list(zip(changed["Avant"], changed["Après"], strict=True)) == [("Session two", "Session one")]

    test.selectbox[0].select(1).run()
    test.text_input[0].input("back to the start")
    main_button(test, t("history.restore")).click().run()
    assert not test.exception
    assert texts(test.success)[0] == t("history.restored", version=1, new=3)
    assert (tiny / "milestones.csv").read_bytes() == original
    last = updates.history(tiny)[-1]
    assert (last["version"], last["action"], last["by"]) == (3, "restore", "agent@paris.fr")


def test_history_restore_needs_a_reason(monkeypatch, tiny):
    records = read_records(tiny / "milestones.csv")
    records[2][records[0].index("title_en")] = "Session one"
    updates.publish(updates.prepare(tiny, [updates.Upload("milestones.csv",
                                                                   csv_text(records).encode())]),
                       "agent@paris.fr", "v1")
    test = open_page(app(monkeypatch, tiny, user=STAFF), "app_pages/history.py")
    test.radio[0].set_value("before").run()
    main_button(test, t("history.restore")).click().run()
    assert t("update.need_reason") in texts(test.error)
    assert len(updates.history(tiny)) == 1


def test_history_page_offers_to_complete_an_interrupted_publish(monkeypatch, tiny):
    shutil.copy(TINY / "milestones.csv", tiny / "milestones.csv")
    new = (tiny / "milestones.csv").read_bytes().replace(b"Final report", b"Final report (v2)")
    history_dir = tiny / updates.HISTORY
    (history_dir / updates.OBJECTS).mkdir(parents=True)
    (history_dir / updates.OBJECTS / updates.sha256(new)).write_bytes(new)
    entry = {"version": 1, "time": "2026-01-01T00:00:00+00:00", "by": "a", "reason": "r",
             "action": "publish", "file": "milestones.csv", "sha256_before": None,
             "sha256_after": updates.sha256(new), "rows": 5}
    (history_dir / updates.PENDING).write_text(json.dumps({"version": 1, "entries": [entry]}))
    test = open_page(app(monkeypatch, tiny, user=STAFF), "app_pages/history.py")
    assert texts(test.warning) == [t("history.pending", version=1)]
    next(b for b in test.button if b.label == t("history.complete")).click().run()
    assert not test.warning
    assert (tiny / "milestones.csv").read_bytes() == new


# ---------------------------------------------------------------- each file's mode, the mapping step

def rerun(test: AppTest) -> AppTest:
    test.run()
    assert not test.exception, [e.value for e in test.exception]
    return test


def labelled(elements, label: str):
    return next(element for element in elements if element.label.replace("\\", "") == label)


def test_each_file_gets_its_mode_append_for_participation_replace_for_milestones(monkeypatch, tiny):
    milestones = read_records(TINY / "milestones.csv")
    participation = [read_records(TINY / "participation.csv")[0],
                     ["2025-10-04", "citizens_vote", "", "75011", "812", "", "", ""]]
    test = update_page(monkeypatch, tiny, ("jalons.csv", csv_text(milestones).encode()),
                       ("participation.csv", csv_text(participation).encode()), as_of="2025-12-31")
    assert [radio.value for radio in test.radio] == ["replace", "append"]
    assert test.radio[1].options == [t("imports.ui.mode.replace"), t("imports.ui.mode.append"),
                                     t("imports.ui.mode.upsert")]
    captions = " ".join(texts(test.caption))
    assert "→ participation.csv : ajout de lignes ; lignes déjà présentes, ignorées : 0" in captions
    assert any("lignes ajoutées : 1" in expander.label for expander in test.expander)
    # Nothing to map: the contract's own columns are read as they are (no select beyond the tables).
    assert [select.value for select in test.selectbox] == ["milestones", "participation"]


def test_the_mapping_step_reads_an_export_and_saves_the_profile(monkeypatch, tiny):
    vote = (ROOT / "tests" / "fixtures" / "exports" / "paris-vote-resaved.csv").read_bytes()
    test = update_page(monkeypatch, tiny, ("votation.csv", vote), as_of="2025-12-31")
    test.selectbox[0].select("participation")
    rerun(test)
    # The shipped `paris-vote` profile reads this export; staff map it by hand here.
    profile = labelled(test.selectbox, t("imports.ui.profile"))
    assert "paris-vote" in profile.options
    profile.select(profile.options[0])
    rerun(test)
    assert t("imports.ui.columns_differ", table="participation.csv") in texts(test.warning)
    labelled(test.selectbox, t("imports.ui.date_order")).select("mdy")
    labelled(test.selectbox, t("imports.ui.thousands")).select(",")
    labelled(test.selectbox, "activity *").select("\u0000constant")
    labelled(test.selectbox, "arrondissement").select("Secteurs administratifs")
    labelled(test.selectbox, "participants *").select("VOTANTS")
    rerun(test)
    constant = next(box for box in test.text_input if box.key.endswith("_activity_constant"))
    constant.input("Votation citoyenne")
    rerun(test)
    first_rows = test.dataframe[0].value
    assert list(first_rows.columns) == ["date", "activity", "arrondissement", "participants"]
    assert first_rows.iloc[0].tolist() == ["2023-04-02", "Votation citoyenne", "Paris Centre", "5933"]
    assert texts(test.success)[-1] == t("update.valid")
    assert any("lignes ajoutées : 17" in expander.label for expander in test.expander)

    labelled(test.text_input, t("imports.ui.profile_name")).input("votation-secteurs")
    main_button(test, t("imports.ui.save")).click()
    rerun(test)
    saved = mapping.find_profile("votation-secteurs", tiny)
    assert (saved.origin, saved.date_order, saved.thousands) == ("data", "mdy", ",")
    assert saved.tables[0].columns["participants"] == mapping.Source(column="VOTANTS")
    assert saved.matches(vote.decode().splitlines()[0].split(","))
