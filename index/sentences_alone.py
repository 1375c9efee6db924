"""Each sentence of each chunk embedded on its own, once, at ingest, and kept in the ledger;
so is each sentence that leans on the one before it, read with that one.

The grounded answerer scores its shortlisted sentences by their vectors read alone (the
vectors read in their chunk, ``index.sentence_vectors``, misrank them). Embedding those few
sentences at question time was most of the answer stage: read from here instead, the stage
took 40 ms a RealTimeQA-2022 question against 147 ms, with the same 60 answers (medians,
alternating in one process on a loaded machine, 2026-12-05). Made at ingest, they cost about
as much as the chunk's own pass over the same text: ingesting 120 BBC politics articles (418
chunks) took 50.7 and 51.1 s against 35.6 and 35.8 s without them.

"Those strikes were ..." is read with the sentence before it (``LEANS_ON_CONTEXT``), and two
RealTimeQA-2022 questions in five shortlisted such a pair, embedded at question time until
the pairs were kept here too. The pair's own vector is kept: the sum of its two sentences'
vectors, tried instead, lost SQuAD answers.

Usage::

    alone = SentencesAlone(ledger, embedder)
    alone.fill()                        # embed what chunks have none of yet (ingest)
    kept = alone.of(["c1", "c2"])["c1"]
    kept.alone                          # one L2-normalised row per sentence of chunk c1
    kept.with_previous[3]               # sentence 3 read with sentence 2, where 3 leans on 2
    sentence_texts(chunk_text)          # those sentences, as the answerer reads them
    leaning_pairs(chunk_text)           # (3, "Sentence two. Sentence three."), ...
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from langchain_core.embeddings import Embeddings
from tqdm import tqdm

from index.ledger import Ledger
from index.minilm_runtime import normalize
from index.sentence_vectors import (
    EmbedsInContext,
    matrix_row,
    stored_matrices,
    stored_matrix,
    stored_rows,
)
from index.sentences import LEANS_ON_CONTEXT, collapsed, sentence_spans

logger = logging.getLogger(__name__)

_ALONE = (
    "CREATE TABLE IF NOT EXISTS sentences_alone "
    "(chunk_id TEXT PRIMARY KEY, dims INTEGER NOT NULL, vectors BLOB NOT NULL)"
)
# ``positions``: the leaning sentences' positions in the chunk, comma-separated, one a row.
_PAIRS = (
    "CREATE TABLE IF NOT EXISTS sentence_pairs "
    "(chunk_id TEXT PRIMARY KEY, positions TEXT NOT NULL, dims INTEGER NOT NULL, "
    "vectors BLOB NOT NULL)"
)
# Chunks embedded and committed together: an interrupted fill keeps what it committed.
_FILL_BATCH = 64


def sentence_texts(text: str) -> list[str]:
    """The sentences of a chunk's ``text`` with their whitespace collapsed, in order: the text
    the answerer gives a sentence it reads alone."""
    return [collapsed(text[start:end]) for start, end in sentence_spans(text)]


def leaning_pairs(text: str) -> list[tuple[int, str]]:
    """Each sentence of ``text`` after the first that leans on the one before it, by its
    position, with the text the answerer gives the two read together."""
    spans = sentence_spans(text)
    return [
        (position, collapsed(text[spans[position - 1][0] : end]))
        for position, (start, end) in enumerate(spans)
        if position and LEANS_ON_CONTEXT.match(text[start:end])
    ]


@dataclass(frozen=True)
class ChunkSentences:
    """A chunk's kept vectors, L2-normalised: ``alone``, one row per sentence
    (``sentence_texts``); ``with_previous``, by position, each leaning sentence read with the
    one before it (``leaning_pairs``), empty where the pairs are not kept yet."""

    alone: np.ndarray
    with_previous: Mapping[int, np.ndarray] = field(default_factory=dict)


@dataclass(frozen=True)
class _Kept:
    """One table of vectors made at ingest: what each chunk's text gives to embed, by
    position, and the row a chunk's positions and vectors are stored as."""

    table: str
    schema: str
    desc: str
    texts: Callable[[str], list[tuple[int, str]]]
    row: Callable[[str, list[int], np.ndarray], tuple[object, ...]]


_KEPT = (
    _Kept(
        "sentences_alone",
        _ALONE,
        "sentences",
        lambda text: list(enumerate(sentence_texts(text))),
        lambda chunk_id, _, matrix: matrix_row(chunk_id, matrix),
    ),
    _Kept(
        "sentence_pairs",
        _PAIRS,
        "sentence pairs",
        leaning_pairs,
        lambda chunk_id, positions, matrix: (
            chunk_id,
            ",".join(map(str, positions)),
            *matrix_row(chunk_id, matrix)[1:],
        ),
    ),
)


class SentencesAlone:
    """The vectors of chunk sentences read on their own, and of leaning sentences read with
    the one before, stored as float16 beside the chunk.

    ``fill`` embeds them for every chunk that has none stored, so an index built before they
    were kept gains them at its next ingest. Chunk ids change with their text, so stored
    vectors never go stale; ``delete`` drops them with their chunks.
    """

    def __init__(self, ledger: Ledger, embedder: Embeddings) -> None:
        self.ledger = ledger
        self.embedder = embedder
        for kept in _KEPT:
            ledger.db.execute(kept.schema)

    def fill(self, *, progress: bool = False) -> int:
        """Embed and store the sentences and pairs of every chunk without them; returns how
        many chunks were filled, a chunk counted once for its sentences and once for its
        pairs. Only for an embedder that reads sentences in their chunk: for any other, the
        vectors ``index.sentence_vectors`` keeps are the sentences' own already, and pairs are
        embedded when the answerer reads them."""
        if not isinstance(self.embedder, EmbedsInContext):
            return 0
        return sum(self._fill(kept, progress) for kept in _KEPT)

    def _fill(self, kept: _Kept, progress: bool) -> int:
        missing = self.ledger.db.execute(
            f"SELECT id, text FROM chunks WHERE id NOT IN (SELECT chunk_id FROM {kept.table})"
        ).fetchall()
        if not missing:
            return 0
        logger.info("embedding the %s of %d chunks", kept.desc, len(missing))
        with tqdm(total=len(missing), desc=kept.desc, unit="chunk", disable=not progress) as bar:
            for first in range(0, len(missing), _FILL_BATCH):
                batch = missing[first : first + _FILL_BATCH]
                texts = [kept.texts(text) for _, text in batch]
                flat = [t for pieces in texts for _, t in pieces]
                vectors = np.asarray(
                    self.embedder.embed_documents(flat) if flat else [], dtype=np.float32
                )
                rows, at = [], 0
                for (chunk_id, _), pieces in zip(batch, texts, strict=True):
                    # A chunk with nothing to embed is stored too, or each fill would try it.
                    positions = [p for p, _ in pieces]
                    rows.append(kept.row(chunk_id, positions, vectors[at : at + len(pieces)]))
                    at += len(pieces)
                marks = ", ".join("?" * len(rows[0]))
                with self.ledger.transaction() as db:
                    db.executemany(f"INSERT OR REPLACE INTO {kept.table} VALUES ({marks})", rows)
                bar.update(len(batch))
        return len(missing)

    def of(self, chunk_ids: Sequence[str]) -> dict[str, ChunkSentences]:
        """The kept vectors of those of ``chunk_ids`` that have their sentences stored."""
        alone = stored_matrices(self.ledger.db, "sentences_alone", chunk_ids)
        pairs = self._pairs(list(alone))
        return {
            c: ChunkSentences(normalize(m) if m.ndim == 2 else m, pairs.get(c, {}))
            for c, m in alone.items()
        }

    def _pairs(self, chunk_ids: list[str]) -> dict[str, dict[int, np.ndarray]]:
        rows = stored_rows(
            self.ledger.db, "sentence_pairs", ("positions", "dims", "vectors"), chunk_ids
        )
        return {
            chunk_id: dict(
                zip(
                    map(int, positions.split(",")),
                    normalize(stored_matrix(dims, blob)),
                    strict=True,
                )
            )
            for chunk_id, positions, dims, blob in rows
            if dims
        }

    def delete(self, db: sqlite3.Connection, chunk_ids: Sequence[str]) -> None:
        """Drop the vectors of deleted chunks (inside the ledger's transaction)."""
        for kept in _KEPT:
            db.executemany(
                f"DELETE FROM {kept.table} WHERE chunk_id = ?", [(c,) for c in chunk_ids]
            )


def clear_sentences_alone(db: sqlite3.Connection) -> None:
    """Delete every stored vector (inside the ledger's transaction, for a reset)."""
    for kept in _KEPT:
        db.execute(kept.schema)
        db.execute(f"DELETE FROM {kept.table}")
