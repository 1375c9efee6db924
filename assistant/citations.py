"""Citations: the checker that verifies each ``[n]`` against its passage, and the records built
from what it verifies."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from assistant.claims import Claim, claim_of, contradicts
from assistant.records import Citation, Passage
from index.sentences import sentence_spans

MIN_COVERAGE = 0.5


@dataclass(frozen=True)
class Verdict:
    """Whether a passage supports a sentence; ``start``/``end`` locate the supporting span in
    the passage text, ``reason`` says why not."""

    supported: bool
    reason: str
    start: int = 0
    end: int = 0
    coverage: float = 0.0


def _windows(passage: str) -> list[tuple[int, int]]:
    spans = sentence_spans(passage) or [(0, len(passage))]
    pairs = [(a[0], b[1]) for a, b in pairwise(spans)]
    return spans + pairs


def check(sentence: str, passage: str) -> Verdict:
    """Verify that ``passage`` supports ``sentence``.

    The evidence is the passage sentence (or pair of adjacent sentences) that shares most of
    the sentence's content words. It must cover at least half of them, contain every number,
    date and name the sentence states, and agree on negation: a sentence whose evidence says
    the opposite is not supported.
    """
    claim = claim_of(sentence)
    if not claim.terms:
        return Verdict(False, "the sentence states nothing checkable")
    best: tuple[float, int, int, int] | None = None
    for start, end in _windows(passage):
        evidence = claim_of(passage[start:end])
        coverage = len(claim.terms & evidence.terms) / len(claim.terms)
        key = (coverage, -(end - start), start, end)
        if best is None or key > best:
            best = key
    assert best is not None
    coverage, _, start, end = best
    evidence = claim_of(passage[start:end])
    reason = _mismatch(claim, evidence, coverage)
    return Verdict(reason is None, reason or "supported", start, end, coverage)


def _mismatch(claim: Claim, evidence: Claim, coverage: float) -> str | None:
    if coverage < MIN_COVERAGE:
        return f"the passage shares only {coverage:.0%} of the sentence's content words"
    for kind, stated, found in (
        ("number", claim.numbers, evidence.numbers),
        ("date", claim.dates, evidence.dates),
        ("name", claim.names, evidence.names | evidence.terms),
    ):
        missing = sorted(stated - found)
        if missing:
            return f"{kind} {', '.join(missing)} not in the passage"
    if claim.negated != evidence.negated:
        return (
            "the passage says the opposite"
            if evidence.negated
            else "the sentence negates the passage"
        )
    return contradicts(claim, evidence)


@dataclass(frozen=True)
class DraftSentence:
    """One sentence an answerer wrote, with the 1-based numbers of the passages it cites."""

    text: str
    cites: tuple[int, ...]


def verify(sentences: list[DraftSentence], passages: list[Passage]) -> tuple[str, list[Citation]]:
    """Keep each citation the checker verifies, drop the rest, and drop sentences left with no
    citation: every claim in the answer carries a source. Returns the text with ``[n]`` markers
    renumbered in order of appearance and the citations they point to."""
    citations: dict[tuple[str, int, int], Citation] = {}
    parts: list[str] = []
    for sentence in sentences:
        markers: list[int] = []
        for number in sentence.cites:
            if not 1 <= number <= len(passages):
                continue  # points at no retrieved passage
            passage = passages[number - 1]
            verdict = check(sentence.text, passage.text)
            if not verdict.supported:
                continue
            key = (passage.chunk_id, verdict.start, verdict.end)
            if key not in citations:
                citations[key] = _citation(len(citations) + 1, passage, verdict)
            if citations[key].number not in markers:
                markers.append(citations[key].number)
        if markers:
            parts.append(sentence.text.strip() + " " + "".join(f"[{n}]" for n in markers))
    return " ".join(parts), list(citations.values())


def _citation(number: int, passage: Passage, verdict: Verdict) -> Citation:
    quote = passage.text[verdict.start : verdict.end]
    return Citation(
        number=number,
        article_id=passage.article_id,
        title=passage.title,
        outlet=passage.outlet,
        published=passage.published,
        url=passage.url,
        quote=quote,
        quote_start=passage.start + verdict.start,
        quote_end=passage.start + verdict.end,
        chunk_id=passage.chunk_id,
        chunk_text=passage.text,
        chunk_start=passage.start,
        score=passage.score,
    )
