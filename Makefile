# Portwright: `make run` opens the app, `make test` runs every test, `make test-fast` the quick
# edit-test loop. All of them set up .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export QT_QPA_PLATFORM ?= offscreen

FLOORS ?= .venv-floors
LINTED := model designer tests benchmarks

.PHONY: run test test-fast test-floors lint bench translations clean

# Installed from constraints/ci.txt: the versions CI and the developers run (pyproject.toml
# keeps the ranges a user may install).
$(STAMP): pyproject.toml constraints/ci.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints/ci.txt -e '.[test]'
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

# The fast suite at the oldest versions pyproject.toml allows (constraints/floors.txt).
test-floors:
	$(PYTHON) -m venv $(FLOORS)
	$(FLOORS)/bin/python -m pip install --quiet --upgrade pip
	$(FLOORS)/bin/python -m pip install --quiet -c constraints/floors.txt -e '.[test]'
	$(FLOORS)/bin/python -m pytest -q -m "not slow and not postgres" -n auto -p no:cacheprovider

# ruff (lint and format), mypy on model/ and designer/, the import contracts.
lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/python -m mypy model designer
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python -m benchmarks.bench_bindings
	$(BIN)/python -m benchmarks.bench_hardening

# The French translation: the catalog's words listed for lupdate, lupdate over designer/ into
# the .ts (the source of truth, translated in Qt Linguist: `$(BIN)/pyside6-linguist`), lrelease
# into the .qm the app loads. Both files are committed.
TS_FR := resources/translations/portwright_fr.ts
translations: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m designer.translation_sources
	$(BIN)/pyside6-lupdate -locations relative -no-obsolete -source-language en -target-language fr $$(find designer -name '*.py' -not -path 'designer/cli/*' | sort) -ts $(TS_FR)
	$(BIN)/pyside6-lrelease $(TS_FR) -qm $(TS_FR:.ts=.qm)

clean:
	rm -rf $(VENV) $(FLOORS) build *.egg-info .pytest_cache .mypy_cache .hypothesis
