"""What every loader yields: an Article, or a LoadFailure naming the file and the reason."""

from __future__ import annotations

from dataclasses import dataclass

from index.article import Article


@dataclass(frozen=True)
class LoadFailure:
    """An input that could not become an article; ``source`` is ``path`` or ``path:line``."""

    source: str
    reason: str


class ArticleError(ValueError):
    """Raised by a parser for input it cannot turn into an article; the message says what to fix."""


Loaded = Article | LoadFailure
