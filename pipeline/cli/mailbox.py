"""`main.py mailbox sync|check`, `drafts push [JOB_ID]` and `replies`: the person's own mailbox
from the command line. Every text that came from a mail is printed terminal-safe; the password
never is. Nothing is ever sent."""

import sys
from typing import Any

from pipeline import constants as c
from pipeline.cli import display
from pipeline.cli.display import cut, out
from pipeline.config.loading import Config
from pipeline.store import open_store

NOT_CONFIGURED = ("the mailbox is not configured: add a `mailbox:` section (host, user) to the config and "
                  f"{c.ENV_IMAP_PASSWORD} to .env; see the README's Mailbox section")


def _configured(config: Config) -> bool:
    if config.mailbox is None:
        print(NOT_CONFIGURED, file=sys.stderr)
        return False
    return True


def _logging(config: Config) -> None:
    from pipeline.logs import setup_logging

    d = config.daemon
    setup_logging(d.log_level, d.log_file, console=False, max_bytes=d.log_max_bytes, backups=d.log_backups)


def sync(config: Config, as_json: bool) -> int:
    """One whole sync by hand; exit 1 when the server refused it or could not be reached."""
    if not _configured(config):
        return c.EXIT_USAGE
    from pipeline.mailbox.run import run_sync

    _logging(config)
    outcome = run_sync(config, open_store(config))
    report = outcome.report
    if as_json:
        display.print_json({"ok": outcome.record.error is None, "error": outcome.record.error,
                            "summary": outcome.record.details, "sent": report.sent if report else [],
                            "replies": report.replies if report else []})
    elif report is not None:
        _print_report(report)
    if outcome.record.error:
        out(f"mailbox sync failed: {outcome.record.error}", file=sys.stderr)
        return c.EXIT_ERROR
    return c.EXIT_OK


def _print_report(report: Any) -> None:
    pushed = report.pushed
    out(f"drafts: filed {len(pushed.filed)}, replaced {len(pushed.replaced)}, taken out {len(pushed.removed)}"
        + (f" (in {report.folders['drafts']})" if "drafts" in report.folders else ""))
    for job_id, n in pushed.filed:
        out(f"  filed    {job_id} draft {n}")
    for job_id, n in pushed.replaced:
        out(f"  replaced {job_id} draft {n} (edited after filing)")
    for problem in pushed.problems:
        out(f"  note: {problem}")
    out(f"sent: {len(report.sent)} noticed in {report.folders.get('sent', 'Sent')}")
    for sent in report.sent:
        out(f"  {sent['job_id']} draft {sent['n']} ({sent['how']})" + (" -> contacted" if sent["contacted"] else ""))
    out(f"replies: {len(report.replies)} matched")
    for reply in report.replies:
        result = f"-> {reply['moved_to']}" if reply.get("moved_to") else reply["state"]
        out(f"  {reply['job_id']}  {reply['label']:10} {result:14} {reply['match']:9} {cut(reply['from'], 30):30} "
            f"{cut(reply['subject'], 50)}")
    out("read: " + (", ".join(f"{folder} {n} new" for folder, n in report.scanned.items()) or "nothing"))


def check(config: Config) -> int:
    """Log in, name the folders and their special-use attributes, say which are used; change nothing."""
    if not _configured(config):
        return c.EXIT_USAGE
    from pipeline.mailbox.imap import DRAFTS, SENT, MailboxError, connect

    settings = config.mailbox
    assert settings is not None
    try:
        with connect(settings, config.imap_password) as box:
            folders = box.folders()
            out(f"logged in to {settings.host}:{settings.port} as {settings.user} ({settings.security})")
            for folder in folders:
                special = [f for f in folder.flags if f.lower() in ("\\drafts", "\\sent", "\\junk", "\\trash",
                                                                      "\\archive", "\\all", "\\flagged")]
                out(f"  {folder.name}" + (f"  {' '.join(special)}" if special else ""))
            uses = ((DRAFTS, settings.drafts_folder, "drafts"), (SENT, settings.sent_folder, "sent"))
            for use, setting, name in uses:
                try:
                    out(f"{name}: {box.special_folder(use, setting)}")
                except MailboxError as exc:
                    out(f"{name}: {exc}")
            names = {f.name for f in folders}
            for folder_name in settings.folders:
                out(f"replies read from: {folder_name}" + ("" if folder_name in names else "  (no such folder!)"))
    except MailboxError as exc:
        out(f"mailbox check failed: {exc}", file=sys.stderr)
        return c.EXIT_ERROR
    return c.EXIT_OK


def push(config: Config, job_id: str | None) -> int:
    """`drafts push [JOB_ID]`: approved e-mail drafts into Drafts now (the daemon does it on its schedule)."""
    if not _configured(config):
        return c.EXIT_USAGE
    from pipeline.mailbox.imap import MailboxError
    from pipeline.mailbox.sync import Sync

    _logging(config)
    store = open_store(config)
    if job_id and store.get(job_id) is None:
        print(f"{job_id}: no such job", file=sys.stderr)
        return c.EXIT_ERROR
    try:
        pushed = Sync(config, store).push_only(job_id)
    except MailboxError as exc:
        out(f"drafts push failed: {exc}", file=sys.stderr)
        return c.EXIT_ERROR
    out(f"filed {len(pushed.filed)}, replaced {len(pushed.replaced)}, taken out {len(pushed.removed)}")
    for problem in pushed.problems:
        out(f"  note: {problem}")
    return c.EXIT_OK


def replies(config: Config, as_json: bool) -> int:
    """`replies`: every message matched to a job (service.views.replies), waiting ones first."""
    from pipeline.service import views

    rows = views.replies(open_store(config))
    if as_json:
        display.print_json(rows)
        return c.EXIT_OK
    waiting = sum(r.get("state") == "waiting" for r in rows)
    for r in rows:
        what = f"-> {r['moved_to']}" if r.get("moved_to") else r.get("state", "")
        out(f"{r['job_id']}  {r['n']:>2}  {(r.get('date') or '')[:10]:10}  {r['label']:10} "
            f"{r.get('confidence', 0):.2f}  {what:14} {cut(r['company'], 20):20}  {cut(r.get('from') or '', 28):28}  "
            f"{cut(r.get('subject') or '', 40)}")
        if r.get("snippet"):
            out(f"      {cut(r['snippet'], 140)}")
        if r.get("bounced"):
            proposal = r.get("next_contact") or {}
            nxt = f"{proposal.get('name')} <{proposal.get('address')}>" if proposal.get("address") else "none known"
            out(f"      bounced: {r['bounced']} is marked bad; next contact: {nxt}")
    out(f"{len(rows)} message(s), {waiting} waiting for you: `main.py replies confirm JOB_ID N [--label L]` or "
        "`replies dismiss JOB_ID N`")
    return c.EXIT_OK


def decide(config: Config, action: str, job_id: str, n: int, label: str | None) -> int:
    """`replies confirm|dismiss JOB_ID N`: a waiting message is (or is not) about this job."""
    from pipeline.service import actions

    try:
        moved = actions.decide_reply(open_store(config), job_id, n, action == "confirm", label)
    except actions.Refused as exc:
        print(f"{job_id}: {exc}", file=sys.stderr)
        return c.EXIT_ERROR
    if action == "dismiss":
        print(f"{job_id}: message {n} dismissed")
    else:
        print(f"{job_id}: message {n} confirmed" + (f"; the job is now {moved}" if moved else
                                                     "; the job stays where it is"))
    return c.EXIT_OK
