"""Each chunk sentence embedded on its own at ingest, read back for the answerer."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant import AssistantSettings
from assistant.answerers.grounded import Candidate, GroundedAnswerer
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


def _candidates(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, folder: Path, question: str
) -> tuple[list[Candidate], int, list[Candidate]]:
    """The candidates of the one chunk ingested from ``folder``, scored from the stored
    vectors, how many sentences the answerer embedded for it, and the same scored afresh."""
    index = Index(settings, embedder)
    index.ingest([folder])
    ((chunk_id, row),) = index.ledger.chunks(sorted(index.ledger.all_chunk_ids())).items()
    passage = passage_of(row.text, title=row.article.title, chunk_id=chunk_id)

    def alone(passages: list[Passage]) -> dict[str, np.ndarray]:
        return index.alone.of([p.chunk_id for p in passages])

    counting = CountingInContext(embedder)
    # The verifier reads with the uncounted embedder: only the answerer's sentences count.
    answerer = GroundedAnswerer(counting, verifier=verifier_for(embedder), alone=alone)
    stored = answerer.candidates(question, [passage])
    fresh = GroundedAnswerer(embedder).candidates(question, [passage])
    return stored, counting.embedded, fresh


def test_the_answerer_reads_stored_sentences_instead_of_embedding_them(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, story: Path
) -> None:
    question = "How much will repairs to the outer wall cost?"
    stored, embedded, fresh = _candidates(settings, embedder, story, question)
    assert embedded == 0, "every sentence read from the ledger"
    assert [c.text for c in stored] == [c.text for c in fresh]
    assert np.allclose([c.support for c in stored], [c.support for c in fresh], atol=2e-3)


def test_a_sentence_read_with_the_one_before_is_scored_from_their_vectors_alone(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, tmp_path: Path
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "wall.txt").write_text(
        "Storm Wrecks Harbour Wall\n\nBy Coast News March 3, 2023\n\n"
        "A storm closed the harbour at Port Ellis for three days. It wrecked the outer wall "
        "and sank two fishing boats, the harbour master said.\n",
        encoding="utf-8",
    )
    question = "What did the storm at Port Ellis wreck?"
    stored, embedded, fresh = _candidates(settings, embedder, folder, question)
    assert embedded == 0, "the two sentences' vectors read from the ledger"
    joined = "A storm closed the harbour at Port Ellis for three days. It wrecked the outer wall"
    assert stored[0].text.startswith(joined) and fresh[0].text == stored[0].text
    # Joined from the two read alone: close to the two embedded together, not the same.
    assert stored[0].support == pytest.approx(fresh[0].support, abs=0.03)
    assert stored[0].support != pytest.approx(fresh[0].support, abs=1e-4)
