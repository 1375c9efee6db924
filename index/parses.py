"""Each chunk parsed once, at ingest, and kept in the ledger beside the chunk.

Usage::

    parses = ChunkParses(ledger)
    parses.fill()                   # parse the chunks that have no parse yet (ingest does)
    doc = parses.parsed(row.text)   # the stored spaCy Doc of a chunk's text, or None
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tqdm import tqdm

from index.ledger import Ledger
from index.parser import model_version, parse_texts, spacy_pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

_TABLE = (
    "CREATE TABLE IF NOT EXISTS parses "
    "(chunk_id TEXT PRIMARY KEY, text_key TEXT NOT NULL, model TEXT NOT NULL, doc BLOB NOT NULL)"
)
_KEYS = "CREATE INDEX IF NOT EXISTS parses_text_key ON parses(text_key)"
# What a stored parse keeps of each token: DocBin's defaults (words, tags, the tree, entities,
# lemmas, morphology) and the norm, which the pipeline's rules set ("n't" reads "not").
_ATTRS = [
    "ORTH",
    "NORM",
    "TAG",
    "HEAD",
    "DEP",
    "ENT_IOB",
    "ENT_TYPE",
    "ENT_KB_ID",
    "LEMMA",
    "MORPH",
    "POS",
]
# Chunks parsed and committed together: an interrupted fill keeps what it committed.
_FILL_BATCH = 256


def text_key(text: str) -> str:
    """Finds a text's stored parse; a chunk's text is all the verifier is given."""
    return hashlib.sha256(text.encode()).hexdigest()


class ChunkParses:
    """Chunks parsed once by ``index.parser`` and stored compressed (about 4 KB a chunk), so
    the claim verifier reads a retrieved passage's parse in about 1 ms instead of parsing it
    for about 40 ms at each question.

    ``fill`` parses every chunk without a parse by the installed model, so an index built
    before parses were stored, or with another model version, gains them at its next ingest.
    Chunk ids change with their text, so a stored parse never goes stale; ``delete`` drops
    parses with their chunks.
    """

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        ledger.db.execute(_TABLE)
        ledger.db.execute(_KEYS)

    def fill(self, *, progress: bool = False) -> int:
        """Parse and store every chunk that has no parse by the installed model; returns how
        many were parsed."""
        model = model_version()
        missing = self.ledger.db.execute(
            "SELECT id, text FROM chunks WHERE id NOT IN "
            "(SELECT chunk_id FROM parses WHERE model = ?)",
            (model,),
        ).fetchall()
        if not missing:
            return 0
        logger.info("parsing %d chunks for the verifier", len(missing))
        with tqdm(total=len(missing), desc="parsing", unit="chunk", disable=not progress) as bar:
            for first in range(0, len(missing), _FILL_BATCH):
                batch = missing[first : first + _FILL_BATCH]
                docs = parse_texts([text for _, text in batch])
                rows = [
                    (cid, text_key(text), model, _to_bytes(doc))
                    for (cid, text), doc in zip(batch, docs, strict=True)
                ]
                with self.ledger.transaction() as db:
                    db.executemany("INSERT OR REPLACE INTO parses VALUES (?, ?, ?, ?)", rows)
                bar.update(len(batch))
        return len(missing)

    def parsed(self, text: str) -> Doc | None:
        """The stored parse of a chunk whose text is ``text``, or None when there is none."""
        found = self.ledger.db.execute(
            "SELECT doc FROM parses WHERE text_key = ? AND model = ? LIMIT 1",
            (text_key(text), model_version()),
        ).fetchone()
        return None if found is None else _from_bytes(found[0])

    def delete(self, db: sqlite3.Connection, chunk_ids: Sequence[str]) -> None:
        """Drop the parses of deleted chunks (inside the ledger's transaction)."""
        db.executemany("DELETE FROM parses WHERE chunk_id = ?", [(c,) for c in chunk_ids])


def clear_parses(db: sqlite3.Connection) -> None:
    """Delete every stored parse (inside the ledger's transaction, for a reset, which loads no
    parser)."""
    db.execute(_TABLE)
    db.execute("DELETE FROM parses")


def _to_bytes(doc: Doc) -> bytes:
    from spacy.tokens import DocBin

    docs = DocBin(attrs=_ATTRS, store_user_data=False)
    docs.add(doc)
    return docs.to_bytes()


def _from_bytes(data: bytes) -> Doc:
    """The Doc ``_to_bytes`` stored, read as ``DocBin.from_bytes`` and ``get_docs`` read it but
    for srsly's lookup of its unpacking hooks at every call, a scan of the installed packages'
    entry points: 0.25 of the 0.5 ms a chunk's decode took (300 RealTimeQA-2022 chunks,
    2026-12-05). A DocBin holds nothing those hooks read: ints, strings and bytes."""
    vocab = spacy_pipeline().vocab  # first: it imports spaCy without torch
    import numpy as np
    from spacy.attrs import ORTH
    from spacy.tokens import Doc
    from srsly.msgpack import unpackb

    # A pairs hook stands in for srsly's own hooks, which it skips when given one.
    found = unpackb(zlib.decompress(data), raw=False, object_pairs_hook=dict)
    for string in found["strings"]:
        vocab[string]  # the words' entries, which the Doc is made of
    attrs = found["attrs"]
    rows = np.frombuffer(found["tokens"], dtype="uint64").reshape(-1, len(attrs))
    spaces = np.frombuffer(found["spaces"], dtype=bool)
    # spaCy's stubs want lists and its own array type; get_docs passes these arrays too.
    doc = Doc(vocab, words=rows[:, attrs.index(ORTH)], spaces=spaces)  # type: ignore[arg-type]
    return doc.from_array(attrs, rows)  # type: ignore[arg-type]
