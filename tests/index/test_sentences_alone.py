"""Each chunk sentence embedded on its own at ingest, read back for the answerer."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from assistant import AssistantSettings
from assistant.answerers.grounded import GroundedAnswerer
from assistant.records import Passage
from assistant.verify import verifier_for
from index.embeddings import MiniLMEmbeddings
from index.pipeline import Index
from index.sentences_alone import sentence_texts
from tests.index.conftest import CountingInContext, stored_chunk_ids
from tests.records import passage_of


def test_ingest_embeds_each_sentence_alone_once(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, story: Path
) -> None:
    index = Index(settings, embedder)
    index.ingest([story])
    rows = index.ledger.chunks(sorted(index.ledger.all_chunk_ids()))
    assert stored_chunk_ids(index, "sentences_alone") == set(rows)
    ((chunk_id, row),) = rows.items()
    stored = index.alone.of([chunk_id, "no-such-chunk"])
    assert list(stored) == [chunk_id]
    fresh = np.asarray(embedder.embed_documents(sentence_texts(row.text)))
    assert stored[chunk_id].shape == fresh.shape == (3, 384)
    assert np.abs(stored[chunk_id] - fresh).max() < 2e-3  # float16
    assert index.alone.fill() == 0, "nothing left to embed"


def test_an_index_without_them_gains_them_at_its_next_ingest(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, story: Path
) -> None:
    index = Index(settings, embedder)
    index.ingest([story])
    chunks = index.ledger.all_chunk_ids()
    with index.ledger.transaction() as db:  # as an index built before they were kept
        db.execute("DELETE FROM sentences_alone")
    report = Index(settings, embedder).ingest([story])
    assert report.unchanged == 1
    assert stored_chunk_ids(index, "sentences_alone") == chunks


def test_the_answerer_reads_stored_sentences_instead_of_embedding_them(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, story: Path
) -> None:
    index = Index(settings, embedder)
    index.ingest([story])
    ((chunk_id, row),) = index.ledger.chunks(sorted(index.ledger.all_chunk_ids())).items()
    passage = passage_of(row.text, title=row.article.title, chunk_id=chunk_id)
    question = "How much will repairs to the outer wall cost?"

    def alone(passages: list[Passage]) -> dict[str, np.ndarray]:
        return index.alone.of([p.chunk_id for p in passages])

    counting = CountingInContext(embedder)
    # The verifier reads with the uncounted embedder: only the answerer's sentences count.
    answerer = GroundedAnswerer(counting, verifier=verifier_for(embedder), alone=alone)
    stored = answerer.candidates(question, [passage])
    assert counting.embedded == 0, "every sentence read from the ledger"
    fresh = GroundedAnswerer(embedder).candidates(question, [passage])
    assert [c.text for c in stored] == [c.text for c in fresh]
    assert np.allclose([c.support for c in stored], [c.support for c in fresh], atol=2e-3)
