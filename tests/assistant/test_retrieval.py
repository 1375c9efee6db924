from __future__ import annotations

from collections import Counter

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
