"""Each sentence of each chunk embedded on its own, once, at ingest, and kept in the ledger.

The grounded answerer scores its shortlisted sentences by their vectors read alone (the
vectors read in their chunk, ``index.sentence_vectors``, misrank them). Embedding those few
sentences at question time was most of the answer stage: read from here instead, the stage
took 40 ms a RealTimeQA-2022 question against 147 ms, with the same 60 answers (medians,
alternating in one process on a loaded machine, 2026-12-05). Made at ingest, they cost about
as much as the chunk's own pass over the same text: ingesting 120 BBC politics articles (418
chunks) took 50.7 and 51.1 s against 35.6 and 35.8 s without them.

Usage::

    alone = SentencesAlone(ledger, embedder)
    alone.fill()                        # embed the sentences of chunks that have none (ingest)
    alone.of(["c1", "c2"])["c1"]        # one L2-normalised row per sentence of chunk c1
    sentence_texts(chunk_text)          # those sentences, as the answerer reads them
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence

import numpy as np
from langchain_core.embeddings import Embeddings
from tqdm import tqdm

from index.ledger import Ledger
from index.minilm_runtime import normalize
from index.sentence_vectors import EmbedsInContext, matrix_row, stored_matrices
from index.sentences import collapsed, sentence_spans

logger = logging.getLogger(__name__)

_TABLE = (
    "CREATE TABLE IF NOT EXISTS sentences_alone "
    "(chunk_id TEXT PRIMARY KEY, dims INTEGER NOT NULL, vectors BLOB NOT NULL)"
)
# Chunks embedded and committed together: an interrupted fill keeps what it committed.
_FILL_BATCH = 64


def sentence_texts(text: str) -> list[str]:
    """The sentences of a chunk's ``text`` with their whitespace collapsed, in order: the text
    the answerer gives a sentence it reads alone."""
    return [collapsed(text[start:end]) for start, end in sentence_spans(text)]


class SentencesAlone:
    """The vectors of chunk sentences read on their own, stored as float16 beside the chunk.

    ``fill`` embeds the sentences of every chunk that has none stored, so an index built
    before they were kept gains them at its next ingest. Chunk ids change with their text, so
    stored vectors never go stale; ``delete`` drops them with their chunks.
    """

    def __init__(self, ledger: Ledger, embedder: Embeddings) -> None:
        self.ledger = ledger
        self.embedder = embedder
        ledger.db.execute(_TABLE)

    def fill(self, *, progress: bool = False) -> int:
        """Embed and store the sentences of every chunk without them; returns how many chunks
        were filled. Only for an embedder that reads sentences in their chunk: for any other,
        the vectors ``index.sentence_vectors`` keeps are the sentences' own already."""
        if not isinstance(self.embedder, EmbedsInContext):
            return 0
        missing = self.ledger.db.execute(
            "SELECT id, text FROM chunks WHERE id NOT IN (SELECT chunk_id FROM sentences_alone)"
        ).fetchall()
        if not missing:
            return 0
        logger.info("embedding the sentences of %d chunks on their own", len(missing))
        with tqdm(total=len(missing), desc="sentences", unit="chunk", disable=not progress) as bar:
            for first in range(0, len(missing), _FILL_BATCH):
                batch = missing[first : first + _FILL_BATCH]
                texts = [sentence_texts(text) for _, text in batch]
                flat = [s for sentences in texts for s in sentences]
                vectors = np.asarray(
                    self.embedder.embed_documents(flat) if flat else [], dtype=np.float32
                )
                rows, at = [], 0
                for (chunk_id, _), sentences in zip(batch, texts, strict=True):
                    # A chunk without a sentence is stored too, or each fill would try it again.
                    rows.append(matrix_row(chunk_id, vectors[at : at + len(sentences)]))
                    at += len(sentences)
                with self.ledger.transaction() as db:
                    db.executemany("INSERT OR REPLACE INTO sentences_alone VALUES (?, ?, ?)", rows)
                bar.update(len(batch))
        return len(missing)

    def of(self, chunk_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored sentence vectors of those of ``chunk_ids`` that have them, one
        L2-normalised row per sentence (``sentence_texts``)."""
        stored = stored_matrices(self.ledger.db, "sentences_alone", chunk_ids)
        return {c: normalize(m) if m.ndim == 2 else m for c, m in stored.items()}

    def delete(self, db: sqlite3.Connection, chunk_ids: Sequence[str]) -> None:
        """Drop the vectors of deleted chunks (inside the ledger's transaction)."""
        db.executemany("DELETE FROM sentences_alone WHERE chunk_id = ?", [(c,) for c in chunk_ids])


def clear_sentences_alone(db: sqlite3.Connection) -> None:
    """Delete every stored vector (inside the ledger's transaction, for a reset)."""
    db.execute(_TABLE)
    db.execute("DELETE FROM sentences_alone")
