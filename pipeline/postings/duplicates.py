"""Linking a new posting to the stored posting it duplicates. Scraped and imported jobs take part
alike; the earlier-posted copy is kept as the original, unless the stored one is already worked on."""

import dataclasses

from pipeline.engine import policy
from pipeline.postings.matching import posted_on, same_posting
from pipeline.records import CONTENT_FIELDS, Job, NewJob
from pipeline.states import State, states_where
from pipeline.store.base import JobStore

RECENT = 500  # the duplicate check compares a new posting with this many of its company's latest jobs


def find_twin(store: JobStore, job: NewJob) -> Job | None:
    """A stored posting from another source that is this one (never a job already a duplicate)."""
    return next((old for old in store.company_jobs(job.company_key, RECENT)
                 if old.status != State.DUPLICATE and same_posting(job, old)), None)


def supersedes(job: NewJob, twin: Job) -> bool:
    """The new copy was posted before its stored twin, and the twin was not worked on yet."""
    mine, theirs = posted_on(job.extra), posted_on(twin.extra)
    return bool(mine and theirs and mine < theirs and twin.status in states_where("replaceable"))


def store_duplicate(store: JobStore, job: NewJob, twin: Job) -> None:
    store.upsert_job(dataclasses.replace(job, status=State.DUPLICATE, extra={**job.extra, "duplicate_of": twin.id}))


def demote(store: JobStore, twin: Job, original: NewJob) -> None:
    """The stored twin becomes the duplicate of the just-stored, earlier-posted original; its
    history keeps the move."""
    kept = store.find(original.source, original.source_id, original.url)
    if kept is None:
        return
    content = {k: getattr(twin, k) for k in CONTENT_FIELDS}
    store.upsert_job(NewJob(source=twin.source, source_id=twin.source_id, **content, status=twin.status,
                            company_key=twin.company_key, extra={**twin.extra, "duplicate_of": kept.id}))
    policy.supersede(store, twin.id, twin.status)
