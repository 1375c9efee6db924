from __future__ import annotations

from pathlib import Path

from index.article import Article
from index.chunking import Chunker, chunk_id
from index.embeddings import MiniLMEmbeddings
from index.loaders import load_path
from index.sample import SAMPLE_DIR


def _sample() -> Article:
    [article] = load_path(SAMPLE_DIR, 5_000_000)
    assert isinstance(article, Article)
    return article


def test_sample_chunks_have_exact_ids_offsets_and_sizes() -> None:
    article = _sample()
    chunker = Chunker(max_tokens=200, overlap=30)
    chunks = chunker.split(article)
    assert [c.id for c in chunks] == [
        "u5c3b6f7e55865391-0000-dccea84a06",
        "u5c3b6f7e55865391-0001-f58a478646",
        "u5c3b6f7e55865391-0002-48dcdbcd93",
        "u5c3b6f7e55865391-0003-6075a9d447",
    ]
    for chunk in chunks:
        assert article.text[chunk.start : chunk.end] == chunk.text
        assert chunker.count(chunk.text) <= 200
        assert chunk.id == chunk_id(article.id, chunk.position, chunk.text)
    assert chunks[0].start == 0
    assert chunks[-1].end == len(article.text)
    assert chunks[2].start < chunks[1].end, "consecutive chunks share overlapping sentences"


def test_chunk_metadata_carries_article_fields_and_epoch_date() -> None:
    [first, *_] = Chunker().split(_sample())
    meta = first.metadata
    assert meta["title"] == "U.S. Strikes Iran-Backed Militias In Iraq-Syria Border Area"
    assert meta["outlet"] == "RFE/RL"
    assert meta["published"] == "2021-06-27"
    assert meta["published_ts"] == 1624752000
    assert (meta["start"], meta["end"]) == (first.start, first.end)


def test_a_sentence_longer_than_a_chunk_is_split_at_words() -> None:
    article = Article(text="word " * 600 + "end.", title="Long")
    chunks = Chunker(max_tokens=100, overlap=10).split(article)
    assert len(chunks) >= 6
    assert all(Chunker().count(c.text) <= 100 for c in chunks)


def test_no_chunk_is_truncated_by_the_embedder(
    embedder: MiniLMEmbeddings, shared_data: Path
) -> None:
    chunker = Chunker()
    articles = [_sample()] + [
        a
        for a in load_path(shared_data / "bbc-news" / "politics", 5_000_000)
        if isinstance(a, Article)
    ]
    longest = max(
        embedder.count_tokens(chunk.embedding_text) for a in articles for chunk in chunker.split(a)
    )
    assert longest <= MiniLMEmbeddings.window
