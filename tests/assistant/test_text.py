"""The shared text primitives."""

from __future__ import annotations

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as SKLEARN_STOP_WORDS

from assistant.text import ENGLISH_STOP_WORDS, STOP_WORDS


def test_the_kept_stop_words_are_scikit_learns_list() -> None:
    assert ENGLISH_STOP_WORDS == SKLEARN_STOP_WORDS


def test_words_a_claim_rests_on_are_never_stop_words() -> None:
    assert {"sixty", "three", "first", "no", "not"}.isdisjoint(STOP_WORDS)
    assert {"the", "of", "and"} <= STOP_WORDS
