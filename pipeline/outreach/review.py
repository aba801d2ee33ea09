"""A person's review of drafts before anything leaves: new -> approved | rejected; approved ->
filed (in the person's own Drafts folder, by the mailbox sync) -> sent.

Each draft in job.data["drafts"] carries `review: {state, at, reason}`; a draft written before
reviews existed counts as new. These functions only compute the new drafts list; the command
stores it with store.annotate (only while the job is still in the state it was read in).
An edit keeps the model's text in `original`.
"""

import re
from collections.abc import Callable
from typing import Any

from pipeline.timeutil import utc_iso

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
ENTERED = "entered"  # an address the person typed in themselves
NEW, APPROVED, REJECTED, FILED, SENT = "new", "approved", "rejected", "filed", "sent"
STATES = (NEW, APPROVED, REJECTED, FILED, SENT)
# The state a draft may move to -> the states it may come from. A filed draft rejected is taken out
# of the Drafts folder at the next sync; one edited is filed again in place of the old copy.
ALLOWED = {APPROVED: {NEW, REJECTED}, REJECTED: {NEW, APPROVED, FILED}, FILED: {APPROVED}, SENT: {APPROVED, FILED}}


class ReviewError(Exception):
    """A change the review states do not allow (e.g. sent before approved), or no such draft."""


def state_of(draft: dict[str, Any]) -> str:
    return str((draft.get("review") or {}).get("state") or NEW)


def _numbers(drafts: list[dict[str, Any]], n: int | None) -> list[int]:
    if not drafts:
        raise ReviewError("the job has no drafts")
    if n is None:
        return list(range(1, len(drafts) + 1))
    if not 1 <= n <= len(drafts):
        raise ReviewError(f"no draft {n}: the job has {len(drafts)} (numbered from 1)")
    return [n]


def sendable(draft: dict[str, Any]) -> str:
    """Why a draft cannot be approved ('' when it can): an e-mail needs an address to go to."""
    if draft.get("channel", "email") == "email" and not (draft.get("recipient") or {}).get("address"):
        return "it has no address: add one (edit it) or reject it"
    return ""


def change(drafts: list[dict[str, Any]], n: int | None, state: str, reason: str = "",
           allowed: Callable[[dict[str, Any]], str] | None = None) -> list[dict[str, Any]]:
    """Drafts with draft n (every draft when None) moved to `state`. With every draft, those that
    cannot make the move (already sent, say, or refused by `allowed`) are left as they are; one
    named draft must make it."""
    updated = [dict(d) for d in drafts]
    moved = 0
    for number in _numbers(drafts, n):
        draft = updated[number - 1]
        now = state_of(draft)
        if now == state:
            continue
        refused = allowed(draft) if allowed else ""
        if refused:
            if n is not None:
                raise ReviewError(f"draft {number} cannot become {state}: {refused}")
            continue
        if now not in ALLOWED[state]:
            if n is not None:
                before = " or ".join(sorted(ALLOWED[state]))
                raise ReviewError(f"draft {number} is {now}; only a draft that is {before} can become {state}")
            continue
        draft["review"] = {"state": state, "at": utc_iso(), **({"reason": reason} if reason else {})}
        moved += 1
    if n is None and not moved and not any(state_of(d) == state for d in updated):
        raise ReviewError(f"none of the job's drafts can become {state}")
    return updated


def edit(drafts: list[dict[str, Any]], n: int, subject: str, body: str,
         address: str | None = None) -> list[dict[str, Any]]:
    """Draft n with a person's text; the first edit keeps the original in `original`. An address
    the person gives is theirs to vouch for: its status says `entered` and the original is kept."""
    number = _numbers(drafts, n)[0]
    updated = [dict(d) for d in drafts]
    draft = updated[number - 1]
    if state_of(draft) == SENT:
        raise ReviewError(f"draft {number} was sent; it can no longer be edited")
    to = dict(draft.get("recipient") or {})
    if address is not None and address.strip().lower() != str(to.get("address") or "").lower():
        if address.strip() and not EMAIL.fullmatch(address.strip()):
            raise ReviewError(f"not an e-mail address: {address!r}")
        draft.setdefault("original", {"subject": draft.get("subject", ""), "body": draft["body"]})
        draft["original"].setdefault("recipient", dict(to))
        draft.update(recipient={**to, "address": address.strip(), "address_status": ENTERED if address.strip() else "",
                                "address_source": "entered by you"}, edited_at=utc_iso())
    if (subject, body) != (draft.get("subject", ""), draft["body"]):
        draft.setdefault("original", {"subject": draft.get("subject", ""), "body": draft["body"]})
        draft.update(subject=subject, body=body, edited_at=utc_iso())
    return updated
