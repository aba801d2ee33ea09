"""Text from the web, decoded once and in one place: HTML entities unescaped, mojibake repaired
(ftfy: 'SÃ£o Paulo' -> 'São Paulo'), Unicode normalised to NFC, zero-width and control characters
removed, white space trimmed. One-line fields also fold inner white space; descriptions keep their
paragraph breaks. Every NewJob passes through here (records.NewJob.__post_init__)."""

import html
import re
import unicodedata

_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]+);", re.I)


def clean(text: str | None, multiline: bool = False) -> str:
    """One field's text, decoded; `multiline` keeps line breaks (descriptions)."""
    if not text:
        return ""
    if _ENTITY.search(text):
        text = html.unescape(text)
    if any(ord(ch) > 127 for ch in text):
        import ftfy  # loaded only when a text has non-ASCII characters to check

        text = ftfy.fix_text(text, unescape_html=False, uncurl_quotes=False, fix_character_width=False,
                             fix_latin_ligatures=False, normalization="NFC")
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text)).replace("\r\n", "\n").replace("\r", "\n")
    if not multiline:
        return re.sub(r"\s+", " ", _CONTROL.sub(" ", text)).strip()
    text = _CONTROL.sub("", text.replace("\t", " "))
    lines = [re.sub(r"[ \xa0]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def fenced(text: str) -> str:
    """Web text inside a prompt fence (<job>...</job>): angle brackets escaped, so it cannot close
    its fence or open another."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
