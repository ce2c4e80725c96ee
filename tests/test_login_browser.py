"""Sign in through a real OpenID Connect provider, upload, preview, publish, see the new figures.

`oidc-provider-mock` serves the provider on 127.0.0.1; the real Streamlit server runs with a
secrets file in a temporary folder and a private copy of the tiny fixture as its data.
Chromium (Debian's) drives both. Skipped when chromium or the test packages are missing.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from secrets import token_urlsafe

import openpyxl
import pytest
from helpers import CHROMIUM, CHROMIUM_ARGS, FRENCH_EXCEL, ROOT, TINY, csv_text, read_records, require_browser

from ogp_metrics import updates

STAFF_EMAIL = "agent@paris.fr"
ARTIFACTS = ROOT / "artifacts" / "screenshots"
RENDERED = '[data-testid="stApp"][data-test-script-state="notRunning"]'

pytestmark = pytest.mark.browser
# The provider and Authlib run in the servers' processes: only check that they are installed.
require_browser("oidc_provider_mock", "authlib")
from playwright import sync_api  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stderr.read() if process.stderr else ""
            raise RuntimeError(f"{process.args[:4]} exited: {output}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    raise TimeoutError(url)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """The identity provider and the dashboard, each on a free port; yields (app URL, data)."""
    base = tmp_path_factory.mktemp("login")
    data = base / "data"
    shutil.copytree(TINY, data)
    idp_port, app_port = free_port(), free_port()
    secrets = base / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"\n'
        f'cookie_secret = "{token_urlsafe(48)}"\n'
        'client_id = "ogp-metrics"\n'
        'client_secret = "browser-test-secret"\n'
        f'server_metadata_url = "http://127.0.0.1:{idp_port}/.well-known/openid-configuration"\n'
        "\n[ogp_metrics]\n"
        f'staff_emails = ["{STAFF_EMAIL}"]\n', encoding="utf-8")
    environment = {**os.environ, "OGP_DATA_DIR": str(data), "AUTHLIB_INSECURE_TRANSPORT": "1"}
    environment.pop("OGP_STAFF_EMAILS", None)
    environment.pop("OGP_STAFF_DOMAINS", None)
    idp = subprocess.Popen([sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1",
                            "--port", str(idp_port)], env=environment, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
    app = None
    try:
        wait_for(f"http://127.0.0.1:{idp_port}/.well-known/openid-configuration", idp)
        # The provider vouches for the address (an unverified one is never staff).
        urllib.request.urlopen(urllib.request.Request(
            f"http://127.0.0.1:{idp_port}/users/{STAFF_EMAIL}", method="PUT",
            data=json.dumps({"email": STAFF_EMAIL, "email_verified": True}).encode(),
            headers={"Content-Type": "application/json"}), timeout=10).close()
        app = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(app_port),
             "--browser.gatherUsageStats", "false", "--secrets.files", str(secrets)],
            cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wait_for(f"http://127.0.0.1:{app_port}/_stcore/health", app)
        yield f"http://127.0.0.1:{app_port}", data
    finally:
        if app is not None:
            stop(app)
        stop(idp)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def rendered(page) -> None:
    page.wait_for_selector(RENDERED, timeout=90_000)


def milestone_workbook() -> bytes:
    """tiny's milestones with C1-M2 completed, as Excel keeps them (real dates and numbers)."""
    records = read_records(TINY / "milestones.csv")
    header = records[0]
    book = openpyxl.Workbook()
    book.active.title = "Jalons"
    book.active.append(header)
    for record in records[1:]:
        row = []
        for name, value in zip(header, record, strict=True):
            if name.endswith("_date") and value:
                row.append(datetime.fromisoformat(value))
            elif name == "weight" and value:
                row.append(int(value))
            else:
                row.append(value or None)
        if record[0] == "C1-M2":
            row[header.index("completed_date")] = datetime(2025, 9, 1)
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def sign_in_and_open_update(page, url: str) -> None:
    """Sign in through the provider's own form, then open the Update page."""
    page.get_by_role("button", name="Connexion agents").click()
    page.wait_for_url("**/oauth2/authorize**", timeout=60_000)
    page.fill('input[name="sub"]', STAFF_EMAIL)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{url}/**", timeout=60_000)
    rendered(page)
    page.get_by_text(f"Connecté : {STAFF_EMAIL}").wait_for(timeout=60_000)
    page.locator('[data-testid="stSidebarNavLink"]', has_text="Mettre à jour").click()
    page.get_by_role("heading", name="Mettre à jour les données").wait_for(timeout=60_000)


def metric_value(page, label: str) -> str:
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return metric.locator('[data-testid="stMetricValue"]').inner_text().strip()


def test_an_anonymous_visitor_gets_page_not_found_at_the_staff_pages(servers, browser):
    url, _data = servers
    context = browser.new_context()
    try:
        page = context.new_page()
        # Even as the very first request after the server starts (a deep link), and after the
        # main address: the staff pages are not registered for an anonymous visitor.
        for path in ("update", "history", "", "update", "history"):
            page.goto(f"{url}/{path}")
            rendered(page)
            if not path:
                continue
            page.get_by_text("Page introuvable").first.wait_for(timeout=30_000)  # our own, in French
            assert page.locator('[data-testid="stFileUploader"]').count() == 0
            links = page.locator('[data-testid="stSidebarNavLink"]').all_inner_texts()
            assert not any("Mettre à jour" in link or "Historique" in link for link in links)
        # The sidebar may draw its button a moment after the page's text: wait for it.
        page.get_by_role("button", name="Connexion agents").wait_for(state="visible", timeout=30_000)
    finally:
        context.close()


def test_staff_sign_in_upload_preview_publish_and_see_the_new_figures(servers, browser, tmp_path):
    url, data = servers
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(url)
        rendered(page)
        assert metric_value(page, "Jalons terminés") == "2 sur 5"

        sign_in_and_open_update(page, url)
        # A French-Excel CSV (Windows-1252, ';', DD/MM/YYYY) and an Excel workbook.
        progress = (FRENCH_EXCEL / "progress_updates.csv").read_bytes().replace(b"11,25", b"55")
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files([
            {"name": "avancement juin.csv", "mimeType": "text/csv", "buffer": progress},
            {"name": "Jalons (2).xlsx", "buffer": milestone_workbook(),
             "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        ])
        page.get_by_text("Fichiers valides").wait_for(timeout=90_000)
        rendered(page)
        summaries = page.locator('[data-testid="stExpander"] summary').all_inner_texts()
        assert any("milestones.csv" in s and "modifiées : 1" in s for s in summaries), summaries
        assert any("progress_updates.csv" in s and "modifiées : 1" in s for s in summaries), summaries

        page.get_by_label("Motif (obligatoire, quelques mots)").fill("Point d'avancement de juin")
        page.get_by_text("J'ai vérifié les changements ci-dessus").click()
        page.get_by_role("button", name="Publier 2 fichiers").click()
        page.get_by_text("Version 1 publiée").wait_for(timeout=90_000)
        assert (data / "progress_updates.csv").read_bytes() == progress
        assert [(e["version"], e["by"]) for e in updates.history(data)] == [
            (1, STAFF_EMAIL), (1, STAFF_EMAIL)]

        page.locator('[data-testid="stSidebarNavLink"]', has_text="Vue d'ensemble").click()
        page.get_by_text("Jalons terminés").first.wait_for(timeout=60_000)
        rendered(page)
        assert metric_value(page, "Jalons terminés") == "3 sur 5"

        page.locator('[data-testid="stSidebarNavLink"]', has_text="Historique").click()
        page.get_by_role("heading", name="Historique des publications").wait_for(timeout=60_000)
        rendered(page)
        assert not page.locator('[data-testid="stException"]').count()
    finally:
        context.close()


def test_another_session_sees_the_new_data_on_its_next_interaction(servers, browser):
    """An anonymous session opened before a publish shows the new figures after it."""
    url, data = servers
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        rendered(page)
        before = metric_value(page, "Jalons terminés")
        records = read_records(data / "milestones.csv")
        row = next(r for r in records if r[0] == "C1-M3")
        row[records[0].index("completed_date")] = "2025-10-01"
        content = csv_text(records).encode()
        preparation = updates.prepare(data, [updates.Upload("milestones.csv", content)])
        assert preparation.ok, preparation.problems
        updates.publish(preparation, "script@paris.fr", "from another session")
        page.locator('[data-testid="stSidebarNavLink"]', has_text="Vue d'ensemble").click()
        rendered(page)
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=stMetric]')].some(m => "
            "m.innerText.includes('Jalons terminés') && !m.innerText.includes('" + before + "'))",
            timeout=60_000)
    finally:
        context.close()


def pick(page, label: str, option: str) -> None:
    """Choose `option` in the select labelled `label` (typed, then clicked: lists are virtual)."""
    select = page.locator('[data-testid="stSelectbox"]').filter(
        has=page.locator("label", has_text=label)).first
    select.locator("input").click()
    select.locator("input").fill(option)
    page.get_by_role("option", name=option, exact=True).click()
    page.wait_for_timeout(500)
    rendered(page)


def test_staff_map_an_export_whose_columns_are_not_the_contracts(servers, browser):
    """The 2 April 2023 vote as an English-locale tool re-saved it: mapped, read, saved as a
    profile, and that profile offered for the next file with the same columns."""
    url, data = servers
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    vote = (ROOT / "tests" / "fixtures" / "exports" / "paris-vote-resaved.csv").read_bytes()
    drop = [{"name": "votation trottinettes.csv", "mimeType": "text/csv", "buffer": vote}]
    try:
        page = context.new_page()
        page.goto(url)
        rendered(page)
        sign_in_and_open_update(page, url)
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(drop)
        page.get_by_text("Son nom ne dit pas à quelle table").wait_for(timeout=60_000)
        pick(page, "votation trottinettes.csv", "participation.csv")
        # The shipped `paris-vote` profile reads this export; staff map it by hand here.
        pick(page, "Profil de lecture", "— correspondance choisie ici —")
        page.get_by_text("Les colonnes de ce fichier ne sont pas celles de participation.csv").wait_for(
            timeout=60_000)
        pick(page, "Ordre des dates", "mois/jour/année (12/31/2026, à l'américaine)")
        pick(page, "Séparateur de milliers", "virgule (68,816)")
        pick(page, "activity", "— valeur constante —")
        constant = page.get_by_placeholder("Valeur de « activity » sur chaque ligne")
        constant.fill("Votation citoyenne")
        constant.press("Enter")
        rendered(page)
        pick(page, "arrondissement", "Secteurs administratifs")
        pick(page, "participants", "VOTANTS")
        page.get_by_text("Fichiers valides").wait_for(timeout=90_000)
        # The grid's accessible table holds the first rows as they will be read.
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=stDataFrame] [role=gridcell]')]"
            ".some(cell => cell.textContent.trim() === '2023-04-02')", timeout=60_000)
        cells = page.evaluate("() => [...document.querySelectorAll('[data-testid=stDataFrame] "
                              "[role=gridcell]')].map(cell => cell.textContent.trim())")
        assert {"2023-04-02", "Votation citoyenne", "Paris Centre", "5933"} <= set(cells), cells
        summaries = page.locator('[data-testid="stExpander"] summary').all_inner_texts()
        assert any("participation.csv" in s and "lignes ajoutées : 17" in s for s in summaries), summaries
        page.get_by_role("button", name="Enregistrer le profil").click()
        page.get_by_text("Profil « votation-trottinettes » enregistré").wait_for(timeout=60_000)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "update-mapping-step-fr.png"))
        assert (data / "profiles" / "votation-trottinettes.toml").is_file()
        assert not (data / "participation.csv").read_bytes().count(b"2023-04-02")  # nothing published

        # Next time, the same columns: the saved profile is offered, and reads the file at once.
        page.reload()
        rendered(page)
        page.get_by_role("heading", name="Mettre à jour les données").wait_for(timeout=60_000)
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(drop)
        page.get_by_text("Son nom ne dit pas à quelle table").wait_for(timeout=60_000)
        pick(page, "votation trottinettes.csv", "participation.csv")
        page.get_by_text("Fichiers valides").wait_for(timeout=90_000)
        profile = page.locator('[data-testid="stSelectbox"]').filter(
            has=page.locator("label", has_text="Profil de lecture")).first
        assert profile.locator("input").input_value() == "votation-trottinettes"
        page.screenshot(path=str(ARTIFACTS / "update-saved-profile-fr.png"))
        assert not page.locator('[data-testid="stException"]').count()
    finally:
        context.close()
