"""A small run of the benchmark (10 k rows, one run, one page, two commands), so that it cannot
rot: CI runs it (`make bench-10m` measures everything).

No timing assertions: only that every measurement runs in its own process, the summary's figures
equal the pandas peer's (checked inside the run), and the report says each target's verdict.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks import report
from benchmarks import run as bench


def test_small_benchmark_runs_and_reports_every_target(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(bench, "JUDGED_COMMANDS", ("export",))  # as `report` and `publish` are
    said: list[str] = []
    outcome = bench.run([10_000], ["plain"], repeat=1, pages=["overview"], reruns=1,
                        browser=False, workdir=tmp_path / "work", out=tmp_path / "out",
                        log=said.append, commands=("export",))
    assert "export: each folder in turn with the bundled folder" in said
    bundled = outcome["baselines"]["bundled"]  # cold and warm, measured once, in turn with 10k
    assert bundled["export_cold"]["wall_s"] > 0 and bundled["export_warm"]["wall_s"] > 0
    plain = outcome["sizes"]["10k plain"]
    for name in ("floor_text", "floor_typed", "cold", "warm", "pandas", "summary_cold", "summary_warm",
                 "summary_other_date", "export_cold", "export_warm"):
        assert plain[name]["wall_s"] > 0 and plain[name]["peak_mb"] > 0, name
    assert plain["cold"]["seconds"] > 0 and plain["pages"]["overview"]["p95_s"] > 0
    assert outcome["baselines"]["tiny"]["pages"]["overview"]["p95_s"] > 0  # measured in turn
    verdicts = {verdict["target"]: verdict for verdict in outcome["verdicts"]}
    assert len(verdicts) == 9
    assert verdicts["10k plain: the Overview's first render in Chromium ≤ 1.5 × the bundled folder's"][
        "verdict"] == "n/a"
    table = (tmp_path / "out" / "performance.md").read_text(encoding="utf-8")
    assert "| 10k plain" in table and "last round" in table and "| issue 14 |" in table
    assert (tmp_path / "out" / "performance.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_target_says_by_how_much_it_is_met_or_missed() -> None:
    outcome = {"machine": {"nproc": 2}, "baselines": {
        "tiny": {"busy_load": 1.0, "pages": {"overview": {"p50_s": 0.2, "p95_s": 0.4}}},
        "bundled": {"busy_load": 3.5, "report_warm": {"wall_s": 4.0}, "publish_warm": {"wall_s": 4.0},
                    "browser": {"seconds": 2.0}}},
        "sizes": {"10M plain": {
            "rows": 10_000_000, "variant": "plain", "busy_load": 1.5,
            "floor_text": {"seconds": 2.0}, "cold": {"seconds": 5.0, "peak_mb": 900.0},
            "pandas": {"wall_s": 6.0}, "summary_warm": {"wall_s": 0.4, "peak_mb": 50.0},
            "report_warm": {"wall_s": 5.0}, "publish_warm": {"wall_s": 8.0},
            "pages": {"overview": {"p50_s": 0.3, "p95_s": 0.5}}, "browser": {"seconds": 2.5}}}}
    verdicts = {verdict["target"].split(": ", 1)[1]: verdict["verdict"]
                for verdict in report.verdicts(outcome)}
    # 5 / 2 = 2.5 ×, 1.25 × the limit; 900 / 1536 MB; 6 / 0.4 = 15 ×, 1.5 × the 10 × asked;
    # 8 / 4 = 2 ×, 1.33 × the limit; 0.5 / 0.4 = 1.25 ×, 0.83 × the limit.
    assert verdicts["cold load ≤ 2 × the text-only floor"] == "NOT met (1.25 × the limit)"
    assert verdicts["peak memory of a cold load ≤ 1.5 GB"] == "met (0.59 × the limit)"
    assert verdicts["`summary --json` ≥ 10 × faster than the pandas peer"] == "met (1.50 × the limit)"
    assert verdicts["`publish`, unchanged folder ≤ 1.5 × the bundled folder's"] == \
        "NOT met (1.33 × the limit)"
    assert verdicts["every page's rerun p95 ≤ 1.5 × the tiny folder's"] == "met (0.83 × the limit)"
    assert report.busy(outcome) == 3.5  # above the 2 cores: the report marks the run busy
