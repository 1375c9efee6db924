"""The claim verifier on the kinds of rewriting an LLM does, with readable reasons."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.verify import ClaimVerifier
from index.embeddings import MiniLMEmbeddings

PASSAGE = (
    "The U.S. military carried out air strikes against Iran-backed militias in the Iraq-Syria "
    "border area, in retaliation for drone attacks by the groups against U.S. personnel and "
    "facilities in Iraq. The Pentagon said on June 27 that President Joe Biden ordered the air "
    "strikes on operational and weapons storage facilities used by the militias at two "
    "locations in Syria and one location in Iraq. The raid lasted 27 minutes. No casualties "
    "were reported."
)
PUBLISHED = date(2021, 6, 27)


@pytest.fixture(scope="module")
def verifier(embedder: MiniLMEmbeddings) -> ClaimVerifier:
    return ClaimVerifier(embedder)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Pentagon said on June 27 that President Joe Biden ordered the air strikes.",
        "The American military struck Iran-backed militias in the Iraq-Syria border area.",
        "The Pentagon said on Sunday that Biden ordered the strikes.",
        "Biden ordered strikes on facilities at two locations in Syria, in retaliation for "
        "drone attacks by the groups against U.S. personnel.",
        "The raid lasted twenty-seven minutes.",
    ],
)
def test_supported_rewrites_are_accepted(verifier: ClaimVerifier, sentence: str) -> None:
    verdict = verifier.check(sentence, PASSAGE, PUBLISHED)
    assert verdict.supported, verdict.reason


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        (
            "Iran-backed militias carried out air strikes against the U.S. military.",
            "another agent",
        ),
        ("Militias struck the U.S. military.", "not the reverse"),
        ("The raid lasted seventeen minutes.", "seventeen"),
        ("The Pentagon said on Saturday that Biden ordered the strikes.", "saturday"),
        ("Biden ordered the air strikes, and casualties were reported.", "no casualties"),
        ("The U.S. military carried out air strikes against militias in Lebanon.", "Lebanon"),
        (
            "Biden ordered the air strikes on facilities in Syria, as investors welcomed the move.",
            "investors",
        ),
        ("President Joe Biden did not order the air strikes.", "denies"),
    ],
)
def test_unsupported_rewrites_are_rejected_with_a_reason(
    verifier: ClaimVerifier, sentence: str, reason: str
) -> None:
    verdict = verifier.check(sentence, PASSAGE, PUBLISHED)
    assert not verdict.supported
    assert reason.lower() in verdict.reason.lower()


def test_a_verbatim_sentence_is_located(verifier: ClaimVerifier) -> None:
    sentence = "The raid lasted 27 minutes."
    verdict = verifier.check(sentence, PASSAGE)
    assert verdict.supported
    assert PASSAGE[verdict.start : verdict.end] == sentence.rstrip(".")
