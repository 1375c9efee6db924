"""Traded names, on sentences written for these tests."""

from __future__ import annotations

import pytest

from assistant.verify.nlp import parse
from assistant.verify.traded import traded_names

PASSAGE = (
    "Mr Brown was joined at the launch by Alan Milburn, the man put in charge of the campaign "
    "by Mr Blair. Lagos hosted the final in May. Running for the Democrats is Rep. Tim Ryan, "
    "while Republicans hope to replace retiring Sen. Rob Portman."
)


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        (  # far apart, on no one verb
            "Mr Blair was joined at the launch by Alan Milburn, the man put in charge of the "
            "campaign by Mr Brown.",
            "Blair",
            "Brown",
        ),
        (  # the passage has them in two sentences
            "Republicans hope to replace retiring Sen. Tim Ryan. Running for the Democrats is "
            "Rep. Rob Portman.",
            "Tim Ryan",
            "Rob Portman",
        ),
    ],
)
def test_two_names_in_each_others_words_are_found(sentence: str, first: str, second: str) -> None:
    found = traded_names(parse(sentence), list(parse(PASSAGE).sents))
    assert found is not None
    assert {found.first.removeprefix("Mr "), found.second.removeprefix("Mr ")} == {first, second}


@pytest.mark.parametrize(
    "sentence",
    [
        # The passage's own places.
        "Mr Brown was joined at the launch by Alan Milburn, the man put in charge of the "
        "campaign by Mr Blair.",
        "Rep. Tim Ryan is running for the Democrats.",
        # Names side by side qualify each other either way round.
        "The campaign chief Alan Milburn of Mr Blair's team joined Mr Brown at the launch.",
    ],
)
def test_names_in_their_own_places_are_not_traded(sentence: str) -> None:
    assert traded_names(parse(sentence), list(parse(PASSAGE).sents)) is None


@pytest.mark.parametrize(
    ("passage", "sentence"),
    [
        # Only the edges of the sentence and a phrase of the whole clause frame both names.
        ("Samsung sued Apple in March.", "Apple was sued by Samsung in March."),
        ("Obama called Putin on Monday.", "Putin was called by Obama on Monday."),
        # Each name in the other's words on one side only: not enough to trade them.
        ("Rivals Kell and Dorn met in Rome.", "Kell met rivals Dorn in Rome."),
    ],
)
def test_names_framed_only_by_the_clause_are_not_traded(passage: str, sentence: str) -> None:
    assert traded_names(parse(sentence), list(parse(passage).sents)) is None


def test_a_possessive_name_is_the_name_after_of() -> None:
    passage = "He took bronze behind Justin Gatlin and Francis Obikwelu of Portugal."
    sentence = "He took bronze behind Justin Gatlin and Portugal's Francis Obikwelu."
    assert traded_names(parse(sentence), list(parse(passage).sents)) is None
