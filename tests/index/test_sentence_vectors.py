from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assistant import AssistantSettings
from index.embeddings import MiniLMEmbeddings
from index.pipeline import Index
from tests.index.conftest import STORY, CountingEmbeddings, CountingInContext

SENTENCES = [
    "The harbour at Port Ellis reopened on Tuesday after a storm closed it for three days.",
    "Fishing boats returned to sea within hours, the harbour master said.",
    "Repairs to the outer wall will cost about 2 million pounds and take a year.",
]


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "harbour.txt").write_text(STORY, encoding="utf-8")
    return folder


def _stored(index: Index) -> set[str]:
    return {r[0] for r in index.ledger.db.execute("SELECT chunk_id FROM sentence_vectors")}


def test_ingest_keeps_a_vector_for_each_sentence_at_no_extra_embedding(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, story: Path
) -> None:
    counting = CountingInContext(embedder)
    index = Index(settings, counting)
    report = index.ingest([story])
    assert counting.embedded == report.chunks_written == 1, "one pass for the chunk, no more"
    rows = index.ledger.chunks(sorted(index.ledger.all_chunk_ids()))
    assert _stored(index) == set(rows)

    ((chunk_id, _),) = rows.items()
    vectors = index.sentences.of(rows)[chunk_id]
    assert counting.embedded == 1, "read back from the ledger"
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


def test_vectors_leave_with_their_chunks(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, tmp_path: Path
) -> None:
    feed = tmp_path / "harbour.jsonl"
    record = {"url": "https://coast.example/harbour", "title": "Harbour Reopens"}

    def write(text: str) -> None:
        feed.write_text(json.dumps(record | {"text": text}) + "\n", encoding="utf-8")

    write("The harbour reopened on Tuesday. Fishing boats returned to sea within hours.")
    index = Index(settings, embedder)
    index.ingest([feed])
    old = index.ledger.all_chunk_ids()
    assert _stored(index) == old

    write("The harbour reopened on Wednesday. Fishing boats returned to sea within hours.")
    assert index.ingest([feed]).updated == 1
    new = index.ledger.all_chunk_ids()
    assert new.isdisjoint(old)
    assert _stored(index) == new, "the replaced chunk's vectors went with it"

    index.delete("https://coast.example/harbour")
    assert _stored(index) == set()
