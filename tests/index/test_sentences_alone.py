"""Each chunk sentence embedded on its own at ingest, and each leaning sentence with the one
before it, read back for the answerer."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant import AssistantSettings
from assistant.answerers.grounded import GroundedAnswerer
from assistant.records import Passage
from assistant.verify import verifier_for
from index.embeddings import MiniLMEmbeddings
from index.pipeline import Index
from index.sentences_alone import ChunkSentences, leaning_pairs, sentence_texts
from tests.index.conftest import CountingInContext, stored_chunk_ids
from tests.records import passage_of


def _indexed(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, folder: Path
) -> tuple[Index, str, str]:
    """An index of ``folder``'s one chunk, with that chunk's id and text."""
    index = Index(settings, embedder)
    index.ingest([folder])
    ((chunk_id, row),) = index.ledger.chunks(sorted(index.ledger.all_chunk_ids())).items()
    return index, chunk_id, row.text


def test_ingest_embeds_each_sentence_alone_once(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, story: Path
) -> None:
    index, chunk_id, text = _indexed(settings, embedder, story)
    assert stored_chunk_ids(index, "sentences_alone") == {chunk_id}
    # A chunk without a leaning sentence is kept as such, so no fill tries it again.
    assert stored_chunk_ids(index, "sentence_pairs") == {chunk_id}
    stored = index.alone.of([chunk_id, "no-such-chunk"])
    assert list(stored) == [chunk_id]
    fresh = np.asarray(embedder.embed_documents(sentence_texts(text)))
    assert stored[chunk_id].alone.shape == fresh.shape == (3, 384)
    assert np.abs(stored[chunk_id].alone - fresh).max() < 2e-3  # float16
    assert stored[chunk_id].with_previous == {}
    assert index.alone.fill() == 0, "nothing left to embed"


def test_a_leaning_sentence_is_kept_read_with_the_one_before(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, leaning_story: Path
) -> None:
    index, chunk_id, text = _indexed(settings, embedder, leaning_story)
    ((position, pair),) = leaning_pairs(text)
    assert pair == (
        "Engineers found cracks in two of its arches. "
        "It will stay shut until the spring, the council said."
    )
    kept = index.alone.of([chunk_id])[chunk_id]
    assert list(kept.with_previous) == [position]
    fresh = np.asarray(embedder.embed_documents([pair])[0])
    assert np.abs(kept.with_previous[position] - fresh).max() < 2e-3  # float16


def test_an_index_without_them_gains_them_at_its_next_ingest(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, leaning_story: Path
) -> None:
    index = Index(settings, embedder)
    index.ingest([leaning_story])
    chunks = index.ledger.all_chunk_ids()
    with index.ledger.transaction() as db:  # as an index built before they were kept
        db.execute("DELETE FROM sentences_alone")
        db.execute("DELETE FROM sentence_pairs")
    assert index.alone.of(sorted(chunks)) == {}
    report = Index(settings, embedder).ingest([leaning_story])
    assert report.unchanged == 1
    assert stored_chunk_ids(index, "sentences_alone") == chunks
    assert stored_chunk_ids(index, "sentence_pairs") == chunks
    kept = index.alone.of(sorted(chunks))
    assert [len(k.with_previous) for k in kept.values()] == [1]


@pytest.mark.parametrize(
    ("fixture", "question"),
    [
        ("story", "How much will repairs to the outer wall cost?"),
        # Answered by "It will stay shut ...", read with the sentence before it.
        ("leaning_story", "How long will the bridge stay shut?"),
    ],
)
def test_the_answerer_reads_stored_sentences_instead_of_embedding_them(
    settings: AssistantSettings,
    embedder: MiniLMEmbeddings,
    fixture: str,
    question: str,
    request: pytest.FixtureRequest,
) -> None:
    index, chunk_id, text = _indexed(settings, embedder, request.getfixturevalue(fixture))
    title = index.ledger.chunks([chunk_id])[chunk_id].article.title
    passage = passage_of(text, title=title, chunk_id=chunk_id)

    def alone(passages: list[Passage]) -> dict[str, ChunkSentences]:
        return index.alone.of([p.chunk_id for p in passages])

    counting = CountingInContext(embedder)
    # The verifier reads with the uncounted embedder: only the answerer's sentences count.
    answerer = GroundedAnswerer(counting, verifier=verifier_for(embedder), alone=alone)
    stored = answerer.candidates(question, [passage])
    assert counting.embedded == 0, "every sentence read from the ledger"
    fresh = GroundedAnswerer(embedder).candidates(question, [passage])
    assert [c.text for c in stored] == [c.text for c in fresh]
    assert np.allclose([c.support for c in stored], [c.support for c in fresh], atol=2e-3)
    if fixture == "leaning_story":
        assert stored[0].text.startswith("Engineers found cracks"), "the pair answers"
