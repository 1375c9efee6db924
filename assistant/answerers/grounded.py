"""The default answerer: no LLM, no server. It picks the sentences of the retrieved passages
that best answer the question and cites each one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.answer_type import holds, wanted
from assistant.answerers.base import Draft
from assistant.citations import DraftSentence
from assistant.claims import claim_of, content_terms
from assistant.records import Passage
from index.sentences import sentence_spans

# What a sentence looks like when it answers each kind of question.
_CUES: dict[str, re.Pattern[str]] = {
    "why": re.compile(
        r"\b(because|in (retaliation|response)|to (protect|disrupt|deter|stop|prevent)|"
        r"due to|reason|amid|aimed at|so that|in order to)\b",
        re.I,
    ),
    "when": re.compile(
        r"\b(january|february|march|april|may|june|july|august|september|october|november|"
        r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|"
        r"\d{4}|ago|last (week|month|year))\b",
        re.I,
    ),
    "how many": re.compile(
        r"\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|"
        r"dozens?|hundreds?|thousands?|millions?)\b",
        re.I,
    ),
    "where": re.compile(r"\b(in|at|near|outside|from) (the )?[A-Z]"),
    "who": re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+|\b(president|minister|leader|official|said)\b"),
}


def question_kind(question: str) -> str:
    """why / when / how many / where / who, or "what" for the rest."""
    lower = question.lower()
    for kind, pattern in (
        ("how many", r"\bhow (many|much)\b"),
        ("why", r"\bwhy\b|\breason\b"),
        ("when", r"\bwhen\b|\bwhat (date|day|year|month|time)\b"),
        ("where", r"\bwhere\b"),
        ("who", r"\bwho(m|se)?\b"),
    ):
        if re.search(pattern, lower):
            return kind
    return "what"


@dataclass(frozen=True)
class _Candidate:
    passage: int
    text: str
    similarity: float
    overlap: float
    support: float


class GroundedAnswerer:
    """Scores each sentence of the passages by meaning (embedding similarity to the question),
    words in common, and whether it has the shape of an answer (a cause for "why", a date for
    "when"...). The best ones, verbatim and cited, are the answer; when the best support is
    below ``min_support`` it declines.
    """

    name = "grounded"

    def __init__(
        self, embedder: Embeddings, *, max_sentences: int = 2, min_support: float = 0.42
    ) -> None:
        self.embedder = embedder
        self.max_sentences = max_sentences
        self.min_support = min_support

    def candidates(
        self, question: str, passages: list[Passage], context: str = ""
    ) -> list[_Candidate]:
        """Every sentence of the passages with its scores, best first."""
        found: list[tuple[int, str]] = []
        offsets: dict[str, int] = {}
        for number, passage in enumerate(passages, start=1):
            spans = sentence_spans(passage.text)
            for position, (start, end) in enumerate(spans):
                if position and _LEANS_ON_CONTEXT.match(passage.text[start:end]):
                    # "Those strikes were..." is read with the sentence it points back to.
                    start = spans[position - 1][0]
                sentence = " ".join(passage.text[start:end].split())
                # A question in a passage (a quiz, a headline) echoes the asker; it answers nothing.
                asks = sentence.rstrip("\"'”’ )").endswith("?")
                if sentence not in offsets and len(sentence) > 20 and not asks:
                    offsets[sentence] = passage.start + start
                    found.append((number, sentence))
        if not found:
            return []
        asked = content_terms(question)
        recalled = content_terms(context) - asked
        # A follow-up ("Was anyone hurt?") means little alone: compare with what it follows.
        asked_in_full = f"{context} {question}" if context else question
        vectors = np.array(self.embedder.embed_documents([asked_in_full] + [s for _, s in found]))
        similarities = vectors[1:] @ vectors[0]
        cue = _CUES.get(question_kind(question))
        question_months = _months(question)
        context_months = _months(context)
        scored = []
        for (number, sentence), similarity in zip(found, similarities, strict=True):
            # "June 2021" in a question scopes the story; an article published then satisfies it.
            terms = claim_of(sentence).terms | _dated(passages[number - 1].published)
            overlap = len(asked & terms) / len(asked) if asked else 0.0
            if recalled:
                overlap = 0.8 * overlap + 0.2 * len(recalled & terms) / len(recalled)
            support = 0.55 * float(similarity) + 0.45 * overlap
            if cue and cue.search(sentence):
                support += 0.1
            support += 0.03 / passages[number - 1].rank
            if _LEANS_ON_CONTEXT.match(sentence):
                support -= 0.06  # "Those strikes..." means other strikes than the question's
            if _other_time(question_months, context_months, sentence):
                support -= 0.12
            if offsets.get(sentence) == 0:
                support += 0.04  # a story's first sentence summarises it
            scored.append(_Candidate(number, sentence, float(similarity), overlap, support))
        return sorted(scored, key=lambda c: -c.support)

    def draft(self, question: str, passages: list[Passage], *, context: str = "") -> Draft:
        """The best sentences, each citing its passage, or an empty draft to decline."""
        ranked = self.candidates(question, passages, context)
        want = wanted(question)
        if want is not None:
            ranked = [c for c in ranked if holds(c.text, want)]
        if not ranked or ranked[0].support < self.min_support:
            return Draft([], ranked[0].support if ranked else 0.0)
        chosen = [ranked[0]]
        for candidate in ranked[1:]:
            if len(chosen) >= self.max_sentences or candidate.support < 0.9 * ranked[0].support:
                break
            # Out of its paragraph, "Those strikes..." would read as being about the first answer.
            if _LEANS_ON_CONTEXT.match(candidate.text):
                continue
            if all(_distinct(candidate.text, c.text) for c in chosen):
                chosen.append(candidate)
        return Draft(
            [DraftSentence(c.text, (c.passage,)) for c in chosen], support=ranked[0].support
        )


_LEANS_ON_CONTEXT = re.compile(r"^(those|these|they|it|this|that|the same|he|she)\b", re.I)
_MONTH = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december)\b",
    re.I,
)


def _months(text: str) -> set[str]:
    return {m.lower() for m in _MONTH.findall(text)}


def _other_time(question_months: set[str], context_months: set[str], sentence: str) -> bool:
    """The sentence is about another time than the one asked for: the question names a month
    and the sentence speaks of other months only, or a follow-up names none and the sentence
    speaks only of the months the conversation already covered ("the strike before that")."""
    months = _months(sentence)
    if not months:
        return False
    if question_months:
        return not months & question_months
    return bool(context_months) and months <= context_months


def _dated(published: date | None) -> set[str]:
    if published is None:
        return set()
    return content_terms(published.strftime("%B %Y"))


def _distinct(a: str, b: str) -> bool:
    terms_a, terms_b = claim_of(a).terms, claim_of(b).terms
    shared = len(terms_a & terms_b) / max(1, min(len(terms_a), len(terms_b)))
    return shared < 0.6
