"""Answerability: the calibrated probability that a sentence answers a question.

A logistic model over a few features of a (question, sentence) pair: how close the two are in
meaning, how many of the question's words the sentence and its passage hold, whether the
sentence holds the kind of thing asked for (a count for "how many", a date for "when") that the
question does not already say, whether the sentence only restates the question, and whether
its passage bears out or contradicts what the question takes for granted. It is fitted on dev
data (SQuAD 2.0 dev, RealTimeQA-2022 dev, the gold suite: the tune half of each) by
``newsqa eval fit-answerability``, which writes ``answerability.json`` beside this module.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import astuple, dataclass, fields, replace
from datetime import date
from functools import cache
from pathlib import Path

import numpy as np
from pydantic import BaseModel, Field

from assistant.answer_type import holds, wanted
from assistant.text import (
    MONTHS,
    STOP_WORDS,
    WEEKDAYS,
    content_terms,
    is_year,
    number_value,
    question_kind,
    stem,
    tokens,
)
from index.sentences import LEANS_ON_CONTEXT

MODEL_PATH = Path(__file__).with_name("answerability.json")

_CAUSE = re.compile(
    r"\b(because|in (retaliation|response)|to (protect|disrupt|deter|stop|prevent)|due to|"
    r"reason|amid|aimed at|so that|in order to|after|following|as a result|led to|caused)\b",
    re.I,
)
_PLACE = re.compile(r"\b(in|at|near|outside|from|across|into) (the )?([A-Z][\w-]+)")
_RELATIVE_TIME = re.compile(r"\b(ago|last (week|month|year)|yesterday|today|earlier|since)\b", re.I)


@dataclass(frozen=True)
class Features:
    """What the model reads of one candidate sentence; every value lies in [0, 1] or is a
    small signed number."""

    similarity: float
    overlap: float
    passage_overlap: float
    answer_type: float
    novelty: float
    restates: float
    lead: float
    rank: float
    missing_names: float
    other_time: float
    leans: float
    presupposed: float
    contradicted: float

    def vector(self) -> np.ndarray:
        """The features in the model's order."""
        return np.array(astuple(self), dtype=np.float64)


FEATURE_NAMES = tuple(f.name for f in fields(Features))
# What the question-level gate reads of the ranked candidates.
GATE_FEATURES = (
    "best",
    "margin",
    "passage_overlap",
    "missing_names",
    "answer_type",
    "presupposed",
    "contradicted",
)


def gate_features(probabilities: list[float], best: Features) -> np.ndarray:
    """The gate's view of a question: the best candidate's probability, its lead over the
    second, and what the best candidate's passage holds of the question."""
    first = probabilities[0]
    second = probabilities[1] if len(probabilities) > 1 else 0.0
    return np.array(
        [
            first,
            first - second,
            best.passage_overlap,
            best.missing_names,
            best.answer_type,
            best.presupposed,
            best.contradicted,
        ]
    )


def features(
    question: str,
    sentence: str,
    passage_text: str,
    *,
    similarity: float,
    rank: int,
    lead: bool,
    published: date | None = None,
    context: str = "",
    presupposed: float = 1.0,
    contradicted: bool = False,
) -> Features:
    """The features of ``sentence`` (from ``passage_text``, ranked ``rank``) as an answer to
    ``question`` (asked after ``context``, the conversation's earlier question); ``similarity``
    is their cosine in the embedder's space; ``presupposed`` is the share of what the question
    takes for granted that the passage accounts for, and ``contradicted`` whether the passage
    says otherwise (``assistant.presuppositions``)."""
    asked = content_terms(question)
    terms = content_terms(sentence) | _dated(published)
    passage_terms = content_terms(passage_text) | _dated(published)
    overlap = len(asked & terms) / len(asked) if asked else 0.0
    novel = terms - asked
    return Features(
        similarity=similarity,
        overlap=overlap,
        passage_overlap=len(asked & passage_terms) / len(asked) if asked else 0.0,
        answer_type=answer_type_met(question, sentence),
        novelty=min(len(novel), 10) / 10,
        restates=float(restates(question, sentence)),
        lead=float(lead),
        rank=1.0 / rank,
        missing_names=missing_names(question, passage_text),
        other_time=float(other_time(question, context, sentence)),
        leans=float(bool(LEANS_ON_CONTEXT.match(sentence))),
        presupposed=presupposed,
        contradicted=float(contradicted),
    )


# The auxiliaries that open questions ("Why did...", "What does...") and that scikit-learn's
# stop words lack: a sentence that says the question back need not hold them.
_AUXILIARIES = ("did", "does")


def restates(question: str, sentence: str) -> bool:
    """``sentence`` says ``question`` back: it holds at least 0.8 of the question's terms and
    at most three others ("The council closed the library on Monday." for "Why did the
    council close the library?")."""
    asked = content_terms(question) - {stem(w) for w in _AUXILIARIES}
    terms = content_terms(sentence)
    return bool(asked) and len(asked & terms) >= 0.8 * len(asked) and len(terms - asked) <= 3


_MONTH = re.compile(r"\b(" + "|".join(m for m in MONTHS if len(m) > 3 or m == "may") + r")\b", re.I)


def _months(text: str) -> set[int]:
    return {MONTHS[m.lower()] for m in _MONTH.findall(text)}


# "June 27", "June 26-27", "June 26 and 27", "27 June": a month with the days it names.
_DAYS = r"(\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and|or)\s*(\d{1,2})(?:st|nd|rd|th)?)?"
_DAY_FIRST = re.compile(r"\b" + _DAYS + r"\s+" + _MONTH.pattern, re.I)
_MONTH_FIRST = re.compile(_MONTH.pattern + r"(?:\s+" + _DAYS + r"\b)?", re.I)


def _dates(text: str) -> set[tuple[int, int | None]]:
    """Each (month, day) the text names; day None where it names the month alone."""
    found: set[tuple[int, int | None]] = set()
    taken: list[range] = []
    for match in _DAY_FIRST.finditer(text):
        first, last, month = match.groups()
        found |= _span(MONTHS[month.lower()], first, last)
        taken.append(range(*match.span()))
    for match in _MONTH_FIRST.finditer(text):
        if not any(match.start() in span for span in taken):  # "27 June" is read already
            month, first, last = match.groups()
            found |= _span(MONTHS[month.lower()], first, last)
    return found


def _span(month: int, first: str, last: str) -> set[tuple[int, int | None]]:
    if not first or not 1 <= int(first) <= 31:
        return {(month, None)}
    end = int(last) if last and int(first) <= int(last) <= 31 else int(first)
    return {(month, day) for day in range(int(first), end + 1)}


def _same_time(named: tuple[int, int | None], asked: set[tuple[int, int | None]]) -> bool:
    month, day = named
    return any(m == month and (day is None or d is None or d == day) for m, d in asked)


# "before June", "since March": a month that bounds the time asked for, not the time itself.
_BOUNDED_MONTH = re.compile(
    r"\b(before|after|since|until|till|prior to|earlier than|later than|other than)\s+"
    + _MONTH.pattern,
    re.I,
)


def other_time(question: str, context: str, sentence: str) -> bool:
    """The sentence is about another time than the one asked for: the question names a month
    and the sentence speaks of other months only, or a follow-up names none and the sentence
    speaks only of the months the conversation already covered ("the strike before that").
    A question that bounds its time by a month ("before June") asks about another month."""
    months = _months(sentence)
    if not months or _BOUNDED_MONTH.search(question):
        return False
    if _months(question):
        # "the June 27 strikes" are not what a sentence says of June 26's drone attacks.
        asked = _dates(question)
        return not any(_same_time(named, asked) for named in _dates(sentence))
    earlier = _months(context)
    return bool(earlier) and months <= earlier


def missing_names(question: str, passage_text: str) -> float:
    """The share of the question's names and numbers ("Normandy", "1066") the passage never
    mentions: a question about something the passage does not name is not answered by it."""
    words = tokens(question)
    named = [
        w for position, w in enumerate(words) if (w[0].isupper() and position > 0) or w[0].isdigit()
    ]
    named = [w for w in named if w.lower() not in STOP_WORDS]
    if not named:
        return 0.0
    text = passage_text.lower()
    return sum(w.lower() not in text for w in named) / len(named)


def answer_type_met(question: str, sentence: str) -> float:
    """1 when ``sentence`` holds the kind of thing ``question`` asks for and the question does
    not already say it (a count for "how many", a date for "when", a name for "who"...)."""
    want = wanted(question)
    if want is not None and not holds(sentence, want):
        return 0.0
    kind = question_kind(question)
    asked_words = {w.lower() for w in tokens(question)}
    words = tokens(sentence)
    new = [w for w in words if w.lower() not in asked_words]
    if kind == "how many":
        return float(
            any(number_value(w) is not None and not is_year(w) for w in new)
            or any(w.lower() in {"dozens", "hundreds", "thousands", "millions"} for w in new)
        )
    if kind == "when":
        return float(
            any(w.lower() in MONTHS or w.lower() in WEEKDAYS or is_year(w) for w in new)
            or bool(_RELATIVE_TIME.search(sentence))
        )
    if kind == "who":
        return float(any(w[0].isupper() for w in new[1:]) or any(w[0].isupper() for w in new[:1]))
    if kind == "where":
        return float(any(m.group(3).lower() not in asked_words for m in _PLACE.finditer(sentence)))
    if kind == "why":
        return float(bool(_CAUSE.search(sentence)))
    return float(len(new) >= 3)


def _dated(published: date | None) -> set[str]:
    # "June 2021" in a question scopes the story; an article published then satisfies it.
    return content_terms(published.strftime("%B %Y")) if published else set()


class AnswerabilityModel(BaseModel):
    """Logistic weights over ``Features`` and the refusal threshold chosen on a tune split."""

    weights: list[float] = Field(description="One weight per feature, in FEATURE_NAMES order.")
    bias: float
    gate_weights: list[float] = Field(
        description="Weights of the question-level gate, in GATE_FEATURES order."
    )
    gate_bias: float
    threshold: float = Field(description="Refuse when the gate's probability is lower.")
    feature_names: list[str] = Field(default_factory=lambda: list(FEATURE_NAMES))
    fitted_on: str = Field(default="", description="What it was fitted on, and the command.")
    measured: dict[str, float] = Field(
        default_factory=dict, description="Figures on the tune split when it was fitted."
    )

    @classmethod
    def neutral(cls) -> AnswerabilityModel:
        """A model of zero weights over today's features, which gives every sentence the same
        probability: what ``newsqa eval fit-answerability`` gathers candidates with, so that a
        change of features never needs the model it is about to replace."""
        return cls(
            weights=[0.0] * len(FEATURE_NAMES),
            bias=0.0,
            gate_weights=[0.0] * len(GATE_FEATURES),
            gate_bias=0.0,
            threshold=0.0,
            fitted_on="nothing (AnswerabilityModel.neutral)",
        )

    def probability(self, found: Features) -> float:
        """The probability that the sentence answers the question (used to rank them)."""
        if tuple(self.feature_names) != FEATURE_NAMES:
            raise ValueError(
                f"{MODEL_PATH.name} was fitted on features {self.feature_names}, not "
                f"{list(FEATURE_NAMES)}: refit it with `newsqa eval fit-answerability`"
            )
        return _logistic(float(found.vector() @ np.asarray(self.weights)) + self.bias)

    def highest(self, found: Features, unknown: Collection[str]) -> float:
        """The highest ``probability`` ``found`` can have whatever values in [0, 1] its
        ``unknown`` features take (those not yet measured, such as ``presupposed``): each at
        the end of its range its weight favours."""
        weights = dict(zip(self.feature_names, self.weights, strict=True))
        best = {name: 1.0 if weights[name] > 0 else 0.0 for name in unknown}
        return self.probability(replace(found, **best))

    def confidence(self, probabilities: list[float], best: Features) -> float:
        """The probability that the best-ranked sentence answers the question, from the
        ranked candidates' probabilities (best first) and the best one's features."""
        if not probabilities:
            return 0.0
        found = gate_features(probabilities, best)
        return _logistic(float(found @ np.asarray(self.gate_weights)) + self.gate_bias)

    def save(self, path: Path = MODEL_PATH) -> Path:
        """Write the model as JSON (by default beside this module, where it is committed) and
        return where it went."""
        path.write_text(json.dumps(self.model_dump(), indent=2) + "\n", encoding="utf-8")
        return path


def _logistic(score: float) -> float:
    return float(1.0 / (1.0 + np.exp(-score)))


@cache
def load_model(path: Path = MODEL_PATH) -> AnswerabilityModel:
    """The fitted model at ``path``: by default the one shipped with the package, or the file
    ``NEWSQA_ANSWERABILITY_MODEL`` names."""
    if not path.is_file():
        raise FileNotFoundError(
            f"{path}: the answerability model is missing; fit it with "
            "`newsqa eval fit-answerability`"
        )
    try:
        return AnswerabilityModel.model_validate_json(path.read_text(encoding="utf-8"))
    except ValueError as error:
        raise ValueError(
            f"{path}: not an answerability model ({error}); point NEWSQA_ANSWERABILITY_MODEL "
            "at a file `newsqa eval fit-answerability` wrote, or unset it"
        ) from error
