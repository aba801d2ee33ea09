"""Text from the web, decoded once and in one place: HTML entities unescaped, mojibake repaired
(ftfy: 'SÃ£o Paulo' -> 'São Paulo'), Unicode normalised to NFC, zero-width and control characters
removed, white space trimmed. One-line fields also fold inner white space; descriptions keep their
paragraph breaks. Every NewJob passes through here (records.NewJob.__post_init__)."""

import html
import re
import unicodedata

# Invisible format characters (Unicode category Cf: zero-width, bidi overrides and isolates, tag
# characters, the soft hyphen, ...) and every C0/C1 control but newline and tab.
_INVISIBLE = re.compile("[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f"
                        "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
                        "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
                        "\U000e0020-\U000e007f]")  # Unicode 14's category Cf, written out: no table to build at start
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SEPARATORS = re.compile("[\u2028\u2029\x85]")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]+);", re.I)


def clean(text: str | None, multiline: bool = False) -> str:
    """One field's text, decoded; `multiline` keeps line breaks (descriptions)."""
    if not text:
        return ""
    if _ENTITY.search(text):
        text = html.unescape(text)
    if not text.isascii():
        import ftfy  # loaded only when a text has non-ASCII characters to check

        text = ftfy.fix_text(text, unescape_html=False, uncurl_quotes=False, fix_character_width=False,
                             fix_latin_ligatures=False, normalization="NFC")
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text)).replace("\r\n", "\n").replace("\r", "\n")
    if not multiline:
        return re.sub(r"\s+", " ", _CONTROL.sub(" ", text)).strip()
    text = _CONTROL.sub("", text.replace("\t", " "))
    lines = [re.sub(r"[ \xa0]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def visible(text: str) -> str:
    """Text with nothing invisible or controlling left: no C0/C1 control but newline and tab, no
    bidi override or isolate, no tag or other invisible format character; Unicode line and
    paragraph separators become newlines. The one sanitiser for text from the web, a mailbox or a
    model, on the way in and again on every way out (terminal, files, pages, mail)."""
    if not text:
        return ""
    text = _SEPARATORS.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _INVISIBLE.sub("", _CONTROL.sub("", text))


def hidden_characters(text: str) -> list[str]:
    """The characters visible() would remove, each once, as a code point (U+202E): what a draft must not hold."""
    found = dict.fromkeys(m.group() for pattern in (_CONTROL, _INVISIBLE) for m in pattern.finditer(text or ""))
    return [f"U+{ord(ch):04X}" for ch in found]


def fenced(text: str) -> str:
    """Web text inside a prompt fence (<job>...</job>): angle brackets escaped, so it cannot close
    its fence or open another."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
