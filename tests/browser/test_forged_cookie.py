"""A sign-in cookie forged with the example's secret opens nothing (issue 15, finding 1).

Streamlit signs its sign-in cookie `_streamlit_user` with `[auth] cookie_secret` (itsdangerous,
the cookie's name as salt). With `.streamlit/secrets.example.toml` copied and only the address
changed, anyone could sign a cookie that names the example's staff address and open the Update
page. Here the real server runs with exactly those settings and Chromium carries such a cookie:
the staff pages answer "page not found" and the sidebar and the server's log say why sign-in is
off. The control: the same forging with a server's own real secret opens the Update page, so the
cookie is one Streamlit accepts and only the secret stands between it and a forger.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator

import pytest
from browser_support import ROOT, Server, running_server, skip_without_chromium
from helpers import copy_tiny

pytestmark = pytest.mark.browser
skip_without_chromium()

EXAMPLE = (ROOT / ".streamlit" / "secrets.example.toml").read_text(encoding="utf-8")
EXAMPLE_SECRET = tomllib.loads(EXAMPLE)["auth"]["cookie_secret"]
EXAMPLE_STAFF = tomllib.loads(EXAMPLE)["ogp_metrics"]["staff_emails"][0]
RENDERED = '[data-testid="stApp"][data-test-script-state="notRunning"]'
REAL_SECRET = "hV3q9ZkR2tWm7XcJ4pLs8NbYd6Fg1Ae0TuKo5Ir-Qw_Ez"


def forged_cookie(secret: str, origin: str, address: str) -> str:
    """What someone who knows `secret` writes: a signed session naming `address`, verified."""
    from itsdangerous import URLSafeTimedSerializer

    claims = {"origin": origin, "is_logged_in": True, "email": address, "email_verified": True,
              "name": "Forged"}
    return URLSafeTimedSerializer(secret, salt="_streamlit_user").dumps(json.dumps(claims))


@pytest.fixture
def server(request, tmp_path_factory, server_logs) -> Iterator[Server]:
    """The dashboard on tiny with the example's secrets file (`request.param`: what differs)."""
    settings = EXAMPLE
    for old, new in request.param.items():
        assert old in settings, old
        settings = settings.replace(old, new)
    base = tmp_path_factory.mktemp("forged")
    secrets_file = base / "secrets.toml"
    secrets_file.write_text(settings, encoding="utf-8")
    with running_server(copy_tiny(base), "forged", server_logs,
                        options=("--secrets.files", str(secrets_file))) as running:
        yield running


def visit_update_page(browser, server: Server, cookie: str) -> tuple[str, int]:
    """Open /update carrying the cookie; the sidebar's text and the number of file uploaders."""
    context = browser.new_context()
    try:
        context.add_cookies([{"name": "_streamlit_user", "value": cookie, "url": server.url,
                              "httpOnly": True}])
        page = context.new_page()
        page.goto(server.address("update"))
        page.wait_for_selector(RENDERED, timeout=60_000)
        # Either our own "page not found" (in French: the visitor chose no language) or the
        # Update page's uploader.
        page.locator('[data-testid="stFileUploader"]').or_(page.get_by_text("Page introuvable")).first \
            .wait_for(timeout=60_000)
        return (page.locator('[data-testid="stSidebar"]').inner_text(),
                page.locator('[data-testid="stFileUploader"]').count())
    finally:
        context.close()


ONLY_THE_ADDRESS = {"https://ogp.example.paris.fr/oauth2callback": "http://127.0.0.1/oauth2callback"}


@pytest.mark.parametrize("server", [ONLY_THE_ADDRESS], indirect=True)
def test_a_cookie_forged_with_the_example_s_secret_opens_no_staff_page(browser, server):
    sidebar, uploaders = visit_update_page(
        browser, server, forged_cookie(EXAMPLE_SECRET, server.url, EXAMPLE_STAFF))
    assert uploaders == 0
    assert "Connexion des agents désactivée" in sidebar and "celui de l'exemple" in sidebar
    assert "Connecté :" not in sidebar and "Se déconnecter" not in sidebar  # nobody signed in
    assert "Staff sign-in is disabled" in server.output()


REAL = {**ONLY_THE_ADDRESS, f'cookie_secret = "{EXAMPLE_SECRET}"': f'cookie_secret = "{REAL_SECRET}"',
        f'staff_emails = ["{EXAMPLE_STAFF}"]': 'staff_emails = ["agent@paris.fr"]'}


@pytest.mark.parametrize("server", [REAL], indirect=True)
def test_control_the_same_cookie_signed_with_the_server_s_real_secret_is_a_session(browser, server):
    sidebar, uploaders = visit_update_page(
        browser, server, forged_cookie(REAL_SECRET, server.url, "agent@paris.fr"))
    assert uploaders == 1
    assert "Connecté : agent@paris.fr" in sidebar
