# Rozcestník: run `make help` to see what each target does.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes, each with its own test database. "load" hands tests out in pytest-django's order,
# so in every process the tests that empty the database (live server, transactions) still run last.
TEST_WORKERS ?= 2

.DEFAULT_GOAL := help
.PHONY: help install run test lint check messages check-messages compile-messages bench bench-admin clean

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-18s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Rozcestník needs Python 3.11 or newer.")'
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --upgrade --quiet pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the project with its test tools

run: install ## Set up SQLite, demo content, embedded search and an admin, then serve on :8000
	DJANGO_SETTINGS_MODULE=hub.settings.dev $(PY) manage.py setup_hub
	DJANGO_SETTINGS_MODULE=hub.settings.dev $(PY) manage.py runserver $(HOST):$(PORT)

test: install ## Run the whole test suite (DATABASE_URL / ELASTICSEARCH_URL select real servers)
	$(PY) manage.py compile_catalogues --settings=hub.settings.test
	$(PY) -m pytest -n $(TEST_WORKERS) --dist load $(PYTEST_ARGS)

lint: install ## Ruff and Django's checks, and no missing migrations
	$(VENV)/bin/ruff check hub search tests bench
	$(PY) manage.py check --settings=hub.settings.test
	$(PY) manage.py makemigrations --check --dry-run --settings=hub.settings.test

messages: install ## Extract our strings into locale/*/LC_MESSAGES/django.po, Wagtail's missing ones into locale/vendor/
	$(PY) manage.py makemessages -l cs -l uk -l en --no-obsolete --ignore '.venv/*' --ignore 'var/*' --ignore '*/migrations/*' --ignore 'tests/*'
	$(PY) manage.py update_vendor_catalogues --settings=hub.settings.test

check-messages: install ## List untranslated or fuzzy entries of our strings (fill English with --fill-english)
	$(PY) manage.py check_catalogues --settings=hub.settings.test

compile-messages: install ## Compile the catalogues (pure Python, no GNU gettext needed)
	$(PY) manage.py compile_catalogues

bench: install ## Search benchmark: both backends and Wagtail's own search, side by side
	$(PY) manage.py search_benchmark --settings=hub.settings.dev

bench-admin: install ## Admin screens (login, dashboard, explorer, editor, save): time and queries; ARGS="--save/--compare FILE"
	$(PY) bench/admin_screens.py $(ARGS)

clean: ## Remove the virtualenv and local data (var/)
	rm -rf $(VENV) var
