"""Articles from the web: page and feed URLs fetched politely and safely, then indexed.

``WebIngester`` is the entry point; ``Fetcher`` (fetch.py) does the HTTP, ``AddressGuard``
(guard.py) decides which addresses may be fetched, ``feeds.py`` and ``pages.py`` read what came
back, ``state.py`` remembers it in the ledger, ``watch.py`` repeats it.
"""

from index.web.errors import BlockedURLError, FetchError
from index.web.fetch import Fetched, Fetcher, Validators
from index.web.guard import AddressGuard, Resolver, system_resolver
from index.web.ingest import FeedPoll, WebIngester, WebReport, looks_like_url
from index.web.settings import FetchSettings
from index.web.state import FeedRow
from index.web.watch import parse_interval, watch

__all__ = [
    "AddressGuard",
    "BlockedURLError",
    "FeedPoll",
    "FeedRow",
    "FetchError",
    "FetchSettings",
    "Fetched",
    "Fetcher",
    "Resolver",
    "Validators",
    "WebIngester",
    "WebReport",
    "looks_like_url",
    "parse_interval",
    "system_resolver",
    "watch",
]
