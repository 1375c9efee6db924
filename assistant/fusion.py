"""Fusing rankings: the dense and BM25 scores into one per chunk, and the passages of a
question's parts into one list."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from typing import TypeVar

Ranking = Sequence[tuple[str, float]]
T = TypeVar("T")


def merge(rankings: Sequence[Ranking]) -> list[tuple[str, float]]:
    """One ranking from several of the same scorer (same scale): each id keeps its best score."""
    best: dict[str, float] = {}
    for ranking in rankings:
        for chunk_id, score in ranking:
            best[chunk_id] = max(score, best.get(chunk_id, score))
    return sorted(best.items(), key=lambda item: -item[1])


def standardise(ranking: Ranking) -> tuple[dict[str, float], float]:
    """Each id's score as standard deviations from the ranking's mean, and the lowest of them
    (what an id missing from the ranking is given)."""
    scores = [score for _, score in ranking]
    mean = statistics.fmean(scores)
    spread = statistics.pstdev(scores) or 1.0
    z = {chunk_id: (score - mean) / spread for chunk_id, score in ranking}
    return z, min(z.values())


def zscore_fusion(weighted: Sequence[tuple[float, Ranking]]) -> dict[str, float]:
    """Weighted sum of each ranking's standardised scores.

    Unlike reciprocal rank fusion this keeps how far ahead a candidate is, which matters when
    BM25 is sure and the embedder is not (measured on SQuAD 2.0 dev: Hit@1 0.82 against 0.76).
    A candidate missing from a ranking gets that ranking's lowest standardised score.
    """
    standardised = [(weight, *standardise(ranking)) for weight, ranking in weighted if ranking]
    # In the rankings' order, not a set's: a set of strings iterates in another order in each
    # process, and candidates tied on the fused score would then rank differently from run to
    # run ("When was Zia-ul-Haq killed?" drew on another 20th chunk in one run in two).
    ids = dict.fromkeys(chunk_id for _, z, _ in standardised for chunk_id in z)
    return {
        chunk_id: sum(weight * z.get(chunk_id, floor) for weight, z, floor in standardised)
        for chunk_id in ids
    }


def rrf_fusion(weighted: Sequence[tuple[float, Ranking]], k: int) -> dict[str, float]:
    """Weighted reciprocal rank fusion: ``sum(weight / (k + rank))``."""
    fused: dict[str, float] = {}
    for weight, ranking in weighted:
        for rank, (chunk_id, _) in enumerate(ranking, start=1):
            fused[chunk_id] = fused.get(chunk_id, 0.0) + weight / (k + rank)
    return fused


def interleave(rankings: Sequence[Sequence[T]], key: Callable[[T], str], limit: int) -> list[T]:
    """Up to ``limit`` items taken from each ranking in turn (the first of each, then the
    second of each, ...), each ``key`` once: every part of a comparison keeps its best."""
    merged: list[T] = []
    seen: set[str] = set()
    for depth in range(max((len(r) for r in rankings), default=0)):
        for ranking in rankings:
            if depth < len(ranking) and key(ranking[depth]) not in seen and len(merged) < limit:
                seen.add(key(ranking[depth]))
                merged.append(ranking[depth])
    return merged
