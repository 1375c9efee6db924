"""Fitting the verifier's rewording model: the committed model is what the command makes."""

from __future__ import annotations

import numpy as np
import pytest

from assistant import RewordingFeatures, RewordingModel, rules_verifier
from eval.fit_rewording import Example, collect, fit, tune_pairs


def _example(number: int, closest: float, words: int, supported: bool) -> Example:
    features = RewordingFeatures(
        words=words,
        closest_least=closest,
        closest_mean=closest,
        heads=words,
        unused_least=closest,
    )
    return Example(f"p{number}", features, supported)


def test_the_threshold_keeps_close_single_words_and_drops_far_clauses() -> None:
    rng = np.random.default_rng(0)
    examples = [_example(i, 0.6 + 0.2 * rng.random(), 1, True) for i in range(40)]
    examples += [_example(100 + i, 0.1 + 0.2 * rng.random(), 3, False) for i in range(40)]
    model = fit(examples, "test")
    assert 0 < model.threshold < 1
    assert model.measured["supported_accepted"] >= 35
    assert model.measured["unsupported_accepted"] <= 2
    assert model.accepts(_example(0, 0.7, 1, True).features)
    assert not model.accepts(_example(0, 0.2, 3, False).features)


def test_one_label_alone_cannot_be_fitted() -> None:
    with pytest.raises(ValueError, match="both supported and unsupported"):
        fit([_example(i, 0.5, 1, True) for i in range(10)], "test")


def test_the_rules_verifier_must_have_no_model() -> None:
    verifier = rules_verifier()
    fitted = type(verifier)(verifier.embedder, rewording=RewordingModel.load())
    with pytest.raises(ValueError, match="without a rewording model"):
        collect([], fitted)


@pytest.mark.slow
def test_the_committed_model_is_what_fit_rewording_makes() -> None:
    committed = RewordingModel.load()
    refitted = fit(collect(tune_pairs(), rules_verifier()), committed.command)
    assert refitted.threshold == pytest.approx(committed.threshold, abs=1e-6)
    assert refitted.weights == pytest.approx(committed.weights, abs=1e-6)
    assert refitted.measured == committed.measured
