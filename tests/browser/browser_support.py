"""The real server and Debian's chromium for the browser tests: start, wait, read, stop.

Playwright drives `/usr/bin/chromium` (its own browser download is not used). Every server is
`streamlit run dashboard.py` on 127.0.0.1 and a free port, in its own process group, with its
output in a log file that a failing test prints (see `conftest.py`).
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from helpers import CHROMIUM, CHROMIUM_ARGS, require_browser

from ogp_metrics import text

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
VIEWPORT = {"width": 1400, "height": 1000}
START_TIMEOUT_S = 60
# Generous: on a busy 2-core machine one page can take several seconds to run and draw.
RENDER_TIMEOUT_MS = 60_000
NNBSP = "\u202f"  # French thousands separator and the space before `%`


def skip_without_chromium() -> None:
    """Skip the calling module where chromium or Playwright is missing (fail under CI)."""
    require_browser()


# ---------------------------------------------------------------- the server

@dataclass
class Server:
    """A running `streamlit run dashboard.py`: its address, process, data folder and output."""

    name: str
    url: str
    process: subprocess.Popen
    data: Path
    log_path: Path
    first_visit: dict | None = None  # what the first visitor's navigation showed, if recorded

    def address(self, url_path: str = "", **params: str) -> str:
        """`/commitments?lang=en&...`; the default page is `/`."""
        query = urlencode(params)
        return f"{self.url}/{url_path}" + (f"?{query}" if query else "")

    def output(self, last_chars: int = 20_000) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            return f"(no output: {error})"
        return text[-last_chars:]

    def memory_kib(self) -> dict[str, int]:
        """`VmRSS` (now) and `VmHWM` (peak since start) of the server process, in KiB."""
        found = {}
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    found[key] = int(value.split()[0])
        return found

    def cpu_seconds(self) -> float:
        """User + system CPU time the server has used so far."""
        return process_cpu_seconds(self.process.pid)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _die_with_parent() -> None:
    """In the server's process, before it starts: be sent SIGTERM if the test process dies
    (even killed with SIGKILL, when no finalizer runs). Linux's prctl(PR_SET_PDEATHSIG)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)


def start_server(data: Path, name: str, log_dir: Path, attempts: int = 3,
                 options: tuple[str, ...] = ()) -> Server:
    """Start the dashboard on `data`; return once `/_stcore/health` answers (or raise, with its
    output). A free port can be taken by someone else before the server binds it: then retry.
    `options` go to `streamlit run` (e.g. `--secrets.files`)."""
    for attempt in range(1, attempts + 1):
        port = free_port()
        log_path = log_dir / f"streamlit-{name}-{port}.log"
        environment = {**os.environ, "OGP_DATA_DIR": str(data), "PYTHONUNBUFFERED": "1"}
        for variable in ("OGP_STAFF_EMAILS", "OGP_STAFF_DOMAINS"):  # a plain visitor, not staff
            environment.pop(variable, None)
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
                 "--server.address", "127.0.0.1", "--server.port", str(port),
                 "--browser.gatherUsageStats", "false", *options],
                cwd=ROOT, env=environment, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stopped whole, never leaked
                preexec_fn=_die_with_parent)  # fixtures start servers from the main thread only
        server = Server(name, f"http://127.0.0.1:{port}", process, data, log_path)
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _healthy(server.url):
            if process.poll() is not None or time.monotonic() > deadline:
                stop_server(server)
                break
            time.sleep(0.25)
        else:
            return server
        output = server.output().lower()
        in_use = "is not available" in output or "already in use" in output
        if not (in_use and attempt < attempts):
            state = (f"exited with {process.returncode}" if process.returncode is not None
                     else f"not healthy after {START_TIMEOUT_S} s")
            raise RuntimeError(f"streamlit server {name!r} {state}; its output:\n{server.output()}")
    raise AssertionError("unreachable")


def stop_server(server: Server) -> None:
    """Terminate the server's process group, then kill it if it lingers."""
    process = server.process
    for sent, wait_s in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        if process.poll() is not None:
            break
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sent)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=wait_s)
    # Anything left in the group (there should be nothing) goes too.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


@contextlib.contextmanager
def running_server(data: Path, name: str, log_dir: Path,
                   options: tuple[str, ...] = ()) -> Iterator[Server]:
    server = start_server(data, name, log_dir, options=options)
    try:
        yield server
    finally:
        stop_server(server)


def process_cpu_seconds(pid: int) -> float:
    """utime + stime of one process, from /proc (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def descendants(pid: int) -> list[int]:
    """Every live process below `pid` (Playwright's driver and the chromium processes)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rpartition(")")[2].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    found, queue = [], [pid]
    while queue:
        for child in children.get(queue.pop(), []):
            found.append(child)
            queue.append(child)
    return found


# ---------------------------------------------------------------- what each page holds

METRIC = '[data-testid="stMetric"]'
CHART = '[data-testid="stVegaLiteChart"]'
DATAFRAME = '[data-testid="stDataFrame"]'
# A table to read (`ui.tables.show_table`), drawn as HTML.
TABLE = '.ogp-table table'
# The elements each page draws (at least) once complete, on any plan with data (tiny or bundled),
# in either mode (public mode leaves out filters and the charts' data tables).
PAGE_ELEMENTS: dict[str, dict[str, int]] = {
    "overview": {METRIC: 10, TABLE: 1, CHART: 1},
    "commitments": {TABLE: 1},
    "milestones": {CHART: 1},
    "meetings": {METRIC: 7, CHART: 5, TABLE: 2},
    "participation": {METRIC: 4, CHART: 6},
    # The tiny plan has no vote or project: only the page's words are sure.
    "votes": {'[data-testid="stCaptionContainer"]': 1},
    "data": {TABLE: 1, DATAFRAME: 9},  # the files, then one dictionary per public file of the contract
}


# ---------------------------------------------------------------- first visits

# A link someone was sent, opened as the very first visit after the server started (with a
# `pages/` folder beside dashboard.py, Streamlit served it without the router: see
# test_browser_links).
FIRST_VISIT = ("commitments", {"commitment": "C1", "as_of": "2025-06-30", "lang": "en", "mode": "public"})


def first_visit(server: Server, link: tuple[str, dict]) -> dict:
    """Open `link` on a server nobody has visited yet; return what its navigation showed.

    Runs in a thread of its own with its own chromium: the server fixture that calls it lives for
    the whole session, and the sync Playwright of one module (or of another test file, later, in
    the same pytest process) cannot run while another is open in the same thread."""
    from playwright.sync_api import sync_playwright

    def visit() -> dict:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                tab = browser.new_page(viewport=VIEWPORT)
                tab.goto(server.address(link[0], **link[1]))
                wait_rendered(tab)
                return tab.evaluate("""() => ({
                    title: document.querySelector('[data-testid="stMain"] h1').innerText,
                    top: [...document.querySelectorAll('[data-testid="stTopNavLink"]')].map(a => a.href),
                    sidebar: [...document.querySelectorAll('[data-testid="stSidebarNavLink"]')]
                      .map(a => a.href)})""")
            finally:
                browser.close()

    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(visit).result()


# ---------------------------------------------------------------- waiting for a page

# Rendered: the script has finished (Streamlit's own attribute), nothing is stale or spinning,
# the page's title is the one expected, and every element the page must show has arrived (the
# first run of an element type loads its code lazily: the script can be "notRunning" while
# metrics or tables are still missing).
READY = """([title, counts]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSpinner"], [data-stale="true"]')) return false;
  const main = document.querySelector('[data-testid="stMain"]');
  const heading = main && main.querySelector('h1');
  if (!heading || (title !== null && heading.innerText.trim() !== title)) return false;
  return Object.entries(counts).every(([selector, n]) => main.querySelectorAll(selector).length >= n);
}"""

STATE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const main = document.querySelector('[data-testid="stMain"]');
  const count = (selector) => main ? main.querySelectorAll(selector).length : 0;
  return {script: app && app.getAttribute('data-test-script-state'),
          connection: app && app.getAttribute('data-test-connection-state'),
          title: main && main.querySelector('h1') ? main.querySelector('h1').innerText : null,
          stale: document.querySelectorAll('[data-stale="true"]').length,
          metrics: count('[data-testid="stMetric"]'), charts: count('[data-testid="stVegaLiteChart"]'),
          dataframes: count('[data-testid="stDataFrame"]'), tables: count('[data-testid="stTable"]'),
          exceptions: document.querySelectorAll('[data-testid="stException"]').length};
}"""


def page_title(spec, lang: str) -> str | None:
    """A page's heading, which tells it from the page before it after a click in the navigation
    (None for the overview: its heading is the plan's name)."""
    return None if spec.default else text.t("data.title" if spec.url_path == "data" else spec.title_key, lang)


def wait_rendered(page, title: str | None = None, counts: dict[str, int] | None = None,
                  timeout_ms: int = RENDER_TIMEOUT_MS) -> None:
    """Wait until the page has rendered (see READY); on timeout, say what was there."""
    try:
        page.wait_for_function(READY, arg=[title, counts or {}], timeout=timeout_ms, polling=100)
    except Exception as error:  # playwright's TimeoutError: report the page's state instead
        raise AssertionError(f"{page.url} did not render {title!r} with {counts} within "
                             f"{timeout_ms / 1000:.0f} s; found {page.evaluate(STATE)}") from error


# Scroll each visible chart into view (charts draw lazily), one animation frame apart; return
# how many there are.
SCROLL_CHARTS = """async () => {
  const charts = [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stVegaLiteChart"]')]
    .filter(chart => chart.getClientRects().length > 0);
  for (const chart of charts) {
    chart.scrollIntoView({block: 'center'});
    await new Promise(resolve => requestAnimationFrame(() => resolve()));
  }
  return charts.length;
}"""

CHARTS_DRAWN = """() => [...document.querySelectorAll(
    '[data-testid="stMain"] [data-testid="stVegaLiteChart"]')]
  .filter(chart => chart.getClientRects().length > 0)
  .every(chart => chart.querySelector('canvas, svg'))"""


def assert_charts_drawn(page) -> int:
    """Every visible chart holds a canvas or an svg (each scrolled into view first: charts
    draw lazily). Returns how many charts were checked."""
    count = page.evaluate(SCROLL_CHARTS)
    try:
        page.wait_for_function(CHARTS_DRAWN, timeout=RENDER_TIMEOUT_MS, polling=100)
    except Exception as error:
        undrawn = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
            .filter(chart => chart.getClientRects().length > 0 && !chart.querySelector('canvas, svg'))
            .map(chart => chart.outerHTML.slice(0, 300))""")
        raise AssertionError(f"{page.url}: charts not drawn: {undrawn}") from error
    return count


def assert_no_exception(page, seen: dict | None = None) -> None:
    exceptions = (seen or page.evaluate(SNAPSHOT))["exceptions"]
    assert not exceptions, f"{page.url} shows an exception: {exceptions}"
    assert not getattr(page, "errors", []), f"{page.url}: JavaScript errors {page.errors}"


# What a check reads from the page, in one round trip: the main area's text, its metrics, the
# cells of its tables and grids (st.dataframe keeps an accessible table beside its canvas), the
# as-of date picker's fields, the navigation links, the error boxes.
SNAPSHOT = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const all = (selector, root = main) => root ? [...root.querySelectorAll(selector)] : [];
  const date = {};
  for (const part of all('[data-testid="stDateInput"] [role="spinbutton"]', document)) {
    date[part.getAttribute('data-type')] = Number(part.getAttribute('aria-valuenow'));
  }
  return {
    text: main ? main.innerText : '',
    metrics: all('[data-testid="stMetric"]').map(metric => [
      metric.querySelector('[data-testid="stMetricLabel"]').innerText.trim(),
      metric.querySelector('[data-testid="stMetricValue"]').innerText.trim()]),
    rows: all('[data-testid="stTable"] tr, .ogp-table tr').map(row => all('th, td', row).map(
      cell => cell.textContent.trim())),
    cells: all('[data-testid="stDataFrame"] [role="gridcell"]').map(cell => cell.textContent.trim()),
    date: date.year ? [date.year, date.month, date.day] : null,
    top: all('[data-testid="stTopNavLink"]', document).map(link => link.href),
    sidebar: all('[data-testid="stSidebarNavLink"]', document).map(link => link.href),
    exceptions: all('[data-testid="stException"]', document).map(error => error.innerText),
  };
}"""


def snapshot(page) -> dict:
    seen = page.evaluate(SNAPSHOT)
    metrics: dict[str, list[str]] = {}
    for label, value in seen["metrics"]:
        metrics.setdefault(label, []).append(value)
    seen["metrics"] = metrics
    seen["date"] = "{:04d}-{:02d}-{:02d}".format(*seen["date"]) if seen["date"] else None
    return seen


def metric_values(page) -> dict[str, list[str]]:
    """Every metric in the main area: label -> values (a label can repeat, e.g. "Participants")."""
    return snapshot(page)["metrics"]


GRID_CELLS = """() => [...document.querySelectorAll(
    '[data-testid="stMain"] [data-testid="stDataFrame"] [role="gridcell"]')]
    .map(cell => cell.textContent.trim())"""


def wait_for_cells(page, expected: tuple[str, ...]) -> None:
    """Wait until the grids' accessible tables (filled once drawn) hold every `expected` text;
    on timeout, the caller's assertion says what is missing."""
    if expected:
        with contextlib.suppress(Exception):
            page.wait_for_function(f"(wanted) => {{ const cells = ({GRID_CELLS})(); "
                                   "return wanted.every(text => cells.includes(text)); }",
                                   arg=list(expected), timeout=RENDER_TIMEOUT_MS, polling=100)


def grid_cells(page, expected: tuple[str, ...] = ()) -> list[str]:
    """The text of every cell of every table drawn by `st.dataframe` (waits for `expected`)."""
    wait_for_cells(page, expected)
    return page.evaluate(GRID_CELLS)


def date_shown(page) -> str | None:
    """The as-of date input's value as `YYYY-MM-DD`, read from its day, month and year fields."""
    return snapshot(page)["date"]


def full_height(page, cap_px: int = 6000) -> int:
    """Grow the viewport to the main area's full height (it scrolls inside `stMain`)."""
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    height = max(VIEWPORT["height"], min(int(height), cap_px))
    page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
    return height


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p50, p95) of a non-empty list."""
    ordered = sorted(values)
    rank = min(len(ordered), max(1, math.ceil(fraction * len(ordered))))
    return ordered[rank - 1]
