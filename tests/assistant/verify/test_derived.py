"""Figures a passage implies: list counts, sums, differences and spans of years."""

from __future__ import annotations

import pytest

from assistant.verify import ClaimVerifier


@pytest.mark.parametrize(
    ("passage", "sentence"),
    [
        ("Police arrested Smith and Jones on Monday.", "Police arrested two men on Monday."),
        ("The company has offices in London, Paris and Berlin.", "It has offices in three cities."),
        ("The plane carried 150 passengers and six crew.", "The plane carried 156 people."),
        ("Sales rose from 100 to 150.", "Sales rose by 50%."),
        ("He served as mayor from 2010 to 2018.", "He served as mayor for eight years."),
        ("The firm has twice been fined.", "The firm has been fined two times."),
    ],
)
def test_a_figure_the_passage_implies_is_supported(
    verifier: ClaimVerifier, passage: str, sentence: str
) -> None:
    verdict = verifier.check(sentence, passage)
    assert verdict.supported, verdict.reason


@pytest.mark.parametrize(
    ("passage", "sentence"),
    [
        # the passage's own figure for the noun holds: no sum stands in for it
        (
            "Strikes hit two locations in Syria and one location in Iraq.",
            "Strikes hit three locations in Syria and one location in Iraq.",
        ),
        # a span between two years counts years, not players
        (
            "Cruz had more 100-yard games than anyone from 2011 to 2014.",
            "Cruz had more 100-yard games than three players from 2011 to 2014.",
        ),
        ("Police arrested Smith and Jones on Monday.", "Police arrested three men on Monday."),
    ],
)
def test_a_figure_no_arithmetic_of_the_passage_gives_is_not(
    verifier: ClaimVerifier, passage: str, sentence: str
) -> None:
    verdict = verifier.check(sentence, passage)
    assert not verdict.supported
    assert verdict.kind in {"number", "figure"}, verdict.reason
