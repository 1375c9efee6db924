"""Who won and who lost, on sentences written for these tests."""

from __future__ import annotations

import pytest

from assistant.verify.nlp import parse
from assistant.verify.outcomes import reversed_outcome

PASSAGE = (
    "Harinordoquy was a second-half replacement in last Saturday's 24-18 defeat to Wales. "
    "Curbishley praised Johansson after Charlton beat Norwich 4-0 at The Valley."
)


@pytest.mark.parametrize(
    ("sentence", "name", "claimed"),
    [
        ("Harinordoquy came on last Saturday when France beat Wales 24-18.", "wales", "lost"),
        ("Norwich's 4-0 win over Charlton pleased nobody at The Valley.", "norwich", "won"),
        ("Charlton were beaten by Norwich at The Valley.", "norwich", "won"),
        ("Charlton lost to Norwich at The Valley.", "norwich", "won"),
    ],
)
def test_a_side_the_passage_has_lose_or_win_the_other_way_is_found(
    sentence: str, name: str, claimed: str
) -> None:
    found = reversed_outcome(parse(sentence), list(parse(PASSAGE).sents))
    assert found is not None
    assert (found.name, found.claimed) == (name, claimed)


@pytest.mark.parametrize(
    "sentence",
    [
        "Wales beat France 24-18 last Saturday.",  # the loser is unnamed in the passage
        "Charlton's 4-0 victory over Norwich came at The Valley.",
        "Norwich were thrashed 4-0 by Charlton.",
        "Norwich lost to Charlton at The Valley.",
        "Johansson scored twice at The Valley.",  # no result told
    ],
)
def test_results_the_passage_agrees_with_are_not_reversed(sentence: str) -> None:
    assert reversed_outcome(parse(sentence), list(parse(PASSAGE).sents)) is None


def test_a_side_that_lost_another_match_still_won_this_one() -> None:
    passage = "Leeds beat Hull on Saturday. Leeds lost to York on Tuesday."
    found = reversed_outcome(parse("Leeds beat Hull on Saturday."), list(parse(passage).sents))
    assert found is None


def test_a_win_over_one_side_does_not_bear_out_a_win_over_another() -> None:
    passage = "France, who were beaten by Wales last week, must now defeat the Irish."
    claim = parse("France won against Wales last week.")
    found = reversed_outcome(claim, list(parse(passage).sents))
    assert found is not None and (found.name, found.claimed) == ("france", "won")


@pytest.mark.parametrize(
    "sentence",
    [
        "Beaten by Italy last week, France must defeat Scotland.",
        "France, beaten by Italy last week, must defeat Scotland.",
        "France, who lost to Italy last week, must defeat Scotland.",
    ],
)
def test_who_a_participle_or_a_relative_clause_has_lose_is_read(sentence: str) -> None:
    passage = "Italy beat France last week. France must defeat Scotland next."
    assert reversed_outcome(parse(sentence), list(parse(passage).sents)) is None
    swapped = sentence.replace("France", "X").replace("Italy", "France").replace("X", "Italy")
    found = reversed_outcome(parse(swapped), list(parse(passage).sents))
    assert found is not None and found.name == "france"


def test_a_loss_to_one_side_does_not_reverse_a_win_over_another() -> None:
    passage = "Italy beat France last week. France must now beat Scotland."
    sentences = list(parse(passage).sents)
    assert reversed_outcome(parse("France have to beat Ireland."), sentences) is None
    found = reversed_outcome(parse("France beat Italy last week."), sentences)
    assert found is not None and found.name == "france"
