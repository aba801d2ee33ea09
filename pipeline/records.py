"""The records every layer trades in: a posting as found, a job as stored, a stage run, and what a
work function returns. Plain data, no storage: sources, dedupe, drafts and export use these
without knowing any store exists.

Every stored time is epoch seconds (a float): no datetimes, so no backend can turn one into a
string and make a comparison silently match nothing.
"""

import hashlib
from dataclasses import dataclass, field
from typing import Any

from pipeline.text import clean

CONTENT_FIELDS = ("url", "title", "company", "location", "description", "company_url")
# Fields a stage may set on completion besides its data: content, and the job's company link.
WRITABLE_FIELDS = (*CONTENT_FIELDS, "company_id", "score", "last_seen_at")


@dataclass(frozen=True)
class NewJob:
    """A posting as a source or an import file gives it."""

    source: str
    source_id: str
    url: str
    title: str
    company: str
    location: str = ""
    description: str = ""
    company_url: str = ""
    status: str = "pending"
    extra: dict[str, Any] = field(default_factory=dict)
    company_key: str = ""

    def __post_init__(self) -> None:
        """Decode every text field once, here, whichever source or import file made the posting."""
        for name in ("title", "company", "location", "company_url", "url"):
            object.__setattr__(self, name, clean(getattr(self, name)))
        object.__setattr__(self, "description", clean(self.description, multiline=True))

    def content(self) -> dict[str, Any]:
        """The fields a re-scrape may refresh."""
        values = {k: getattr(self, k) for k in CONTENT_FIELDS}
        values["extra"] = self.extra
        values["company_key"] = self.company_key
        return values


@dataclass
class Job:
    """A job as stored, with its progress through the stages."""

    id: str
    source: str
    source_id: str
    url: str
    status: str
    title: str = ""
    company: str = ""
    location: str = ""
    description: str = ""
    company_url: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    company_key: str = ""
    company_id: str = ""  # the company record it is linked to (set by enrich), an indexed field
    score: float | None = None  # fit 0-100 (set by the fit stage); stages claim the best first
    data: dict[str, Any] = field(default_factory=dict)
    attempts: dict[str, int] = field(default_factory=dict)
    next_attempt_at: float = 0.0
    lease_owner: str | None = None
    lease_token: str | None = None
    lease_expires_at: float | None = None
    last_error: str | None = None
    error_stage: str | None = None
    created_at: float = 0.0
    updated_at: float = 0.0
    first_seen_at: float = 0.0
    last_seen_at: float = 0.0

    @property
    def linked_company(self) -> str:
        """The company record's id; data.company_id covers MongoDB jobs linked before it was a field."""
        return self.company_id or str(self.data.get("company_id") or "")


# RunRecord.details key: jobs this run deferred that another worker or process then took on (or a
# person moved). Not lost, and not this run's failure: a run whose claims all ended so did its part.
TAKEN_ELSEWHERE = "taken_elsewhere"


@dataclass
class RunRecord:
    """One run of one stage: what it claimed and how each job ended."""

    run_id: str
    stage: str
    started_at: float
    finished_at: float | None = None
    claimed: int = 0
    succeeded: int = 0
    retried: int = 0
    failed: int = 0
    released: int = 0
    skipped: int = 0  # finished in another end state than the stage's output (skipped, expired)
    error: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    owner: str = ""  # 'host:pid' of the process running it: a run whose owner died is marked interrupted
    last_seen: float | None = None  # noted every 30 s while it runs


@dataclass(frozen=True)
class Output:
    """What a work function may return instead of a plain data dict: stage output plus
    content fields (description, location, ...) to refresh on the job itself."""

    data: dict[str, Any] = field(default_factory=dict)
    content: dict[str, Any] = field(default_factory=dict)
    status: str | None = None  # another end state than the stage's output (e.g. skipped)


def job_id_for(source: str, source_id: str) -> str:
    """A short stable id, the same on every machine for the same posting."""
    return hashlib.sha1(f"{source}\x00{source_id}".encode()).hexdigest()[:12]


@dataclass
class ClaimedJob(Job):
    """A job a stage holds under a lease: its token is never None."""

    lease_token: str = ""


@dataclass(frozen=True)
class Move:
    """One change of a job's state, decided by pipeline.policy and carried out by a store as one
    conditional write: only while the job is still in `from_status` under the same lease token."""

    from_status: str
    to_status: str
    event: str                     # the history entry: retried, failed, released, expired, requeued, marked
    stage: str | None = None
    attempt: int | None = None     # recorded in the history entry
    delay: float | None = None     # due again this many seconds from now; None: no due time (0)
    error: str | None = None       # sets last_error, and error_stage to `stage`
    clear_error_stage: bool = False
    attempts_delta: int = 0        # -1 gives the stage's attempt back
    reset_attempts: bool = False   # the stage's attempts back to 0 (a person's requeue)
    quiet: bool = False            # write no history entry (a deferral: counted on the run instead)
    detail: dict[str, Any] | None = None  # kept in the history entry (a reply: date, sender, subject, label, ...)

    def history(self, at: float) -> dict[str, Any]:
        """The history entry this move writes."""
        entry = {"at": at, "event": self.event, "stage": self.stage, "from_status": self.from_status,
                 "to_status": self.to_status, "attempt": self.attempt, "error": self.error, "detail": self.detail}
        return {k: v for k, v in entry.items() if v is not None}
