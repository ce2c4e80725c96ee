# One command each, on a fresh clone: `make run` (dashboard) and `make check` (lint + all tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run check test lint browser clean

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run dashboard.py --server.address 127.0.0.1 --browser.gatherUsageStats false

# Browser tests need Debian's chromium (Playwright's own browser download is not used).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }

lint: $(STAMP)
	$(BIN)/ruff check .

test: $(STAMP) browser
	$(BIN)/python -m pytest -n 2 --dist loadfile

check: lint test

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
