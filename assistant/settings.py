"""The assistant's settings: the index's, extended with retrieval and answering."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr

from index.settings import IndexSettings

# The grounded answerer refuses when its best sentence's support score is below this. Swept on
# the tune halves (2026-12-05: the best answering candidate of every question recorded once and
# the threshold moved over it, which refuses what `newsqa eval --set min_support=X` refuses,
# the answers otherwise unchanged): on SQuAD 2.0 (1,847 questions) correct refusals rise quickly up
# to 0.42 (248 at 0.40, 265 at 0.42 of 889) and false refusals slowly (49, 52 of 958), while on
# the 150 archive news questions false refusals stay at 23-24 from 0.40 to 0.42 and then climb
# (27 at 0.44, 35 at 0.48) with fewer answers holding the gold one (47 to 45); RealTimeQA-2022
# and gold change by one question at most between 0.40 and 0.44.
MIN_SUPPORT = 0.42

# The most passages a question may read: beyond it the answerer's prompt and its time grow while
# retrieval has long stopped finding anything relevant.
MAX_K = 50


class AssistantSettings(IndexSettings):
    """Everything ``Assistant`` reads; ``NEWSQA_`` environment variables override defaults."""

    k: int = Field(default=4, ge=1, le=MAX_K, description="Passages handed to the answerer.")
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
    answerer: Literal["grounded", "llm"] = Field(
        default="grounded",
        description=(
            "Answer strategy: 'grounded' picks cited sentences, no LLM; 'llm' has the model "
            "named by `llm` write the answer, every citation verified before it is shown."
        ),
    )
    llm: str | None = Field(
        default=None,
        description=(
            "The LLM answerer's model: 'openai:<model>' (OpenAI, or any OpenAI-compatible server "
            "at llm_base_url: vLLM, LM Studio, llama.cpp's server), 'ollama:<model>', or "
            "'llamacpp:/path/model.gguf' (in-process); unset: no LLM answerer."
        ),
    )
    llm_base_url: str | None = Field(
        default=None,
        description="Address of the LLM server, e.g. http://127.0.0.1:8080/v1; unset: the "
        "provider's default.",
    )
    llm_api_key: SecretStr | None = Field(
        default=None,
        description="API key for the LLM server; unset: OPENAI_API_KEY, or none for a local "
        "server at llm_base_url.",
    )
    llm_timeout: float = Field(
        default=60.0,
        gt=0,
        description="Seconds an LLM answer may take in all before it is cut off and the "
        "offline answerer answers instead.",
    )
    llm_max_tokens: int = Field(
        default=384, ge=16, description="Most tokens the LLM may write for one answer."
    )
    llm_temperature: float = Field(
        default=0.0, ge=0, le=2, description="The LLM's sampling temperature."
    )
    llm_context: int = Field(
        default=4096,
        ge=512,
        description="Context window, in tokens, of an in-process llama.cpp model (llamacpp:).",
    )
    llm_chat_format: str | None = Field(
        default=None,
        description="Chat format of an in-process llama.cpp model (llamacpp:) whose GGUF holds "
        "no chat template, e.g. 'gemma' or 'chatml'; unset: the file's own template.",
    )
    llm_fallback: Literal["grounded", "refuse"] = Field(
        default="grounded",
        description="When the LLM fails or none of its sentences verifies: answer with the "
        "offline answerer ('grounded') or say the articles do not settle it ('refuse').",
    )
    max_sentences: int = Field(default=2, ge=1, le=6, description="Most sentences in an answer.")
    min_support: float = Field(
        default=MIN_SUPPORT,
        ge=0,
        le=1,
        description="Refuse when the best sentence's support score is below this.",
    )
    answerability_model: Path | None = Field(
        default=None,
        description="The answerability model (weights and refusal threshold) as JSON; unset: "
        "the one shipped in assistant/answerability.json.",
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
