"""Every decision about where a job goes next, in one place above the stores.

Stores only carry out moves (one lease-conditional write each, see Move); what a move should be
is decided here: retry with backoff or fail, what an expired lease means, when a person may move
a job. A third backend inherits all of it. The decisions use what the claim already returned
(the attempt count), so moving the policy up adds no round trip.
"""

import os
import random
import socket
from collections.abc import Callable
from typing import Any

from pipeline.config.catalog import StageStates, working_states
from pipeline.records import ClaimedJob, Move
from pipeline.redaction import redact
from pipeline.states import Event, State, states_where
from pipeline.store.base import JobStore

ERROR_CHARS = 2000


def backoff_seconds(attempt: int, base: float, cap: float, rng: Callable[[], float] = random.random) -> float:
    """Exponential backoff with jitter: base * 2^(attempt-1), capped, scaled by 0.5..1.0."""
    return float(min(cap, base * 2 ** max(0, attempt - 1)) * (0.5 + rng() / 2))


def after_error(attempt: int, stage: StageStates, error: str, *, permanent: bool, max_retries: int,
                retry_base: float, retry_max: float) -> Move:
    """Back to the input state after a backoff while attempts are left, else to failed."""
    error = redact(error)[:ERROR_CHARS]
    if permanent or attempt >= max_retries:
        return Move(stage.working, State.FAILED, Event.FAILED, stage.name, attempt, error=error)
    return Move(stage.working, stage.input, Event.RETRIED, stage.name, attempt,
                delay=backoff_seconds(attempt, retry_base, retry_max), error=error)


def after_expiry(attempt: int, stage: StageStates, max_retries: int) -> Move:
    """A lease ran out (the worker died): the attempt stays used; failed once none is left."""
    error = f"lease expired: the worker stopped during attempt {attempt}"
    if attempt >= max_retries:
        return Move(stage.working, State.FAILED, Event.FAILED, stage.name, attempt, error=error)
    return Move(stage.working, stage.input, Event.EXPIRED, stage.name, attempt, delay=0.0, error=error)


def fail(store: JobStore, job: ClaimedJob, stage: StageStates, error: str, *, permanent: bool, max_retries: int,
         retry_base: float, retry_max: float) -> str | None:
    """'retried' or 'failed'; None if the lease was lost meanwhile."""
    move = after_error(job.attempts.get(stage.name, 0), stage, error, permanent=permanent,
                       max_retries=max_retries, retry_base=retry_base, retry_max=retry_max)
    return move.event if store.move(job.id, job.lease_token, move) else None


def release(store: JobStore, job: ClaimedJob, stage: StageStates, delay: float = 0.0, quiet: bool = False) -> bool:
    """Give a claimed job back without using up an attempt (a stop, a deferral, a halted run).
    A deferral is `quiet`: no history entry (the run counts them), so waiting costs no bytes."""
    move = Move(stage.working, stage.input, Event.RELEASED, stage.name, delay=delay, attempts_delta=-1, quiet=quiet)
    return store.move(job.id, job.lease_token, move)


def make_due(store: JobStore, job_id: str, stage: StageStates) -> bool:
    """A deferred job waiting in the input state is due now (what it waited for is done)."""
    return store.move(job_id, None, Move(stage.input, stage.input, Event.RELEASED, stage.name, delay=0.0, quiet=True))


def owner_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def holder_is_gone(owner: str) -> bool:
    """A lease owner ('host:pid') on this host whose process no longer exists."""
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def abandoned(job: ClaimedJob, now: float) -> bool:
    """Its lease ran out, or its holder is a process of this host that no longer exists (a
    killed daemon or run-stage: reclaimed at once, not after the lease)."""
    return (job.lease_expires_at or 0) < now or holder_is_gone(job.lease_owner or "")


def take_slot(store: JobStore, stage: str, now: float, resolution: int = 60) -> bool:
    """The scheduled run of `stage` at this minute (this second, for schedules with seconds),
    taken atomically once across every daemon on the store (keep the machines' clocks in sync)."""
    return store.take_quota(f"slot:{stage}:{int(now // resolution) * resolution}", 1)


def mark_interrupted(store: JobStore) -> list[str]:
    """Runs whose process ended without finishing them (SIGKILL, power loss): marked interrupted,
    with the time they were last seen, so `status` does not show them as still going."""
    marked = []
    for stage, run in store.last_runs().items():
        if run.finished_at is None and run.error is None and holder_is_gone(run.owner):
            run.error = "interrupted: the process running it ended before the run finished"
            run.details["interrupted_at"] = run.last_seen or run.started_at
            store.save_run(run)
            marked.append(stage)
    return marked


def sweep_expired(store: JobStore, stage: StageStates, max_retries: int) -> int:
    """Return abandoned jobs to the input state, or to failed at the limit."""
    swept, now = 0, store.clock()
    for job in store.leases(stage):
        if abandoned(job, now):
            move = after_expiry(job.attempts.get(stage.name, 0), stage, max_retries)
            swept += store.move(job.id, job.lease_token, move)
    return swept


PRUNED_KEY = "prune:before"  # the cut-off of the last pruning: older jobs were looked at then


def prune(store: JobStore, keep_days: float) -> tuple[int, int]:
    """Drop run records older than keep_days, and compact the history of jobs in end states last
    changed before then to their last move (what `show` says of a job long finished). Only jobs
    last changed since the previous pruning's cut-off are looked at: the rest were done then."""
    before = store.clock() - keep_days * 86400
    done = store.prune(before, states_where("end"), since=store.quota_used(PRUNED_KEY))
    store.set_value(PRUNED_KEY, before)
    return done


def may_move(status: str, lease_expires_at: float | None, now: float) -> bool:
    """A person may move a job unless a stage holds it under a live lease."""
    return status not in working_states() or (lease_expires_at or 0) <= now


def _person(store: JobStore, job_id: str, to_status: str, event: str, stage: str | None,
            allowed_from: tuple[str, ...] | None = None, detail: dict[str, Any] | None = None) -> bool:
    job = store.get(job_id)
    if job is None or not may_move(job.status, job.lease_expires_at, store.clock()):
        return False
    if allowed_from is not None and job.status not in allowed_from:
        return False
    move = Move(job.status, to_status, event, stage, clear_error_stage=True, reset_attempts=stage is not None,
                detail=detail)
    return store.move(job.id, job.lease_token, move)


def requeue(store: JobStore, job_id: str, stage: StageStates) -> bool:
    """Back to the stage's input state with that stage's attempts reset."""
    return _person(store, job_id, stage.input, Event.REQUEUED, stage.name)


def mark(store: JobStore, job_id: str, status: str) -> bool:
    """A person's move to any state not held under a lease."""
    return _person(store, job_id, status, Event.MARKED, None)


def supersede(store: JobStore, job_id: str, status: str) -> bool:
    """A stored posting becomes the duplicate of an earlier-posted copy that just arrived: only
    while it is still in `status` and no stage holds it."""
    return store.move(job_id, None, Move(status, State.DUPLICATE, Event.SUPERSEDED, clear_error_stage=True))


def person_move(store: JobStore, job_id: str, status: str, event: str, *,
                allowed_from: tuple[str, ...] | None = None, detail: dict[str, Any] | None = None) -> bool:
    """A move a person's command makes (e.g. rescore), or what their mail did (a draft sent, a
    reply), recorded under its own event name; only from `allowed_from` when given (a job never
    moves back), with `detail` kept in the history entry."""
    return _person(store, job_id, status, event, None, allowed_from, detail)
