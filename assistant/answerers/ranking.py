"""A question's candidate sentences, ranked by support, whose passages' presuppositions are
checked only when a candidate is asked for.

Checking what a question takes for granted against a passage is most of the grounded answer
stage's time (about 7 ms a passage, 2.5 passages a RealTimeQA-2022 question, 2026-12-05). A
draft reads only some candidates: the two the answerability model finds most probable, which
the confidence reads, and those its answer is chosen from. A candidate whose probability could
not reach the second most probable's whatever its passage's verdict is left unchecked.

Usage::

    ranking = Ranking(scored, check, model)
    ranking.every()             # every candidate, each passage checked: what the model is fitted on
    ranking.drafted(states)     # the candidates a draft reads, best support first
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise

from assistant.answerability import AnswerabilityModel, Features
from assistant.presuppositions import bars_answer
from assistant.records import Passage
from assistant.verify import Verdict

# A candidate's features that its passage's presupposition check measures.
PRESUPPOSITION_FEATURES = ("presupposed", "contradicted")
# A second answer sentence is drawn from the candidates whose support is at least this share
# of the first's (``GroundedAnswerer.draft``).
SECOND_SENTENCE_SHARE = 0.9
# The sentence right after the first, in its passage, is drawn at a lower share when no
# candidate is within ``SECOND_SENTENCE_SHARE``: it goes on with what the first began, and the
# first often says the question back and leaves the answer to the next ("...attacked Fort
# Caroline. The Spanish renamed the fort San Mateo."). Chosen on the SQuAD 2.0 tune half's
# candidates (all 1,847 questions, 2026-12-06): of its 958 answerable questions the answer held
# the gold answer for 775 without this, 785 at 0.8, 787 at 0.7 and 790 at 0.6, with 25, 37 and
# 53 answers a sentence longer; RealTimeQA-2022 and gold gained nothing at any of them.
FOLLOWING_SENTENCE_SHARE = 0.7


@dataclass(frozen=True)
class Candidate:
    """One sentence of the passages as a possible answer: its ``support`` ranks it, its
    ``features`` and ``probability`` are what the answerability model reads,
    ``presupposition`` is the verifier's verdict on what the question takes for granted, read
    in the sentence's passage (None until a ``Ranking`` checks it), ``barred`` says that
    verdict (``bars_answer``) or what the sentence itself says keeps it from answering, and
    ``source`` is the passage it is from."""

    passage: int
    text: str
    similarity: float
    overlap: float
    support: float
    features: Features
    probability: float
    presupposition: Verdict | None = None
    barred: bool = False
    source: Passage | None = None
    rows: tuple[int, ...] = ()
    """The positions among its passage's sentences that it spans (one, or two when it is read
    with the sentence it leans on)."""


def follows(candidate: Candidate, first: Candidate) -> bool:
    """Whether ``candidate`` is the sentence right after ``first`` in its passage, with at
    least ``FOLLOWING_SENTENCE_SHARE`` of its support."""
    return (
        bool(first.rows)
        and candidate.passage == first.passage
        and candidate.rows[:1] == (first.rows[-1] + 1,)
        and candidate.support >= FOLLOWING_SENTENCE_SHARE * first.support
    )


class Ranking:
    """``scored``, candidates (best support first) whose passages' presuppositions are not
    checked yet (``presupposition`` None, and ``probability`` and the ``features`` measured by
    the check mere placeholders), made whole: each passage checked once, by ``check`` (given
    the passage's number), when one of its candidates is needed. ``model`` gives the
    probabilities. ``measure``, where given, gives a passage's ``presupposed`` share as its
    check would, without the check (None where only the check can tell): a passage is
    measured before it is checked for the two most probable, and left unchecked when its
    candidates could not reach them with that share: 119 checks instead of 128 for the 60
    RealTimeQA-2022 questions, the same drafts (2026-12-08)."""

    def __init__(
        self,
        scored: list[Candidate],
        check: Callable[[int], Verdict],
        model: AnswerabilityModel,
        measure: Callable[[int], float | None] | None = None,
    ) -> None:
        if any(a.support < b.support for a, b in pairwise(scored)):
            raise ValueError("scored: not ranked by support, best first")
        self.scored = scored
        self._check = check
        self._measure = measure
        self.model = model
        self._verdicts: dict[int, Verdict] = {}
        self._made: dict[int, Candidate] = {}

    def every(self) -> list[Candidate]:
        """Every candidate, best support first: every passage checked."""
        return [self.candidate(i) for i in range(len(self.scored))]

    def drafted(self, states: Callable[[Candidate], bool]) -> list[Candidate]:
        """The candidates a draft reads, best support first: each that could be among the two
        most probable, and, in order of support, each down to the first that is not barred
        and ``states`` something, then those within ``SECOND_SENTENCE_SHARE`` of its support,
        and the sentence that ``follows`` it. The two most probable and the answer are those
        ``every`` would give."""
        self._two_most_probable()
        first = None
        for i, scored in enumerate(self.scored):
            if first is not None and scored.support < SECOND_SENTENCE_SHARE * first.support:
                if follows(scored, first):
                    self.candidate(i)
                continue
            candidate = self.candidate(i)
            if first is None and not candidate.barred and states(candidate):
                first = candidate
        return [self._made[i] for i in sorted(self._made)]

    def candidate(self, i: int) -> Candidate:
        """The ``i``-th candidate by support, its passage checked."""
        made = self._made.get(i)
        if made is None:
            scored = self.scored[i]
            verdict = self._verdicts.get(scored.passage)
            if verdict is None:
                verdict = self._verdicts[scored.passage] = self._check(scored.passage)
            found = replace(
                scored.features,
                presupposed=verdict.coverage,
                contradicted=float(verdict.contradicted),
            )
            published = scored.source.published if scored.source is not None else None
            made = self._made[i] = replace(
                scored,
                features=found,
                probability=self.model.probability(found),
                presupposition=verdict,
                barred=scored.barred or bars_answer(verdict, published),
            )
        return made

    def _two_most_probable(self) -> None:
        """Checks passages, the candidate with the highest possible probability's first, until
        no unchecked candidate could reach the second highest probability measured. A passage
        is ``measure``d first: its candidates' highest possible probability is then the one
        their measured share allows."""
        highest = [self.model.highest(s.features, PRESUPPOSITION_FEATURES) for s in self.scored]
        measured: set[int] = set()
        while True:
            known = sorted((c.probability for c in self._made.values()), reverse=True)
            floor = known[1] if len(known) > 1 else float("-inf")
            unchecked = [
                i for i in range(len(self.scored)) if i not in self._made and highest[i] >= floor
            ]
            if not unchecked:
                return
            best = max(unchecked, key=lambda i: highest[i])
            passage = self.scored[best].passage
            # Until two are known there is no floor for a measured share to keep one under.
            settled = passage in measured or passage in self._verdicts
            if self._measure is None or len(known) < 2 or settled:
                self.candidate(best)
                continue
            measured.add(passage)
            share = self._measure(passage)
            if share is None:
                continue
            for i, scored in enumerate(self.scored):
                if scored.passage == passage and i not in self._made:
                    found = replace(scored.features, presupposed=share)
                    highest[i] = self.model.highest(found, ("contradicted",))
