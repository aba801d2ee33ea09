"""What every source gives the scrape stage, and the helpers they share.

A source knows its site and nothing of stages: `search` yields NewJobs for one configured
search, and `fetch_detail` (only for sources whose search results lack the full posting)
returns the fields of one job's detail page.
"""

import dataclasses
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from pipeline.config.loading import SearchConfig
from pipeline.errors import HaltRun, PermanentError, RetryableError
from pipeline.net.http import Fetcher
from pipeline.records import Job, NewJob, Output

Known = Callable[[str], bool]  # source_id -> already in the store?

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


@dataclass
class SearchReport:
    """What one run's searches of a source saw besides the postings they yielded. The scrape stage
    gives each source a fresh one per run and reads it after searching."""

    listed: dict[str, set[str]] = field(default_factory=dict)  # board -> every id of its full listing
    failed: dict[str, str] = field(default_factory=dict)  # board -> why it could not be read
    drift: list[str] = field(default_factory=list)  # pages whose markup changed in part (cards kept, flagged)
    page: list[NewJob] = field(default_factory=list)  # the page being yielded now (a capped search's rest)
    position: int = 0  # that page's start: where a search the daily cap stopped resumes


class Source(Protocol):
    """What the scrape and draft stages use of a job source."""

    name: str
    report: SearchReport

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
