"""The citation checker on the labelled pairs of eval/gold/checker_pairs.jsonl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.metrics import CheckedPair, Estimate, checker_metrics

PAIRS = Path(__file__).resolve().parents[2] / "eval" / "gold" / "checker_pairs.jsonl"


@pytest.fixture(scope="module")
def scored() -> tuple[dict[str, Estimate], list[CheckedPair]]:
    lines = PAIRS.read_text(encoding="utf-8").splitlines()
    return checker_metrics([json.loads(line) for line in lines if line.strip()])


def test_checker_rejects_negatives(scored: tuple[dict[str, Estimate], list[CheckedPair]]) -> None:
    summary, checked = scored
    accepted = [f"{c.id} ({c.kind})" for c in checked if not c.supported and c.accepted]
    assert (summary["rejection_of_unsupported"].value or 0) >= 0.95, accepted


def test_checker_accepts_supported(scored: tuple[dict[str, Estimate], list[CheckedPair]]) -> None:
    summary, checked = scored
    rejected = [f"{c.id}: {c.reason}" for c in checked if c.supported and not c.accepted]
    assert (summary["acceptance_of_supported"].value or 0) >= 0.90, rejected
