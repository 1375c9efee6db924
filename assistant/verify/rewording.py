"""Rewording: whether the words a passage lacks reword it or add to it.

A sentence that restates a passage names some things in its own words ("the piece" for "the
article", "its workers" for "staff"); a sentence that adds a cause or a consequence brings
words of its own too. The verifier's rules find the words the passage does not account for
(``verifier._added``); this model, a logistic regression over a few features of those words,
says how likely it is that they are rewording. Its strongest feature reads each word as the
bundled MiniLM reads it in its sentence and finds the closest word of the passage as read in
the passage: a rewording sits close to some word of the passage, an added clause does not.

Fitted on the tune splits of the labelled pair sets (``eval/gold/verifier_pairs*.jsonl``) by
``newsqa eval fit-rewording``, which writes ``rewording.json`` beside this module.

Usage::

    model = RewordingModel.load()
    model.probability(features)   # 0.83: "piece" for "article"
    model.accepts(features)       # True when at or above the fitted threshold
"""

from __future__ import annotations

import json
from dataclasses import astuple, dataclass, fields
from pathlib import Path

import numpy as np
from pydantic import BaseModel, Field

MODEL_PATH = Path(__file__).with_name("rewording.json")


@dataclass(frozen=True)
class RewordingFeatures:
    """What the model reads of the words a passage lacks."""

    words: int
    """How many content words the passage does not account for."""
    closest_least: float
    """Over those words, the lowest cosine to the closest passage word, both read in context."""
    closest_mean: float
    """The mean of the same cosines."""
    heads: int
    """The most content words one of them heads, itself included: with ``words``, how many
    words the passage has hang on words it lacks ("the partner nations' vessels")."""
    unused_least: float
    """As ``closest_least``, over the passage words the sentence does not otherwise use."""

    def vector(self) -> np.ndarray:
        """The features in the model's order."""
        return np.array(astuple(self), dtype=np.float64)


FEATURE_NAMES = tuple(f.name for f in fields(RewordingFeatures))


class RewordingModel(BaseModel):
    """Logistic weights over ``RewordingFeatures`` and the threshold at which the verifier
    accepts the words as rewording; ``command`` and ``measured`` say how it was fitted."""

    feature_names: list[str] = Field(description="The features, in the order of the weights.")
    weights: list[float] = Field(description="One logistic weight per feature.")
    bias: float = Field(description="The logistic intercept.")
    threshold: float = Field(
        ge=0, le=1, description="The probability at or above which the words count as rewording."
    )
    command: str = Field(default="", description="The command that fitted the model.")
    measured: dict[str, float] = Field(
        default_factory=dict, description="What the fit measured on the pairs it was fitted on."
    )

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> RewordingModel:
        """The model at ``path``; its features must be the ones this code computes."""
        try:
            model = cls.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ValueError(
                f"{path}: no usable rewording model ({error}); "
                "refit it with `newsqa eval fit-rewording`"
            ) from error
        if tuple(model.feature_names) != FEATURE_NAMES:
            raise ValueError(
                f"{path}: fitted on features {model.feature_names}, this code computes "
                f"{list(FEATURE_NAMES)}; refit it with `newsqa eval fit-rewording`"
            )
        return model

    def save(self, path: Path = MODEL_PATH) -> Path:
        """Write the model as JSON; returns the path."""
        path.write_text(json.dumps(self.model_dump(), indent=2) + "\n", encoding="utf-8")
        return path

    def probability(self, features: RewordingFeatures) -> float:
        """How likely the words are rewording, not added content."""
        score = float(np.dot(self.weights, features.vector())) + self.bias
        return float(1 / (1 + np.exp(-score)))

    def accepts(self, features: RewordingFeatures) -> bool:
        """Whether the words count as rewording."""
        return self.probability(features) >= self.threshold
