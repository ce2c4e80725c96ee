"""Fixtures for the browser tests: one server per data folder for the whole session; one
chromium, one browser context and one tab per module. No module's pages may ask another host
for anything (`context`).

A failing test's report ends with the output of the server(s) it used.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from browser_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    FIRST_VISIT,
    VIEWPORT,
    Server,
    first_visit,
    running_server,
)
from helpers import BUNDLED, copy_tiny


@pytest.fixture(scope="session")
def server_logs(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("server-logs")


@pytest.fixture(scope="module")
def browser() -> Iterator:
    """One chromium per module. Not for the session: while a sync Playwright is open, no other can
    start in the same thread, and other test files (test_login_browser, test_site_browser) open
    their own after ours in the same pytest worker."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def tiny_server(tmp_path_factory, server_logs) -> Iterator[Server]:
    """The dashboard on a private copy of tests/fixtures/tiny (figures worked out by hand). What
    its very first visitor, opening a deep link, saw is kept in `first_visit`."""
    data = copy_tiny(tmp_path_factory.mktemp("tiny-server"))
    with running_server(data, "tiny", server_logs) as server:
        server.first_visit = first_visit(server, FIRST_VISIT)
        yield server


@pytest.fixture(scope="session")
def bundled_server(server_logs) -> Iterator[Server]:
    """The dashboard on the bundled data/ (read only: loading never writes to the folder)."""
    with running_server(BUNDLED, "bundled", server_logs) as server:
        yield server


@pytest.fixture(scope="module")
def context(browser) -> Iterator:
    """One context per module: its cache keeps Streamlit's scripts between tabs. No request may
    leave the machine: each one to another host is listed, and the module fails at its end if
    there was one (every page, in every mode and language the module opens). They are refused
    too, so that nothing waits on the network."""
    created = browser.new_context(viewport=VIEWPORT)
    outside: list[str] = []

    def listed(request) -> None:
        address = urlparse(request.url)
        if address.scheme in ("http", "https", "ws", "wss") and address.hostname != "127.0.0.1":
            outside.append(request.url)

    created.on("request", listed)
    created.route("https://**", lambda route: route.abort())
    yield created
    created.close()
    assert outside == [], f"requests that would have left the machine: {outside}"


@pytest.fixture(scope="module")
def tab(context) -> Iterator:
    """One tab per module, reused by its tests: a new tab starts a new renderer process, which
    costs more than the page load itself on a busy machine. Each `goto` is a new Streamlit
    session all the same."""
    opened = context.new_page()
    opened.errors = []
    opened.dialogs = []
    opened.on("pageerror", lambda error: opened.errors.append(str(error)))

    def dismiss(dialog) -> None:
        opened.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    opened.on("dialog", dismiss)
    yield opened
    opened.close()


@pytest.fixture
def page(tab):
    """The module's tab at the usual size, its lists emptied: JavaScript errors go to
    `page.errors`; a dialog (alert, confirm) is dismissed and listed in `page.dialogs`."""
    tab.errors.clear()
    tab.dialogs.clear()
    tab.set_viewport_size(VIEWPORT)
    return tab


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed:
        shown = set()
        for value in getattr(item, "funcargs", {}).values():
            if isinstance(value, Server) and id(value) not in shown:
                shown.add(id(value))
                report.sections.append((f"streamlit server {value.name!r} ({value.url}) output",
                                        value.output()))
    return report
