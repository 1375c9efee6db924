"""Feeds and pages into a real index, from a real HTTP server on 127.0.0.1: articles with their
metadata, polls that fetch nothing they have (the server counts and sees conditional headers)
but what the feed revised, at most so many entries a poll, failures that never stop the rest,
and state that survives a restart and a reset."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from assistant import AssistantSettings
from index.embeddings import MiniLMEmbeddings
from index.ledger import _SCHEMA, Ledger
from index.metadata import ArticleDefaults
from index.pipeline import Index, reset_index
from index.web import FetchSettings, WebIngester
from tests.index.website import Item, Site, default_site, serve

FAST = {"allow_private": True, "timeout": 2.0, "retries": 0, "backoff": 0.01, "host_interval": 0}


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(default_site()) as running:
        yield running


@pytest.fixture
def index(settings: AssistantSettings, embedder: MiniLMEmbeddings) -> Index:
    return Index(settings, embedder)


def _web(index: Index, **overrides: object) -> WebIngester:
    return WebIngester(index, FetchSettings(**{**FAST, **overrides}))  # type: ignore[arg-type]


def _paths(site: Site) -> list[str]:
    return [r.path for r in site.requests]


def test_feeds_are_indexed_with_their_metadata(index: Index, site: Site) -> None:
    with _web(index) as web:
        done = web.ingest([site.url("/rss.xml"), site.url("/atom.xml")])
    assert (done.report.added, done.report.failed) == (4, 0), done.summary()
    rows = {r.title: r for r in index.ledger.articles()}
    page = site.url("/articles/{}.html")
    expected = {
        # The page names its site and title; the feed adds the author and date.
        "Harbour Reopens After Storm": ("Coast News", "Ann Reed", date(2024, 3, 5), "harbour"),
        "Zorbland Passes Glacier Tax": ("Coast News", "Cy Moss", date(2024, 4, 2), "glacier"),
        # Bare pages: title, date and author from the entry, outlet from the feed's title.
        "River Bridge Closed For Repairs": (
            "Coast News Wire",
            "Bo Lind",
            date(2024, 3, 6),
            "bridge",
        ),
        "Orchard Harvest Breaks Record": ("Valley Courier", "Di Park", date(2024, 4, 3), "orchard"),
    }
    assert {t: (r.outlet, r.author, r.published, r.url) for t, r in rows.items()} == {
        t: (o, a, d, page.format(slug)) for t, (o, a, d, slug) in expected.items()
    }
    harbour = rows["Harbour Reopens After Storm"].text
    assert "Port Ellis" in harbour
    assert "executed" not in harbour and "Copyright" not in harbour  # no script, no footer
    assert [(f.title, f.entries, f.articles, f.polls) for f in web.feeds()] == [
        ("Coast News Wire", 2, 2, 1),
        ("Valley Courier", 2, 2, 1),
    ]


def test_a_second_poll_fetches_nothing_new(index: Index, site: Site) -> None:
    with _web(index) as web:
        web.ingest([site.url("/rss.xml"), site.url("/atom.xml")])
        first = len(site.requests)
        again = web.poll()
    assert again.report.added == again.report.failed == 0
    assert [p.status for p in again.feeds] == ["not modified (HTTP 304), nothing fetched"] * 2
    second = site.requests[first:]
    assert sorted(r.path for r in second) == ["/atom.xml", "/rss.xml"]  # no article page
    by_path = {r.path: r.headers for r in second}
    assert by_path["/rss.xml"]["If-None-Match"].startswith('"')
    assert "GMT" in by_path["/atom.xml"]["If-Modified-Since"]


def test_a_new_entry_is_the_only_page_fetched(index: Index, site: Site) -> None:
    with _web(index) as web:
        web.ingest([site.url("/rss.xml")])
        site.rss_items.append(Item("orchard", "Thu, 07 Mar 2024 10:00:00 GMT"))
        first = len(site.requests)
        done = web.poll()
    assert done.report.added == 1 and done.feeds[0].new == 1
    assert [r.path for r in site.requests[first:]] == ["/rss.xml", "/articles/orchard.html"]


def test_state_survives_a_restart(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, site: Site
) -> None:
    with _web(Index(settings, embedder)) as web:
        web.ingest([site.url("/rss.xml"), site.url("/atom.xml")])
    first = len(site.requests)
    restarted = Index(settings, embedder)  # a new process would open the files afresh
    with _web(restarted) as web:
        done = web.poll()
        assert [f.polls for f in web.feeds()] == [2, 2]
    assert done.report.added == 0
    assert sorted(_paths(site)[first:]) == ["/atom.xml", "/rss.xml"]
    assert all(
        r.headers.get("If-None-Match") or r.headers.get("If-Modified-Since")
        for r in site.requests[first:]
    )


def test_failed_entries_never_stop_the_others_and_transient_ones_are_retried(
    index: Index, site: Site
) -> None:
    site.rss_items = [
        Item("harbour", "Tue, 05 Mar 2024 09:00:00 GMT"),
        Item("missing", "Tue, 05 Mar 2024 09:00:00 GMT", guid="urn:missing"),
    ]
    site.rss_items[1:] = []
    # Links the site answers with a 404, a slow page, and a redirect to a story.
    feed = site.rss().replace(
        "</channel>",
        "".join(
            f"<item><title>{name}</title><link>{path}</link><guid>urn:{name}</guid></item>"
            for name, path in (("gone", "/missing"), ("slow", "/slow.html"), ("moved", "/redirect"))
        )
        + "</channel>",
    )
    site.rss = lambda: feed  # type: ignore[method-assign]
    with _web(index, timeout=0.3) as web:
        done = web.ingest([site.url("/rss.xml")])
        poll = done.feeds[0]
        assert (poll.entries, poll.new, poll.indexed, poll.failed, poll.retry) == (4, 4, 2, 1, 1)
        reasons = "\n".join(f.reason for f in done.report.failures)
        assert "HTTP 404 Not Found" in reasons and "did not answer within 0.3 s" in reasons
        assert done.report.status == "partial"
        first = len(site.requests)
        again = web.poll()
    # The feed is read again in full (its ETag was not kept), and only the slow page retried.
    assert _paths(site)[first:] == ["/rss.xml", "/slow.html"]
    assert "If-None-Match" not in site.requests[first].headers
    assert again.feeds[0].new == 1


def test_a_page_url_is_indexed_and_its_outlet_is_the_host_without_metadata(
    index: Index, site: Site
) -> None:
    with _web(index) as web:
        done = web.ingest([site.url("/articles/harbour.html"), site.url("/articles/bridge.html")])
        again = web.ingest([site.url("/articles/harbour.html")])
    assert done.report.added == 2 and again.report.unchanged == 1
    rows = {r.url: r for r in index.ledger.articles()}
    harbour, bridge = (rows[site.url(f"/articles/{s}.html")] for s in ("harbour", "bridge"))
    assert (harbour.title, harbour.outlet) == ("Harbour Reopens After Storm", "Coast News")
    # A bare page with no feed: the outlet is the host, the title its first sentence.
    assert bridge.outlet == "127.0.0.1"
    assert bridge.title.startswith("The old river bridge in Millbrook closed")
    assert web.feeds() == []  # a page is not a feed to watch


def test_pages_are_fetched_a_few_at_a_time(index: Index, site: Site) -> None:
    site.rss_items += [
        Item("glacier", "Wed, 06 Mar 2024 10:00:00 GMT"),
        Item("orchard", "Wed, 06 Mar 2024 10:00:00 GMT"),
    ]
    site.page_delay = 0.3
    with _web(index, concurrency=2) as web:
        done = web.ingest([site.url("/rss.xml")])
    assert done.report.added == 4
    assert site.max_in_flight == 2


def test_a_url_that_fails_never_stops_the_others(index: Index, site: Site) -> None:
    with _web(index) as web:
        done = web.ingest(
            [site.url("/data.json"), "file:///etc/passwd", site.url("/articles/harbour.html")]
        )
    assert done.report.added == 1 and done.report.status == "partial"
    reasons = [f.reason for f in done.report.failures]
    assert any("is application/json, not an HTML page" in r for r in reasons)
    assert any("only http and https URLs are fetched, not file" in r for r in reasons)


def test_an_archive_from_before_the_web_tables_keeps_its_articles(tmp_path: Path) -> None:
    path = tmp_path / "news.sqlite"
    old = sqlite3.connect(path)
    old.executescript(_SCHEMA)  # the tables as they were before migration 1
    old.execute(
        "INSERT INTO articles VALUES ('a1', 's', 's', '', 'Old story', '', '', NULL, NULL, "
        "'h', 'text', '2024-01-01')"
    )
    old.commit()
    old.close()
    ledger = Ledger(path)
    assert ledger.db.execute("PRAGMA user_version").fetchone()[0] == 2
    assert [r.title for r in ledger.articles()] == ["Old story"]
    assert ledger.db.execute("SELECT COUNT(*) FROM feeds").fetchone()[0] == 0
    Ledger(path)  # opening it again changes nothing
    columns = [row[1] for row in ledger.db.execute("PRAGMA table_info(feed_entries)")]
    assert columns[-1] == "version" and columns.count("version") == 1


def test_a_reset_forgets_what_was_fetched(
    settings: AssistantSettings, index: Index, site: Site
) -> None:
    with _web(index) as web:
        web.ingest([site.url("/rss.xml")])
    reset_index(settings)
    with _web(index) as web:
        assert web.feeds() == []
        first = len(site.requests)
        done = web.ingest([site.url("/rss.xml")])
    assert done.report.added == 2  # fetched again in full: the index no longer had them
    assert "If-None-Match" not in site.requests[first].headers


def test_a_revised_entry_is_fetched_again_and_replaces_its_article(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, site: Site
) -> None:
    with _web(Index(settings, embedder)) as web:
        web.ingest([site.url("/rss.xml"), site.url("/atom.xml")])
    # The Atom feed gives an entry a later <updated> (its story gained a paragraph); the RSS
    # feed rewrites another entry's summary alone. The other two entries stay as they were.
    site.revisions["glacier"] = "Update: the tax takes effect in June, a month late."
    site.atom_items[0] = replace(site.atom_items[0], published="2024-04-09T08:00:00Z")
    site.atom_modified += 60
    site.rss_items[1] = replace(site.rss_items[1], summary="Summary, corrected.")
    first = len(site.requests)
    restarted = Index(settings, embedder)  # what was seen, and in which version, was kept
    with _web(restarted) as web:
        done = web.poll()
    assert sorted(_paths(site)[first:]) == [
        "/articles/bridge.html",
        "/articles/glacier.html",
        "/atom.xml",
        "/rss.xml",
    ]
    assert [(p.title, p.new, p.updated, p.indexed) for p in done.feeds] == [
        ("Coast News Wire", 0, 1, 1),
        ("Valley Courier", 0, 1, 1),
    ]
    assert "1 updated: 1 indexed" in done.feeds[0].line()
    assert (done.report.added, done.report.updated, done.report.unchanged) == (0, 1, 1)
    glacier = [r for r in restarted.ledger.articles() if r.title == "Zorbland Passes Glacier Tax"]
    assert len(glacier) == 1 and "takes effect in June" in glacier[0].text
    assert glacier[0].published == date(2024, 4, 9)
    first = len(site.requests)
    with _web(restarted) as web:
        again = web.poll()
    assert again.report.added == again.report.updated == 0
    assert sorted(_paths(site)[first:]) == ["/atom.xml", "/rss.xml"]  # 304s, no page


def test_entries_seen_before_versions_were_kept_are_not_fetched_again(
    index: Index, site: Site
) -> None:
    with _web(index) as web:
        web.ingest([site.url("/rss.xml")])
    index.ledger.db.execute("UPDATE feed_entries SET version = ''")  # as an older newsqa left it
    site.rss_items.append(Item("orchard", "Thu, 07 Mar 2024 10:00:00 GMT"))
    first = len(site.requests)
    with _web(index) as web:
        done = web.poll()
    assert _paths(site)[first:] == ["/rss.xml", "/articles/orchard.html"]
    assert (done.feeds[0].new, done.feeds[0].updated) == (1, 0)
    versions = [row[0] for row in index.ledger.db.execute("SELECT version FROM feed_entries")]
    assert len(versions) == 3 and all(versions)  # the old entries' versions recorded now


def test_a_poll_fetches_the_newest_entries_up_to_the_cap_and_leaves_the_rest(
    index: Index, site: Site
) -> None:
    site.rss_items = [
        Item("orchard", "Mon, 04 Mar 2024 10:00:00 GMT"),
        Item("harbour", "Tue, 05 Mar 2024 10:00:00 GMT"),
        Item("glacier", "Thu, 07 Mar 2024 10:00:00 GMT"),
        Item("bridge", "Wed, 06 Mar 2024 10:00:00 GMT"),
    ]
    articles = "/articles/{}.html".format
    with _web(index, max_entries=2) as web:
        first = web.ingest([site.url("/rss.xml")])
        assert sorted(_paths(site)) == [articles("bridge"), articles("glacier"), "/rss.xml"]
        poll = first.feeds[0]
        assert (poll.new, poll.indexed, poll.later) == (4, 2, 2)
        assert poll.line().endswith(", 2 left for the next poll")
        start = len(site.requests)
        second = web.poll()
        # The feed is read in full again (not a 304) for the two left, and only those fetched.
        assert "If-None-Match" not in site.requests[start].headers
        assert sorted(_paths(site)[start:]) == [
            articles("harbour"),
            articles("orchard"),
            "/rss.xml",
        ]
        assert (second.feeds[0].new, second.feeds[0].later) == (2, 0)
        start = len(site.requests)
        third = web.poll()
    assert _paths(site)[start:] == ["/rss.xml"] and third.feeds[0].status.startswith("not modified")
    assert len(index.ledger.articles()) == 4


def test_the_outlet_and_date_given_fill_what_page_and_feed_leave_out(
    index: Index, site: Site
) -> None:
    given = ArticleDefaults(outlet="Island Gazette", published=date(2024, 2, 1))
    with _web(index) as web:
        done = web.ingest([site.url("/undated.html"), site.url("/rss.xml")], given)
    assert done.report.added == 3, done.summary()
    rows = {r.url: (r.outlet, r.published) for r in index.ledger.articles()}
    assert rows == {
        site.url("/undated.html"): ("Island Gazette", date(2024, 2, 1)),
        # The page names its site, the feed its title and the dates: theirs come first.
        site.url("/articles/harbour.html"): ("Coast News", date(2024, 3, 5)),
        site.url("/articles/bridge.html"): ("Coast News Wire", date(2024, 3, 6)),
    }


def test_a_run_where_every_url_failed_says_so(index: Index, site: Site) -> None:
    with _web(index) as web:
        web.ingest([site.url("/rss.xml")])
        nothing_new = web.poll()
        some = web.ingest([site.url("/missing"), site.url("/articles/harbour.html")])
        site.gone.add("/rss.xml")
        down = web.ingest([site.url("/missing"), site.url("/rss.xml")])
    assert not nothing_new.all_failed and not some.all_failed
    assert down.all_failed and [p.unreachable for p in down.feeds] == [True]
