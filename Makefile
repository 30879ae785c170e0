# Portwright: `make run` opens the app, `make test` runs every test, `make test-fast` the quick
# edit-test loop. All of them set up .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test test-fast lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	QT_QPA_PLATFORM= $(BIN)/portwright

# Everything: slow and PostgreSQL tests included, then the import contracts.
test: $(STAMP)
	$(BIN)/python -m pytest -q
	$(BIN)/lint-imports

# Under two minutes: no test marked slow, none that needs the PostgreSQL server (their SQLite
# twins run), fewer Hypothesis examples (the dev profile unless HYPOTHESIS_PROFILE says
# otherwise), spread over the machine's CPUs by pytest-xdist.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow and not postgres" -n auto

lint: $(STAMP)
	$(BIN)/python -m mypy model

bench: $(STAMP)
	$(BIN)/python -m benchmarks.bench_bindings

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .hypothesis
