"""Benchmark: load, cache, pages and headline figures at 10 k to 10 M participation rows.

    .venv/bin/python -m benchmarks.run --sizes 10k,100k,1M,10M --repeat 3

For each size it generates a synthetic plan (`ogp_metrics.generate`, plain variant) under
`--workdir` (default: a folder in the system temp dir, reused between runs), then measures,
each time in a NEW Python process (so nothing is shared but the files and the cache folder):
- floor: DuckDB's plain `read_csv` of the nine files into tables (types sniffed, no checks);
- cold: `load_plan_cached` with an empty cache folder (read, check, type, write the cache);
- warm: `load_plan_cached` again, the files unchanged (hash the files, open the cache);
- headline: `figures.headline` on the warm plan, versus the pandas baseline (read each CSV
  with pandas, parse, group in pandas: what a typical pandas-based app does on every run);
- page rerun: each page's script run by AppTest after the as-of date changes (a new date each
  time, so the query cache misses), p50/p95, on this folder and on `tests/fixtures/tiny`;
- peak memory: the peak resident size (VmHWM, i.e. max RSS) of each measuring process.
Figures are medians over `--repeat` runs. It writes `docs/performance.md` and
`docs/performance.png` (or `--out`) and prints the ratios against the issue's targets.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "fixtures" / "tiny"
AS_OF = date(2026, 6, 30)
TARGETS = {"cold_vs_floor": 2.0, "warm_s": 1.0, "page_p95_vs_tiny": 1.5, "peak_mb": 2048,
           "pandas_vs_ours": 10.0}


# ---------------------------------------------------------------- measurements (in a child)

def _peak_mb() -> float:
    """This process's peak resident memory: VmHWM (ru_maxrss can carry over a parent's)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_floor(folder: Path) -> dict:
    import duckdb

    from ogp_metrics.contract.schema import TABLES

    started = time.perf_counter()
    connection = duckdb.connect(":memory:")
    for table in TABLES:
        path = folder / table.filename
        if path.is_file():
            connection.execute(f"CREATE TABLE {table.name} AS SELECT * FROM read_csv($path)",
                               {"path": str(path)})
    return {"seconds": time.perf_counter() - started}


def measure_load(folder: Path, cache_dir: Path) -> dict:
    from ogp_metrics import figures
    from ogp_metrics.ingest.cache import load_plan_cached

    started = time.perf_counter()
    plan = load_plan_cached(folder, cache_dir)
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    summary = figures.headline(plan.cursor(), AS_OF)
    return {"seconds": seconds, "headline_seconds": time.perf_counter() - started,
            "headline": _comparable(summary)}


def _comparable(figures: dict) -> dict:
    """The figures both ways compute: milestone statuses, meetings held, participants."""
    milestones = figures["milestones"]
    return {"statuses": {key: milestones[key] for key in ("complete", "in_progress", "not_started",
                                                         "overdue")},
            "meetings_held": figures["meetings"]["held"],
            "by_activity": figures["participation"]["by_activity"],
            "by_sector": figures["participation"]["by_sector"]}


def measure_pandas(folder: Path) -> dict:
    """The headline figures as a typical pandas-based app computes them, on every run."""
    import pandas as pd

    from ogp_metrics.contract import schema

    started = time.perf_counter()
    as_of = pd.Timestamp(AS_OF)
    milestones = pd.read_csv(folder / "milestones.csv", dtype=str)
    for column in ("start_date", "due_date", "completed_date"):
        milestones[column] = pd.to_datetime(milestones[column], format="%Y-%m-%d")
    status = pd.Series("in_progress", index=milestones.index)
    status[milestones["start_date"] > as_of] = "not_started"
    status[milestones["due_date"] < as_of] = "overdue"
    status[milestones["completed_date"] <= as_of] = "complete"
    statuses = {key: int((status == key).sum()) for key in schema.MILESTONE_STATUSES}
    meetings = pd.read_csv(folder / "meetings.csv", dtype=str)
    held = int((pd.to_datetime(meetings["date"], format="%Y-%m-%d") <= as_of).sum())
    participation = pd.read_csv(folder / "participation.csv", dtype={"arrondissement": str})
    participation = participation[pd.to_datetime(participation["date"], format="%Y-%m-%d") <= as_of]
    by_activity = dict.fromkeys(schema.ACTIVITIES, 0)
    sums = participation.groupby("activity")["participants"].sum()
    by_activity.update({k: int(v) for k, v in sums.items()})
    number = pd.to_numeric(participation["arrondissement"], errors="coerce")
    sector = number.map(lambda n: "citywide" if pd.isna(n) else ("centre" if n <= 4 else str(int(n))))
    by_sector = dict.fromkeys((*schema.SECTORS, schema.CITYWIDE), 0)
    by_sector.update({k: int(v) for k, v in participation.groupby(sector)["participants"].sum().items()})
    return {"seconds": time.perf_counter() - started,
            "headline": {"statuses": {k: statuses[k] for k in ("complete", "in_progress",
                                                                "not_started", "overdue")},
                         "meetings_held": held, "by_activity": by_activity, "by_sector": by_sector}}


def measure_pages(folder: Path, cache_dir: Path, pages: list[str], reruns: int) -> dict:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from ogp_metrics.ui.pages import PAGES

    scripts = {Path(spec.script).stem: spec.script for spec in PAGES}
    os.environ["OGP_DATA_DIR"] = str(folder)
    os.environ["OGP_CACHE_DIR"] = str(cache_dir)
    os.chdir(ROOT)
    results = {}
    for page in pages:
        st.cache_data.clear()
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
        app.run()
        app.switch_page(scripts[page]).run()
        times = []
        for index in range(reruns):
            app.date_input(key="ui_as_of").set_value(AS_OF - timedelta(days=7 * (index + 1)))
            started = time.perf_counter()
            app.run()
            times.append(time.perf_counter() - started)
            if app.exception:
                raise RuntimeError(f"{page}: {app.exception[0].message}")
        results[page] = times
    return {"pages": results}


def _child(argv: list[str]) -> None:
    kind, folder = argv[0], Path(argv[1])
    if kind == "floor":
        result = measure_floor(folder)
    elif kind == "load":
        result = measure_load(folder, Path(argv[2]))
    elif kind == "pandas":
        result = measure_pandas(folder)
    elif kind == "pages":
        result = measure_pages(folder, Path(argv[2]), argv[3].split(","), int(argv[4]))
    else:
        raise SystemExit(f"unknown measurement {kind}")
    result["peak_mb"] = _peak_mb()
    print("RESULT " + json.dumps(result))


def _run_child(*args: str) -> dict:
    completed = subprocess.run([sys.executable, "-m", "benchmarks.run", "_measure", *args],
                               cwd=ROOT, capture_output=True, text=True, check=False)
    for line in completed.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT "):])
    raise RuntimeError(f"measurement {args[0]} failed:\n{completed.stderr[-3000:]}")


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


def _folder(workdir: Path, rows: int, seed: int) -> Path:
    from ogp_metrics.outputs.synthetic_plan import generate

    folder = workdir / f"plain-{label(rows)}-seed{seed}"
    done = workdir / f".plain-{label(rows)}-seed{seed}.done"  # beside, never inside, the folder
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate(folder, rows, seed, "plain")
        done.write_text("ok")
    return folder


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def bench_size(folder: Path, repeat: int, pages: list[str], reruns: int, log) -> dict:
    floor, cold, warm, headline, pandas_s, peaks = [], [], [], [], [], []
    page_times: dict[str, list[float]] = {page: [] for page in pages}
    same_figures = True
    for attempt in range(repeat):
        cache_dir = Path(tempfile.mkdtemp(prefix="ogp-bench-cache-"))
        try:
            floor_result = _run_child("floor", str(folder))
            cold_result = _run_child("load", str(folder), str(cache_dir))
            warm_result = _run_child("load", str(folder), str(cache_dir))
            pandas_result = _run_child("pandas", str(folder))
            page_result = _run_child("pages", str(folder), str(cache_dir), ",".join(pages),
                                     str(reruns)) if pages else {"pages": {}, "peak_mb": 0}
        finally:
            shutil.rmtree(cache_dir, ignore_errors=True)
        floor.append(floor_result["seconds"])
        cold.append(cold_result["seconds"])
        warm.append(warm_result["seconds"])
        headline.append(warm_result["headline_seconds"])
        pandas_s.append(pandas_result["seconds"])
        same_figures = same_figures and warm_result["headline"] == pandas_result["headline"]
        peaks.append({"floor": floor_result["peak_mb"], "cold": cold_result["peak_mb"],
                      "warm": warm_result["peak_mb"], "pandas": pandas_result["peak_mb"],
                      "pages": page_result["peak_mb"]})
        for page, times in page_result["pages"].items():
            page_times[page].extend(times)
        log(f"  run {attempt + 1}/{repeat}: floor {floor[-1]:.2f} s, cold {cold[-1]:.2f} s, "
            f"warm {warm[-1]:.2f} s, headline {headline[-1] * 1000:.0f} ms, "
            f"pandas {pandas_s[-1]:.2f} s")
    median = statistics.median
    return {
        "floor_s": median(floor), "cold_s": median(cold), "warm_s": median(warm),
        "headline_ours_s": median(headline), "headline_ours_total_s": median(
            [w + h for w, h in zip(warm, headline, strict=True)]),
        "headline_pandas_s": median(pandas_s), "same_figures": same_figures,
        "peak_mb": {key: max(p[key] for p in peaks) for key in peaks[0]},
        "pages": {page: {"p50_s": _percentile(times, 0.5), "p95_s": _percentile(times, 0.95)}
                  for page, times in page_times.items() if times},
    }


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                         if line.startswith("MemTotal"))
    except (OSError, StopIteration):
        memory_kb = 0
    import duckdb
    import streamlit

    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gb": round(memory_kb / 1024 / 1024, 1),
            "python": platform.python_version(), "duckdb": duckdb.__version__,
            "streamlit": streamlit.__version__, "load_before": os.getloadavg()}


def ratios(result: dict, tiny_pages: dict) -> dict:
    pages = {}
    for page, figures in result["pages"].items():
        if page in tiny_pages:
            pages[page] = figures["p95_s"] / tiny_pages[page]["p95_s"]
    return {"cold_vs_floor": result["cold_s"] / result["floor_s"],
            "warm_s": result["warm_s"],
            "page_p95_vs_tiny": max(pages.values()) if pages else None,
            "page_ratios": pages,
            "peak_mb": max(result["peak_mb"]["cold"], result["peak_mb"]["warm"],
                           result["peak_mb"]["pages"]),
            "pandas_vs_ours": result["headline_pandas_s"] / result["headline_ours_s"],
            "pandas_vs_ours_total": result["headline_pandas_s"] / result["headline_ours_total_s"]}


def run(sizes: list[int], repeat: int, pages: list[str], reruns: int, workdir: Path, out: Path,
        seed: int = 1, chart: bool = True, log=print, merge: bool = False) -> dict:
    workdir.mkdir(parents=True, exist_ok=True)
    info = machine()
    log(f"machine: {info['nproc']} cores, {info['cpu']}, {info['ram_gb']} GB; "
        f"load average {info['load_before']}")
    tiny = bench_size(TINY, repeat, pages, reruns, lambda text: log("tiny" + text))
    results = {}
    for rows in sizes:
        started = time.perf_counter()
        folder = _folder(workdir, rows, seed)
        log(f"{label(rows)}: folder ready in {time.perf_counter() - started:.1f} s ({folder})")
        results[label(rows)] = bench_size(folder, repeat, pages, reruns, log)
        results[label(rows)]["ratios"] = ratios(results[label(rows)], tiny["pages"])
        log(f"{label(rows)} ratios: " + json.dumps(
            {k: (round(v, 2) if isinstance(v, float) else v)
             for k, v in results[label(rows)]["ratios"].items() if k != "page_ratios"}))
    info["load_after"] = os.getloadavg()
    report = {"machine": info, "repeat": repeat, "reruns": reruns, "pages": pages, "tiny": tiny,
              "sizes": results}
    previous = out / "performance.json"
    if merge and previous.exists():
        # Sizes measured by an earlier run stay (each keeps its own repeat count).
        earlier = json.loads(previous.read_text())
        for result in results.values():
            result["repeat"] = repeat
        merged = {name: {"repeat": earlier["repeat"], **result}
                  for name, result in earlier["sizes"].items()}
        merged.update(results)
        report["sizes"] = dict(sorted(merged.items(), key=lambda item: parse_size(item[0])))
        report["runs"] = [*earlier.get("runs", [earlier["machine"]]), info]
    out.mkdir(parents=True, exist_ok=True)
    (out / "performance.json").write_text(json.dumps(report, indent=2))
    (out / "performance.md").write_text(markdown(report))
    if chart:
        write_chart(report, out / "performance.png")
    return report


# ---------------------------------------------------------------- the report

NOTES = """## Why three targets are missed at 10 M (and by how much)

- **cold load: about 8 × the floor (target 2 ×).** A profile of one 10 M cold load (busy
  machine) splits it into: parse as text ~4.5 s (the floor's own parse), one typing pass
  ~14 s (every cell trimmed and cast; regular expressions only off the fast paths), one
  aggregate scan counting every check ~15 s, Python hash/decode pass ~1.5 s, writing the
  cache file a few seconds. The floor does none of the checks; the remaining cost is the
  per-cell validation the contract asks for (blank-vs-invalid tests on the raw text, which
  keeps a raw copy of every column beside the typed one).
- **peak memory: 2.6 GB (target 2 GB).** The cold load holds, for participation, the
  all-text table and the staged table (typed values + their raw text, needed to name the
  bad value in a message) at the same time: about 250 bytes a row. Warm loads and page
  reruns stay far lower (the cache file is read through views).
- **page reruns: p95 up to ~8 × tiny on the Participation and Overview pages and ~4-10 ×
  more on Meetings.** With the query cache missing (new as-of date), each rerun scans the
  10 M participation rows several times (totals, by month, cumulative, by sector, by group;
  the Overview computes the headline twice, now and at the last steering committee), each
  scan 0.2-1 s on this machine. The Meetings page also formats and ships every meeting
  (100 000 rows at 10 M) to `st.dataframe`. Bounded by those scans, not by Streamlit.
- Up to 1 M rows every page rerun stays within the tiny folder's own spread (the tiny
  figures are noisy: the machine's load average reached 20 during the run).

## What the pages send to the browser

Checked by reading every page: no page sends raw participation rows to a chart; every
participation chart gets a query grouped in SQL (by month, by sector, by group: at most a
few hundred points whatever the size). Two things do grow with the data, none of them a
participation chart:
- the Meetings page's expander *All meetings* sends every meeting row to `st.dataframe`
  (100 000 rows for the 10 M folder, whose meetings grow with N), and the Commitments page's
  meetings tab sends that commitment's meetings;
- the Milestones page's timeline chart draws one bar per milestone shown (5 000 for the 10 M
  folder; a real plan has tens).
"""

def _met(value: float | None, target: float, lower_is_better: bool = True) -> str:
    if value is None:
        return "n/a"
    ok = value <= target if lower_is_better else value >= target
    return "met" if ok else "NOT met"


def markdown(report: dict) -> str:
    info = report["machine"]
    lines = [
        "# Performance",
        "",
        "Generated by `.venv/bin/python -m benchmarks.run` (see `benchmarks/run.py`); every",
        "figure is the median of the repeats, each measured in a new Python process.",
        "",
        "## Machine",
        "",
        f"- {info['nproc']} cores (`nproc`), {info['cpu']}, {info['ram_gb']} GB RAM",
        f"- Python {info['python']}, DuckDB {info['duckdb']}, Streamlit {info['streamlit']}",
        f"- load average (1, 5, 15 min) before the run: {tuple(round(x, 1) for x in info['load_before'])},"
        f" after: {tuple(round(x, 1) for x in info.get('load_after', ()))} (last run; "
        f"{len(report.get('runs', [info]))} run(s) merged): the machine is shared"
        " with other engineers' test runs, so absolute times are noisy (ratios less so).",
        f"- repeats: {report['repeat']}; page reruns per repeat: {report['reruns']}; pages: "
        f"{', '.join(report['pages'])}",
        "",
        "## Results",
        "",
        "| participation rows | repeats | floor (s) | cold (s) | cold / floor | warm (s) "
        "| headline ours, warm (ms) | headline pandas (s) | pandas / ours | same figures "
        "| page p95 / tiny (worst) | peak MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, result in report["sizes"].items():
        ratio = result["ratios"]
        worst = ratio["page_p95_vs_tiny"]
        lines.append(
            f"| {name} | {result.get('repeat', report['repeat'])} | {result['floor_s']:.2f} | "
            f"{result['cold_s']:.2f} | "
            f"{ratio['cold_vs_floor']:.2f} | {result['warm_s']:.2f} | "
            f"{result['headline_ours_s'] * 1000:.0f} | {result['headline_pandas_s']:.2f} | "
            f"{ratio['pandas_vs_ours']:.0f}× | {'yes' if result['same_figures'] else 'NO'} | "
            f"{'n/a' if worst is None else f'{worst:.2f}'} | {ratio['peak_mb']:.0f} |")
    lines += ["", "### Page reruns after an as-of date change (p50 / p95, seconds)", "",
              "| page | tiny | " + " | ".join(report["sizes"]) + " |",
              "|---|---|" + "---|" * len(report["sizes"])]
    for page in report["pages"]:
        tiny = report["tiny"]["pages"].get(page)
        cells = [f"{tiny['p50_s']:.2f} / {tiny['p95_s']:.2f}" if tiny else "n/a"]
        for result in report["sizes"].values():
            figures = result["pages"].get(page)
            cells.append(f"{figures['p50_s']:.2f} / {figures['p95_s']:.2f}" if figures else "n/a")
        lines.append(f"| {page} | " + " | ".join(cells) + " |")
    largest_name, largest = list(report["sizes"].items())[-1]
    ratio = largest["ratios"]
    page_ratio = ratio["page_p95_vs_tiny"]
    page_text = "n/a" if page_ratio is None else f"{page_ratio:.2f} ×"
    lines += [
        "", f"## Targets, at the largest size measured ({largest_name})", "",
        "| target | measured | verdict |", "|---|---|---|",
        f"| cold load ≤ 2 × floor | {ratio['cold_vs_floor']:.2f} × | "
        f"{_met(ratio['cold_vs_floor'], TARGETS['cold_vs_floor'])} |",
        f"| warm load ≤ 1 s | {ratio['warm_s']:.2f} s | {_met(ratio['warm_s'], TARGETS['warm_s'])} |",
        f"| page rerun p95 ≤ 1.5 × tiny | "
        f"{page_text} | "
        f"{_met(ratio['page_p95_vs_tiny'], TARGETS['page_p95_vs_tiny'])} |",
        f"| peak memory ≤ 2 GB | {ratio['peak_mb']:.0f} MB | {_met(ratio['peak_mb'], TARGETS['peak_mb'])} |",
        f"| headline ≥ 10 × faster than pandas, warm | {ratio['pandas_vs_ours']:.0f} × "
        f"({ratio['pandas_vs_ours_total']:.1f} × counting the warm load too) | "
        f"{_met(ratio['pandas_vs_ours'], TARGETS['pandas_vs_ours'], lower_is_better=False)} |",
        "",
        "What each figure measures and what bounds it:",
        "",
        "- **floor**: `CREATE TABLE … AS SELECT * FROM read_csv(file)` for the nine files, types",
        "  sniffed, no checks: bound by DuckDB's CSV parser (both cores).",
        "- **cold**: `load_plan_cached` with an empty cache: hash and decode pass in Python, DuckDB",
        "  parse as text, one pass typing every cell (regular expressions only for cells not",
        "  already in canonical form), one aggregate scan per file counting every check (the",
        "  rows of a failing check are listed only then), reference checks, then writing the cache",
        "  file. Bound by the typing pass and by writing the cache.",
        "- **warm**: a new process: the key from every data file's sha256 (reused from",
        "  `hashes.json` while a file's size, mtime, ctime and inode are unchanged, else hashed",
        "  again), sha256 of the cache file (never trusted), then its tables are opened read-only",
        "  as views. Bound by hashing the cache file (about 0.3 s per 100 MB here).",
        "- **headline ours**: `figures.headline` on the warm plan (SQL grouped in DuckDB).",
        "  **pandas**: `pd.read_csv` of milestones, meetings and participation, parse dates, group in",
        "  pandas (what a pandas-based app does on each run): bound by pandas' CSV parser.",
        "- **page rerun**: AppTest runs the page script after the as-of date changes (a new date each",
        "  time: the query cache misses). Bound by Streamlit's own cost on small folders and by",
        "  the page's queries (scans of participation) on large ones.",
        "- **peak MB**: the largest peak resident size (`VmHWM`, max RSS) of the cold, warm and",
        "  page processes.",
        "",
        "![Benchmark chart](performance.png)",
        "",
        *NOTES.splitlines(),
    ]
    return "\n".join(lines)


def write_chart(report: dict, path: Path) -> None:
    import altair as alt
    import pandas as pd
    import vl_convert

    rows = []
    for name, result in report["sizes"].items():
        for measure, seconds in (("floor", result["floor_s"]), ("cold load", result["cold_s"]),
                                 ("warm load", result["warm_s"]),
                                 ("headline, pandas", result["headline_pandas_s"]),
                                 ("headline, ours (warm)", result["headline_ours_s"])):
            rows.append({"size": name, "measure": measure, "seconds": max(seconds, 1e-4)})
        worst = max((p["p95_s"] for p in result["pages"].values()), default=None)
        if worst:
            rows.append({"size": name, "measure": "page rerun p95 (worst)", "seconds": worst})
    # Lines with points: bars cannot start at zero on a log scale.
    chart = alt.Chart(pd.DataFrame(rows)).mark_line(point=True).encode(
        x=alt.X("size:N", sort=list(report["sizes"])).title("participation rows"),
        y=alt.Y("seconds:Q").scale(type="log").title("seconds (log scale, median)"),
        color=alt.Color("measure:N").title(None),
    ).properties(title="ogp-metrics: load, cache, pages and headline figures", width=520, height=300)
    path.write_bytes(vl_convert.vegalite_to_png(chart.to_dict(), scale=2))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_measure":
        _child(argv[1:])
        return 0
    from ogp_metrics.ui.pages import PAGES

    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10k,100k,1M,10M",
                        help="participation rows, comma-separated (default: 10k,100k,1M,10M)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (median; default 3)")
    parser.add_argument("--pages", default=",".join(Path(p.script).stem for p in PAGES),
                        help="pages to rerun, comma-separated ('' for none; default: all)")
    parser.add_argument("--reruns", type=int, default=3, help="page reruns per repeat (default 3)")
    parser.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "ogp-metrics-bench"),
                        help="where generated folders are kept (default: system temp dir)")
    parser.add_argument("--out", default=str(ROOT / "docs"), help="where performance.md/.png go")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--merge", action="store_true",
                        help="keep the sizes of an earlier run in --out (e.g. add 10M later)")
    args = parser.parse_args(argv)
    run([parse_size(size) for size in args.sizes.split(",") if size.strip()], args.repeat,
        [page for page in args.pages.split(",") if page], args.reruns, Path(args.workdir),
        Path(args.out), args.seed, merge=args.merge)
    return 0


if __name__ == "__main__":
    sys.exit(main())
