"""The Article record and its identity."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urldefrag, urlsplit, urlunsplit

from index.characters import clean_field, clean_text

_SPACE = re.compile(r"\s+")


def canonical_url(url: str | None) -> str:
    """URL with inner whitespace and the ``#fragment`` removed and scheme and host lower-cased.

    Copies of articles often carry a broken-up URL or a ``#:~:text=`` fragment; both name the
    same article, so identity must ignore them.
    """
    if not url:
        return ""
    cleaned, _ = urldefrag(_SPACE.sub("", url))
    parts = urlsplit(cleaned)
    if not parts.scheme or not parts.netloc:
        return cleaned
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, ""))


def content_hash(text: str) -> str:
    """Short SHA-256 of a text, stable across runs and machines."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def article_id_for(url: str, title: str, text: str) -> str:
    """Stable id: derived from the canonical URL when known, else from the title and text."""
    key = canonical_url(url)
    return "u" + content_hash(key) if key else "t" + content_hash(f"{title}\n{text}")


@dataclass(frozen=True)
class Article:
    """One news article: its body text and metadata.

    ``text`` is the cleaned body; citations quote exact character spans of it. Control
    characters, and in the one-line fields bidirectional and zero-width ones, are removed
    (see ``index.characters``).
    ``source`` names the file (and line, for JSONL) the article was read from.
    """

    text: str
    title: str
    outlet: str = ""
    author: str = ""
    published: date | None = None
    url: str = ""
    source: str = ""
    id: str = field(init=False)
    hash: str = field(init=False)

    def __post_init__(self) -> None:
        # Made from untrusted files: no terminal controls or disguising characters get stored.
        object.__setattr__(self, "text", clean_text(self.text))
        for name in ("title", "outlet", "author"):
            object.__setattr__(self, name, clean_field(getattr(self, name)))
        object.__setattr__(self, "url", canonical_url(clean_field(self.url)))
        object.__setattr__(self, "id", article_id_for(self.url, self.title, self.text))
        object.__setattr__(
            self,
            "hash",
            content_hash(
                "\x1f".join(
                    [
                        self.text,
                        self.title,
                        self.outlet,
                        self.author,
                        self.published.isoformat() if self.published else "",
                        self.url,
                    ]
                )
            ),
        )
