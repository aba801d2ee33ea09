"""What each CLI command does; cli.py only parses arguments and calls these."""

import re
import signal
import sys
import threading
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from pipeline import constants as c
from pipeline import display, policy
from pipeline.catalog import STAGES, all_states, markable_states, stage_states
from pipeline.config import Config, config_warnings, effective, store_description
from pipeline.contacts import job_contacts
from pipeline.counters import skipped_key, spend_key
from pipeline.display import iso
from pipeline.errors import StoreUnavailable
from pipeline.states import Event, State, states_where
from pipeline.store import Job, JobStore, RunRecord, open_store

TIME_FIELDS = ("next_attempt_at", "lease_expires_at", "created_at", "updated_at", "first_seen_at",
               "last_seen_at", "started_at", "finished_at", "at", "enriched_at", "locked_until")


def _isoize(values: dict[str, Any]) -> dict[str, Any]:
    return {k: iso(v) if k in TIME_FIELDS and isinstance(v, (int, float)) else v for k, v in values.items()}


def job_dict(job: Job) -> dict[str, Any]:
    """A job as --json prints it (stable: fields are only ever added)."""
    values = asdict(job)
    values.pop("lease_token")
    return _isoize(values)


def run_dict(run: RunRecord) -> dict[str, Any]:
    return _isoize(asdict(run))


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


def list_jobs(config: Config, status: str | None, limit: int | None, as_json: bool, sort: str = "new",
              since: str | None = None) -> int:
    if status and status not in all_states():
        print(f"unknown status {status!r}; known: {', '.join(all_states())}", file=sys.stderr)
        return c.EXIT_USAGE
    try:
        after = since_seconds(since) if since else None
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return c.EXIT_USAGE
    store = open_store(config)
    jobs = store.list_jobs(status, limit, sort, after)
    _warn_foreign(store)
    if as_json:
        display.print_json([job_dict(j) for j in jobs])
        return c.EXIT_OK
    display.jobs_table(jobs, status)
    return c.EXIT_OK


def passed_states(stage: str) -> set[str]:
    """The states of jobs that have passed a stage: its output, every state of the stages after
    it, and the states a person's action leaves a job in (applied, contacted, ...: stats' "done")."""
    names = list(STAGES)
    later = [STAGES[n].states for n in names[names.index(stage) + 1:]]
    return {STAGES[stage].states.output, *states_where("done"), *(s.working for s in later),
            *(s.output for s in later)}


def _warn_foreign(store: JobStore) -> None:
    foreign = store.foreign_jobs()
    if foreign:
        print(f"warning: {foreign} job document(s) of another shape (no source_id; left by another tool in this "
              "database?) are skipped by every command", file=sys.stderr)


def llm_spend(config: Config, store: JobStore) -> dict[str, float | None]:
    """Today's LLM spend, every stage's calls together, and the cap (None: no cap)."""
    return {"today_usd": round(float(store.quota_used(spend_key())), 6),
            "cap_usd": config.stage(c.DRAFT).daily_cost_cap_usd}


def stats(config: Config, as_json: bool) -> int:
    store = open_store(config)
    _warn_foreign(store)
    counts = store.counts()
    failed = store.failed_by_stage()
    runs = store.last_runs()
    stages = {}
    for name, spec in STAGES.items():
        states = spec.states
        stages[name] = {"waiting": counts.get(states.input, 0), "working": counts.get(states.working, 0),
                        "done": sum(counts.get(s, 0) for s in passed_states(name)), "failed": failed.get(name, 0),
                        "last_run": run_dict(runs[name]) if name in runs else None}
    result = {"total": sum(counts.values()), "by_status": {s: counts.get(s, 0) for s in all_states()},
              "stages": stages, "skipped_for_fit_today": int(store.quota_used(skipped_key())),
              "llm_spend": llm_spend(config, store)}
    if as_json:
        display.print_json(result)
        return c.EXIT_OK
    display.stats(result)
    return c.EXIT_OK


def show(config: Config, job_id: str, as_json: bool) -> int:
    store = open_store(config)
    job = store.get(job_id)
    if job is None:
        print(f"no job with id {job_id!r}", file=sys.stderr)
        return c.EXIT_ERROR
    record = job_dict(job)
    record["history"] = [_isoize(e) for e in store.events(job_id)]
    company_id = job.linked_company
    company = store.find_company([company_id]) if company_id else None
    record["company_record"] = _isoize(company) if company else None
    contacts = job_contacts(job, company) if company else []
    if as_json:
        display.print_json({**record, "contacts": contacts})
        return c.EXIT_OK
    display.job(record, company, contacts)
    return c.EXIT_OK


def companies(config: Config, as_json: bool, limit: int = 50) -> int:
    """The companies with the most jobs, with how many jobs point at each."""
    store = open_store(config)
    found = store.list_companies(limit if limit > 0 else None)
    if as_json:
        display.print_json([_isoize(c_) for c_ in found])
        return c.EXIT_OK
    display.companies_table(found, store.count_companies())
    return c.EXIT_OK


def import_jobs(config: Config, path: Path, as_json: bool) -> int:
    from pipeline.importer import ImportFileError, import_file

    try:
        report = import_file(open_store(config), path)
    except ImportFileError as exc:
        print(f"import refused, nothing written: {exc}", file=sys.stderr)
        return c.EXIT_USAGE
    if as_json:
        display.print_json({"inserted": report.inserted, "updated": report.updated, "duplicates": report.duplicates,
                            "without_description": report.without_description,
                     "rejected": [{"row": n, "reason": r} for n, r in report.rejected]})
    else:
        print(f"inserted {report.inserted}, updated {report.updated}, duplicates {report.duplicates}, "
              f"rejected {len(report.rejected)}")
        if report.without_description:
            print(f"  warning: {report.without_description} new job(s) have no description and no source that "
                  "can fetch one: they entered `scraped` as they are (scoring and drafts use the title alone)")
        for number, reason in report.rejected:
            print(f"  rejected row {number}: {reason}")
    return c.EXIT_ERROR if report.rejected else c.EXIT_OK


def retry(config: Config, status: str, stage: str | None, job_ids: list[str]) -> int:
    store = open_store(config)
    ids = job_ids or store.select_ids(status=status, error_stage=stage if status == State.FAILED else None)
    requeued, skipped = 0, []
    for job_id in ids:
        job = store.get(job_id)
        target = stage or (job.error_stage if job else None)
        if job is None:
            skipped.append(f"{job_id}: no such job")
        elif target is None:
            skipped.append(f"{job_id}: not failed at a stage; name one with --stage")
        elif policy.requeue(store, job_id, stage_states(target)):
            requeued += 1
        else:
            skipped.append(f"{job_id}: a stage is working on it right now")
    print(f"requeued {requeued}" + (f", skipped {len(skipped)}" if skipped else ""))
    for line in skipped:
        print(f"  skipped {line}")
    return c.EXIT_ERROR if skipped else c.EXIT_OK


def mark(config: Config, job_id: str, status: str) -> int:
    if status not in markable_states():
        print(f"cannot mark a job {status!r}; choose one of: {', '.join(markable_states())}", file=sys.stderr)
        return c.EXIT_USAGE
    store = open_store(config)
    if policy.mark(store, job_id, status):
        if status == State.APPLIED:
            from pipeline.review_commands import mark_sent

            mark_sent(store, job_id)
        print(f"{job_id}: {status}")
        return c.EXIT_OK
    reason = "no such job" if store.get(job_id) is None else "a stage is working on it right now"
    print(f"{job_id}: not changed ({reason})", file=sys.stderr)
    return c.EXIT_ERROR


def run_stage(config: Config, name: str, batch_size: int | None = None, max_retries: int | None = None,
              options: dict[str, Any] | None = None) -> int:
    """`run-stage`: process what is claimable now and exit, with a progress bar on a terminal.
    `options` go to the stage (scrape: max_jobs, keywords, location, source)."""
    from dataclasses import replace

    from pipeline.logs import setup_logging
    from pipeline.stages import available_stages
    from pipeline.stages.runner import StageRun

    d = config.daemon
    setup_logging(d.log_level, d.log_file, console=False, max_bytes=d.log_max_bytes, backups=d.log_backups)
    not_ready: dict[str, str] = {}
    stages = available_stages(config, {name: options} if options else None, not_ready)
    if name not in stages:
        print(f"the {name} stage is not ready: {not_ready.get(name, 'not built')}; nothing was run",
              file=sys.stderr)
        return c.EXIT_ERROR
    settings = config.stages[name]
    if not settings.enabled:
        print(f"note: the {name} stage is disabled ({STAGES[name].section}.enabled: false), so the daemon never "
              "runs it; running it by hand now", file=sys.stderr)
    if max_retries is not None:
        settings = replace(settings, max_retries=max_retries)
    store = open_store(config)
    stop = threading.Event()
    previous = {s: signal.signal(s, lambda *_: stop.set()) for s in (signal.SIGINT, signal.SIGTERM)}
    bar = _progress(store, stage_states(name).input, batch_size)
    try:
        run = StageRun(store, stages[name], settings, limit=batch_size, stop=stop,
                       stop_timeout=d.stop_timeout_seconds, on_job=(lambda _: bar.update(1)) if bar else None)
        record = run.run()
    except StoreUnavailable as exc:
        print(f"{name}: store unreachable: {exc}", file=sys.stderr)
        return c.EXIT_ERROR
    finally:
        if bar:
            bar.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    seconds = (record.finished_at or time.time()) - record.started_at
    summary = stages[name].summary
    for line in summary(record.details) if summary else []:  # errors may quote a page: terminal-safe
        display.out(line)
    display.out(f"{name}: claimed {record.claimed}, succeeded {record.succeeded}, skipped {record.skipped}, "
                f"retried {record.retried}, failed {record.failed}, released {record.released} in {seconds:.1f}s "
                f"(run {record.run_id})" + (f"; error: {record.error}" if record.error else ""))
    verdict, code = run_verdict(record)
    display.out(f"{name}: {verdict}")
    return code


def run_verdict(record: RunRecord) -> tuple[str, int]:
    """What a run-stage exit code means: 1 when the run had an error, a job failed, or nothing
    claimed succeeded; 0 when every claimed job succeeded (or was skipped) or nothing was waiting."""
    if record.error:
        return "the run had an error (above)", c.EXIT_ERROR
    if record.failed:
        return f"{record.failed} job(s) failed; see `main.py --list --status failed`", c.EXIT_ERROR
    if record.claimed == 0:
        return "nothing to do: no job was waiting for this stage", c.EXIT_OK
    if record.succeeded + record.skipped == 0:
        return "nothing claimed succeeded (retried or released; see the log)", c.EXIT_ERROR
    if record.retried:
        return f"{record.retried} job(s) will be retried later", c.EXIT_OK
    return "all claimed work succeeded", c.EXIT_OK


def _progress(store: JobStore, input_state: str, limit: int | None) -> Any:
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    waiting = store.counts().get(input_state, 0)
    return tqdm(total=min(waiting, limit) if limit else waiting, unit="job", file=sys.stderr)


def config_check(config: Config) -> int:
    """Validate the config and profile.yaml, print the effective config (secrets masked) and
    warnings about settings that would make the pipeline silently do nothing. Exit 0 with warnings,
    2 on errors."""
    import yaml

    from pipeline.errors import ConfigError
    from pipeline.profile import load_profile, profile_path

    path = profile_path(config)
    if path.exists():
        try:
            load_profile(path)
        except ConfigError as exc:
            for line in str(exc).splitlines():
                print(f"config error: {line}", file=sys.stderr)
            return c.EXIT_USAGE
    print(f"# {config.path}: valid" + (f"; {path}: valid" if path.exists() else f"; no profile at {path}"))
    print(yaml.safe_dump(effective(config), sort_keys=False, allow_unicode=True), end="")
    for warning in config_warnings(config):
        print(f"warning: {warning}", file=sys.stderr)
    return c.EXIT_OK


def daemon_status(config: Config, as_json: bool) -> int:
    """Running or stopped, PID, uptime, memory, next and last run per stage, counts by status."""
    from pipeline import daemon
    from pipeline.scheduler import next_runs
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
    if as_json:
        display.print_json(result)
    else:
        display.status(result)
    return c.EXIT_OK if now.running else c.EXIT_STOPPED


def mailbox_status(config: Config, runs: dict[str, RunRecord], actual: dict[str, Any] | None) -> dict[str, Any]:
    """The mailbox sync for `status`: configured or not, its next run, its last run and that run's
    error (a refused login shows here, never as "0 replies")."""
    if config.mailbox is None:
        return {"configured": False}
    from pipeline.scheduler import mailbox_trigger, timezone

    trigger = mailbox_trigger(config)
    from datetime import datetime

    upcoming = trigger.get_next_fire_time(None, datetime.now(timezone(config))) if trigger else None
    next_at = upcoming.timestamp() if upcoming else None
    if actual:
        next_at = ((actual.get("stages") or {}).get("mailbox") or {}).get("next_run")
    last = runs.get("mailbox")
    return {"configured": True, "enabled": config.mailbox.enabled, "account": f"{config.mailbox.user} at "
            f"{config.mailbox.host}", "next_run": iso(next_at), "last_run": run_dict(last) if last else None,
            "error": last.error if last else None}




def rescore(config: Config, status: str | None) -> int:
    """Score again after the profile changed: the heuristic, with the previous score kept in
    data.fit_history; a job skipped for fit that now fits goes back to `scored`, and the reverse."""
    from pipeline.fit import Scorer
    from pipeline.profile import load_profile, profile_path

    path = profile_path(config)
    if not path.exists():
        print(f"no profile at {path}: copy profile.example.yaml and fill it in", file=sys.stderr)
        return c.EXIT_ERROR
    fit_profile = load_profile(path).fit
    scorer, store = Scorer(fit_profile), open_store(config)
    statuses = [status] if status else [State.SCORED, State.SKIPPED]
    counts = {"rescored": 0, "skipped": 0, "back": 0, "busy": 0}
    for state in statuses:
        for job in store.list_jobs(state):
            previous = job.data.get("fit") or {}
            if state == State.SKIPPED and not previous.get("skipped_at"):
                continue  # skipped by a person or the do-not-contact list, not for fit
            fit = scorer.score(job).as_dict()
            history = (job.data.get("fit_history") or [])[-4:] + ([previous] if previous else [])
            low = fit_profile.configured and fit["score"] < fit_profile.min_score
            if state == State.SKIPPED or low:
                fit["skipped_at"] = fit["scored_at"] if low else None
            if not store.annotate(job.id, state, {"fit": fit, "fit_history": history}, {"score": fit["score"]}):
                counts["busy"] += 1
                continue
            counts["rescored"] += 1
            if state == State.SCORED and low:
                counts["skipped"] += policy.person_move(store, job.id, State.SKIPPED, Event.RESCORED)
            elif state == State.SKIPPED and not low:
                counts["back"] += policy.person_move(store, job.id, State.SCORED, Event.RESCORED)
    print(f"rescored {counts['rescored']}: {counts['skipped']} now skipped for fit, {counts['back']} back to "
          f"scored" + (f", {counts['busy']} busy (a stage holds them)" if counts["busy"] else ""))
    return c.EXIT_OK
