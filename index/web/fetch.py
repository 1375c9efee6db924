"""Polite, safe HTTP GETs: one URL in, its bytes (or "not modified") out.

Every request names newsqa in its User-Agent, waits its turn for the host (``HostThrottle``),
sends the ETag and Last-Modified it was given (so an unchanged feed costs a 304), times out,
and stops reading past the size limit. Timeouts, refused connections, 429 and 5xx answers are
retried with exponential backoff, or after the server's Retry-After (tenacity). Redirects are
followed by hand, at most ``max_redirects``, and every target passes the address guard before
it is requested. Each request goes to an address the guard judged for it, never to one found by
resolving the host again (see guard.py), with the host name in its Host header and, over https,
in its TLS server name, against which the certificate is checked. The body is returned as
bytes: nothing in it is run.

Usage::

    with Fetcher(FetchSettings()) as fetcher:
        page = fetcher.get("https://example.com/news/1")
        again = fetcher.get(page.url, validators=page.validators)  # again.not_modified
"""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt
from tenacity.wait import wait_exponential

from index.web.errors import BlockedURLError, FetchError
from index.web.guard import AddressGuard
from index.web.settings import FetchSettings
from index.web.throttle import HostThrottle

logger = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+xml",
        "application/xml",
        "text/xml",
    }
)
_ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/xml;q=0.9"
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRIED = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class Validators:
    """What a server said identifies a version of a resource; sent back, it answers 304 when
    nothing changed."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """The conditional request headers these validators make."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True)
class Fetched:
    """A fetched resource: ``url`` as asked for, ``final_url`` after redirects; status 304
    (``not_modified``) has an empty body."""

    url: str
    final_url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes
    validators: Validators

    @property
    def not_modified(self) -> bool:
        """The server says the version we hold is current."""
        return self.status == 304


class _RetryableStatus(Exception):
    def __init__(self, status: int, retry_after: float | None) -> None:
        self.status = status
        self.retry_after = retry_after
        super().__init__(f"HTTP {status}")


@dataclass(frozen=True)
class _Hop:
    status: int
    headers: httpx.Headers
    content_type: str = ""
    charset: str | None = None
    body: bytes = b""


class Fetcher:
    """GETs URLs politely and safely (see the module docstring); thread-safe, so a pool of
    ``settings.concurrency`` threads may share one. Close it (or use ``with``) when done."""

    def __init__(
        self,
        settings: FetchSettings,
        *,
        guard: AddressGuard | None = None,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        """``transport`` replaces httpx's own (it then sets its own limits and TLS trust)."""
        self.settings = settings
        self.guard = guard or AddressGuard(allow_private=settings.allow_private)
        self.throttle = HostThrottle(settings.host_interval, sleep=sleep)
        self._sleep = sleep
        self._backoff = wait_exponential(multiplier=settings.backoff, max=60)
        self.client = httpx.Client(
            headers={"User-Agent": settings.user_agent, "Accept": _ACCEPT},
            timeout=httpx.Timeout(settings.timeout),
            follow_redirects=False,  # each hop is checked by the guard first
            trust_env=False,  # a proxy would resolve hosts the guard never saw
            limits=httpx.Limits(max_connections=settings.concurrency * 2),
            transport=transport,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections."""
        self.client.close()

    def get(
        self,
        url: str,
        *,
        validators: Validators | None = None,
        accept: frozenset[str] = HTML_TYPES | FEED_TYPES,
    ) -> Fetched:
        """Fetch ``url``, following redirects; raises ``FetchError`` (``BlockedURLError`` for a
        refused address) naming the URL and the reason. A body whose content type is not in
        ``accept`` is refused unread."""
        headers = validators.headers() if validators else {}
        addresses = self.guard.check(url)
        current = url
        for _ in range(self.settings.max_redirects + 1):
            hop = self._request(url, current, addresses, headers, accept)
            if hop.status not in _REDIRECTS:
                return Fetched(
                    url=url,
                    final_url=current,
                    status=hop.status,
                    content_type=hop.content_type,
                    charset=hop.charset,
                    body=hop.body,
                    validators=Validators(
                        hop.headers.get("etag"), hop.headers.get("last-modified")
                    ),
                )
            location = hop.headers.get("location")
            if not location:
                raise FetchError(url, f"HTTP {hop.status} redirect without a Location")
            target = urljoin(current, location)
            try:
                addresses = self.guard.check(target)
            except BlockedURLError as error:
                raise BlockedURLError(url, f"redirect to {target} {error.reason}") from None
            current = target
        raise FetchError(
            url, f"more than {self.settings.max_redirects} redirects (NEWSQA_FETCH_MAX_REDIRECTS)"
        )

    def _request(
        self,
        url: str,
        current: str,
        addresses: Sequence[str],
        headers: dict[str, str],
        accept: frozenset[str],
    ) -> _Hop:
        """One hop, to one of ``addresses``, retried on timeouts, connection errors, 429 and
        5xx."""
        retrying = Retrying(
            stop=stop_after_attempt(self.settings.retries + 1),
            wait=self._wait,
            retry=retry_if_exception(self._retryable),
            sleep=self._sleep,
            reraise=True,
        )
        try:
            return retrying(self._attempt, url, current, addresses, headers, accept)
        except _RetryableStatus as error:
            asked = (
                f" (it asked to wait {error.retry_after:g} s, more than "
                "NEWSQA_FETCH_MAX_RETRY_AFTER)"
                if error.retry_after and error.retry_after > self.settings.max_retry_after
                else ""
            )
            raise FetchError(
                url, f"HTTP {error.status} from {current}{asked}; try again later", transient=True
            ) from None
        except httpx.TimeoutException:
            raise FetchError(
                url,
                f"{current} did not answer within {self.settings.timeout:g} s "
                "(NEWSQA_FETCH_TIMEOUT); try again later",
                transient=True,
            ) from None
        except httpx.TransportError as error:
            raise FetchError(
                url, f"cannot fetch {current} ({error or type(error).__name__})", transient=True
            ) from None

    def _retryable(self, error: BaseException) -> bool:
        if isinstance(error, _RetryableStatus):
            return error.retry_after is None or error.retry_after <= self.settings.max_retry_after
        return isinstance(error, httpx.TransportError)

    def _wait(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        if isinstance(error, _RetryableStatus) and error.retry_after is not None:
            return error.retry_after
        return float(self._backoff(state))

    def _attempt(
        self,
        url: str,
        current: str,
        addresses: Sequence[str],
        headers: dict[str, str],
        accept: frozenset[str],
    ) -> _Hop:
        self.throttle.wait(urlsplit(current).netloc.lower())
        started = time.monotonic()
        response = self._send(current, addresses, headers)
        try:
            status = response.status_code
            if status in _RETRIED:
                raise _RetryableStatus(status, _retry_after(response.headers.get("retry-after")))
            if status in _REDIRECTS or status == 304:
                return _Hop(status, response.headers)
            if status != 200:
                raise FetchError(url, f"HTTP {status} {response.reason_phrase} from {current}")
            content_type, charset = _content_type(response.headers.get("content-type", ""))
            if content_type not in accept:
                raise FetchError(
                    url,
                    f"{current} is {content_type or 'of no stated type'}, not an HTML page "
                    "or an RSS/Atom feed; nothing was read",
                )
            body = self._body(url, response, started)
        finally:
            response.close()
        return _Hop(status, response.headers, content_type, charset, body)

    def _send(
        self, current: str, addresses: Sequence[str], headers: dict[str, str]
    ) -> httpx.Response:
        """GET ``current`` from the first of ``addresses`` that takes the connection (the
        response is streamed: close it). The URL is rewritten to the address, so httpx never
        resolves the host itself; the host name goes in the Host header and, over https, is the
        TLS server name the certificate must match."""
        target = httpx.URL(current)
        host = target.raw_host.decode("ascii")  # IDNA-encoded, as SNI and Host want it
        extensions = {"sni_hostname": host} if target.scheme == "https" else {}
        # httpx pools connections by the address in the URL: kept open, one TLS-checked for
        # a host would carry the next request to another host at that address unchecked.
        pinned = {**headers, "Host": target.netloc.decode("ascii"), "Connection": "close"}

        def send(address: str) -> httpx.Response:
            request = self.client.build_request(
                "GET", target.copy_with(host=address), headers=pinned, extensions=extensions
            )
            return self.client.send(request, stream=True)

        for address in addresses[:-1]:
            try:
                return send(address)
            except (httpx.ConnectError, httpx.ConnectTimeout) as error:
                logger.debug("%s: no connection to %s (%s); next address", current, address, error)
        return send(addresses[-1])

    def _body(self, url: str, response: httpx.Response, started: float) -> bytes:
        limit = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(url, _too_large(f"is {int(declared):,} bytes", limit))
        parts: list[bytes] = []
        size = 0
        for part in response.iter_bytes():
            size += len(part)
            if size > limit:
                raise FetchError(url, _too_large(f"sent more than {limit:,} bytes", limit))
            if time.monotonic() - started > self.settings.deadline:
                raise FetchError(
                    url,
                    f"took longer than {self.settings.deadline:g} s to send "
                    "(NEWSQA_FETCH_DEADLINE); try again later",
                    transient=True,
                )
            parts.append(part)
        return b"".join(parts)


def _too_large(what: str, limit: int) -> str:
    return f"{what}, over the limit of {limit:,} (NEWSQA_FETCH_MAX_BYTES); reading stopped"


def _content_type(header: str) -> tuple[str, str | None]:
    """The media type, lower-cased, and the charset parameter of a Content-Type header."""
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


def _retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks to wait (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
