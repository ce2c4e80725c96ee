"""The dashboard behind the real reverse proxy: Debian's Caddy running deploy/Caddyfile.loopback
(the rules of deploy/ogp-metrics.caddy, shared with the public HTTPS site) in front of
`streamlit run dashboard.py` on the bundled data, driven by Chromium.

Checked through the proxy: every public page renders and draws its charts under the
Content-Security-Policy with no violation but one known (below); the security headers; the
metrics endpoint answers 404 whatever its spelling; `/public/` serves the static site that
`python -m ogp_metrics publish` wrote; a body over the 12 MB cap is refused with 413 on
Streamlit's upload route, which reads the body (with the session's XSRF token, as the file
uploader sends it). And deploy/Caddyfile, the HTTPS form, adapts to the same rules plus HSTS.

Skips where /usr/bin/caddy is missing, but fails under CI (`make check` installs it).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest
from browser_support import (
    PAGE_ELEMENTS,
    ROOT,
    Server,
    assert_charts_drawn,
    assert_no_exception,
    free_port,
    page_title,
    running_server,
    skip_without_chromium,
    stop_server,
    wait_rendered,
)
from helpers import BUNDLED

from ogp_metrics.ui.pages import PAGES

pytestmark = pytest.mark.browser
skip_without_chromium()

CADDY = Path("/usr/bin/caddy")
DEPLOY = ROOT / "deploy"


def require_caddy() -> None:
    """Skip this module where Debian's caddy is missing; under CI (`CI` set) fail instead: `make
    check` installs it, so a skip there would hide a broken install step."""
    if CADDY.exists():
        return
    reason = f"not installed: {CADDY} (`make check` installs Debian's caddy)"
    if os.environ.get("CI"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason, allow_module_level=True)


require_caddy()

CAP_BYTES = 12_000_000  # request_body max_size 12MB in deploy/ogp-metrics.caddy
OVER_CAP = 13_000_000
# The test's Streamlit accepts uploads up to 50 MB (the real config says 10), so that every 413
# seen through the proxy is the proxy's own.
STREAMLIT_UPLOAD_MB = 50
START_TIMEOUT_S = 30
EXPECTED_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "cross-origin-opener-policy": "same-origin",
}


# ---------------------------------------------------------------- servers

@dataclass
class Proxy(Server):
    """`caddy run` (a `Server`: conftest prints its output when a test fails)."""

    app: Server | None = None
    site: Path | None = None
    publishing: subprocess.Popen | None = None  # `publish` writing `site`, started with the app

    def site_written(self) -> Path:
        """The static site, once `publish` has finished writing it."""
        assert self.publishing.wait(timeout=120) == 0, (self.site.parent / "publish.log").read_text(
            errors="replace")
        return self.site


def _die_with_parent() -> None:
    """SIGTERM when the test process dies, even by SIGKILL (Linux's prctl(PR_SET_PDEATHSIG))."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)


def status_of(url: str, method: str = "GET", timeout: float = 5) -> tuple[int, dict, bytes]:
    """Status, headers (lower-case names) and body of one request; no redirect followed."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, method=method), timeout=timeout) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def start_caddy(config: Path, environment: dict[str, str], log_dir: Path, app: Server, site: Path,
                attempts: int = 3) -> Proxy:
    """`caddy run` on a free loopback port; returns once `/_stcore/health` answers 200 through it."""
    for attempt in range(1, attempts + 1):
        port = free_port()
        log_path = log_dir / f"caddy-{port}.log"
        env = {**os.environ, **environment, "OGP_PROXY_PORT": str(port),
               # Caddy keeps its autosaved config and certificates under these: not in $HOME.
               "XDG_CONFIG_HOME": str(log_dir / "caddy-config"), "XDG_DATA_HOME": str(log_dir / "caddy-data")}
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                [str(CADDY), "run", "--config", str(config), "--adapter", "caddyfile"],
                cwd=log_dir, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True, preexec_fn=_die_with_parent)
        proxy = Proxy("caddy", f"http://127.0.0.1:{port}", process, site, log_path, app=app, site=site)
        deadline = time.monotonic() + START_TIMEOUT_S
        while process.poll() is None and time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                if status_of(f"{proxy.url}/_stcore/health", timeout=2)[0] == 200:
                    return proxy
            time.sleep(0.1)
        stop_server(proxy)
        if not ("address already in use" in proxy.output() and attempt < attempts):
            raise RuntimeError(f"caddy did not serve {proxy.url}; its output:\n{proxy.output()}")
    raise AssertionError("unreachable")


@pytest.fixture(scope="module")
def logs(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("proxy")


@pytest.fixture(scope="module")
def proxy(logs) -> Iterator[Proxy]:
    """Streamlit on the bundled data and Caddy in front of it; `publish` writes the static site
    meanwhile (`proxy.site_written()` waits for it). All stopped whatever happens."""
    site = logs / "site"
    with contextlib.ExitStack() as stack:
        publish_log = stack.enter_context((logs / "publish.log").open("w+b"))
        publishing = subprocess.Popen(
            [sys.executable, "-m", "ogp_metrics", "publish", str(BUNDLED), "--out", str(site)],
            cwd=ROOT, stdin=subprocess.DEVNULL, stdout=publish_log, stderr=subprocess.STDOUT,
            start_new_session=True, preexec_fn=_die_with_parent)
        stack.callback(stop_process, publishing)
        with pytest.MonkeyPatch.context() as patch:  # read by the server as it starts
            patch.setenv("STREAMLIT_SERVER_MAX_UPLOAD_SIZE", str(STREAMLIT_UPLOAD_MB))
            app = stack.enter_context(running_server(BUNDLED, "behind-caddy", logs))
        proxy = start_caddy(DEPLOY / "Caddyfile.loopback",
                            {"OGP_APP_PORT": str(urlparse(app.url).port), "OGP_SITE_DIR": str(site)},
                            logs, app, site)
        proxy.publishing = publishing  # the site's own test waits for it
        stack.callback(stop_server, proxy)
        yield proxy


@pytest.fixture(autouse=True)
def app_server(proxy) -> Server:
    """The Streamlit behind the proxy, as a fixture of every test: a failing test's report
    ends with its output as well as Caddy's (conftest's hook)."""
    return proxy.app


def stop_process(process: subprocess.Popen) -> None:
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


# ---------------------------------------------------------------- the browser side

# Every violation of the page's policy, as `directive blocked-URI (sample)`; listened to before
# any script of the page runs.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(
  `${event.violatedDirective} ${event.blockedURI}` + (event.sample ? ` (${event.sample})` : '')));
"""


@pytest.fixture(scope="module")
def proxied_tab(context) -> Iterator:
    """A tab that records CSP violations (`window.__violations`), console errors about the
    Content Security Policy (`tab.csp_console`), and the Streamlit session of its last page
    (`tab.session_ids`, read from the server's first WebSocket message)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    context.add_init_script(RECORD_VIOLATIONS)
    opened = context.new_page()
    opened.errors, opened.csp_console, opened.session_ids = [], [], []
    opened.on("pageerror", lambda error: opened.errors.append(str(error)))
    opened.on("console", lambda message: opened.csp_console.append(message.text)
              if message.type == "error" and "Content Security Policy" in message.text else None)

    def frame(payload) -> None:
        if isinstance(payload, bytes):
            message = ForwardMsg()
            with contextlib.suppress(Exception):
                message.ParseFromString(payload)
                if message.WhichOneof("type") == "new_session":
                    opened.session_ids.append(message.new_session.initialize.session_id)

    opened.on("websocket", lambda socket: socket.on("framereceived", frame))
    yield opened
    opened.close()


def unexpected_violations(tab) -> list[str]:
    # None is expected: the page icon is a local image (a `:material/…` one was fetched from
    # Google's font server, and blocked).
    return list(tab.evaluate("window.__violations"))


def unexpected_console(tab) -> list[str]:
    return list(tab.csp_console)


def page_language(tab, expected: str) -> str:
    """`<html lang>`, once it is `expected` (the app sets it from the sidebar) or after 10 s."""
    with contextlib.suppress(Exception):  # the caller's assertion says what was found
        tab.wait_for_function("(lang) => document.documentElement.lang === lang", arg=expected,
                              timeout=10_000, polling=100)
    return tab.evaluate("document.documentElement.lang")


def test_every_public_page_renders_through_the_proxy_under_the_policy(proxy, proxied_tab):
    """The first page by its address, the others through the navigation (one document: its
    list of violations covers them all), then a deep link in English."""
    tab = proxied_tab
    tab.goto(f"{proxy.url}/")
    for spec in PAGES:
        if not spec.default:
            tab.locator('[data-testid="stSidebarNavLink"], [data-testid="stTopNavLink"]').and_(
                tab.locator(f'[href="{proxy.url}/{spec.url_path}"]')).click()
        wait_rendered(tab, page_title(spec, "fr"), PAGE_ELEMENTS[spec.url_path])
        assert urlparse(tab.url).path == f"/{'' if spec.default else spec.url_path}"
        assert_charts_drawn(tab)
        assert_no_exception(tab)
        assert unexpected_violations(tab) == [], (
            f"{tab.url}: {unexpected_violations(tab)}; the console said {unexpected_console(tab)}")
        # The app's inline <script> (allowed by its hash) has run: the page says it is French.
        assert page_language(tab, "fr") == "fr", tab.url
    # In English: the other hash.
    tab.goto(f"{proxy.url}/data?lang=en")
    wait_rendered(tab, "The data", PAGE_ELEMENTS["data"])
    assert_no_exception(tab)
    assert page_language(tab, "en") == "en"
    assert unexpected_violations(tab) == []
    # The console says the same (and names the hash a blocked inline script would need).
    assert unexpected_console(tab) == []


def test_streamlit_s_inline_script_is_allowed_by_its_hash(proxy):
    """Streamlit's index.html carries one inline <script>; a new Streamlit may change it. Its
    sha256 must be in the policy the proxy sends."""
    import streamlit

    html = (Path(streamlit.__file__).parent / "static" / "index.html").read_text(encoding="utf-8")
    inline = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    assert inline, "Streamlit's index.html has no inline script any more: drop its hash"
    policy = status_of(proxy.url + "/")[1]["content-security-policy"]
    for script in inline:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy, (
            f"add 'sha256-{digest}' (Streamlit's inline {script.strip()!r}) to script-src in "
            "deploy/ogp-metrics.caddy")


def test_security_headers_on_the_app_and_the_static_site(proxy):
    status, headers, body = status_of(proxy.url + "/")
    assert status == 200 and b'<div id="root">' in body
    for name, value in EXPECTED_HEADERS.items():
        assert headers.get(name) == value, name
    assert "camera=()" in headers["permissions-policy"]
    assert "server" not in headers  # neither Caddy nor the app says what it runs
    # HSTS belongs to the HTTPS site only (test_the_https_caddyfile...).
    assert "strict-transport-security" not in headers
    policy = dict(part.strip().split(" ", 1) for part in headers["content-security-policy"].split(";"))
    assert policy["default-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["connect-src"] == f"'self' ws://127.0.0.1:{urlparse(proxy.url).port}"
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]

    proxy.site_written()
    status, headers, _ = status_of(proxy.url + "/public/")
    assert status == 200
    for name, value in EXPECTED_HEADERS.items():
        assert headers.get(name) == value, name
    assert headers["content-security-policy"].startswith("default-src 'none'; style-src 'self'")


@pytest.mark.parametrize("path", [
    "/_stcore/metrics", "/_stcore/metrics/", "/_stcore/metrics?format=text",
    # Streamlit answers these with the metrics too: the proxy hides the whole prefix.
    "/_stcore/metrics%3F", "/_stcore/metricsX", "/_stcore/metrics;x",
    # Spellings that reach the same route once decoded or cleaned.
    "/_stcore%2Fmetrics", "//_stcore/metrics", "/_stcore/%6detrics", "/x/../_stcore/metrics",
])
def test_the_metrics_are_not_served(proxy, path):
    status, _, body = raw_get(proxy.url, path)
    assert status == 404, (path, status)
    assert b"# TYPE" not in body
    if path == "/_stcore/metrics":  # while the app itself does serve them
        assert b"# TYPE" in status_of(proxy.app.url + path)[2]


def raw_get(base: str, path: str) -> tuple[int, dict, bytes]:
    """GET `path` exactly as written (urllib would normalise it)."""
    address = urlparse(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def test_the_static_site_is_served_under_public(proxy, proxied_tab):
    site = proxy.site_written()
    status, headers, _ = status_of(proxy.url + "/public")
    assert (status, headers.get("location")) == (308, "/public/")
    for file, kind in (("index.html", "text/html"), ("fr/index.html", "text/html"),
                       ("en/participation.html", "text/html"), ("assets/site.css", "text/css"),
                       ("data/meetings.csv", "text/csv")):
        status, headers, body = status_of(f"{proxy.url}/public/{file}")
        assert status == 200, file
        assert headers["content-type"].startswith(kind), (file, headers["content-type"])
        assert body == (site / file).read_bytes(), file
    assert status_of(proxy.url + "/public/")[2] == (site / "index.html").read_bytes()
    assert status_of(proxy.url + "/public/no-such-page.html")[0] == 404
    # In the browser: styled, no violation of either policy (the proxy's and the page's own).
    proxied_tab.goto(proxy.url + "/public/fr/index.html")
    assert proxied_tab.evaluate("document.documentElement.lang") == "fr"
    assert proxied_tab.evaluate("getComputedStyle(document.body).margin") != "8px"  # site.css applied
    assert proxied_tab.evaluate("window.__violations") == []


# ---------------------------------------------------------------- the upload cap

# Streamlit's upload route, as the file uploader calls it: PUT multipart, the XSRF cookie echoed
# in X-Xsrftoken, the session's id in the path. It reads the body (streaming, up to its own cap).
UPLOAD = """async ([sessionId, name, size]) => {
  const xsrf = document.cookie.split('; ').find((c) => c.startsWith('_streamlit_xsrf=')).slice(16);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(size)], {type: 'text/csv'}), name + '.csv');
  const response = await fetch(`/_stcore/upload_file/${sessionId}/${name}`,
                               {method: 'PUT', body: form, headers: {'X-Xsrftoken': xsrf}});
  return response.status;
}"""


def chunked_upload(base: str, session_id: str, xsrf: str, size: int) -> int:
    """The same upload sent without a Content-Length (chunked), so that only reading the body
    can find it too large. Returns the status."""
    address = urlparse(base)
    boundary = "ogp-metrics-proxy-test"
    head = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n'
            "Content-Type: text/csv\r\n\r\n").encode()

    def body() -> Iterator[bytes]:
        yield head
        left = size
        while left:
            step = min(left, 1 << 20)
            left -= step
            yield b"0" * step
        yield f"\r\n--{boundary}--\r\n".encode()

    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    try:
        connection.request("PUT", f"/_stcore/upload_file/{session_id}/chunked-{size}", body=body(),
                           encode_chunked=True,
                           headers={"Content-Type": f"multipart/form-data; boundary={boundary}",
                                    "Cookie": f"_streamlit_xsrf={xsrf}", "X-Xsrftoken": xsrf})
        return connection.getresponse().status
    finally:
        connection.close()


def test_an_upload_over_the_cap_is_refused_by_the_proxy(proxy, proxied_tab):
    tab = proxied_tab
    tab.session_ids.clear()
    tab.goto(f"{proxy.url}/data")
    wait_rendered(tab, None, PAGE_ELEMENTS["data"])
    assert len(set(tab.session_ids)) == 1, tab.session_ids
    session = tab.session_ids[0]
    # Declared length: under the cap it reaches Streamlit (204), over it the proxy answers 413.
    assert tab.evaluate(UPLOAD, [session, "small", 1_000_000]) == 204
    assert tab.evaluate(UPLOAD, [session, "over", OVER_CAP]) == 413
    # No declared length: the proxy cuts the body once Streamlit has read 12 MB of it.
    xsrf = next(c["value"] for c in tab.context.cookies() if c["name"] == "_streamlit_xsrf")
    assert chunked_upload(proxy.url, session, xsrf, 1_000_000) == 204
    assert chunked_upload(proxy.url, session, xsrf, OVER_CAP) == 413
    # ...while Streamlit alone would have taken it: the 413 is the proxy's.
    assert chunked_upload(proxy.app.url, session, xsrf, OVER_CAP) == 204


def test_a_declared_oversized_body_is_refused_even_where_nothing_reads_it(proxy):
    """TECH-NOTES: request_body alone let a route that answers without reading the body give
    its own answer (405). The Content-Length guard answers 413 before proxying anything."""
    address = urlparse(proxy.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.putrequest("POST", "/")
        connection.putheader("Content-Length", str(OVER_CAP))
        connection.endheaders()  # the body is never sent: the answer comes first
        response = connection.getresponse()
        assert response.status == 413
        assert response.getheader("X-Content-Type-Options") == "nosniff"
        assert response.getheader("Server") is None
    finally:
        connection.close()
    assert status_of(proxy.url + "/", method="POST")[0] == 405  # what the app says to an empty POST


# ---------------------------------------------------------------- the HTTPS form

def test_the_https_caddyfile_has_the_same_rules_and_hsts():
    """deploy/Caddyfile (the public site, automatic HTTPS) adapts, listens on 443, sends HSTS,
    and applies deploy/ogp-metrics.caddy with the wss:// origin. Nothing is started."""
    environment = {**os.environ, "OGP_SITE_ADDRESS": "ogp.example.org", "OGP_APP_PORT": "8501",
                   "OGP_SITE_DIR": "/var/www/ogp-metrics"}
    adapted = subprocess.run([str(CADDY), "adapt", "--config", str(DEPLOY / "Caddyfile"), "--adapter",
                              "caddyfile"], env=environment, capture_output=True, text=True, timeout=30)
    assert adapted.returncode == 0, adapted.stderr
    assert "not formatted" not in adapted.stderr, "run `caddy fmt --overwrite` on deploy/*"
    config = json.loads(adapted.stdout)
    server = next(iter(config["apps"]["http"]["servers"].values()))
    assert server["listen"] == [":443"]
    text = json.dumps(config)
    assert '"Strict-Transport-Security": ["max-age=31536000"]' in text
    assert "connect-src 'self' wss://ogp.example.org;" in text
    assert '"dial": "127.0.0.1:8501"' in text
    assert '"max_size": 12000000' in text
    assert '"/_stcore/metrics*"' in text
    assert '"root": "/var/www/ogp-metrics"' in text
