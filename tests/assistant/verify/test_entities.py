"""Names compared as the things they name."""

from __future__ import annotations

import pytest

from assistant.verify.entities import acronyms, known_names, named_in

PASSAGE = (
    "The U.S. military said President Joe Biden ordered the strikes. Polish troops of the "
    "North Atlantic Treaty Organization joined them, and General Motors (GM) paid."
)


@pytest.mark.parametrize(
    "name",
    ["United States", "American", "US", "Biden", "Poland's", "NATO", "GM", "General Motors"],
)
def test_aliases_demonyms_acronyms_and_surnames_name_the_same_thing(name: str) -> None:
    assert named_in(name, known_names(PASSAGE), acronyms(PASSAGE))


@pytest.mark.parametrize("name", ["Jill Biden", "Germany", "French", "Ford", "UN"])
def test_other_names_are_not_found(name: str) -> None:
    assert not named_in(name, known_names(PASSAGE), acronyms(PASSAGE))


PARTIES = (
    "The Tory leader said the GOP senator and two Democrats would meet him in London, and a "
    "Labour spokesman agreed."
)


@pytest.mark.parametrize(
    ("name", "named"),
    [
        ("Conservative", True),
        ("Conservatives", True),
        ("Republicans", True),
        ("Republican Party", True),
        ("Democrat", True),
        ("Labour Party", True),
        ("Liberal Democrats", False),
        ("Green Party", False),
    ],
)
def test_parties_are_named_by_their_nicknames(name: str, named: bool) -> None:
    assert named_in(name, known_names(PARTIES), acronyms(PARTIES)) is named


def test_an_acronym_may_stand_for_a_name_with_a_comma_in_it() -> None:
    passage = "The Department for Culture, Media and Sport published the figures on Monday."
    assert named_in("DCMS", known_names(passage), acronyms(passage))
    assert not named_in("DfE", known_names(passage), acronyms(passage))
