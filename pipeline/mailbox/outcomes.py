"""What mail does to the store, in one place: a draft sent (noticed in Sent, or marked by a person
with `drafts sent`: the same function), a reply recorded on its job and the job moved forward,
a waiting reply confirmed or dismissed, a bounced address marked bad on the company record.

Job moves go through pipeline.policy like every other person's move, only forward (a late
auto-reply never takes a job back). Each message a job has seen is kept in job.data["mail"]
with date, sender, subject, label, confidence and a snippet of at most 300 characters, never
the body; a move's history entry carries the same in `detail`.
"""

from dataclasses import dataclass
from typing import Any

from pipeline.engine import policy
from pipeline.mailbox.labels import INTERVIEW, OTHER, REJECTION
from pipeline.outreach import review
from pipeline.records import Job
from pipeline.states import Event, State
from pipeline.store.base import JobStore
from pipeline.timeutil import utc_iso

MAIL = "mail"  # job.data key: the messages matched to the job
NEXT_CONTACT = "next_contact"  # job.data key: who to write to after a bounce
# A reply's label -> (the job's new state, the states it may come from). Auto-replies and bounces
# move nothing. A draft sent moves a job that only had drafts to contacted.
REPLY_MOVES: dict[str, tuple[str, tuple[str, ...]]] = {
    INTERVIEW: (State.INTERVIEW, (State.DRAFT_GENERATED, State.APPLIED, State.CONTACTED, State.REPLIED)),
    REJECTION: (State.REJECTED, (State.DRAFT_GENERATED, State.APPLIED, State.CONTACTED, State.REPLIED,
                                 State.INTERVIEW)),
    OTHER: (State.REPLIED, (State.DRAFT_GENERATED, State.APPLIED, State.CONTACTED)),
}
SENT_FROM = (State.DRAFT_GENERATED,)
WAITING, APPLIED, NOTED, DISMISSED = "waiting", "applied", "noted", "dismissed"


class OutcomeError(Exception):
    """A person's request the mail records do not allow (no such entry, not waiting)."""


@dataclass
class Sent:
    drafts: list[int]  # the draft numbers that became sent
    moved: bool  # the job moved to contacted


def mark_sent(store: JobStore, job_id: str, n: int | None, how: str, message_id: str = "",
              at: float | None = None) -> Sent:
    """Draft n (every approved or filed draft when None) is sent, and the job moves to contacted.
    Raises review.ReviewError for a change the review states do not allow; KeyError for no job."""
    job = store.get(job_id)
    if job is None:
        raise KeyError(job_id)
    before = job.data.get("drafts") or []
    drafts = review.change(before, n, review.SENT)
    changed = [i for i, (old, new) in enumerate(zip(before, drafts, strict=True), 1)
               if review.state_of(old) != review.state_of(new)]
    for i in changed:
        drafts[i - 1]["sent"] = {"at": utc_iso(at), "how": how, **({"message_id": message_id} if message_id else {})}
    if changed and not store.annotate(job.id, job.status, {"drafts": drafts}, {}):
        raise review.ReviewError("not changed: a stage is working on the job right now")
    detail = {"drafts": changed, "how": how}
    moved = bool(changed) and policy.person_move(store, job.id, State.CONTACTED, Event.SENT,
                                                 allowed_from=SENT_FROM, detail=detail)
    return Sent(changed, moved)


def entry(mail: Any, verdict: Any, how: str, snippet: str, state: str, **extra: Any) -> dict[str, Any]:
    """One message as a job's mail history keeps it (every text already sanitised and cut)."""
    return {"key": mail.key, "message_id": mail.message_id, "date": utc_iso(mail.date) if mail.date else None,
            "from": mail.sender, "from_name": mail.sender_name, "subject": mail.subject, "label": verdict.label,
            "confidence": verdict.confidence, "by": verdict.by, "evidence": list(verdict.evidence)[:4],
            "match": how, "snippet": snippet, "folder": mail.folder, "state": state, "seen_at": utc_iso(), **extra}


def known(job: Job, key: str) -> bool:
    return any(e.get("key") == key for e in job.data.get(MAIL) or [])


def _detail(record: dict[str, Any]) -> dict[str, Any]:
    return {k: record[k] for k in ("date", "from", "subject", "label", "confidence", "snippet") if k in record}


def _append(store: JobStore, job_id: str, record: dict[str, Any]) -> bool:
    """Add a message to the job's mail history, once (re-read: the job may have just moved)."""
    for _ in range(3):
        job = store.get(job_id)
        if job is None:
            return False
        if known(job, record["key"]):
            return True
        if store.annotate(job.id, job.status, {MAIL: [*(job.data.get(MAIL) or []), record]}, {}):
            return True
    return False


def record_reply(store: JobStore, job: Job, record: dict[str, Any]) -> str | None:
    """Keep the message on its job and, unless it waits for the person, move the job as its
    label says. Returns the job's new state when it moved."""
    if known(job, record["key"]):
        return None
    moved = None
    if record["state"] == APPLIED and record["label"] in REPLY_MOVES:
        target, allowed = REPLY_MOVES[record["label"]]
        if policy.person_move(store, job.id, target, Event.REPLY, allowed_from=allowed, detail=_detail(record)):
            moved = target
    if record["state"] == APPLIED and not moved:
        record["state"] = NOTED  # matched and kept, but its label moves nothing (auto-reply, bounce, already past)
    record["moved_to"] = moved
    _append(store, job.id, record)
    return moved


def _waiting_entry(store: JobStore, job_id: str, index: int) -> tuple[Job, list[dict[str, Any]]]:
    job = store.get(job_id)
    if job is None:
        raise OutcomeError(f"{job_id}: no such job")
    entries = [dict(e) for e in job.data.get(MAIL) or []]
    if not 1 <= index <= len(entries):
        raise OutcomeError(f"{job_id}: no message {index} (the job has {len(entries)})")
    if entries[index - 1].get("state") != WAITING:
        raise OutcomeError(f"{job_id}: message {index} is {entries[index - 1].get('state')}, not waiting")
    return job, entries


def confirm(store: JobStore, job_id: str, index: int, label: str | None = None) -> str | None:
    """A person says a waiting message is about this job (and, optionally, what it says): its
    label moves the job as if it had matched for sure. Returns the job's new state, if it moved."""
    job, entries = _waiting_entry(store, job_id, index)
    record = entries[index - 1]
    if label:
        record.update(label=label, confidence=1.0, by="person")
    moved = None
    if record["label"] in REPLY_MOVES:
        target, allowed = REPLY_MOVES[record["label"]]
        if policy.person_move(store, job.id, target, Event.REPLY, allowed_from=allowed, detail=_detail(record)):
            moved = target
    record.update(state=APPLIED if moved else NOTED, moved_to=moved, decided_at=utc_iso())
    _rewrite(store, job_id, index, record)
    return moved


def dismiss(store: JobStore, job_id: str, index: int) -> None:
    """A person says a waiting message is not about this job: kept (so a rescan never brings it
    back), moving nothing."""
    _, entries = _waiting_entry(store, job_id, index)
    _rewrite(store, job_id, index, {**entries[index - 1], "state": DISMISSED, "decided_at": utc_iso()})


def _rewrite(store: JobStore, job_id: str, index: int, record: dict[str, Any]) -> None:
    for _ in range(3):
        job = store.get(job_id)
        if job is None:
            return
        entries = [dict(e) for e in job.data.get(MAIL) or []]
        entries[index - 1] = record
        if store.annotate(job.id, job.status, {MAIL: entries}, {}):
            return
    raise OutcomeError(f"{job_id}: not changed (a stage is working on it right now)")


def mark_bad(store: JobStore, company: dict[str, Any], address: str, reason: str) -> bool:
    """The address bounced: marked bad on the company record, so no draft is ever written to it again."""
    bad = dict(company.get("bad_addresses") or {})
    if address in bad:
        return False
    bad[address] = {"at": utc_iso(), "reason": reason[:200]}
    company["bad_addresses"] = bad
    return store.annotate_company(str(company["id"]), {"bad_addresses": bad})


def propose_next(store: JobStore, job_id: str, proposal: dict[str, Any] | None) -> None:
    """Who to write to instead, kept on the job for the person (never written to by itself)."""
    job = store.get(job_id)
    if job is not None:
        store.annotate(job.id, job.status, {NEXT_CONTACT: proposal or {"none": "no other contact is known"}}, {})
