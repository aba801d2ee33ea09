"""Lever postings: GET /v0/postings/{company}?mode=json, a bare JSON array of the whole board."""

from typing import Any

from pipeline.net.html import hidden_field, sanitize_html, text_of
from pipeline.records import NewJob
from pipeline.sources.base import DriftError
from pipeline.sources.boards import BoardSource
from pipeline.urls import canonical_url

NAME = "lever"


def _html(item: dict[str, Any]) -> str:
    lists = "".join(f"<h3>{x.get('text', '')}</h3><ul>{x.get('content', '')}</ul>" for x in item.get("lists") or [])
    return f"{item.get('description', '')}{lists}{item.get('additional', '')}"


def parse_board(board: str, data: Any) -> list[NewJob]:
    if not isinstance(data, list):
        raise DriftError(f"lever board {board!r}: expected a JSON array of postings")
    jobs = []
    for item in data:
        if not isinstance(item, dict) or not item.get("id") or not item.get("text") or not item.get("hostedUrl"):
            continue
        categories = item.get("categories") or {}
        html = _html(item)
        jobs.append(NewJob(
            source=NAME, source_id=f"{board}:{item['id']}", url=canonical_url(item["hostedUrl"]),
            title=item["text"].strip(), company=board, location=categories.get("location") or "",
            description=text_of(html), status="scraped",
            extra={"board": board, "description_html": sanitize_html(html), **hidden_field(html),
                   "apply_url": item.get("applyUrl", ""),
                   "commitment": categories.get("commitment", ""), "team": categories.get("team", ""),
                   "workplace": item.get("workplaceType", ""), "country": item.get("country", ""),
                   "salary_range": item.get("salaryRange"), "created_at_ms": item.get("createdAt")}))
    return jobs


class LeverSource(BoardSource):
    name = NAME
    params = {"mode": "json"}

    def board_url(self, board: str) -> str:
        return f"{self.config.base_url.rstrip('/')}/v0/postings/{board}"

    def parse(self, board: str, data: Any) -> list[NewJob]:
        return parse_board(board, data)
