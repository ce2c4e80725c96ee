"""Who is signed in, and whether they are staff (Streamlit's OpenID Connect login).

The identity provider is configured in `.streamlit/secrets.toml` under `[auth]` (see
`.streamlit/secrets.example.toml`). Who counts as staff is configured separately, as
allowed e-mail addresses and e-mail domains, from the environment (`OGP_STAFF_EMAILS`,
`OGP_STAFF_DOMAINS`: comma-separated) and from the `[ogp_metrics]` section of the secrets
(`staff_emails`, `staff_domains`: lists). Nobody is staff until one of them lists someone.
Without an `[auth]` section the app is read-only.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable, Mapping

import streamlit as st

from ogp_metrics import text
from ogp_metrics.ui.widgets import plain

STAFF_EMAILS_ENV = "OGP_STAFF_EMAILS"
STAFF_DOMAINS_ENV = "OGP_STAFF_DOMAINS"
SETTINGS_SECTION = "ogp_metrics"
_PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")


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


def is_configured() -> bool:
    """Whether sign-in is set up: `[auth]` with a redirect URI, a cookie secret and a provider,
    and Authlib installed (`st.login` needs it)."""
    auth = _secrets_section("auth")
    return bool(auth.get("redirect_uri") and auth.get("cookie_secret") and _providers(auth)
                and importlib.util.find_spec("authlib") is not None)


def login_provider() -> str | None:
    """The provider the sign-in button uses: `[ogp_metrics] login_provider`, else the first."""
    chosen = _secrets_section(SETTINGS_SECTION).get("login_provider")
    providers = _providers(_secrets_section("auth"))
    if chosen in providers:
        return chosen
    return providers[0] if providers else None


def current_user() -> dict | None:
    """The signed-in person's claims (`email`, `name`, ...), or None when nobody is signed in."""
    if not is_configured():
        return None
    try:
        user = st.user.to_dict()
    except Exception:  # no script run context (a bare import): nobody
        return None
    return user if user.get("is_logged_in") else None


def _listed(values: object) -> set[str]:
    if values is None:
        return set()
    if isinstance(values, str):
        values = values.replace(";", ",").split(",")
    if not isinstance(values, Iterable):
        return set()
    return {str(value).strip().lower().lstrip("@") for value in values if str(value).strip()}


def staff_lists() -> tuple[set[str], set[str]]:
    """The allowed e-mail addresses and domains, from the environment and the secrets."""
    settings = _secrets_section(SETTINGS_SECTION)
    emails = _listed(os.environ.get(STAFF_EMAILS_ENV)) | _listed(settings.get("staff_emails"))
    domains = _listed(os.environ.get(STAFF_DOMAINS_ENV)) | _listed(settings.get("staff_domains"))
    return emails, domains


def is_allowed(user: Mapping | None, emails: set[str], domains: set[str]) -> bool:
    """Whether these claims name a member of staff: a listed address, or one of a listed domain.

    A domain matches exactly (`paris.fr` does not admit `x@evil-paris.fr` or `x@sub.paris.fr`);
    an address the provider says is not verified (`email_verified: false`) is never staff.
    """
    if not user:
        return False
    email = str(user.get("email") or "").strip().lower()
    if "@" not in email or user.get("email_verified") is False:
        return False
    return email in emails or email.rpartition("@")[2] in domains


def is_staff() -> bool:
    """Whether the person using this session is signed in and on the staff lists."""
    user = current_user()
    return user is not None and is_allowed(user, *staff_lists())


def user_label(user: Mapping) -> str:
    """How the log and the sidebar name a person: their e-mail (else name, else subject)."""
    return str(user.get("email") or user.get("name") or user.get("sub") or "?")


def sidebar(lang: str, public: bool) -> bool:
    """Sign-in and sign-out in the sidebar; True when this session may use the staff pages.

    In public mode nothing of this shows, and the staff pages are not offered.
    """
    if public:
        return False
    with st.sidebar:
        if not is_configured():
            st.caption(text.t("auth.read_only", lang))
            return False
        user = current_user()
        if user is None:
            if st.button(text.t("auth.sign_in", lang), icon=":material/login:", key="auth_sign_in"):
                st.login(login_provider())
            return False
        staff = is_allowed(user, *staff_lists())
        key = "auth.signed_in_as" if staff else "auth.not_staff"
        st.caption(text.t(key, lang, user=plain(user_label(user))))
        if st.button(text.t("auth.sign_out", lang), icon=":material/logout:", key="auth_sign_out"):
            st.logout()
        return staff
