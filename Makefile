# Two commands for a newcomer (see README):
#   make demo   install, import the bundled sample acts into a fresh local database, open the UI
#   make test   install everything the tests need, then run them
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := local/demo.db
SHARED ?= ../shared

.PHONY: install system-deps demo test typecheck corpus-check bench lint

$(BIN)/tracker: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $(BIN)/tracker

install: $(BIN)/tracker

# LibreOffice converts .doc files and checks the generated drafts (a Debian package).
system-deps:
	bash scripts/system-deps.sh

demo: install
	rm -rf local/demo.db* && mkdir -p local
	$(BIN)/tracker import --yes --db $(DEMO_DB) tracker/samples/acts
	$(BIN)/tracker registry import --yes --db $(DEMO_DB) tracker/samples/registry/registry-sample.csv
	$(BIN)/tracker ui --db $(DEMO_DB)

test: install system-deps
	$(BIN)/python -m pytest tests

# mypy over cli/, tracker/, parsers/ and db/ (configured in pyproject.toml); CI runs it after the tests.
typecheck: install
	$(BIN)/mypy

# Extraction on the annotated corpora beside the project (CI has ../shared).
corpus-check: install
	bash scripts/corpus-check.sh $(SHARED)

bench: install
	$(BIN)/python -m bench

lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports
