"""What the benchmark measures, each in a new Python process: `python -m benchmarks.measure KIND ...`.

Each prints one line `RESULT {json}` with the seconds it measured inside the process; the
parent (`benchmarks.run`) adds the whole process's wall time, CPU time and peak memory.

    floor_text FOLDER        DuckDB alone: every file read as text (all VARCHAR) into tables
    floor_typed FOLDER       DuckDB alone: every file read with the types it detects
    load FOLDER CACHE        `load_plan_cached` (cold with an empty CACHE folder, else warm)
    pandas FOLDER            the pandas peer: read_csv + groupby of the headline's figures
    pages FOLDER CACHE PAGES RERUNS   each page's rerun after an as-of date change (AppTest)
    browser FOLDER CACHE     the Overview's first full render in Chromium (a new server)
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 6, 30)


def floor(folder: Path, typed: bool) -> dict:
    import duckdb

    from ogp_metrics.contract.schema import TABLES

    started = time.perf_counter()
    connection = duckdb.connect(":memory:")
    connection.execute("SET enable_progress_bar = false")
    for table in TABLES:
        path = folder / table.filename
        if path.is_file():
            options = "" if typed else ", all_varchar = true"
            try:
                connection.execute(f"CREATE TABLE {table.name} AS SELECT * FROM read_csv($path{options})",
                                   {"path": str(path)})
            except duckdb.InvalidInputException:
                # Windows-1252 (French Excel), which DuckDB cannot read without an extension
                # (its latin-1 refuses `–`, `’`, `€`): transcoded to UTF-8 first, in the time.
                with tempfile.TemporaryDirectory() as scratch:
                    copy = Path(scratch) / table.filename
                    copy.write_text(path.read_bytes().decode("cp1252"), encoding="utf-8")
                    connection.execute(f"CREATE TABLE {table.name} AS SELECT * FROM read_csv($path{options})",
                                       {"path": str(copy)})
    return {"seconds": time.perf_counter() - started}


def load(folder: Path, cache_dir: Path) -> dict:
    from ogp_metrics.ingest.cache import load_plan_cached

    started = time.perf_counter()
    plan = load_plan_cached(folder, cache_dir)
    return {"seconds": time.perf_counter() - started, "from_cache": plan.from_cache}


def comparable(figures: dict) -> dict:
    """The figures both the headline and the pandas peer compute."""
    milestones = figures["milestones"]
    return {"statuses": {key: milestones[key] for key in ("complete", "in_progress", "not_started",
                                                         "overdue")},
            "meetings_held": figures["meetings"]["held"],
            "by_activity": figures["participation"]["by_activity"],
            "by_sector": figures["participation"]["by_sector"]}


def pandas_peer(folder: Path) -> dict:
    """The headline figures as a typical pandas-based script computes them, on every run: one
    written for the folder's files as they are (encoding, separator, date format, postcodes),
    with each of those given to pandas rather than guessed cell by cell."""
    import pandas as pd

    from ogp_metrics.contract import schema

    started = time.perf_counter()
    as_of = pd.Timestamp(AS_OF)

    def read(name: str, dates: tuple[str, ...], **options) -> pd.DataFrame:
        path = folder / name
        encoding, separator, date_format = _written_as(path)
        french = separator == ";"  # French Excel: `12 259,5`
        frame = pd.read_csv(path, sep=separator, encoding=encoding, decimal="," if french else ".",
                            thousands=" " if french else None, **options)
        for column in dates:
            frame[column] = pd.to_datetime(frame[column], format=date_format)
        return frame

    milestones = read("milestones.csv", ("start_date", "due_date", "completed_date"), dtype=str)
    status = pd.Series("in_progress", index=milestones.index)
    status[milestones["start_date"] > as_of] = "not_started"
    status[milestones["due_date"] < as_of] = "overdue"
    status[milestones["completed_date"] <= as_of] = "complete"
    statuses = {key: int((status == key).sum()) for key in ("complete", "in_progress", "not_started",
                                                           "overdue")}
    meetings = read("meetings.csv", ("date",), dtype=str)
    held = int((meetings["date"] <= as_of).sum())
    participation = read("participation.csv", ("date",), dtype={"arrondissement": str})
    participation = participation[participation["date"] <= as_of]
    by_activity = dict.fromkeys(schema.ACTIVITIES, 0)
    sums = participation.groupby("activity")["participants"].sum()
    by_activity.update({k: int(v) for k, v in sums.items()})
    # `11`, `11e`, `75011` (and `75116` for the 16th): the number's last two digits; `Paris Centre`.
    written = participation["arrondissement"]
    number = pd.to_numeric(written.str.extract(r"(\d+)", expand=False), errors="coerce") % 100
    sector = number.map(lambda n: "citywide" if pd.isna(n) else ("centre" if n <= 4 else str(int(n))))
    sector[written.str.contains("centre", case=False, na=False)] = "centre"
    by_sector = dict.fromkeys((*schema.SECTORS, schema.CITYWIDE), 0)
    by_sector.update({k: int(v) for k, v in participation.groupby(sector)["participants"].sum().items()})
    return {"seconds": time.perf_counter() - started,
            "headline": {"statuses": statuses, "meetings_held": held, "by_activity": by_activity,
                         "by_sector": by_sector}}


def _written_as(path: Path) -> tuple[str, str, str]:
    """The file's encoding, separator and date format, from its first lines (as the script's
    author would read them off the file)."""
    head = path.read_bytes()[:65536]
    try:
        text = head.decode("utf-8-sig")
        encoding = "utf-8-sig"
    except UnicodeDecodeError:
        text, encoding = head.decode("cp1252"), "cp1252"
    lines = text.splitlines()
    separator = ";" if lines[0].count(";") > lines[0].count(",") else ","
    day_first = any(len(cell) == 10 and cell[2] == "/"
                    for line in lines[1:50] for cell in line.split(separator))
    return encoding, separator, "%d/%m/%Y" if day_first else "%Y-%m-%d"


def pages(folder: Path, cache_dir: Path, names: list[str], reruns: int) -> dict:
    from streamlit.testing.v1 import AppTest

    from ogp_metrics.ui.pages import PAGES

    scripts = {Path(spec.script).stem: spec.script for spec in PAGES}
    os.environ["OGP_DATA_DIR"] = str(folder)
    os.environ["OGP_CACHE_DIR"] = str(cache_dir)
    os.chdir(ROOT)
    results = {}
    for name in names:
        import streamlit as st

        st.cache_data.clear()
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
        app.run()
        app.switch_page(scripts[name]).run()
        times = []
        for index in range(reruns):
            # A new date each time: every query of the page misses Streamlit's cache.
            app.date_input(key="ui_as_of").set_value(AS_OF - timedelta(days=7 * (index + 1)))
            started = time.perf_counter()
            app.run()
            times.append(time.perf_counter() - started)
            if app.exception:
                raise RuntimeError(f"{name}: {app.exception[0].message}")
        results[name] = times
    return {"pages": results}


def browser(folder: Path, cache_dir: Path) -> dict:
    """A new server on the folder (its plan already in the cache), one Chromium tab: the seconds
    from asking for the Overview to its full render (every metric and table there)."""
    sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "browser")]  # the browser tests' helpers
    import tempfile

    from browser_support import CHROMIUM, CHROMIUM_ARGS, METRIC, VIEWPORT, running_server, wait_rendered
    from playwright.sync_api import sync_playwright

    os.environ["OGP_CACHE_DIR"] = str(cache_dir)
    with tempfile.TemporaryDirectory() as logs, running_server(folder, "bench", Path(logs)) as server, \
            sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = chromium.new_context(viewport=VIEWPORT)
            context.route("https://**", lambda route: route.abort())
            page = context.new_page()
            started = time.perf_counter()
            page.goto(f"{server.url}/?as_of={AS_OF.isoformat()}")
            wait_rendered(page, None, {METRIC: 8}, timeout_ms=600_000)
            return {"seconds": time.perf_counter() - started}
        finally:
            chromium.close()


def main(argv: list[str]) -> None:
    kind, folder = argv[0], Path(argv[1])
    if kind in ("floor_text", "floor_typed"):
        result = floor(folder, typed=kind == "floor_typed")
    elif kind == "load":
        result = load(folder, Path(argv[2]))
    elif kind == "pandas":
        result = pandas_peer(folder)
    elif kind == "pages":
        result = pages(folder, Path(argv[2]), argv[3].split(","), int(argv[4]))
    elif kind == "browser":
        result = browser(folder, Path(argv[2]))
    else:
        raise SystemExit(f"unknown measurement {kind}")
    print("RESULT " + json.dumps(result), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
