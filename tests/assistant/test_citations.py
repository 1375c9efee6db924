from __future__ import annotations

import pytest

from assistant import check
from assistant.citations import DraftSentence, verify
from tests.records import passage_of

PASSAGE = (
    "The United States blames Iran-backed militia for repeated rocket attacks on the U.S. Embassy "
    "in Baghdad and at Iraqi bases housing some 2,500 U.S. troops as part of an international "
    "mission against the Islamic State. In April, an explosive-laden drone hit the coalition’s "
    "Iraq headquarters in the military section of Arbil airport."
)
DRONES = (
    "The air strikes come after Iraqi Kurdish officials said on June 26 that four explosive-laden "
    "drones hit locations outside the semi-autonomous region’s capital, Arbil. "
    "No casualties were reported."
)


def test_supported_paraphrase_is_accepted_and_located() -> None:
    verdict = check("Iraqi bases house some 2,500 U.S. troops, the United States says.", PASSAGE)
    assert verdict.supported, verdict.reason
    assert PASSAGE[verdict.start : verdict.end].startswith("The United States blames")


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Iraqi bases house some 3,500 U.S. troops.", "no figure of 3,500"),
        (
            "In May, an explosive-laden drone hit the coalition’s headquarters at Arbil airport.",
            "no date 'may'",
        ),
        (
            "In April, an explosive-laden drone hit the coalition’s headquarters at Mosul airport.",
            "does not name mosul",
        ),
        (
            "Casualties were reported after four drones hit locations outside Arbil.",
            "no casualties",
        ),
        (
            "Four explosive-laden drones did not hit locations outside Arbil on June 26.",
            "denies",
        ),
    ],
)
def test_wrong_number_date_place_or_negation_is_rejected(sentence: str, reason: str) -> None:
    passage = DRONES if "drones" in sentence else PASSAGE
    verdict = check(sentence, passage)
    assert not verdict.supported
    assert reason in verdict.reason.lower()


def test_verify_keeps_checked_citations_and_drops_the_rest() -> None:
    passages = [passage_of(PASSAGE, start=100)]
    text, citations = verify(
        [
            DraftSentence("Iraqi bases house some 2,500 U.S. troops.", (1,)),
            DraftSentence("Iraqi bases house some 9,000 U.S. troops.", (1,)),
            DraftSentence("A drone hit Arbil airport in April.", (7,)),
        ],
        passages,
    )
    assert text == "Iraqi bases house some 2,500 U.S. troops. [1]"
    [citation] = citations
    assert citation.quote == PASSAGE[: PASSAGE.index("Islamic State.") + len("Islamic State.")]
    assert (citation.quote_start, citation.chunk_start) == (100, 100)
