"""Metadata a person gives for articles that carry none, and outlets read from URLs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from assistant import Assistant, AssistantSettings
from index.embeddings import MiniLMEmbeddings
from index.metadata import outlet_from_url
from index.sample import SAMPLE_DIR


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.bbc.co.uk/news/uk-politics-123", "BBC"),
        ("http://news.bbc.co.uk/1/hi/uk_politics/4.stm", "BBC"),
        ("https://edition.cnn.com/2022/06/12/politics/x/index.html", "CNN"),
        ("https://www.rferl.org/a/us-strike/31328792.html", "RFE/RL"),
        # Not a known outlet: the registrable domain, found with the Public Suffix List.
        ("https://news.harbour-gazette.co.uk/story", "harbour-gazette.co.uk"),
        ("http://127.0.0.1:8000/story", ""),
        ("", ""),
    ],
)
def test_an_outlet_is_read_from_the_host_of_a_url(url: str, outlet: str) -> None:
    assert outlet_from_url(url) == outlet


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plain.txt").write_text(
        "Glacier tax passes\n\nZorbland approved a glacier tax on Tuesday after a long debate.\n",
        encoding="utf-8",
    )
    (folder / "own.txt").write_text(
        "Harbour reopens\n\nBy Coast News March 3, 2023\n\nThe harbour at Port Ellis reopened.\n",
        encoding="utf-8",
    )
    (folder / "linked.jsonl").write_text(
        json.dumps(
            {
                "title": "Mayor resigns",
                "text": "The mayor of Ellisford resigned on Monday after a vote.",
                "url": "https://www.bbc.co.uk/news/ellisford-mayor",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    return folder


def test_given_outlet_and_date_fill_only_articles_without_them(
    tmp_path: Path, settings: AssistantSettings, embedder: MiniLMEmbeddings
) -> None:
    assistant = Assistant(settings, embedder=embedder)
    folder = _folder(tmp_path)

    report = assistant.ingest([folder], outlet="Zorbland Times", published="2024-03-05")

    assert report.added == 3, report.summary()
    rows = {row.title: row for row in assistant.sources()}
    assert (rows["Glacier tax passes"].outlet, rows["Glacier tax passes"].published) == (
        "Zorbland Times",
        date(2024, 3, 5),
    )
    # An article's own byline wins over what was given for the folder.
    assert (rows["Harbour reopens"].outlet, rows["Harbour reopens"].published) == (
        "Coast News",
        date(2023, 3, 3),
    )
    # What the person gave wins over a guess from the URL.
    assert rows["Mayor resigns"].outlet == "Zorbland Times"


def test_an_article_with_a_url_and_no_outlet_gets_the_site_as_outlet(
    tmp_path: Path, settings: AssistantSettings, embedder: MiniLMEmbeddings
) -> None:
    assistant = Assistant(settings, embedder=embedder)

    assistant.ingest([_folder(tmp_path)])

    rows = {row.title: row for row in assistant.sources()}
    assert rows["Mayor resigns"].outlet == "BBC"
    assert rows["Glacier tax passes"].outlet == ""
    assert rows["Glacier tax passes"].published is None


def test_giving_an_outlet_later_updates_the_articles_and_their_filters(
    tmp_path: Path, settings: AssistantSettings, embedder: MiniLMEmbeddings
) -> None:
    """Re-ingesting a folder with --outlet restamps the articles without re-embedding them,
    and both retrievers (Chroma's metadata filter and BM25's) then find them by outlet."""
    assistant = Assistant(settings, embedder=embedder)
    folder = _folder(tmp_path)
    assistant.ingest([folder])

    again = assistant.ingest([folder], outlet="Zorbland Times")

    # The plain story and the one whose outlet came from its URL; the bylined one keeps its own.
    assert (again.updated, again.unchanged, again.chunks_written) == (2, 1, 0), again.summary()
    where = {"outlet": {"$in": ["Zorbland Times"]}}
    vector = embedder.embed_query("glacier tax")
    dense = assistant.index.vectors.query(vector, 5, where)
    restamped = {row.id for row in assistant.sources() if row.outlet == "Zorbland Times"}
    assert {cid.split("-")[0] for cid, _ in dense} == restamped
    assert len(restamped) == 2
    passages = assistant.search("glacier tax", filters={"outlet": "Zorbland Times"})
    assert {p.title for p in passages} == {"Glacier tax passes", "Mayor resigns"}


def test_a_published_date_that_is_not_a_date_is_an_error_naming_it(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, tmp_path: Path
) -> None:
    assistant = Assistant(settings, embedder=embedder)
    with pytest.raises(ValueError, match="published: cannot read 'next-ish' as a date"):
        assistant.ingest([_folder(tmp_path)], published="next-ish")
    assert assistant.sources() == []


def test_an_edit_early_in_an_article_moves_the_offsets_of_the_chunks_it_keeps(
    tmp_path: Path, settings: AssistantSettings, embedder: MiniLMEmbeddings
) -> None:
    """Chunks whose text did not change keep their ids (and vectors), but an edit before them
    shifts where they start: the ledger and Chroma must record the new offsets, or every
    citation from them points at the wrong span of the article."""
    folder = tmp_path / "in"
    folder.mkdir()
    [sample] = list(SAMPLE_DIR.glob("*.txt"))
    story = folder / "story.txt"
    story.write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    assistant = Assistant(settings, embedder=embedder)
    assistant.ingest([folder])
    lines = story.read_text(encoding="utf-8").split("\n")
    first = next(n for n, line in enumerate(lines) if len(line) > 100)
    lines[first] += " An editor added this sentence to the first passage."
    story.write_text("\n".join(lines), encoding="utf-8")

    report = assistant.ingest([folder])

    assert (report.updated, report.chunks_written) == (1, 1), report.summary()
    [row] = assistant.sources()
    chunks = assistant.index.ledger.chunks(assistant.index.ledger.chunk_ids(row.id))
    assert len(chunks) > 2
    for chunk in chunks.values():
        assert row.text[chunk.start : chunk.end] == chunk.text
    stored = assistant.index.vectors.collection.get(ids=list(chunks), include=["metadatas"])
    for cid, metadata in zip(stored["ids"], stored["metadatas"] or [], strict=True):
        assert metadata["start"] == chunks[cid].start
