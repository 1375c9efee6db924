"""The assistant's settings: the index's, extended with retrieval and answering."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from index.settings import IndexSettings


class AssistantSettings(IndexSettings):
    """Everything ``Assistant`` reads; ``NEWSQA_`` environment variables override defaults."""

    k: int = Field(default=4, ge=1, le=50, description="Passages handed to the answerer.")
    fetch_k: int = Field(
        default=40,
        ge=1,
        description="Candidates each retriever (dense, BM25) contributes to fusion.",
    )
    fusion: Literal["zscore", "rrf"] = Field(
        default="zscore",
        description="How dense and BM25 scores combine: standardised scores, or reciprocal ranks.",
    )
    rrf_k: int = Field(default=60, ge=1, description="Reciprocal rank fusion constant (rrf).")
    dense_weight: float = Field(
        default=0.45, ge=0, description="Weight of the dense ranking in fusion."
    )
    lexical_weight: float = Field(
        default=0.55, ge=0, description="Weight of the BM25 ranking in fusion."
    )
    # Tuned over candidates cached from the SQuAD 2.0 and RealTimeQA-2022 dev indexes (see
    # retrieval.py): rescoring 30 or all ~80 candidates gained nothing over 20, and weights from
    # 0.2 to 0.5 gave SQuAD Hit@10 within 0.002 of each other.
    sentence_top: int = Field(
        default=20,
        ge=0,
        description="Leading chunks rescored by their sentence closest to the question (0: off).",
    )
    sentence_weight: float = Field(
        default=0.35, ge=0, description="Weight of the best-sentence score in fusion."
    )
    # A long story's chunks crowd other articles out of the top; measured on RealTimeQA-2022 dev
    # Hit@10 rises and on the gold suite answers improve (0.870 -> 0.891 contain the answer).
    max_per_article: int = Field(
        default=2,
        ge=0,
        description="Most passages of one article while others have some (0: no limit).",
    )
    date_window_days: int = Field(
        default=14,
        ge=0,
        description="With an as-of date, also search articles from this many days before it.",
    )
    # 2.0 measured on RealTimeQA-2022 dev: MRR@10 0.624 with 1.0, 0.667 with 2.0.
    date_weight: float = Field(
        default=2.0, ge=0, description="How strongly an as-of date prefers articles just before it."
    )
    answerer: Literal["grounded"] = Field(
        default="grounded", description="Answer strategy: 'grounded' picks cited sentences, no LLM."
    )
    max_sentences: int = Field(default=2, ge=1, le=6, description="Most sentences in an answer.")
    min_support: float = Field(
        default=0.42,
        ge=0,
        le=1,
        description="Refuse when the best sentence's support score is below this.",
    )
    min_confidence: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description=(
            "Also refuse when Answer.confidence (the answerability model's probability) is "
            "below this; unset: not used (the model's tune-half threshold is in "
            "assistant/answerability.json)."
        ),
    )
    sample_if_empty: bool = Field(
        default=True, description="Index the bundled sample article when the index is empty."
    )
