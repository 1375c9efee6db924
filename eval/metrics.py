"""Metrics without an LLM judge: retrieval, answers, citations, refusals, latency, and the
checker itself, each with a 95% bootstrap interval.

A case's answer is scored into a ``Row``; the summary metrics are ratios of per-row
numerators and denominators (or percentiles of per-row latencies), so the bootstrap resamples
cases and recomputes each metric exactly as the point estimate is computed.
"""

from __future__ import annotations

import re
import string
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import numpy as np
from pydantic import BaseModel, Field

from assistant import Answer, Passage, check
from eval.suites import Case, canonical_url

RESAMPLES = 1000
SEED = 0
TOP_K = 10
LATENCY_STAGES = ("total", "retrieve", "answer", "verify")
# Metrics where a smaller value is better; the rest are rates where larger is better.
LOWER_IS_BETTER = frozenset(
    {"false_refusal"} | {f"latency_{s}_{p}" for s in LATENCY_STAGES for p in ("p50", "p95")}
)
_MARKER = re.compile(r"\s*\[\d+\]")
_ARTICLES = re.compile(r"\b(a|an|the)\b")


class Retrieved(BaseModel):
    """One retrieved chunk of a case's top-10 ranking and whether it is gold evidence."""

    rank: int
    chunk_id: str
    url: str
    title: str
    start: int
    end: int
    relevant: bool


class Cited(BaseModel):
    """One citation of an answer and whether its quote is gold evidence."""

    number: int
    url: str
    title: str
    quote: str
    quote_start: int
    quote_end: int
    relevant: bool


class Row(BaseModel):
    """A scored case: what was asked, answered, cited and retrieved, each metric that applies
    to it (``metrics``), and why it failed (``why``)."""

    id: str
    type: str
    question: str
    turns: list[str] = Field(default_factory=list)
    as_of: date | None = None
    answerable: bool
    has_gold: bool
    answers: list[str] = Field(default_factory=list)
    answer: str = ""
    refused: bool = False
    # Who wrote the answer ("llm", or "grounded" also when it stood in for a failed model) and
    # why it stood in (``Answer.notice``).
    answerer: str = ""
    notice: str = ""
    passages_read: int = 0
    citations: list[Cited] = Field(default_factory=list)
    retrieved: list[Retrieved] = Field(default_factory=list)
    first_relevant_rank: int | None = None
    token_f1: float | None = None
    contains_gold: bool | None = None
    timings: dict[str, float] = Field(default_factory=dict)
    metrics: dict[str, float] = Field(default_factory=dict)
    why: list[str] = Field(default_factory=list)
    error: str | None = None


class Estimate(BaseModel):
    """A metric's value over a run, its 95% bootstrap interval, and the cases it counts."""

    value: float | None
    low: float | None
    high: float | None
    n: int


# --- answers ----------------------------------------------------------------------------


def normalize_answer(text: str) -> str:
    """SQuAD normalisation, Unicode-aware: lower case, punctuation (curly quotes too) and the
    articles a/an/the removed, whitespace collapsed."""
    lowered = unicodedata.normalize("NFKC", text).lower()
    kept = "".join(
        " " if unicodedata.category(ch).startswith("P") or ch in string.punctuation else ch
        for ch in lowered
    )
    return " ".join(_ARTICLES.sub(" ", kept).split())


def answer_text(answer: str) -> str:
    """The answer without its ``[n]`` citation markers, which are not words of the answer."""
    return _MARKER.sub("", answer)


def contains_gold(answer: str, aliases: Iterable[str]) -> bool:
    """Whether any normalised alias appears, as whole words, in the normalised answer."""
    said = f" {normalize_answer(answer_text(answer))} "
    return any(f" {gold} " in said for gold in map(normalize_answer, aliases) if gold)


def token_f1(answer: str, aliases: Iterable[str]) -> float:
    """SQuAD token F1 of the answer against its best-matching alias."""
    said = normalize_answer(answer_text(answer)).split()
    best = 0.0
    for alias in aliases:
        gold = normalize_answer(alias).split()
        common = sum((Counter(said) & Counter(gold)).values())
        if common:
            precision, recall = common / len(said), common / len(gold)
            best = max(best, 2 * precision * recall / (precision + recall))
    return best


# --- relevance --------------------------------------------------------------------------


def is_relevant(case: Case, url: str, start: int, end: int) -> bool:
    """Whether the article text ``[start, end)`` at ``url`` is gold evidence for ``case``: it
    overlaps a gold span of the same article, or (without spans) the article is a gold one."""
    url = canonical_url(url)
    if case.gold_spans:
        return any(s.url == url and start < s.end and s.start < end for s in case.gold_spans)
    return url in case.gold_urls


def first_relevant_rank(retrieved: list[Retrieved]) -> int | None:
    """Rank (1-based) of the first gold chunk in the top ``TOP_K``, None when there is none."""
    return next((r.rank for r in retrieved if r.relevant and r.rank <= TOP_K), None)


# --- scoring one case -------------------------------------------------------------------


def score_case(case: Case, answer: Answer, ranking: list[Passage]) -> Row:
    """Score ``answer`` to ``case`` and the retrieval ``ranking`` (best first) for its question."""
    retrieved = [
        Retrieved(
            rank=rank,
            chunk_id=p.chunk_id,
            url=p.url,
            title=p.title,
            start=p.start,
            end=p.end,
            relevant=case.has_gold and is_relevant(case, p.url, p.start, p.end),
        )
        for rank, p in enumerate(ranking[:TOP_K], start=1)
    ]
    cited = [
        Cited(
            number=c.number,
            url=c.url,
            title=c.title,
            quote=c.quote,
            quote_start=c.quote_start,
            quote_end=c.quote_end,
            relevant=case.has_gold and is_relevant(case, c.url, c.quote_start, c.quote_end),
        )
        for c in answer.citations
    ]
    row = _row(
        case,
        answer=answer.text,
        refused=answer.refused,
        answerer=answer.answerer,
        notice=answer.notice,
        passages_read=len(answer.passages),
        citations=cited,
        retrieved=retrieved,
        first_relevant_rank=first_relevant_rank(retrieved),
        timings=answer.timings,
    )
    if case.answerable:
        said = "" if answer.refused else answer.text
        row.contains_gold = contains_gold(said, case.answers)
        row.token_f1 = token_f1(said, case.answers)
    row.metrics = row_metrics(row)
    row.why = why(row, span_level=bool(case.gold_spans))
    return row


def _row(case: Case, **outcome: Any) -> Row:
    return Row(
        id=case.id,
        type=case.type,
        question=case.question,
        turns=case.turns,
        as_of=case.as_of,
        answerable=case.answerable,
        has_gold=case.has_gold,
        answers=case.answers,
        **outcome,
    )


def failed_row(case: Case, error: Exception) -> Row:
    """A case the assistant raised on: scored as a refusal with nothing retrieved."""
    row = _row(
        case,
        refused=True,
        contains_gold=False if case.answerable else None,
        token_f1=0.0 if case.answerable else None,
        error=f"{type(error).__name__}: {error}",
    )
    row.metrics = row_metrics(row)
    row.why = [f"error: {row.error}"]
    return row


def why(row: Row, *, span_level: bool) -> list[str]:
    """Why a case failed, one reason per failed metric; empty when it passed."""
    evidence = "overlaps the gold span" if span_level else "is from a gold article"
    reasons = []
    rank = row.first_relevant_rank
    if row.has_gold and rank is None:
        reasons.append(f"no retrieved chunk {evidence}")
    elif row.has_gold and rank is not None and rank > row.passages_read:
        reasons.append(
            f"the first gold chunk is at rank {rank}, below the {row.passages_read} passages read"
        )
    if row.answerable and row.refused:
        reasons.append("refused an answerable question")
    elif row.answerable:
        if not row.contains_gold:
            reasons.append("answer lacks gold string")
        if row.has_gold and not any(c.relevant for c in row.citations):
            reasons.append(f"no citation {evidence}")
    elif not row.refused:
        reasons.append("answered an unanswerable question")
    return reasons


# --- metrics over rows ------------------------------------------------------------------

Ratio = Callable[[Row], tuple[float, float] | None]


def _ranked(k: int) -> Ratio:
    def hit(row: Row) -> tuple[float, float] | None:
        rank = row.first_relevant_rank
        return (float(rank is not None and rank <= k), 1.0) if row.has_gold else None

    return hit


def _reciprocal_rank(row: Row) -> tuple[float, float] | None:
    rank = row.first_relevant_rank
    return (1.0 / rank if rank else 0.0, 1.0) if row.has_gold else None


def _contains(row: Row) -> tuple[float, float] | None:
    return (float(bool(row.contains_gold)), 1.0) if row.answerable else None


def _f1(row: Row) -> tuple[float, float] | None:
    return (row.token_f1 or 0.0, 1.0) if row.answerable else None


def _citation_precision(row: Row) -> tuple[float, float] | None:
    if not row.has_gold or not row.citations:
        return None
    return float(sum(c.relevant for c in row.citations)), float(len(row.citations))


def _citation_recall(row: Row) -> tuple[float, float] | None:
    if not row.has_gold or row.refused:
        return None
    return float(any(c.relevant for c in row.citations)), 1.0


def _correct_refusal(row: Row) -> tuple[float, float] | None:
    return None if row.answerable else (float(row.refused), 1.0)


def _false_refusal(row: Row) -> tuple[float, float] | None:
    return (float(row.refused), 1.0) if row.answerable else None


# name -> (numerator, denominator) of one row, None when the metric does not apply to it.
RATIOS: dict[str, Ratio] = {
    "hit@1": _ranked(1),
    "hit@4": _ranked(4),
    "hit@10": _ranked(10),
    "mrr@10": _reciprocal_rank,
    "answer_contains": _contains,
    "answer_f1": _f1,
    "citation_precision": _citation_precision,
    "citation_recall": _citation_recall,
    "correct_refusal": _correct_refusal,
    "false_refusal": _false_refusal,
}
PERCENTILES = {
    f"latency_{stage}_{name}": (stage, q)
    for stage in LATENCY_STAGES
    for name, q in (("p50", 50.0), ("p95", 95.0))
}
METRICS = (*RATIOS, *PERCENTILES)


def row_metrics(row: Row) -> dict[str, float]:
    """The ratio metrics that apply to one row, as that row's own value."""
    values = {}
    for name, ratio in RATIOS.items():
        pair = ratio(row)
        if pair is not None and pair[1]:
            values[name] = pair[0] / pair[1]
    return values


def bootstrap_indices(n: int, resamples: int = RESAMPLES, seed: int = SEED) -> np.ndarray:
    """``resamples`` x ``n`` row indices drawn with replacement, the same for a given seed."""
    return np.random.default_rng(seed).integers(0, n, size=(resamples, n))


def _arrays(rows: list[Row], name: str) -> tuple[np.ndarray, np.ndarray] | np.ndarray:
    if name in RATIOS:
        pairs = [RATIOS[name](r) or (0.0, 0.0) for r in rows]
        return np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
    stage, _ = PERCENTILES[name]
    return np.array([r.timings.get(stage, np.nan) for r in rows], dtype=float)


def value(rows: list[Row], name: str) -> float | None:
    """The metric ``name`` over ``rows``; None when it applies to none of them."""
    arrays = _arrays(rows, name)
    if isinstance(arrays, tuple):
        nums, dens = arrays
        return float(nums.sum() / dens.sum()) if dens.sum() else None
    present = arrays[~np.isnan(arrays)]
    return float(np.percentile(present, PERCENTILES[name][1])) if present.size else None


def resampled(rows: list[Row], name: str, indices: np.ndarray) -> np.ndarray:
    """The metric recomputed on each resample of ``rows`` (NaN where it applies to none)."""
    arrays = _arrays(rows, name)
    with np.errstate(invalid="ignore", divide="ignore"):
        if isinstance(arrays, tuple):
            nums, dens = arrays
            return np.asarray(nums[indices].sum(axis=1) / dens[indices].sum(axis=1))
        samples = arrays[indices]
        out = np.full(len(indices), np.nan)
        filled = ~np.isnan(samples).all(axis=1)
        if filled.any():
            out[filled] = np.nanpercentile(samples[filled], PERCENTILES[name][1], axis=1)
        return out


def interval(samples: np.ndarray) -> tuple[float | None, float | None]:
    """The central 95% of bootstrap ``samples``, ignoring resamples where it was undefined."""
    present = samples[~np.isnan(samples)]
    if not present.size:
        return None, None
    low, high = np.percentile(present, [2.5, 97.5])
    return float(low), float(high)


def count(rows: list[Row], name: str) -> int:
    """How many rows the metric counts."""
    if name in RATIOS:
        return sum(1 for r in rows if RATIOS[name](r) is not None)
    stage, _ = PERCENTILES[name]
    return sum(1 for r in rows if stage in r.timings)


def summarize(rows: list[Row]) -> dict[str, Estimate]:
    """Every metric over ``rows`` with its 95% bootstrap interval (1000 resamples, fixed seed)."""
    if not rows:
        return {name: Estimate(value=None, low=None, high=None, n=0) for name in METRICS}
    indices = bootstrap_indices(len(rows))
    summary = {}
    for name in METRICS:
        low, high = interval(resampled(rows, name, indices))
        summary[name] = Estimate(value=value(rows, name), low=low, high=high, n=count(rows, name))
    return summary


def by_type(rows: list[Row]) -> dict[str, dict[str, Estimate]]:
    """``summarize`` for each question type."""
    types = sorted({r.type for r in rows})
    return {t: summarize([r for r in rows if r.type == t]) for t in types}


# --- the checker ------------------------------------------------------------------------


class CheckedPair(BaseModel):
    """A labelled sentence-passage pair and the checker's verdict on it."""

    id: str
    kind: str
    supported: bool
    accepted: bool
    reason: str
    seconds: float = 0.0


def checker_metrics(pairs: list[dict[str, Any]]) -> tuple[dict[str, Estimate], list[CheckedPair]]:
    """Run the citation checker on labelled pairs (``sentence``, ``passage``, ``label``
    supported/unsupported, ``kind``). Returns precision and recall of its "supported" verdicts,
    its acceptance rate of supported pairs (= recall) and rejection rate of unsupported ones,
    with bootstrap intervals, and every verdict."""
    if not pairs:
        raise ValueError("pairs: give at least one labelled pair")
    checked = []
    for pair in pairs:
        published = date.fromisoformat(pair["published"]) if pair.get("published") else None
        started = time.perf_counter()
        verdict = check(pair["sentence"], pair["passage"], published)
        checked.append(
            CheckedPair(
                id=pair["id"],
                kind=pair["kind"],
                supported=pair["label"] == "supported",
                accepted=verdict.supported,
                reason=verdict.reason,
                seconds=time.perf_counter() - started,
            )
        )
    truth = np.array([c.supported for c in checked], dtype=float)
    said = np.array([c.accepted for c in checked], dtype=float)
    # Each metric as numerator and denominator per pair, resampled like the run metrics.
    parts = {
        "precision": (truth * said, said),
        "recall": (truth * said, truth),
        "rejection_of_unsupported": ((1 - truth) * (1 - said), 1 - truth),
    }
    indices = bootstrap_indices(len(checked))
    summary = {}
    for name, (nums, dens) in parts.items():
        with np.errstate(invalid="ignore", divide="ignore"):
            samples = nums[indices].sum(axis=1) / dens[indices].sum(axis=1)
        low, high = interval(np.asarray(samples))
        point = float(nums.sum() / dens.sum()) if dens.sum() else None
        summary[name] = Estimate(value=point, low=low, high=high, n=int(dens.sum()))
    summary["acceptance_of_supported"] = summary["recall"]
    return summary, checked
