"""The one loop every stage runs: claim -> work -> complete, retry or fail.

Bounded concurrency (threads), lease heartbeats for long work, a per-run deadline after which
no new job is claimed, and a graceful stop that finishes in-flight work for a while and then
releases what is left, so nothing waits for a lease to expire after a clean shutdown.
"""

import dataclasses
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import structlog

from pipeline.config.catalog import StageStates
from pipeline.config.loading import StageConfig
from pipeline.engine import policy
from pipeline.errors import DailyLimit, Deferred, HaltRun, NetworkDown, PermanentError, PipelineError, StoreUnavailable
from pipeline.logs import get_logger
from pipeline.records import TAKEN_ELSEWHERE, ClaimedJob, Job, Output, RunRecord
from pipeline.states import State
from pipeline.store.base import JobStore

log = get_logger("pipeline.runner")


@dataclass
class WorkContext:
    """What a work function may look at besides the job: the run, and whether to wind down."""

    run_id: str
    stage: str
    stop: threading.Event
    deadline: float
    halt: threading.Event = field(default_factory=threading.Event)
    store: JobStore | None = None
    totals: dict[str, float] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    waker: Callable[[str], None] | None = None

    def tally(self, **amounts: float) -> None:
        """Add to the run's totals (recorded in the run's details), e.g. tokens and cost."""
        if self.totals is None:
            return
        with self._lock:
            for key, amount in amounts.items():
                self.totals[key] = self.totals.get(key, 0) + amount

    def stopping(self) -> bool:
        return self.stop.is_set() or self.halt.is_set() or time.time() > self.deadline

    def wake(self, key: str) -> None:
        """Jobs this run deferred with this key (Deferred.key) are due now."""
        if self.waker is not None:
            self.waker(key)


WorkFn = Callable[[Job, WorkContext], "dict[str, Any] | Output | None"]


@dataclass(frozen=True)
class Stage:
    """A stage: the states it moves jobs between, the work it does on one job, and optionally
    something to do once at the start of each run (the scrape stage searches there)."""

    states: StageStates
    work: WorkFn
    before: Callable[[JobStore, WorkContext, RunRecord], None] | None = None
    threads: int | None = None  # job threads, when the stage bounds its own requests (default: concurrency)
    summary: Callable[[dict[str, Any]], list[str]] | None = None  # the run's own lines for `run-stage`
    after: Callable[[JobStore], None] | None = None  # at the end of every run, a stop included


@dataclass
class _Flight:
    """Jobs being worked on now, for heartbeats and release on stop."""

    leases: dict[str, ClaimedJob] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


class StageRun:
    """One run of one stage over what is claimable now."""

    def __init__(self, store: JobStore, stage: Stage, settings: StageConfig, *, limit: int | None = None,
                 stop: threading.Event | None = None, stop_timeout: float = 30.0,
                 on_job: Callable[[str], None] | None = None, slot_elsewhere: bool = False) -> None:
        self.store, self.stage, self.settings = store, stage, settings
        self.limit, self.stop_timeout, self.on_job = limit, stop_timeout, on_job
        self.stop = stop or threading.Event()
        self.record = RunRecord(run_id=uuid.uuid4().hex[:12], stage=stage.states.name, started_at=time.time())
        if slot_elsewhere:  # another daemon runs this slot's once-only part (Stage.before reads it)
            self.record.details["slot"] = "taken by another daemon"
        self.deadline = self.record.started_at + settings.run_deadline_seconds
        self.flight = _Flight()
        self._count_lock = threading.Lock()
        self._taken = 0
        self._no_more = threading.Event()
        self._halt = threading.Event()
        self._tally_lock = threading.Lock()
        self._deferred: dict[str, float] = {}  # given back for a moment -> due again at; the run waits
        self._deferred_on: dict[str, set[str]] = {}  # Deferred.key -> job ids waiting on it
        self._wake = threading.Event()
        self._seen: set[str] = set()
        # jobs this run tried and that failed: never claimed again by it, whatever their retry
        # delay (a delay shorter than the run would otherwise try a job twice in one run)
        self._retried: frozenset[str] = frozenset()

    def run(self) -> RunRecord:
        """Process claimable jobs until none is left, the limit or deadline is reached, or stop is set."""
        with structlog.contextvars.bound_contextvars(run_id=self.record.run_id, stage=self.stage.states.name):
            self.record.owner = policy.owner_name()  # a run whose owner dies is marked interrupted
            self.store.save_run(self.record)
            swept = policy.sweep_expired(self.store, self.stage.states, self.settings.max_retries)
            log.info("run started", swept_expired=swept, limit=self.limit,
                     concurrency=self.settings.concurrency)
            if self.stage.before:
                self._before()
            workers = [threading.Thread(target=self._worker, daemon=True, name=f"{self.stage.states.name}-{i}")
                       for i in range(self.stage.threads or self.settings.concurrency)]
            beat = threading.Thread(target=self._heartbeats, daemon=True, name="heartbeat")
            for thread in (*workers, beat):
                thread.start()
            self._wait(workers)
            self._no_more.set()
            self._after()
            self.record.finished_at = time.time()
            self._save_quietly()
            log.info("run finished", claimed=self.record.claimed, succeeded=self.record.succeeded,
                     retried=self.record.retried, failed=self.record.failed, released=self.record.released,
                     error=self.record.error, seconds=round(self.record.finished_at - self.record.started_at, 3))
        return self.record

    def _before(self) -> None:
        """The stage's start-of-run step; its failure is the run's error, never a crash."""
        ctx = self._context()
        assert self.stage.before is not None
        try:
            self.stage.before(self.store, ctx, self.record)
        except StoreUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001 - recorded on the run and logged
            self.record.error = f"{type(exc).__name__}: {exc}"
            log.error("start of run failed", error=self.record.error, exc_info=not isinstance(exc, PipelineError))

    def _after(self) -> None:
        if self.stage.after is None:
            return
        try:
            self.stage.after(self.store)
        except StoreUnavailable as exc:
            log.warning("end-of-run step could not reach the store", error=str(exc))

    def _wait(self, workers: list[threading.Thread]) -> None:
        """Join workers; once stop is set give in-flight work stop_timeout, then release it."""
        while any(t.is_alive() for t in workers):
            if self.stop.wait(0.05):
                end = time.time() + self.stop_timeout
                for thread in workers:
                    thread.join(max(0.0, end - time.time()))
                self._release_in_flight()
                return

    def _release_in_flight(self) -> None:
        with self.flight.lock:
            leftovers = dict(self.flight.leases)
            self.flight.leases.clear()
        for job_id, job in leftovers.items():
            try:
                if policy.release(self.store, job, self.stage.states):
                    self._count("released")
                    log.info("job released on stop", job_id=job_id)
            except StoreUnavailable as exc:
                log.warning("could not release job; its lease will expire", job_id=job_id, error=str(exc))

    def _reserve(self) -> bool:
        with self._count_lock:
            if self.limit is not None and self._taken >= self.limit:
                return False
            self._taken += 1
            return True

    def _unreserve(self) -> None:
        with self._count_lock:
            self._taken -= 1

    def _context(self) -> WorkContext:
        return WorkContext(self.record.run_id, self.stage.states.name, self.stop, self.deadline, self._halt,
                           self.store, self.record.details, self._tally_lock, self._wake_key)

    def _worker(self) -> None:
        ctx = self._context()
        while not ctx.stopping() and self._reserve():
            try:
                job = self.store.claim(self.stage.states, policy.owner_name(), self.settings.lease_seconds,
                                       exclude=self._retried)
            except Exception as exc:  # noqa: BLE001 - StoreUnavailable, or any driver error: the run's error
                self.record.error = str(exc) if isinstance(exc, StoreUnavailable) else f"{type(exc).__name__}: {exc}"
                log.warning("store unavailable; run stops claiming", error=self.record.error)
                return
            if job is None:
                self._unreserve()
                if not self._still_deferred():
                    return
                self._sleep_until_due(ctx)
                continue
            with self._count_lock:
                self._deferred.pop(job.id, None)
                first = job.id not in self._seen
                self._seen.add(job.id)
            if first:
                self._count("claimed")
            with self.flight.lock:
                self.flight.leases[job.id] = job
            try:
                with structlog.contextvars.bound_contextvars(run_id=self.record.run_id,
                                                             stage=self.stage.states.name, job_id=job.id):
                    self._process(job, ctx)
            finally:
                with self.flight.lock:
                    self.flight.leases.pop(job.id, None)

    def _process(self, job: ClaimedJob, ctx: WorkContext) -> None:
        states = self.stage.states
        try:
            result = self.stage.work(job, ctx)
        except HaltRun as exc:
            self._halt_run(job, exc)
            return
        except DailyLimit as exc:
            self._halt_run(job, exc)
            return
        except Deferred as exc:
            self._defer(job, exc)
            return
        except Exception as exc:  # noqa: BLE001 - every error is recorded on the job
            self._fail(job, exc, f"{type(exc).__name__}: {exc}")
            return
        try:
            out = result if isinstance(result, Output) else Output(data=result or {})
            done = self.store.complete(job.id, job.lease_token, states, out.data, out.content, out.status)
        except StoreUnavailable as exc:
            log.warning("store unavailable at completion; the job will be retried", error=str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - e.g. a value the store cannot encode: the job's error
            message = f"storing the result failed: {type(exc).__name__}: {exc}"
            self.record.error = self.record.error or message
            self._fail(job, exc, message)
            return
        if done:
            other_end = out.status is not None and out.status != states.output
            self._count("skipped" if other_end else "succeeded")
            log.info(f"job {out.status}" if other_end else "job succeeded", attempt=job.attempts.get(states.name))
        else:
            log.warning("job finished after its lease was lost; result dropped")

    def _fail(self, job: ClaimedJob, exc: Exception, message: str) -> None:
        """Retry or fail the job by the usual rules, with the cause on the job and in the log."""
        states, s = self.stage.states, self.settings
        permanent = isinstance(exc, PermanentError)
        with self._count_lock:  # before the move: another worker's claim must not see it due first
            self._retried = self._retried | {job.id}
        try:
            outcome = policy.fail(self.store, job, states, message, permanent=permanent, max_retries=s.max_retries,
                                  retry_base=s.retry_base_seconds, retry_max=s.retry_max_seconds)
        except Exception as store_exc:  # noqa: BLE001 - the store cannot take even the error
            log.warning("could not record the job's error; its lease will expire and it will be retried",
                        error=message, store_error=f"{type(store_exc).__name__}: {store_exc}")
            outcome = None
        if outcome:
            self._count("retried" if outcome == "retried" else "failed")
        log.warning("job " + (outcome or "lost its lease"), error=message, permanent=permanent,
                    attempt=job.attempts.get(states.name), exc_info=not isinstance(exc, PipelineError))

    def _still_deferred(self) -> bool:
        """Forget deferred jobs another worker or process has taken on meanwhile, and count them
        (TAKEN_ELSEWHERE): the run did its part for them."""
        with self._count_lock:
            waiting = [job_id for job_id, due in self._deferred.items() if due <= time.time()]
        for job_id in waiting:
            try:
                job = self.store.get(job_id)
            except StoreUnavailable:
                return False  # its lease or due time will bring it back next run
            if job is None or job.status != self.stage.states.input:
                with self._count_lock:  # still ours to forget, and not claimed again by a worker here
                    mine = self._deferred.pop(job_id, None) is not None
                    taken = job is None or job.status != State.FAILED and job.lease_owner != policy.owner_name()
                    if mine and taken:  # a job another process failed is no part done: not counted
                        details = self.record.details
                        details[TAKEN_ELSEWHERE] = details.get(TAKEN_ELSEWHERE, 0) + 1
        return bool(self._deferred)

    def _sleep_until_due(self, ctx: WorkContext) -> None:
        """No spinning while other work holds what deferred jobs need: sleep until the first is due
        (or the run is stopped); only due ones are then looked at and claimed again."""
        with self._count_lock:
            first = min(self._deferred.values(), default=time.time())
        # a wake-up (a company finished here) ends the wait early; stop is looked at every 0.5 s
        self._wake.wait(max(0.01, min(first - time.time(), self.deadline - time.time(), 0.5)))
        self._wake.clear()
        if ctx.stopping():
            with self._count_lock:
                self._deferred.clear()

    def _wake_key(self, key: str) -> None:
        """Make the jobs deferred on `key` due now, in the store and here, and wake sleeping workers."""
        with self._count_lock:
            waiting = self._deferred_on.pop(key, set())
        for job_id in waiting:
            try:
                if policy.make_due(self.store, job_id, self.stage.states):
                    with self._count_lock:
                        if job_id in self._deferred:
                            self._deferred[job_id] = time.time()
            except StoreUnavailable:
                return
        if waiting:
            self._wake.set()

    def _defer(self, job: ClaimedJob, exc: Deferred) -> None:
        try:
            if policy.release(self.store, job, self.stage.states, delay=exc.delay, quiet=True):
                with self._count_lock:
                    self._deferred[job.id] = time.time() + exc.delay
                    if exc.key:
                        self._deferred_on.setdefault(exc.key, set()).add(job.id)
                    self.record.details["deferred"] = self.record.details.get("deferred", 0) + 1
                    self._taken -= 1
        except StoreUnavailable:
            pass
        log.debug("job deferred", reason=str(exc))

    def _halt_run(self, job: ClaimedJob, exc: HaltRun | DailyLimit) -> None:
        """The site asked us to stop, or a daily limit is reached: give the job back untouched and
        claim nothing more. Only the first is an error of the run."""
        self._halt.set()
        if isinstance(exc, DailyLimit) or self.stop.is_set():
            self.record.details["stopped"] = str(exc)
        else:
            self.record.error = self.record.error or f"{type(exc).__name__}: {exc}"
        if isinstance(exc, NetworkDown):
            note_outage(self.record, str(exc))
        try:
            if policy.release(self.store, job, self.stage.states):
                self._count("released")
        except StoreUnavailable:
            pass
        if isinstance(exc, DailyLimit) or self.stop.is_set():
            log.info("run stopped", reason=str(exc))
        else:
            log.error("run halted: the site asked us to stop", error=str(exc))

    def _count(self, outcome: str) -> None:
        with self._count_lock:
            setattr(self.record, outcome, getattr(self.record, outcome) + 1)
        if self.on_job and outcome != "claimed":
            self.on_job(outcome)

    def _heartbeats(self) -> None:
        """Extend the leases in flight, and note on the run when it was last seen alive."""
        interval, noted = max(0.05, self.settings.lease_seconds / 3), time.time()
        while not self._no_more.wait(interval):
            if time.time() - noted >= 30:
                noted = self.record.last_seen = time.time()
                self._save_quietly()
            with self.flight.lock:
                leases = {job_id: job.lease_token for job_id, job in self.flight.leases.items()}
            for job_id, token in leases.items():
                try:
                    if not self.store.heartbeat(job_id, token, self.settings.lease_seconds):
                        log.warning("lease lost during work", job_id=job_id)
                except StoreUnavailable:
                    pass

    def _save_quietly(self) -> None:
        with self._tally_lock:  # workers add to details meanwhile: save a copy
            record = dataclasses.replace(self.record, details=dict(self.record.details))
        try:
            self.store.save_run(record)
        except StoreUnavailable as exc:
            log.warning("could not record the run", error=str(exc))


def note_outage(record: RunRecord, reason: str) -> None:
    """Mark the run as paused by a network outage: the daemon runs the stage again at its next tick."""
    record.details["outage"] = reason


def run_stage(store: JobStore, stage: Stage, settings: StageConfig, **kwargs: Any) -> RunRecord:
    """Run one stage once over what is claimable now; see StageRun."""
    return StageRun(store, stage, settings, **kwargs).run()
