"""Hand-made retrieval records for tests: a passage or a citation with every required field,
so a test names only the fields it is about."""

from __future__ import annotations

from typing import Any

from assistant import Citation, Passage


def passage_of(text: str, **fields: Any) -> Passage:
    """``text`` as a retrieved passage: first-ranked, at the start of article ``a1`` unless
    ``fields`` say otherwise (``start`` moves its end along with it)."""
    start = fields.pop("start", 0)
    defaults: dict[str, Any] = {
        "chunk_id": "c1",
        "article_id": "a1",
        "title": "T",
        "score": 1.0,
        "rank": 1,
    }
    return Passage(**defaults | fields, text=text, start=start, end=start + len(text))


def citation_of(**fields: Any) -> Citation:
    """Citation [1] of a one-character quote, with ``fields`` replacing any of its values."""
    defaults: dict[str, Any] = {
        "number": 1,
        "article_id": "a1",
        "title": "T",
        "url": "",
        "quote": "q",
        "quote_start": 0,
        "quote_end": 1,
        "chunk_id": "c1",
        "chunk_text": "q",
        "chunk_start": 0,
        "score": 1.0,
    }
    return Citation.model_validate(defaults | fields)
