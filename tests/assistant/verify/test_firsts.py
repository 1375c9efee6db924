"""What the passage calls a first, told as done again, on sentences written for these tests."""

from __future__ import annotations

import pytest

from assistant.verify import ClaimVerifier
from assistant.verify.firsts import repeated
from assistant.verify.nlp import parse

_FIRST = "It is the first time the party has won the seat."


@pytest.mark.parametrize(
    ("sentence", "again"),
    [
        ("The party has won the seat many times.", True),
        ("The party has won the seat before.", True),
        ("The party won the seat again.", True),
        ("The party had previously won the seat.", True),
        ("The party won the seat for the second time.", True),
        ("The party won the seat three times.", True),
        ("The party won the seat for the first time.", False),
        ("The party has won the seat.", False),
        ("The party has already won the seat.", False),
        # Another verb done again is not the first the passage tells.
        ("The party lost the seat again.", False),
    ],
)
def test_a_first_is_not_done_again(sentence: str, again: bool) -> None:
    found = repeated(parse(sentence), list(parse(_FIRST).sents))
    assert (found is not None) is again


def test_a_first_said_with_for_the_first_time_is_read_too() -> None:
    passage = list(parse("He met the president for the first time on Monday.").sents)
    found = repeated(parse("He met the president again on Monday."), passage)
    assert found is not None
    assert found.reason.startswith("the passage says it is the first time")


def test_a_passage_that_tells_the_first_and_the_next_bears_out_again() -> None:
    passage = list(
        parse("The party won the seat for the first time in 2019, and won it again in 2023.").sents
    )
    assert repeated(parse("The party won the seat again in 2023."), passage) is None


def test_the_verifier_rejects_a_first_told_as_done_again(verifier: ClaimVerifier) -> None:
    verdict = verifier.check("The party has won the seat many times.", _FIRST)
    assert not verdict.supported
    assert "first time" in verdict.reason
    assert verifier.check("The party won the seat for the first time.", _FIRST).supported
