"""The gate: the gold suite end to end over the sample among BBC politics, and proof that a
weakened retriever fails it."""

from __future__ import annotations

from pathlib import Path

import pytest
from langchain_core.embeddings import Embeddings

from assistant import Assistant
from eval.gate import gate
from eval.runner import Run, run_suite
from eval.suites import load_suite

pytestmark = pytest.mark.slow


def _gold_run(assistant: Assistant, cache: Path) -> Run:
    # The suite's default corpus is what politics_assistant indexed: ingesting it is a no-op.
    return run_suite(load_suite("gold", cache_dir=cache), assistant, progress=False)


def test_gold_suite_passes_the_gate(politics_assistant: Assistant, tmp_path: Path) -> None:
    run = _gold_run(politics_assistant, tmp_path)
    assert "0 added, 0 updated" in run.ingest
    assert gate(run.summary) == []


def test_weakened_retriever_fails_the_gate(
    politics_assistant: Assistant, embedder: Embeddings, tmp_path: Path
) -> None:
    # Same index, dense retrieval only, one candidate and one passage read.
    weak = politics_assistant.settings.model_copy(
        update={"lexical_weight": 0.0, "k": 1, "fetch_k": 1}
    )
    run = _gold_run(Assistant(weak, embedder=embedder), tmp_path)
    # It fails on answers and citations: reading one passage loses the evidence.
    assert gate(run.summary), "a dense-only, one-passage retriever must fail the gate"
