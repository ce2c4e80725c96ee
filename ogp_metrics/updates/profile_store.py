"""A data folder's own mapping profiles: saved from the Update page's mapping step.

They live in `<data folder>/profiles/NAME.toml`, beside the data but never read as data (the
loader reads only the contract's file names), and are found by `ingest.mapping.find_profile`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ogp_metrics.ingest.atomic_file import write_atomically
from ogp_metrics.ingest.mapping import FOLDER, NAME, Profile, ProfileError, profile_toml


def save_profile(folder: Path, name: str, profile: Profile) -> Path:
    """Write `profile` as `<folder>/profiles/<name>.toml` (atomically); return its path."""
    name = name.strip()
    if not NAME.fullmatch(name):
        raise ProfileError("bad_name", name=name)
    target = folder / FOLDER
    target.mkdir(exist_ok=True)
    path = target / f"{name}.toml"
    write_atomically(path, profile_toml(dataclasses.replace(profile, name=name)).encode("utf-8"))
    return path
