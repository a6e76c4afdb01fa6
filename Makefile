# Two commands for a fresh clone: `make run` and `make test`. Everything else is set up here.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SHARED ?= $(or $(HEALTHQA_SHARED_DATA),../shared/data)
ARTICLES ?=
PORT ?= 8501

.PHONY: setup test lint run first-start ingest eval bench clean

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

# Serve the chat on PORT (PORT=8502 make run for another port); it always opens. ARTICLES=dir
# ingests those first (re-read incrementally). Without an index, `first-start` indexes the sample
# in the background (a small part first, so the chat answers within about a minute) and the page
# shows its progress; without ../shared/data and a network, the page says how to add articles.
run: setup
	@if [ -n "$(ARTICLES)" ]; then \
		$(VENV)/bin/healthqa ingest $(ARTICLES) || echo "Some articles were not ingested (see above); starting the chat anyway."; \
	fi; \
	$(PY) -m healthqa.firststart start --shared "$(SHARED)" --watch-pid $$$$; \
	echo "HealthQA: http://localhost:$(PORT) (another port: PORT=8502 make run)"; \
	exec $(VENV)/bin/streamlit run app.py --server.headless true --browser.gatherUsageStats false \
		--server.fileWatcherType none --server.port $(PORT)

# What `make run` does before the app starts: index the sample in the background unless an
# index is there (progress: data/firststart.json, log: data/firststart.log).
first-start: setup
	$(PY) -m healthqa.firststart start --shared "$(SHARED)"

# Every golden file (second opinion, follow-ups; their indexes are built under data/eval-index/
# when missing), every MEDIQA split, then the safety triage on its test split; reports/.
eval: setup
	$(VENV)/bin/healthqa eval summary --dataset "$(SHARED)/eval/mediqa-qa" --shared "$(SHARED)" \
		--reports reports
	$(VENV)/bin/healthqa eval safety --json reports/safety.json

# Add or update articles: make ingest ARTICLES="path/to/folder other/file.pdf"
ingest: setup
	$(VENV)/bin/healthqa ingest $(if $(ARTICLES),$(ARTICLES),$$($(PY) -m ingest.sample --shared "$(SHARED)"))

# Ingest speed, memory and index size on MedQuAD (SCOPE=subset|whole|both); bench/results/.
bench: setup
	nice -n 10 $(PY) -m bench.ingest --medquad "$(SHARED)/medquad" --scope $(or $(SCOPE),subset)

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
