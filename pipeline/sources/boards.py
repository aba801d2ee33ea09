"""What the three ATS board sources share: fetch one JSON board per configured company,
validate it by parsing (a 200 with an HTML error page is still an error), filter on our side."""

import dataclasses
import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from typing import Any

from pipeline.config.loading import SearchConfig, SourceConfig
from pipeline.errors import NetworkDown, PermanentError, RetryableError, Stopped
from pipeline.net.http import Fetcher, check_status
from pipeline.records import Job, NewJob
from pipeline.sources.base import DriftError, Known, NoDetail, SearchReport, matches, partial_drift

Parse = Callable[[str, Any], list[NewJob]]


class BoardSource(NoDetail, ABC):
    """A source that reads whole company boards; its report's `listed` holds the full listing of each
    board fetched in this run (the scrape stage expires jobs missing from it). A board source names its
    board URL, its query and its parser."""

    name: str
    params: dict[str, Any] | None = None

    def __init__(self, config: SourceConfig) -> None:
        self.config = config
        self.report = SearchReport()

    @abstractmethod
    def board_url(self, board: str) -> str:
        """Where one board's whole listing is served."""

    @abstractmethod
    def parse(self, board: str, data: Any) -> list[NewJob]:
        """One board's answer -> its postings."""

    def search(self, search: SearchConfig, fetcher: Fetcher, known: Known) -> Iterator[NewJob]:
        return search_boards(self.config, self.board_url, self.params, self.parse, search, fetcher, self.report)

    def check_open(self, job: Job, fetcher: Fetcher) -> bool | None:
        """Still on its board? One request for the board's listing; None when it cannot be read."""
        board = job.source_id.split(":", 1)[0]
        try:
            jobs = self.parse(board, fetch_json(fetcher, self.board_url(board), self.params))
        except (RetryableError, PermanentError):
            return None
        return job.source_id in {j.source_id for j in jobs}


def fetch_json(fetcher: Fetcher, url: str, params: dict[str, Any] | None = None) -> Any:
    response = fetcher.get(url, params)
    check_status(response)
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise DriftError(f"{url} did not answer with JSON (got {response.headers.get('content-type', '?')})") \
            from None


def search_boards(config: SourceConfig, url_for: Callable[[str], str], params: dict[str, Any] | None, parse: Parse,
                  search: SearchConfig, fetcher: Fetcher, report: SearchReport) -> Iterator[NewJob]:
    """Every configured board, each in one call, filtered by the search's keywords and location.
    `listed` receives each board's full listing (every source id) once it was fetched and parsed:
    a job absent from it is closed or removed; a failed fetch lists nothing and so proves nothing.
    A board that cannot be read (gone: 404; an HTML page; down) goes into `failed`, and the other
    boards are still read."""
    for board in config.boards:
        website, name = config.websites.get(board, ""), config.names.get(board, "")
        try:
            jobs = parse(board, fetch_json(fetcher, url_for(board), params))
        except (Stopped, NetworkDown):
            raise
        except (RetryableError, PermanentError) as exc:
            report.failed[board] = f"{type(exc).__name__}: {exc}"
            continue
        report.listed[board] = {job.source_id for job in jobs}
        jobs, missing = partial_drift(jobs, ("title", "location"))
        if missing:
            report.drift.append(f"board {board!r}: {', '.join(missing)} empty on most postings (the API changed?)")
        for job in jobs:
            if matches(search, job.title, job.description, job.location):
                yield dataclasses.replace(job, company=name or job.company.strip(),
                                          company_url=job.company_url or website)
