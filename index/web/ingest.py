"""Web sources into the index: page URLs and feed URLs become Articles for ``Index``.

A page URL is fetched and its article extracted. A feed URL is read, and each entry not seen
before, or revised by the feed since it was seen, has its page fetched (``concurrency`` at a
time, the newest ``max_entries`` of them per poll), with the feed's title, date and author
filling what the page lacks. Everything goes through ``Index.ingest_articles``, so the ledger,
duplicate detection, chunking and the writer lock behave as for files (a revised article
replaces the one indexed). What was fetched is remembered in the ledger (``WebState``): a feed
is asked for with its ETag and Last-Modified, and an entry already dealt with is never fetched
again while the feed leaves it unchanged, across restarts.

Usage::

    with WebIngester(index, FetchSettings()) as web:
        print(web.ingest(["https://example.com/feed.xml"]).summary())
        print(web.poll().summary())  # every watched feed again: only what is new
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from index.article import Article
from index.loaders import ArticleError, Loaded, LoadFailure
from index.metadata import ArticleDefaults
from index.pipeline import Index, IngestReport
from index.web.errors import FetchError
from index.web.feeds import Entry, Feed, NotAFeedError, looks_like_feed, parse_feed
from index.web.fetch import HTML_TYPES, Fetched, Fetcher
from index.web.pages import Hints, page_article
from index.web.settings import FetchSettings
from index.web.state import FAILED, INDEXED, FeedRow, SeenEntry, WebState

logger = logging.getLogger(__name__)

_URL = re.compile(r"[a-z][a-z0-9+.-]*://", re.I)
_UNREACHABLE = "failed:"  # how the status of a feed that could not be fetched begins
_UNDATED = datetime.min.replace(tzinfo=UTC)  # sorts an entry without a date after the others


@dataclass
class FeedPoll:
    """What one read of one feed found: its entries, the new ones and those the feed revised
    since they were seen, what came of them, and how many wait for the next poll (over
    ``NEWSQA_FETCH_MAX_ENTRIES``)."""

    url: str
    title: str = ""
    status: str = ""
    entries: int = 0
    new: int = 0
    updated: int = 0
    indexed: int = 0
    failed: int = 0
    retry: int = 0
    later: int = 0

    @property
    def unreachable(self) -> bool:
        """The feed itself could not be fetched."""
        return self.status.startswith(_UNREACHABLE)

    def line(self) -> str:
        """One line for people."""
        name = f"{self.title} <{self.url}>" if self.title else f"<{self.url}>"
        if self.status != "read":
            return f"feed {name}: {self.status}"
        return (
            f"feed {name}: {self.entries} entries, {self.new} new"
            + (f", {self.updated} updated" if self.updated else "")
            + f": {self.indexed} indexed, {self.failed} failed, {self.retry} to retry at the "
            "next poll" + (f", {self.later} left for the next poll" if self.later else "")
        )


@dataclass
class WebReport:
    """The ingest report of the articles, and one ``FeedPoll`` per feed read."""

    report: IngestReport
    feeds: list[FeedPoll] = field(default_factory=list)

    @property
    def all_failed(self) -> bool:
        """Every URL failed: none gave an article, an unchanged answer (304 or the same text)
        or a feed to read (the network is down, or every feed is gone)."""
        done = self.report
        reached = done.added or done.updated or done.unchanged
        return bool(done.failed) and not reached and all(p.unreachable for p in self.feeds)

    def summary(self) -> str:
        """The feed lines, then the ingest report's summary."""
        return "\n".join([*(poll.line() for poll in self.feeds), self.report.summary()])

    def as_dict(self) -> dict[str, Any]:
        """The report as plain data, with a ``feeds`` list."""
        return {**self.report.as_dict(), "feeds": [asdict(poll) for poll in self.feeds]}

    def including(self, other: IngestReport) -> WebReport:
        """This report with ``other`` (an ingest of files in the same command) added in."""
        merged = IngestReport(
            **{f.name: getattr(other, f.name) + getattr(self.report, f.name) for f in fields(other)}
        )
        return WebReport(merged, self.feeds)


def looks_like_url(text: str) -> bool:
    """Whether a command-line argument is a URL (``scheme://...``) rather than a path."""
    return bool(_URL.match(text.strip()))


# Writes to the web state once the articles are in, given the sources that failed to index.
_Record = Callable[[set[str]], None]


@dataclass
class _Run:
    defaults: ArticleDefaults
    items: list[tuple[str, Loaded]] = field(default_factory=list)
    polls: list[FeedPoll] = field(default_factory=list)
    records: list[_Record] = field(default_factory=list)
    unchanged: int = 0
    # Pages fetched in this run by link, and the article ids staged: a story linked twice (by
    # two feeds, or twice by one) is fetched and staged once.
    pages: dict[str, tuple[Loaded, bool]] = field(default_factory=dict)
    staged: set[str] = field(default_factory=set)

    def stage(self, source: str, loaded: Loaded) -> None:
        keys = {source, loaded.id} if isinstance(loaded, Article) else {source}
        if not keys & self.staged:
            self.staged |= keys
            self.items.append((source, loaded))


class WebIngester:
    """Fetches pages and feeds into ``index`` (see the module docstring). Close it, or use it
    as a context manager, to close its connections. ``writing`` gives a lock to hold while the
    articles are written (an app's own reader-writer lock)."""

    def __init__(
        self,
        index: Index,
        settings: FetchSettings | None = None,
        *,
        fetcher: Fetcher | None = None,
        writing: Callable[[], AbstractContextManager[Any]] = nullcontext,
    ) -> None:
        self.index = index
        self.settings = settings or FetchSettings()
        self.fetcher = fetcher or Fetcher(self.settings)
        self.state = WebState(index.ledger)
        # Held around the writes only, never while fetching: an app's readers keep answering.
        self._writing = writing

    def __enter__(self) -> WebIngester:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the fetcher's connections."""
        self.fetcher.close()

    def feeds(self) -> list[FeedRow]:
        """The watched feeds, with their last poll and counts."""
        return self.state.feeds()

    def poll(self) -> WebReport:
        """Read every watched feed again and index what is new."""
        return self.ingest([row.url for row in self.feeds()])

    def ingest(self, urls: Iterable[str], defaults: ArticleDefaults | None = None) -> WebReport:
        """Index the articles of page and feed URLs; a feed read becomes a watched feed. A URL
        that fails is the report's failure and never stops the others; raises
        ``IndexBusyError`` when another writer holds the index past the writer timeout.
        ``defaults`` gives an outlet and a date to the articles that neither their page nor
        their feed names (``newsqa ingest URL --outlet NAME --published DATE``)."""
        started = time.perf_counter()
        run = _Run(defaults or ArticleDefaults())
        for url in dict.fromkeys(u.strip() for u in urls if u.strip()):
            self._read(url, run)
        # One lock for the articles and the state that says they are in: a reset cannot come
        # between them.
        with self._writing(), self.index.lock.hold():
            report = self.index.ingest_articles(run.items)
            failed = {failure.source for failure in report.failures}
            for record in run.records:
                record(failed)
        report.unchanged += run.unchanged
        report.seconds = time.perf_counter() - started
        return WebReport(report, run.polls)

    def _read(self, url: str, run: _Run) -> None:
        watched = self.state.feed(url)
        validators = (
            self.state.validators(url)
            if watched or self.state.holds_article_from(url)
            else None  # conditional only while the index holds what the URL gave
        )
        try:
            fetched = self.fetcher.get(url, validators=validators)
        except FetchError as error:
            run.stage(url, LoadFailure(url, str(error)))
            if watched:
                status = f"{_UNREACHABLE} {error.reason}"
                self._polled(run, FeedPoll(url, watched.title, status))
            return
        if fetched.not_modified:
            if watched:
                status = "not modified (HTTP 304), nothing fetched"
                self._polled(run, FeedPoll(url, watched.title, status))
            else:
                run.unchanged += 1
            return
        if looks_like_feed(fetched):
            try:
                feed = parse_feed(fetched)
            except NotAFeedError as error:
                run.stage(url, LoadFailure(url, str(error)))
                return
            self._read_feed(fetched, feed, run)
            return
        loaded = _isolated(lambda: page_article(fetched, defaults=run.defaults), url)[0]
        run.stage(url, loaded)
        if isinstance(loaded, Article):

            def record(failed: set[str]) -> None:
                if url not in failed:
                    self.state.record_page(url, fetched.validators)

            run.records.append(record)

    def _polled(self, run: _Run, poll: FeedPoll) -> None:
        """A feed that was not read: its poll is recorded, its validators kept."""
        run.polls.append(poll)
        run.records.append(
            lambda failed: self.state.record_poll(
                poll.url, title=None, status=poll.status, validators=None
            )
        )

    def _read_feed(self, fetched: Fetched, feed: Feed, run: _Run) -> None:
        poll = FeedPoll(fetched.url, feed.title, "read", entries=len(feed.entries))
        run.polls.append(poll)
        entries = list({e.key: e for e in feed.entries}.values())
        held = self.state.seen(fetched.url, [e.key for e in entries])
        # An entry seen before versions were kept is taken as unchanged; its version is kept now.
        unknown = {e.key: e.version for e in entries if held.get(e.key) == ""}
        pending = [e for e in entries if e.key not in held or held[e.key] not in ("", e.version)]
        poll.new = sum(e.key not in held for e in pending)
        poll.updated = len(pending) - poll.new
        # The newest first; undated entries last, in the feed's order (the sort is stable).
        pending.sort(key=lambda e: e.stamp or _UNDATED, reverse=True)
        fresh = pending[: self.settings.max_entries]
        poll.later = len(pending) - len(fresh)
        wanted = [e for e in dict.fromkeys(e.link for e in fresh) if e not in run.pages]
        hints = {e.link: _hints(e, feed) for e in fresh}
        with ThreadPoolExecutor(max_workers=self.settings.concurrency) as pool:
            for link, result in zip(
                wanted,
                pool.map(lambda link: self._entry(link, hints[link], run.defaults), wanted),
                strict=True,
            ):
                run.pages[link] = result
        outcomes = [(entry, *run.pages[entry.link]) for entry in fresh]
        for entry, loaded, _ in outcomes:
            run.stage(entry.link, loaded)

        def record(failed: set[str]) -> None:
            done = []
            for entry, loaded, transient in outcomes:
                if transient:
                    poll.retry += 1
                elif isinstance(loaded, Article) and entry.link not in failed:
                    poll.indexed += 1
                    done.append(SeenEntry(entry.key, entry.link, loaded.id, INDEXED, entry.version))
                else:
                    poll.failed += 1
                    done.append(SeenEntry(entry.key, entry.link, None, FAILED, entry.version))
            self.state.record_poll(
                fetched.url,
                title=feed.title,
                status=f"{poll.new} new, "
                + (f"{poll.updated} updated, " if poll.updated else "")
                + f"{poll.indexed} indexed, {poll.failed} failed"
                + (f", {poll.retry} to retry" if poll.retry else "")
                + (f", {poll.later} left for the next poll" if poll.later else ""),
                # Entries left to retry or for later: read the whole feed next time, not a 304.
                validators=None if poll.retry or poll.later else fetched.validators,
                entries=done,
                versions=unknown,
            )

        run.records.append(record)

    def _entry(self, link: str, hints: Hints, defaults: ArticleDefaults) -> tuple[Loaded, bool]:
        """The article at a feed entry's link, or its failure and whether it is transient."""
        try:
            fetched = self.fetcher.get(link, accept=HTML_TYPES)
        except FetchError as error:
            return LoadFailure(link, str(error)), error.transient
        return _isolated(lambda: page_article(fetched, hints, defaults), link)


def _hints(entry: Entry, feed: Feed) -> Hints:
    return Hints(
        title=entry.title, outlet=feed.title, published=entry.published, author=entry.author
    )


def _isolated(read: Callable[[], Article], source: str) -> tuple[Loaded, bool]:
    """The article ``read`` makes, or the failure it met (never transient): one odd page must
    not stop the others."""
    try:
        return read(), False
    except ArticleError as error:
        return LoadFailure(source, str(error)), False
    except Exception as error:  # extraction errors nobody foresaw
        logger.exception("reading %s failed", source)
        return (
            LoadFailure(
                source,
                f"{source}: cannot be read ({type(error).__name__}: {error}); please report "
                "this with the URL",
            ),
            False,
        )
