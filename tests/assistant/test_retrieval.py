from __future__ import annotations

import threading
import time
from collections import Counter
from typing import Any

import pytest

from assistant import Assistant
from assistant.retrieval import HybridRetriever

pytestmark = pytest.mark.slow

QUESTION = "Why did the US strike Iran-backed militias in Iraq?"


def _limited(assistant: Assistant, per_article: int) -> HybridRetriever:
    settings = assistant.settings.model_copy(update={"max_per_article": per_article})
    return assistant.retriever.model_copy(update={"settings": settings})


def test_an_article_gives_at_most_max_per_article_passages(politics_assistant: Assistant) -> None:
    unlimited = _limited(politics_assistant, 0).search(QUESTION, k=8)
    assert max(Counter(p.article_id for p in unlimited).values()) > 2  # the sample fills the top

    for per_article in (1, 2):
        limited = _limited(politics_assistant, per_article).search(QUESTION, k=8)
        assert len(limited) == 8
        assert max(Counter(p.article_id for p in limited).values()) == per_article
        assert limited[0].chunk_id == unlimited[0].chunk_id
        assert [p.rank for p in limited] == list(range(1, 9))


def test_a_lone_article_still_fills_the_ranking(sample_assistant: Assistant) -> None:
    passages = sample_assistant.retriever.search(QUESTION, k=4)
    assert sample_assistant.settings.max_per_article == 2
    assert len(passages) == 4
    assert len({p.article_id for p in passages}) == 1


def test_the_bm25_search_runs_while_the_question_is_embedded(
    sample_assistant: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    retriever = sample_assistant.retriever
    before = retriever.search(QUESTION, k=4)
    searching = threading.Event()
    lexical, embedder = retriever.index.lexical, retriever.index.embedder
    search, embed = lexical.search, embedder.embed_query

    def marked(*args: Any, **kwargs: Any) -> list[tuple[str, float]]:
        searching.set()
        return search(*args, **kwargs)

    overlapped: list[bool] = []

    def waiting(text: str) -> list[float]:
        # Sequential, the BM25 search would start only after this returns.
        overlapped.append(searching.wait(timeout=10))
        return embed(text)

    monkeypatch.setattr(lexical, "search", marked)
    monkeypatch.setattr(embedder, "embed_query", waiting)
    assert retriever.search(QUESTION, k=4) == before
    assert overlapped == [True]


def test_a_failed_embedding_leaves_no_bm25_search_running(
    sample_assistant: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    retriever = sample_assistant.retriever
    lexical, embedder = retriever.index.lexical, retriever.index.embedder
    search = lexical.search
    finished = threading.Event()

    def slow(*args: Any, **kwargs: Any) -> list[tuple[str, float]]:
        time.sleep(0.3)
        found = search(*args, **kwargs)
        finished.set()
        return found

    def failing(text: str) -> list[float]:
        raise RuntimeError("the embedder failed")

    monkeypatch.setattr(lexical, "search", slow)
    monkeypatch.setattr(embedder, "embed_query", failing)
    with pytest.raises(RuntimeError, match="the embedder failed"):
        retriever.search(QUESTION, k=4)
    # The caller's read lock ends with the call: a write may follow, never under a search.
    assert finished.is_set()
