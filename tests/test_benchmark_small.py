"""A small run of the benchmark (10 k rows, one repeat, one page), so that it cannot rot.

No timing assertions: only that it runs, writes its table and chart, and gives sane numbers,
and that our warm headline figures equal the pandas baseline's.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks import run as bench


def test_small_benchmark_runs_and_agrees_with_pandas(tmp_path: Path) -> None:
    report = bench.run([10_000], repeat=1, pages=["overview"], reruns=1, workdir=tmp_path / "work",
                       out=tmp_path / "out", log=lambda _text: None)
    result = report["sizes"]["10k"]
    for key in ("floor_s", "cold_s", "warm_s", "headline_ours_s", "headline_pandas_s"):
        assert result[key] > 0, key
    assert all(value > 0 for value in result["peak_mb"].values())
    assert result["pages"]["overview"]["p50_s"] > 0
    assert report["tiny"]["pages"]["overview"]["p95_s"] > 0
    assert result["same_figures"] and report["tiny"]["same_figures"]
    assert result["ratios"]["cold_vs_floor"] > 0
    table = (tmp_path / "out" / "performance.md").read_text(encoding="utf-8")
    assert "| 10k |" in table and "nproc" in table
    assert (tmp_path / "out" / "performance.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
