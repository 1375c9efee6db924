"""The top of a ranking given to another name, on sentences written for these tests."""

from __future__ import annotations

import pytest

from assistant.verify import ClaimVerifier
from assistant.verify.holders import held_by_another
from assistant.verify.nlp import parse

WIND = "Texas is the largest producer of wind power in the US, ahead of Iowa."
PHONES = (
    "By contrast Danes were most adept at losing mobile phones, being seven times more likely "
    "to leave one behind than Germans, Norwegians and Swedes."
)


@pytest.mark.parametrize(
    ("passage", "claim", "holder", "claimed"),
    [
        (WIND, "Iowa is the largest producer of wind power in the US.", "Texas", "Iowa"),
        (PHONES, "Norwegians were the most adept at losing mobile phones.", "Danes", "Norwegians"),
        (
            "Manchester United were the best team in the league, Arsenal the worst.",
            "Arsenal were the best team in the league.",
            "Manchester United",
            "Arsenal",
        ),
        (
            "The Danes were the most likely to lose phones; Norwegians were the least likely.",
            "Norwegians were the most likely to lose phones.",
            "Danes",
            "Norwegians",
        ),
    ],
)
def test_a_superlative_the_passage_gives_another_name(
    verifier: ClaimVerifier, passage: str, claim: str, holder: str, claimed: str
) -> None:
    found = held_by_another(parse(claim), list(parse(passage).sents))
    assert found is not None and (found.holder, found.claimed) == (holder, claimed)
    verdict = verifier.check(claim, passage)
    assert not verdict.supported and verdict.kind == "roles"
    assert verdict.reason == found.reason


@pytest.mark.parametrize(
    ("passage", "claim"),
    [
        (WIND, "Texas is the largest producer of wind power in the US."),
        (PHONES, "Danes were the most adept at losing mobile phones."),
        # Another year, another thing ranked: the claim's name holds its own superlative.
        (
            "Acme is the largest employer in the town. Its rival, Bolt, was the largest "
            "employer in 1990.",
            "Bolt was the largest employer in 1990.",
        ),
        (
            "Texas is the largest producer of wind power, and Iowa is the largest producer of "
            "corn and soybeans.",
            "Iowa is the largest producer of soybeans.",
        ),
        # "It" may be the claim's name.
        (
            "Iowa grows corn. It is the largest producer of corn in the US. Texas was the "
            "largest producer of corn in 1990.",
            "Iowa is the largest producer of corn in the US.",
        ),
        # Not the top: one of several, or ranked below it.
        (WIND, "Iowa is one of the largest producers of wind power in the US."),
    ],
)
def test_a_superlative_the_claims_name_holds_or_shares(
    verifier: ClaimVerifier, passage: str, claim: str
) -> None:
    assert held_by_another(parse(claim), list(parse(passage).sents)) is None
    assert verifier.check(claim, passage).kind != "roles"
