"""The 10 M benchmark (`make bench-10m`): every figure of docs/performance.md, written there.

Marked `heavy`: the default suite and CI skip it. It asserts what must hold on any machine (the
summary's figures equal the pandas peer's, each measurement ran); whether each target is met
depends on the machine and its load, and is what the report says (printed here too).
"""

from __future__ import annotations

import os
import shlex

import pytest
from helpers import ROOT

from benchmarks import run as bench

pytestmark = pytest.mark.heavy


def test_ten_million_rows() -> None:
    arguments = shlex.split(os.environ.get("OGP_BENCH_FLAGS", ""))
    assert bench.main(["--sizes", "10M", "--out", str(ROOT / "docs"), *arguments]) == 0
    report = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    assert "10M plain" in report and "## Targets" in report
