"""Job states and history events: every state's behaviour in one table, every event name once.

Everything else derives from STATES: which states expiry may close, which a duplicate may replace,
which count as done in `stats`, whose history pruning may compact, which a person may set. Adding
a state is one row here (and a README line); a stage's own states (input, working, output) come
from its row in pipeline.config.catalog.STAGES.
"""

from dataclasses import dataclass
from enum import StrEnum


class State(StrEnum):
    """Job states, in pipeline order. Users type these; never rename them."""

    PENDING = "pending"
    SCRAPING = "scraping"
    SCRAPED = "scraped"
    SCORING = "scoring"
    SCORED = "scored"
    ENRICHING = "enriching"
    ENRICHED = "enriched"
    GENERATING = "generating"
    DRAFT_GENERATED = "draft_generated"
    FAILED = "failed"
    DUPLICATE = "duplicate"
    SKIPPED = "skipped"
    APPLIED = "applied"
    EXPIRED = "expired"
    CONTACTED = "contacted"
    REPLIED = "replied"
    INTERVIEW = "interview"
    REJECTED = "rejected"


# Who moves a job into a state: a stage's run, its source (a posting that closed), or a person
# (by a command, the review page, or the mailbox sync acting on what the person sent or received).
STAGE, SOURCE, PERSON = "stage", "source", "person"


@dataclass(frozen=True)
class Behaviour:
    """What a state means to the rest of the pipeline."""

    set_by: str
    meaning: str
    open: bool = False         # the posting can still be acted on: expiry may close it
    replaceable: bool = False  # not worked on yet: an earlier-posted copy may take its place as the original
    done: bool = False         # past every stage (stats' "done"); a person acted on the job
    end: bool = False          # no stage or person is expected to move it again: its history may be compacted


STATES: dict[str, Behaviour] = {
    State.PENDING: Behaviour(STAGE, "a card waiting for its detail page", replaceable=True),
    State.SCRAPING: Behaviour(STAGE, "its detail page is being fetched"),
    State.SCRAPED: Behaviour(STAGE, "waiting to be scored", open=True, replaceable=True),
    State.SCORING: Behaviour(STAGE, "being scored"),
    State.SCORED: Behaviour(STAGE, "fits; waiting for its company to be enriched", open=True, replaceable=True),
    State.ENRICHING: Behaviour(STAGE, "its company is being enriched"),
    State.ENRICHED: Behaviour(STAGE, "waiting for drafts", open=True),
    State.GENERATING: Behaviour(STAGE, "drafts are being written"),
    State.DRAFT_GENERATED: Behaviour(STAGE, "drafts to review", open=True),
    State.FAILED: Behaviour(STAGE, "a stage gave up (stage, error and attempts kept)", end=True),
    State.DUPLICATE: Behaviour(STAGE, "the same posting as another job, linked to it; never worked on", end=True),
    State.SKIPPED: Behaviour(PERSON, "set by you, for a poor fit, or for a do-not-contact company", end=True),
    State.APPLIED: Behaviour(PERSON, "you applied", done=True, end=True),
    State.EXPIRED: Behaviour(SOURCE, "its source says it is closed; never enriched or drafted", end=True),
    State.CONTACTED: Behaviour(PERSON, "a draft was sent", done=True),
    State.REPLIED: Behaviour(PERSON, "the company answered", done=True),
    State.INTERVIEW: Behaviour(PERSON, "an interview is arranged", done=True),
    State.REJECTED: Behaviour(PERSON, "the company declined", done=True, end=True),
}


def states_where(flag: str) -> tuple[str, ...]:
    """The states whose behaviour has `flag` set (open, replaceable, done, end), in table order."""
    return tuple(str(name) for name, behaviour in STATES.items() if getattr(behaviour, flag))


class Event(StrEnum):
    """The names of history entries (`main.py show`, the review page)."""

    INSERTED = "inserted"      # first stored
    COMPLETED = "completed"    # a stage finished its work on the job
    RETRIED = "retried"        # a stage's attempt failed; back to its input state after a backoff
    FAILED = "failed"          # a stage gave up
    RELEASED = "released"      # given back without using an attempt (a stop, a deferral)
    EXPIRED = "expired"        # its worker's lease ran out
    REQUEUED = "requeued"      # a person's retry
    MARKED = "marked"          # a person's move
    RESCORED = "rescored"      # a person's rescore moved it
    CLOSED = "closed"          # its board no longer lists it
    SUPERSEDED = "superseded"  # an earlier-posted copy became the original
    SENT = "sent"              # a draft was sent: noticed in the Sent folder, or marked by a person
    REPLY = "reply"            # a reply (or a confirmed waiting one) moved the job; its mail is in `detail`
