"""One conversation per person at a company, across all its postings.

A person has at most one open draft (new, approved, filed) across every job of one company,
board copies and duplicates included. A second posting adds to that conversation: an open draft
nobody has touched yet is rewritten to name both roles; one the person already approved or
edited is left alone. Nobody is written to twice; after a message was sent, the next person is
proposed only once `generator.follow_up_days` have passed without a reply, and a company that
replied (a job `replied` or `interview`) gets no cold message at all. Plain records in, a
decision out: the draft stage reads the jobs and writes what this decides.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pipeline.outreach import review
from pipeline.outreach.recipients import person_key
from pipeline.records import Job
from pipeline.states import State

OPEN = (review.NEW, review.APPROVED, review.FILED)
ANSWERED = (State.REPLIED, State.INTERVIEW)
DAY = 86400.0


@dataclass(frozen=True)
class Message:
    """One draft to one person, on one job of the company."""

    person: str  # person_key, or "inbox:<address>" for a message to the hiring team
    name: str
    job_id: str
    n: int  # its number on the job, from 1
    state: str
    sent_at: float | None
    edited: bool
    roles: tuple[str, ...]


@dataclass
class Company:
    """What the company's other jobs hold: open messages by person, sent ones, and whether it replied."""

    open: dict[str, Message] = field(default_factory=dict)
    sent: list[Message] = field(default_factory=list)
    replied_on: str = ""  # a job of the company that was answered

    def last_sent(self) -> Message | None:
        return max(self.sent, key=lambda m: m.sent_at or 0.0, default=None)


def person_of(draft: dict[str, Any]) -> str:
    """Who a draft is to: the person, or the shared inbox of a nameless draft."""
    to = draft.get("recipient") or {}
    if to.get("name"):
        return person_key(str(to["name"]))
    return f"inbox:{str(to.get('address') or '').lower()}"


def _sent_at(draft: dict[str, Any]) -> float | None:
    at = (draft.get("review") or {}).get("at")
    if not at:
        return None
    try:
        return datetime.fromisoformat(str(at).replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def gather(jobs: list[Job], this_job: str) -> Company:
    """The conversations of a company's other jobs (this one's own earlier drafts are replaced)."""
    found = Company()
    for job in jobs:
        if job.id == this_job:
            continue
        if job.status in ANSWERED and not found.replied_on:
            found.replied_on = job.id
        earlier = [d for h in job.data.get("draft_history") or [] for d in h.get("drafts") or []]
        drafts = list(enumerate(job.data.get("drafts") or [], 1))
        for n, draft in [*drafts, *((0, d) for d in earlier)]:
            state = review.state_of(draft)
            message = Message(person_of(draft), str((draft.get("recipient") or {}).get("name") or ""), job.id, n,
                              state, _sent_at(draft) if state == review.SENT else None, "original" in draft,
                              tuple(draft.get("roles") or [job.title]))
            if state == review.SENT:
                found.sent.append(message)
            elif n and state in OPEN and job.status not in (State.SKIPPED, State.EXPIRED, State.FAILED):
                found.open.setdefault(message.person, message)
    return found


@dataclass(frozen=True)
class Plan:
    """What to do for this job: who not to write to, how many new people at most, whose open draft
    to extend, or why to wait."""

    skip: frozenset[str]  # people written to already, or with an open draft elsewhere
    new_people: int | None = None  # at most this many new people (None: generator.max_recipients)
    extend: list[Message] = field(default_factory=list)  # untouched open drafts that now name this role too
    joined: list[dict[str, Any]] = field(default_factory=list)  # for the job's record: who is covered where
    hold: str = ""  # why no one is written to now (a reply, or a message waiting for one)
    wait_until: float | None = None
    follow_up: bool = False  # the earlier message went unanswered: this goes to the next person


def plan(company: Company, now: float, follow_up_days: float) -> Plan:
    """The decision for a new posting at a company that may already be in conversation: an open
    conversation is added to (nobody new is written to), a sent message is waited on for
    follow_up_days, then the next person is proposed; a company that replied gets nothing new."""
    written = frozenset({m.person for m in company.sent} | set(company.open))
    if company.replied_on:
        return Plan(written, 0, hold=f"the company replied about job {company.replied_on}: the conversation "
                    "goes on there")
    if company.open:
        extend = [m for m in company.open.values() if m.state == review.NEW and not m.edited]
        joined = [{"person": m.name or m.person, "job_id": m.job_id, "draft": m.n,
                   "how": "this role was added to that draft" if m in extend else
                   f"that draft is {m.state}{' and edited' if m.edited else ''}: left as it is, mention this "
                   "role when you send it"} for m in company.open.values()]
        return Plan(written, 0, extend, joined)
    last = company.last_sent()
    if last and last.sent_at and now - last.sent_at < follow_up_days * DAY:
        return Plan(written, 0, hold=f"{last.name or 'the hiring team'} was written to about job {last.job_id}; a "
                    f"follow-up to the next person is proposed after {follow_up_days:g} days without a reply",
                    wait_until=last.sent_at + follow_up_days * DAY)
    return Plan(written, 1 if last else None, follow_up=bool(last))
