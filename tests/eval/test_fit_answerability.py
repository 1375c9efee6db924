"""Fitting the answerability model: the gate learns which questions are answered, and the
threshold counts the refusals the answerer makes by its support score."""

from __future__ import annotations

import numpy as np
import pytest

from assistant import GATE_FEATURES, Candidate, Features
from eval.fit_answerability import FALSE_REFUSAL_BUDGET, Example, choose_threshold, fit


def _features(similarity: float) -> Features:
    return Features(
        similarity=similarity,
        overlap=similarity,
        passage_overlap=0.8,
        answer_type=1.0,
        novelty=0.5,
        restates=0.0,
        lead=0.0,
        rank=1.0,
        missing_names=0.0,
        other_time=0.0,
        leans=0.0,
        presupposed=1.0,
        contradicted=0.0,
    )


def _example(
    number: int, similarity: float, answerable: bool, *, declined: bool = False
) -> Example:
    candidates = [
        Candidate(
            1, f"Sentence {number}.", similarity, similarity, 0.5, _features(similarity), 0.5
        ),
        Candidate(1, f"Another {number}.", 0.1, 0.1, 0.3, _features(0.1), 0.5),
    ]
    return Example("suite", f"q{number}", answerable, candidates, [int(answerable), 0], declined)


def _examples() -> list[Example]:
    rng = np.random.default_rng(0)
    answerable = [_example(i, 0.6 + 0.3 * rng.random(), True) for i in range(40)]
    impossible = [_example(100 + i, 0.2 + 0.3 * rng.random(), False) for i in range(40)]
    return answerable + impossible


def test_the_gate_tells_answerable_questions_from_the_rest() -> None:
    model = fit(_examples(), "test")
    assert len(model.gate_weights) == len(GATE_FEATURES)
    sure = _example(0, 0.85, True).candidates[0]
    unsure = _example(1, 0.25, False).candidates[0]
    assert model.confidence([0.9, 0.1], sure.features) > model.confidence(
        [0.4, 0.1], unsure.features
    )
    assert model.measured["suite/false_refusal"] <= FALSE_REFUSAL_BUDGET
    assert model.measured["suite/correct_refusal"] >= 0.9


def test_refusals_by_the_support_score_count_against_the_budget() -> None:
    examples = _examples()
    confident = {e.case_id: 1.0 for e in examples}
    threshold, rates = choose_threshold(examples, confident)
    assert threshold == 0.99 and rates["suite/false_refusal"] == 0.0
    # Two of the 40 answerable questions declined by the support score (the two most confident)
    # leave the threshold one more of the 3 the budget allows: it stops at the least confident.
    ranked = {e.case_id: (0.1 + 0.01 * i if e.answerable else 0.05) for i, e in enumerate(examples)}
    declined = [
        _example(i, 0.8, True, declined=i >= 38) if e.answerable else e
        for i, e in enumerate(examples)
    ]
    threshold, rates = choose_threshold(declined, ranked)
    assert threshold == pytest.approx(0.11)
    assert rates["suite/false_refusal"] == pytest.approx(0.075)
    # A tenth of the answerable questions declined by the support score already spends more
    # than the budget: no threshold may refuse any more.
    declined = [
        _example(i, 0.8, True, declined=i < 4) if e.answerable else e
        for i, e in enumerate(examples)
    ]
    threshold, rates = choose_threshold(declined, {e.case_id: 0.5 for e in declined})
    assert threshold == 0.0
    assert rates["suite/false_refusal"] == pytest.approx(0.1)


def test_one_kind_of_question_alone_cannot_be_fitted() -> None:
    with pytest.raises(ValueError, match="holds a gold answer and questions whose"):
        fit([e for e in _examples() if e.answerable], "test")
