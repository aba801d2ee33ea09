"""What a person looks at, as plain data: a job with its history, company and contacts; counts by
state and stage; today's LLM spend; the daemon's status. The CLI prints these and `--json` dumps
them; the review page renders the same dicts, so both always agree.
"""

import re
import time
from collections import Counter
from dataclasses import asdict
from typing import Any

from pipeline.companies.contacts import job_contacts
from pipeline.config.catalog import STAGES, all_states
from pipeline.config.loading import Config, config_warnings, store_description
from pipeline.engine.counters import skipped_key, spend_key
from pipeline.errors import StoreUnavailable
from pipeline.outreach import review
from pipeline.records import Job, RunRecord
from pipeline.states import State, states_where
from pipeline.store import JobStore, open_store
from pipeline.timeutil import utc_iso

TIME_FIELDS = ("next_attempt_at", "lease_expires_at", "created_at", "updated_at", "first_seen_at",
               "last_seen_at", "started_at", "finished_at", "at", "enriched_at", "locked_until")


def iso(ts: float | None) -> str | None:
    """Epoch seconds -> ISO-8601 UTC, the form every --json output and page uses."""
    return utc_iso(ts) if ts else None


def isoize(values: dict[str, Any]) -> dict[str, Any]:
    return {k: iso(v) if k in TIME_FIELDS and isinstance(v, (int, float)) else v for k, v in values.items()}


def job_dict(job: Job) -> dict[str, Any]:
    """A job as --json prints it (stable: fields are only ever added)."""
    values = asdict(job)
    values.pop("lease_token")
    return isoize(values)


def run_dict(run: RunRecord) -> dict[str, Any]:
    return isoize(asdict(run))


def job_view(store: JobStore, job_id: str) -> dict[str, Any] | None:
    """Everything known about one job: its fields, history, company record and ranked contacts."""
    job = store.get(job_id)
    return _job_record(store, job) if job else None


def version(job: Job) -> str:
    """What a change made on a page is conditional on: the job as it was read (any write moves it)."""
    return repr(job.updated_at)


def job_page(store: JobStore, job_id: str) -> dict[str, Any] | None:
    """job_view, with the version a page's changes are made from and its drafts' review states."""
    job = store.get(job_id)
    if job is None:
        return None
    record = _job_record(store, job)
    record["version"] = version(job)
    record["draft_states"] = [review.state_of(d) for d in job.data.get("drafts") or []]
    return record


def _job_record(store: JobStore, job: Job) -> dict[str, Any]:
    job_id = job.id
    record = job_dict(job)
    record["history"] = [isoize(e) for e in store.events(job_id)]
    company_id = job.linked_company
    company = store.find_company([company_id]) if company_id else None
    record["company_record"] = isoize(company) if company else None
    record["contacts"] = job_contacts(job, company) if company else []
    return record


def job_row(job: Job) -> dict[str, Any]:
    """A job as one line of a list: what it is, where it stands, how its drafts stand."""
    drafts = Counter(review.state_of(d) for d in job.data.get("drafts") or [])
    return {"id": job.id, "title": job.title, "company": job.company, "location": job.location, "source": job.source,
            "url": job.url, "status": job.status, "score": job.score, "created_at": job.created_at,
            "version": version(job), "drafts": dict(drafts), "last_error": job.last_error,
            "error_stage": job.error_stage, "suspicious": job.data.get("suspicious")}


def queue_page(store: JobStore, status: str | None, *, search: str = "", source: str | None = None,
               since: float | None = None, sort: str = "new", page: int = 1, per_page: int = 50) -> dict[str, Any]:
    """One page of a state's jobs (searched, filtered, sorted) and the counts by state: the review
    page's queue. One row more than the page is read, to know whether another page follows."""
    found = store.list_jobs(status, per_page + 1, sort, since, search=search, source=source,
                            offset=(page - 1) * per_page)
    return {"jobs": [job_row(j) for j in found[:per_page]], "has_next": len(found) > per_page,
            "counts": store.counts()}


def recent_failures(store: JobStore, limit: int = 10) -> list[dict[str, Any]]:
    """The newest failed jobs, with the stage and error each failed with."""
    return [job_row(j) for j in store.list_jobs(State.FAILED, limit)]


def passed_states(stage: str) -> set[str]:
    """The states of jobs that have passed a stage: its output, every state of the stages after
    it, and the states a person's action leaves a job in (applied, contacted, ...: stats' "done")."""
    names = list(STAGES)
    later = [STAGES[n].states for n in names[names.index(stage) + 1:]]
    return {STAGES[stage].states.output, *states_where("done"), *(s.working for s in later),
            *(s.output for s in later)}


def llm_spend(config: Config, store: JobStore) -> dict[str, float | None]:
    """Today's LLM spend, every stage's calls together, and the cap (None: no cap)."""
    return {"today_usd": round(float(store.quota_used(spend_key())), 6), "cap_usd": config.llm.daily_cost_cap_usd}


def stats(config: Config, store: JobStore) -> dict[str, Any]:
    """Counts by state, and per stage: waiting, working, done, failed and the last run."""
    counts = store.counts()
    failed = store.failed_by_stage()
    runs = store.last_runs()
    stages = {}
    for name, spec in STAGES.items():
        states = spec.states
        stages[name] = {"waiting": counts.get(states.input, 0), "working": counts.get(states.working, 0),
                        "done": sum(counts.get(s, 0) for s in passed_states(name)), "failed": failed.get(name, 0),
                        "last_run": run_dict(runs[name]) if name in runs else None}
    return {"total": sum(counts.values()), "by_status": {s: counts.get(s, 0) for s in all_states()},
            "stages": stages, "skipped_for_fit_today": int(store.quota_used(skipped_key())),
            "llm_spend": llm_spend(config, store)}


def daemon_status(config: Config) -> dict[str, Any]:
    """Running or stopped, PID, uptime, memory, next and last run per stage, counts by status."""
    from pipeline.service import daemon
    from pipeline.service.scheduler import next_runs
    from pipeline.stages import built_stage_names, not_ready_reasons

    now = daemon.state(config)
    info = daemon.process_info(now.pid) if now.running and now.pid else {}
    not_ready = not_ready_reasons(config)
    built = built_stage_names() - set(not_ready)
    nexts = next_runs(config, list(STAGES))
    result: dict[str, Any] = {"running": now.running, "pid": now.pid if now.running else None,
                              "stale_pid_file": now.stale, **info, "stages": {}, "counts": None, "store_error": None}
    try:
        store = open_store(config)
        result["counts"] = store.counts()
        result["llm_spend"] = llm_spend(config, store)
        runs = store.last_runs()
        store.close()
    except StoreUnavailable as exc:
        result["store_error"], runs = str(exc), {}
    actual = daemon.read_state(config, now.pid) if now.running else None
    result["store"] = store_description(config)
    result["schedule_from"] = "daemon" if actual else "config"
    result["config_changed"] = bool(actual and actual.get("fingerprint") != daemon.fingerprint(config))
    result["warnings"] = config_warnings(config)
    result["web"] = review_page_status(config, actual)
    for name in STAGES:
        scheduled = name in built and config.stages[name].enabled
        next_at = next_run.timestamp() if scheduled and (next_run := nexts[name]) else None
        if actual:  # what the running daemon really scheduled, not what the config on disk says
            mine = (actual.get("stages") or {}).get(name) or {"scheduled": False, "next_run": None}
            scheduled, next_at = bool(mine.get("scheduled")), mine.get("next_run")
            if not scheduled:
                not_ready[name] = str(mine.get("reason") or not_ready.get(name) or "not scheduled by the daemon")
        result["stages"][name] = {
            "scheduled": scheduled, "built": name in built, "enabled": config.stages[name].enabled,
            "not_ready": not_ready.get(name), "next_run": iso(next_at),
            "last_run": run_dict(runs[name]) if name in runs else None}
    result["mailbox"] = mailbox_status(config, runs, actual)
    return result


def review_page_status(config: Config, daemon_state: dict[str, Any] | None) -> dict[str, Any]:
    """Where the review page is: the URL the running daemon serves it on, or why it is not served."""
    web = (daemon_state or {}).get("web") or {}
    if web.get("url"):
        return {"url": web["url"], "served": True}
    if daemon_state is None:
        why = "the daemon is stopped"
    elif web.get("disabled") or not config.web.enabled:
        why = "web.enabled is false"
    else:
        why = web.get("error") or "this daemon did not serve it"
    return {"url": None, "served": False, "why": why}


def mailbox_status(config: Config, runs: dict[str, RunRecord], actual: dict[str, Any] | None) -> dict[str, Any]:
    """The mailbox sync for `status` and the page: configured or not, its next run, its last run and
    that run's error (a refused login shows here, never as "0 replies")."""
    if config.mailbox is None:
        return {"configured": False}
    from datetime import datetime

    from pipeline.service.scheduler import mailbox_trigger, timezone

    trigger = mailbox_trigger(config)
    upcoming = trigger.get_next_fire_time(None, datetime.now(timezone(config))) if trigger else None
    next_at = upcoming.timestamp() if upcoming else None
    if actual:  # what the running daemon scheduled
        next_at = ((actual.get("stages") or {}).get("mailbox") or {}).get("next_run")
    last = runs.get("mailbox")
    return {"configured": True, "enabled": config.mailbox.enabled,
            "account": f"{config.mailbox.user} at {config.mailbox.host}", "next_run": iso(next_at),
            "last_run": run_dict(last) if last else None, "error": last.error if last else None}


def replies(store: JobStore) -> list[dict[str, Any]]:
    """Every message the mailbox matched to a job, waiting ones first, then newest first: what
    `main.py replies` lists and the review page shows (every text already sanitised; escape it
    on the way out all the same)."""
    from pipeline.mailbox.match import STATES
    from pipeline.mailbox.outcomes import MAIL, NEXT_CONTACT, WAITING

    rows = []
    for status in (*STATES, State.REJECTED):
        for job in store.list_jobs(status):
            for n, entry in enumerate(job.data.get(MAIL) or [], 1):
                bounce = {"next_contact": job.data.get(NEXT_CONTACT)} if entry.get("label") == "bounce" else {}
                rows.append({"job_id": job.id, "n": n, "company": job.company, "title": job.title,
                             "status": job.status, **entry, **bounce})
    return sorted(rows, key=lambda r: (r.get("state") != WAITING, -_epoch(r.get("date"))))


def _epoch(stamp: Any) -> float:
    from datetime import datetime

    try:
        return datetime.fromisoformat(str(stamp).replace("Z", "+00:00")).timestamp()
    except ValueError:
        return 0.0


def since_seconds(text: str, now: float | None = None) -> float:
    """'today' (local midnight), '24h', '7d', '90m' -> epoch seconds; ValueError for anything else."""
    now = time.time() if now is None else now
    if text == "today":
        local = time.localtime(now)
        return time.mktime((local.tm_year, local.tm_mon, local.tm_mday, 0, 0, 0, 0, 0, -1))
    match = re.fullmatch(r"(\d+)([mhd])", text.strip())
    if not match:
        raise ValueError(f"--since takes today, or a number with m, h or d (24h, 7d), not {text!r}")
    return now - int(match.group(1)) * {"m": 60, "h": 3600, "d": 86400}[match.group(2)]

