"""The "Add a feed or URL" panel: its handlers against a real assistant and a real news site on
127.0.0.1, and the panel built inside a Blocks."""

from __future__ import annotations

from collections.abc import Iterator

import gradio as gr
import pytest

from assistant import Assistant, AssistantSettings
from index.embeddings import MiniLMEmbeddings
from tests.index.website import Site, default_site, serve
from ui.feeds import HEADERS, add_sources, feed_rows, feeds_panel, poll_feeds


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(default_site()) as running:
        yield running


@pytest.fixture
def assistant(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, monkeypatch: pytest.MonkeyPatch
) -> Assistant:
    monkeypatch.setenv("NEWSQA_FETCH_HOST_INTERVAL", "0")
    return Assistant(settings, embedder=embedder)


def test_a_feed_is_added_listed_and_polled(assistant: Assistant, site: Site) -> None:
    assert feed_rows(assistant) == []
    assert "No feed is watched yet" in poll_feeds(assistant, allow_private=True)
    added = add_sources(assistant, f"  {site.url('/rss.xml')}\n", allow_private=True)
    assert "Coast News Wire" in added and "2 new: 2 indexed" in added, added
    assert "2 added" in added
    [row] = feed_rows(assistant)
    assert len(row) == len(HEADERS)
    assert row[0:2] == ["Coast News Wire", site.url("/rss.xml")]
    assert row[3:] == ["2 new, 2 indexed, 0 failed", 2, 2, 0]
    polled = poll_feeds(assistant, allow_private=True)
    assert "not modified (HTTP 304), nothing fetched" in polled
    assert feed_rows(assistant)[0][3] == "not modified (HTTP 304), nothing fetched"
    assert {r.title for r in assistant.sources()} >= {"Harbour Reopens After Storm"}


def test_own_network_addresses_are_refused_by_default(assistant: Assistant, site: Site) -> None:
    refused = add_sources(assistant, site.url("/rss.xml"))
    assert "127.0.0.1 is a loopback address" in refused
    assert "NEWSQA_FETCH_ALLOW_PRIVATE" in refused
    assert site.requests == []
    assert add_sources(assistant, "   ") == "Give the URL of a news page or of an RSS/Atom feed."


def test_the_panel_builds_inside_the_app(assistant: Assistant) -> None:
    with gr.Blocks() as app:
        feeds_panel(lambda: assistant, concurrency_id="assistant", concurrency_limit=1)
    ids = {c.get("props", {}).get("elem_id") for c in app.get_config_file()["components"]}
    assert {"newsqa-feeds", "newsqa-feed-url", "newsqa-feed-add", "newsqa-feed-table"} <= ids
