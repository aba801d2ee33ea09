"""What keeps other sites and other machines away from the review page, checked on every request
before any route runs (an ASGI middleware: a refused request never reaches the store).

- Host: only loopback names, the address the page is bound to, and web.allowed_hosts. A DNS
  rebinding page (evil.example resolving to 127.0.0.1) still sends its own name, and gets 400.
- WEB_TOKEN: when set (it must be for any host but loopback), every request carries it, as the
  password of HTTP Basic auth (the browser asks once) or as a Bearer token; compared in constant
  time.
- Writes: a POST is taken only when the browser says it comes from this page (Sec-Fetch-Site:
  same-origin) or, from a browser that sends no Sec-Fetch-Site, when its Origin is this host.
  Anything else is 403 before a route runs. No GET route writes; a GET another site makes
  without navigating (an <img>, a fetch) is refused too (Fetch Metadata resource isolation).
- Every answer, refusals included: a CSP without inline script or framing, nosniff, no
  referrer, and no caching of pages that hold the person's drafts.
"""

import base64
import binascii
import hmac
import ipaddress
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
WILDCARDS = ("0.0.0.0", "::", "[::]")
HEADERS = {
    "content-security-policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "cache-control": "no-store",
}
SAFE_METHODS = ("GET", "HEAD")
MAX_FORM = 200_000  # bytes: the largest form (an edited draft) is a few KB; a POST must say its length


def is_loopback(host: str) -> bool:
    """localhost, 127.0.0.0/8 or ::1 (with or without brackets)."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def url_host(host: str) -> str:
    """The host as a URL and a Host header write it: an IPv6 address in brackets."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def host_name(header: str) -> str:
    """The name in a Host header without its port: '[::1]:8765' -> '[::1]', 'a.example:80' -> 'a.example'."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[: header.index("]") + 1] if "]" in header else header
    return header.rsplit(":", 1)[0]


def allowed_names(bound: str, extra: Iterable[str]) -> frozenset[str]:
    """Host names the page answers to: loopback ones, the bound address (unless a wildcard), the configured ones."""
    names = set(LOOPBACK_NAMES) | {n.lower() for n in extra}
    if bound not in WILDCARDS:
        names.add(url_host(bound).lower())
    return frozenset(names)


def token_given(authorization: str | None) -> str:
    """The token in an Authorization header: Basic auth's password (any user name), or a Bearer token."""
    scheme, _, value = (authorization or "").strip().partition(" ")
    if scheme.lower() == "bearer":
        return value.strip()
    if scheme.lower() == "basic":
        try:
            return base64.b64decode(value.strip(), validate=True).decode("utf-8").partition(":")[2]
        except (binascii.Error, ValueError):
            return ""
    return ""


def token_ok(authorization: str | None, token: str) -> bool:
    return hmac.compare_digest(token_given(authorization).encode(), token.encode())


def write_allowed(headers: Headers) -> bool:
    """A POST from this page itself: Sec-Fetch-Site same-origin, or (no Sec-Fetch-Site) Origin = this host."""
    site = headers.get("sec-fetch-site")
    if site is not None:
        return site == "same-origin"
    origin = urlsplit(headers.get("origin") or "")
    return origin.scheme in ("http", "https") and origin.netloc.lower() == headers.get("host", "").strip().lower()


def read_allowed(headers: Headers) -> bool:
    """A GET this page or the person makes (typed, bookmarked, a link followed); not one another site
    makes from inside its own page."""
    site = headers.get("sec-fetch-site")
    if site in (None, "same-origin", "none"):
        return True
    return headers.get("sec-fetch-mode") == "navigate" and headers.get("sec-fetch-dest") in ("document", None)


class Guard:
    """The checks above, in that order: Host (400), token (401), method and origin (403)."""

    def __init__(self, app: ASGIApp, *, bound: str, allowed_hosts: Iterable[str] = (),
                 token: str | None = None) -> None:
        self.app, self.token = app, token
        self.names = allowed_names(bound, allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = self.refusal(scope["method"], headers)
        if refusal:
            await _refuse(send, *refusal)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [
                    (k.encode(), v.encode()) for k, v in HEADERS.items() if k.encode() not in present]
            await send(message)
        await self.app(scope, receive, with_headers)

    def refusal(self, method: str, headers: Headers) -> tuple[int, str, dict[str, str]] | None:
        """(status, why, extra headers) for a request to refuse, None for one to serve."""
        if host_name(headers.get("host", "")) not in self.names:
            return 400, ("This page answers only to the names it was started with (127.0.0.1, localhost, [::1] "
                         "and web.allowed_hosts in pipeline_config.yaml)."), {}
        if self.token is not None and not token_ok(headers.get("authorization"), self.token):
            return 401, "This page needs the WEB_TOKEN from .env (as the password; any user name).", \
                {"www-authenticate": 'Basic realm="job pipeline", charset="UTF-8"'}
        if method in SAFE_METHODS:
            return None if read_allowed(headers) else (403, "Another site may not load this page.", {})
        if method != "POST":
            return 405, "Only GET and POST are answered here.", {"allow": "GET, HEAD, POST"}
        if not write_allowed(headers):
            return 403, "Refused: this change did not come from the review page itself. Nothing was changed.", {}
        length = headers.get("content-length") or ""
        if not length.isdigit() or int(length) > MAX_FORM:
            return 413, f"A form of the review page is under {MAX_FORM // 1000} KB; this one was not read.", {}
        return None


async def _refuse(send: Send, status: int, why: str, extra: dict[str, str]) -> None:
    body = (why + "\n").encode()
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
               *((k.encode(), v.encode()) for k, v in {**HEADERS, **extra}.items())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
