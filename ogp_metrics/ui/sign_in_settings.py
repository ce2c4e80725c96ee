"""Whether the sign-in settings are real ones: a strong cookie secret, not the example's values.

Streamlit signs the sign-in cookie with `[auth] cookie_secret`: whoever knows it can write a
cookie naming anyone, with any e-mail (a forged staff session). A secret copied from
`.streamlit/secrets.example.toml`, short, or easy to guess therefore keeps sign-in off (the app
stays read-only) and says why. So does the example's staff list (`prenom.nom@paris.fr`), a sign
that the settings were copied and not filled in. No streamlit here: `ui.auth` reads the settings.

What counts as easy to guess (a secret must pass every test; the README asks for the output of
`python -c "import secrets; print(secrets.token_urlsafe(48))"`, 64 random characters):

- at least `MIN_SECRET_LENGTH` characters;
- not the example's value nor a placeholder (`change-me`, `<...>`...);
- not words: only lower-case letters and punctuation, with a separator (`my-ogp-secret-key`);
- once the predictable parts are set aside (a character repeated, a piece seen earlier in the
  secret, a run of the alphabet, the digits or a keyboard row), what remains carries at least
  `MIN_SECRET_BITS` bits by its character frequencies (Shannon). Of 50,000 `secrets.token_hex(16)`
  (32 random hexadecimal characters), a handful fail: prefer `token_urlsafe(48)`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

MIN_SECRET_LENGTH = 32
MIN_SECRET_BITS = 85
# The values of .streamlit/secrets.example.toml and of the README's example (a test keeps them equal).
EXAMPLE_COOKIE_SECRETS = frozenset({
    "change-me-to-a-long-random-string",
    "<python -c 'import secrets; print(secrets.token_urlsafe(48))'>",
})
EXAMPLE_STAFF_EMAILS = frozenset({"prenom.nom@paris.fr"})
_PLACEHOLDERS = ("change-me", "changeme", "change_me", "replace-me", "replaceme", "your-secret",
                 "token_urlsafe")
_SEQUENCES = ("abcdefghijklmnopqrstuvwxyz", "0123456789", "azertyuiop", "qsdfghjklm", "wxcvbn",
              "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertzuiop", "yxcvbnm")
_WINDOW = 4  # a piece this long, predictable, is set aside


def cookie_secret_problem(secret: object) -> str | None:
    """Why this cookie secret is not a real one (a reason code), or None when it is."""
    if not isinstance(secret, str) or not secret.strip():
        return "missing"
    value = secret.strip()
    lowered = value.lower()
    if value in EXAMPLE_COOKIE_SECRETS:
        return "example"
    if any(marker in lowered for marker in _PLACEHOLDERS) or (value.startswith("<") and value.endswith(">")):
        return "placeholder"
    if len(value) < MIN_SECRET_LENGTH:
        return "short"
    if _looks_like_words(value) or estimated_bits(value) < MIN_SECRET_BITS:
        return "low_entropy"
    return None


def _looks_like_words(value: str) -> bool:
    letters = [ch for ch in value if ch.isalnum()]
    return (all(ch.isalpha() and ch.islower() for ch in letters)
            and bool(re.search(r"[\s\-_.]", value)))


def estimated_bits(value: str) -> float:
    """Shannon bits of what is left of `value` once its predictable pieces are set aside."""
    lowered = value.lower()
    predictable = [False] * len(value)
    for start in range(len(value) - _WINDOW + 1):
        piece = lowered[start:start + _WINDOW]
        if (len(set(piece)) == 1 or piece in lowered[:start]
                or any(piece in run or piece in run[::-1] for run in _SEQUENCES)):
            for index in range(start, start + _WINDOW):
                predictable[index] = True
    rest = [ch for ch, seen in zip(value, predictable, strict=True) if not seen]
    if not rest:
        return 0.0
    counts = Counter(rest)
    total = len(rest)
    return -sum(count / total * math.log2(count / total) for count in counts.values()) * total


def example_staff(emails: Iterable[str]) -> bool:
    """Whether the staff list still holds the example's address."""
    return any(str(email).strip().lower() in EXAMPLE_STAFF_EMAILS for email in emails)


def sign_in_problems(cookie_secret: object, staff_emails: Iterable[str]) -> list[str]:
    """Every reason sign-in stays off with these settings (empty: the settings are real)."""
    reasons = []
    secret = cookie_secret_problem(cookie_secret)
    if secret is not None:
        reasons.append(f"cookie_secret_{secret}")
    if example_staff(staff_emails):
        reasons.append("example_staff")
    return reasons
