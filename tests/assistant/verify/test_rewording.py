"""The rewording model: words a passage lacks read as rewording, or as an added claim."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.verify import ClaimVerifier
from assistant.verify.rewording import FEATURE_NAMES, RewordingFeatures, RewordingModel
from index.embeddings import MiniLMEmbeddings

# Written for these tests, in the style of a business report.
PASSAGE = (
    "Shares in the carmaker fell 5% on Tuesday after it warned that profits would be lower "
    "than expected. Staff at its Coventry plant will work shorter hours from March, the union "
    "said. The firm's chief executive, Anna Berg, told the paper that the cuts were temporary."
)


@pytest.fixture(scope="module")
def verifiers(embedder: MiniLMEmbeddings) -> tuple[ClaimVerifier, ClaimVerifier]:
    """The rules alone, and the rules with the committed rewording model."""
    return ClaimVerifier(embedder), ClaimVerifier(embedder, rewording=RewordingModel.load())


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            "Workers at the carmaker's Coventry plant will work shorter hours from March, "
            "according to the union.",
            "Workers",
        ),
        (
            "The union said employees at the Coventry plant will work shorter hours from March.",
            "employees",
        ),
    ],
)
def test_a_word_for_a_word_of_the_passage_is_read_as_rewording(
    verifiers: tuple[ClaimVerifier, ClaimVerifier], sentence: str, words: str
) -> None:
    rules, fitted = verifiers
    alone = rules.check(sentence, PASSAGE)
    assert (alone.supported, alone.kind) == (False, "unaccounted"), alone.reason
    assert alone.rewording is not None and alone.rewording.words == 1
    verdict = fitted.check(sentence, PASSAGE)
    assert (verdict.supported, verdict.kind) == (True, "reworded"), verdict.reason
    assert words in verdict.reason


def test_an_added_purpose_stays_unsupported(
    verifiers: tuple[ClaimVerifier, ClaimVerifier],
) -> None:
    sentence = (
        "Staff at the Coventry plant will work shorter hours from March to save money, "
        "the union said."
    )
    _, fitted = verifiers
    verdict = fitted.check(sentence, PASSAGE)
    assert (verdict.supported, verdict.kind) == (False, "unaccounted")
    assert "to save money" in verdict.reason
    assert verdict.rewording is not None and verdict.rewording.heads >= 2
    assert fitted.rewording is not None
    assert fitted.rewording.probability(verdict.rewording) < fitted.rewording.threshold


def test_a_model_fitted_on_other_features_is_refused(tmp_path: Path) -> None:
    model = RewordingModel.load()
    stale = model.model_copy(update={"feature_names": ["words", "similarity"]})
    path = stale.save(tmp_path / "rewording.json")
    with pytest.raises(ValueError, match="newsqa eval fit-rewording"):
        RewordingModel.load(path)
    assert list(FEATURE_NAMES) == model.feature_names


def test_fewer_and_closer_words_are_likelier_rewording() -> None:
    model = RewordingModel.load()

    def features(words: int, closest: float) -> RewordingFeatures:
        return RewordingFeatures(words, closest, closest, words, closest)

    close, far, many = features(1, 0.6), features(1, 0.2), features(3, 0.6)
    assert model.probability(close) > model.probability(far)
    assert model.probability(close) > model.probability(many)


def test_the_rewording_model_needs_an_embedder_that_reads_in_context() -> None:
    class WordsOnly:
        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return [[1.0] for _ in texts]

        def embed_query(self, text: str) -> list[float]:
            return [1.0]

    with pytest.raises(ValueError, match="embed_in_context"):
        ClaimVerifier(WordsOnly(), rewording=RewordingModel.load())  # type: ignore[arg-type]
