"""RSS and Atom feeds: bytes in, the feed's title and its entries (link, title, date, author,
version) out.

feedparser reads RSS 0.9x/1.0/2.0 and Atom, resolves relative links against the feed's URL, and
never fetches anything a feed refers to (no external entities, no DTDs).
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import feedparser

from index.web.fetch import FEED_TYPES, Fetched


@dataclass(frozen=True)
class Entry:
    """One item of a feed: ``key`` identifies it across polls (its id, else its link);
    ``version`` changes when the feed revises it (a new updated date, title, summary or
    content); ``stamp`` is when it was last updated, else published, to take the newest
    first."""

    key: str
    link: str
    title: str = ""
    published: date | None = None
    author: str = ""
    version: str = ""
    stamp: datetime | None = None


@dataclass(frozen=True)
class Feed:
    """A parsed feed: its title and entries, in the feed's order."""

    url: str
    title: str
    entries: list[Entry]


class NotAFeedError(ValueError):
    """Bytes that are no RSS or Atom feed; the message says what was found."""


def looks_like_feed(fetched: Fetched) -> bool:
    """Whether a fetched resource is to be read as a feed rather than a page: by its content
    type, and for generic XML by its first element."""
    if fetched.content_type not in FEED_TYPES:
        return False
    if fetched.content_type in ("application/xml", "text/xml"):
        head = fetched.body[:2048].lower()
        return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))
    return True


def parse_feed(fetched: Fetched) -> Feed:
    """The feed in ``fetched``; raises ``NotAFeedError`` for anything else."""
    parsed = feedparser.parse(
        fetched.body,
        response_headers={"content-location": fetched.final_url},
        sanitize_html=True,
    )
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        raise NotAFeedError(
            f"{fetched.url}: not an RSS or Atom feed"
            + (f" ({problem})" if problem else "")
            + "; give the feed's own URL"
        )
    entries = []
    for item in parsed.entries:
        link = str(item.get("link") or "").strip()
        if not link:
            continue  # an entry without a link has no article page to fetch
        # dict.get: feedparser's own get answers "updated" with the published date (and warns)
        updated = _moment(dict.get(item, "updated_parsed"))
        published = _moment(item.get("published_parsed")) or updated
        entries.append(
            Entry(
                key=str(item.get("id") or link).strip(),
                link=link,
                title=str(item.get("title") or "").strip(),
                published=published.date() if published else None,
                author=str(item.get("author") or "").strip(),
                version=_version(item),
                stamp=updated or published,
            )
        )
    title = str(parsed.feed.get("title") or "").strip()
    return Feed(url=fetched.url, title=title, entries=entries)


def _version(item: Any) -> str:
    """A digest of what the feed says of an entry that a revision changes. The link is left
    out: tracking parameters that change on every fetch of a feed would make every entry look
    revised at every poll."""
    said = [
        dict.get(item, "updated", ""),
        item.get("published", ""),
        item.get("title", ""),
        item.get("summary", ""),
        [part.get("value", "") for part in item.get("content", [])],
    ]
    return hashlib.sha256(json.dumps(said, default=str).encode()).hexdigest()[:32]


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, time.struct_time):
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except ValueError:
        return None
