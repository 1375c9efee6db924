"""The shared text primitives."""

from __future__ import annotations

import pytest
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as SKLEARN_STOP_WORDS

from assistant.text import ENGLISH_STOP_WORDS, STOP_WORDS, multi_part


def test_the_kept_stop_words_are_scikit_learns_list() -> None:
    assert ENGLISH_STOP_WORDS == SKLEARN_STOP_WORDS


def test_words_a_claim_rests_on_are_never_stop_words() -> None:
    assert {"sixty", "three", "first", "no", "not"}.isdisjoint(STOP_WORDS)
    assert {"the", "of", "and"} <= STOP_WORDS


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How did the June strikes differ from February's?", True),
        ("Compare the glacier tax of March with September's.", True),
        ("Who won the final, and what did she say afterwards?", True),
        ("What is the difference between the two bills?", True),
        ("Why did the US strike militias in Iraq and Syria?", False),
        ("Who ordered the air strikes?", False),
    ],
)
def test_comparisons_and_two_part_questions_are_told_apart(question: str, expected: bool) -> None:
    assert multi_part(question) is expected
