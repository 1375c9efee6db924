"""The claim verifier on labelled pairs: the regression set it grew from, and the test half of
the pairs written independently of it; a bag-of-words checker fails the same floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.text import content_terms
from eval.cli import CHECKER_FLOORS
from eval.metrics import CheckedPair, Estimate, checker_metrics

pytestmark = pytest.mark.slow

GOLD = Path(__file__).resolve().parents[2] / "eval" / "gold"
Scored = tuple[dict[str, Estimate], list[CheckedPair]]


def _pairs(name: str) -> list[dict[str, str]]:
    lines = (GOLD / name).read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    return [r for r in records if r.get("split", "test") == "test"]


@pytest.mark.parametrize("name", sorted(CHECKER_FLOORS))
def test_verifier_meets_the_floors_of_each_pair_set(name: str) -> None:
    summary, checked = checker_metrics(_pairs(name))
    rejection_floor, acceptance_floor = CHECKER_FLOORS[name]
    accepted = [f"{c.id} ({c.kind})" for c in checked if not c.supported and c.accepted]
    rejected = [f"{c.id}: {c.reason}" for c in checked if c.supported and not c.accepted]
    assert (summary["rejection_of_unsupported"].value or 0) >= rejection_floor, accepted
    assert (summary["acceptance_of_supported"].value or 0) >= acceptance_floor, rejected


def test_a_bag_of_words_checker_fails_the_floors() -> None:
    # What the first checker was at heart: enough shared content words means supported.
    pairs = _pairs("verifier_pairs.jsonl")
    unsupported = [p for p in pairs if p["label"] == "unsupported"]

    def shared(pair: dict[str, str]) -> float:
        claim = content_terms(pair["sentence"])
        return len(claim & content_terms(pair["passage"])) / max(len(claim), 1)

    rejection = sum(shared(p) < 0.5 for p in unsupported) / len(unsupported)
    assert rejection < CHECKER_FLOORS["verifier_pairs.jsonl"][0]
