"""The lock files agree with the requirements they were compiled from (`make lock`): every pin of
requirements.txt and requirements-dev.txt is locked at the same version, the dashboard's lock is
the development lock's subset at the same versions, and every locked package carries hashes
(`pip install --require-hashes` refuses a file without one)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    """name -> version of every `name==version` line (includes `-r` files)."""
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            found.update(pins(path.parent / line[3:].strip()))
        elif match := PIN.match(line):
            found[canonical(match[1])] = match[2]
    return found


def locked(path: Path) -> dict[str, tuple[str, int]]:
    """name -> (version, number of hashes) of a lock file."""
    entries: dict[str, tuple[str, int]] = {}
    text = path.read_text(encoding="utf-8")
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        if match := PIN.match(block):
            entries[canonical(match[1])] = (match[2].rstrip("\\").strip(), block.count("--hash=sha256:"))
    return entries


@pytest.mark.parametrize(("requirements", "lock"), [("requirements.txt", "requirements.lock"),
                                                    ("requirements-dev.txt", "requirements-dev.lock")])
def test_every_requirement_is_locked_at_its_version_with_hashes(requirements, lock):
    wanted = pins(ROOT / requirements)
    entries = locked(ROOT / lock)
    assert wanted, requirements
    stale = {name: (version, entries.get(name, ("missing",))[0]) for name, version in wanted.items()
             if entries.get(name, ("",))[0] != version}
    assert not stale, f"{lock} is stale (wanted, locked): {stale}; run `make lock`"
    unhashed = [name for name, (_, hashes) in entries.items() if hashes == 0]
    assert not unhashed, f"{lock}: no hash for {unhashed}"


def test_the_dashboard_lock_is_the_development_lock_s_subset():
    app = locked(ROOT / "requirements.lock")
    dev = locked(ROOT / "requirements-dev.lock")
    assert len(app) >= len(pins(ROOT / "requirements.txt"))
    differing = {name: (version, dev.get(name, ("missing",))[0]) for name, (version, _) in app.items()
                 if dev.get(name, ("",))[0] != version}
    assert not differing, f"requirements.lock vs requirements-dev.lock: {differing}; run `make lock`"
