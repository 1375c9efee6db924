"""The address guard: only http(s) URLs whose host resolves to public addresses are fetched.

A URL from a feed or a redirect is untrusted: without this check it could make newsqa read the
machine's own services (``http://127.0.0.1:8080/admin``), the local network, or a cloud
metadata endpoint (``http://169.254.169.254/``) and index what they return. The check runs on
the addresses the host name resolves to, not on its spelling, and the fetcher runs it again on
every redirect target.

The check returns the addresses it judged, and the fetcher connects to one of those and to no
other: were the host name resolved again to connect, a DNS server answering a public address to
the check and a private one a moment later (DNS rebinding) would take the request past it.

Usage::

    guard = AddressGuard()                        # the system resolver
    guard.check("http://169.254.169.254/latest")  # raises BlockedURLError
    AddressGuard(allow_private=True).check("http://127.0.0.1:8000/feed.xml")  # ["127.0.0.1"]
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from index.web.errors import BlockedURLError, FetchError

Resolver = Callable[[str, int], Sequence[str]]
"""Turns a host name and port into the IP addresses it stands for."""

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

SCHEMES = ("http", "https")

# Cloud instance metadata services (AWS, GCP and Azure share 169.254.169.254; AWS's IPv6 one;
# Alibaba's): they hand out credentials to whoever asks from the machine.
_METADATA = {
    ipaddress.ip_address("169.254.169.254"),
    ipaddress.ip_address("fd00:ec2::254"),
    ipaddress.ip_address("100.100.100.200"),
}


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the operating system resolves ``host`` to, in its order of preference
    (the order to try them in)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def forbidden_kind(address: IPAddress) -> str | None:
    """What kind of non-public address ``address`` is ("loopback", "cloud metadata" ...), or
    None for a public one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    if address in _METADATA:
        return "cloud metadata"
    for kind in ("loopback", "link_local", "unspecified", "multicast", "private", "reserved"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    if not address.is_global:
        return "non-public"  # shared (100.64/10), documentation and benchmark ranges
    return None


class AddressGuard:
    """Refuses URLs that are not http(s), and (unless ``allow_private``) those whose host
    resolves to any non-public address. ``resolver`` is injectable for tests and special
    networks; it defaults to the operating system's."""

    def __init__(self, *, allow_private: bool = False, resolver: Resolver = system_resolver):
        self.allow_private = allow_private
        self.resolver = resolver

    def check(self, url: str) -> list[str]:
        """The addresses ``url``'s host stands for, resolved once and each judged public (or
        not judged, with ``allow_private``): the only ones to connect to for it. Raises
        ``BlockedURLError`` (saying why) when ``url`` may not be fetched; a host that does not
        resolve raises a transient ``FetchError``."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in SCHEMES:
            shown = parts.scheme or "no scheme"
            raise BlockedURLError(
                url, f"refused: only http and https URLs are fetched, not {shown}"
            )
        host = parts.hostname
        if not host:
            raise BlockedURLError(url, "refused: the URL names no host")
        try:
            port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        except ValueError as error:
            raise BlockedURLError(url, f"refused: the port is not a number ({error})") from None
        addresses = list(self._addresses(url, host, port))
        if self.allow_private:
            return addresses
        for text in addresses:
            address = ipaddress.ip_address(text.split("%", 1)[0])  # drop an IPv6 zone
            kind = forbidden_kind(address)
            if kind:
                named = host if host == str(address) else f"{host} resolves to {address}, which"
                raise BlockedURLError(
                    url,
                    f"refused: {named} is a {kind} address; newsqa fetches only public "
                    "addresses (to fetch from this machine or your network, give "
                    "--allow-private or set NEWSQA_FETCH_ALLOW_PRIVATE=1)",
                )
        return addresses

    def _addresses(self, url: str, host: str, port: int) -> Sequence[str]:
        try:
            return [str(ipaddress.ip_address(host))]  # a literal address is not looked up
        except ValueError:
            pass
        try:
            found = self.resolver(host, port)
        except (OSError, UnicodeError) as error:
            raise FetchError(url, f"cannot resolve {host} ({error})", transient=True) from None
        if not found:
            raise FetchError(url, f"{host} resolves to no address", transient=True)
        return found
