"""One vector per sentence of each chunk, kept in the ledger beside the chunk."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

import numpy as np
from langchain_core.embeddings import Embeddings

from index.chunking import Chunk, embedding_text
from index.ledger import ChunkRow, Ledger
from index.sentences import sentence_spans

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS sentence_vectors "
    "(chunk_id TEXT PRIMARY KEY, dims INTEGER NOT NULL, vectors BLOB NOT NULL)"
)


@runtime_checkable
class EmbedsInContext(Protocol):
    """An embedder that also gives vectors of spans of a text from the text's own pass."""

    def embed_in_context(
        self, texts: list[str], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> tuple[list[list[float]], list[np.ndarray]]: ...


def _sentences_of(title: str, text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text the embedder reads for a chunk, and where each sentence lies in it."""
    full = embedding_text(title, text)
    shift = len(full) - len(text)
    spans = sentence_spans(text) or [(0, len(text))]
    return full, [(start + shift, end + shift) for start, end in spans]


class SentenceVectors:
    """Sentence vectors of chunks, so retrieval can score a chunk by its best sentence: a
    question usually turns on one sentence, which the chunk's single vector dilutes.

    With the bundled MiniLM they come out of the chunk's own embedding pass (each sentence's
    word pieces, read in the context of the chunk), so ingest pays nothing more. Chunks indexed
    without them, or by another embedder, get them on first request. They are stored as float16;
    chunk ids change with their text, so stored vectors never go stale, and ``delete`` drops
    them with their chunks.
    """

    def __init__(self, ledger: Ledger, embedder: Embeddings) -> None:
        self.ledger = ledger
        self.embedder = embedder
        ledger.db.execute(_SCHEMA)

    def embed(self, chunks: Sequence[Chunk]) -> tuple[list[list[float]], dict[str, np.ndarray]]:
        """Chunk vectors for the vector store and, when the embedder gives them from the same
        pass, the chunks' sentence vectors for ``write``."""
        if not isinstance(self.embedder, EmbedsInContext):
            return self.embedder.embed_documents([c.embedding_text for c in chunks]), {}
        texts, spans = zip(*(_sentences_of(c.article.title, c.text) for c in chunks), strict=True)
        vectors, sentences = self.embedder.embed_in_context(list(texts), list(spans))
        return vectors, {c.id: m for c, m in zip(chunks, sentences, strict=True)}

    def write(self, db: sqlite3.Connection, made: Mapping[str, np.ndarray]) -> None:
        """Store sentence vectors (inside the ledger's transaction)."""
        db.executemany(
            "INSERT OR REPLACE INTO sentence_vectors VALUES (?, ?, ?)",
            [matrix_row(cid, m) for cid, m in made.items()],
        )

    def of(self, rows: Mapping[str, ChunkRow]) -> dict[str, np.ndarray]:
        """Each chunk's sentence vectors (one row a sentence, L2-normalised), making and storing
        those not held yet."""
        found = self._stored(list(rows))
        missing = [cid for cid in rows if cid not in found]
        if not missing:
            return found
        texts, spans = zip(
            *(_sentences_of(rows[c].article.title, rows[c].text) for c in missing), strict=True
        )
        if isinstance(self.embedder, EmbedsInContext):
            _, sentences = self.embedder.embed_in_context(list(texts), list(spans))
        else:
            flat = self.embedder.embed_documents(
                [
                    text[start:end]
                    for text, pieces in zip(texts, spans, strict=True)
                    for start, end in pieces
                ]
            )
            sentences, first = [], 0
            for pieces in spans:
                sentences.append(np.asarray(flat[first : first + len(pieces)]))
                first += len(pieces)
        # Rounded as stored, so a chunk scores the same whether its vectors were just made.
        made = {
            cid: m.astype(np.float16).astype(np.float32)
            for cid, m in zip(missing, sentences, strict=True)
        }
        with self.ledger.transaction() as db:
            self.write(db, made)
        return found | made

    def delete(self, db: sqlite3.Connection, chunk_ids: Sequence[str]) -> None:
        """Drop the vectors of deleted chunks (inside the ledger's transaction)."""
        db.executemany("DELETE FROM sentence_vectors WHERE chunk_id = ?", [(c,) for c in chunk_ids])

    def _stored(self, chunk_ids: list[str]) -> dict[str, np.ndarray]:
        return stored_matrices(self.ledger.db, "sentence_vectors", chunk_ids)


def matrix_row(chunk_id: str, matrix: np.ndarray) -> tuple[str, int, bytes]:
    """A chunk's sentence vectors as a row of a (chunk_id, dims, vectors) table, as float16;
    a chunk without a sentence has dims 0."""
    dims = matrix.shape[1] if matrix.ndim == 2 and len(matrix) else 0
    return chunk_id, dims, matrix.astype(np.float16).tobytes()


def stored_matrices(
    db: sqlite3.Connection, table: str, chunk_ids: Sequence[str]
) -> dict[str, np.ndarray]:
    """The matrices ``table`` (chunk_id, dims, vectors) holds for those of ``chunk_ids`` that it
    has, as float32, one row a sentence (an empty array for a chunk without a sentence)."""
    return {
        chunk_id: stored_matrix(dims, blob)
        for chunk_id, dims, blob in stored_rows(db, table, ("dims", "vectors"), chunk_ids)
    }


def stored_rows(
    db: sqlite3.Connection, table: str, columns: Sequence[str], chunk_ids: Sequence[str]
) -> Iterator[tuple[Any, ...]]:
    """The chunk id and ``columns`` of each row ``table`` holds for ``chunk_ids``, each chunk
    once, looked up 500 at a time (SQLite's limit on a statement's parameters)."""
    ids = list(dict.fromkeys(chunk_ids))
    for first in range(0, len(ids), 500):
        part = ids[first : first + 500]
        marks = ",".join("?" * len(part))
        yield from db.execute(
            f"SELECT chunk_id, {', '.join(columns)} FROM {table} WHERE chunk_id IN ({marks})",
            part,
        )


def stored_matrix(dims: int, blob: bytes) -> np.ndarray:
    """A matrix as ``matrix_row`` stored it, as float32 (an empty array when ``dims`` is 0)."""
    matrix = np.frombuffer(blob, np.float16).astype(np.float32)
    return matrix.reshape(-1, dims) if dims else matrix


def clear_sentence_vectors(db: sqlite3.Connection) -> None:
    """Delete every stored sentence vector (inside the ledger's transaction, for a reset, which
    has no embedder to build ``SentenceVectors`` with)."""
    db.execute(_SCHEMA)
    db.execute("DELETE FROM sentence_vectors")
