"""The fetcher against a real HTTP server on 127.0.0.1: manners (user agent, retries honouring
Retry-After, per-host spacing) and limits (timeouts, size, redirects, content type)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from itertools import pairwise

import pytest

from index.web import Fetched, Fetcher, FetchError, FetchSettings, Validators
from index.web.feeds import parse_feed
from index.web.fetch import HTML_TYPES
from index.web.settings import USER_AGENT
from index.web.throttle import HostThrottle
from tests.index.website import Site, default_site, serve


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(default_site()) as running:
        yield running


class RecordedSleep:
    """Really sleeps, and keeps every wait asked for."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        time.sleep(seconds)


def _fetcher(sleep=time.sleep, **overrides: object) -> Fetcher:
    options: dict[str, object] = {
        "allow_private": True,
        "timeout": 2.0,
        "retries": 2,
        "backoff": 0.01,
        "host_interval": 0.0,
        **overrides,
    }
    return Fetcher(FetchSettings(**options), sleep=sleep)  # type: ignore[arg-type]


def test_a_page_is_fetched_with_a_user_agent_naming_newsqa(site: Site) -> None:
    with _fetcher() as fetcher:
        page = fetcher.get(site.url("/articles/harbour.html"))
    assert (page.status, page.content_type, page.charset) == (200, "text/html", "utf-8")
    assert b"Harbour Reopens After Storm" in page.body
    [request] = site.requests
    assert request.headers["User-Agent"] == USER_AGENT and "newsqa" in USER_AGENT


def test_redirects_are_followed_and_limited(site: Site) -> None:
    with _fetcher(max_redirects=3) as fetcher:
        page = fetcher.get(site.url("/redirect"))
        assert page.final_url == site.url("/articles/harbour.html")
        with pytest.raises(
            FetchError, match=r"more than 3 redirects \(NEWSQA_FETCH_MAX_REDIRECTS\)"
        ):
            fetcher.get(site.url("/loop"))
    assert len(site.hits("/loop")) == 4  # the first request and three redirects, no more


def test_a_slow_page_times_out(site: Site) -> None:
    started = time.monotonic()
    with _fetcher(timeout=0.3, retries=0) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/slow.html"))
    assert time.monotonic() - started < 1.5
    assert caught.value.transient
    assert "did not answer within 0.3 s (NEWSQA_FETCH_TIMEOUT)" in str(caught.value)


def test_a_declared_oversized_page_is_refused_unread(site: Site) -> None:
    with _fetcher(max_bytes=10_000) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/big-declared.html"))
    assert "is 50,007 bytes, over the limit of 10,000 (NEWSQA_FETCH_MAX_BYTES)" in str(caught.value)
    assert not caught.value.transient


def test_an_unsized_oversized_page_stops_being_read_at_the_limit(site: Site) -> None:
    with _fetcher(max_bytes=10_000) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/big-streamed.html"))
    assert "sent more than 10,000 bytes, over the limit" in str(caught.value)


def test_a_404_fails_at_once_and_is_not_retried(site: Site) -> None:
    with _fetcher() as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/missing"))
    assert "HTTP 404 Not Found" in str(caught.value) and not caught.value.transient
    assert len(site.hits("/missing")) == 1


def test_a_503_is_retried_after_its_retry_after(site: Site) -> None:
    sleep = RecordedSleep()
    with _fetcher(sleep) as fetcher:
        page = fetcher.get(site.url("/flaky.html"))
    assert b"Glacier" in page.body
    assert len(site.hits("/flaky.html")) == 2
    assert sleep.waits == [1.0]  # the server's Retry-After, not the 0.01 s backoff
    first, second = site.hits("/flaky.html")
    assert second.at - first.at >= 0.95


def test_a_retry_after_beyond_the_limit_is_not_waited_for(site: Site) -> None:
    sleep = RecordedSleep()
    with _fetcher(sleep, max_retry_after=0.5) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/flaky.html"))
    assert caught.value.transient and "HTTP 503" in str(caught.value)
    assert "asked to wait 1 s, more than NEWSQA_FETCH_MAX_RETRY_AFTER" in str(caught.value)
    assert sleep.waits == []


def test_a_host_is_asked_at_most_once_per_interval(site: Site) -> None:
    with _fetcher(host_interval=0.4) as fetcher:
        for _ in range(3):
            fetcher.get(site.url("/articles/harbour.html"))
    times = [r.at for r in site.requests]
    # Arrival times, so a little less than the interval: the first request also connects.
    assert all(b - a >= 0.3 for a, b in pairwise(times)), times


def test_the_throttle_spaces_each_host_on_its_own() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    throttle = HostThrottle(1.0, clock=lambda: now[0], sleep=sleep)
    for host in ("a.example", "b.example", "a.example", "a.example"):
        throttle.wait(host)
    assert slept == [1.0, 1.0]  # b.example never waits for a.example


def test_other_content_types_are_refused(site: Site) -> None:
    with _fetcher() as fetcher:
        with pytest.raises(FetchError, match="is application/json, not an HTML page or an RSS"):
            fetcher.get(site.url("/data.json"))
        with pytest.raises(FetchError, match="is application/rss\\+xml, not an HTML page"):
            fetcher.get(site.url("/rss.xml"), accept=HTML_TYPES)


def test_conditional_requests_get_304(site: Site) -> None:
    with _fetcher() as fetcher:
        first = fetcher.get(site.url("/rss.xml"))
        assert first.validators.etag and not first.not_modified
        again = fetcher.get(site.url("/rss.xml"), validators=first.validators)
        atom = fetcher.get(site.url("/atom.xml"))
        atom_again = fetcher.get(
            site.url("/atom.xml"), validators=Validators(None, atom.validators.last_modified)
        )
    assert again.not_modified and again.body == b""
    assert atom_again.not_modified
    assert site.hits("/rss.xml")[1].headers["If-None-Match"] == first.validators.etag


def test_a_feed_never_reads_external_entities(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<rss version="2.0"><channel><title>T &x;</title>'
        "<item><title>A &x;</title><link>http://example.com/a</link></item></channel></rss>"
    ).encode()
    fetched = Fetched(
        "http://example.com/f",
        "http://example.com/f",
        200,
        "application/rss+xml",
        None,
        body,
        Validators(),
    )
    feed = parse_feed(fetched)
    assert "TOP-SECRET" not in feed.title + "".join(e.title for e in feed.entries)
