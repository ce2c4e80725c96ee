"""The library never imports streamlit, except its one adapter module (`ogp_metrics.app`).

Run in a fresh interpreter, as harlequin's test_import_hygiene.py does: this process may have
imported streamlit already for other tests.
"""

from __future__ import annotations

import json
import subprocess
import sys

from helpers import ROOT

PROBE = r"""
import importlib, json, pkgutil, sys
import ogp_metrics

def allowed(name):
    short = name.removeprefix("ogp_metrics.")
    return not (short == "app" or short.startswith("app.") or short.startswith("ui"))

names = sorted(info.name for info in pkgutil.walk_packages(ogp_metrics.__path__, "ogp_metrics.")
               if allowed(info.name))
first_with_streamlit = None
for name in names:
    importlib.import_module(name)
    if first_with_streamlit is None and "streamlit" in sys.modules:
        first_with_streamlit = name
print(json.dumps({"modules": names, "first_with_streamlit": first_with_streamlit}))
"""


def test_no_module_but_the_adapter_imports_streamlit():
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.splitlines()[-1])
    # the modules this issue wrote must be among those checked
    for name in ("contract.schema", "ingest.csv_files", "ingest.normalise", "ingest.load",
                 "ingest.problems", "text", "figures", "cli.main", "contract.docs", "__main__",
                 "locales"):
        assert f"ogp_metrics.{name}" in found["modules"], name
    assert "ogp_metrics.app" not in found["modules"]
    assert found["first_with_streamlit"] is None, f"{found['first_with_streamlit']} imports streamlit"
