"""Who a signed-in person is, from the identity provider's claims, and whether they are staff.

No streamlit here: `ui.auth` hands in the claims (`st.user`) and the staff lists.

Which claim identifies a person depends on the provider (see the README, "Deployment and
security"):

- **Microsoft Entra ID** (a token with a `tid` claim, or issued by a Microsoft login host): the
  `email` claim is not verified (any user of any tenant can set it) and is never used. A person
  is staff when the token comes from a tenant listed in `entra_tenants` and either their object
  id (`oid`, fixed for the life of the account) is in `staff_entra_ids`, or their
  `preferred_username` (the sign-in name, whose domain is one the tenant has verified) is a
  listed address or of a listed domain.
- **Any other OpenID Connect provider**: the `email` claim, only when `email_verified` is the
  boolean `true` (a missing claim, or the string "false" or "true", is not a verification).

Either way an address has exactly one `@`, something before it and a domain after it, and a
domain matches exactly (`paris.fr` does not admit `agent@sub.paris.fr` or `a@evil-paris.fr`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlparse

# Hosts that issue Entra ID tokens (worldwide, US government, China).
MICROSOFT_ISSUERS = ("login.microsoftonline.com", "sts.windows.net", "login.microsoftonline.us",
                     "login.partner.microsoftonline.cn", "login.chinacloudapi.cn")
_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@dataclass(frozen=True)
class StaffLists:
    """Who is staff: addresses and domains (any provider), Entra tenants and object ids."""

    emails: frozenset[str] = frozenset()
    domains: frozenset[str] = frozenset()
    entra_tenants: frozenset[str] = frozenset()
    entra_ids: frozenset[str] = field(default_factory=frozenset)


def listed(values: object) -> set[str]:
    """A setting as a set of lower-case entries: a list, or a comma- or semicolon-separated text."""
    if values is None:
        return set()
    if isinstance(values, str):
        values = values.replace(";", ",").split(",")
    if not isinstance(values, Iterable):
        return set()
    return {str(value).strip().lower().lstrip("@") for value in values if str(value).strip()}


def is_entra(claims: Mapping) -> bool:
    """Whether these claims come from Microsoft Entra ID."""
    issuer = urlparse(str(claims.get("iss") or "")).hostname or ""
    return "tid" in claims or issuer in MICROSOFT_ISSUERS


def address(value: object) -> str | None:
    """A clean lower-case address, or None unless it has exactly one `@` and a dotted domain."""
    if not isinstance(value, str):
        return None
    cleaned = value.strip().lower()
    return cleaned if _ADDRESS.fullmatch(cleaned) else None


def _listed_address(value: str | None, lists: StaffLists) -> bool:
    return value is not None and (value in lists.emails or value.rpartition("@")[2] in lists.domains)


def is_staff(claims: Mapping | None, lists: StaffLists) -> bool:
    """Whether these claims name a member of staff (the module's rules)."""
    if not claims:
        return False
    if is_entra(claims):
        tenant = str(claims.get("tid") or "").strip().lower()
        if not tenant or tenant not in lists.entra_tenants:
            return False
        object_id = str(claims.get("oid") or "").strip().lower()
        return bool(object_id and object_id in lists.entra_ids) or _listed_address(
            address(claims.get("preferred_username")), lists)
    if claims.get("email_verified") is not True:
        return False
    return _listed_address(address(claims.get("email")), lists)


def label(claims: Mapping) -> str:
    """How the log and the sidebar name a person: the claim that identifies them, else a name."""
    keys = (("preferred_username", "name", "oid") if is_entra(claims) else ("email", "name", "sub"))
    for key in keys:
        value = claims.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return "?"
