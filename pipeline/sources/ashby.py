"""Ashby job boards: GET /posting-api/job-board/{org}?includeCompensation=true. Unlisted jobs
(isListed false) are skipped."""

from typing import Any

from pipeline.net.html import hidden_field, sanitize_html, text_of
from pipeline.records import NewJob
from pipeline.sources.base import DriftError
from pipeline.sources.boards import BoardSource
from pipeline.urls import canonical_url

NAME = "ashby"


def parse_board(board: str, data: Any) -> list[NewJob]:
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
        raise DriftError(f"ashby board {board!r}: expected an object with a 'jobs' list")
    jobs = []
    for item in data["jobs"]:
        if item.get("isListed") is False or not item.get("id") or not item.get("title") or not item.get("jobUrl"):
            continue
        html = item.get("descriptionHtml") or ""
        compensation = item.get("compensation") or {}
        jobs.append(NewJob(
            source=NAME, source_id=f"{board}:{item['id']}", url=canonical_url(item["jobUrl"]),
            title=item["title"].strip(), company=board, location=item.get("location") or "",
            description=item.get("descriptionPlain") or text_of(html), status="scraped",
            extra={"board": board, "description_html": sanitize_html(html), **hidden_field(html),
                   "apply_url": item.get("applyUrl", ""),
                   "employment_type": item.get("employmentType", ""), "workplace": item.get("workplaceType", ""),
                   "remote": item.get("isRemote"), "published_at": item.get("publishedAt"),
                   "salary": compensation.get("compensationTierSummary") or ""}))
    return jobs


class AshbySource(BoardSource):
    name = NAME
    params = {"includeCompensation": "true"}

    def board_url(self, board: str) -> str:
        return f"{self.config.base_url.rstrip('/')}/posting-api/job-board/{board}"

    def parse(self, board: str, data: Any) -> list[NewJob]:
        return parse_board(board, data)
