"""What the web fetcher remembers between runs, in the ledger (its migrations 1 and 2): the ETag
and Last-Modified of each URL fetched, the watched feeds, and the feed entries seen, each with
the version the feed gave it (so a revised entry is fetched again).

It lives beside the articles, so it survives a restart, and ``newsqa reset`` forgets both.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from index.ledger import Ledger
from index.web.fetch import Validators

INDEXED = "indexed"
FAILED = "failed"


@dataclass(frozen=True)
class FeedRow:
    """A watched feed: when it was last polled, with what outcome, and what came of its
    entries (seen, indexed and still held, failed for good)."""

    url: str
    title: str
    added_at: str
    last_poll: str | None
    last_status: str
    polls: int
    entries: int
    articles: int
    failed: int


@dataclass(frozen=True)
class SeenEntry:
    """A feed entry dealt with for good: indexed (``article_id``) or failed in a way that
    trying again would not change."""

    key: str
    link: str
    article_id: str | None
    outcome: str
    version: str


class WebState:
    """Reads and writes the web fetcher's tables of one ledger."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.db = ledger.db

    def validators(self, url: str) -> Validators | None:
        """The validators last stored for ``url``, if any."""
        row = self.db.execute(
            "SELECT etag, last_modified FROM web_validators WHERE url = ?", (url,)
        ).fetchone()
        return Validators(row[0], row[1]) if row else None

    def feed(self, url: str) -> FeedRow | None:
        """The watched feed ``url``, or None when it is not watched."""
        found = self.feeds(url)
        return found[0] if found else None

    def holds_article_from(self, url: str) -> bool:
        """Whether the index holds an article read from ``url``."""
        row = self.db.execute(
            "SELECT 1 FROM articles WHERE source_file = ? LIMIT 1", (url,)
        ).fetchone()
        return row is not None

    def seen(self, feed_url: str, keys: Sequence[str]) -> dict[str, str]:
        """Those of ``keys`` already dealt with in ``feed_url``, each with the version it had
        then ('' when not known)."""
        found: dict[str, str] = {}
        for first in range(0, len(keys), 500):
            part = list(keys[first : first + 500])
            marks = ",".join("?" * len(part))
            found.update(
                self.db.execute(
                    "SELECT entry, version FROM feed_entries "
                    f"WHERE feed_url = ? AND entry IN ({marks})",
                    [feed_url, *part],
                ).fetchall()
            )
        return found

    def feeds(self, url: str | None = None) -> list[FeedRow]:
        """Every watched feed (or the one whose URL is ``url``), by title."""
        rows = self.db.execute(
            "SELECT f.url, f.title, f.added_at, f.last_poll, f.last_status, f.polls, "
            "(SELECT COUNT(*) FROM feed_entries e WHERE e.feed_url = f.url), "
            "(SELECT COUNT(*) FROM feed_entries e JOIN articles a ON a.id = e.article_id "
            " WHERE e.feed_url = f.url), "
            f"(SELECT COUNT(*) FROM feed_entries e WHERE e.feed_url = f.url AND e.outcome = "
            f"'{FAILED}') FROM feeds f WHERE ? IS NULL OR f.url = ? ORDER BY f.title, f.url",
            (url, url),
        )
        return [FeedRow(*row) for row in rows]

    def record_page(self, url: str, validators: Validators) -> None:
        """Remember the validators of a page whose article is indexed."""
        with self.ledger.transaction() as db:
            _store_validators(db, url, validators)

    def record_poll(
        self,
        feed_url: str,
        *,
        title: str | None,
        status: str,
        validators: Validators | None,
        entries: Sequence[SeenEntry] = (),
        versions: Mapping[str, str] | None = None,
    ) -> None:
        """Remember one poll of a feed (adding it to the watched feeds when ``title`` is given,
        i.e. it was read as a feed): its outcome, the entries dealt with, the versions of
        entries seen before whose version was not known (``versions``: key to version), and
        the validators to send next time (None keeps the old ones, so a poll that left entries
        to retry fetches the feed again)."""
        now = _now()
        with self.ledger.transaction() as db:
            if title is not None:
                db.execute(
                    "INSERT INTO feeds (url, title, added_at) VALUES (?, ?, ?) "
                    "ON CONFLICT(url) DO UPDATE SET title = excluded.title",
                    (feed_url, title, now),
                )
            db.execute(
                "UPDATE feeds SET last_poll = ?, last_status = ?, polls = polls + 1 WHERE url = ?",
                (now, status, feed_url),
            )
            if validators is not None:
                _store_validators(db, feed_url, validators)
            db.executemany(
                "INSERT OR REPLACE INTO feed_entries "
                "(feed_url, entry, link, article_id, outcome, seen_at, version) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (feed_url, e.key, e.link, e.article_id, e.outcome, now, e.version)
                    for e in entries
                ],
            )
            db.executemany(
                "UPDATE feed_entries SET version = ? "
                "WHERE feed_url = ? AND entry = ? AND version = ''",
                [(version, feed_url, key) for key, version in (versions or {}).items()],
            )


def _store_validators(db: sqlite3.Connection, url: str, validators: Validators) -> None:
    db.execute(
        "INSERT OR REPLACE INTO web_validators VALUES (?, ?, ?, ?)",
        (url, validators.etag, validators.last_modified, _now()),
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
