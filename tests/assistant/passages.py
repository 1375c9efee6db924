"""Building retrieved passages by hand, for tests of the answerer and the checker."""

from __future__ import annotations

from assistant.records import Passage


def passage_of(text: str, *, start: int = 0, title: str = "T") -> Passage:
    """``text`` as the first-ranked passage of an article, starting at ``start`` in it."""
    return Passage(
        chunk_id="c1",
        article_id="a1",
        title=title,
        text=text,
        start=start,
        end=start + len(text),
        score=1.0,
        rank=1,
    )
