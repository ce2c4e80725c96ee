"""The package's rooms import one way, and only the Streamlit layer imports streamlit.

Every import is checked, function-level ones included (an import hidden in a function is
still an edge), by reading the source: the layers run

    locales -> text -> contract -> ingest -> figures -> charts -> views -> outputs, updates
            -> ui, cli -> __main__

and a module may import from a lower layer or from its own package, never from a higher one
nor from a sibling of its own layer. As harlequin's import-hygiene test does, a fresh
interpreter then imports every headless module and checks that streamlit was not loaded.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

PACKAGE = ROOT / "ogp_metrics"
LAYERS = {"locales": 0, "text": 1, "contract": 2, "ingest": 3, "figures": 4, "charts": 5, "views": 6,
          "outputs": 7, "updates": 7, "ui": 8, "cli": 8, "__main__": 9}
STREAMLIT_ALLOWED = ("ogp_metrics.ui",)


def _module_of(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path, root: Path = ROOT) -> list[tuple[int, str]]:
    """(line, absolute module) of every import in the file, wherever it stands."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = _module_of(path, root)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            # `from ogp_metrics import views` names a package, not an attribute.
            found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names
                      if target.startswith("ogp_metrics")]
    return found


def _room(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "ogp_metrics" or len(parts) < 2:
        return None
    return parts[1]


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_module_sits_in_a_known_room():
    rooms = {_room(_module_of(path)) for path in _sources()} - {None}
    assert rooms <= set(LAYERS), f"modules outside the known rooms: {sorted(rooms - set(LAYERS))}"


def test_imports_run_one_way():
    wrong = []
    for path in _sources():
        own = _room(_module_of(path))
        if own is None:
            continue
        for line, target in _imports(path):
            other = _room(target)
            if other is None or other not in LAYERS or other == own:
                continue
            if LAYERS[other] >= LAYERS[own]:
                wrong.append(f"{path.relative_to(ROOT)}:{line} ({own}) imports {target} ({other})")
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)


def test_only_the_streamlit_layer_imports_streamlit():
    wrong = []
    for path in _sources():
        module = _module_of(path)
        if module.startswith(STREAMLIT_ALLOWED):
            continue
        for line, target in _imports(path):
            if target.split(".")[0] == "streamlit":
                wrong.append(f"{path.relative_to(ROOT)}:{line}")
    assert not wrong, "streamlit imported outside ogp_metrics/ui: " + ", ".join(wrong)


def test_the_layer_test_sees_function_level_imports(tmp_path):
    probe = tmp_path / "ogp_metrics" / "figures" / "probe.py"
    probe.parent.mkdir(parents=True)
    probe.write_text("def f():\n    from ..views import labels\n    import streamlit\n")
    targets = [target for _line, target in _imports(probe, tmp_path)]
    assert "ogp_metrics.views.labels" in targets and "streamlit" in targets


PROBE = r"""
import importlib, json, pkgutil, sys
import ogp_metrics

names = sorted(info.name for info in pkgutil.walk_packages(ogp_metrics.__path__, "ogp_metrics.")
               if not info.name.startswith("ogp_metrics.ui"))
first_with_streamlit = None
for name in names:
    importlib.import_module(name)
    if first_with_streamlit is None and "streamlit" in sys.modules:
        first_with_streamlit = name
print(json.dumps({"modules": names, "first_with_streamlit": first_with_streamlit}))
"""


def test_no_headless_module_loads_streamlit_when_imported():
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.splitlines()[-1])
    for room in ("contract", "ingest", "figures", "charts", "views", "outputs", "updates", "cli"):
        assert any(name.startswith(f"ogp_metrics.{room}") for name in found["modules"]), room
    assert found["first_with_streamlit"] is None, f"{found['first_with_streamlit']} imports streamlit"


@pytest.mark.parametrize("folder", ["pages"])
def test_no_legacy_pages_folder_beside_the_entry_script(folder):
    # With a `pages/` folder beside dashboard.py, Streamlit 1.67 serves requests in its legacy
    # multipage mode until the router first runs: every script there, staff pages included,
    # would answer to anyone. Page scripts live in app_pages/ (see the README).
    assert (ROOT / "dashboard.py").is_file()
    assert not (ROOT / folder).exists(), f"{folder}/ beside dashboard.py: move its scripts to app_pages/"
