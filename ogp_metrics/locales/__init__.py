"""Every user-visible text, French then English, gathered from the modules of this package.

Each module holds `LABELS: dict[str, tuple[str, str]]` for one area; a key may be defined once.
"""

from __future__ import annotations

import importlib
import pkgutil


def all_labels() -> dict[str, tuple[str, str]]:
    labels: dict[str, tuple[str, str]] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for key, pair in module.LABELS.items():
            if key in labels:
                raise ValueError(f"text key {key!r} is defined twice ({module_info.name})")
            labels[key] = pair
    return labels
