"""Swapped places, and nouns a passage sets aside, on sentences written for these tests."""

from __future__ import annotations

import pytest

from assistant.verify.nlp import parse
from assistant.verify.places import swapped_places, traded_sides
from assistant.verify.polarity import set_aside


@pytest.mark.parametrize(
    ("sentence", "passage", "first", "second"),
    [
        (  # no shared verb: "is behind" against "has the lead"
            "Arsenal is behind in the title race when playing against Chelsea.",
            "Chelsea has the lead in the title race when playing against Arsenal.",
            "Arsenal",
            "Chelsea",
        ),
        (  # no verb at all: a noun and what it is for
            "The clinic offered flu shots for measles.",
            "The clinic offered measles shots for flu.",
            "flu",
            "measles",
        ),
        (  # what else the objects of a verb of giving name
            "The agency supplied villages in the north with water from the south.",
            "The agency supplied villages in the south with water from the north.",
            "north",
            "south",
        ),
        (  # who said which
            "Farmers say the tax would raise prices, while economists say it would cut waste.",
            "Economists say the tax would raise prices, while farmers say it would cut waste.",
            "Farmers",
            "economists",
        ),
    ],
)
def test_two_things_that_trade_places_are_found(
    sentence: str, passage: str, first: str, second: str
) -> None:
    found = swapped_places(parse(sentence), [parse(passage)])
    assert found is not None
    assert {found.first, found.second} == {first, second}


@pytest.mark.parametrize(
    ("sentence", "passage"),
    [
        # The same places.
        (
            "Chelsea has the lead in the title race when playing against Arsenal.",
            "Chelsea has the lead in the title race when playing against Arsenal.",
        ),
        # A verb of the converse sense: subject and object trade places rightly.
        (
            "The parcels reached the customers within a week.",
            "The customers got the parcels within a week.",
        ),
        # "from" and "to" say which way a thing passes: a converse verb over three links.
        (
            "Hamilton took the lead from Verstappen on lap 12.",
            "Verstappen lost the lead to Hamilton on lap 12.",
        ),
        # A copula reads both ways.
        ("Lyon is the largest city in the region.", "The largest city in the region is Lyon."),
        # Things joined by "and" have no order.
        ("Paris and Berlin signed the pact.", "Berlin and Paris signed the pact."),
        # A symmetric verb.
        ("Spain met Italy in the final in Rome.", "Italy met Spain in the final in Rome."),
        # The passage says it both ways round.
        (
            "Farmers blame traders for the prices.",
            "Farmers blame traders for the prices, and traders blame farmers for the prices.",
        ),
        # A verb of giving takes the thing and the one given it either way round.
        (
            "The league failed to provide players with a safe environment.",
            "The league failed to provide a safe environment for players.",
        ),
    ],
)
def test_places_kept_or_unordered_are_not_a_swap(sentence: str, passage: str) -> None:
    assert swapped_places(parse(sentence), [parse(passage)]) is None


@pytest.mark.parametrize(
    ("sentence", "passage", "first", "second", "evidence"),
    [
        (  # who vowed and who called, each told of the other over unlike paths
            "Mary Jones has vowed to press on with the reform despite a call from Tom Smith "
            "for a pause.",
            "Tom Smith has vowed to press on with the reform despite a call for a pause from "
            "Mary Jones.",
            "Mary Jones",
            "Tom Smith",
            "pause",
        ),
        (  # whose first day, and whose resignation
            "The ruling came on Tom Smith's first day as minister, after the resignation of "
            "Mary Jones.",
            "The ruling came on Mary Jones's first day as minister, following Tom Smith's "
            "resignation.",
            "Tom Smith",
            "Mary Jones",
            "resignation",
        ),
        (  # where each thing happened
            "Storms, from floods in Kenya to wildfires in Greece, have hurt supplies.",
            "Storms, from floods in Greece to wildfires in Kenya, have hurt supplies.",
            "Kenya",
            "Greece",
            "wildfires",
        ),
    ],
)
def test_two_names_each_told_what_the_passage_tells_of_the_other_are_found(
    sentence: str, passage: str, first: str, second: str, evidence: str
) -> None:
    found = traded_sides(parse(sentence), [parse(passage)])
    assert found is not None
    assert (found.first, found.second, found.evidence) == (first, second, evidence)


@pytest.mark.parametrize(
    ("sentence", "passage"),
    [
        # The same sides, in another order of words.
        (
            "Despite a call from Mary Jones for a pause, Tom Smith has vowed to press on with "
            "the reform.",
            "Tom Smith has vowed to press on with the reform despite a call for a pause from "
            "Mary Jones.",
        ),
        # A person and a place are never told one for the other.
        (
            "Tom Smith praised the floods in Kenya.",
            "Kenya praised the floods in Tom Smith's home.",
        ),
        # The passage says it both ways round.
        (
            "Tom Smith blamed Mary Jones for the delay.",
            "Tom Smith blamed Mary Jones for the delay. Mary Jones blamed Tom Smith for the costs.",
        ),
    ],
)
def test_names_with_their_own_words_are_not_traded(sentence: str, passage: str) -> None:
    doc = parse(passage)
    assert traded_sides(parse(sentence), list(doc.sents)) is None


@pytest.mark.parametrize(
    ("text", "noun", "aside"),
    [
        ("The outage was not a power cut but a software fault.", "cut", True),
        ("The outage was not a power cut but a software fault.", "fault", False),
        ("The outage was a software fault rather than a power cut.", "cut", True),
        ("The outage was a software fault rather than a power cut.", "fault", False),
        ("The council chose trams instead of buses.", "buses", True),
        ("It was a software fault, not a power cut.", "cut", True),
        ("The council chose Leeds rather than York.", "York", True),
        ("The outage was a power cut.", "cut", False),
    ],
)
def test_a_noun_named_only_to_be_set_aside(text: str, noun: str, aside: bool) -> None:
    token = next(t for t in parse(text) if t.text == noun)
    assert set_aside(token) is aside
