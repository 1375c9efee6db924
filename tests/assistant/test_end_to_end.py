from __future__ import annotations

import pytest

from assistant import Assistant
from index.pipeline import Index
from tests.index.conftest import CountingEmbeddings

pytestmark = pytest.mark.slow

SAMPLE_URL = "https://www.rferl.org/a/us-strike-iran-militia-iraq-syria/31328792.html"


def test_sample_question_cites_the_sample_among_bbc_politics(politics_assistant: Assistant) -> None:
    answer = politics_assistant.ask("Why did the US strike in June 2021?")
    assert "in retaliation for drone attacks" in answer.text
    assert {c.url for c in answer.citations} == {SAMPLE_URL}


def test_bbc_question_cites_the_bbc_article(politics_assistant: Assistant) -> None:
    answer = politics_assistant.ask("What was thrown over Robert Kilroy-Silk in Manchester?")
    assert not answer.refused
    assert "slurry" in answer.text
    assert answer.citations[0].title == "Kilroy-Silk attacked with slurry"
    assert answer.citations[0].outlet == ""


def test_question_outside_the_corpus_is_declined(politics_assistant: Assistant) -> None:
    assert politics_assistant.ask("What is the boiling point of liquid nitrogen?").refused


def test_reingesting_the_corpus_embeds_and_writes_nothing(politics_assistant: Assistant) -> None:
    counting = CountingEmbeddings(politics_assistant.index.embedder)  # type: ignore[arg-type]
    index = Index(politics_assistant.settings, counting)
    sources = {a.source for a in index.ledger.articles()}
    before = index.ledger.all_chunk_ids()
    report = index.ingest(sorted(sources))
    assert (report.added, report.updated, report.removed, report.failed) == (0, 0, 0, 0)
    assert (report.chunks_written, report.chunks_deleted, counting.embedded) == (0, 0, 0)
    assert index.ledger.all_chunk_ids() == before
