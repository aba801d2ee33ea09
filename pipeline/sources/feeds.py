"""Remote-job feeds: Himalayas, Remotive and Remote OK, each one JSON call, filtered on our side.
Their terms ask for attribution and a link back (see the README); we keep each job's source URL."""

from collections.abc import Iterator
from typing import Any

from pipeline.config.loading import SearchConfig, SourceConfig
from pipeline.net.html import hidden_field, sanitize_html, text_of
from pipeline.net.http import Fetcher
from pipeline.records import NewJob
from pipeline.sources.base import DriftError, Known, NoDetail, SearchReport, matches
from pipeline.sources.boards import fetch_json
from pipeline.urls import canonical_url


def _job(source: str, source_id: Any, url: str, title: str, company: str, location: str, html: str,
         **extra: Any) -> NewJob | None:
    if not source_id or not url or not title:
        return None
    return NewJob(source=source, source_id=str(source_id), url=canonical_url(url), title=title.strip(),
                  company=(company or "").strip(), location=(location or "").strip().rstrip(", "),
                  description=text_of(html), status="scraped",
                  extra={"description_html": sanitize_html(html), **hidden_field(html), "attribution": source, **extra})


def parse_himalayas(data: Any) -> list[NewJob]:
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
        raise DriftError("himalayas: expected an object with a 'jobs' list")
    return [j for i in data["jobs"] if (j := _job(
        "himalayas", i.get("guid"), i.get("applicationLink") or i.get("guid", ""), i.get("title", ""),
        i.get("companyName", ""), ", ".join(i.get("locationRestrictions") or []) or "Remote",
        i.get("description", ""), pub_date=i.get("pubDate"), seniority=i.get("seniority"),
        min_salary=i.get("minSalary"), max_salary=i.get("maxSalary"), currency=i.get("currency")))]


def parse_remotive(data: Any) -> list[NewJob]:
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
        raise DriftError("remotive: expected an object with a 'jobs' list")
    return [j for i in data["jobs"] if (j := _job(
        "remotive", i.get("id"), i.get("url", ""), i.get("title", ""), i.get("company_name", ""),
        i.get("candidate_required_location") or "Remote", i.get("description", ""),
        published=i.get("publication_date"), salary=i.get("salary", ""), job_type=i.get("job_type", "")))]


def parse_remoteok(data: Any) -> list[NewJob]:
    if not isinstance(data, list):
        raise DriftError("remoteok: expected a JSON array")
    return [j for i in data if isinstance(i, dict) and "id" in i and (j := _job(
        "remoteok", i.get("id"), i.get("url", ""), i.get("position", ""), i.get("company", ""),
        i.get("location") or "Remote", i.get("description", ""), epoch=i.get("epoch"),
        salary_min=i.get("salary_min") or None, salary_max=i.get("salary_max") or None,
        apply_url=i.get("apply_url", ""), tags=i.get("tags", [])))]


class FeedSource(NoDetail):
    """One feed: a path, its parser, and the query it takes."""

    PATHS = {"himalayas": ("/jobs/api", parse_himalayas), "remotive": ("/api/remote-jobs", parse_remotive),
             "remoteok": ("/api", parse_remoteok)}

    def __init__(self, config: SourceConfig) -> None:
        self.config, self.name = config, config.name
        self.report = SearchReport()

    def search(self, search: SearchConfig, fetcher: Fetcher, known: Known) -> Iterator[NewJob]:
        path, parse = self.PATHS[self.name]
        params = {"search": search.keywords} if self.name == "remotive" else None
        for job in parse(fetch_json(fetcher, self.config.base_url.rstrip("/") + path, params)):
            if matches(search, job.title, job.description, job.location):
                yield job
