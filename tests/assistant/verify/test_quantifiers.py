"""A claim told of all of a group the passage tells of some, on sentences written for these
tests."""

from __future__ import annotations

import pytest

from assistant.verify.nlp import parse
from assistant.verify.quantifiers import generalised, outnumbered, quantifier


@pytest.mark.parametrize(
    ("sentence", "noun", "word"),
    [
        ("All schools will close.", "schools", "all"),
        ("All the schools will close.", "schools", "all"),
        ("Most of the residents agreed.", "residents", "most"),
        ("Some shops shut early.", "shops", "some"),
        ("Schools will close.", "Schools", None),
    ],
)
def test_a_nouns_quantifier(sentence: str, noun: str, word: str | None) -> None:
    [token] = [t for t in parse(sentence) if t.text == noun]
    assert quantifier(token) == word


def test_all_is_held_to_what_every_mention_in_the_passage_says() -> None:
    claim = parse("All schools will close on Monday.")
    found = generalised(claim, list(parse("Some schools will close on Monday.").sents))
    assert found is not None and (found.noun, found.theirs) == ("schools", "some")
    # One mention told of all, or bare, lets the claim be.
    for passage in ("Some schools will close, and then all schools will.", "Schools will close."):
        assert generalised(claim, list(parse(passage).sents)) is None


@pytest.mark.parametrize(
    ("passage", "claim", "found"),
    [
        ("Only two of the 10 candidates passed the test.", "Most of the candidates passed.", True),
        ("30% of voters backed the plan.", "Most voters backed the plan.", True),
        ("70% of voters backed the plan.", "Few voters backed the plan.", True),
        ("A third of the members voted against it.", "Most members voted against it.", True),
        # A share past half, or of another verb, lets the claim be.
        ("Eight of the 10 candidates passed the test.", "Most of the candidates passed.", False),
        ("Only two of the 10 candidates passed the test.", "Most candidates took the test.", False),
    ],
)
def test_most_is_held_to_the_share_the_passage_counts(
    passage: str, claim: str, found: bool
) -> None:
    assert (outnumbered(parse(claim), list(parse(passage).sents)) is not None) is found
