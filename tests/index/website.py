"""A small news site on 127.0.0.1 for the web-ingest tests: an RSS 2.0 feed, an Atom feed,
article pages, a redirect, a slow page, oversized pages, a 404 and a 503-then-200 page; over
http, or over https with a certificate made for the test (``self_signed``).

It answers conditional requests as a real server does (ETag / If-None-Match on the RSS feed,
Last-Modified / If-Modified-Since on the Atom feed) and records every request: path, headers,
time, and how many were in flight at once; over https, the TLS server name each client gave.
"""

from __future__ import annotations

import hashlib
import shutil
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

PAGE = """<!doctype html>
<html><head>{head}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{h1}</h1>{paragraphs}</article>
<footer>Copyright 2024 Example Media. All rights reserved.</footer>
<script>document.title = "executed";</script>
</body></html>"""

STORIES = {
    "harbour": (
        "Harbour Reopens After Storm",
        [
            "The harbour at Port Ellis reopened on Tuesday after a storm closed it for three "
            "days, the harbour master said.",
            "Fishing boats returned to sea within hours, and the ferry to the islands resumed "
            "its morning crossing.",
            "Repairs to the outer wall will cost about 2 million pounds and take a year.",
        ],
    ),
    "glacier": (
        "Zorbland Passes Glacier Tax",
        [
            "Zorbland's parliament approved a tax on glacier tourism by 61 votes to 40.",
            "The money will pay for meltwater monitoring stations in the northern valleys.",
            "Tour operators said the tax would raise ticket prices by about a tenth.",
        ],
    ),
    "bridge": (
        "River Bridge Closed For Repairs",
        [
            "The old river bridge in Millbrook closed for repairs after inspectors found "
            "cracks in two of its arches.",
            "Drivers face a detour of twenty minutes through the industrial estate.",
            "The council expects the bridge to reopen before the winter holidays.",
        ],
    ),
    "orchard": (
        "Orchard Harvest Breaks Record",
        [
            "Apple growers in the Vale reported their largest harvest in thirty years.",
            "A warm spring and a wet summer gave the trees an unusually heavy crop.",
            "Cider makers said they would need extra tanks to press all the fruit.",
        ],
    ),
}


def page(
    slug: str, *, site: str = "", published: str = "", bare: bool = False, revision: str = ""
) -> str:
    """An article page; ``bare`` leaves out the title, site name and date (a feed fills them);
    ``revision`` is a paragraph added to the story."""
    title, paragraphs = STORIES[slug]
    head = '<meta charset="utf-8">'
    if not bare:
        head += f"<title>{title}</title>"
        if site:
            head += f'<meta property="og:site_name" content="{site}">'
        if published:
            head += f'<meta property="article:published_time" content="{published}">'
    body = "".join(f"<p>{p}</p>" for p in [*paragraphs, *([revision] if revision else [])])
    return PAGE.format(head=head, h1="" if bare else title, paragraphs=body)


# A page with no date anywhere (no metadata, no copyright line) and no site name: only what
# the person ingesting it gives (--published, --outlet) can date it and name its outlet.
UNDATED = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Ferry Timetable Changes</title>"
    "</head><body><article><h1>Ferry Timetable Changes</h1>"
    "<p>The island ferry will leave half an hour earlier on weekdays, the operator said.</p>"
    "<p>Weekend crossings keep their times, and the evening boat is unchanged.</p>"
    "<p>Passengers with season tickets need not buy new ones.</p></article></body></html>"
)


@dataclass(frozen=True)
class Item:
    """A feed entry."""

    slug: str
    published: str  # RFC 822 for RSS; ISO 8601 for Atom, where it is the entry's <updated>
    author: str = ""
    guid: str = ""
    summary: str = "Summary only."


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    at: float


@dataclass
class Site:
    """The site's content and what it saw; change ``rss_items`` to publish a new story, and
    ``revisions`` (slug: an added paragraph) to revise one."""

    port: int = 0
    host: str = "127.0.0.1"
    scheme: str = "http"
    rss_items: list[Item] = field(default_factory=list)
    atom_items: list[Item] = field(default_factory=list)
    revisions: dict[str, str] = field(default_factory=dict)
    gone: set[str] = field(default_factory=set)  # paths answered with a 404 from now on
    requests: list[Request] = field(default_factory=list)
    server_names: list[str | None] = field(default_factory=list)  # TLS SNI, over https
    in_flight: int = 0
    max_in_flight: int = 0
    slow_seconds: float = 2.0
    page_delay: float = 0.0
    flaky_failures: int = 1
    atom_modified: float = field(default_factory=lambda: time.time() - 3600)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str, host: str | None = None) -> str:
        return f"{self.scheme}://{host or self.host}:{self.port}{path}"

    def hits(self, path: str) -> list[Request]:
        with self.lock:
            return [r for r in self.requests if r.path == path]

    def rss(self) -> str:
        entries = "".join(
            f"<item><title>{STORIES[i.slug][0]}</title>"
            f"<link>/articles/{i.slug}.html</link>"
            f"<guid>{i.guid or self.url(f'/articles/{i.slug}.html')}</guid>"
            f"<pubDate>{i.published}</pubDate>"
            + (f"<author>{i.author}</author>" if i.author else "")
            + f"<description>{i.summary}</description></item>"
            for i in self.rss_items
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Coast News Wire</title><link>{self.url('/')}</link>"
            f"<description>Stories</description>{entries}</channel></rss>"
        )

    def atom(self) -> str:
        entries = "".join(
            f"<entry><title>{STORIES[i.slug][0]}</title>"
            f'<link href="{self.url(f"/articles/{i.slug}.html")}"/>'
            f"<id>urn:story:{i.slug}</id><updated>{i.published}</updated>"
            + (f"<author><name>{i.author}</name></author>" if i.author else "")
            + "</entry>"
            for i in self.atom_items
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Courier</title>'
            f"<id>urn:valley</id><updated>2024-05-01T00:00:00Z</updated>{entries}</feed>"
        )


class _Handler(BaseHTTPRequestHandler):
    site: Site
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet tests

    def do_GET(self) -> None:
        site = self.site
        with site.lock:
            site.requests.append(Request(self.path, dict(self.headers.items()), time.monotonic()))
            site.in_flight += 1
            site.max_in_flight = max(site.max_in_flight, site.in_flight)
        try:
            self._route(site)
        finally:
            with site.lock:
                site.in_flight -= 1

    def _route(self, site: Site) -> None:
        path = self.path.split("?", 1)[0]
        if path in site.gone:
            return self._send(404, b"not found", "text/plain")
        if path == "/rss.xml":
            body = site.rss().encode()
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                return self._send(304, b"", "", {"ETag": etag})
            return self._send(200, body, "application/rss+xml", {"ETag": etag})
        if path == "/atom.xml":
            modified = formatdate(site.atom_modified, usegmt=True)
            if self.headers.get("If-Modified-Since") == modified:
                return self._send(304, b"", "", {"Last-Modified": modified})
            return self._send(
                200, site.atom().encode(), "application/atom+xml", {"Last-Modified": modified}
            )
        if path.startswith("/articles/") and path.endswith(".html"):
            slug = path.removeprefix("/articles/").removesuffix(".html")
            if slug in STORIES:
                time.sleep(site.page_delay)
                bare = slug in ("bridge", "orchard")
                html = page(
                    slug,
                    site="Coast News",
                    published="2024-03-05",
                    bare=bare,
                    revision=site.revisions.get(slug, ""),
                )
                return self._send(200, html.encode(), "text/html; charset=utf-8")
        if path == "/undated.html":
            return self._send(200, UNDATED.encode(), "text/html; charset=utf-8")
        if path == "/redirect":
            return self._send(302, b"", "", {"Location": "/articles/harbour.html"})
        if path == "/loop":
            return self._send(302, b"", "", {"Location": "/loop"})
        if path == "/to-loopback":
            target = f"http://127.0.0.1:{site.port}/articles/harbour.html"
            return self._send(302, b"", "", {"Location": target})
        if path == "/to-metadata":
            target = "http://169.254.169.254/latest/meta-data/"
            return self._send(302, b"", "", {"Location": target})
        if path == "/slow.html":
            time.sleep(site.slow_seconds)
            return self._send(200, page("harbour").encode(), "text/html")
        if path == "/big-declared.html":
            return self._send(200, b"<p>" + b"x" * 50_000 + b"</p>", "text/html")
        if path == "/big-streamed.html":
            return self._stream_unsized(60_000)
        if path == "/flaky.html":
            if len(site.hits("/flaky.html")) <= site.flaky_failures:
                return self._send(503, b"busy", "text/plain", {"Retry-After": "1"})
            return self._send(200, page("glacier", site="Glacier Post").encode(), "text/html")
        if path == "/data.json":
            return self._send(200, b'{"text": "not a page"}', "application/json")
        return self._send(404, b"not found", "text/plain")

    def _send(self, status: int, body: bytes, kind: str, headers: dict[str, str] | None = None):
        self.send_response(status)
        if kind:
            self.send_header("Content-Type", kind)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The client may have given up (a timeout test): what the test wants.
        with suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def _stream_unsized(self, size: int) -> None:
        """A body with no Content-Length, sent in chunks: only counting while reading stops it."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        piece = b"<p>" + b"y" * 4093 + b"</p>"
        sent = 0
        try:
            while sent < size:
                self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                sent += len(piece)
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading: what the test wants


def self_signed(folder: Path, host: str) -> tuple[Path, Path]:
    """A certificate for ``host`` signed by itself, and its key (made by the openssl
    command): a client that trusts the certificate checks the name for real."""
    openssl = shutil.which("openssl")
    if openssl is None:
        raise FileNotFoundError("the https tests need the openssl command")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *(openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"),
            *("-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2"),
            *("-subj", f"/CN={host}", "-addext", f"subjectAltName=DNS:{host}"),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@contextmanager
def serve(site: Site, *, tls: ssl.SSLContext | None = None) -> Iterator[Site]:
    """Run ``site`` on a free port of 127.0.0.1 until the block ends; over https with
    ``tls`` (a server context holding the certificate)."""
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    if tls is not None:
        tls.sni_callback = lambda _socket, name, _context: site.server_names.append(name)
        server.socket = tls.wrap_socket(server.socket, server_side=True)
        site.scheme = "https"
    site.port = int(server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def default_site() -> Site:
    """Two RSS entries (one page complete, one bare) and two Atom entries."""
    return Site(
        rss_items=[
            Item("harbour", "Tue, 05 Mar 2024 09:00:00 GMT", author="Ann Reed"),
            Item("bridge", "Wed, 06 Mar 2024 10:00:00 GMT", author="Bo Lind"),
        ],
        atom_items=[
            Item("glacier", "2024-04-02T08:00:00Z", author="Cy Moss"),
            Item("orchard", "2024-04-03T08:00:00Z", author="Di Park"),
        ],
    )
