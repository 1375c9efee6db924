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
        # Names that share a word are told apart by the rest.
        (
            "Serena Williams was the best player of the decade, ahead of Venus Williams.",
            "Venus Williams was the best player of the decade.",
            "Serena Williams",
            "Venus Williams",
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
            "Iowa says it is the largest producer of corn in the US, while Texas is the largest "
            "producer of corn in the US by value.",
            "Iowa is the largest producer of corn in the US.",
        ),
        # Denied, hedged, shared by a list, said in another tense, or of another scope.
        (WIND, "Iowa may be the largest producer of wind power in the US."),
        (
            "Texas and Iowa are the largest producers of wind power in the US.",
            "Iowa and Texas are the largest producers of wind power in the US.",
        ),
        (
            "Bolt is the largest employer in the town, ahead of Acme.",
            "Acme was the largest employer in the town.",
        ),
        (WIND, "Per person, Iowa is the largest producer of wind power in the US."),
        # One name in more words: "JPMorgan" is "JPMorgan Chase".
        (
            "JPMorgan Chase is the largest bank in the US, ahead of Citigroup and JPMorgan.",
            "JPMorgan is the largest bank in the US.",
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
