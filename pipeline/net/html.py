"""Reading fetched HTML: what a reader never sees is dropped before anything is kept (hidden text
is where injected instructions hide), descriptions keep only harmless formatting, and small
helpers read attributes and text. Job sources and company pages both parse through here.
"""

import html as html_lib
import re
from typing import Any

from bs4 import BeautifulSoup, Comment

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "u", "h1", "h2", "h3", "h4", "a",
                "blockquote", "code", "pre"}


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


def hidden_text(html: str) -> str:
    """The words of an HTML fragment that a reader never sees (what strip_hidden drops, comments
    and scripts aside): a posting that hides text is flagged, not trusted."""
    soup = BeautifulSoup(html or "", "html.parser")
    hidden = [tag for tag in soup.find_all(True) if tag.name == "template" or tag.has_attr("hidden") or
              str(tag.get("aria-hidden", "")).lower() == "true" or _HIDDEN_STYLE.search(str(tag.get("style", "")))]
    words = " ".join(tag.get_text(" ", strip=True) for tag in hidden if not any(p in hidden for p in tag.parents))
    return re.sub(r"\s+", " ", words).strip()[:500]


def hidden_field(html: str) -> dict[str, str]:
    """{"hidden_text": ...} for a posting's `extra` when it hides text, else nothing."""
    found = hidden_text(html)
    return {"hidden_text": found} if found else {}


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
