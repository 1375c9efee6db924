"""Citations: each ``[n]`` an answerer wrote is verified against its passage by the claim
verifier (``assistant.verify``), and the records of the ones it accepts."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.records import Citation, Passage
from assistant.verify import ClaimVerifier, Verdict, default_verifier


@dataclass(frozen=True)
class DraftSentence:
    """One sentence an answerer wrote, with the 1-based numbers of the passages it cites."""

    text: str
    cites: tuple[int, ...]


def verify(
    sentences: list[DraftSentence],
    passages: list[Passage],
    verifier: ClaimVerifier | None = None,
) -> tuple[str, list[Citation]]:
    """Keep each citation the verifier accepts, drop the rest, and drop sentences left with no
    citation: every claim in the answer carries a source. Returns the text with ``[n]`` markers
    renumbered in order of appearance and the citations they point to."""
    verifier = verifier or default_verifier()
    citations: dict[tuple[str, int, int], Citation] = {}
    parts: list[str] = []
    for sentence in sentences:
        markers: list[int] = []
        for number in sentence.cites:
            if not 1 <= number <= len(passages):
                continue  # points at no retrieved passage
            passage = passages[number - 1]
            verdict = verifier.check(sentence.text, passage.text, passage.published)
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
