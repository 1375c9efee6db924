"""The default answerer: no LLM, no server. It picks the sentences of the retrieved passages
that best answer the question and cites each one.

Usage::

    answerer = GroundedAnswerer(embedder)
    draft = answerer.draft("Why did the US strike?", passages)
    draft.sentences[0].text, draft.support   # a verbatim sentence; the answerability probability
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.answer_type import Wanted, holds, wanted
from assistant.answerability import (
    AnswerabilityModel,
    answer_type_met,
    features,
    load_model,
    other_time,
    restates,
)
from assistant.answerers.base import Draft
from assistant.answerers.ranking import SECOND_SENTENCE_SHARE, Candidate, Ranking, follows
from assistant.citations import DraftSentence
from assistant.dated_event import answering, asked_event
from assistant.denials import affirmed, denied, denied_instead, denies
from assistant.noun_kinds import NounKinds
from assistant.presuppositions import claim_parse, presupposed, presupposition
from assistant.records import Passage
from assistant.settings import MIN_SUPPORT
from assistant.text import (
    MONTHS,
    WEEKDAYS,
    content_terms,
    is_year,
    question_kind,
    split_preamble,
    stem,
    tokens,
)
from assistant.verify import ClaimVerifier, Verdict, names_missing, verifier_for
from assistant.verify.nlp import parse, parse_all
from assistant.verify.polarity import opposites_of
from assistant.verify.verifier import SIMILARITY, WordEmbeddings
from index.sentences import LEANS_ON_CONTEXT, collapsed, sentence_spans
from index.sentences_alone import ChunkSentences

if TYPE_CHECKING:
    from spacy.tokens import Token

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


# Sentence vectors kept between questions: the passages of a long conversation, about 1.5 MB.
_SENTENCES_KEPT = 1024
# Sentences scored in full, out of those that score best on their in-context vectors. On the
# tune halves (gold 31, RealTimeQA-2022 39, SQuAD 2.0 421 questions with --limit 800; 10 to 19
# candidates a question on average), the 8 best gave every question the answer or refusal that
# scoring all of them gives, 5 changed one answer and 3 changed twelve (2026-12-04; `newsqa eval
# --suite squad2 --half tune --limit 800`, and `--suite gold`, then `newsqa eval compare` with
# the runs before: no case flipped). Re-measured 2026-12-05 with the 150 archive questions too:
# 6 flips no case and takes the answer stage from 382 to 272 ms a RealTimeQA-2022 question
# (median, the three sizes alternating in one process on a loaded machine), 4 (157 ms) lost two
# SQuAD answers.
SHORTLIST = 6
# Of those, a sentence scoring this far behind the best on its in-context vector (the support
# score's scale) is not scored in full either. On the same tune halves and archive questions
# (2026-12-05, `newsqa eval ... --half tune`, then `newsqa eval compare`), 0.15 flipped three
# SQuAD questions, all three now correctly refused, and nothing else (the whole SQuAD tune
# half: 18 flips, 14 better, correct refusals 0.282 -> 0.298), shortlisting 4.5
# sentences a RealTimeQA-2022 question instead of 6.4, whose answer stage took 232 ms instead
# of 314 (medians, alternating in one process on a loaded machine); 0.08 shortlisted 3 (130 ms)
# but lost a RealTimeQA-2022 answer and two SQuAD answers.
SHORTLIST_MARGIN = 0.15

# A passage's sentence vectors as read in context, by chunk id (``index.sentence_vectors``).
InContextVectors = Callable[[list[Passage]], Mapping[str, np.ndarray]]
# A passage's sentences' vectors read alone, and its leaning sentences' read with the one
# before, made at ingest, by chunk id (``index.sentences_alone``).
AloneVectors = Callable[[list[Passage]], Mapping[str, ChunkSentences]]
# The whole text of each passage's article, by article id.
ArticleTexts = Callable[[list[Passage]], Mapping[str, str]]
# An article's lead, where a name a passage leaves out is looked up. Of the passages retrieved
# for the 60 RealTimeQA-2022 questions and set aside for a name they do not hold, 18 held the
# answer; looking also in the article's first 400 characters brings back 7 of them, the first
# 1,000 11, the whole article 13. The whole article also brings back 3 passages of other
# stories for the gold set's 10 unanswerable questions (two of them then answered), the first
# 1,000 characters none (2026-12-04, both suites, all their questions).
LEAD_CHARS = 1000
# Characters a sentence must exceed to answer: a dateline or a caption credit is shorter.
_SHORTEST = 20
# The support score's parts, weighed by hand when the answerer was first written and kept
# because weights fitted to the same parts chose worse on news: a ranker fitted on pairs of
# the candidates of the SQuAD 2.0 tune half chose the gold sentence for 39 of the 60
# RealTimeQA-2022 questions against these weights' 42, and for 33 of 41 gold questions against
# 35; fitted on the three sets pooled, news weighed up to 15 times, no better (README,
# "Answerability", tried on 2026-12-06); ranking by the answerability model's probability lost
# SQuAD answers (0.814 -> 0.809, `--limit 800`) and gained no news answer. The refusal
# threshold ``MIN_SUPPORT`` is measured on this scale.
# Closeness in meaning, and the share of the question's words.
_MEANING_WEIGHT = 0.55
_WORDS_WEIGHT = 0.45
# In a follow-up, the share of the overlap that the earlier turns' words make.
_RECALLED_SHARE = 0.2
# A sentence with the cue of the question's kind ("because" for "why").
_CUE_BONUS = 0.1
# Over the passage's rank: the retriever's order breaks near ties.
_RANK_BONUS = 0.03
# A sentence that leans on the one before ("Those strikes...") may mean other things.
_LEANING_PENALTY = 0.06
# A sentence of another month or year than the question asks about.
_OTHER_TIME_PENALTY = 0.12
# A story's first sentence.
_LEAD_BONUS = 0.04


@dataclass(frozen=True)
class _Sentence:
    """A sentence of passage number ``passage`` (from 1), as read: ``offset`` in its
    article's text, and ``rows``, the positions among the passage's sentences it spans."""

    passage: int
    text: str
    offset: int
    rows: tuple[int, ...]


@dataclass(frozen=True)
class _Scoring:
    """How well a sentence supports an answer to ``question`` (asked after ``context``)."""

    question: str
    context: str
    passages: list[Passage]
    harm: Wanted | None

    @cached_property
    def asked(self) -> set[str]:
        return content_terms(self.question)

    @cached_property
    def recalled(self) -> set[str]:
        return content_terms(self.context) - self.asked

    @cached_property
    def cue(self) -> re.Pattern[str] | None:
        return _CUES.get(question_kind(self.question))

    def support(self, sentence: _Sentence, similarity: float) -> tuple[float, float]:
        """The sentence's support score, with ``similarity`` its closeness in meaning to the
        question, and its share of the question's words."""
        asked, recalled, cue = self.asked, self.recalled, self.cue
        passage = self.passages[sentence.passage - 1]
        # "June 2021" in a question scopes the story; an article published then satisfies it.
        terms = content_terms(sentence.text) | _dated(passage.published)
        if self.harm and holds(sentence.text, self.harm):
            terms |= content_terms(" ".join(self.harm.focus))  # "no casualties" says "hurt"
        overlap = len(asked & terms) / len(asked) if asked else 0.0
        if recalled:
            overlap = (1 - _RECALLED_SHARE) * overlap + _RECALLED_SHARE * len(
                recalled & terms
            ) / len(recalled)
        support = _MEANING_WEIGHT * similarity + _WORDS_WEIGHT * overlap
        if cue and cue.search(sentence.text):
            support += _CUE_BONUS
        support += _RANK_BONUS / passage.rank
        if LEANS_ON_CONTEXT.match(sentence.text):
            support -= _LEANING_PENALTY  # "Those strikes..." means other strikes than asked
        if other_time(self.question, self.context, sentence.text):
            support -= _OTHER_TIME_PENALTY
        if sentence.offset == 0:
            support += _LEAD_BONUS  # a story's first sentence summarises it
        return support, overlap


class GroundedAnswerer:
    """Scores each sentence of the passages by meaning (embedding similarity to the question),
    words in common, and whether it has the shape of an answer (a cause for "why", a date for
    "when"...). The best ones, verbatim and cited, are the answer; when the best support is
    below ``min_support`` it declines. ``in_context`` gives the passages' sentence vectors made
    at ingest, by which a ``shortlist`` of sentences, none more than ``shortlist_margin`` behind
    the best, is chosen to be embedded on their own and scored; without it every sentence is.
    ``alone`` gives the vectors of the passages' sentences read on their own, made at ingest,
    so that only a sentence read with the one before it is embedded at question time.
    ``articles`` gives the passages' whole articles, in whose leads the names a question
    mentions are also looked up; without it, only in each passage's own text.
    """

    name = "grounded"

    def __init__(
        self,
        embedder: Embeddings,
        *,
        max_sentences: int = 2,
        min_support: float = MIN_SUPPORT,
        min_confidence: float | None = None,
        model: AnswerabilityModel | None = None,
        verifier: ClaimVerifier | None = None,
        in_context: InContextVectors | None = None,
        shortlist: int = SHORTLIST,
        shortlist_margin: float = SHORTLIST_MARGIN,
        alone: AloneVectors | None = None,
        articles: ArticleTexts | None = None,
    ) -> None:
        if max_sentences < 1:
            raise ValueError(f"max_sentences: {max_sentences}; an answer needs at least 1")
        if shortlist < max_sentences:
            raise ValueError(
                f"shortlist: {shortlist} is fewer than max_sentences ({max_sentences}); "
                f"the default is {SHORTLIST}"
            )
        if shortlist_margin < 0:
            raise ValueError(
                f"shortlist_margin: {shortlist_margin} is below 0, which would shortlist nothing; "
                f"the default is {SHORTLIST_MARGIN}"
            )
        self.embedder = embedder
        self.verifier = verifier or verifier_for(embedder)
        # Persons told from places, where the embedder has word vectors (MiniLM has).
        self._kind_of = NounKinds(embedder).kind if isinstance(embedder, WordEmbeddings) else None
        self.max_sentences = max_sentences
        self.min_support = min_support
        self.min_confidence = min_confidence
        self.model = model or load_model()
        self.in_context = in_context
        self.shortlist = shortlist
        self.shortlist_margin = shortlist_margin
        self.alone = alone
        self.articles = articles
        self._sentences: OrderedDict[str, np.ndarray] = OrderedDict()
        self._sentences_lock = threading.Lock()

    def candidates(
        self, question: str, passages: list[Passage], context: str = ""
    ) -> list[Candidate]:
        """The sentences of the passages that could answer, with their scores, best first.

        A count is answered only by a sentence with a count in it, an amount by one with money,
        what did not happen by one that says so (``assistant.denials``); a passage that does not
        name everyone the question names, nor its article's lead, answers nothing. With
        ``in_context`` vectors, only the ``shortlist`` sentences that score best on them are
        scored in full. These are the candidates the answerability model is fitted on
        (``Assistant.candidates``), each passage's presupposition checked.
        """
        return self._ranking(question, passages, context).every()

    def _ranking(self, question: str, passages: list[Passage], context: str) -> Ranking:
        """The candidates (``candidates``), their passages' presuppositions yet unchecked."""
        want = wanted(question)
        # "Was anyone hurt?" is answered by what a passage says of casualties.
        harm = want if want is not None and want.kind == "harm" else None
        found = self._gathered(question, passages, harm, self._named(question, passages))
        # A follow-up ("Was anyone hurt?") means little alone: compare with what it follows.
        asked_in_full = f"{context} {question}" if context else question
        # Filtered before scoring, so neither its vector nor its passage's presupposition is
        # needed: a sentence without the kind of answer asked for is never a candidate, nor
        # is one that says the question back without it ("The council closed the library."
        # for "Why did the council close the library?"), however close the two are in meaning.
        # "What city did they not move to?" is not answered by where they moved.
        denial = denied(question)
        found = [
            f
            for f in found
            if (want is None or holds(f.text, want, asked=question, kind_of=self._kind_of))
            and not (restates(asked_in_full, f.text) and not answer_type_met(asked_in_full, f.text))
            and (
                not denial
                or denies(f.text, denial, content_terms(question), read=self._reader(passages, f))
            )
        ]
        # "In what year was Louis XIII crowned?" is not answered by a year of another event.
        event = asked_event(question) if want is not None and want.kind == "time" else None
        if event is not None and found:
            keep = answering([f.text for f in found], event, self._close)
            found = [f for f, kept in zip(found, keep, strict=True) if kept]

        def check(number: int) -> Verdict:
            # Only its coverage and contradiction are read, so the rewording model, which
            # changes neither, is spared its pass over the passage.
            passage = passages[number - 1]
            return presupposition(
                question, passage.text, self.verifier, passage.published, read_rewording=False
            )

        def measure(number: int) -> float | None:
            passage = passages[number - 1]
            return presupposed(question, passage.text, self.verifier, passage.published)

        if not found:
            return Ranking([], check, self.model)
        # Read only now: a question with no candidate is not parsed for it.
        opposed = _opposed(question) if not denial else ()
        # "What element do squalene and the carotenes contain?" is not answered by "...contain
        # no oxygen"; "Was anybody hurt?" is, by "No one was hurt".
        done = affirmed(question) if not denial and harm is None else frozenset()
        scoring = _Scoring(question, context, passages, harm)
        query = np.array(self.embedder.embed_query(asked_in_full))
        found = self._shortlisted(found, passages, query, scoring)
        similarities = self._vectors(found, passages) @ query
        scored = []
        for sentence, similarity in zip(found, similarities, strict=True):
            support, overlap = scoring.support(sentence, float(similarity))
            passage = passages[sentence.passage - 1]
            # What the passage's presupposition check measures is filled in by the ranking.
            found_features = features(
                asked_in_full,
                sentence.text,
                passage.text,
                similarity=float(similarity),
                rank=passage.rank,
                lead=sentence.offset == 0,
                published=passage.published,
                context=context,
            )
            scored.append(
                Candidate(
                    sentence.passage,
                    sentence.text,
                    float(similarity),
                    overlap,
                    support,
                    found_features,
                    probability=0.0,  # known once its passage is checked
                    # Barred, not left out: the answerability model and the shortlist's margin
                    # still read it. Left out, it let two unanswerable questions of the SQuAD
                    # 2.0 test half be answered by the sentences it had kept out of the margin.
                    barred=_says_the_opposite(
                        sentence.text, opposed, read=self._reader(passages, sentence)
                    )
                    or denied_instead(sentence.text, done, read=self._reader(passages, sentence)),
                    source=passage,
                    rows=sentence.rows,
                )
            )
        return Ranking(sorted(scored, key=lambda c: -c.support), check, self.model, measure)

    def _reader(
        self, passages: list[Passage], sentence: _Sentence
    ) -> Callable[[str], Iterable[Token]]:
        """What parses ``sentence``'s text: its passage's kept parse (``ClaimVerifier.words``)."""
        passage = passages[sentence.passage - 1]
        return lambda text: self.verifier.words(text, passage.text, passage.published)

    def _close(self, word: str, others: list[str]) -> bool:
        """Whether one of ``others`` is as close in meaning to ``word`` as the verifier asks of
        a paraphrase (``SIMILARITY``); True without word vectors to tell."""
        if not isinstance(self.embedder, WordEmbeddings):
            return True
        vectors = np.asarray(self.embedder.embed_words([word, *others]), dtype=np.float32)
        return bool((vectors[1:] @ vectors[0]).max() >= SIMILARITY)

    def _named(self, question: str, passages: list[Passage]) -> list[bool]:
        """For each passage, whether it or its article's lead names everything ``question``
        names: an article that never names the PMF cannot say how many fighters the PMF has,
        and a story names "the CDC" or "the US" in its lead, then says "the agency"."""
        return [not unnamed for unnamed in self._unnamed(question, passages)]

    def _unnamed(self, question: str, passages: list[Passage]) -> list[list[str]]:
        """For each passage, the names ``question`` asks about that neither it nor its
        article's lead names (``_named``). Names in what sets the question up are its setting,
        not what it asks about: "... planned to riot at an LGBTQ Pride event. Where was the
        event?" is answered by a story of the Pride event that never says "LGBTQ"."""
        asked = split_preamble(question)[1]
        texts = self.articles(passages) if self.articles is not None else {}
        return [
            names_missing(asked, p.title, texts.get(p.article_id, "")[:LEAD_CHARS], p.text)
            for p in passages
        ]

    def _gathered(
        self, question: str, passages: list[Passage], harm: Wanted | None, named: list[bool]
    ) -> list[_Sentence]:
        """Each distinct sentence of the passages that could be an answer, read with the one
        before it where it leans on it; none of a passage that is not ``named``."""
        found: list[_Sentence] = []
        seen: set[str] = set()
        for number, passage in enumerate(passages, start=1):
            if not named[number - 1]:
                continue
            spans = sentence_spans(passage.text)
            for position, (start, end) in enumerate(spans):
                text = passage.text[start:end]
                first = position
                if position and (LEANS_ON_CONTEXT.match(text) or (harm and holds(text, harm))):
                    # "Those strikes were..." is read with the sentence it points back to, and
                    # "No casualties were reported." with the attack it reports on.
                    first = position - 1
                    start = spans[first][0]
                sentence = collapsed(passage.text[start:end])
                # A question in a passage (a quiz, a headline) echoes the asker; it answers nothing.
                asks = sentence.rstrip("\"'”’ )").endswith("?")
                # "the June 27 strikes" are not answered by what a sentence says of February's.
                elsewhen = other_time(question, "", sentence) or _years_before(
                    question, sentence, passage.published
                )
                if sentence not in seen and len(sentence) > _SHORTEST and not asks and not elsewhen:
                    seen.add(sentence)
                    rows = tuple(range(first, position + 1))
                    found.append(_Sentence(number, sentence, passage.start + start, rows))
        return found

    def _shortlisted(
        self,
        found: list[_Sentence],
        passages: list[Passage],
        query: np.ndarray,
        scoring: _Scoring,
    ) -> list[_Sentence]:
        """The ``shortlist`` sentences that score best with their in-context vectors (made at
        ingest, so free here) standing in for the vectors they are scored with in full, but for
        those ``shortlist_margin`` or more behind the best; all of them when there are no such
        vectors."""
        if self.in_context is None or len(found) <= self.shortlist:
            return found
        vectors = self.in_context(passages)
        scores = []
        for sentence in found:
            chunk = passages[sentence.passage - 1]
            rows = vectors.get(chunk.chunk_id)
            if rows is None or len(rows) != len(sentence_spans(chunk.text)):
                return found  # vectors of another text than this passage's: no shortlist
            vector = rows[list(sentence.rows)].sum(axis=0)
            similarity = float(vector @ query) / max(float(np.linalg.norm(vector)), 1e-9)
            scores.append(scoring.support(sentence, similarity)[0])
        best = sorted(range(len(found)), key=lambda i: -scores[i])[: self.shortlist]
        # Those far behind the best on these vectors are not scored in full either.
        best = [i for i in best if scores[i] >= scores[best[0]] - self.shortlist_margin]
        return [found[i] for i in sorted(best)]

    def _vectors(self, found: list[_Sentence], passages: list[Passage]) -> np.ndarray:
        """Each sentence's vector read alone: made at ingest where its passage has them (a
        sentence of one row of its passage, or a leaning one read with the row before),
        embedded now for the rest (a casualty report read with the attack before it)."""
        stored = self.alone(passages) if self.alone is not None else {}
        # Rows of another text than the passage's (a chunk re-split since) are not used.
        usable = {
            number: kept
            for number, passage in enumerate(passages, start=1)
            if (kept := stored.get(passage.chunk_id)) is not None
            and kept.alone.ndim == 2
            and len(kept.alone) == len(sentence_spans(passage.text))
        }
        vectors = [self._kept(s, usable.get(s.passage)) for s in found]
        missing = [s.text for s, v in zip(found, vectors, strict=True) if v is None]
        embedded = iter(self._embed_sentences(missing)) if missing else iter(())
        return np.stack([v if v is not None else next(embedded) for v in vectors])

    @staticmethod
    def _kept(sentence: _Sentence, kept: ChunkSentences | None) -> np.ndarray | None:
        """The sentence's vector made at ingest, if its passage's ``kept`` holds one."""
        if kept is None:
            return None
        if len(sentence.rows) == 1:
            return kept.alone[sentence.rows[0]]
        return kept.with_previous.get(sentence.rows[-1])

    def _embed_sentences(self, sentences: list[str]) -> np.ndarray:
        """Sentence vectors, each sentence embedded once: a conversation keeps returning to the
        same passages."""
        # Several threads answer at once in the web app: the cache is read and changed under
        # a lock, and what this call needs is kept aside, since another may evict it meanwhile.
        with self._sentences_lock:
            known = {s: self._sentences[s] for s in sentences if s in self._sentences}
        missing = list(dict.fromkeys(s for s in sentences if s not in known))
        fresh = {
            sentence: np.asarray(vector, dtype=np.float32)
            for sentence, vector in zip(
                missing, self.embedder.embed_documents(missing) if missing else [], strict=True
            )
        }
        vectors = known | fresh
        with self._sentences_lock:
            for sentence in vectors:
                self._sentences[sentence] = vectors[sentence]
                self._sentences.move_to_end(sentence)
            while len(self._sentences) > _SENTENCES_KEPT:
                self._sentences.popitem(last=False)
        return np.stack([vectors[s] for s in sentences])

    def read_ahead(self, question: str) -> None:
        """Parses what ``draft`` will parse of ``question`` before any passage is read: the
        question, and what it asks after what sets it up (``_unnamed``). Run while the
        passages are searched for, it spares the draft its slowest step."""
        parse_all(list(dict.fromkeys([question, split_preamble(question)[1]])))

    def draft(self, question: str, passages: list[Passage], *, context: str = "") -> Draft:
        """The best sentences, each citing its passage, or an empty draft to decline."""
        # Only the candidates that can change the answer or the confidence are read, and only
        # their passages' presuppositions checked (``Ranking.drafted``).
        ranked = self._ranking(question, passages, context).drafted(self._states)
        confidence = self.confidence(ranked)
        # A passage that says the opposite of what the question assumes, or an undated one
        # that dates it otherwise, answers nothing (``bars_answer``); a refusal says what the
        # best candidate's passage contradicts (``_missing``).
        answering = self._answering(ranked)
        declined = self.declined_by_support(ranked) or (
            self.min_confidence is not None and confidence < self.min_confidence
        )
        if declined:
            # Read only when no sentence was left: the names the question names that neither
            # the first passage nor its article's lead names.
            unnamed = self._unnamed(question, passages[:1])[0] if passages and not ranked else []
            missing = _missing(question, ranked, passages, unnamed)
            return Draft([], confidence, missing=missing)
        chosen = [answering[0]]
        for candidate in answering[1:]:
            close = candidate.support >= SECOND_SENTENCE_SHARE * answering[0].support
            if len(chosen) >= self.max_sentences or not close:
                break
            # Out of its paragraph, "Those strikes..." would read as being about the first answer.
            if LEANS_ON_CONTEXT.match(candidate.text) or not self._states(candidate):
                continue
            if all(_distinct(candidate.text, c.text) for c in chosen):
                chosen.append(candidate)
        # The sentence after the first goes on with it: the first often says the question
        # back, and the next holds the answer (``FOLLOWING_SENTENCE_SHARE``).
        if len(chosen) < self.max_sentences:
            following = next((c for c in answering[1:] if follows(c, answering[0])), None)
            if following is not None and following not in chosen and self._states(following):
                chosen.append(following)
        sentences = [DraftSentence(c.text, (c.passage,)) for c in chosen]
        lead = self._naming_lead(question, chosen, passages)
        return Draft([lead, *sentences] if lead else sentences, support=confidence)

    def _naming_lead(
        self, question: str, chosen: list[Candidate], passages: list[Passage]
    ) -> DraftSentence | None:
        """For "Which band ...?" answered by a sentence that names its subject only by
        pointing back ("It's the first time the trio ...", "... buy these devices"), the first
        sentence of its article, where a story names what it is about ("Blink-182 is coming
        to a city near you."), cited from the passage that begins the article; else None."""
        asks = _ASKS_WHICH.search(split_preamble(question)[1])
        if not asks:
            return None
        # "Which film ...?" answered by "The film earned ...": named only by what was asked.
        described = re.compile(rf"^the (?:[a-z-]+ )?{re.escape(asks.group(1).lower())}s?\b", re.I)
        pointing = next(
            (c for c in chosen if _POINTS_BACK.search(c.text) or described.search(c.text)), None
        )
        if pointing is None or pointing.source is None:
            return None
        article = pointing.source.article_id
        number, first = next(
            ((n, p) for n, p in enumerate(passages, 1) if p.article_id == article and not p.start),
            (0, None),
        )
        if first is None:
            return None
        shown = {c.text for c in chosen}
        for start, end in sentence_spans(first.text)[:_LEAD_SENTENCES]:
            text = collapsed(first.text[start:end])
            if text in shown or text in pointing.text:
                return None
            if (
                len(text) > _SHORTEST
                and not _stamp(text)
                and self.verifier.states(text, first.text, first.published)
            ):
                return DraftSentence(text, (number,))
        return None

    def declined_by_support(self, ranked: list[Candidate]) -> bool:
        """Whether the answer is declined whatever the confidence: every candidate is
        ``barred`` or states nothing, or the best of the rest falls short of ``min_support``."""
        answering = self._answering(ranked)
        return not answering or answering[0].support < self.min_support

    def _answering(self, ranked: list[Candidate]) -> list[Candidate]:
        """The candidates that may answer, best first: not ``barred``, and none ranked above
        the first that states something (a heading such as "Arcturus COVID-19 symptoms" has
        nothing the verifier could bear out, so it could never be shown with a citation)."""
        answering = [c for c in ranked if not c.barred]
        while answering and not self._states(answering[0]):
            answering.pop(0)
        return answering

    def _states(self, candidate: Candidate) -> bool:
        """Whether ``candidate`` states something the verifier could bear out, read in its
        passage's parse where it can be (``ClaimVerifier.states``)."""
        source = candidate.source
        if source is None:
            return self.verifier.states(candidate.text)
        return self.verifier.states(candidate.text, source.text, source.published)

    def confidence(self, ranked: list[Candidate]) -> float:
        """The probability, by the fitted answerability model, that the passages answer the
        question: its view of every candidate, as it was fitted."""
        if not ranked:
            return 0.0
        by_model = sorted(ranked, key=lambda c: -c.probability)
        return self.model.confidence([c.probability for c in by_model], by_model[0].features)


# "Which band ...?", "what item ...?": a question that asks which thing, not what happened.
_ASKS_WHICH = re.compile(
    r"\b(?:which|what)\s+(?!(?:is|was|are|were|did|does|do|has|have|had|will|can|would)\b)"
    r"([a-z]+)",
    re.I,
)
# A sentence that names its subject by pointing back at the story: "It's the first time the
# trio ...", "They are dropping ...", "... able to buy these devices online".
_POINTS_BACK = re.compile(r"^(?:it|they|this)\b|\b(?:these|those)\s+[a-z]+s\b", re.I)
# A dateline ("CNN —") is not a story's first sentence: the first of these that states
# something longer than ``_SHORTEST`` is.
_LEAD_SENTENCES = 3
# Nor is a page's time stamp, which the parser reads as stating something ("March 3, 2023
# Updated Jan. 24, 2024, 3:43 p.m. ET").
_STAMP = re.compile(
    r"(?:(?:published|updated|posted|"
    + "|".join(sorted({*MONTHS, *WEEKDAYS}, key=len, reverse=True))
    + r")\.?|\d{1,2}(?::\d{2})?|\d{4}|[ap]\.?m\.?|et|est|edt|gmt|utc|bst)(?:[\s,|]+|$)",
    re.I,
)


def _stamp(text: str) -> bool:
    """Whether ``text`` is only a page's time stamp (``_STAMP``)."""
    return not _STAMP.sub("", text).strip()


# Opposite verbs of which one says what the other does, seen from the other side: "Which
# team lost?" is answered by "Chelsea won against Arsenal".
_CONVERSES = frozenset({"buy", "sell", "lend", "borrow", "win", "lose", "beat", "import", "export"})


def _opposed(question: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The stem of each of a question's verbs with the stems of its opposites ("approved":
    "rejected", "blocked", "vetoed"), as what it takes for granted reads them."""
    parsed = claim_parse(question)
    if parsed is None:
        return ()
    verbs = {t.lemma_.lower() for t in parsed if t.pos_ == "VERB"} - _CONVERSES
    # What the question says itself is no opposite of it: "an earthquake that killed more than
    # 1,000 people and injured many others" is told by "killing more than 1,000 people and
    # wounding many more", though killing is the opposite of injuring.
    said = {stem(t.lower_) for t in parsed} | {stem(t.lemma_.lower()) for t in parsed}
    return tuple(
        (stem(verb), against)
        for verb in sorted(verbs)
        if (against := frozenset(stem(o) for o in opposites_of(verb) if o not in _CONVERSES) - said)
    )


def _says_the_opposite(
    sentence: str,
    opposed: tuple[tuple[str, frozenset[str]], ...],
    *,
    read: Callable[[str], Iterable[Token]] = parse,
) -> bool:
    """Whether ``sentence`` tells the opposite of something the question asks about, and not
    that thing too: "Voters in Arkansas rejected marijuana legalization" does not say which
    state approved it. ``read`` gives the sentence's parsed words."""
    if not opposed:
        return False
    said = {stem(w) for w in tokens(sentence)}
    found = set().union(*(said & against for verb, against in opposed if verb not in said))
    # Parsed only then, to tell the verb from the preposition: "practices like circumcision"
    # says nothing against "Which policies did Muslims dislike?".
    return bool(found) and any(
        t.pos_ in {"VERB", "NOUN", "ADJ", "ADV"} and stem(t.lower_) in found for t in read(sentence)
    )


# A question about the asker's present: "Which state approved ... this week?"
_NOW = re.compile(r"\b(?:this (?:week|month)|in recent days|these days|so far this year)\b", re.I)


def _years_before(question: str, sentence: str, published: date | None) -> bool:
    """Whether a question about the present (``_NOW``) meets a sentence that dates what it
    tells only by years before its article was published, and by no day: "Legalization had
    passed in South Dakota in 2020" does not say which state approved it this week."""
    if published is None or not _NOW.search(question):
        return False
    words = tokens(sentence)
    years = [int(w) for w in words if is_year(w)]
    return (
        bool(years)
        and all(year < published.year for year in years)
        and not any(w.lower() in WEEKDAYS or w.lower() in MONTHS for w in words)
    )


def _dated(published: date | None) -> set[str]:
    if published is None:
        return set()
    return content_terms(published.strftime("%B %Y"))


# The verbs by which a question asks what someone said ("What did X say about Y?").
_REPLY_VERBS = "did does do say react respond reply announce claim comment argue"
# The passages are on the question's topic when they hold this share of its words.
ON_TOPIC_OVERLAP = 0.6
_LACKS = {
    "how many": "give no figure for {focus}",
    "when": "give no date for it",
    "who": "do not say who",
    "where": "do not say where",
    "why": "give no reason",
}


def _missing(
    question: str, ranked: list[Candidate], passages: list[Passage], unnamed: list[str]
) -> str:
    """What on-topic passages lack, by the kind of question: "The articles cover this ("US
    strikes on militias") but give no figure for people killed", and what the question assumes
    that they contradict. ``unnamed`` are the names the question names that the first passage
    (and its article's lead) does not: "but do not name Canberra". On topic with nothing of
    these to name, it says that no sentence answers. Empty when the passages are off topic."""
    want = wanted(question)
    topic = _topic(question, want, ranked, passages)
    if topic is None:
        return ""
    if unnamed:
        # "killed in Tokyo" of articles that never name Tokyo: nothing else they lack matters.
        return f'The articles cover this ("{topic.title}") but do not name {" or ".join(unnamed)}.'

    kind = question_kind(question)
    focus = _as_asked(question, want.focus) if want else "it"
    if kind == "how many" and want is not None:
        focus = _counted(question) or focus
    lacks = [_LACKS[kind].format(focus=focus)] if kind in _LACKS else []
    if want is not None and want.kind == "speaker":
        lacks = [f"do not report what {focus} said or did in reply"]
    elif want is not None and want.kind == "harm":
        lacks = ["do not say whether anyone was hurt or killed"]
    elif want is not None and want.kind == "named":
        lacks = [f"do not name the {focus}"]
    elif want is not None and want.kind == "count" and not lacks:
        lacks = [f"give no figure for the {focus}"]  # "What was the magnitude...?"
    verdict = ranked[0].presupposition if ranked else None
    if verdict is not None and verdict.contradicted:
        # "the passage gives no date 'June 27'": the verifier's reason, about the question.
        reason = verdict.reason.replace("the sentence", "the question")
        lacks.append(f"do not bear out what the question assumes ({reason})")
    if not lacks:
        # On topic, but no sentence answers and nothing says what kind of answer is missing:
        # "the articles don't cover this" would tell the asker the wrong thing.
        lacks = ["no sentence in them answers the question"]
    return f'The articles cover this ("{topic.title}") but {" and ".join(lacks)}.'


def _topic(
    question: str,
    want: Wanted | None,
    ranked: list[Candidate],
    passages: list[Passage],
) -> Passage | None:
    """The passage that shows the articles are on the question's topic, when it holds
    ``ON_TOPIC_OVERLAP`` of the question's words: the best candidate's, or with none left (no
    sentence held what was asked), the first passage. ``want`` is what the question asks
    for."""
    speaker = want is not None and want.kind == "speaker"
    if ranked and not speaker:
        best = ranked[0]
        on_topic = best.features.passage_overlap >= ON_TOPIC_OVERLAP
        return passages[best.passage - 1] if on_topic else None
    asked = content_terms(question)
    if want is not None and speaker:
        # "How did Iran's foreign ministry react to the strikes?" is about the strikes.
        asked -= content_terms(" ".join(want.focus)) | content_terms(_REPLY_VERBS)
    if not passages or not asked:
        return None
    passage = passages[ranked[0].passage - 1] if ranked else passages[0]
    held = content_terms(f"{passage.title} {passage.text}") | _dated(passage.published)
    return passage if len(asked & held) / len(asked) >= ON_TOPIC_OVERLAP else None


# "How many people were killed by the June 27 strikes?": what is counted, and what befell it.
_COUNTED_PASSIVE = re.compile(
    r"\bhow many ((?:[\w'’-]+ ){1,3}?)(?:were|was|have been|had been|got|are|is) "
    r"(\w+(?:ed|en|wn|ht|ft|lt|ne))\b([^?]*)",
    re.I,
)


def _counted(question: str) -> str:
    """What a "how many" question counts, as it says it, where the question is passive:
    "people killed by the June 27 strikes"; empty otherwise."""
    found = _COUNTED_PASSIVE.search(question)
    if not found:
        return ""
    return " ".join(" ".join(found.groups()).split())


def _as_asked(question: str, words: tuple[str, ...]) -> str:
    """``words`` (lower-cased by ``wanted``) as the question writes them: "Iran's foreign
    ministry", not "iran's foreign ministry"."""
    phrase = " ".join(words)
    found = re.search(rf"(?:\b(?:the|its|their|his|her) )?{re.escape(phrase)}", question, re.I)
    return found.group(0) if found else phrase


def _distinct(a: str, b: str) -> bool:
    terms_a, terms_b = content_terms(a), content_terms(b)
    shared = len(terms_a & terms_b) / max(1, min(len(terms_a), len(terms_b)))
    return shared < 0.6
