"""APScheduler 3.x jobs built from the YAML at every start; no persistent APScheduler job store.

Each enabled stage that exists gets a cron job (coalesce, one instance, generous misfire grace,
so a run missed while the laptop slept runs once when it wakes) and one run right at start, to
pick up work already waiting. A health tick pings the store, logs once per tick while it is
unreachable, sweeps expired leases, and runs every stage again when the store comes back.

The tick matters after a real system suspend too: APScheduler sleeps on the monotonic clock,
which stops while the machine sleeps, so without a short periodic job the overdue run would wait
out the rest of its pre-sleep timer. With the tick, a missed run starts at most tick_seconds
after wake.
"""

import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from tzlocal import get_localzone

from pipeline.config.loading import Config
from pipeline.engine import policy
from pipeline.engine.runner import Stage, run_stage
from pipeline.errors import StoreUnavailable
from pipeline.logs import get_logger
from pipeline.store.base import JobStore

log = get_logger("pipeline.scheduler")


def timezone(config: Config) -> tzinfo:
    """The configured zone, else this machine's."""
    return ZoneInfo(config.daemon.timezone) if config.daemon.timezone else get_localzone()


def cron_trigger(config: Config, stage: str) -> CronTrigger:
    return CronTrigger(**config.stages[stage].schedule, timezone=timezone(config))


def next_runs(config: Config, stage_names: list[str]) -> dict[str, datetime | None]:
    """When each enabled stage will next run, computed from the config alone."""
    now = datetime.now(timezone(config))
    return {name: cron_trigger(config, name).get_next_fire_time(None, now) if config.stages[name].enabled else None
            for name in stage_names}


class ScheduledJob(ABC):
    """What the scheduler calls: one run at a time, none after a stop, and never an error reaching
    APScheduler (a bug in one run must not take the daemon down)."""

    name = ""

    def __init__(self, daemon: "Scheduler") -> None:
        self.daemon = daemon
        self.busy = threading.Lock()

    def __call__(self, scheduled: bool = False) -> None:
        if self.daemon.stop.is_set():
            return
        if not self.busy.acquire(blocking=False):
            log.info("previous run still going; skipped", stage=self.name)
            return
        try:
            self.run(scheduled)
        except StoreUnavailable as exc:
            self.daemon.store_down(exc)
        except Exception:  # noqa: BLE001 - see the class docstring
            log.exception("run crashed", stage=self.name)
        finally:
            self.busy.release()

    @abstractmethod
    def run(self, scheduled: bool) -> None:
        """The work of one run (a stage's claim loop, the mailbox sync)."""


class StageJob(ScheduledJob):
    """One stage's runs."""

    def __init__(self, daemon: "Scheduler", stage: Stage) -> None:
        super().__init__(daemon)
        self.stage = stage
        self.name = stage.states.name

    def run(self, scheduled: bool) -> None:
        """A scheduled (cron) run first takes its slot in the store: of several daemons sharing one
        store, one does the run's once-per-slot part (the scrape stage's searches); the others
        still claim work."""
        name = self.name
        settings = self.daemon.config.stages[name]
        resolution = 1 if "second" in settings.schedule else 60
        elsewhere = scheduled and not policy.take_slot(self.daemon.store, name, time.time(), resolution)
        if elsewhere:
            log.info("this slot's run was taken by another daemon; claiming work only", stage=name)
        record = run_stage(self.daemon.store, self.stage, settings, limit=settings.batch_size,
                           stop=self.daemon.stop, stop_timeout=self.daemon.config.daemon.stop_timeout_seconds,
                           slot_elsewhere=elsewhere)
        if record.details.get("outage"):  # a network outage pauses the stage; the next tick retries it
            log.warning("network unreachable; the stage runs again at the next tick", stage=name)
            self.daemon.after_outage.add(name)


MAILBOX = "mailbox"


class MailboxJob(ScheduledJob):
    """The mailbox sync on its schedule: a scheduled job like a stage's, but no stage (it claims no
    jobs), run in a process of its own (pipeline.mailbox.run: its memory and its parsing are not the
    daemon's). An unreachable server pauses it with nothing changed and runs it again at the next
    tick; a wrong password is the run's error (status, the log, the page)."""

    name = MAILBOX

    def run(self, scheduled: bool) -> None:
        from pipeline.mailbox.run import run_in_child

        if run_in_child(self.daemon.config, self.daemon.stop) == "outage":
            self.daemon.after_outage.add(MAILBOX)


def mailbox_trigger(config: Config) -> CronTrigger | None:
    """The mailbox sync's schedule; None when there is no mailbox or it is disabled."""
    settings = config.mailbox
    return CronTrigger(**settings.schedule, timezone=timezone(config)) if settings and settings.enabled else None


class Scheduler:
    """The daemon's clock: stage cron jobs, the mailbox sync and the health tick."""

    def __init__(self, config: Config, store: JobStore, stages: dict[str, Stage], stop: threading.Event) -> None:
        self.config, self.store, self.stop = config, store, stop
        self.stages = {n: s for n, s in stages.items() if config.stages[n].enabled}
        self.jobs: dict[str, ScheduledJob] = {n: StageJob(self, s) for n, s in self.stages.items()}
        if mailbox_trigger(config):
            self.jobs[MAILBOX] = MailboxJob(self)
        self.down = False
        self.after_outage: set[str] = set()  # stages halted by a network outage: run again next tick
        self.pruned_at = 0.0  # monotonic time of the last pruning (once a day, the first at the first regular tick)
        self.on_tick: Callable[[], None] | None = None
        self.aps = BackgroundScheduler(timezone=timezone(config), job_defaults={
            "coalesce": True, "max_instances": 1, "misfire_grace_time": config.daemon.misfire_grace_seconds})

    def start(self) -> None:
        try:
            for stage in policy.mark_interrupted(self.store):
                log.warning("the last run was interrupted (its process ended before it finished)", stage=stage)
        except StoreUnavailable as exc:
            self.store_down(exc)
        for name, job in self.jobs.items():
            trigger = mailbox_trigger(self.config) if name == MAILBOX else cron_trigger(self.config, name)
            self.aps.add_job(job, trigger, id=name, name=name, kwargs={"scheduled": True})
        self.aps.add_job(self.tick, IntervalTrigger(seconds=self.config.daemon.tick_seconds), id="tick",
                         name="tick")
        self.aps.start()
        self.tick(recover=False)  # a dead predecessor's leases come back now; the start runs take them
        # (no pruning in this first tick: `start` waits for it; the first regular tick prunes)
        self.run_all_now("start")

    def run_all_now(self, reason: str) -> None:
        """One extra run of every stage now (at start, and when the store is back)."""
        for name, job in self.jobs.items():
            self.aps.add_job(job, id=f"{name}-{reason}", name=f"{name} ({reason})", replace_existing=True)

    def schedule_state(self) -> dict[str, dict[str, Any]]:
        """Each scheduled stage's next run as this daemon really has it (for `status`)."""
        found = {}
        for name in self.jobs:
            job = self.aps.get_job(name)
            when = getattr(job, "next_run_time", None) if job else None
            found[name] = {"scheduled": True, "next_run": when.timestamp() if when else None}
        return found

    def store_down(self, exc: Exception) -> None:
        self.down = True
        log.error("store unreachable; the daemon waits for it", error=str(exc))

    def tick(self, recover: bool = True) -> None:
        """Ping the store and sweep abandoned leases; a stage that got jobs back runs at once (a
        recovery run), not at its next cron time. Logs once per tick while the store is down."""
        if self.on_tick:
            self.on_tick()
        try:
            self.store.ping()
            for name, stage in self.stages.items():
                swept = policy.sweep_expired(self.store, stage.states, self.config.stages[name].max_retries)
                if swept and recover and not self.stop.is_set():
                    log.info("abandoned jobs taken back; recovery run now", stage=name, jobs=swept)
                    self.aps.add_job(self.jobs[name], id=f"{name}-recovery", name=f"{name} (recovery)",
                                     replace_existing=True)
            if recover:
                self.prune()
            for name in list(self.after_outage):
                self.after_outage.discard(name)
                if recover and not self.stop.is_set():
                    self.aps.add_job(self.jobs[name], id=f"{name}-after-outage", name=f"{name} (after outage)",
                                     replace_existing=True)
        except StoreUnavailable as exc:
            self.store_down(exc)
            return
        if self.down:
            self.down = False
            log.info("store reachable again; resuming")
            self.run_all_now("resume")

    def prune(self) -> None:
        """Once a day: old run records go, finished jobs' history shrinks to its last move."""
        if self.pruned_at and time.monotonic() - self.pruned_at < 86400:
            return
        self.pruned_at = time.monotonic()
        runs, jobs = policy.prune(self.store, self.config.storage.keep_days)
        if runs or jobs:
            log.info("pruned old records", runs=runs, jobs_compacted=jobs, keep_days=self.config.storage.keep_days)

    def shutdown(self) -> None:
        """Stop scheduling; running stages see the stop event, finish or release, then return."""
        self.aps.shutdown(wait=True)
