"""The same posting seen on two sources: normalised company, fuzzy title, compatible location,
and which of two copies was posted first. pipeline.duplicates links them in the store."""

import re
from datetime import UTC, datetime
from typing import Any

from rapidfuzz import fuzz

from pipeline.companies.identity import company_key, fold
from pipeline.records import Job, NewJob

_TITLE_WORDS = {"sr": "senior", "jr": "junior", "eng": "engineer", "dev": "developer", "mgr": "manager",
                "swe": "software engineer"}
_GENDER_TAGS = re.compile(r"\((?:m|f|w|d|x|all genders?)(?:\s*/\s*(?:m|f|w|d|x))*\)", re.I)
TITLE_THRESHOLD = 90
LOCATION_THRESHOLD = 60


def title_key(title: str) -> str:
    words = fold(_GENDER_TAGS.sub(" ", title or "")).split()
    return " ".join(_TITLE_WORDS.get(w, w) for w in words)


def _locations_agree(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
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
