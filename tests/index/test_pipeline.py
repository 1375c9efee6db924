from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant import AssistantSettings
from index.embeddings import MiniLMEmbeddings
from index.pipeline import Index
from index.sample import SAMPLE_DIR
from index.store import IndexMismatchError
from tests.index.conftest import STORY, CountingEmbeddings


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(next(SAMPLE_DIR.glob("*.txt")), folder / "sample.txt")
    (folder / "harbour.txt").write_text(STORY, encoding="utf-8")
    return folder


def _index(
    settings: AssistantSettings, embedder: MiniLMEmbeddings
) -> tuple[Index, CountingEmbeddings]:
    counting = CountingEmbeddings(embedder)
    return Index(settings, counting), counting


def _consistent(index: Index) -> set[str]:
    ledger_ids = index.ledger.all_chunk_ids()
    assert index.vectors.ids() == ledger_ids, "Chroma and the ledger hold the same chunks"
    return ledger_ids


def test_reingest_embeds_nothing_and_writes_nothing(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    index, counting = _index(settings, embedder)
    first = index.ingest([corpus])
    assert (first.added, first.failed) == (2, 0)
    ids = _consistent(index)
    assert len(ids) == first.chunks_written == counting.embedded

    index, counting = _index(settings, embedder)
    again = index.ingest([corpus])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert (again.chunks_written, again.chunks_deleted, counting.embedded) == (0, 0, 0)
    assert _consistent(index) == ids


def test_changed_article_replaces_exactly_its_changed_chunks(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    index, _ = _index(settings, embedder)
    index.ingest([corpus])
    sample_id = next(a.id for a in index.ledger.articles() if a.outlet == "RFE/RL")
    before = index.ledger.chunk_ids(sample_id)
    others = _consistent(index) - set(before)

    path = corpus / "sample.txt"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "With reporting by AP and Reuters", "With reporting by AP."
        ),
        encoding="utf-8",
    )
    index, counting = _index(settings, embedder)
    report = index.ingest([corpus])
    after = index.ledger.chunk_ids(sample_id)
    assert (report.updated, report.unchanged) == (1, 1)
    assert after[:-1] == before[:-1], "chunks before the edit keep their ids"
    assert after[-1] != before[-1]
    assert report.chunks_written == counting.embedded == 1
    assert report.chunks_deleted == 1
    assert _consistent(index) == others | set(after)


def test_bad_files_are_reported_and_do_not_stop_the_rest(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    (corpus / "broken.json").write_text("{not json", encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    index, _ = _index(settings, embedder)
    report = index.ingest([corpus, corpus / "missing.txt"])
    assert report.added == 2
    assert sorted(Path(f.source).name for f in report.failures) == [
        "broken.json",
        "empty.txt",
        "missing.txt",
    ]
    assert "not valid JSON" in next(
        f.reason for f in report.failures if f.source.endswith("broken.json")
    )


def test_prune_removes_articles_whose_files_are_gone(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    index, _ = _index(settings, embedder)
    index.ingest([corpus])
    (corpus / "harbour.txt").unlink()
    kept = index.ingest([corpus])
    assert (kept.removed, index.ledger.count()[0]) == (0, 2), "without --prune nothing is removed"
    pruned = index.ingest([corpus], prune=True)
    assert pruned.removed == 1
    assert [a.title for a in index.ledger.articles()] == [
        "U.S. Strikes Iran-Backed Militias In Iraq-Syria Border Area"
    ]
    _consistent(index)


def test_edited_file_without_url_replaces_its_old_article(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    index, _ = _index(settings, embedder)
    index.ingest([corpus])
    path = corpus / "harbour.txt"
    path.write_text(STORY.replace("three days", "four days"), encoding="utf-8")
    report = index.ingest([corpus])
    assert (report.added, report.removed, report.unchanged) == (1, 1, 1)
    [harbour] = [a for a in index.ledger.articles() if a.title.startswith("Harbour")]
    assert "four days" in harbour.text
    _consistent(index)


def test_delete_removes_the_article_everywhere(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    index, _ = _index(settings, embedder)
    index.ingest([corpus])
    url = "https://www.rferl.org/a/us-strike-iran-militia-iraq-syria/31328792.html"
    assert index.delete(url) == 4
    assert index.delete(url) == 0
    assert index.lexical.search("Iran-backed militias drone", 10) == []
    assert len(_consistent(index)) == index.ledger.count()[1]


def test_opening_an_index_with_other_chunking_settings_is_a_clear_error(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    index, _ = _index(settings, embedder)
    index.ingest([corpus])
    other = settings.model_copy(update={"chunk_tokens": 120})
    with pytest.raises(IndexMismatchError, match="newsqa reset"):
        Index(other, CountingEmbeddings(embedder))
