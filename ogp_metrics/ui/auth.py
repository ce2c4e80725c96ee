"""Who is signed in, and whether they are staff (Streamlit's OpenID Connect login).

The identity provider is configured in `.streamlit/secrets.toml` under `[auth]` (see
`.streamlit/secrets.example.toml`). Who counts as staff is configured separately, from the
environment (`OGP_STAFF_EMAILS`, `OGP_STAFF_DOMAINS`, `OGP_ENTRA_TENANTS`, `OGP_STAFF_ENTRA_IDS`:
comma-separated) and from the `[ogp_metrics]` section of the secrets (`staff_emails`,
`staff_domains`, `entra_tenants`, `staff_entra_ids`: lists). Nobody is staff until one of them
lists someone; which claim identifies a person is decided in `ui.identity`.

Sign-in is on only with real settings (`ui.sign_in_settings`): without an `[auth]` section, or
with the example's cookie secret, a short or guessable one, or the example's staff list, the app
is read-only, says why in the sidebar, and logs it once (a warning in the server's log).

`public_only` (`[ogp_metrics] public_only = true`, or `OGP_PUBLIC_ONLY=1`): whoever is not
signed-in staff gets the public view only (`ui.view`).
"""

from __future__ import annotations

import importlib.util
import logging
import os
from collections.abc import Mapping

import streamlit as st

from ogp_metrics import text
from ogp_metrics.ui import identity
from ogp_metrics.ui.sign_in_settings import sign_in_problems
from ogp_metrics.ui.widgets import plain

STAFF_EMAILS_ENV = "OGP_STAFF_EMAILS"
STAFF_DOMAINS_ENV = "OGP_STAFF_DOMAINS"
ENTRA_TENANTS_ENV = "OGP_ENTRA_TENANTS"
STAFF_ENTRA_IDS_ENV = "OGP_STAFF_ENTRA_IDS"
PUBLIC_ONLY_ENV = "OGP_PUBLIC_ONLY"
SETTINGS_SECTION = "ogp_metrics"
_PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
_LOG = logging.getLogger("ogp_metrics.auth")
_logged: set[tuple[str, ...]] = set()


def _secrets_section(name: str) -> Mapping:
    """A section of the secrets, empty when there is no secrets file or no such section."""
    try:
        if not st.secrets.load_if_toml_exists():
            return {}
        section = st.secrets.get(name)
    except Exception:  # a malformed secrets file: behave as if none, Streamlit logs it
        return {}
    return section if isinstance(section, Mapping) else {}


def _providers(auth: Mapping) -> list[str | None]:
    """The configured providers: None for one given directly under `[auth]`, else their names."""
    names: list[str | None] = []
    if all(auth.get(key) for key in _PROVIDER_KEYS):
        names.append(None)
    for name, value in auth.items():
        if isinstance(value, Mapping) and all(value.get(key) for key in _PROVIDER_KEYS):
            names.append(str(name))
    return names


def _is_set_up() -> bool:
    """`[auth]` with a redirect URI, a cookie secret and a provider, and Authlib installed."""
    auth = _secrets_section("auth")
    return bool(auth.get("redirect_uri") and auth.get("cookie_secret") and _providers(auth)
                and importlib.util.find_spec("authlib") is not None)


def disabled_reasons() -> list[str]:
    """Why sign-in stays off although `[auth]` is set up (reason codes; empty: it is on)."""
    if not _is_set_up():
        return []
    reasons = sign_in_problems(_secrets_section("auth").get("cookie_secret"), staff_lists().emails)
    if reasons and tuple(reasons) not in _logged:
        _logged.add(tuple(reasons))
        _LOG.warning("%s", disabled_text(reasons, "en").replace("`", ""))
    return reasons


def disabled_text(reasons: list[str], lang: str) -> str:
    """Why sign-in is off, in words (the sidebar's caption and the server's log)."""
    return text.t("auth.disabled", lang, reasons=text.t("auth.disabled.separator", lang).join(
        text.t(f"auth.disabled.{reason}", lang) for reason in reasons))


def is_configured() -> bool:
    """Whether sign-in is on: set up, with a real cookie secret and a real staff list."""
    return _is_set_up() and not disabled_reasons()


def login_provider() -> str | None:
    """The provider the sign-in button uses: `[ogp_metrics] login_provider`, else the first."""
    chosen = _secrets_section(SETTINGS_SECTION).get("login_provider")
    providers = _providers(_secrets_section("auth"))
    if chosen in providers:
        return chosen
    return providers[0] if providers else None


def current_user() -> dict | None:
    """The signed-in person's claims (`email`, `name`, ...), or None when nobody is signed in
    (or sign-in is off: a cookie signed with a known secret proves nothing)."""
    if not is_configured():
        return None
    try:
        user = st.user.to_dict()
    except Exception:  # no script run context (a bare import): nobody
        return None
    return user if user.get("is_logged_in") is True else None


def staff_lists() -> identity.StaffLists:
    """Who is staff, from the environment and the secrets."""
    settings = _secrets_section(SETTINGS_SECTION)

    def both(variable: str, key: str) -> frozenset[str]:
        return frozenset(identity.listed(os.environ.get(variable)) | identity.listed(settings.get(key)))

    return identity.StaffLists(emails=both(STAFF_EMAILS_ENV, "staff_emails"),
                               domains=both(STAFF_DOMAINS_ENV, "staff_domains"),
                               entra_tenants=both(ENTRA_TENANTS_ENV, "entra_tenants"),
                               entra_ids=both(STAFF_ENTRA_IDS_ENV, "staff_entra_ids"))


def is_staff() -> bool:
    """Whether the person using this session is signed in and on the staff lists."""
    user = current_user()
    return user is not None and identity.is_staff(user, staff_lists())


def public_only() -> bool:
    """Whether visitors who are not signed-in staff get the public view only."""
    setting = _secrets_section(SETTINGS_SECTION).get("public_only")
    environment = os.environ.get(PUBLIC_ONLY_ENV, "").strip().lower()
    return setting is True or environment in ("1", "true", "yes", "oui")


def user_label(user: Mapping) -> str:
    """How the log and the sidebar name a person."""
    return identity.label(user)


def sidebar(lang: str, public: bool) -> bool:
    """Sign-in and sign-out in the sidebar; True when this session may use the staff pages.

    In public mode the staff pages are not offered and nothing of this shows, except, when
    the app serves the public view only (`public_only`), the sign-in button.
    """
    if public and not public_only():
        return False
    with st.sidebar:
        if not is_configured():
            if not public:
                reasons = disabled_reasons()
                st.caption(disabled_text(reasons, lang) if reasons else text.t("auth.read_only", lang))
            return False
        user = current_user()
        if user is None:
            if st.button(text.t("auth.sign_in", lang), icon=":material/login:", key="auth_sign_in"):
                st.login(login_provider())
            return False
        if public:
            return False
        staff = identity.is_staff(user, staff_lists())
        key = "auth.signed_in_as" if staff else "auth.not_staff"
        st.caption(text.t(key, lang, user=plain(user_label(user))))
        if st.button(text.t("auth.sign_out", lang), icon=":material/logout:", key="auth_sign_out"):
            st.logout()
        return staff
