"""Fetches stay on the public internet.

Every URL that comes from the web (a company's website, a link found on a page, each hop of a
redirect) is resolved here, with the fetch's own timeout, and refused when any address it
resolves to is loopback, private, link-local, multicast, reserved or unspecified: IPv4 and IPv6,
IPv4-mapped and 6to4 or Teredo forms included, and names that resolve there ('localhost', a DNS
name pointing at 10.0.0.1, '2130706433'). Only http and https are fetched. A name that cannot be
resolved is Unreachable, as a refused connection is: the fetcher tells one dead website from an
outage as before, and an outage costs no attempt.

Without a proxy the connection itself goes to the address that was checked (`PublicBackend`), so a
name cannot resolve to a public address for the check and a private one for the connection. Through
an HTTP proxy the destination is still checked here, by us, before the proxy is asked.

No well-kept library does this for httpx (the candidates on PyPI are recent single-author
packages), and the standard library's `ipaddress` knows every range: so it is written here.
"""

import ipaddress
import socket
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any
from urllib.parse import unquote, urlsplit

from pipeline.errors import PermanentError, Unreachable

SCHEMES = ("http", "https")
_RESOLVER = ThreadPoolExecutor(max_workers=8, thread_name_prefix="resolve")  # getaddrinfo has no timeout
_KINDS = (("is_loopback", "loopback"), ("is_link_local", "link-local"), ("is_multicast", "multicast"),
          ("is_unspecified", "unspecified"), ("is_private", "private"), ("is_reserved", "reserved"))


class NotPublic(PermanentError):
    """The URL is not on the public internet (or not http/https): never fetched."""


IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def kind_of(address: str) -> str:
    """'' for a public address; else what it is ('loopback', 'private', 'link-local', ...)."""
    ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is not None:
            return kind_of(str(inner))
    found = next((label for attr, label in _KINDS if getattr(ip, attr)), "")
    return found or ("" if ip.is_global else "non-public")


def resolve(host: str, port: int, timeout: float) -> list[str]:
    """The addresses `host` resolves to; Unreachable when it does not resolve within `timeout`."""
    future = _RESOLVER.submit(socket.getaddrinfo, host, port, 0, socket.SOCK_STREAM)
    try:
        infos = future.result(timeout)
    except FutureTimeout:
        raise Unreachable(f"cannot connect to {host}: no DNS answer within {timeout:g}s") from None
    except (OSError, UnicodeError) as exc:
        raise Unreachable(f"cannot connect to {host}: DNS: {exc}") from None
    return [str(info[4][0]) for info in infos]


def refusal(host: str, address: str, kind: str) -> NotPublic:
    shown = host if host == address else f"{host} ({address})"
    return NotPublic(f"refused to fetch {shown}: a {kind} address, not the public internet (the setting "
                     "http.allow_private_addresses is for tests)")


def check_url(url: str, timeout: float) -> None:
    """Raise NotPublic unless `url` is http(s) and every address its host resolves to is public."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise NotPublic(f"refused to fetch {url[:200]!r}: only http and https are fetched")
    try:
        host, port = parts.hostname, parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise NotPublic(f"refused to fetch {url[:200]!r}: not a valid port") from None
    if not host:
        raise NotPublic(f"refused to fetch {url[:200]!r}: no host")
    literal = _literal(host)
    if literal and kind_of(literal):
        raise refusal(host, literal, kind_of(literal))
    public_addresses(host, port, timeout)


def _literal(host: str) -> str:
    """The address a host written as an IP literal names ('[fe80::1%25eth0]' too), else ''."""
    try:
        return str(ipaddress.ip_address(unquote(host).split("%", 1)[0]))
    except ValueError:
        return ""


def public_addresses(host: str, port: int, timeout: float) -> list[str]:
    """The host's addresses, all of them public; NotPublic names the first that is not."""
    addresses = resolve(host, port, timeout)
    for address in addresses:
        kind = kind_of(address)
        if kind:
            raise refusal(host, address, kind)
    return addresses


class PublicBackend:
    """httpcore's network backend, connecting only to checked public addresses (no proxy): the
    address checked is the address connected to. Hosts in `trusted` (the configured sources' own
    base URLs) connect as usual."""

    def __init__(self, inner: Any, trusted: Iterable[tuple[str, int]], timeout: float) -> None:
        self.inner, self.trusted, self.timeout = inner, set(trusted), timeout

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Any = None) -> Any:
        if (host, port) in self.trusted:
            return self.inner.connect_tcp(host, port, timeout, local_address, socket_options)
        failure: Exception | None = None
        for address in public_addresses(host, port, timeout or self.timeout):
            try:
                return self.inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except Exception as exc:  # noqa: BLE001 - httpcore's ConnectError / ConnectTimeout: try the next
                failure = exc
        assert failure is not None
        raise failure

    def __getattr__(self, name: str) -> Any:  # sleep, connect_unix_socket
        return getattr(self.inner, name)
