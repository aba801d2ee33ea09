"""The same posting seen on two sources: normalised company, fuzzy title, compatible location,
and which of two copies was posted first. pipeline.duplicates links them in the store."""

import re
import unicodedata
from datetime import UTC, datetime
from typing import Any

from rapidfuzz import fuzz

from pipeline.records import Job, NewJob

_LEGAL = {"inc", "incorporated", "llc", "ltd", "limited", "gmbh", "corp", "corporation", "co", "company", "plc",
          "ag", "sa", "bv", "srl", "sas", "oy", "ab", "as", "pty", "the", "se", "kg"}
_TITLE_WORDS = {"sr": "senior", "jr": "junior", "eng": "engineer", "dev": "developer", "mgr": "manager",
                "swe": "software engineer"}
_GENDER_TAGS = re.compile(r"\((?:m|f|w|d|x|all genders?)(?:\s*/\s*(?:m|f|w|d|x))*\)", re.I)
TITLE_THRESHOLD = 90
LOCATION_THRESHOLD = 60


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


_DOMAIN = re.compile(r"\.(io|com|ai|co|app|dev|net|org|tech)$", re.I)


def company_key(name: str) -> str:
    """'Acme, Inc.', 'ACME' and 'acme.io' -> 'acme'."""
    words = [w for w in _fold(_DOMAIN.sub("", (name or "").strip())).split() if w not in _LEGAL]
    return " ".join(words) or _fold(name)


def title_key(title: str) -> str:
    words = _fold(_GENDER_TAGS.sub(" ", title or "")).split()
    return " ".join(_TITLE_WORDS.get(w, w) for w in words)


def _locations_agree(a: str, b: str) -> bool:
    a, b = _fold(a), _fold(b)
    if not a or not b or "remote" in a or "remote" in b:
        return True
    return fuzz.token_set_ratio(a, b) >= LOCATION_THRESHOLD


def posted_on(extra: dict[str, Any]) -> str:
    """The posting's own date (YYYY-MM-DD) from whichever field its source gives, else ''."""
    for key in ("posted_date", "first_published", "published_at"):
        value = extra.get(key)
        if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value):
            return value[:10]
    millis = extra.get("created_at_ms")
    if isinstance(millis, (int, float)) and not isinstance(millis, bool):
        return datetime.fromtimestamp(millis / 1000, UTC).date().isoformat()
    return ""


def same_posting(new: NewJob, old: Job) -> bool:
    """True when two records from different sources describe one job."""
    return (new.source != old.source and company_key(new.company) == old.company_key
            and fuzz.token_set_ratio(title_key(new.title), title_key(old.title)) >= TITLE_THRESHOLD
            and _locations_agree(new.location, old.location))
