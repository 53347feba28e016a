# Alignment Workshop: the two set-up commands are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
EXAMPLE := resources/examples/product-company.alignment
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test system-deps lint bench dist dist-test install-desktop clean catalogues messages

# The venv is rebuilt when pyproject.toml changes, so `make run` never starts on stale dependencies.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The system packages in .ci/system-packages.txt: installs the missing ones as root, or
# prints the one `sudo apt-get install` line to run. `make test` starts with it.
system-deps:
	@bash .ci/system-deps

# The compiled translations (.mo) are build output: each is compiled from its .po when stale.
# `make messages` re-extracts the marked messages and merges them into every .po.
catalogues: $(STAMP)
	$(PY) packaging/catalogues.py compile

messages: $(STAMP)
	$(PY) packaging/catalogues.py update

run: catalogues
	$(VENV)/bin/alignment-workshop $(EXAMPLE)

lint: $(STAMP)
	$(PY) -m ruff check alignment_workshop tests packaging
	$(PY) -m ruff format --check alignment_workshop tests packaging
	$(VENV)/bin/lint-imports
	$(PY) -m mypy

# The tests run in a random order; PYTEST_ARGS=--randomly-seed=N replays one.
test: system-deps lint catalogues
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tests/bench/run_bench.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache

# Packaging targets (dist, dist-test, install-desktop) live beside the packaging files.
-include packaging/dist.mk
