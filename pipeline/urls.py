"""Canonical job URLs, so the same posting reached through two links is stored once."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = frozenset({
    "trk", "trkinfo", "trackingid", "refid", "ref", "src", "source", "position", "pagenum",
    "originalsubdomain", "lipi", "eboid", "gclid", "fbclid", "mc_cid", "mc_eid", "gh_src", "lever-source",
})


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an http(s) URL: {url!r}")
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith("utm_") and k.lower() not in TRACKING_PARAMS]
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https" if parts.scheme == "https" else "http", parts.netloc.lower(),
                       path, urlencode(sorted(query)), ""))
