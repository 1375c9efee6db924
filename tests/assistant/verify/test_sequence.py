"""Which of two things comes first, on sentences written for these tests."""

from __future__ import annotations

import pytest

from assistant.verify.nlp import parse
from assistant.verify.sequence import reordered


@pytest.mark.parametrize(
    ("sentence", "reversed_"),
    [
        ("Smith arrived before Jones left.", True),
        ("Jones left after Smith arrived.", True),
        ("Jones left before Smith arrived.", False),
        ("Smith arrived after Jones left.", False),
        ("Smith arrived on time.", False),
    ],
)
def test_an_order_is_held_to_the_passages_either_way_round(sentence: str, reversed_: bool) -> None:
    passage = list(parse("Smith arrived after Jones left.").sents)
    found = reordered(parse(sentence), passage)
    assert (found is not None) is reversed_
    if found is not None:
        assert found.theirs == "Smith arrived after Jones left"


def test_an_order_is_read_of_who_does_each_thing() -> None:
    passage = list(parse("Smith spoke after the vote, and Jones spoke before it.").sents)
    assert reordered(parse("Jones spoke before the vote."), passage) is None
    assert reordered(parse("Smith spoke before the vote."), passage) is not None
