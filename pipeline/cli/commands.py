"""What each CLI command does; cli.py only parses arguments and calls these."""

import shutil
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

from pipeline import constants as c
from pipeline.cli import display
from pipeline.config.catalog import STAGES, all_states, markable_states, stage_states
from pipeline.config.loading import Config, config_warnings, effective
from pipeline.errors import StoreUnavailable
from pipeline.records import TAKEN_ELSEWHERE
from pipeline.service import actions, views
from pipeline.states import State
from pipeline.store import JobStore, RunRecord, open_store


def list_jobs(config: Config, status: str | None, limit: int | None, as_json: bool, sort: str = "new",
              since: str | None = None) -> int:
    if status and status not in all_states():
        print(f"unknown status {status!r}; known: {', '.join(all_states())}", file=sys.stderr)
        return c.EXIT_USAGE
    try:
        after = views.since_seconds(since) if since else None
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return c.EXIT_USAGE
    store = open_store(config)
    jobs = store.list_jobs(status, limit, sort, after)
    _warn_foreign(store)
    if as_json:
        display.print_json([views.job_dict(j) for j in jobs])
        return c.EXIT_OK
    display.jobs_table(jobs, status)
    return c.EXIT_OK


def _warn_foreign(store: JobStore) -> None:
    foreign = store.foreign_jobs()
    if foreign:
        print(f"warning: {foreign} job document(s) of another shape (no source_id; left by another tool in this "
              "database?) are skipped by every command", file=sys.stderr)


def stats(config: Config, as_json: bool) -> int:
    store = open_store(config)
    store.check()  # a store that cannot be read whole is reported, never counted as well
    _warn_foreign(store)
    result = views.stats(config, store)
    if as_json:
        display.print_json(result)
        return c.EXIT_OK
    display.stats(result)
    return c.EXIT_OK


def show(config: Config, job_id: str, as_json: bool) -> int:
    record = views.job_view(open_store(config), job_id)
    if record is None:
        print(f"no job with id {job_id!r}", file=sys.stderr)
        return c.EXIT_ERROR
    if as_json:
        display.print_json(record)
        return c.EXIT_OK
    display.job(record)
    return c.EXIT_OK


def companies(config: Config, as_json: bool, limit: int = 50) -> int:
    """The companies with the most jobs, with how many jobs point at each."""
    store = open_store(config)
    found = store.list_companies(limit if limit > 0 else None)
    if as_json:
        display.print_json([views.isoize(c_) for c_ in found])
        return c.EXIT_OK
    display.companies_table(found, store.count_companies())
    return c.EXIT_OK


def import_jobs(config: Config, path: Path, as_json: bool) -> int:
    from pipeline.postings.imports import ImportFileError, import_file

    try:
        report = import_file(open_store(config), path, _import_progress())
    except ImportFileError as exc:
        display.out(f"import refused, nothing written: {exc}", file=sys.stderr)
        return c.EXIT_USAGE
    if as_json:
        display.print_json({"inserted": report.inserted, "updated": report.updated, "duplicates": report.duplicates,
                            "without_description": report.without_description, "rows": report.rows,
                            "rejected_total": report.rejected_total, "stopped": report.stopped or None,
                            "rejected": [{"row": n, "reason": r} for n, r in report.rejected]})
    else:
        print(f"inserted {report.inserted}, updated {report.updated}, duplicates {report.duplicates}, "
              f"rejected {report.rejected_total}")
        if report.without_description:
            print(f"  warning: {report.without_description} new job(s) have no description and no source that "
                  "can fetch one: they entered `scraped` as they are (scoring and drafts use the title alone)")
        for number, reason in report.rejected:
            display.out(f"  rejected row {number}: {reason}")
        if report.rejected_total > len(report.rejected):
            print(f"  ... and {report.rejected_total - len(report.rejected)} more rejected row(s)")
    if report.stopped:
        display.out(f"import stopped ({report.stopped}) after {report.written} of {report.rows} row(s) were "
                    "written; importing the same file again is safe (stored rows are updated, never doubled)",
                    file=sys.stderr)
        return 130 if report.stopped == "interrupted" else c.EXIT_ERROR
    return c.EXIT_ERROR if report.rejected_total else c.EXIT_OK


def _import_progress() -> Any:
    """A progress bar over the file's rows, on a terminal only."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return lambda total: tqdm(total=total, unit="row", file=sys.stderr)


def retry(config: Config, status: str, stage: str | None, job_ids: list[str]) -> int:
    report = actions.retry(open_store(config), job_ids, status, stage)
    print(f"requeued {report.requeued}" + (f", skipped {len(report.skipped)}" if report.skipped else ""))
    for line in report.skipped:
        print(f"  skipped {line}")
    return c.EXIT_ERROR if report.skipped else c.EXIT_OK


def mark(config: Config, job_id: str, status: str) -> int:
    try:
        actions.mark(open_store(config), job_id, status)
    except actions.Refused as exc:
        print(f"{job_id}: not changed ({exc})", file=sys.stderr)
        return c.EXIT_USAGE if status not in markable_states() else c.EXIT_ERROR
    print(f"{job_id}: {status}")
    return c.EXIT_OK


def clear_suspicious(config: Config, job_id: str) -> int:
    """`clear-suspicious JOB_ID`: the person trusts a flagged posting (service.actions.clear_suspicious)."""
    try:
        done = actions.clear_suspicious(open_store(config), job_id)
    except actions.Refused as exc:
        print(f"{job_id}: not changed ({exc})", file=sys.stderr)
        return c.EXIT_ERROR
    print(f"{job_id}: suspicious flag {done}")
    return c.EXIT_OK


def run_stage(config: Config, name: str, batch_size: int | None = None, max_retries: int | None = None,
              options: dict[str, Any] | None = None) -> int:
    """`run-stage`: process what is claimable now and exit, with a progress bar on a terminal.
    `options` go to the stage (scrape: max_jobs, keywords, location, source)."""
    from dataclasses import replace

    from pipeline.engine.runner import StageRun
    from pipeline.logs import setup_logging
    from pipeline.stages import available_stages

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
    claimed succeeded; 0 when every claimed job succeeded (or was skipped, or was deferred and then
    taken on by another worker) or nothing was waiting."""
    if record.error:
        return "the run had an error (above)", c.EXIT_ERROR
    if record.failed:
        return f"{record.failed} job(s) failed; see `main.py --list --status failed`", c.EXIT_ERROR
    if record.claimed == 0:
        return "nothing to do: no job was waiting for this stage", c.EXIT_OK
    elsewhere = record.details.get(TAKEN_ELSEWHERE, 0)
    if record.succeeded + record.skipped + elsewhere == 0:
        return "nothing claimed succeeded (retried or released; see the log)", c.EXIT_ERROR
    if record.retried:
        return f"{record.retried} job(s) will be retried later", c.EXIT_OK
    if elsewhere:
        return f"claimed work succeeded; {elsewhere} job(s) it deferred were taken on by another worker", c.EXIT_OK
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

    from pipeline.config.profile import load_profile, profile_path
    from pipeline.errors import ConfigError
    from pipeline.resume.cv import load_cv

    path = profile_path(config)
    if path.exists():
        try:
            load_profile(path)
            load_cv(path)
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
    result = views.daemon_status(config)
    if as_json:
        display.print_json(result)
    else:
        display.status(result)
    return c.EXIT_OK if result["running"] else c.EXIT_STOPPED


def rescore(config: Config, status: str | None) -> int:
    """Score again after the profile changed (see service.actions.rescore)."""
    from pipeline.config.profile import load_profile, profile_path
    from pipeline.resume.cv import with_resume_years

    path = profile_path(config)
    if not path.exists():
        print(f"no profile at {path}: copy profile.example.yaml and fill it in", file=sys.stderr)
        return c.EXIT_ERROR
    counts = actions.rescore(open_store(config), with_resume_years(load_profile(path).fit, path), status)
    print(f"rescored {counts['rescored']}: {counts['skipped']} now skipped for fit, {counts['back']} back to "
          f"scored" + (f", {counts['busy']} busy (a stage holds them)" if counts["busy"] else ""))
    return c.EXIT_OK


def list_drafts(config: Config, status: str, as_json: bool) -> int:
    """`drafts`: every draft of the jobs in a state, one line each."""
    from pipeline.outreach.export import draft_rows

    rows = draft_rows(open_store(config).list_jobs(status), config.root)
    if as_json:
        display.print_json(rows)
    else:
        display.drafts_table(rows, status)
    return c.EXIT_OK


def export_drafts(config: Config, status: str, fmt: str, folder: Path, every: bool) -> int:
    """Approved drafts (with `every`, new ones too) to files; see outreach.export for the manifest."""
    from pipeline.config.profile import load_profile, profile_path
    from pipeline.outreach import review
    from pipeline.outreach.export import ExportError, draft_rows, export

    wanted = {review.APPROVED, review.FILED, review.NEW} if every else {review.APPROVED, review.FILED}
    rows = [r for r in draft_rows(open_store(config).list_jobs(status), config.root) if r["review"] in wanted]
    sender = ""
    if profile_path(config).exists():
        profile = load_profile(profile_path(config))
        sender = f"{profile.name} <{profile.email}>"
    try:
        result = export(rows, fmt, folder, sender)
    except ExportError as exc:
        display.out(f"drafts export: {exc}", file=sys.stderr)
        return c.EXIT_USAGE if "not a folder" in str(exc) else c.EXIT_ERROR
    for note in result.notes:
        display.out(f"warning: {note}", file=sys.stderr)
    what = "approved and new" if every else "approved"
    print(f"wrote {len(result.written)} file(s) for {len(rows)} {what} draft(s) to {folder}; removed "
          f"{len(result.removed)} of drafts no longer {what}")
    for path in result.kept:
        display.out(f"kept {path}: changed since it was exported (or not written by this command); not "
                    "overwritten or removed", file=sys.stderr)
    if not rows and not every:
        print("no approved drafts: approve some with `main.py drafts review`, or export every new one with --all")
    return c.EXIT_OK


def change_drafts(config: Config, action: str, job_id: str, n: int | None, reason: str = "") -> int:
    """`drafts approve|reject|sent JOB_ID [N]`: one draft, or every draft of the job."""
    from pipeline.outreach import review

    store = open_store(config)
    try:
        drafts = actions.review_drafts(store, job_id, action, n, reason)
    except actions.Refused as exc:
        print(f"{job_id}: not changed ({exc})", file=sys.stderr)
        return c.EXIT_ERROR
    states = ", ".join(f"{i} {review.state_of(d)}" for i, d in enumerate(drafts, 1))
    job = store.get(job_id)
    contacted = action == "sent" and job is not None and job.status == State.CONTACTED
    print(f"{job_id}: drafts {states}" + ("; the job is contacted" if contacted else ""))
    return c.EXIT_OK


def make_resume(config: Config, job_id: str, copy_to: Path | None) -> int:
    """`resume JOB_ID [--out FILE]`: the job's resume made or kept, stored on it, copied to FILE."""
    try:
        made = actions.make_resume(config, open_store(config), job_id)
    except actions.Refused as exc:
        print(f"{job_id}: {exc}", file=sys.stderr)
        return c.EXIT_ERROR
    for note in made.notes:
        display.out(f"note: {note}", file=sys.stderr)
    record = made.record
    if record.get("error"):
        kept = f"; the previous one is kept: {record['path']}" if record.get("path") else ""
        display.out(f"{job_id}: resume not made: {record['error']}{kept}", file=sys.stderr)
        return c.EXIT_ERROR
    display.out(f"{job_id}: {'made' if made.changed else 'up to date'}: {config.root / record['path']}")
    if copy_to:
        shutil.copyfile(config.root / record["path"], copy_to)
        display.out(f"copied to {copy_to}")
    return c.EXIT_OK


def import_resume(config: Config, file: Path, replace: bool) -> int:
    """`resume --import FILE [--replace]`; a mistake is a ConfigError (exit 2) naming file, line, field."""
    done, section, left_out = actions.import_resume(config, file, replace)
    counts = ", ".join(f"{len(section.get(name) or [])} {name}" for name in ("work", "projects", "education", "skills"))
    display.out(f"{done} the cv: section of the profile from {file}: {counts}")
    if left_out:
        display.out("left out (not printed on a one-page resume, or not JSON Resume fields): " + ", ".join(left_out))
    return c.EXIT_OK


def web(config: Config, host: str | None, port: int | None, open_page: bool) -> int:
    """`web`: the review page in the foreground; its address is the first line printed."""
    from pipeline.config.catalog import REVIEW_PAGE, load
    from pipeline.config.loading import store_description
    from pipeline.errors import ConfigError

    try:
        page = load(REVIEW_PAGE, "web")(config, host, port, where="--host" if host else "web.host")
    except ConfigError as exc:
        print(f"not serving: {exc.key}: {exc.message}", file=sys.stderr)
        return c.EXIT_USAGE
    except OSError as exc:
        where = f"{host or config.web.host}:{config.web.port if port is None else port}"
        print(f"cannot serve the review page on {where}: {exc.strerror or exc} (choose another with --port)",
              file=sys.stderr)
        return c.EXIT_ERROR
    print(f"serving on {page.url}", flush=True)
    for warning in page.warnings:
        print(f"warning: {warning}", file=sys.stderr, flush=True)
    print(f"store: {store_description(config)}; Ctrl-C stops it", file=sys.stderr, flush=True)
    if open_page:
        import webbrowser

        webbrowser.open(page.url)
    for sig in (signal.SIGINT, signal.SIGTERM):  # uvicorn stops on them, then passes them on: a clean exit
        signal.signal(sig, lambda *_: None)
    page.run()
    return c.EXIT_OK
