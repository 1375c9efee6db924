"""Marks the passage only brings near, told as reached, on sentences written for these tests."""

from __future__ import annotations

import pytest

from assistant.verify import ClaimVerifier
from assistant.verify.nearing import neared
from assistant.verify.nlp import parse


def _neared(sentence: str, passage: str) -> str | None:
    found = neared(parse(sentence), list(parse(passage).sents))
    return found.theirs if found is not None else None


@pytest.mark.parametrize(
    ("passage", "sentence", "theirs"),
    [
        (
            "The cost for diesel is nearing the record of $4.84, also set in July 2008.",
            "The price of diesel has already surpassed its record of $4.84.",
            "nearing the record",
        ),
        ("Unemployment is approaching 10%.", "Unemployment has reached 10%.", "approaching 10%"),
        ("The death toll neared 1,000 on Sunday.", "The death toll topped 1,000.", "neared 1,000"),
        ("Talks are close to a deal.", "Talks reached a deal.", "close to a deal"),
        (
            "The rebels were not far from the capital.",
            "The rebels reached the capital.",
            "not far from the capital",
        ),
    ],
)
def test_a_mark_only_neared_is_not_reached(passage: str, sentence: str, theirs: str) -> None:
    assert _neared(sentence, passage) == theirs


@pytest.mark.parametrize(
    ("passage", "sentence"),
    [
        # The passage brings it to the mark too.
        ("Shares approached and then broke their all-time high.", "Shares broke their high."),
        ("The index neared 5,000 before hitting it on Friday.", "The index hit 5,000 on Friday."),
        # Another mark ("$110", not "$100"), or another thing near it (diesel, not gas).
        ("Oil topped $100 last week, and is now nearing $110.", "Oil topped $100 last week."),
        ("Gas reached a record. Diesel is nearing its record.", "Gas reached a record."),
        # The claim tells no arrival: a time before it, an infinitive, a denial.
        (
            "The ship came near the coast before it turned back.",
            "The ship turned back before it reached the coast.",
        ),
        ("The storm is approaching the coast.", "The storm is expected to reach the coast."),
        ("The storm is approaching the coast.", "The storm has not reached the coast."),
        # Only nearly there, as the passage says.
        ("Unemployment is approaching 10%.", "Unemployment nearly reached 10%."),
        ("Unemployment is approaching 10%.", "Unemployment came close to reaching 10%."),
        # Nearing told as nearing.
        ("Inflation is nearing 10%.", "Inflation is approaching 10%."),
    ],
)
def test_what_the_passage_brings_to_the_mark_or_the_claim_does_not_reach_is_no_nearing(
    passage: str, sentence: str
) -> None:
    assert _neared(sentence, passage) is None


def test_the_passage_bringing_something_else_to_the_mark_still_leaves_this_one_near() -> None:
    passage = (
        "The price of gas reached a record on Monday. The cost for diesel is nearing its record."
    )
    assert _neared("The price of diesel has surpassed its record.", passage) == "nearing its record"


def test_the_verifier_rejects_a_mark_neared_told_as_reached(verifier: ClaimVerifier) -> None:
    passage = "Rescuers are approaching the trapped miners."
    verdict = verifier.check("Rescuers have reached the trapped miners.", passage)
    assert not verdict.supported
    assert verdict.kind == "polarity"
    assert "approaching the trapped miners" in verdict.reason
    assert verifier.check("Rescuers are nearing the trapped miners.", passage).supported


def test_marks_both_named_are_one_by_their_names() -> None:
    passage = (
        "The index recently edged back into moderate Greed territory. A month ago it was showing "
        "signs of Fear, and it wasn't far from Extreme Fear levels."
    )
    # "territory" is "levels" where both are Extreme Fear's.
    claim = "A month ago the index had sunk into Extreme Fear territory."
    assert _neared(claim, passage) == "not far from Extreme Fear levels"
    # A level named otherwise is another mark, however alike the words; so is a place named
    # alike but called otherwise ("the Misrata airport" is not "the Misrata city centre").
    assert _neared("The index sank into Greed territory.", "It was near Fear territory.") is None
    misrata = "Rebels captured the Misrata airport and are now nearing the Misrata city centre."
    assert _neared("Rebels entered the Misrata airport.", misrata) is None
    # A name told in fewer words is the same name.
    dow = "Stocks rose, nearing the Dow Jones record of 36,000."
    assert _neared("Stocks broke the Dow record of 36,000.", dow) == "nearing the Dow Jones record"
