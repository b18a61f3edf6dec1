# The commands the README gives. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | cksum | cut -d' ' -f1)
PIP := $(BIN)/python -m pip --disable-pip-version-check
# Where `make run` serves: `make run PORT=5001`, or HOST=0.0.0.0 to be reached from other
# machines (add their name for this one to TRUSTED_HOSTS).
HOST ?= 127.0.0.1
PORT ?= 5000
# OHCHR's voting library as exported by a third party (no licence: read there, never copied).
HRC_VOTES := ../shared/samples/membership/hrc_membership/tsujamin_unhrc-nominate

.PHONY: install system-deps run serve test lint bench clean translations lock audit

# Every package at the version and hash the lock file names (`make lock` writes it).
# --no-deps: the lock already holds every dependency, so pip resolves nothing; resolving
# pytest-cov's `coverage[toml]` made the pip of Python 3.11 (23.2) reach for the newest
# coverage and refuse it as unpinned. `pip check` then says if the lock lacks a package.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --require-hashes --no-deps -r requirements.lock
	$(PIP) check
	$(PIP) install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# A random secret per deployment, written once; never committed (instance/ is ignored).
instance/config.py:
	mkdir -p instance
	$(BIN)/python -c "import secrets; print(f'SECRET_KEY = {secrets.token_hex(32)!r}')" > $@

run: install system-deps instance/config.py
	$(BIN)/tracker db upgrade
	$(BIN)/tracker init-db
	$(BIN)/tracker load-samples
	@if ls ../shared/samples/unbisnet_catalogue/*.csv >/dev/null 2>&1; then \
		$(BIN)/tracker import ../shared/samples/unbisnet_catalogue/*.csv; fi
	@# The HRC's recorded votes, after the catalogue so that amendments find its drafts.
	@if [ -f $(HRC_VOTES)/sqlite_export_votes.csv.gz ]; then \
		$(BIN)/tracker import-votes $(HRC_VOTES); fi
	$(BIN)/tracker reindex
	@$(BIN)/tracker user list | grep -q . || echo "No accounts yet. Briefs need one: \
		$(BIN)/tracker user add NAME --role admin"
	$(BIN)/tracker run --host $(HOST) --port $(PORT)

# Production: gunicorn with several workers (WEB_CONCURRENCY, else two per core plus one)
# on PostgreSQL (TRACKER_DATABASE_URL); it refuses SQLite unless WEB_CONCURRENCY=1. Put
# nginx in front (README, "Deployment"). The schema is upgraded first.
serve: install instance/config.py
	$(BIN)/tracker db upgrade
	$(BIN)/gunicorn -c python:tracker.serving --bind $(HOST):$(PORT) wsgi:app

# System packages from Debian: Chromium for the browser tests (no browser download),
# Pango for WeasyPrint's PDFs, Cairo for chart images in DOCX, poppler for PDF previews.
SYSTEM_PACKAGES := chromium poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libcairo2
system-deps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq $$missing >/dev/null; \
		else echo "missing system packages: $$missing (install them with apt-get)"; fi; \
	fi

# SQLite always; PostgreSQL too when TRACKER_TEST_DATABASE_URL is set (CI sets it).
test: install system-deps
	env -u TRACKER_TEST_DATABASE_URL $(BIN)/pytest --cov --cov-report=term:skip-covered
	@if [ -n "$$TRACKER_TEST_DATABASE_URL" ]; then \
		echo "== the same suite on $$TRACKER_TEST_DATABASE_URL"; \
		$(BIN)/pytest; \
	fi

lint: install
	$(BIN)/ruff check .

bench: install
	@ls bench/*.py >/dev/null 2>&1 && for b in bench/*.py; do $(BIN)/python $$b || exit 1; done || echo "no benchmarks yet"

# After changing dependencies in pyproject.toml: pin them all, with hashes, from PyPI.
lock: install
	$(PIP) install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --python-version 3.11 --generate-hashes \
		--no-header --index-url https://pypi.org/simple -o requirements.lock

# Known vulnerabilities in the locked packages (asks PyPI's advisory database; needs network).
audit: install
	$(PIP) install --quiet pip-audit
	$(BIN)/pip-audit --strict --require-hashes --disable-pip -r requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .coverage

# After changing interface text: extract, merge into es/fr, seed known strings, compile.
translations: install
	$(BIN)/pybabel extract -F babel.cfg -k _ -k ngettext:1,2 -o tracker/translations/messages.pot .
	$(BIN)/pybabel update -i tracker/translations/messages.pot -d tracker/translations
	$(BIN)/python tools/fill_translations.py
	$(BIN)/pybabel compile -d tracker/translations
