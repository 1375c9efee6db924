"""Follow-up questions over a big index: the README's two-turn example."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.retrieval import _spread

SAMPLE_URL = "https://www.rferl.org/a/us-strike-iran-militia-iraq-syria/31328792.html"


def test_a_follow_up_takes_more_passages_of_the_leading_article() -> None:
    ranked = ["a1", "a2", "b1", "a3", "c1"]
    article_of = {cid: cid[0] for cid in ranked}

    assert _spread(ranked, article_of, 4, 2) == ["a1", "a2", "b1", "c1"]
    assert _spread(ranked, article_of, 4, 2, leader_uncapped=True) == ["a1", "a2", "b1", "a3"]


@pytest.mark.slow
def test_the_readme_follow_up_answers_with_the_strike_before(
    politics_assistant: Assistant,
) -> None:
    """Among 397 BBC politics articles (many on strikes and Iraq) the second question must be
    read with the first, and the sample's third passage, past the per-article cap of 2, must
    reach the answerer: it alone says the strike before was in February."""
    chat = politics_assistant.chat()

    first = chat.ask("Why did the US strike in June 2021?")
    second = chat.ask("And when was the strike before that?")

    assert "in retaliation for drone attacks" in first.text
    assert not second.refused
    assert "In February" in second.text, second.text
    assert second.citations[0].url == SAMPLE_URL
    assert "February" in second.citations[0].quote
    # The same ranking through search(), as eval and scripts see it.
    passages = politics_assistant.search(
        "And when was the strike before that?", history=["Why did the US strike in June 2021?"]
    )
    assert any("In February" in p.text for p in passages)
