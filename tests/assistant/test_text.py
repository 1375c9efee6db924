"""The shared text primitives."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as SKLEARN_STOP_WORDS
from snowballstemmer.english_stemmer import EnglishStemmer

from assistant.text import (
    CLAIM_STOP_WORDS,
    ENGLISH_STOP_WORDS,
    STOP_WORDS,
    content_terms,
    multi_part,
    stem,
)
from index.parser import verb_bases


def test_the_kept_stop_words_are_scikit_learns_list() -> None:
    assert ENGLISH_STOP_WORDS == SKLEARN_STOP_WORDS


def test_words_a_claim_rests_on_are_never_stop_words() -> None:
    assert {"sixty", "three", "first", "no", "not"}.isdisjoint(STOP_WORDS)
    # Nor, for the claim verifier, words that name things in the news.
    assert {"fire", "interest", "system", "empty", "full"}.isdisjoint(CLAIM_STOP_WORDS)
    assert {"fire", "interest"} <= STOP_WORDS
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


def test_stems_are_the_snowball_english_stems_whichever_build_runs() -> None:
    # snowballstemmer hands over to PyStemmer's C build when it is installed; both must stem
    # every word of the labelled pairs alike, or the verifier's keys would change with it.
    gold = Path(__file__).parents[2] / "eval" / "gold"
    words = {
        w
        for name in ("verifier_pairs.jsonl", "checker_pairs.jsonl")
        for line in (gold / name).read_text().splitlines()
        for value in json.loads(line).values()
        if isinstance(value, str)
        for w in re.findall(r"[a-z'-]+", value.lower())
    }
    pure = EnglishStemmer()
    bases = verb_bases()
    assert len(words) > 3000
    assert [stem(w) for w in sorted(words)] == [
        pure.stemWord(bases.get(w, w)) for w in sorted(words)
    ]


def test_an_irregular_verb_form_stems_as_its_verb() -> None:
    assert content_terms("its president fled the country") >= content_terms("flee")
    assert stem("met") == stem("meeting") and stem("struck") == stem("strikes")
    # A form that is also a noun keeps its own stem: a wound is not the wind.
    assert stem("wound") != stem("wind") and stem("ground") == stem("grounds")
