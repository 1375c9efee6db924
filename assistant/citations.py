"""Citations: each ``[n]`` an answerer wrote is verified against its passage by the claim
verifier (``assistant.verify``), and the records of the ones it accepts."""

from __future__ import annotations

import time
from dataclasses import dataclass

from assistant.records import Citation, Passage
from assistant.verify import ClaimVerifier, Verdict, default_verifier


@dataclass(frozen=True)
class DraftSentence:
    """One sentence an answerer wrote, with the 1-based numbers of the passages it cites."""

    text: str
    cites: tuple[int, ...]


class Citer:
    """Verifies an answer one sentence at a time, as it is written: ``add`` returns the
    sentence as it may be shown (its accepted ``[n]`` markers, numbered in order of
    appearance) or "" when no citation of it survives. What it returned never changes later.

    ``evidence`` replaces each passage's text for checking (same length, so offsets hold),
    e.g. with text that must never count as evidence blanked out.
    """

    def __init__(
        self,
        passages: list[Passage],
        verifier: ClaimVerifier | None = None,
        *,
        evidence: list[str] | None = None,
    ) -> None:
        if evidence is not None and [len(e) for e in evidence] != [len(p.text) for p in passages]:
            raise ValueError("evidence: one text per passage, each as long as the passage's")
        self.passages = passages
        self.verifier = verifier or default_verifier()
        self.evidence = evidence or [p.text for p in passages]
        self._citations: dict[tuple[str, int, int], Citation] = {}
        self.parts: list[str] = []
        self.seconds = 0.0  # spent verifying

    @property
    def citations(self) -> list[Citation]:
        """The accepted citations, numbered in order of appearance."""
        return list(self._citations.values())

    @property
    def text(self) -> str:
        """The sentences shown so far, with their markers."""
        return " ".join(self.parts)

    def add(self, sentence: DraftSentence) -> str:
        """Keep each citation of ``sentence`` the verifier accepts; the sentence with them, or
        "" when none is left (a sentence without a source is not shown)."""
        started = time.perf_counter()
        markers: list[int] = []
        for number in sentence.cites:
            if not 1 <= number <= len(self.passages):
                continue  # points at no retrieved passage
            passage = self.passages[number - 1]
            verdict = self.verifier.check(
                sentence.text, self.evidence[number - 1], passage.published
            )
            if not verdict.supported:
                continue
            key = (passage.chunk_id, verdict.start, verdict.end)
            if key not in self._citations:
                self._citations[key] = _citation(len(self._citations) + 1, passage, verdict)
            if self._citations[key].number not in markers:
                markers.append(self._citations[key].number)
        self.seconds += time.perf_counter() - started
        if not markers:
            return ""
        shown = sentence.text.strip() + " " + "".join(f"[{n}]" for n in markers)
        self.parts.append(shown)
        return shown


def verify(
    sentences: list[DraftSentence],
    passages: list[Passage],
    verifier: ClaimVerifier | None = None,
) -> tuple[str, list[Citation]]:
    """Keep each citation the verifier accepts, drop the rest, and drop sentences left with no
    citation: every claim in the answer carries a source. Returns the text with ``[n]`` markers
    renumbered in order of appearance and the citations they point to."""
    citer = Citer(passages, verifier)
    for sentence in sentences:
        citer.add(sentence)
    return citer.text, citer.citations


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
