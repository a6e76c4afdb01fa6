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

# Index the articles (ARTICLES=dir, re-read incrementally; else the sample, only when no index
# exists yet), then serve the chat on PORT.
run: setup
	@set -e; \
	if [ -n "$(ARTICLES)" ]; then \
		$(VENV)/bin/healthqa ingest "$(ARTICLES)"; \
	elif ! $(PY) -c 'import sys; from healthqa.settings import Settings; from index.reader import index_exists; sys.exit(not index_exists(Settings.from_env().index_dir))'; then \
		echo "No index yet: indexing the sample articles (about two minutes on a first start)."; \
		sample="$$($(PY) -m ingest.sample --shared "$(SHARED)" --download-to data/sample)"; \
		$(VENV)/bin/healthqa ingest $$sample; \
	fi
	$(VENV)/bin/streamlit run app.py --server.headless true --browser.gatherUsageStats false \
		--server.port $(PORT)

# The golden conversations (index: the seed article + MedQuAD topics, built under
# data/eval-index/golden when missing) and every MEDIQA split; one summary table, reports/.
eval: setup
	$(VENV)/bin/healthqa eval summary --golden healthqa/evaluation/data/golden/second-opinion.jsonl \
		--dataset "$(SHARED)/eval/mediqa-qa" --shared "$(SHARED)" --reports reports

# Add or update articles: make ingest ARTICLES="path/to/folder other/file.pdf"
ingest: setup
	$(VENV)/bin/healthqa ingest $(if $(ARTICLES),$(ARTICLES),$$($(PY) -m ingest.sample --shared "$(SHARED)"))

# Ingest speed, memory and index size on MedQuAD (SCOPE=subset|whole|both); bench/results/.
bench: setup
	nice -n 10 $(PY) -m bench.ingest --medquad "$(SHARED)/medquad" --scope $(or $(SCOPE),subset)

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
