"""Turning the views' plain data into HTML that no text from the web can steer.

Every value a template prints passes `visible` (no control, bidi or invisible character) and is
then escaped by Jinja's autoescape; the one exception, a description's own HTML, is first cut
down by nh3 (Ammonia) to an allow-list of tags whose only attribute is an absolute http(s) link,
opened with rel="noopener noreferrer". A URL becomes a link only when it is http(s).
"""

import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import jinja2
import nh3
from markupsafe import Markup

from pipeline.net.html import ALLOWED_TAGS
from pipeline.text import visible

TEMPLATES = Path(__file__).parent / "templates"


def _absolute_links_only(tag: str, attribute: str, value: str) -> str | None:
    """Ammonia keeps relative links; a link in a posting may only leave for an http(s) site."""
    if attribute == "href":
        return value if web_link(value) else None
    return value


_CLEANER = nh3.Cleaner(tags=set(ALLOWED_TAGS), clean_content_tags={"script", "style"}, attributes={"a": {"href"}},
                       url_schemes={"http", "https"}, link_rel="noopener noreferrer",
                       attribute_filter=_absolute_links_only, set_tag_attribute_values={"a": {"target": "_blank"}},
                       strip_comments=True)


def safe_html(html: str) -> Markup:
    """A description's HTML through the allow-list (after `visible`): formatting and http(s) links only."""
    return Markup(_CLEANER.clean(visible(html)))


def web_link(url: Any) -> str | None:
    """The URL when it is an absolute http(s) one (a link may point there), else None (shown as text)."""
    text = visible(str(url or "")).strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    return text if parts.scheme.lower() in ("http", "https") and parts.hostname else None


def _shown(value: Any) -> Any:
    """Jinja's finalize: every printed value loses what a reader could not see; None prints nothing."""
    if value is None:
        return ""
    if isinstance(value, str) and not isinstance(value, Markup):
        return visible(value)
    return value


def _epoch(value: Any) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value) or None
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
        except ValueError:
            return None
    return None


def ago(value: Any, now: float | None = None) -> str:
    """'3d', '5h', '12m', 'now' since an epoch time or an ISO string ('' when there is none)."""
    ts = _epoch(value)
    if ts is None:
        return ""
    seconds = max(0.0, (time.time() if now is None else now) - ts)
    for size, unit in ((86400, "d"), (3600, "h"), (60, "m")):
        if seconds >= size:
            return f"{int(seconds // size)}{unit}"
    return "now"


def when(value: Any) -> str:
    """An epoch time or ISO string as '2026-11-23 09:00 UTC'."""
    ts = _epoch(value)
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M UTC") if ts is not None else ""


def points(value: Any) -> str:
    return f"{value:+.1f}" if isinstance(value, (int, float)) else str(value)


def query(base: dict[str, Any], **changes: Any) -> str:
    """A query string: the page's current parameters with some changed (None or '' drops one)."""
    merged = {**base, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, finalize=_shown,
                             undefined=jinja2.ChainableUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(link=web_link, ago=ago, when=when, points=points, html=safe_html)
    env.globals.update(query=query)
    return env
