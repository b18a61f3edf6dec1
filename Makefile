# The commands the README gives. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: install browser run test lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# A random secret per deployment, written once; never committed (instance/ is ignored).
instance/config.py:
	mkdir -p instance
	$(BIN)/python -c "import secrets; print(f'SECRET_KEY = {secrets.token_hex(32)!r}')" > $@

run: install instance/config.py
	$(BIN)/tracker init-db
	$(BIN)/tracker load-samples
	$(BIN)/tracker reindex
	$(BIN)/tracker run --host 127.0.0.1 --port 5000

# Browser tests drive Debian's Chromium (no browser download); installed when we are root.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
		echo "chromium is not installed: the browser tests will be skipped"

# SQLite always; PostgreSQL too when TRACKER_TEST_DATABASE_URL is set (CI sets it).
test: install browser
	env -u TRACKER_TEST_DATABASE_URL $(BIN)/pytest --cov --cov-report=term:skip-covered
	@if [ -n "$$TRACKER_TEST_DATABASE_URL" ]; then \
		echo "== the same suite on $$TRACKER_TEST_DATABASE_URL"; \
		$(BIN)/pytest; \
	fi

lint: install
	$(BIN)/ruff check .

bench: install
	@ls bench/*.py >/dev/null 2>&1 && for b in bench/*.py; do $(BIN)/python $$b || exit 1; done || echo "no benchmarks yet"

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .coverage

# After changing interface text: extract, merge into es/fr, seed known strings, compile.
translations: install
	$(BIN)/pybabel extract -F babel.cfg -k _ -k ngettext:1,2 -o tracker/translations/messages.pot .
	$(BIN)/pybabel update -i tracker/translations/messages.pot -d tracker/translations
	$(BIN)/python tools/fill_translations.py
	$(BIN)/pybabel compile -d tracker/translations
