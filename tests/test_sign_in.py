"""Sign-in only with real settings, staff only from trustworthy claims, public-only access.

Streamlit signs its sign-in cookie with `[auth] cookie_secret`: with the example's secret anyone
can write a cookie that names anyone. AppTest's `user` is exactly what such a cookie gives the
app (`st.user`), so a forged session is a test user with the example's settings. The same forged
cookie through a real server and Chromium: tests/browser/test_forged_cookie.py.
"""

from __future__ import annotations

import logging
import secrets
import tomllib

import pytest
from helpers import ROOT, new_app

from ogp_metrics import text
from ogp_metrics.ui import auth, identity, sign_in_settings

EXAMPLE = tomllib.loads((ROOT / ".streamlit" / "secrets.example.toml").read_text(encoding="utf-8"))
STRONG = "hV3q9ZkR2tWm7XcJ4pLs8NbYd6Fg1Ae0TuKo5Ir-Qw_Ez"
# What a cookie signed with the example's secret can claim: the example's own staff address.
FORGED = {"is_logged_in": True, "email": "prenom.nom@paris.fr", "email_verified": True,
          "name": "Forged"}
STAFF = {"is_logged_in": True, "email": "agent@paris.fr", "email_verified": True, "name": "Agent"}
ENVIRONMENT = (auth.STAFF_EMAILS_ENV, auth.STAFF_DOMAINS_ENV, auth.ENTRA_TENANTS_ENV,
               auth.STAFF_ENTRA_IDS_ENV, auth.PUBLIC_ONLY_ENV)


@pytest.fixture(autouse=True)
def settings_from_the_test_only(monkeypatch, fresh_streamlit_caches):
    for variable in ENVIRONMENT:
        monkeypatch.delenv(variable, raising=False)


# ---------------------------------------------------------------- the cookie secret

def test_the_example_s_values_are_known():
    assert EXAMPLE["auth"]["cookie_secret"] in sign_in_settings.EXAMPLE_COOKIE_SECRETS
    assert set(EXAMPLE["ogp_metrics"]["staff_emails"]) <= sign_in_settings.EXAMPLE_STAFF_EMAILS
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    readme_secret = readme.split('cookie_secret = "', 1)[1].split('"', 1)[0]
    assert readme_secret in sign_in_settings.EXAMPLE_COOKIE_SECRETS


@pytest.mark.parametrize("secret, problem", [
    ("change-me-to-a-long-random-string", "example"),
    ("<python -c 'import secrets; print(secrets.token_urlsafe(48))'>", "example"),
    ("<a long random string that I will write later on>", "placeholder"),
    ("please-change-me-before-going-live-2026-xyz", "placeholder"),
    ("", "missing"),
    (None, "missing"),
    ("hV3q9ZkR2tWm7XcJ4pLs8NbYd6Fg1Ae", "short"),  # 31 characters
    ("s" * 32, "low_entropy"),
    ("browser-test-cookie-secret-" * 2, "low_entropy"),  # words
    ("abcdefghijklmnopqrstuvwxyz012345", "low_entropy"),  # runs
    ("azertyuiopqsdfghjklmwxcvbn123456", "low_entropy"),  # a keyboard
    ("Paris2024!Paris2024!Paris2024!xx", "low_entropy"),  # a repeated piece
    (STRONG, None),
    ("3f9a0c2e7b41d8865c0e9f3a7d21b4c6", None),  # 32 hexadecimal characters (token_hex(16))
])
def test_what_counts_as_a_real_cookie_secret(secret, problem):
    assert sign_in_settings.cookie_secret_problem(secret) == problem


def test_generated_secrets_pass():
    assert all(sign_in_settings.cookie_secret_problem(secrets.token_urlsafe(48)) is None
               for _ in range(2000))


# ---------------------------------------------------------------- claims

LISTS = identity.StaffLists(emails=frozenset({"agent@paris.fr"}), domains=frozenset({"mairie.fr"}),
                            entra_tenants=frozenset({"0d9e6c1a-city-tenant"}),
                            entra_ids=frozenset({"5b1e-oid-of-agent"}))
VERIFIED = {"email_verified": True}


@pytest.mark.parametrize("claims, allowed", [
    ({"email": "agent@paris.fr", **VERIFIED}, True),
    ({"email": " Agent@Paris.FR ", **VERIFIED}, True),
    ({"email": "someone@mairie.fr", **VERIFIED}, True),
    ({"email": "someone@dgri.paris.fr", **VERIFIED}, False),  # a domain matches exactly
    ({"email": "someone@evil-mairie.fr", **VERIFIED}, False),
    ({"email": "agent@paris.fr"}, False),  # no email_verified: not verified
    ({"email": "agent@paris.fr", "email_verified": "false"}, False),
    ({"email": "agent@paris.fr", "email_verified": "true"}, False),  # a string is not the boolean
    ({"email": "agent@paris.fr", "email_verified": 1}, False),
    ({"email": "agent@paris.fr", "email_verified": False}, False),
    ({"email": "x@evil.org@mairie.fr", **VERIFIED}, False),  # two @
    ({"email": "@mairie.fr", **VERIFIED}, False),
    ({"email": ["agent@paris.fr"], **VERIFIED}, False),
    ({"name": "No e-mail", **VERIFIED}, False),
    (None, False),
])
def test_who_counts_as_staff_with_an_openid_connect_provider(claims, allowed):
    assert identity.is_staff(claims, LISTS) is allowed


ENTRA = {"iss": "https://login.microsoftonline.com/0d9e6c1a-city-tenant/v2.0",
         "tid": "0d9e6c1a-city-tenant", "oid": "9999-someone-else", "name": "Agent"}


@pytest.mark.parametrize("claims, allowed", [
    ({**ENTRA, "oid": "5b1e-oid-of-agent"}, True),  # a listed object id
    ({**ENTRA, "preferred_username": "someone@mairie.fr"}, True),  # a listed domain, in the tenant
    ({**ENTRA, "preferred_username": "agent@paris.fr"}, True),
    # The email claim of Entra ID is not verified: never used, verified or not.
    ({**ENTRA, "email": "agent@paris.fr", "email_verified": True}, False),
    ({**ENTRA, "tid": "another-tenant", "oid": "5b1e-oid-of-agent"}, False),
    ({**ENTRA, "tid": "another-tenant", "preferred_username": "agent@paris.fr"}, False),
    ({"iss": "https://login.microsoftonline.com/x/v2.0", "email": "agent@paris.fr", **VERIFIED}, False),
    ({**ENTRA, "preferred_username": "a@b@mairie.fr"}, False),
])
def test_who_counts_as_staff_with_entra_id(claims, allowed):
    assert identity.is_staff(claims, LISTS) is allowed


def test_the_log_names_a_person_by_the_claim_that_identifies_them():
    assert identity.label({"email": "agent@paris.fr", "name": "Agent"}) == "agent@paris.fr"
    assert identity.label({**ENTRA, "email": "fake@paris.fr", "preferred_username": "a@mairie.fr"}) \
        == "a@mairie.fr"


def test_staff_lists_come_from_the_environment_too(monkeypatch):
    monkeypatch.setenv(auth.STAFF_EMAILS_ENV, "a@paris.fr, B@Paris.fr")
    monkeypatch.setenv(auth.STAFF_DOMAINS_ENV, "@mairie.fr;ville.fr")
    monkeypatch.setenv(auth.ENTRA_TENANTS_ENV, "T1")
    monkeypatch.setenv(auth.STAFF_ENTRA_IDS_ENV, "o1,O2")
    assert auth.staff_lists() == identity.StaffLists(
        frozenset({"a@paris.fr", "b@paris.fr"}), frozenset({"mairie.fr", "ville.fr"}),
        frozenset({"t1"}), frozenset({"o1", "o2"}))


# ---------------------------------------------------------------- the app

def app(monkeypatch, folder, auth_settings: dict, staff: dict, user: dict | None, **params):
    test = new_app(monkeypatch, folder, timeout=120, **params)
    test.secrets["auth"] = auth_settings
    test.secrets["ogp_metrics"] = staff
    if user is not None:
        test.user = dict(user)
    test.run()
    assert not test.exception, [e.value for e in test.exception]
    return test


def captions(test) -> str:
    return " ".join(caption.value.replace("\\", "") for caption in test.sidebar.caption)


def test_a_cookie_forged_with_the_example_s_secret_opens_nothing(monkeypatch, tiny, caplog):
    caplog.set_level(logging.WARNING, logger="ogp_metrics.auth")
    auth._logged.clear()
    settings = {**EXAMPLE["auth"], "redirect_uri": "http://127.0.0.1:8501/oauth2callback"}
    test = app(monkeypatch, tiny, settings, dict(EXAMPLE["ogp_metrics"]), FORGED, lang="en")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        test.switch_page("app_pages/update.py")
    assert not test.sidebar.button  # no sign-in either
    shown = captions(test)
    assert "Staff sign-in is disabled" in shown
    assert text.t("auth.disabled.cookie_secret_example", "en") in shown
    assert text.t("auth.disabled.example_staff", "en") in shown
    assert "prenom.nom@paris.fr is" not in shown  # nobody is shown as signed in
    logged = [record.getMessage() for record in caplog.records if record.name == "ogp_metrics.auth"]
    assert len(logged) == 1 and "the cookie_secret is the example's" in logged[0]


def test_a_real_secret_with_the_example_s_staff_list_stays_read_only(monkeypatch, tiny):
    settings = {**EXAMPLE["auth"], "cookie_secret": STRONG}
    test = app(monkeypatch, tiny, settings, {"staff_emails": ["prenom.nom@paris.fr", "agent@paris.fr"]},
               STAFF)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        test.switch_page("app_pages/update.py")
    assert text.t("auth.disabled.example_staff", "fr") in captions(test)


def test_real_settings_let_verified_staff_in_and_no_one_else(monkeypatch, tiny):
    settings = {**EXAMPLE["auth"], "cookie_secret": STRONG}
    staff = {"staff_emails": ["agent@paris.fr"]}
    test = app(monkeypatch, tiny, settings, staff, STAFF)
    test.switch_page("app_pages/update.py").run()
    assert not test.exception
    unverified = {key: value for key, value in STAFF.items() if key != "email_verified"}
    test = app(monkeypatch, tiny, settings, staff, unverified)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        test.switch_page("app_pages/update.py")


def test_public_only_serves_anonymous_visitors_the_public_view(monkeypatch, tiny):
    settings = {**EXAMPLE["auth"], "cookie_secret": STRONG}
    staff = {"staff_emails": ["agent@paris.fr"], "public_only": True}
    test = app(monkeypatch, tiny, settings, staff, None, mode="internal")
    assert test.session_state["ui_public"] is True
    assert test.query_params["mode"] == "public"
    toggle = test.sidebar.toggle[0]
    assert toggle.value is True and toggle.proto.disabled
    assert [button.label for button in test.sidebar.button] == ["Connexion agents"]  # to get in
    # Staff choose: the internal view is theirs.
    test = app(monkeypatch, tiny, settings, staff, STAFF, mode="internal")
    assert test.session_state["ui_public"] is False
    assert not test.sidebar.toggle[0].proto.disabled


def test_public_only_from_the_environment(monkeypatch, tiny):
    monkeypatch.setenv(auth.PUBLIC_ONLY_ENV, "1")
    test = app(monkeypatch, tiny, {}, {}, None)
    assert test.session_state["ui_public"] is True
