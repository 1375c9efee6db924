"""The Chroma collection: embedded PersistentClient by default, a `chroma run` server when set."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any

import chromadb
import fasteners
import numpy as np
from chromadb.api.shared_system_client import SharedSystemClient
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import NotFoundError

from index.chunking import Chunk
from index.settings import IndexSettings

FINGERPRINT_KEY = "newsqa_fingerprint"
# Candidates Chroma's HNSW index explores per query. At Chroma's 100, a search for the 40
# nearest chunks found 0.987 of those an exact search finds over RealTimeQA-2022's 56,969
# chunks (the nearest missed for 1 question in 60, one search 0.85), and 0.997 over the
# SQuAD 2.0 test half's 1,498, where a process built from the same files found another 40
# than the one before: the same question answered otherwise from run to run. At 400: 0.999
# (the nearest never missed, the worst search 0.975) and 1.000, 2.1 ms a search against 1.3
# (2026-12-06, medians over 60 and 300 questions; exact search 3.5 ms).
EF_SEARCH = 400


class IndexMismatchError(RuntimeError):
    """The collection was built with other embedding or chunking settings."""


@contextmanager
def _opening(settings: IndexSettings) -> Iterator[None]:
    """Hold, across processes, the right to open the embedded Chroma folder of ``settings``.

    Starting an embedded client runs Chroma's schema migrations, and finding a collection may
    create it: two processes doing either at once on one folder fail at once with "table
    collections already exists" or "database is locked" (its SQLite is in rollback-journal
    mode, where a lock upgrade inside a transaction does not wait). Seen in CI with two
    `newsqa ingest` started together on a new data folder. The writer lock does not cover
    this: it is per collection, and readers open Chroma too. A server needs no such lock.
    """
    if settings.chroma_host:
        yield
        return
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    with fasteners.InterProcessLock(settings.chroma_path.with_name("chroma.open.lock")):
        yield


def connect(settings: IndexSettings) -> chromadb.api.ClientAPI:
    """A Chroma client for ``settings``, with anonymized telemetry off, that sees the database
    as it is now. Call under ``_opening``.

    Chroma keeps one in-memory system per folder and process, whose vector indexes never load
    what another process wrote since; so an embedded client starts a system of its own
    (clients made before keep working on theirs).
    """
    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    if settings.chroma_host:
        return chromadb.HttpClient(
            host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
        )
    SharedSystemClient.clear_system_cache()
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


def drop_collection(settings: IndexSettings) -> None:
    """Delete the collection of ``settings``, whatever it was built with; nothing if absent."""
    with _opening(settings), suppress(NotFoundError):
        connect(settings).delete_collection(settings.collection)


class VectorStore:
    """Chunk vectors and metadata in one Chroma collection, stamped with a fingerprint."""

    def __init__(self, settings: IndexSettings, fingerprint: str) -> None:
        self.name = settings.collection
        self.fingerprint = fingerprint
        with _opening(settings):
            self.client = connect(settings)
            # embedding_function=None: Chroma's default would download a model; we pass vectors.
            self.collection = self.client.get_or_create_collection(
                self.name,
                embedding_function=None,
                metadata={"hnsw:space": "cosine", FINGERPRINT_KEY: fingerprint},
            )
            hnsw = (self.collection.configuration or {}).get("hnsw") or {}
            if hnsw.get("ef_search", EF_SEARCH) < EF_SEARCH:
                # Read when Chroma loads the index: a collection made before is opened again.
                self.collection.modify(configuration={"hnsw": {"ef_search": EF_SEARCH}})
                self.client = connect(settings)
                self.collection = self.client.get_collection(self.name, embedding_function=None)
        found = (self.collection.metadata or {}).get(FINGERPRINT_KEY)
        if found != fingerprint:
            raise IndexMismatchError(
                f"collection {self.name!r} was built with {found!r}, but the settings give "
                f"{fingerprint!r}; use another NEWSQA_COLLECTION or run `newsqa reset`"
            )

    def add(self, chunks: Sequence[Chunk], vectors: Sequence[Sequence[float]]) -> None:
        """Write chunks with their vectors (upsert: a retried batch does not fail)."""
        # Chroma refuses batches over its limit (5,461 here): write in slices of that size.
        step = self.client.get_max_batch_size()
        for first in range(0, len(chunks), step):
            part = chunks[first : first + step]
            self.collection.upsert(
                ids=[c.id for c in part],
                embeddings=np.asarray(vectors[first : first + step], dtype=np.float32),
                documents=[c.text for c in part],
                metadatas=[c.metadata for c in part],
            )

    def restamp(self, chunks: Sequence[Chunk]) -> None:
        """Rewrite the metadata of chunks already held, keeping their vectors: an article's
        outlet or date changed, not these chunks' text."""
        step = self.client.get_max_batch_size()
        for first in range(0, len(chunks), step):
            part = chunks[first : first + step]
            self.collection.update(ids=[c.id for c in part], metadatas=[c.metadata for c in part])

    def delete(self, ids: Sequence[str]) -> None:
        """Remove chunks by id."""
        step = self.client.get_max_batch_size()
        for first in range(0, len(ids), step):
            self.collection.delete(ids=list(ids[first : first + step]))

    def query(
        self, vector: Sequence[float], n: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, float]]:
        """The ``n`` nearest chunk ids with their cosine similarity, best first."""
        result = self.collection.query(
            query_embeddings=np.asarray([vector], dtype=np.float32),
            n_results=n,
            where=where or None,
            include=["distances"],
        )
        distances = (result.get("distances") or [[]])[0]
        return [(cid, 1.0 - float(d)) for cid, d in zip(result["ids"][0], distances, strict=True)]

    def ids(self) -> set[str]:
        """Every chunk id in the collection."""
        return set(self.collection.get(include=[])["ids"])

    def count(self) -> int:
        """Number of chunks held."""
        return int(self.collection.count())
