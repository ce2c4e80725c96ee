# One command each, on a fresh clone: `make run` (dashboard) and `make check` (lint + all tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Installs are exactly the lock files, every file checked against its sha256, wheels only (no
# package's own build code runs): requirements.lock for the dashboard, requirements-dev.lock for
# the dashboard plus the tests and lint. `make lock` writes both (docs/dependencies.md).
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --only-binary :all:
APP_STAMP := $(VENV)/.installed-app
STAMP := $(VENV)/.installed-dev
UV_VERSION := 0.13.8
LOCK_VENV := .venv-lock
# e.g. `make lock LOCK_FLAGS=--upgrade` or `LOCK_FLAGS='--upgrade-package streamlit'`
LOCK_FLAGS ?=
COMPILE = $(LOCK_VENV)/bin/uv pip compile --quiet --generate-hashes --python-version 3.11 \
	--python-platform linux --custom-compile-command "make lock" $(LOCK_FLAGS)

.PHONY: install run check test lint browser lock clean bench-10m load-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(APP_STAMP): requirements.lock | $(BIN)/python
	$(PIP_INSTALL) -r requirements.lock
	touch $@

# The dev lock pins the app's packages as requirements.lock does (compiled with it as constraint).
$(STAMP): requirements-dev.lock | $(BIN)/python
	$(PIP_INSTALL) -r requirements-dev.lock
	touch $@ $(APP_STAMP)

# The dashboard's packages only (what a server runs: deploy/README.md), from requirements.lock.
install: $(APP_STAMP)

run: $(APP_STAMP)
	$(BIN)/streamlit run dashboard.py --server.address 127.0.0.1 --browser.gatherUsageStats false

# Browser tests need Debian's chromium (Playwright's own browser download is not used) and, for
# tests/browser/test_proxy.py, Debian's caddy. Installing caddy enables its service, which would
# hold port 80: stop and disable it where a service manager runs (here apt's policy-rc.d may
# have kept it from starting at all; the tests run their own caddy on a free loopback port).
browser:
	@command -v chromium >/dev/null 2>&1 && command -v caddy >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium and caddy for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core caddy >/dev/null && \
	  { if [ -d /run/systemd/system ]; then systemctl disable --now caddy.service >/dev/null 2>&1; \
	    else service caddy stop >/dev/null 2>&1; fi; true; }; }

lint: $(STAMP)
	$(BIN)/ruff check .

test: $(STAMP) browser
	$(BIN)/python -m pytest -n 2 --dist loadfile

check: lint test

# Heavy runs, marked `heavy` so that `make test` and CI skip them (see docs/performance.md).
# The 10 M benchmark: ~3 GB of memory, a few GB under /tmp, about an hour on 2 cores; it writes
# docs/performance.md and .png. BENCH_FLAGS go to benchmarks.run (e.g. BENCH_FLAGS=--refuse-busy).
BENCH_FLAGS ?=
bench-10m: $(STAMP) browser
	OGP_BENCH_FLAGS="$(BENCH_FLAGS)" $(BIN)/python -m pytest -m heavy -s tests/test_benchmark_10m.py

# Twenty browser sessions at once against one server (artifacts/browser/load.json).
load-test: $(STAMP) browser
	$(BIN)/python -m pytest -m heavy -s tests/browser/test_browser_load.py

# Re-resolve requirements.txt and requirements-dev.txt into the lock files (keeping every pin
# that still fits; see LOCK_FLAGS to upgrade), with the sha256 of every file PyPI has for each.
lock:
	test -x $(LOCK_VENV)/bin/uv || { $(PYTHON) -m venv $(LOCK_VENV) && \
	  $(LOCK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION); }
	$(COMPILE) requirements.txt -o requirements.lock
	$(COMPILE) requirements-dev.txt --constraint requirements.lock -o requirements-dev.lock

clean:
	rm -rf $(VENV) $(LOCK_VENV) .pytest_cache .ruff_cache
