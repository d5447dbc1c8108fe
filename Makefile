# Scrutiny Desk. `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_ENV := SCRUTINYDESK_DEMO=1

.PHONY: help install demo serve test lint bench assets clean

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install Scrutiny Desk into it

demo: $(STAMP) ## Set up the demo database with the bundled papers and serve it on 127.0.0.1:8000
	$(DEMO_ENV) $(BIN)/scrutinydesk demo
	$(DEMO_ENV) $(BIN)/scrutinydesk serve

serve: $(STAMP) ## Serve what is already set up
	$(DEMO_ENV) $(BIN)/scrutinydesk serve

test: $(STAMP) ## Run the whole suite on SQLite, then on PostgreSQL when reachable
	$(BIN)/python scripts/run_tests.py $(PYTEST_ARGS)

lint: $(STAMP) ## Check the code with ruff
	$(BIN)/ruff check src tests benchmarks scripts

bench: $(STAMP) ## Run the benchmarks, each beside a baseline measured in the same run
	$(DEMO_ENV) $(BIN)/python benchmarks/run.py

assets: ## Rebuild web/static/govuk and the tests' axe-core from npm (needs node and npm)
	cd assets && npm ci --ignore-scripts && node build.mjs

clean: ## Remove the virtual environment and the demo database
	rm -rf $(VENV) var
