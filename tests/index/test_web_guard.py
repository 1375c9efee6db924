"""The address guard, for real: addresses classified as they resolve, and redirects to loopback
or cloud metadata refused after a fixture host was let through as public."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator, Sequence

import pytest

from index.web import AddressGuard, BlockedURLError, Fetcher, FetchSettings, system_resolver
from index.web.guard import forbidden_kind
from tests.index.website import Site, default_site, serve

PUBLIC = "93.184.216.34"


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(default_site()) as running:
        yield running


def _public_localhost(host: str, port: int) -> Sequence[str]:
    """A resolver under which the fixture's host name looks public; the guard must still
    judge every other host, and every literal address, as it is."""
    return [PUBLIC] if host == "localhost" else system_resolver(host, port)


def _fetcher(resolver=_public_localhost) -> Fetcher:
    settings = FetchSettings(timeout=2, retries=0, host_interval=0)
    return Fetcher(settings, guard=AddressGuard(resolver=resolver))


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
    guard.check(site.url("/rss.xml"))
    with pytest.raises(BlockedURLError, match="not file"):
        guard.check("file:///etc/passwd")


def test_a_public_looking_host_is_fetched(site: Site) -> None:
    with _fetcher() as fetcher:
        page = fetcher.get(site.url("/articles/harbour.html", host="localhost"))
    assert page.status == 200 and b"Port Ellis" in page.body


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
