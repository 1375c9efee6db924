"""Records the assistant returns: retrieved passages, citations and answers."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class Passage(BaseModel):
    """A retrieved chunk with its article's metadata and its fused retrieval score."""

    chunk_id: str
    article_id: str
    title: str
    outlet: str = ""
    author: str = ""
    published: date | None = None
    url: str = ""
    text: str
    start: int = Field(description="Offset of the chunk in its article's text.")
    end: int
    score: float
    rank: int


class Citation(BaseModel):
    """A verified source for one or more sentences of an answer: ``[number]`` in the text."""

    number: int
    article_id: str
    title: str
    outlet: str = ""
    published: date | None = None
    url: str = ""
    quote: str = Field(description="Exact span of the article's text the claim rests on.")
    quote_start: int = Field(description="Offset of the quote in the article's text.")
    quote_end: int
    chunk_id: str
    chunk_text: str
    chunk_start: int
    score: float


class Answer(BaseModel):
    """An answer: text with ``[n]`` markers, the citations they point to, and how it was made."""

    question: str
    text: str
    citations: list[Citation] = Field(default_factory=list)
    passages: list[Passage] = Field(default_factory=list)
    refused: bool = False
    confidence: float = Field(
        default=0.0,
        description="Probability that the best sentence answers the question (0 to 1).",
    )
    timings: dict[str, float] = Field(default_factory=dict, description="Seconds per stage.")
    answerer: str = Field(default="grounded", description="The answerer that wrote the text.")
    model: str = Field(default="", description="The LLM that wrote it ('provider:model'), if any.")
    notice: str = Field(
        default="",
        description="What went wrong on the way, e.g. the LLM failed and the offline answerer "
        "answered instead; empty when nothing did.",
    )
    undated_excluded: int = Field(
        default=0,
        description="Undated articles the date filter left out (they have no date to compare).",
    )


class Scope(BaseModel):
    """What filters leave of the index (``Assistant.scope``)."""

    articles: int = Field(description="Articles the filters keep.")
    undated_excluded: int = Field(
        default=0, description="Undated articles a date filter left out (0 without one)."
    )
    message: str = Field(
        default="",
        description="When filters keep no article: which filter matched nothing, and what "
        "is indexed ('No article matches outlet=BBC; indexed outlets: ...'); else empty.",
    )
