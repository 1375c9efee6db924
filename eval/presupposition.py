"""How well what a question takes for granted tells answerable questions from unanswerable
ones: SQuAD 2.0 dev questions, each read against its own paragraph by the claim verifier.

Usage::

    rates = presupposition_rates(shared_data_dir() / "squad2", half="tune", limit=400)
    rates["unanswerable"].contradicted, rates["answerable"].contradicted
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from assistant import ClaimVerifier, presupposition
from eval.splits import Half, half_of
from eval.suites import load_squad, read_jsonl, sample_cases


@dataclass(frozen=True)
class PresuppositionRates:
    """For one group of questions: how many, the share whose presupposition the paragraph
    bears out, the share it contradicts, and the verdicts by the check that decided."""

    questions: int
    supported: float
    contradicted: float
    by_kind: dict[str, int]


def presupposition_rates(
    squad: Path, verifier: ClaimVerifier, *, half: Half, limit: int | None = None
) -> dict[str, PresuppositionRates]:
    """Rates for the ``answerable`` and ``unanswerable`` questions of ``half`` of SQuAD 2.0
    dev (a fixed sample of ``limit``), each checked against its own paragraph."""
    paragraphs = {p["id"]: p["text"] for p in read_jsonl(squad / "paragraphs.jsonl")}
    rows = {r["id"]: r for r in read_jsonl(squad / "questions-dev.jsonl")}
    cases = [c for c in load_squad(squad / "questions-dev.jsonl") if half_of(c.id) == half]
    verdicts: dict[str, list[tuple[bool, bool, str]]] = {"answerable": [], "unanswerable": []}
    for case in sample_cases(cases, limit):
        verdict = presupposition(case.question, paragraphs[rows[case.id]["paragraph_id"]], verifier)
        group = "answerable" if case.answerable else "unanswerable"
        verdicts[group].append((verdict.supported, verdict.contradicted, verdict.kind))
    return {
        group: PresuppositionRates(
            questions=len(found),
            supported=sum(s for s, _, _ in found) / max(len(found), 1),
            contradicted=sum(c for _, c, _ in found) / max(len(found), 1),
            by_kind=dict(Counter(kind for _, _, kind in found).most_common()),
        )
        for group, found in verdicts.items()
    }


def as_json(rates: dict[str, PresuppositionRates]) -> str:
    """The rates as indented JSON, for the command's output."""
    return json.dumps({group: vars(r) for group, r in rates.items()}, indent=2)
