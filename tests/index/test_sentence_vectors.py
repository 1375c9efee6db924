from __future__ import annotations

from pathlib import Path

import numpy as np

from assistant import AssistantSettings
from index.embeddings import MiniLMEmbeddings
from index.pipeline import Index, reset_index
from tests.index.conftest import (
    CountingEmbeddings,
    CountingInContext,
    HarbourFeed,
    stored_chunk_ids,
)

SENTENCES = [
    "The harbour at Port Ellis reopened on Tuesday after a storm closed it for three days.",
    "Fishing boats returned to sea within hours, the harbour master said.",
    "Repairs to the outer wall will cost about 2 million pounds and take a year.",
]


def _stored(index: Index) -> set[str]:
    return stored_chunk_ids(index, "sentence_vectors")


def test_ingest_keeps_a_vector_for_each_sentence_at_no_extra_embedding(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, story: Path
) -> None:
    counting = CountingInContext(embedder)
    index = Index(settings, counting)
    report = index.ingest([story])
    # One pass for the chunk; its three sentences are embedded alone too (index.sentences_alone).
    assert report.chunks_written == 1
    assert counting.embedded == 1 + 3, "the chunk's pass and its sentences alone, no more"
    rows = index.ledger.chunks(sorted(index.ledger.all_chunk_ids()))
    assert _stored(index) == set(rows)

    ((chunk_id, _),) = rows.items()
    vectors = index.sentences.of(rows)[chunk_id]
    assert counting.embedded == 1 + 3, "read back from the ledger"
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-2)
    # Each sentence embedded alone is nearest to its own in-context vector: the word pieces
    # pooled are the sentence's, not its neighbour's or the title's.
    alone = np.asarray(embedder.embed_documents(SENTENCES))
    assert (vectors @ alone.T).argmax(axis=0).tolist() == [0, 1, 2]


def test_other_embedders_get_sentence_vectors_on_first_request_only(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, story: Path
) -> None:
    counting = CountingEmbeddings(embedder)
    index = Index(settings, counting)
    index.ingest([story])
    assert _stored(index) == set()
    rows = index.ledger.chunks(sorted(index.ledger.all_chunk_ids()))
    ((chunk_id, _),) = rows.items()

    before = counting.embedded
    vectors = index.sentences.of(rows)[chunk_id]
    assert counting.embedded - before == 3
    assert np.allclose(vectors, embedder.embed_documents(SENTENCES), atol=2e-3)  # float16

    again = Index(settings, counting)
    before = counting.embedded
    assert np.array_equal(again.sentences.of(rows)[chunk_id], vectors)
    assert counting.embedded == before


def test_vectors_and_parses_leave_with_their_chunks(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, harbour_feed: HarbourFeed
) -> None:
    def kept(index: Index) -> tuple[set[str], ...]:
        tables = ("sentence_vectors", "parses", "sentences_alone", "sentence_pairs")
        return tuple(stored_chunk_ids(index, table) for table in tables)

    feed, write = harbour_feed.path, harbour_feed.write
    write("The harbour reopened on Tuesday. Fishing boats returned to sea within hours.")
    index = Index(settings, embedder)
    index.ingest([feed])
    old = index.ledger.all_chunk_ids()
    assert kept(index) == (old,) * 4

    write("The harbour reopened on Wednesday. Fishing boats returned to sea within hours.")
    assert index.ingest([feed]).updated == 1
    new = index.ledger.all_chunk_ids()
    assert new.isdisjoint(old)
    assert kept(index) == (new,) * 4, "the replaced chunk's vectors and parse went with it"

    index.delete(harbour_feed.url)
    assert kept(index) == (set(),) * 4

    index.ingest([feed])
    assert kept(index) == (new,) * 4
    reset_index(settings)
    assert kept(index) == (set(),) * 4
