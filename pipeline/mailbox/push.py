"""Approved e-mail drafts into the person's own Drafts folder, each once.

A draft gets its Message-ID once, stored before anything is appended; before an APPEND the
folder is searched for that Message-ID, so a retry, a crash between APPEND and the store, or two
syncs never file it twice. Once filed it keeps {folder, uid, at, message_id, digest}. A draft
edited after filing (its digest changed: subject, body, recipient or resume) gets a new
Message-ID, is filed again, and the old copy is deleted; a filed draft a person rejected is
taken out of Drafts. LinkedIn notes are never pushed. Nothing is ever sent.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline.mailbox.imap import Mailbox
from pipeline.mailbox.message import draft_message, new_message_id
from pipeline.outreach import review
from pipeline.outreach.export import draft_rows
from pipeline.records import Job
from pipeline.states import State
from pipeline.store.base import JobStore
from pipeline.timeutil import utc_iso

# Jobs whose approved drafts are filed: drafted ones, and those already in contact (a second draft).
STATES = (State.DRAFT_GENERATED, State.CONTACTED, State.REPLIED)


@dataclass
class Pushed:
    filed: list[tuple[str, int]] = field(default_factory=list)
    replaced: list[tuple[str, int]] = field(default_factory=list)
    removed: list[tuple[str, int]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def digest(row: dict[str, Any], fingerprint: str) -> str:
    """What a filed copy is made of: an edit to any of it (a new resume too) files the draft again."""
    made = {k: row.get(k) for k in ("subject", "body", "recipient", "address")}
    made["resume"] = f"{row.get('resume') or ''}:{fingerprint if row.get('resume') else ''}"
    return hashlib.sha256(json.dumps(made, sort_keys=True).encode()).hexdigest()[:16]


def wanted(draft: dict[str, Any]) -> bool:
    """An e-mail draft to file (approved), keep filed (filed), or take out (rejected after filing)."""
    if draft.get("channel") != "email":
        return False
    state = review.state_of(draft)
    return state in (review.APPROVED, review.FILED) or (state == review.REJECTED and bool(draft.get("filed")))


class Pusher:
    """Files the drafts of one sync into one Drafts folder (selected read-write)."""

    def __init__(self, store: JobStore, box: Mailbox, folder: str, sender: str, root: Path) -> None:
        self.store, self.box, self.folder, self.sender, self.root = store, box, folder, sender, root
        self.result = Pushed()
        self.selected = False

    def push(self, job_id: str | None = None) -> Pushed:
        jobs = [j for j in ([self.store.get(job_id)] if job_id else
                            (j for s in STATES for j in self.store.list_jobs(s))) if j is not None]
        for job in jobs:
            for n, draft in enumerate(job.data.get("drafts") or [], 1):
                if wanted(draft):
                    self.one(job.id, n)
        return self.result

    def _select(self) -> None:
        if not self.selected:
            self.box.select(self.folder, readonly=False)
            self.selected = True

    def one(self, job_id: str, n: int) -> None:
        """Bring draft n of a job in line with the folder. Each store write happens before the
        server write it prepares, so a crash anywhere leaves a state the next sync completes."""
        job = self.store.get(job_id)
        if job is None:
            return
        drafts = [dict(d) for d in job.data.get("drafts") or []]
        draft = drafts[n - 1]
        filed = draft.get("filed") or {}
        if review.state_of(draft) == review.REJECTED:
            self._select()
            self.box.delete(self.box.find_message_id(str(filed.get("message_id") or "")))
            draft["filed"] = None
            self._store(job, drafts, (job_id, n), self.result.removed)
            return
        row = draft_rows([job], self.root)[n - 1]  # with the job's resume PDF, when it has one (issue #25)
        made = digest(row, str((job.data.get("resume") or {}).get("fingerprint") or ""))
        if filed and filed.get("digest") == made and filed.get("message_id") == draft.get("message_id"):
            return  # filed as it is: the person may have moved, edited or sent it in their client
        if not draft.get("message_id") or (filed and draft.get("message_id") == filed.get("message_id")):
            old = [filed["message_id"]] if filed.get("message_id") else []
            draft.update(message_id=new_message_id(self.sender),
                         old_message_ids=[*(draft.get("old_message_ids") or []), *old])
            if not self._store(job, drafts):
                return
            job = self.store.get(job_id) or job
        message_id = str(draft["message_id"])
        self._select()
        uids = self.box.find_message_id(message_id)
        if not uids:
            now = datetime.now(UTC)
            uid = self.box.append_draft(self.folder, draft_message(row, self.sender, message_id, now), now)
            uids = [uid] if uid else self.box.find_message_id(message_id)
        if filed.get("message_id") and filed["message_id"] != message_id:
            self.box.delete(self.box.find_message_id(str(filed["message_id"])))
        draft["filed"] = {"folder": self.folder, "uid": uids[-1] if uids else None, "at": utc_iso(),
                          "message_id": message_id, "digest": made}
        if review.state_of(draft) == review.APPROVED:
            draft["review"] = {**(draft.get("review") or {}), "state": review.FILED, "at": utc_iso()}
        self._store(job, drafts, (job_id, n), self.result.replaced if filed else self.result.filed)

    def _store(self, job: Job, drafts: list[dict[str, Any]], done: tuple[str, int] | None = None,
               into: list[tuple[str, int]] | None = None) -> bool:
        """Write the drafts back, only over what this sync read (a person's edit meanwhile wins:
        the next sync files it)."""
        fresh = self.store.get(job.id)
        if fresh is None or _drafts_text(fresh) != _drafts_text(job) or \
                not self.store.annotate(job.id, fresh.status, {"drafts": drafts}, {}):
            self.result.problems.append(f"{job.id}: changed meanwhile; filed again at the next sync")
            return False
        if done and into is not None:
            into.append(done)
        return True


def _drafts_text(job: Job) -> list[tuple[Any, ...]]:
    return [(d.get("subject"), d.get("body"), review.state_of(d)) for d in job.data.get("drafts") or []]
