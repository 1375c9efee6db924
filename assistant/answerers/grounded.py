"""The default answerer: no LLM, no server. It picks the sentences of the retrieved passages
most likely to answer the question, by the fitted answerability model, and cites each one.

Usage::

    answerer = GroundedAnswerer(embedder)
    draft = answerer.draft("Why did the US strike?", passages)
    draft.sentences[0].text, draft.support   # a verbatim sentence, its probability of answering
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.answer_type import holds, wanted
from assistant.answerability import (
    LEANS_ON_CONTEXT,
    AnswerabilityModel,
    Features,
    features,
    load_model,
)
from assistant.answerers.base import Draft
from assistant.citations import DraftSentence
from assistant.records import Passage
from assistant.text import content_terms, question_kind
from index.sentences import sentence_spans

# A second sentence joins the answer when its probability is at least this share of the best
# one's: below it, the second sentence is more often a distractor than a complement
# (gold suite: citation precision falls with 0.5, recall gains nothing above 0.8).
SECOND_SENTENCE_SHARE = 0.8
# Sentences shorter than this are headings, bylines or fragments, never answers.
MIN_SENTENCE_CHARS = 20


@dataclass(frozen=True)
class Candidate:
    """One sentence of the passages as a possible answer."""

    passage: int
    text: str
    features: Features
    probability: float


class GroundedAnswerer:
    """Scores each sentence of the passages with the answerability model; the best ones,
    verbatim and cited, are the answer. When the best probability is under
    ``min_confidence`` (default: the model's own threshold, chosen on a tune split) it declines.
    """

    name = "grounded"

    def __init__(
        self,
        embedder: Embeddings,
        *,
        max_sentences: int = 2,
        min_confidence: float | None = None,
        model: AnswerabilityModel | None = None,
    ) -> None:
        if max_sentences < 1:
            raise ValueError(f"max_sentences: {max_sentences}; an answer needs at least 1")
        self.embedder = embedder
        self.max_sentences = max_sentences
        self.model = model or load_model()
        self.min_confidence = (
            self.model.threshold if min_confidence is None else float(min_confidence)
        )

    def candidates(
        self, question: str, passages: list[Passage], context: str = ""
    ) -> list[Candidate]:
        """Every sentence of the passages that could answer, with its features and
        probability, best first.

        A count is answered only by a sentence with a count in it, an amount by one with
        money: a topical sentence without one is no answer, however close.
        """
        found = self._sentences(passages)
        want = wanted(question)
        if want is not None:
            found = [f for f in found if holds(f[2], want)]
        if not found:
            return []
        # A follow-up ("Was anyone hurt?") means little alone: compare with what it follows.
        asked = f"{context} {question}" if context else question
        similarities = self._similarities(asked, found)
        scored = []
        for (number, position, sentence), similarity in zip(found, similarities, strict=True):
            passage = passages[number - 1]
            found_features = features(
                asked,
                sentence,
                passage.text,
                similarity=similarity,
                rank=passage.rank,
                lead=passage.start == 0 and position == 0,
                published=passage.published,
                context=context,
            )
            probability = self.model.probability(found_features)
            scored.append(Candidate(number, sentence, found_features, probability))
        return sorted(scored, key=lambda c: -c.probability)

    def draft(self, question: str, passages: list[Passage], *, context: str = "") -> Draft:
        """The best sentences, each citing its passage, or an empty draft to decline."""
        ranked = self.candidates(question, passages, context)
        confidence = self.confidence(ranked)
        if not ranked or confidence < self.min_confidence:
            return Draft([], confidence, missing=_missing(question, ranked, passages))
        chosen = [ranked[0]]
        for candidate in ranked[1:]:
            if len(chosen) >= self.max_sentences:
                break
            if candidate.probability < SECOND_SENTENCE_SHARE * ranked[0].probability:
                break
            # Out of its paragraph, "Those strikes..." would read as being about the first answer.
            if LEANS_ON_CONTEXT.match(candidate.text):
                continue
            if all(_distinct(candidate.text, c.text) for c in chosen):
                chosen.append(candidate)
        return Draft([DraftSentence(c.text, (c.passage,)) for c in chosen], support=confidence)

    def confidence(self, ranked: list[Candidate]) -> float:
        """The probability that the best of ``ranked`` answers the question."""
        if not ranked:
            return 0.0
        return self.model.confidence([c.probability for c in ranked], ranked[0].features)

    def _sentences(self, passages: list[Passage]) -> list[tuple[int, int, str]]:
        """(passage number, sentence position, text) of every sentence worth considering."""
        found: list[tuple[int, int, str]] = []
        seen: set[str] = set()
        for number, passage in enumerate(passages, start=1):
            spans = sentence_spans(passage.text) or [(0, len(passage.text))]
            for position, (start, end) in enumerate(spans):
                if position and LEANS_ON_CONTEXT.match(passage.text[start:end]):
                    # "Those strikes were..." is read with the sentence it points back to.
                    start = spans[position - 1][0]
                sentence = " ".join(passage.text[start:end].split())
                # A question in a passage (a quiz, a headline) echoes the asker; it answers nothing.
                asks = sentence.rstrip("\"'”’ )").endswith("?")
                if sentence not in seen and len(sentence) > MIN_SENTENCE_CHARS and not asks:
                    seen.add(sentence)
                    found.append((number, position, sentence))
        return found

    def _similarities(self, asked: str, found: list[tuple[int, int, str]]) -> list[float]:
        """Cosine of each sentence, embedded on its own, to the question. The index's stored
        sentence vectors are read in their chunk's context, which blurs one sentence into its
        neighbours: on the sample article they rank the Pentagon's quote above the sentence
        that gives the cause (0.40 against 0.36, where these give 0.38 against 0.45)."""
        query = np.asarray(self.embedder.embed_query(asked), dtype=np.float32)
        vectors = np.asarray(self.embedder.embed_documents([s for _, _, s in found]))
        return [float(v) for v in vectors @ query]


# The passages are on the question's topic when they hold this share of its words.
ON_TOPIC_OVERLAP = 0.6
_LACKS = {
    "how many": "give no figure for {focus}",
    "when": "give no date for it",
    "who": "do not say who",
    "where": "do not say where",
    "why": "give no reason",
}


def _missing(question: str, ranked: list[Candidate], passages: list[Passage]) -> str:
    """What on-topic passages lack, by the kind of question: "The articles cover this ("US
    strikes on militias") but give no figure for people killed." Empty when they are off topic."""
    if not ranked or ranked[0].features.passage_overlap < ON_TOPIC_OVERLAP:
        return ""
    kind = question_kind(question)
    if kind not in _LACKS:
        return ""
    want = wanted(question)
    focus = " ".join(want.focus) if want else "it"
    title = passages[ranked[0].passage - 1].title
    return f'The articles cover this ("{title}") but {_LACKS[kind].format(focus=focus)}.'


def _distinct(a: str, b: str) -> bool:
    terms_a, terms_b = content_terms(a), content_terms(b)
    shared = len(terms_a & terms_b) / max(1, min(len(terms_a), len(terms_b)))
    return shared < 0.6
