"""What every source gives the scrape stage, and the helpers they share.

A source knows its site and nothing of stages: `search` yields NewJobs for one configured
search, and `fetch_detail` (only for sources whose search results lack the full posting)
returns the fields of one job's detail page.
"""

import dataclasses
import html as html_lib
import re
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from bs4 import BeautifulSoup, Comment

from pipeline.config import SearchConfig
from pipeline.errors import HaltRun, PermanentError, RetryableError
from pipeline.http import Fetcher
from pipeline.records import Job, NewJob, Output

Known = Callable[[str], bool]  # source_id -> already in the store?

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "u", "h1", "h2", "h3", "h4", "a",
                "blockquote", "code", "pre"}


class BlockedError(HaltRun):
    """The site answered with a login wall or a captcha instead of the page."""


class DriftError(RetryableError):
    """The page carries job markers but nothing we can parse: the markup changed."""


def partial_drift(cards: list[NewJob], fields: tuple[str, ...]) -> tuple[list[NewJob], list[str]]:
    """Fields the parser normally fills that are empty on most cards of a page: the markup changed
    in part. The cards are kept, each flagged with `extra.drift`; the field names are returned."""
    def empty(card: NewJob, name: str) -> bool:
        return not (getattr(card, name) if hasattr(card, name) else card.extra.get(name))
    if len(cards) < 3:
        return cards, []
    missing = [name for name in fields if 2 * sum(empty(card, name) for card in cards) > len(cards)]
    if not missing:
        return cards, []
    return [dataclasses.replace(card, extra={**card.extra, "drift": missing}) for card in cards], missing


class Source(Protocol):
    name: str

    def search(self, search: SearchConfig, fetcher: Fetcher, known: Known) -> Iterator[NewJob]: ...

    def fetch_detail(self, job: Job, fetcher: Fetcher) -> Output: ...

    def check_open(self, job: Job, fetcher: Fetcher) -> bool | None: ...


class NoDetail:
    """Mixin for sources whose search results already carry the whole posting."""

    name: str

    def fetch_detail(self, job: Job, fetcher: Fetcher) -> Output:
        raise PermanentError(f"{self.name} jobs carry their description; there is no detail page to fetch")

    def check_open(self, job: Job, fetcher: Fetcher) -> bool | None:
        """Whether the posting is still open; None: this source cannot tell (a feed's page is partial)."""
        return None


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d])|"
                           r"opacity\s*:\s*0(?![.\d])", re.I)


def strip_hidden(soup: Any) -> Any:
    """Remove what a reader never sees, before anything is kept: display:none, visibility:hidden,
    aria-hidden, the hidden attribute, <template>, comments. Hidden text is where injected
    instructions hide."""
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(["template", "script", "style", "noscript"]):
        if tag.name != "script" or tag.get("type") != "application/ld+json":  # structured data is read apart
            tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        if tag.has_attr("hidden") or str(tag.get("aria-hidden", "")).lower() == "true" or \
                _HIDDEN_STYLE.search(str(tag.get("style", ""))):
            tag.decompose()
    return soup


def text_of(html: str) -> str:
    """Readable text of an HTML fragment: block elements become line breaks, hidden parts dropped."""
    soup = strip_hidden(BeautifulSoup(html or "", "html.parser"))
    for br in soup.find_all("br"):
        br.replace_with("\n")
    text = soup.get_text("\n")
    lines = (re.sub(r"[ \t\xa0]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def sanitize_html(html: str) -> str:
    """Only harmless formatting tags, no attributes but a link's http(s) href; hidden parts dropped."""
    soup = strip_hidden(BeautifulSoup(html or "", "html.parser"))
    for tag in soup.find_all(["script", "style", "iframe", "object", "embed", "form", "button", "svg"]):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.name not in ALLOWED_TAGS:
            tag.unwrap()
            continue
        href = attr(tag, "href") if tag.name == "a" else ""
        tag.attrs = {"href": href} if href.startswith(("http://", "https://")) else {}
    return str(soup).strip()


def unescape_html(escaped: str) -> str:
    """Greenhouse's content is entity-escaped HTML: unescape once before parsing."""
    return html_lib.unescape(escaped or "")


def _alternatives(keywords: str) -> list[list[str]]:
    parts = re.split(r",|\bOR\b", keywords)
    return [words for part in parts if (words := re.findall(r"[\w+#.]+", part.lower()))]


def matches(search: SearchConfig, title: str, text: str, location: str) -> bool:
    """Our side of filtering for whole boards and feeds: every word of one keyword alternative
    ("python developer, data engineer") in the title or text, and the search location (if any)
    in the job's location, or the job is remote."""
    haystack = f"{title}\n{text}".lower()
    alternatives = _alternatives(search.keywords)
    if alternatives and not any(all(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", haystack) for w in words)
                                for words in alternatives):
        return False
    wanted = search.location.lower().strip()
    where = (location or "").lower()
    return not wanted or wanted in where or "remote" in where or "anywhere" in where


def attr(tag: Any, name: str) -> str:
    """An attribute's text ('' when absent; a multi-valued one joined by spaces)."""
    value = tag.get(name) if tag is not None else None
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value or "")


def first_text(node: Any, selector: str) -> str:
    """Whitespace-folded text of the first match, or ''."""
    found = node.select_one(selector)
    return re.sub(r"\s+", " ", found.get_text(" ", strip=True)).strip() if found else ""
