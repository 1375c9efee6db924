"""The address guard, for real: addresses classified as they resolve, redirects to loopback
or cloud metadata refused after a fixture host was let through as public, and every request
sent to the very address the guard judged (no second lookup for a rebinding DNS to answer)."""

from __future__ import annotations

import ipaddress
import ssl
from collections.abc import Iterator, Sequence
from pathlib import Path

import httpx
import pytest

from index.web import (
    AddressGuard,
    BlockedURLError,
    Fetcher,
    FetchError,
    FetchSettings,
    system_resolver,
)
from index.web.guard import forbidden_kind
from tests.index.website import Site, default_site, self_signed, serve

PUBLIC = "93.184.216.34"


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(default_site()) as running:
        yield running


def _public_localhost(host: str, port: int) -> Sequence[str]:
    """A resolver under which the fixture's host name looks public; the guard must still
    judge every other host, and every literal address, as it is."""
    return [PUBLIC] if host == "localhost" else system_resolver(host, port)


class Rebinding:
    """A resolver answering as a hostile DNS server does: a public address for the fixture's
    host name the first time it is asked, loopback (where the fixture is) ever after."""

    def __init__(self) -> None:
        self.asked = 0

    def __call__(self, host: str, port: int) -> Sequence[str]:
        if host != "localhost":
            return system_resolver(host, port)
        self.asked += 1
        return [PUBLIC] if self.asked == 1 else ["127.0.0.1"]


class PublicRoute(httpx.BaseTransport):
    """The network between newsqa and the made-up public address: what is sent to ``PUBLIC``
    reaches the fixture on 127.0.0.1, as a router forwarding that address would take it
    there; anything else goes where it is addressed. Keeps the address of every request, so
    a test sees where the fetcher sent it."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport(trust_env=False)
        self.addresses: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.addresses.append(request.url.host)
        if request.url.host == PUBLIC:
            request.url = request.url.copy_with(host="127.0.0.1")
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def _fetcher(
    resolver=_public_localhost,
    transport: httpx.BaseTransport | None = None,
    allow_private: bool = False,
) -> Fetcher:
    settings = FetchSettings(timeout=2, retries=0, host_interval=0, allow_private=allow_private)
    guard = AddressGuard(resolver=resolver, allow_private=allow_private)
    return Fetcher(settings, guard=guard, transport=transport or PublicRoute())


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("172.16.5.4", "private"),
        ("169.254.169.254", "cloud metadata"),
        ("fd00:ec2::254", "cloud metadata"),
        ("169.254.10.1", "link-local"),
        ("fe80::1", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "non-public"),
        ("224.0.0.1", "multicast"),
        (PUBLIC, None),
        ("2606:2800:220:1:248:1893:25c8:1946", None),
    ],
)
def test_addresses_are_classified(address: str, kind: str | None) -> None:
    assert forbidden_kind(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "only http and https URLs are fetched, not file"),
        ("ftp://example.com/feed.xml", "only http and https URLs are fetched, not ftp"),
        ("http:///nohost", "the URL names no host"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a cloud metadata"),
        ("http://[::1]:8080/", "::1 is a loopback address"),
        ("http://10.0.0.7/feed", "10.0.0.7 is a private address"),
    ],
)
def test_unsafe_urls_are_refused_before_any_request(url: str, reason: str) -> None:
    with pytest.raises(BlockedURLError, match=reason):
        AddressGuard().check(url)


def test_a_name_is_judged_by_the_address_it_resolves_to(site: Site) -> None:
    with _fetcher(system_resolver) as fetcher, pytest.raises(BlockedURLError) as caught:
        fetcher.get(site.url("/articles/harbour.html", host="localhost"))
    assert "localhost resolves to 127.0.0.1, which is a loopback address" in str(caught.value)
    assert "--allow-private" in str(caught.value)
    assert site.requests == []  # refused before connecting


def test_allow_private_lets_loopback_through_but_never_other_schemes(site: Site) -> None:
    guard = AddressGuard(allow_private=True)
    assert guard.check(site.url("/rss.xml")) == ["127.0.0.1"]
    with pytest.raises(BlockedURLError, match="not file"):
        guard.check("file:///etc/passwd")


def test_a_public_looking_host_is_fetched_at_the_address_judged(site: Site) -> None:
    route = PublicRoute()
    with _fetcher(transport=route) as fetcher:
        page = fetcher.get(site.url("/articles/harbour.html", host="localhost"))
    assert page.status == 200 and b"Port Ellis" in page.body
    assert route.addresses == [PUBLIC]  # not "localhost", which httpx would resolve anew
    assert site.requests[0].headers["Host"] == f"localhost:{site.port}"


def test_a_redirect_to_loopback_is_refused(site: Site) -> None:
    start = site.url("/to-loopback", host="localhost")
    with _fetcher() as fetcher, pytest.raises(BlockedURLError) as caught:
        fetcher.get(start)
    message = str(caught.value)
    assert message.startswith(f"{start}: redirect to http://127.0.0.1:{site.port}/")
    assert "refused: 127.0.0.1 is a loopback address" in message
    assert [r.path for r in site.requests] == ["/to-loopback"]  # the target was never asked


def test_a_redirect_to_cloud_metadata_is_refused(site: Site) -> None:
    start = site.url("/to-metadata", host="localhost")
    with _fetcher() as fetcher, pytest.raises(BlockedURLError) as caught:
        fetcher.get(start)
    assert str(caught.value).startswith(
        f"{start}: redirect to http://169.254.169.254/latest/meta-data/ refused: "
        "169.254.169.254 is a cloud metadata address"
    )


def test_a_name_that_rebinds_to_loopback_is_never_reached_there(site: Site) -> None:
    # Checked once, sent where checked: the loopback answer a second lookup would give is
    # never asked for, so the request cannot land on the address the check would refuse.
    resolver, route = Rebinding(), PublicRoute()
    with _fetcher(resolver, route) as fetcher:
        page = fetcher.get(site.url("/articles/harbour.html", host="localhost"))
    assert page.status == 200
    assert (resolver.asked, route.addresses) == (1, [PUBLIC])


def test_a_name_that_rebinds_between_redirects_is_refused(site: Site) -> None:
    # Each hop is looked up, judged and sent on its own: the second lookup of the same name
    # now answers loopback, and the hop is refused before it is sent.
    resolver, route = Rebinding(), PublicRoute()
    start = site.url("/redirect", host="localhost")
    with _fetcher(resolver, route) as fetcher, pytest.raises(BlockedURLError) as caught:
        fetcher.get(start)
    assert str(caught.value).startswith(
        f"{start}: redirect to {site.url('/articles/harbour.html', host='localhost')} refused: "
        "localhost resolves to 127.0.0.1, which is a loopback address"
    )
    assert route.addresses == [PUBLIC]
    assert [r.path for r in site.requests] == ["/redirect"]


def test_the_resolver_decides_where_a_request_goes(site: Site) -> None:
    # news.example resolves nowhere but through this resolver; its first address has nothing
    # listening (the fixture listens on 127.0.0.1 only), so the next one is tried.
    def resolver(host: str, port: int) -> Sequence[str]:
        return ["127.0.0.2", "127.0.0.1"] if host == "news.example" else []

    url = site.url("/articles/harbour.html", host="news.example")
    with _fetcher(resolver, httpx.HTTPTransport(), allow_private=True) as fetcher:
        page = fetcher.get(url)
    assert page.status == 200 and page.final_url == url
    assert site.requests[0].headers["Host"] == f"news.example:{site.port}"


@pytest.fixture
def tls_site(tmp_path: Path) -> Iterator[tuple[Site, Path]]:
    try:
        cert, key = self_signed(tmp_path, "news.example")
    except FileNotFoundError as error:
        pytest.skip(str(error))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with serve(default_site(), tls=context) as running:
        yield running, cert


def test_https_names_the_host_to_tls_and_checks_its_certificate(
    tls_site: tuple[Site, Path],
) -> None:
    # Sent to an address, yet the TLS server name is the host's and the certificate is
    # checked against it: a name the certificate does not carry fails at the same address.
    site, cert = tls_site
    trusting = httpx.HTTPTransport(verify=ssl.create_default_context(cafile=str(cert)))
    with _fetcher(lambda host, port: ["127.0.0.1"], trusting, allow_private=True) as fetcher:
        page = fetcher.get(site.url("/articles/harbour.html", host="news.example"))
        assert page.status == 200 and b"Port Ellis" in page.body
        assert site.server_names == ["news.example"]
        assert site.requests[0].headers["Host"] == f"news.example:{site.port}"
        with pytest.raises(FetchError, match="certificate verify failed"):
            fetcher.get(site.url("/articles/harbour.html", host="other.example"))
    assert len(site.requests) == 1
