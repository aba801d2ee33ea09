"""`main.py drafts review`: new drafts one by one in the terminal, best-scoring job first. Every
answer is stored at once through service.actions, as the page's and the scripts' are."""

import os
import shlex
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline import constants as c
from pipeline.cli.display import out
from pipeline.config.loading import Config
from pipeline.outreach import review
from pipeline.service import actions
from pipeline.store import Job, open_store

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
                        actions.edit_draft(store, job.id, n, subject, body)
                        counts["edited"] += 1
                    else:
                        reason = ask("reason (optional) > ").strip() if answer == "r" else ""
                        actions.review_drafts(store, job.id, "approve" if answer == "a" else "reject", n, reason)
                        counts["approved" if answer == "a" else "rejected"] += 1
                except (subprocess.CalledProcessError, OSError) as exc:
                    out(f"not changed: {exc}")
                    continue
                except actions.Refused as exc:
                    out(f"not changed: {exc}")
                    break
    return _done(counts)


def _done(counts: dict[str, int]) -> int:
    print(", ".join(f"{k} {v}" for k, v in counts.items()))
    return c.EXIT_OK
