"""Greenhouse job boards: GET /v1/boards/{board}/jobs?content=true, the whole board in one call.
`content` is entity-escaped HTML, unescaped once before it is parsed."""

from typing import Any

from pipeline.net.html import hidden_field, sanitize_html, text_of, unescape_html
from pipeline.records import NewJob
from pipeline.sources.base import DriftError
from pipeline.sources.boards import BoardSource
from pipeline.urls import canonical_url

NAME = "greenhouse"


def parse_board(board: str, data: Any) -> list[NewJob]:
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
        raise DriftError(f"greenhouse board {board!r}: expected an object with a 'jobs' list")
    jobs = []
    for item in data["jobs"]:
        if not item.get("id") or not item.get("title") or not item.get("absolute_url"):
            continue
        html = unescape_html(item.get("content", ""))
        jobs.append(NewJob(
            source=NAME, source_id=f"{board}:{item['id']}", url=canonical_url(item["absolute_url"]),
            title=item["title"].strip(), company=item.get("company_name") or board,
            location=(item.get("location") or {}).get("name") or "", description=text_of(html), status="scraped",
            extra={"board": board, "description_html": sanitize_html(html), **hidden_field(html),
                   "departments": [d.get("name") for d in item.get("departments") or []],
                   "offices": [o.get("name") for o in item.get("offices") or []],
                   "updated_at": item.get("updated_at"), "first_published": item.get("first_published")}))
    return jobs


class GreenhouseSource(BoardSource):
    name = NAME
    params = {"content": "true"}

    def board_url(self, board: str) -> str:
        return f"{self.config.base_url.rstrip('/')}/v1/boards/{board}/jobs"

    def parse(self, board: str, data: Any) -> list[NewJob]:
        return parse_board(board, data)
