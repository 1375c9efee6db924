"""A superlative the passage ranks below the top, on sentences written for these tests."""

from __future__ import annotations

import pytest

from assistant.verify.nlp import parse
from assistant.verify.ranks import promoted, rank


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("Smith was the second-largest donor.", "largest", "second"),
        ("It is the country's third biggest bank.", "biggest", "third"),
        ("It was the 4th largest fire.", "largest", "4th"),
        ("It was the 21st largest fire.", "largest", "21st"),
        ("It is the biggest bank.", "biggest", None),
    ],
)
def test_a_superlatives_rank(sentence: str, word: str, expected: str | None) -> None:
    [token] = [t for t in parse(sentence) if t.text == word]
    assert rank(token) == expected


def test_a_bare_superlative_is_held_to_the_passages_ranks() -> None:
    claim = parse("Smith was the largest donor.")
    found = promoted(claim, list(parse("Smith was the second-largest donor.").sents))
    assert found is not None and (found.rank, found.superlative) == ("second", "largest")
    passage = "Smith was the second-largest donor, after Jones, the largest."
    assert promoted(claim, list(parse(passage).sents)) is None
