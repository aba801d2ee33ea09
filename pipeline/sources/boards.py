"""What the three ATS board sources share: fetch one JSON board per configured company,
validate it by parsing (a 200 with an HTML error page is still an error), filter on our side."""

import dataclasses
import json
from collections.abc import Callable, Iterator
from typing import Any

from pipeline.config import SearchConfig, SourceConfig
from pipeline.http import Fetcher, check_status
from pipeline.records import NewJob
from pipeline.sources.base import DriftError, matches

Parse = Callable[[str, Any], list[NewJob]]


def fetch_json(fetcher: Fetcher, url: str, params: dict[str, Any] | None = None) -> Any:
    response = fetcher.get(url, params)
    check_status(response)
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise DriftError(f"{url} did not answer with JSON (got {response.headers.get('content-type', '?')})") \
            from None


def search_boards(config: SourceConfig, url_for: Callable[[str], str], params: dict[str, Any] | None, parse: Parse,
                  search: SearchConfig, fetcher: Fetcher) -> Iterator[NewJob]:
    """Every configured board, each in one call, filtered by the search's keywords and location."""
    for board in config.boards:
        website = config.websites.get(board, "")
        for job in parse(board, fetch_json(fetcher, url_for(board), params)):
            if matches(search, job.title, job.description, job.location):
                yield dataclasses.replace(job, company_url=website) if website and not job.company_url else job
