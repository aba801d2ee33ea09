"""Every change a person makes, in one place: the CLI and the review page call these, never the
store directly, so a job moves the same way whichever one the person used.

Each action either does what it says or raises Refused with the reason to show; a job a stage
holds under a lease is never changed (pipeline.engine.policy decides that).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import constants as c
from pipeline.config.catalog import markable_states, stage_states
from pipeline.config.loading import Config
from pipeline.config.profile import FitProfile, load_profile, profile_path
from pipeline.config.settings import DraftSettings
from pipeline.engine import policy
from pipeline.fit.scorer import Scorer
from pipeline.outreach import review
from pipeline.resume.cv import json_resume_section, load_cv, write_section
from pipeline.resume.make import Made
from pipeline.states import Event, State
from pipeline.store import Job, JobStore
from pipeline.timeutil import utc_iso

REVIEW_ACTIONS = {"approve": review.APPROVED, "reject": review.REJECTED, "sent": review.SENT}


class Refused(Exception):
    """The action was not carried out; the message says why (no such job, a stage holds it, ...)."""


def _why_not(store: JobStore, job_id: str) -> str:
    return "no such job" if store.get(job_id) is None else "a stage is working on it right now"


def mark(store: JobStore, job_id: str, status: str) -> None:
    """Move a job to a state a person may set; `applied` also marks its approved drafts sent."""
    if status not in markable_states():
        raise Refused(f"cannot mark a job {status!r}; choose one of: {', '.join(markable_states())}")
    if not policy.mark(store, job_id, status):
        raise Refused(_why_not(store, job_id))
    if status == State.APPLIED:
        try:
            mark_sent(store, job_id)
        except Refused:
            pass  # the job moved on meanwhile: the mark stands, its drafts stay as they are


@dataclass
class RetryReport:
    requeued: int = 0
    skipped: list[str] = field(default_factory=list)  # "JOB_ID: why"


def retry(store: JobStore, job_ids: list[str], status: str = State.FAILED, stage: str | None = None) -> RetryReport:
    """Requeue jobs (the given ones, else every job in `status`) for a stage, its attempts reset:
    the stage named, else the one each job failed at."""
    ids = job_ids or store.select_ids(status=status, error_stage=stage if status == State.FAILED else None)
    report = RetryReport()
    for job_id in ids:
        job = store.get(job_id)
        target = stage or (job.error_stage if job else None)
        if job is None:
            report.skipped.append(f"{job_id}: no such job")
        elif target is None:
            report.skipped.append(f"{job_id}: not failed at a stage; name one with --stage")
        elif policy.requeue(store, job_id, stage_states(target)):
            report.requeued += 1
        else:
            report.skipped.append(f"{job_id}: a stage is working on it right now")
    return report


def rescore(store: JobStore, fit_profile: FitProfile, status: str | None = None) -> dict[str, int]:
    """Score again after the profile changed, the previous score kept in data.fit_history; a job
    skipped for fit that now fits goes back to `scored`, and the reverse."""
    scorer = Scorer(fit_profile)
    counts = {"rescored": 0, "skipped": 0, "back": 0, "busy": 0}
    for state in [status] if status else [State.SCORED, State.SKIPPED]:
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
    return counts


def _job(store: JobStore, job_id: str) -> Job:
    job = store.get(job_id)
    if job is None:
        raise Refused("no such job")
    return job


class Conflict(Refused):
    """The job changed after it was read (a draft reviewed in another shell or on the page):
    nothing was written; `job` is the job as it is now, to show the person again."""

    def __init__(self, job: Job) -> None:
        super().__init__("the drafts changed since they were shown (reviewed elsewhere meanwhile?): nothing was "
                         "written; here they are as they are now")
        self.job = job


def _store_drafts(store: JobStore, job: Job, drafts: list[dict[str, Any]]) -> None:
    """Write a job's drafts back, only while the job is still in the state it was read in, no stage
    holds it and nothing changed it since it was read (its updated_at is the version): a
    regeneration, or another person's answer, is never written over."""
    if store.annotate(job.id, job.status, {"drafts": drafts}, {}, version=job.updated_at):
        return
    now = _job(store, job.id)
    if now.lease_token is not None or now.status != job.status:
        raise Refused("a stage is working on it right now" if now.lease_token else f"it is {now.status} now")
    raise Conflict(now)


Change = Callable[[list[dict[str, Any]]], list[dict[str, Any]]]


def _change_drafts(store: JobStore, job_id: str, change: Change, version: float | None) -> list[dict[str, Any]]:
    """Apply a person's change to the job's drafts as read. With `version` (the job's updated_at when
    the person was shown it: the terminal loop, the page), a job changed since is a Conflict. Without
    it (a script), the change is applied to what is stored now, read again if it changes meanwhile."""
    for tries_left in (2, 1, 0):
        job = _job(store, job_id)
        if version is not None and job.updated_at != version:
            raise Conflict(job)
        try:
            drafts = change(job.data.get("drafts", []))
        except review.ReviewError as exc:
            raise Refused(str(exc)) from None
        try:
            _store_drafts(store, job, drafts)
            return drafts
        except Conflict:
            if version is not None or not tries_left:
                raise
    raise AssertionError("unreachable")


def review_drafts(store: JobStore, job_id: str, action: str, n: int | None = None, reason: str = "",
                  version: float | None = None) -> list[dict[str, Any]]:
    """approve / reject / sent one draft (n, from 1) or every draft of the job; the new drafts.
    An e-mail draft without an address is never approved (approving every draft passes it over).
    `version`: the job's updated_at as the person saw it (Conflict if it changed since)."""
    if action == "sent":
        draft_sent(store, job_id, n)
        return list(_job(store, job_id).data.get("drafts", []))
    allowed = review.sendable if action == "approve" else None
    return _change_drafts(store, job_id, lambda drafts: review.change(drafts, n, REVIEW_ACTIONS[action], reason,
                                                                      allowed=allowed), version)


def edit_draft(store: JobStore, job_id: str, n: int, subject: str, body: str, address: str | None = None,
               version: float | None = None) -> list[dict[str, Any]]:
    """A person's own text for draft n (and, optionally, the address they found themselves); the
    first edit keeps the original beside it. `version`: as for review_drafts."""
    return _change_drafts(store, job_id, lambda drafts: review.edit(drafts, n, subject, body, address), version)


def draft_sent(store: JobStore, job_id: str, n: int | None = None) -> bool:
    """A person says draft n (every approved or filed one when None) was sent: the same function
    the mailbox sync calls when it sees the mail in Sent, so the job moves to contacted either way.
    True when the job moved."""
    from pipeline.mailbox.outcomes import mark_sent as sent

    _job(store, job_id)
    try:
        return sent(store, job_id, n, "marked by hand").moved
    except review.ReviewError as exc:
        raise Refused(str(exc)) from None


def decide_reply(store: JobStore, job_id: str, n: int, confirm: bool, label: str | None = None) -> str | None:
    """A waiting message is (confirm) or is not about this job; confirmed, its label (or the one the
    person gives) moves the job as a sure match would. The job's new state, when it moved."""
    from pipeline.mailbox import outcomes

    try:
        if not confirm:
            outcomes.dismiss(store, job_id, n)
            return None
        return outcomes.confirm(store, job_id, n, label)
    except outcomes.OutcomeError as exc:
        raise Refused(str(exc)) from None


def mark_sent(store: JobStore, job_id: str) -> None:
    """After `mark JOB_ID applied`: the job's approved drafts count as sent (the others stay)."""
    job = store.get(job_id)
    drafts = (job.data.get("drafts") if job else None) or []
    if job and any(review.state_of(d) in (review.APPROVED, review.FILED) for d in drafts):
        _store_drafts(store, job, review.change(drafts, None, review.SENT))


def make_resume(config: Config, store: JobStore, job_id: str) -> Made:
    """A job's one-page resume, made now (or kept: nothing it shows changed) the way the draft stage
    makes it, and stored on the job. A failure to make it is in the record (error, error_at), the
    last PDF kept; Refused when there is no cv: section, no such job, or a stage holds the job."""
    from pipeline.resume.make import make_resume as make

    path = profile_path(config)
    cv = load_cv(path) if path.exists() else None
    if cv is None:
        raise Refused(f"{path} has no cv: section; add one (see profile.example.yaml) or import a JSON Resume: "
                      "python main.py resume --import resume.json")
    job = _job(store, job_id)
    settings: DraftSettings = config.stage(c.DRAFT)
    made = make(job, cv, load_profile(path), config.root, _resume_ask(config, store, settings),
                settings.description_chars)
    if not store.annotate(job.id, job.status, {"resume": made.record}, {}):
        raise Refused("a stage is working on it right now; the resume was not stored on the job")
    return made


def _resume_ask(config: Config, store: JobStore, settings: DraftSettings) -> Callable[[str, str], str] | None:
    """The resume's LLM step, metered like every call, when a key is set and generator.resume_llm is on."""
    if not (config.llm_api_key and settings.resume_llm):
        return None
    from pipeline.engine.spend import Budget, metered
    from pipeline.net.llm import LLM

    return metered(LLM(config), Budget(config.llm), store)


def import_resume(config: Config, file: Path, replace: bool) -> tuple[str, dict[str, Any], list[str]]:
    """A JSON Resume file written into the profile as its cv: section: (what was done, the section,
    the fields left out). ConfigError names the file, line and field of a mistake; nothing is
    written then."""
    section, left_out = json_resume_section(file)
    return write_section(profile_path(config), section, replace), section, left_out


def clear_suspicious(store: JobStore, job_id: str) -> str:
    """The person read a posting flagged suspicious and trusts it: the flag is cleared (and stays
    cleared while the posting's text is the same) and a held-back job goes to the draft stage.
    Returns what happened, for the person."""
    job = _job(store, job_id)
    flagged = job.data.get("suspicious") or {}
    if not flagged.get("reasons"):
        raise Refused("the job is not flagged suspicious")
    if flagged.get("cleared_at"):
        return "already cleared"
    cleared = {**flagged, "cleared_at": utc_iso()}
    if not store.annotate(job.id, job.status, {"suspicious": cleared, "skipped": None}, {}):
        raise Refused(_why_not(store, job_id))
    if job.status == State.SKIPPED and policy.requeue(store, job.id, stage_states(c.DRAFT)):
        return "cleared; the job is queued for drafting"
    return "cleared"
