"""The scrape stage: search every configured source, then fetch details for pending jobs.

At the start of each run, every search asks its sources for postings. Each posting is admitted
once: a job already stored is refreshed (status untouched); the same posting from another source
is stored as `duplicate`, linked to the first; a new one is counted against today's persisted
`max_jobs_per_day`. Blocks, 429 give-ups and markup drift are errors on the run, never "0 new
jobs". The per-job work then moves `pending` jobs (LinkedIn cards) to `scraped` with their detail.
"""

import dataclasses
import os
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

from pipeline import constants as c
from pipeline.companies.identity import company_key
from pipeline.config.catalog import SOURCES, stage_states
from pipeline.config.loading import Config, SearchConfig
from pipeline.config.settings import ScrapeSettings
from pipeline.engine.runner import Stage, WorkContext, note_outage
from pipeline.errors import NetworkDown, PermanentError, RetryableError, Stopped
from pipeline.logs import get_logger
from pipeline.postings.duplicates import demote, find_twin, store_duplicate, supersedes
from pipeline.postings.expiry import expire_missing
from pipeline.records import Job, NewJob, Output, RunRecord
from pipeline.sources import build_fetcher, build_sources
from pipeline.sources.base import SearchReport, Source
from pipeline.store.base import JobStore
from pipeline.timeutil import utc_iso

log = get_logger("pipeline.scrape")


class _Stop(Exception):
    """The daily cap or the run's --max-jobs is reached, or the network is down (`outage` says
    why): no more searching this run."""

    def __init__(self, outage: str = "") -> None:
        super().__init__(outage)
        self.outage = outage


class Scrape:
    """Holds the sources and one Fetcher for the stage's lifetime."""

    def __init__(self, config: Config, store: JobStore | None = None, *, max_jobs: int | None = None,
                 keywords: str | None = None, location: str | None = None, source: str | None = None) -> None:
        self.config, self.store, self.max_jobs, self.only_source = config, store, max_jobs, source
        self.settings: ScrapeSettings = config.stage(c.SCRAPE)
        self.sources = build_sources(config)
        self.fetcher = build_fetcher(config)
        self.searches = self._searches(keywords, location)

    def _searches(self, keywords: str | None, location: str | None) -> tuple[SearchConfig, ...]:
        if keywords:
            sources = (self.only_source,) if self.only_source else ("linkedin",)
            if location is None:
                location = os.environ.get(c.ENV_LOCATION, "")  # as for the configured default search
            return (SearchConfig(keywords=keywords, location=location, name=keywords, sources=sources),)
        searches = self.config.searches
        if location is not None:
            searches = tuple(dataclasses.replace(s, location=location) for s in searches)
        return searches

    def stage(self) -> Stage:
        return Stage(stage_states(c.SCRAPE), self.fetch_detail, before=self.collect, summary=summary)

    # -- searching ------------------------------------------------------------------------------

    def collect(self, store: JobStore, ctx: WorkContext, record: RunRecord) -> None:
        """Run every search; record new / updated / duplicates / capped / errors on the run. When
        another daemon on the same store took this scheduled slot, it searches; this one does not."""
        self.fetcher.reset(ctx.stop, store.reserve)
        if record.details.get("slot"):
            log.info("searches skipped: another daemon took this slot", slot=record.details["slot"])
            return
        for source in self.sources.values():
            source.report = SearchReport()
        counts: Counter[str] = Counter()
        errors: list[str] = []
        if not self.searches:
            errors.append(f"no search configured: set {c.ENV_KEYWORDS} in .env or add `searches:` to the config, "
                          "or run with --keywords")
        outage = ""
        try:
            for search in self.searches:
                for name in search.sources:
                    if self.only_source and name != self.only_source:
                        continue
                    if ctx.stopping():
                        raise _Stop
                    self._search_one(store, search, name, counts, errors)
        except _Stop as stop:
            outage = stop.outage
        for name, source in self.sources.items():
            errors += self._source_errors(store, name, source)
        expired = sum(expire_missing(store, name, board, ids, self.settings.expire_after_missing)
                      for name, source in self.sources.items() for board, ids in source.report.listed.items())
        record.details.update({"new": counts["new"], "updated": counts["updated"], "duplicates": counts["duplicate"],
                               "capped": counts["capped"], "expired": expired, "errors": errors,
                               "requests": self.fetcher.requests})
        if outage:
            note_outage(record, outage)
        if errors:
            record.error = "; ".join(errors)
        log.info("search finished", **{k: v for k, v in record.details.items() if k != "errors"},
                 errors=len(errors))

    def _search_one(self, store: JobStore, search: SearchConfig, name: str, counts: Counter[str],
                    errors: list[str]) -> None:
        source = self.sources.get(name)
        if source is None:
            errors.append(f"{name}: source is disabled (sources.{name}.enabled)")
            return
        if SOURCES[name].needs_boards and not self.config.sources[name].boards:
            errors.append(f"{name}: no boards to read; name them in sources.{name}.boards")
            return
        found, resume = 0, resume_key(name, search.name)
        search = dataclasses.replace(search, resume_from=int(store.quota_used(resume)))

        def known(source_id: str) -> bool:
            return store.find(name, source_id, "") is not None
        try:
            for job in source.search(search, self.fetcher, known):
                outcome = self.admit(store, job)
                counts[outcome] += 1
                if outcome == "capped":
                    self._capped(store, source, job, known, resume, counts)
                    raise _Stop
                found += outcome == "new"
                if self.max_jobs and counts["new"] >= self.max_jobs:
                    raise _Stop
                if search.max_jobs and found >= search.max_jobs:
                    break
            else:
                if search.resume_from:  # the search went past where the cap stopped it: from the top again
                    store.set_value(resume, 0)
        except (Stopped, NetworkDown) as exc:  # no other source can do better: stop searching
            errors.append(f"{name} ({search.name}): {exc}")
            log.error("searching stopped", source=name, search=search.name, error=str(exc))
            raise _Stop(str(exc) if isinstance(exc, NetworkDown) else "") from None
        except (RetryableError, PermanentError) as exc:  # blocks, drift, 429 give-ups, gone, network trouble
            errors.append(f"{name} ({search.name}): {exc}")
            log.error("source failed", source=name, search=search.name, error=str(exc))

    def _source_errors(self, store: JobStore, name: str, source: Source) -> list[str]:
        """Once a run, after every search: the boards that could not be read (with their streak of
        failed runs; a board read ends its streak) and the pages whose markup drifted in part."""
        errors = []
        for board, error in source.report.failed.items():
            errors.append(f"{name} board {board!r}: {error}" + board_streak(store, name, board, failed=True))
            log.error("board failed; the other boards were read", source=name, board=board, error=error)
        for board in source.report.listed:
            board_streak(store, name, board, failed=False)
        for drift in dict.fromkeys(source.report.drift):  # every search may see the same page
            errors.append(f"{name} drift: {drift}")
            log.error("parser drift: cards kept but flagged", source=name, drift=drift)
        return errors

    def _capped(self, store: JobStore, source: Source, job: NewJob, known: Callable[[str], bool], resume: str,
                counts: Counter[str]) -> None:
        """The daily cap stopped this search: count the page's other new cards as capped too, and
        remember the page, so tomorrow's run resumes there even when its first page is all known."""
        page = source.report.page
        ids = [card.source_id for card in page]
        rest = page[ids.index(job.source_id) + 1:] if job.source_id in ids else []
        counts["capped"] += sum(not known(card.source_id) for card in rest)
        store.set_value(resume, source.report.position)
        log.info("daily cap reached", limit=self.settings.max_jobs_per_day, resumes_at=source.report.position)

    def admit(self, store: JobStore, job: NewJob) -> str:
        """Store one posting: 'updated', 'duplicate', 'capped' or 'new'."""
        job = dataclasses.replace(job, company_key=company_key(job.company))
        if store.find(job.source, job.source_id, job.url):
            store.upsert_job(job)
            return "updated"
        twin = find_twin(store, job)
        if twin and not supersedes(job, twin):
            store_duplicate(store, job, twin)
            return "duplicate"
        cap = self.settings.max_jobs_per_day
        if cap and not store.take_quota(daily_key(), cap):
            return "capped"
        store.upsert_job(job)
        if twin:
            demote(store, twin, job)
        return "new"

    # -- details --------------------------------------------------------------------------------

    def fetch_detail(self, job: Job, ctx: WorkContext) -> Output | dict[str, Any]:
        source = self.sources.get(job.source)
        if source is None:
            raise PermanentError(f"no source can fetch details for {job.source!r} jobs; "
                                 "import them with a description, or `main.py mark JOB_ID scraped`")
        return source.fetch_detail(job, self.fetcher)


def summary(d: dict[str, Any]) -> list[str]:
    """What the searches of one run found, for `run-stage scrape`."""
    if "new" not in d:
        return []
    return [f"scrape search: new {d['new']}, updated {d['updated']}, duplicates {d['duplicates']}, "
            f"skipped by the daily cap {d['capped']}, expired {d.get('expired', 0)}, errors {len(d['errors'])}",
            *(f"  error: {error}" for error in d["errors"])]


GONE_AFTER_DAYS = 7  # a board failing this long is probably gone: say so


def board_streak(store: JobStore, source: str, board: str, *, failed: bool) -> str:
    """Count a board's failed runs in a row (a read resets it); the note for the run's error:
    how many runs and since when, and after GONE_AFTER_DAYS, "remove it from the config?"."""
    key = f"scrape:board-failures:{source}:{board}"
    if not failed:
        if store.quota_used(key):
            store.set_value(key, 0)
        return ""
    runs = int(store.add_spend(key, 1))
    if runs == 1:
        store.set_value(key + ":since", time.time())
    since = store.quota_used(key + ":since") or time.time()
    days = (time.time() - since) / 86400
    note = f" (failed {runs} run{'s' if runs > 1 else ''} in a row since {utc_iso(since)[:10]}"
    return note + (f"; failing for {days:.0f} days: gone? remove it from the config)" if days >= GONE_AFTER_DAYS
                   else ")")


def resume_key(source: str, search: str) -> str:
    """Where a search the daily cap stopped resumes (a page start; 0: from the top)."""
    return f"scrape:resume:{source}:{search}"


def daily_key(day: date | None = None) -> str:
    """The quota key of one local calendar day."""
    return f"scrape:new:{(day or date.today()).isoformat()}"


def make_stage(config: Config, **options: Any) -> Stage:
    return Scrape(config, **options).stage()
