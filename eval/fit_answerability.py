"""Fit the answerability model on the tune half of dev suites.

Every sentence of the passages retrieved for a tune-half question is a training example,
labelled 1 when it contains a gold answer, 0 otherwise (all of them for unanswerable
questions). A logistic regression learns the weights. A second one, the gate, learns from the
best-ranked sentence of each question whether it holds a gold answer. The refusal threshold
is then chosen on the same tune half at the question level: the highest one whose false
refusals, counted with those the answerer makes by its support score whatever the threshold,
stay within ``FALSE_REFUSAL_BUDGET`` in every suite, so refusals rise as far as they can
without costing answers.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression
from tqdm import tqdm

from assistant import (
    FEATURE_NAMES,
    GATE_FEATURES,
    AnswerabilityModel,
    Assistant,
    Candidate,
    Features,
    gate_features,
)
from eval.metrics import normalize_answer
from eval.splits import half_of
from eval.suites import Case, Suite

logger = logging.getLogger(__name__)

# The share of answerable tune questions the threshold and the support score together may
# refuse: the ceilings are 0.05 (gold) and 0.10 (SQuAD 2.0); questions whose passages
# lack the answer are refused rightly but count here too, so the budget sits between them.
FALSE_REFUSAL_BUDGET = 0.08
# L2 strength of the regression: features are few and on comparable scales.
REGULARISATION = 1.0


@dataclass(frozen=True)
class Example:
    """One tune question's candidates, with which contain a gold answer."""

    suite: str
    case_id: str
    answerable: bool
    candidates: list[Candidate]
    labels: list[int]
    # Declined by the support score or a barred presupposition, whatever the confidence.
    declined_anyway: bool


def collect(suite: Suite, assistant: Assistant, *, progress: bool = True) -> list[Example]:
    """The candidates and labels of every tune-half case of ``suite``."""
    cases = [c for c in suite.cases if half_of(c.id) == "tune"]
    examples = []
    for case in tqdm(cases, desc=f"candidates {suite.name}", disable=not progress):
        candidates = assistant.candidates(case.question, as_of=case.as_of, history=case.turns)
        labels = [int(_contains_answer(c.text, case)) for c in candidates]
        declined = assistant.declined_by_support(candidates)
        examples.append(Example(suite.name, case.id, case.answerable, candidates, labels, declined))
    return examples


def fit(examples: list[Example], command: str) -> AnswerabilityModel:
    """Weights from every candidate, then the threshold from the questions."""
    rows = [c.features.vector() for e in examples for c in e.candidates]
    labels = [label for e in examples for label in e.labels]
    if not rows or len(set(labels)) < 2:
        raise ValueError("fit: the tune half gave no positive or no negative candidates")
    # Each suite weighs the same and each question the same within it: SQuAD's 1,800 tune
    # questions would otherwise decide alone what a news question's answer looks like.
    weight = _question_weights(examples)
    regression = LogisticRegression(C=REGULARISATION, max_iter=1000)
    regression.fit(
        np.array(rows),
        np.array(labels),
        sample_weight=[
            weight[e.case_id] / len(e.candidates) for e in examples for _ in e.candidates
        ],
    )
    ranker = AnswerabilityModel(
        weights=[float(w) for w in regression.coef_[0]],
        bias=float(regression.intercept_[0]),
        gate_weights=[0.0] * len(GATE_FEATURES),
        gate_bias=0.0,
        threshold=0.0,
        feature_names=list(FEATURE_NAMES),
        fitted_on=command,
    )
    # The gate: does the best-ranked sentence hold a gold answer? One row per question.
    gate_rows, gate_labels = [], []
    for example in examples:
        ranked = _ranked(ranker, example)
        if ranked:
            probabilities = [p for p, _, _ in ranked]
            gate_rows.append(gate_features(probabilities, ranked[0][1]))
            gate_labels.append(ranked[0][2])
    if len(set(gate_labels)) < 2:
        raise ValueError(
            "fit: the gate needs tune questions whose best sentence holds a gold answer and "
            "questions whose best sentence does not"
        )
    gate = LogisticRegression(C=REGULARISATION, max_iter=1000)
    gate.fit(
        np.array(gate_rows),
        np.array(gate_labels),
        sample_weight=[weight[e.case_id] for e in examples if e.candidates],
    )
    model = ranker.model_copy(
        update={
            "gate_weights": [float(w) for w in gate.coef_[0]],
            "gate_bias": float(gate.intercept_[0]),
        }
    )
    best = {e.case_id: _confidence(model, e) for e in examples}
    threshold, measured = choose_threshold(examples, best)
    return model.model_copy(update={"threshold": threshold, "measured": measured})


def _question_weights(examples: list[Example]) -> dict[str, float]:
    """A weight per question so that every suite sums to the same total."""
    sizes: dict[str, int] = {}
    for example in examples:
        sizes[example.suite] = sizes.get(example.suite, 0) + 1
    return {e.case_id: len(examples) / (len(sizes) * sizes[e.suite]) for e in examples}


def choose_threshold(
    examples: list[Example], best: dict[str, float]
) -> tuple[float, dict[str, float]]:
    """The highest threshold whose false refusals, with the support score's, stay within
    budget in every suite, with the refusal rates it gives on the tune half; 0.0 (refuse by
    the support score alone), with a warning, when that alone is over budget."""
    suites = sorted({e.suite for e in examples})
    chosen = 0.0
    for threshold in np.round(np.arange(0.0, 1.0, 0.01), 2):
        rates = _rates(examples, best, float(threshold))
        if all(rates[f"{s}/false_refusal"] <= FALSE_REFUSAL_BUDGET for s in suites):
            chosen = float(threshold)
    rates = _rates(examples, best, chosen)
    over = [s for s in suites if rates[f"{s}/false_refusal"] > FALSE_REFUSAL_BUDGET]
    if over:
        logger.warning(
            "the support score alone refuses more than %.0f%% of the answerable tune questions "
            "of %s: no threshold is left to refuse by",
            100 * FALSE_REFUSAL_BUDGET,
            ", ".join(over),
        )
    return chosen, rates


def _rates(examples: list[Example], best: dict[str, float], threshold: float) -> dict[str, float]:
    rates: dict[str, float] = {}
    for suite in sorted({e.suite for e in examples}):
        # Refused by the threshold or, whatever it is, by the answerer's support score.
        answerable = [
            e.declined_anyway or best[e.case_id] < threshold
            for e in examples
            if e.suite == suite and e.answerable
        ]
        impossible = [
            e.declined_anyway or best[e.case_id] < threshold
            for e in examples
            if e.suite == suite and not e.answerable
        ]
        rates[f"{suite}/false_refusal"] = float(np.mean(answerable)) if answerable else 0.0
        if impossible:
            rates[f"{suite}/correct_refusal"] = float(np.mean(impossible))
    return rates


def _ranked(model: AnswerabilityModel, example: Example) -> list[tuple[float, Features, int]]:
    """The candidates as the answerer ranks them: (probability, features, label), best first."""
    scored = [
        (model.probability(c.features), c.features, label)
        for c, label in zip(example.candidates, example.labels, strict=True)
    ]
    return sorted(scored, key=lambda row: -row[0])


def _confidence(model: AnswerabilityModel, example: Example) -> float:
    ranked = _ranked(model, example)
    if not ranked:
        return 0.0
    return model.confidence([p for p, _, _ in ranked], ranked[0][1])


def _contains_answer(sentence: str, case: Case) -> bool:
    # The same normalisation as the answer_contains metric, so the model learns what is scored.
    found = f" {normalize_answer(sentence)} "
    return any(
        f" {normalize_answer(answer)} " in found for answer in case.answers if answer.strip()
    )
