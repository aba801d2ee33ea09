"""Jobs from a JSON array, JSON Lines or CSV file.

A file that cannot be read as a whole (bad syntax, a row that is not an object, a CSV without
the required columns) is refused before anything is written. Rows with bad values are rejected
one by one, each with its reason, and the good rows are imported.
"""

import csv
import dataclasses
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.companies.identity import company_key
from pipeline.config.catalog import SOURCES
from pipeline.postings.duplicates import demote, find_twin, store_duplicate, supersedes
from pipeline.records import CONTENT_FIELDS, Job, NewJob
from pipeline.states import State
from pipeline.store.base import JobStore
from pipeline.urls import canonical_url

REQUIRED = ("url", "title", "company")
MAX_DEPTH = 10  # nesting of a row's values; deeper is refused (a hostile file, never a job export)
MAX_FIELD_CHARS = {"description": 100_000, "title": 500, "company": 300, "location": 300}  # longer: cut, flagged
OPTIONAL = ("location", "description", "company_url", "source", "source_id")
# Columns of common exports, as our field names. JobSpy: job_url, job_url_direct, date_posted,
# min_amount/max_amount/currency/interval, is_remote, job_type, emails, company_url.
ALIASES = {"job_url": "url", "link": "url", "job_title": "title", "position": "title", "company_name": "company",
           "job_location": "location", "job_description": "description", "company_website": "company_url"}
EXTRA_ALIASES = {"job_url_direct": "apply_url", "date_posted": "posted_date", "is_remote": "is_remote",
                 "job_type": "job_type", "emails": "emails", "site": "site"}
SALARY = {"min_amount": "min", "max_amount": "max", "currency": "currency", "interval": "interval"}


class ImportFileError(Exception):
    """The file as a whole cannot be imported; names the file and line."""


@dataclass
class ImportReport:
    inserted: int = 0
    updated: int = 0
    duplicates: int = 0  # stored as duplicates of a posting from another source (linked, never worked on)
    rejected: list[tuple[int, str]] = field(default_factory=list)
    without_description: int = 0  # entered `scraped` without one: no source can fetch it


def _format(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".json", ".jsonl", ".ndjson", ".csv"):
        return {".ndjson": ".jsonl"}.get(suffix, suffix)
    head = text.lstrip()[:1]
    return ".json" if head == "[" else ".jsonl" if head == "{" else ".csv"


def read_text(path: Path) -> str:
    """The file's text; `-` is standard input."""
    try:
        if str(path) == "-":
            return sys.stdin.read().lstrip("\ufeff")
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFileError(f"{path}: cannot read: {exc}") from None


def read_rows(path: Path, text: str | None = None) -> list[tuple[int, dict[str, Any]]]:
    """(line number, row) pairs; raise ImportFileError when the file itself is malformed."""
    text = read_text(path) if text is None else text
    kind = _format(path, text)
    if kind == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ImportFileError(f"{path}:{exc.lineno}: invalid JSON: {exc.msg} (column {exc.colno})") from None
        except RecursionError:
            raise ImportFileError(f"{path}: invalid JSON: nested more than Python can read") from None
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
                except RecursionError:
                    raise ImportFileError(f"{path}:{number}: invalid JSON: nested more than Python can read") \
                        from None
    else:
        reader = csv.DictReader(text.splitlines())
        columns = {ALIASES.get(name, name) for name in reader.fieldnames or []}
        missing = [col for col in REQUIRED if col not in columns]
        if missing:
            raise ImportFileError(f"{path}:1: CSV header lacks required column(s): {', '.join(missing)}")
        rows, label = [(reader.line_num, row) for row in reader], "line"
    for number, row in rows:
        if not isinstance(row, dict):
            raise ImportFileError(f"{path}: {label} {number}: expected an object with url, title, company")
    return rows


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """Export columns under our names; salary columns as one {min, max, currency, interval}."""
    values: dict[str, Any] = {}
    salary = {}
    for key, value in row.items():
        if key is None:
            continue
        value = "" if value is None else value
        if key in SALARY:
            if value not in ("", None):
                salary[SALARY[key]] = _number(value)
        elif key in EXTRA_ALIASES:
            values[EXTRA_ALIASES[key]] = _flag(value) if key == "is_remote" else \
                [e.strip() for e in value.split(",") if e.strip()] if key == "emails" and isinstance(value, str) \
                else value
        elif ALIASES.get(key, key) not in values or values[ALIASES.get(key, key)] in ("", None):
            values[ALIASES.get(key, key)] = value
    if salary:
        values["salary"] = salary
    return values


def _number(value: Any) -> Any:
    try:
        return float(value) if isinstance(value, str) else value
    except ValueError:
        return value


def _flag(value: Any) -> Any:
    return {"true": True, "false": False, "1": True, "0": False, "": None}.get(str(value).strip().lower(), value)


def _too_deep(row: dict[str, Any]) -> bool:
    """Nested more than MAX_DEPTH levels (looked at level by level, so a row nested a thousand
    levels deep is refused, not a RecursionError)."""
    level: list[Any] = [row]
    for _ in range(MAX_DEPTH):
        level = [v for x in level if isinstance(x, (dict, list)) for v in (x.values() if isinstance(x, dict) else x)]
        if not any(isinstance(x, (dict, list)) for x in level):
            return False
    return True


def _cut(values: dict[str, Any]) -> list[str]:
    """Cut fields above their limit in place; the names of those cut."""
    cut = []
    for key, limit in MAX_FIELD_CHARS.items():
        if isinstance(values.get(key), str) and len(values[key]) > limit:
            values[key] = values[key][:limit]
            cut.append(key)
    return cut


def to_new_job(row: dict[str, Any]) -> NewJob:
    """A validated NewJob; ValueError names the field and value that are wrong. A row nested
    deeper than MAX_DEPTH is refused; a field above its MAX_FIELD_CHARS is cut and flagged."""
    if _too_deep(row):
        raise ValueError(f"nested more than {MAX_DEPTH} levels deep")
    values = _plain(row)
    cut = _cut(values)
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
    extra = {k: v for k, v in values.items() if k not in REQUIRED + OPTIONAL and v not in ("", None, [], {})}
    if cut:
        extra["truncated"] = {k: f"cut to {MAX_FIELD_CHARS[k]:,} characters on import" for k in cut}
    source = values.get("source", "").strip() or "import"
    fetchable = source in SOURCES and SOURCES[source].detail_pages
    return NewJob(source=source,
                  source_id=values.get("source_id", "").strip() or url, url=url,
                  title=values["title"].strip(), company=values["company"].strip(),
                  location=values.get("location", "").strip(), description=description,
                  company_url=values.get("company_url", "").strip(),
                  status=State.PENDING if fetchable and not description else State.SCRAPED, extra=extra)


def import_file(store: JobStore, path: Path) -> ImportReport:
    """Validate the whole file first, then write the good rows. An empty cell never blanks what
    the store already has for that job."""
    report = ImportReport()
    jobs = []
    for number, row in read_rows(path):
        try:
            jobs.append(to_new_job(row))
        except ValueError as exc:
            report.rejected.append((number, str(exc)))
    for job in jobs:
        stored = store.find(job.source, job.source_id, job.url)
        if stored:
            job = _keep_stored(job, stored)
        elif not job.description:
            report.without_description += 1
        job = dataclasses.replace(job, company_key=company_key(job.company))
        twin = None if stored else find_twin(store, job)
        if twin and not supersedes(job, twin):
            store_duplicate(store, job, twin)
            report.duplicates += 1
            continue
        outcome = store.upsert_job(job)
        if twin:
            demote(store, twin, job)
        setattr(report, outcome, getattr(report, outcome) + 1)
    return report


def _keep_stored(job: NewJob, stored: Job) -> NewJob:
    """The new row, with the stored value wherever the row's cell is empty."""
    kept = {k: getattr(stored, k) for k in CONTENT_FIELDS if not getattr(job, k) and getattr(stored, k)}
    extra = {**stored.extra}
    for key, value in job.extra.items():
        extra[key] = {**extra[key], **value} if isinstance(value, dict) and isinstance(extra.get(key), dict) else value
    return dataclasses.replace(job, **kept, extra=extra)
