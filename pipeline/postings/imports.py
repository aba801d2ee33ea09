"""Jobs from a JSON array, JSON Lines or CSV file, read as a stream (postings.import_rows).

A file that cannot be read as a whole (bad syntax, a row that is not an object, a CSV without
the required columns) is refused before anything is written. Rows with bad values are rejected
one by one, each with its reason, and the good rows are imported. Every field is bounded, so no
row can swell the store: links and ids, the other fields together, numbers, nesting.
"""

import dataclasses
import json
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.companies.identity import company_key
from pipeline.config.catalog import SOURCES
from pipeline.errors import StoreUnavailable
from pipeline.postings.duplicates import demote, find_twin, store_duplicate, supersedes
from pipeline.postings.import_rows import (
    ALIASES,
    REQUIRED,
    BadNumber,
    ImportFileError,
    RepeatedKeys,
    Row,
    open_text,
    read_rows,
)
from pipeline.records import CONTENT_FIELDS, Job, NewJob
from pipeline.states import State
from pipeline.store.base import JobStore
from pipeline.text import visible
from pipeline.urls import canonical_url

__all__ = ["ImportFileError", "ImportReport", "import_file", "to_new_job"]

MAX_DEPTH = 10  # nesting of a row's values; deeper is refused (a hostile file, never a job export)
MAX_FIELD_CHARS = {"description": 100_000, "title": 500, "company": 300, "location": 300}  # longer: cut, flagged
MAX_LINK_CHARS = 2_048  # url, company_url, source_id: longer is refused
MAX_SOURCE_CHARS = 100
MAX_EXTRA_BYTES = 65_536  # a row's other fields together, as JSON
MAX_REPORTED = 1_000  # rejected rows listed one by one; the rest are counted
BATCH_ROWS, BATCH_CHARS = 500, 8_000_000  # rows written as one transaction (SQLite), at most this much text
OPTIONAL = ("location", "description", "company_url", "source", "source_id")
EXTRA_ALIASES = {"job_url_direct": "apply_url", "date_posted": "posted_date", "is_remote": "is_remote",
                 "job_type": "job_type", "emails": "emails", "site": "site"}
SALARY = {"min_amount": "min", "max_amount": "max", "currency": "currency", "interval": "interval"}


@dataclass
class ImportReport:
    inserted: int = 0
    updated: int = 0
    duplicates: int = 0  # stored as duplicates of a posting from another source (linked, never worked on)
    rejected: list[tuple[int, str]] = field(default_factory=list)  # the first MAX_REPORTED, with reasons
    rejected_total: int = 0
    without_description: int = 0  # entered `scraped` without one: no source can fetch it
    rows: int = 0  # rows in the file
    stopped: str = ""  # why the import ended before the file did (interrupted, the store's disk full)

    @property
    def written(self) -> int:
        return self.inserted + self.updated + self.duplicates

    def add(self, other: "ImportReport") -> None:
        for name in ("inserted", "updated", "duplicates", "without_description"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for number, reason in other.rejected:
            self.reject(number, reason)
        self.rejected_total += other.rejected_total - len(other.rejected)

    def reject(self, number: int, reason: str) -> None:
        self.rejected_total += 1
        if len(self.rejected) < MAX_REPORTED:
            self.rejected.append((number, reason))


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
    """A salary cell as a number; text that is not a finite number is refused with the row."""
    try:
        number = float(value) if isinstance(value, str) else value
    except ValueError:
        return value
    if isinstance(number, float) and not math.isfinite(number):
        raise ValueError(f"salary: not a finite number: {value!r}")
    return number


def _flag(value: Any) -> Any:
    return {"true": True, "false": False, "1": True, "0": False, "": None}.get(str(value).strip().lower(), value)


def _problem(row: dict[str, Any]) -> str:
    """Why a row's values cannot be kept: nested more than MAX_DEPTH levels (looked at level by
    level, so a row nested a thousand levels deep is refused, not a RecursionError), or a number
    no store keeps (NaN, an infinity, an integer beyond 64 bits)."""
    level: list[Any] = [row]
    for _ in range(MAX_DEPTH + 1):
        bad = next((x for x in level if isinstance(x, BadNumber)), None)
        if bad is not None:
            return f"not a number any store keeps: {str(bad)!r} (NaN, Infinity and integers beyond 64 bits are refused)"
        twice = next((x for x in level if isinstance(x, RepeatedKeys)), None)
        if twice is not None:
            return f"the key {twice.repeated!r} appears twice in one object; only one may stay"
        nested = [x for x in level if isinstance(x, (dict, list))]
        if not nested:
            return ""
        level = [v for x in nested for v in (x.values() if isinstance(x, dict) else x)]
    return f"nested more than {MAX_DEPTH} levels deep"


def _visible(value: Any) -> Any:
    """Extra values with nothing invisible or controlling left in their text (keys too)."""
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, dict):
        return {visible(str(k)): _visible(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_visible(v) for v in value]
    return value


def _cut(values: dict[str, Any]) -> list[str]:
    """Cut fields above their limit in place; the names of those cut."""
    cut = []
    for key, limit in MAX_FIELD_CHARS.items():
        if isinstance(values.get(key), str) and len(values[key]) > limit:
            values[key] = values[key][:limit]
            cut.append(key)
    return cut


def _check_sizes(values: dict[str, Any], extra: dict[str, Any]) -> None:
    """Links and ids of at most MAX_LINK_CHARS, the other fields at most MAX_EXTRA_BYTES as JSON."""
    for key, limit in (("url", MAX_LINK_CHARS), ("company_url", MAX_LINK_CHARS), ("source_id", MAX_LINK_CHARS),
                       ("source", MAX_SOURCE_CHARS)):
        if len(values.get(key) or "") > limit:
            raise ValueError(f"{key}: {len(values[key]):,} characters; at most {limit:,}")
    size = len(json.dumps(extra, ensure_ascii=False, default=str).encode())
    if size > MAX_EXTRA_BYTES:
        raise ValueError(f"other fields ({', '.join(sorted(extra))[:200]}): {size:,} bytes together; at most "
                         f"{MAX_EXTRA_BYTES:,}")


def to_new_job(row: dict[str, Any]) -> NewJob:
    """A validated NewJob; ValueError names the field and value that are wrong. A row nested
    deeper than MAX_DEPTH, a number no store keeps, a link or id above MAX_LINK_CHARS or other
    fields above MAX_EXTRA_BYTES are refused; a text above its MAX_FIELD_CHARS is cut and flagged."""
    problem = _problem(row)
    if problem:
        raise ValueError(problem)
    values = _plain(row)
    cut = _cut(values)
    for key in REQUIRED:
        if not isinstance(values.get(key), str) or not values[key].strip():
            raise ValueError(f"{key}: required, got {_shown(values.get(key))}")
    for key in OPTIONAL:
        if not isinstance(values.get(key, ""), str):
            raise ValueError(f"{key}: expected text, got {_shown(values[key])}")
    extra = _visible({k: v for k, v in values.items() if k not in REQUIRED + OPTIONAL and v not in ("", None, [], {})})
    _check_sizes(values, extra)
    try:
        url = canonical_url(values["url"])
    except ValueError as exc:
        raise ValueError(f"url: {exc}") from None
    description = values.get("description", "").strip()
    if cut:
        extra["truncated"] = {k: f"cut to {MAX_FIELD_CHARS[k]:,} characters on import" for k in cut}
    source = values.get("source", "").strip() or "import"
    fetchable = source in SOURCES and SOURCES[source].detail_pages
    return NewJob(source=source,
                  source_id=values.get("source_id", "").strip() or url, url=url,
                  title=values["title"].strip(), company=values["company"].strip(),
                  location=values.get("location", "").strip(), description=description,
                  company_url=values.get("company_url", "").strip(), company_key=company_key(values["company"]),
                  status=State.PENDING if fetchable and not description else State.SCRAPED, extra=extra)


def _shown(value: Any) -> str:
    """A value in a rejection reason: its repr, cut to 80 characters."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


Progress = Callable[[int], Any]  # the number of rows -> something with update(n) and close() (tqdm)


def import_file(store: JobStore, path: Path, progress: Progress | None = None) -> ImportReport:
    """Read the file through once to check it as a whole (ImportFileError: nothing is written),
    then again to import it row by row, so memory stays flat whatever the file's size. An empty
    cell never blanks what the store already has for that job. Stopped by Ctrl-C or a store that
    cannot take more (a full disk), the report says so (`stopped`) and counts what was written:
    rows are upserts, so importing the file again is safe."""
    report = ImportReport()
    with open_text(path) as stream:
        report.rows = sum(1 for _ in read_rows(path, stream))
        stream.seek(0)
        bar = progress(report.rows) if progress else None
        try:
            for batch in _batches(read_rows(path, stream)):
                done = ImportReport()
                with store.batch():
                    for number, row in batch:
                        _import_row(store, done, number, row)
                report.add(done)  # only once the batch is committed: `written` is what is stored
                if bar is not None:
                    bar.update(len(batch))
        except KeyboardInterrupt:
            report.stopped = "interrupted"
        except StoreUnavailable as exc:
            report.stopped = str(exc)
        finally:
            if bar is not None:
                bar.close()
    return report


def _batches(rows: Iterator[Row]) -> Iterator[list[Row]]:
    """Rows in batches of BATCH_ROWS, or fewer when they hold more than BATCH_CHARS of text."""
    batch: list[Row] = []
    chars = 0
    for number, row in rows:
        batch.append((number, row))
        chars += len(row) if isinstance(row, str) else sum(len(v) for v in row.values() if isinstance(v, str))
        if len(batch) >= BATCH_ROWS or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _import_row(store: JobStore, report: ImportReport, number: int, row: dict[str, Any] | str) -> None:
    if isinstance(row, str):
        report.reject(number, row)
        return
    try:
        job = to_new_job(row)
    except ValueError as exc:
        report.reject(number, str(exc))
        return
    stored = store.find(job.source, job.source_id, job.url)
    if stored:
        job = _keep_stored(job, stored)
    elif not job.description and job.status == State.SCRAPED:
        report.without_description += 1
    twin = None if stored else find_twin(store, job)
    if twin and not supersedes(job, twin):
        store_duplicate(store, job, twin)
        report.duplicates += 1
        return
    outcome = store.upsert_job(job)
    if twin:
        demote(store, twin, job)
    setattr(report, outcome, getattr(report, outcome) + 1)


def _keep_stored(job: NewJob, stored: Job) -> NewJob:
    """The new row, with the stored value wherever the row's cell is empty."""
    kept = {k: getattr(stored, k) for k in CONTENT_FIELDS if not getattr(job, k) and getattr(stored, k)}
    extra = {**stored.extra}
    for key, value in job.extra.items():
        extra[key] = {**extra[key], **value} if isinstance(value, dict) and isinstance(extra.get(key), dict) else value
    return dataclasses.replace(job, **kept, extra=extra, company_key=company_key(kept.get("company", job.company)))
