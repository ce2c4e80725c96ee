"""Benchmark at scale: floors, cold and warm loads, every command, pages, the browser, pandas.

    .venv/bin/python -m benchmarks.run --sizes 10M --repeat 3          # what docs/performance.md shows
    .venv/bin/python -m benchmarks.run --sizes 10k --repeat 1 --pages '' --no-browser   # a quick look

For each size and variant it generates a synthetic plan (`ogp_metrics generate`: `plain`, and as
staff and French Excel write files: `staff`, `french-excel`) under `--workdir` (kept between
runs), then measures, each in a NEW process (`benchmarks.measure`), with its wall time, CPU
time and peak memory (the process's own, from `wait4`):
- the floors: DuckDB alone reading every file as text, and with the types it detects;
- the cold load (`load_plan_cached`, empty cache) and the warm load (files unchanged);
- each command as a whole process (`summary --json`, `report`, `publish`, `export`): cold (empty
  cache) and warm (files unchanged); `summary` also for another date (plan cached, figures not);
- the pandas peer (read_csv + groupby of the same figures) in the same run;
- page reruns after an as-of date change (AppTest, p50/p95), of each plain size in turn with
  `tests/fixtures/tiny`'s, after every other figure (`compared`);
- the Overview's first full render in Chromium (a new server), in turn with the bundled folder's;
- `report` and `publish`, cold and warm, again in turn with the bundled folder's.
The machine's load average is read before and after every measurement: a figure measured
while it exceeded the number of cores is marked busy (`--refuse-busy` writes no report then),
and `--quiet-wait` waits that long for the load to fall before each measurement.
Figures are medians of `--repeat` runs; `docs/performance.md` and `.png` are written (`--out`).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import report
from benchmarks.measure import comparable

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "fixtures" / "tiny"
BUNDLED = ROOT / "data"
AS_OF = "2026-06-30"
OTHER_DATE = "2026-05-31"
VARIANTS = ("plain", "staff", "french-excel")
COMMANDS = ("report", "publish", "export")  # measured besides `summary`
JUDGED_COMMANDS = ("report", "publish")  # judged against the bundled folder's: measured in turn


def command_lines(folder: Path, out: Path) -> dict[str, list[str]]:
    """Each command measured, as run by a person (its outputs under `out`)."""
    return {
        "summary": ["summary", str(folder), "--json", "--as-of", AS_OF],
        "report": ["report", str(folder), "--as-of", AS_OF, "--out", str(out / "briefing.pdf")],
        "publish": ["publish", str(folder), "--as-of", AS_OF, "--out", str(out / "site")],
        "export": ["export", "participation_by_month", str(folder), "--as-of", AS_OF,
                   "--out", str(out / "export.csv")],
    }


# ---------------------------------------------------------------- one process

TIME = shutil.which("time", path="/usr/bin:/bin")  # GNU time: the measured process's own peak


def run_process(argv: list[str], cache_dir: Path | None = None, quiet_wait: float = 0) -> dict:
    """Run `argv` in a new process: its wall and CPU seconds, peak MB, the load average around
    it, and what it printed as `RESULT {json}` (if anything).

    The peak is GNU time's (`%M`): a forked child's own maximum resident size would count the
    pages it shared with this process before `exec`."""
    wait_quiet(quiet_wait)
    environment = dict(os.environ)
    if cache_dir is not None:
        environment["OGP_CACHE_DIR"] = str(cache_dir)
    before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as scratch:
        usage_file = Path(scratch) / "usage"
        timed = [TIME, "-f", "%M %U %S", "-o", str(usage_file), *argv] if TIME else argv
        started = time.perf_counter()
        completed = subprocess.run(timed, cwd=ROOT, env=environment, capture_output=True, text=True,
                                   check=False)
        wall = time.perf_counter() - started
        if completed.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} exited with {completed.returncode}:\n"
                               f"{completed.stderr[-3000:]}")
        peak_kb, user, system = (usage_file.read_text().split()[-3:] if TIME else (0, 0, 0))
    result = {"wall_s": wall, "cpu_s": float(user) + float(system), "peak_mb": int(peak_kb) / 1024,
              "load": [before, os.getloadavg()[0]]}
    for line in completed.stdout.splitlines():
        if line.startswith("RESULT "):
            result.update(json.loads(line[len("RESULT "):]))
    if argv[-3:-1] == ["--json", "--as-of"]:  # `summary`: its figures, to compare with the peer's
        result["headline"] = comparable(json.loads(completed.stdout))
    return result


def measure(kind: str, *args: object, quiet_wait: float = 0) -> dict:
    return run_process([sys.executable, "-m", "benchmarks.measure", kind, *map(str, args)],
                       quiet_wait=quiet_wait)


def command(argv: list[str], cache_dir: Path, quiet_wait: float = 0) -> dict:
    return run_process([sys.executable, "-m", "ogp_metrics", *argv], cache_dir, quiet_wait)


def wait_quiet(limit_s: float) -> None:
    """Wait (up to `limit_s`) until the 1-minute load average is below the number of cores."""
    deadline = time.monotonic() + limit_s
    while os.getloadavg()[0] > (os.cpu_count() or 1) and time.monotonic() < deadline:
        time.sleep(5)


# ---------------------------------------------------------------- one folder

def bench_folder(folder: Path, repeat: int, commands: tuple[str, ...], quiet_wait: float, log) -> dict:
    """Every measurement of one folder but the compared ones (`compared`), `repeat` times; each
    figure kept as its list of runs.

    `commands`: those measured besides `summary` (always measured)."""
    runs: dict[str, list[dict]] = {}

    def keep(name: str, result: dict) -> dict:
        runs.setdefault(name, []).append(result)
        return result

    for attempt in range(repeat):
        work = Path(tempfile.mkdtemp(prefix="ogp-bench-"))
        try:
            keep("floor_text", measure("floor_text", folder, quiet_wait=quiet_wait))
            keep("floor_typed", measure("floor_typed", folder, quiet_wait=quiet_wait))
            cache = work / "cache"
            cold = keep("cold", measure("load", folder, cache, quiet_wait=quiet_wait))
            warm = keep("warm", measure("load", folder, cache, quiet_wait=quiet_wait))
            if cold["from_cache"] or not warm["from_cache"]:
                raise RuntimeError("the cold load found a cache, or the warm one none")
            keep("pandas", measure("pandas", folder, quiet_wait=quiet_wait))
            every = command_lines(folder, work / "out")
            lines = {name: every[name] for name in ("summary", *commands)}
            for name, argv in lines.items():
                own_cache = work / f"cache-{name}"
                keep(f"{name}_cold", command(argv, own_cache, quiet_wait))
                keep(f"{name}_warm", command(argv, own_cache, quiet_wait))
            # (the peer is told how each folder is written: the figures agree in every variant)
            if folder != TINY and runs["summary_warm"][-1]["headline"] != runs["pandas"][-1]["headline"]:
                raise RuntimeError(f"{folder}: summary --json and the pandas peer disagree")
            other = [*lines["summary"][:-1], OTHER_DATE]
            keep("summary_other_date", command(other, work / "cache-summary", quiet_wait))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        log(f"  run {attempt + 1}/{repeat}: " + ", ".join(
            f"{name} {results[-1]['wall_s']:.2f} s" for name, results in runs.items()))
    return summarise(runs)


# One measurement of one folder in `compared`: (folder, its own work folder) -> figures by name.
Measure = Callable[[Path, Path], dict[str, dict]]


def compared(folders: dict[str, Path], repeat: int, log, what: str, one: Measure) -> dict[str, dict]:
    """`one(folder, work)` (its figures by name) of each folder, the folders taken in turn
    `repeat` times: a figure judged against another folder's (pages against tiny's; the browser,
    `report` and `publish` against the bundled folder's) is measured beside it, so that a change
    of the machine's speed during the run (1.5 × was seen between two processes minutes apart)
    weighs on both alike. `work` is the folder's own, kept between its runs (its cache)."""
    runs: dict[str, dict[str, list[dict]]] = {name: {} for name in folders}
    with tempfile.TemporaryDirectory(prefix="ogp-bench-") as work:
        for attempt in range(repeat):
            for name, folder in folders.items():
                for figure, result in one(folder, Path(work) / name).items():
                    runs[name].setdefault(figure, []).append(result)
            log(f"  {what}, run {attempt + 1}/{repeat}")
    return {name: summarise(results) for name, results in runs.items()}


def measured_after_loading(kind: str, quiet_wait: float, *args: object) -> Measure:
    """`compared`'s measure of a page's reruns or of the browser: the folder's cache is filled
    by its first run; only the reruns and the render are timed, after the plan is loaded."""
    def one(folder: Path, work: Path) -> dict[str, dict]:
        return {kind: measure(kind, folder, work / "cache", *args, quiet_wait=quiet_wait)}
    return one


def cold_and_warm_commands(names: tuple[str, ...], quiet_wait: float) -> Measure:
    """`compared`'s measure of commands, as `bench_folder` measures the others: each from an
    empty cache of its own (`<name>_cold`), then on the unchanged folder (`<name>_warm`)."""
    def one(folder: Path, work: Path) -> dict[str, dict]:
        lines, figures = command_lines(folder, work / "out"), {}
        for name in names:
            cache = work / f"cache-{name}"
            shutil.rmtree(cache, ignore_errors=True)
            figures[f"{name}_cold"] = command(lines[name], cache, quiet_wait)
            figures[f"{name}_warm"] = command(lines[name], cache, quiet_wait)
        return figures
    return one


def summarise(runs: dict[str, list[dict]]) -> dict:
    """Medians of each figure (in-process seconds when the measurement gave them, whole-process
    wall and CPU seconds, peak MB as the largest), page p50/p95, and the highest load seen."""
    summary: dict = {"busy_load": max(max(r["load"]) for results in runs.values() for r in results)}
    for name, results in runs.items():
        if name == "pages":
            times: dict[str, list[float]] = {}
            for result in results:
                for page, values in result["pages"].items():
                    times.setdefault(page, []).extend(values)
            summary["pages"] = {page: {"p50_s": percentile(values, 0.5), "p95_s": percentile(values, 0.95)}
                                for page, values in times.items()}
            continue
        summary[name] = {"wall_s": statistics.median(r["wall_s"] for r in results),
                         "cpu_s": statistics.median(r["cpu_s"] for r in results),
                         "peak_mb": max(r["peak_mb"] for r in results),
                         "load": max(max(r["load"]) for r in results)}
        if "seconds" in results[0]:
            summary[name]["seconds"] = statistics.median(r["seconds"] for r in results)
        if "headline" in results[0]:
            summary[name]["headline"] = results[0]["headline"]
    return summary


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


# ---------------------------------------------------------------- the run

def parse_size(text: str) -> int:
    text = text.strip().lower()
    factor = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text[:-1] if factor > 1 else text) * factor)


def label(rows: int) -> str:
    if rows >= 1_000_000 and rows % 1_000_000 == 0:
        return f"{rows // 1_000_000}M"
    if rows >= 1000 and rows % 1000 == 0:
        return f"{rows // 1000}k"
    return str(rows)


def folder_for(workdir: Path, rows: int, variant: str, seed: int) -> Path:
    from ogp_metrics.outputs.synthetic_plan import generate

    name = f"{variant}-{label(rows)}-seed{seed}"
    folder, done = workdir / name, workdir / f".{name}.done"  # the mark beside, never inside
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate(folder, rows, seed, variant)
        done.write_text("ok")
    return folder


def machine() -> dict:
    cpu = "unknown"
    memory_kb = 0
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
        memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                         if line.startswith("MemTotal"))
    except (OSError, StopIteration):
        pass
    import duckdb
    import streamlit

    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gb": round(memory_kb / 1024 / 1024, 1),
            "python": platform.python_version(), "duckdb": duckdb.__version__,
            "streamlit": streamlit.__version__, "load_before": os.getloadavg()}


def run(sizes: list[int], variants: list[str], repeat: int, pages: list[str], reruns: int,
        browser: bool, workdir: Path, out: Path | None, seed: int = 1, quiet_wait: float = 0,
        refuse_busy: bool = False, chart: bool = True, log=print,
        commands: tuple[str, ...] = COMMANDS) -> dict:
    workdir.mkdir(parents=True, exist_ok=True)
    info = machine()
    log(f"machine: {info['nproc']} cores, {info['cpu']}, {info['ram_gb']} GB; load {info['load_before']}")
    # The commands judged against the bundled folder are measured in turn with it (`compared`).
    judged = tuple(name for name in JUDGED_COMMANDS if name in commands)
    not_judged = tuple(name for name in commands if name not in judged)
    baselines = {
        "tiny": bench_folder(TINY, repeat, (), quiet_wait, log),
        "bundled": bench_folder(BUNDLED, repeat, not_judged, quiet_wait, log),
    }
    results, plain = {}, {}  # plain: the plain sizes' folders, whose pages and render are compared
    for rows in sizes:
        for variant in variants:
            name = f"{label(rows)} {variant}"
            folder = folder_for(workdir, rows, variant, seed)
            log(f"{name}: {folder}")
            try:
                results[name] = bench_folder(folder, repeat, not_judged if variant == "plain" else (),
                                             quiet_wait, log)
            except RuntimeError as error:  # one folder's failure must not lose the others' figures
                log(f"{name}: not measured: {error}")
                continue
            results[name].update(rows=rows, variant=variant)
            if variant == "plain":
                plain[name] = folder
    every = {"tiny": baselines["tiny"], "bundled": baselines["bundled"], **results}
    for what, wanted, baseline, one in (
            ("pages", bool(pages), ("tiny", TINY),
             measured_after_loading("pages", quiet_wait, ",".join(pages), reruns)),
            ("browser", browser, ("bundled", BUNDLED), measured_after_loading("browser", quiet_wait)),
            (" and ".join(judged), bool(judged), ("bundled", BUNDLED),
             cold_and_warm_commands(judged, quiet_wait))):
        if not (wanted and plain):
            continue
        log(f"{what}: each folder in turn with the {baseline[0]} folder")
        try:
            measured = compared(dict([baseline]) | plain, repeat, log, what, one)
        except RuntimeError as error:  # the other figures are kept
            log(f"{what}: not measured: {error}")
            continue
        for name, summary in measured.items():  # beside each folder's own figures
            every[name]["busy_load"] = max(every[name]["busy_load"], summary.pop("busy_load"))
            every[name].update(summary)
    info["load_after"] = os.getloadavg()
    outcome = {"machine": info, "repeat": repeat, "reruns": reruns, "pages": pages,
               "baselines": baselines, "sizes": results}
    outcome["verdicts"] = report.verdicts(outcome)
    busy = report.busy(outcome)
    if busy and refuse_busy:
        log(f"not reported: the load average reached {busy:.1f} on {info['nproc']} cores")
        return outcome
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "performance.json").write_text(json.dumps(outcome, indent=2))
        (out / "performance.md").write_text(report.markdown(outcome), encoding="utf-8")
        if chart:
            report.write_chart(outcome, out / "performance.png")
    for verdict in outcome["verdicts"]:
        log(f"{verdict['target']}: {verdict['measured']} -> {verdict['verdict']}")
    return outcome


def main(argv: list[str] | None = None) -> int:
    from ogp_metrics.ui.pages import PAGES

    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10M", help="participation rows, comma-separated (default 10M)")
    parser.add_argument("--variants", default=",".join(VARIANTS),
                        help="generator variants, comma-separated (default: all three)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per folder (median; default 3)")
    parser.add_argument("--pages", default="overview,commitments,milestones,meetings,participation",
                        help="pages to rerun, comma-separated ('' for none)")
    parser.add_argument("--reruns", type=int, default=3, help="page reruns per run (default 3)")
    parser.add_argument("--no-browser", action="store_true", help="skip the render in Chromium")
    parser.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "ogp-metrics-bench"),
                        help="where generated folders are kept (default: the system temp dir)")
    parser.add_argument("--out", default=str(ROOT / "docs"), help="where performance.md/.png go")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quiet-wait", type=float, default=60,
                        help="seconds to wait, before each measurement, for the load average to "
                             "fall below the core count (default 60)")
    parser.add_argument("--refuse-busy", action="store_true",
                        help="write no report when the load average exceeded the core count")
    args = parser.parse_args(argv)
    known = {Path(spec.script).stem for spec in PAGES}
    pages = [page for page in args.pages.split(",") if page]
    if unknown := set(pages) - known:
        parser.error(f"unknown pages: {', '.join(sorted(unknown))}")
    run([parse_size(size) for size in args.sizes.split(",") if size.strip()],
        [variant for variant in args.variants.split(",") if variant], args.repeat, pages, args.reruns,
        not args.no_browser, Path(args.workdir), Path(args.out), args.seed, args.quiet_wait,
        args.refuse_busy)
    return 0


if __name__ == "__main__":
    sys.exit(main())
