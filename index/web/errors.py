"""Why a URL could not be fetched: one error type, saying whether trying later may help."""

from __future__ import annotations


class FetchError(Exception):
    """A URL that could not be fetched or used; the message names the URL and what to do.

    ``transient`` errors (timeouts, refused connections, 429 and 5xx answers after the retries)
    may go away by themselves: a feed entry that met one is fetched again at the next poll.
    The others (404, a refused address, a wrong content type, a page over the size limit) are
    not retried.
    """

    def __init__(self, url: str, reason: str, *, transient: bool = False) -> None:
        self.url = url
        self.reason = reason
        self.transient = transient
        super().__init__(f"{url}: {reason}")


class BlockedURLError(FetchError):
    """A URL the address guard refuses: not http(s), or a private, loopback, link-local or
    metadata address (checked on the resolved address, and after every redirect)."""
