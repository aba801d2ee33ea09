"""The JobStore contract every backend fulfils, and the records it trades in.

Every stored time is epoch seconds (a float) in both stores: no datetimes, so no backend can
turn one into a string and make a comparison silently match nothing.
"""

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from pipeline.states import StageStates

CONTENT_FIELDS = ("url", "title", "company", "location", "description", "company_url")


@dataclass(frozen=True)
class NewJob:
    """A posting as a source or an import file gives it."""

    source: str
    source_id: str
    url: str
    title: str
    company: str
    location: str = ""
    description: str = ""
    company_url: str = ""
    status: str = "pending"
    extra: dict[str, Any] = field(default_factory=dict)
    company_key: str = ""

    def content(self) -> dict[str, Any]:
        """The fields a re-scrape may refresh."""
        values = {k: getattr(self, k) for k in CONTENT_FIELDS}
        values["extra"] = self.extra
        values["company_key"] = self.company_key
        return values


@dataclass
class Job:
    """A job as stored, with its progress through the stages."""

    id: str
    source: str
    source_id: str
    url: str
    status: str
    title: str = ""
    company: str = ""
    location: str = ""
    description: str = ""
    company_url: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    company_key: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    attempts: dict[str, int] = field(default_factory=dict)
    next_attempt_at: float = 0.0
    lease_owner: str | None = None
    lease_token: str | None = None
    lease_expires_at: float | None = None
    last_error: str | None = None
    error_stage: str | None = None
    created_at: float = 0.0
    updated_at: float = 0.0
    first_seen_at: float = 0.0
    last_seen_at: float = 0.0


@dataclass
class RunRecord:
    """One run of one stage: what it claimed and how each job ended."""

    run_id: str
    stage: str
    started_at: float
    finished_at: float | None = None
    claimed: int = 0
    succeeded: int = 0
    retried: int = 0
    failed: int = 0
    released: int = 0
    error: str | None = None
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Output:
    """What a work function may return instead of a plain data dict: stage output plus
    content fields (description, location, ...) to refresh on the job itself."""

    data: dict[str, Any] = field(default_factory=dict)
    content: dict[str, Any] = field(default_factory=dict)
    status: str | None = None  # another end state than the stage's output (e.g. skipped)


def job_id_for(source: str, source_id: str) -> str:
    """A short stable id, the same on every machine for the same posting."""
    return hashlib.sha1(f"{source}\x00{source_id}".encode()).hexdigest()[:12]


def backoff_seconds(attempt: int, base: float, cap: float, rng: Callable[[], float] = random.random) -> float:
    """Exponential backoff with jitter: base * 2^(attempt-1), capped, scaled by 0.5..1.0."""
    return min(cap, base * 2 ** max(0, attempt - 1)) * (0.5 + rng() / 2)


class JobStore(Protocol):
    """What stages, the runner and the CLI may ask of a store. Both backends pass tests/store."""

    def upsert_job(self, job: NewJob) -> str:
        """Insert, or refresh the content of the job with the same (source, source_id) or URL.
        Returns 'inserted' or 'updated'; status, attempts and history are set on insert only."""

    def claim(self, stage: StageStates, owner: str, lease_seconds: float) -> Job | None:
        """Atomically move one due job from the stage's input to its working state under a fresh lease."""

    def heartbeat(self, job_id: str, token: str, lease_seconds: float) -> bool:
        """Extend a lease still held; False if it was lost."""

    def complete(self, job_id: str, token: str, stage: StageStates, data: dict[str, Any] | None = None,
                 content: dict[str, Any] | None = None, status: str | None = None) -> bool:
        """Move a leased job to the stage's output state, merging `data` into job.data and
        setting the given content fields (only names in CONTENT_FIELDS)."""

    def fail(self, job_id: str, token: str, stage: StageStates, error: str, *, permanent: bool,
             max_retries: int, retry_base: float, retry_max: float) -> str | None:
        """Back to the input state with backoff ('retried') or to failed ('failed'); None if the lease was lost."""

    def release(self, job_id: str, token: str, stage: StageStates, delay: float = 0.0) -> bool:
        """Give back a claimed job without using up an attempt (graceful stop, deferral), due after delay."""

    def sweep_expired(self, stage: StageStates, max_retries: int) -> int:
        """Return jobs whose lease expired to the input state, or to failed at the limit."""

    def get(self, job_id: str) -> Job | None: ...

    def find(self, source: str, source_id: str, url: str) -> Job | None:
        """The job with this (source, source id), else the one with this canonical URL."""

    def company_jobs(self, company_key: str, limit: int = 500) -> list[Job]:
        """Jobs at one normalised company name, for cross-source duplicate checks."""

    def take_quota(self, key: str, limit: int) -> bool:
        """Atomically count one more against a named limit (e.g. today's new jobs); False when full."""

    def quota_used(self, key: str) -> float: ...

    def add_spend(self, key: str, amount: float) -> float:
        """Atomically add to a named running total (e.g. today's LLM cost); returns the new total."""

    def find_company(self, aliases: list[str]) -> dict[str, Any] | None:
        """The company any of these aliases ('li:acme', 'domain:acme.com', 'name:acme') points at."""

    def lock_company(self, company_id: str, owner: str, lease_seconds: float) -> str | None:
        """Take the company's enrichment lock (creating the record if new); a token, or None if held."""

    def save_company(self, company_id: str, token: str, record: dict[str, Any], aliases: list[str]) -> bool:
        """Store an enrichment under the lock, add aliases that are still free, release the lock."""

    def unlock_company(self, company_id: str, token: str) -> None: ...

    def list_companies(self) -> list[dict[str, Any]]:
        """Every company with `jobs`, the number of jobs pointing at it (job.data['company_id'])."""

    def list_jobs(self, status: str | None = None, limit: int | None = None) -> list[Job]: ...

    def select_ids(self, status: str | None = None, error_stage: str | None = None) -> list[str]: ...

    def counts(self) -> dict[str, int]: ...

    def failed_by_stage(self) -> dict[str, int]: ...

    def requeue(self, job_id: str, stage: StageStates) -> bool:
        """Put a job back in the stage's input state with that stage's attempts reset."""

    def mark(self, job_id: str, status: str) -> bool:
        """A person's move to any state not held under a lease."""

    def events(self, job_id: str) -> list[dict[str, Any]]: ...

    def save_run(self, run: RunRecord) -> None: ...

    def last_runs(self) -> dict[str, RunRecord]: ...

    def ping(self) -> None:
        """Raise StoreUnavailable when the database cannot be reached."""

    def close(self) -> None: ...
