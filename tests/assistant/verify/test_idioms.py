"""Set phrases that restate a word or another phrase of the passage."""

from __future__ import annotations

import pytest

from assistant.verify import ClaimVerifier
from assistant.verify.idioms import idiom_words
from assistant.verify.nlp import parse


def test_a_set_phrase_is_accounted_for_by_its_equivalent() -> None:
    claim = parse("It was the first demand of its kind in 45 years.")
    assert {claim[i].text for i in idiom_words(claim, {"such", "demand"})} == {"of", "its", "kind"}
    # Without its equivalent in the passage the phrase is the claim's own.
    assert idiom_words(claim, {"demand"}) == set()


@pytest.mark.parametrize(
    ("sentence", "passage"),
    [
        (
            "It was the first demand of its kind for a sitting president's taxes in 45 years.",
            "It was the first such demand for a sitting president's taxes in 45 years.",
        ),
        (
            "The airline is on course to beat its A$500m full-year target.",
            "The airline is on track to top its target of A$500m for the full year.",
        ),
        (
            "Wine consumption in China is just 0.22 litres per person.",
            "The consumption of wine in China is still low, at just 0.22 litres per capita.",
        ),
    ],
)
def test_restatements_by_set_phrases_are_supported(
    verifier: ClaimVerifier, sentence: str, passage: str
) -> None:
    verdict = verifier.check(sentence, passage)
    assert verdict.supported, verdict.reason
