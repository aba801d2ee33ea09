"""The JobStore contract every backend fulfils. Stores trade in basic, lease-conditional operations;
every decision (retry or fail, backoff, what an expired lease means) is pipeline.policy's."""

from collections.abc import Callable, Collection
from contextlib import AbstractContextManager
from typing import Any, Protocol

from pipeline.config.catalog import StageStates
from pipeline.records import ClaimedJob, Job, Move, NewJob, RunRecord
from pipeline.states import Event


def completion(stage: StageStates, status: str | None, attempt: int | None = None) -> Move:
    """The move a completion makes, and the history entry every backend writes for it: from the
    stage's working state to its output (or another end state the work chose)."""
    return Move(stage.working, status or stage.output, Event.COMPLETED, stage.name, attempt)


class JobStore(Protocol):
    """What stages, the runner and the CLI may ask of a store. Both backends pass tests/store."""

    clock: Callable[[], float]  # epoch seconds; injectable so the contract tests control time

    def upsert_job(self, job: NewJob) -> str:
        """Insert, or refresh the content of the job with the same (source, source_id) or URL.
        Returns 'inserted' or 'updated'; status, attempts and history are set on insert only."""

    def claim(self, stage: StageStates, owner: str, lease_seconds: float,
              exclude: Collection[str] = ()) -> ClaimedJob | None:
        """Atomically move one due job from the stage's input to its working state under a fresh lease;
        never one of `exclude` (the jobs this run already tried: their next try belongs to a later run)."""

    def heartbeat(self, job_id: str, token: str, lease_seconds: float) -> bool:
        """Extend a lease still held; False if it was lost."""

    def complete(self, job_id: str, token: str, stage: StageStates, data: dict[str, Any] | None = None,
                 content: dict[str, Any] | None = None, status: str | None = None) -> bool:
        """Move a leased job to the stage's output state, merging `data` into job.data and
        setting the given fields (only names in WRITABLE_FIELDS: content and company_id)."""

    def move(self, job_id: str, token: str | None, move: Move) -> bool:
        """Carry out one move decided by pipeline.policy, only while the job is still in
        move.from_status under this lease token (None: no lease); False otherwise."""

    def leases(self, stage: StageStates) -> list[ClaimedJob]:
        """Jobs held in the stage's working state (policy.sweep decides which are abandoned)."""

    def get(self, job_id: str) -> Job | None: ...

    def find(self, source: str, source_id: str, url: str) -> Job | None:
        """The job with this (source, source id), else the one with this canonical URL."""

    def source_jobs(self, source: str, id_prefix: str) -> list[Job]:
        """Jobs of one source whose source id starts with the prefix (one board's jobs: 'acme:')."""

    def company_jobs(self, company_key: str, limit: int = 500) -> list[Job]:
        """The most recent jobs at one normalised company name, for cross-source duplicate checks."""

    def linked_jobs(self, company_id: str, limit: int = 500) -> list[Job]:
        """The most recent jobs linked to one company record (by enrich), whatever their source or
        the name they give it: one conversation per person spans them (outreach.conversations)."""

    def take_quota(self, key: str, limit: int) -> bool:
        """Atomically count one more against a named limit (e.g. today's new jobs); False when full."""

    def quota_used(self, key: str) -> float: ...

    def reserve(self, key: str, gap: float) -> float:
        """Atomically take the next allowed time of a shared resource (a host's next request):
        returns the seconds to wait for it; the caller after this one waits `gap` more."""

    def set_value(self, key: str, value: float) -> None:
        """Set a named number (read with quota_used), e.g. where a capped search resumes."""

    def add_spend(self, key: str, amount: float) -> float:
        """Atomically add to a named running total (e.g. today's LLM cost); returns the new total."""

    def take_lease(self, name: str, owner: str, lease_seconds: float) -> str | None:
        """A named lease shared by every daemon on this store (one mailbox sync at a time, across
        machines): a fresh token when the name is free or its lease ran out, None while held."""

    def drop_lease(self, name: str, token: str) -> None:
        """Give the lease back, if this token still holds it."""

    def find_company(self, aliases: list[str]) -> dict[str, Any] | None:
        """The company any of these aliases ('li:acme', 'domain:acme.com', 'name:acme') points at."""

    def lock_company(self, company_id: str, owner: str, lease_seconds: float) -> str | None:
        """Take the company's enrichment lock (creating the record if new); a token, or None if held."""

    def save_company(self, company_id: str, token: str, record: dict[str, Any], aliases: list[str]) -> bool:
        """Store an enrichment under the lock, add aliases that are still free, release the lock."""

    def unlock_company(self, company_id: str, token: str) -> None: ...

    def annotate_company(self, company_id: str, data: dict[str, Any]) -> bool:
        """Set top-level keys of a company's record (e.g. its bounced addresses) without an
        enrichment: no lock taken, enriched_at unchanged. False when there is no such company."""

    def take_company_lock(self, company_id: str, holder: str, owner: str, lease_seconds: float) -> str | None:
        """Take over the lock from a holder known to be gone (only if that holder still has it)."""

    def list_companies(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Companies with the most jobs first, each with `jobs`, the number of jobs linked to it
        (company_id); kept as a counter, so the listing does not count a million jobs."""

    def count_companies(self) -> int: ...

    def list_jobs(self, status: str | None = None, limit: int | None = None, sort: str = "new",
                  since: float | None = None, *, search: str = "", source: str | None = None,
                  offset: int = 0) -> list[Job]:
        """Newest first, or best score first (sort='score', unscored last); only jobs created since
        `since`, of one `source`, whose title or company holds `search` (ASCII letters in any case);
        after skipping `offset` of them (the review page's pages)."""

    def annotate(self, job_id: str, status: str, data: dict[str, Any], fields: dict[str, Any],
                 version: float | None = None) -> bool:
        """Merge `data` into a job not held under a lease and set fields (WRITABLE_FIELDS), while it is
        still in `status` and, given a `version` (the job's updated_at when it was read), unchanged
        since then: a person's answer never overwrites another's. False when the job moved or changed."""

    def select_ids(self, status: str | None = None, error_stage: str | None = None) -> list[str]: ...

    def counts(self) -> dict[str, int]: ...

    def foreign_jobs(self) -> int:
        """Job documents of another shape in a shared database (skipped by every query)."""

    def failed_by_stage(self) -> dict[str, int]: ...

    def events(self, job_id: str) -> list[dict[str, Any]]: ...

    def save_run(self, run: RunRecord) -> None: ...

    def prune(self, before: float, end_states: tuple[str, ...], since: float = 0.0,
              batch: int = 500) -> tuple[int, int]:
        """Delete run records started before `before`; compact the history of jobs in `end_states`
        last changed in [since, before) to their last event. Returns (runs deleted, jobs compacted); works in
        small batches, so other writers are never held up for long."""

    def last_runs(self) -> dict[str, RunRecord]: ...

    def batch(self) -> AbstractContextManager[None]:
        """Group this thread's writes (an import's rows): on SQLite one transaction, committed at
        the end or rolled back whole on an error; on MongoDB each write stands on its own."""

    def ping(self) -> None:
        """Raise StoreUnavailable when the database cannot be reached."""

    def check(self) -> None:
        """Raise StoreUnavailable when the store cannot be read whole (SQLite: a corrupt page
        anywhere in the file); `stats` asks, so it never reports a damaged store as well."""

    def close(self) -> None: ...
