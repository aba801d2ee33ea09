"""Jobs from a JSON array, JSON Lines or CSV file.

A file that cannot be read as a whole (bad syntax, a row that is not an object, a CSV without
the required columns) is refused before anything is written. Rows with bad values are rejected
one by one, each with its reason, and the good rows are imported.
"""

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import constants as c
from pipeline.records import NewJob
from pipeline.urls import canonical_url

REQUIRED = ("url", "title", "company")
OPTIONAL = ("location", "description", "company_url", "source", "source_id")


class ImportFileError(Exception):
    """The file as a whole cannot be imported; names the file and line."""


@dataclass
class ImportReport:
    inserted: int = 0
    updated: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)


def _format(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".json", ".jsonl", ".ndjson", ".csv"):
        return {".ndjson": ".jsonl"}.get(suffix, suffix)
    head = text.lstrip()[:1]
    return ".json" if head == "[" else ".jsonl" if head == "{" else ".csv"


def read_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(line number, row) pairs; raise ImportFileError when the file itself is malformed."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFileError(f"{path}: cannot read: {exc}") from None
    kind = _format(path, text)
    if kind == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ImportFileError(f"{path}:{exc.lineno}: invalid JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(data, list):
            raise ImportFileError(f"{path}:1: expected a JSON array of jobs, got {type(data).__name__}")
        rows = [(i + 1, row) for i, row in enumerate(data)]
        label = "item"
    elif kind == ".jsonl":
        rows, label = [], "line"
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    rows.append((number, json.loads(line)))
                except json.JSONDecodeError as exc:
                    raise ImportFileError(f"{path}:{number}: invalid JSON: {exc.msg} (column {exc.colno})") from None
    else:
        reader = csv.DictReader(text.splitlines())
        missing = [col for col in REQUIRED if col not in (reader.fieldnames or [])]
        if missing:
            raise ImportFileError(f"{path}:1: CSV header lacks required column(s): {', '.join(missing)}")
        rows, label = [(reader.line_num, row) for row in reader], "line"
    for number, row in rows:
        if not isinstance(row, dict):
            raise ImportFileError(f"{path}: {label} {number}: expected an object with url, title, company")
    return rows


def to_new_job(row: dict[str, Any]) -> NewJob:
    """A validated NewJob; ValueError names the field and value that are wrong."""
    values = {k: ("" if v is None else v) for k, v in row.items() if k is not None}
    for key in REQUIRED:
        if not isinstance(values.get(key), str) or not values[key].strip():
            raise ValueError(f"{key}: required, got {values.get(key)!r}")
    for key in OPTIONAL:
        if not isinstance(values.get(key, ""), str):
            raise ValueError(f"{key}: expected text, got {values[key]!r}")
    try:
        url = canonical_url(values["url"])
    except ValueError as exc:
        raise ValueError(f"url: {exc}") from None
    description = values.get("description", "").strip()
    extra = {k: v for k, v in values.items() if k not in REQUIRED + OPTIONAL}
    return NewJob(source=values.get("source", "").strip() or "import",
                  source_id=values.get("source_id", "").strip() or url, url=url,
                  title=values["title"].strip(), company=values["company"].strip(),
                  location=values.get("location", "").strip(), description=description,
                  company_url=values.get("company_url", "").strip(),
                  status=c.State.SCRAPED if description else c.State.PENDING, extra=extra)


def import_file(store: Any, path: Path) -> ImportReport:
    """Validate the whole file first, then write the good rows."""
    report = ImportReport()
    jobs = []
    for number, row in read_rows(path):
        try:
            jobs.append(to_new_job(row))
        except ValueError as exc:
            report.rejected.append((number, str(exc)))
    for job in jobs:
        outcome = store.upsert_job(job)
        setattr(report, outcome, getattr(report, outcome) + 1)
    return report
