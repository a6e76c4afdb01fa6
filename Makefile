# Two commands for a fresh clone: `make run` and `make test`. Everything else is set up here.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SHARED ?= ../shared/data
ARTICLES ?=
PORT ?= 8501

.PHONY: setup test lint run ingest eval bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	# An old pip misses lxml_html_clean, which trafilatura needs.
	$(PY) -m pip install --quiet --upgrade pip
	# The constraints file pins the CPU torch so nothing pulls a CUDA build.
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

test: lint
	$(VENV)/bin/pytest

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
