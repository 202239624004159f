# The two commands: `make demo` and `make test`. Both build the environment they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH ?= ../shared/bench
DEMO_DB ?= demo.sqlite

.PHONY: demo test lint eval bench venv clean

$(STAMP): requirements-pip.lock requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-pip.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/threatline ingest samples/ --db $(DEMO_DB)
	$(BIN)/threatline events --db $(DEMO_DB)
	@echo
	@echo "Open the page: $(BIN)/threatline serve --db $(DEMO_DB)   then http://127.0.0.1:8000/"

test: $(STAMP)
	$(BIN)/ruff check src tests eval bench
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests eval bench
	$(BIN)/ruff format --check src tests eval bench

eval: $(STAMP)
	$(BIN)/python eval/run_all.py --data-dir $(BENCH)

bench: $(STAMP)
	$(BIN)/python bench/run.py --json

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache
