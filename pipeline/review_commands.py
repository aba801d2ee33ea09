"""`main.py drafts ...`: list, review, approve, reject, mark sent, export. Nothing is ever sent.

A person reviews drafts one by one (`drafts review`) or by script (`drafts approve JOB_ID [N]`);
`drafts export` writes approved drafts by default. Changes are stored with store.annotate, so a
job a stage has taken back (a regeneration) is never written over.
"""

import os
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline import constants as c
from pipeline import display, review
from pipeline.config import Config
from pipeline.display import out
from pipeline.store import Job, JobStore, open_store

ACTIONS = {"approve": review.APPROVED, "reject": review.REJECTED, "sent": review.SENT}


def list_drafts(config: Config, status: str, as_json: bool) -> int:
    from pipeline.export import draft_rows

    rows = draft_rows(open_store(config).list_jobs(status))
    if as_json:
        display.print_json(rows)
    else:
        display.drafts_table(rows, status)
    return c.EXIT_OK


def export_drafts(config: Config, status: str, fmt: str, folder: Path, every: bool) -> int:
    """Approved drafts (with `every`, new ones too) to files; see pipeline.export for the manifest."""
    from pipeline.export import draft_rows, export
    from pipeline.profile import load_profile, profile_path

    wanted = {review.APPROVED, review.NEW} if every else {review.APPROVED}
    rows = [r for r in draft_rows(open_store(config).list_jobs(status)) if r["review"] in wanted]
    sender = ""
    if profile_path(config).exists():
        profile = load_profile(profile_path(config))
        sender = f"{profile.name} <{profile.email}>"
    result = export(rows, fmt, folder, sender)
    what = "approved and new" if every else "approved"
    print(f"wrote {len(result.written)} file(s) for {len(rows)} {what} draft(s) to {folder}; removed "
          f"{len(result.removed)} of drafts no longer {what}")
    for path in result.kept:
        out(f"kept {path}: changed since it was exported (or not written by this command); not overwritten "
            "or removed", file=sys.stderr)
    if not rows and not every:
        print("no approved drafts: approve some with `main.py drafts review`, or export every new one with --all")
    return c.EXIT_OK


def _store_change(store: JobStore, job: Job, drafts: list[dict[str, Any]]) -> bool:
    return store.annotate(job.id, job.status, {"drafts": drafts}, {})


def change(config: Config, action: str, job_id: str, n: int | None, reason: str = "") -> int:
    """`drafts approve|reject|sent JOB_ID [N]`: one draft, or every draft of the job."""
    store = open_store(config)
    job = store.get(job_id)
    if job is None:
        print(f"{job_id}: no such job", file=sys.stderr)
        return c.EXIT_ERROR
    if action == "sent":
        return _sent(store, job_id, n)
    try:
        drafts = review.change(job.data.get("drafts", []), n, ACTIONS[action], reason)
    except review.ReviewError as exc:
        print(f"{job_id}: {exc}", file=sys.stderr)
        return c.EXIT_ERROR
    if not _store_change(store, job, drafts):
        print(f"{job_id}: not changed (a stage is working on it right now)", file=sys.stderr)
        return c.EXIT_ERROR
    states = ", ".join(f"{i} {review.state_of(d)}" for i, d in enumerate(drafts, 1))
    print(f"{job_id}: drafts {states}")
    return c.EXIT_OK


def _sent(store: JobStore, job_id: str, n: int | None) -> int:
    """`drafts sent`: the same function the mailbox sync calls when it sees the mail in Sent, so the
    job moves to contacted either way."""
    from pipeline.mailbox.outcomes import mark_sent as draft_sent

    try:
        done = draft_sent(store, job_id, n, "marked by hand")
    except review.ReviewError as exc:
        print(f"{job_id}: {exc}", file=sys.stderr)
        return c.EXIT_ERROR
    found = store.get(job_id)
    drafts = found.data.get("drafts", []) if found else []
    states = ", ".join(f"{i} {review.state_of(d)}" for i, d in enumerate(drafts, 1))
    print(f"{job_id}: drafts {states}" + ("; the job is now contacted" if done.moved else ""))
    return c.EXIT_OK


def mark_sent(store: JobStore, job_id: str) -> None:
    """After `mark JOB_ID applied`: the job's approved drafts count as sent."""
    job = store.get(job_id)
    drafts = (job.data.get("drafts") if job else None) or []
    if job and any(review.state_of(d) == review.APPROVED for d in drafts):
        _store_change(store, job, review.change(drafts, None, review.SENT))  # the others are left as they are


# -- drafts review: one by one in the terminal ---------------------------------------------------------

PROMPT = "[a]pprove  [e]dit  [r]eject  [s]kip  [q]uit > "


def _show(job: Job, n: int, draft: dict[str, Any]) -> None:
    to = draft.get("recipient") or {}
    address = to.get("address") or ""
    status = to.get("address_status") or "none"
    label = {"published": "published by a source", "guess": "a pattern guess, not verified"}.get(status, "no address")
    out()
    out(f"── {job.company} · {job.title} · job {job.id} draft {n} ({draft['channel']})"
        + ("  [template]" if draft.get("template") else ""))
    out(f"to:      {to.get('name') or 'hiring team'}" + (f" ({to['role']})" if to.get("role") else ""))
    out(f"address: {address or '-'}  [{label}]")
    if draft.get("subject"):
        out(f"subject: {draft['subject']}")
    out()
    out(draft["body"])
    out()


def _edit(draft: dict[str, Any], editor: str) -> tuple[str, str]:
    """The draft in $EDITOR: a 'Subject:' line (e-mail), a blank line, the body."""
    text = (f"Subject: {draft.get('subject', '')}\n\n" if draft["channel"] == "email" else "") + draft["body"] + "\n"
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
        path = f.name
    try:
        subprocess.run([*shlex.split(editor), path], check=True)
        edited = Path(path).read_text(encoding="utf-8")
    finally:
        os.unlink(path)
    subject = draft.get("subject", "")
    if draft["channel"] == "email" and edited.startswith("Subject:"):
        first, _, edited = edited.partition("\n")
        subject = first.removeprefix("Subject:").strip()
    return subject, edited.strip("\n")


def interactive(config: Config, status: str, ask: Callable[[str], str] = input) -> int:
    """`drafts review`: every new draft, best-scoring job first; each answer is stored at once."""
    store = open_store(config)
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    counts = {"approved": 0, "rejected": 0, "edited": 0, "skipped": 0}
    for job in store.list_jobs(status, sort="score"):
        for n in range(1, len(job.data.get("drafts", [])) + 1):
            while True:
                job = store.get(job.id) or job
                drafts = job.data.get("drafts", [])
                if n > len(drafts) or review.state_of(drafts[n - 1]) != review.NEW:
                    break
                _show(job, n, drafts[n - 1])
                try:
                    answer = ask(PROMPT).strip().lower()[:1]
                except EOFError:
                    answer = "q"
                if answer == "q":
                    return _done(counts)
                if answer == "s":
                    counts["skipped"] += 1
                    break
                if answer not in ("a", "e", "r"):
                    continue
                try:
                    if answer == "e":
                        subject, body = _edit(drafts[n - 1], editor)
                        updated = review.edit(drafts, n, subject, body)
                        counts["edited"] += 1
                    else:
                        reason = ask("reason (optional) > ").strip() if answer == "r" else ""
                        updated = review.change(drafts, n, review.APPROVED if answer == "a" else review.REJECTED,
                                                reason)
                        counts["approved" if answer == "a" else "rejected"] += 1
                except (review.ReviewError, subprocess.CalledProcessError, OSError) as exc:
                    out(f"not changed: {exc}")
                    continue
                if not _store_change(store, job, updated):
                    out("not changed: a stage took the job back meanwhile")
                    break
    return _done(counts)


def _done(counts: dict[str, int]) -> int:
    print(", ".join(f"{k} {v}" for k, v in counts.items()))
    return c.EXIT_OK
