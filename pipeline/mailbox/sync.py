"""One whole sync: approved drafts into Drafts, then the Sent folder and the reply folders read,
then what was read applied to the store.

Reading never changes the server (EXAMINE, BODY.PEEK) and never writes the store: every message
is read first, so a server that goes away halfway leaves every job as it was and the folder
cursors where they were; the next sync reads the same messages again. Per folder the store keeps
UIDVALIDITY and the last UID read: the next sync asks only for newer UIDs, headers first, and
reads the text of a message only once it matched a job (at most `body_bytes` of one readable
part). A changed UIDVALIDITY rescans the folder since the first outreach; a message a job has
seen already is never recorded twice.
"""

import fcntl
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pipeline.config.loading import Config
from pipeline.engine.policy import owner_name
from pipeline.engine.spend import Budget
from pipeline.logs import get_logger
from pipeline.mailbox import classify, match, outcomes
from pipeline.mailbox.imap import DRAFTS, FETCH_BATCH, SENT, Fetched, Mailbox, MailboxError, connect
from pipeline.mailbox.labels import BOUNCE
from pipeline.mailbox.message import Mail, own_text, parse, snippet
from pipeline.mailbox.push import Pushed, Pusher
from pipeline.store.base import JobStore

log = get_logger("pipeline.mailbox")
DAY = 86400.0
# How long one sync may hold the mailbox for every daemon on the store: longer than any sync, so a
# crashed holder delays the others by at most this (given back at the end of every sync).
SYNC_LEASE_SECONDS = 1800.0


class Busy(MailboxError):
    """Another sync of this mailbox is running (the daemon's, or another `mailbox sync`)."""


@dataclass
class Read:
    """A message read and matched, not yet applied."""

    mail: Mail
    found: match.Match | None
    verdict: classify.Verdict | None = None
    text: str = ""
    bounced: str = ""  # the address that failed, for a bounce


@dataclass
class Report:
    pushed: Pushed = field(default_factory=Pushed)
    sent: list[dict[str, Any]] = field(default_factory=list)
    replies: list[dict[str, Any]] = field(default_factory=list)
    scanned: dict[str, int] = field(default_factory=dict)
    folders: dict[str, str] = field(default_factory=dict)  # drafts / sent -> the folder used

    def summary(self) -> dict[str, Any]:
        """What a run record keeps (no message text)."""
        return {"filed": len(self.pushed.filed), "replaced": len(self.pushed.replaced),
                "removed": len(self.pushed.removed), "sent": len(self.sent),
                "replies": sum(r["state"] != outcomes.WAITING for r in self.replies),
                "waiting": sum(r["state"] == outcomes.WAITING for r in self.replies),
                "moved": sum(bool(r.get("moved_to")) for r in self.replies), "scanned": self.scanned,
                "folders": self.folders, "problems": self.pushed.problems}


def sender_of(config: Config) -> str:
    """The From of filed drafts: the profile's name and address, else the login when it is one."""
    from pipeline.config.profile import load_profile, profile_path

    if profile_path(config).exists():
        profile = load_profile(profile_path(config))
        if profile.email:
            return f"{profile.name} <{profile.email}>" if profile.name else profile.email
    user = config.mailbox.user if config.mailbox else ""
    return user if "@" in user else ""


@contextmanager
def exclusive(config: Config, store: JobStore) -> Iterator[None]:
    """One sync of a mailbox at a time: on this machine a lock file beside the PID file, and across
    machines sharing one MongoDB a lease in the store (two daemons firing on the same cron minute
    would otherwise both search Drafts for a draft's Message-ID, find none, and both file it)."""
    with _machine_lock(config):
        assert config.mailbox is not None
        name = f"mailbox:{config.mailbox.user}@{config.mailbox.host}:sync"
        token = store.take_lease(name, owner_name(), SYNC_LEASE_SECONDS)
        if token is None:
            raise Busy("another daemon sharing this store is syncing the mailbox; this sync was skipped")
        try:
            yield
        finally:
            store.drop_lease(name, token)


@contextmanager
def _machine_lock(config: Config) -> Iterator[None]:
    path = lock_path(config)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise Busy("another mailbox sync is running; this one was skipped") from None
        yield
    finally:
        os.close(fd)


class Cursors:
    """UIDVALIDITY and the last UID read, per account and folder, as named numbers in the store."""

    def __init__(self, store: JobStore, config: Config) -> None:
        assert config.mailbox is not None
        self.store, self.account = store, f"mailbox:{config.mailbox.user}@{config.mailbox.host}"

    def get(self, folder: str) -> tuple[int, int]:
        key = f"{self.account}:{folder}"
        return int(self.store.quota_used(f"{key}:uidvalidity")), int(self.store.quota_used(f"{key}:last_uid"))

    def put(self, folder: str, uidvalidity: int, last_uid: int) -> None:
        key = f"{self.account}:{folder}"
        self.store.set_value(f"{key}:uidvalidity", float(uidvalidity))
        self.store.set_value(f"{key}:last_uid", float(last_uid))


class Sync:
    def __init__(self, config: Config, store: JobStore, llm: Any = None,
                 on_read: Callable[[str], None] | None = None) -> None:
        assert config.mailbox is not None
        self.config, self.settings, self.store, self.llm = config, config.mailbox, store, llm
        self.cursors = Cursors(store, config)
        self.budget = Budget(config.llm)
        self.on_read = on_read  # called before each folder is read (tests stop the server there)
        self.report = Report()

    def run(self, push: bool = True) -> Report:
        with exclusive(self.config, self.store):
            return self._run(push)

    def _run(self, push: bool) -> Report:
        with connect(self.settings, self.config.imap_password) as box:
            if push and self.settings.push:
                drafts = box.special_folder(DRAFTS, self.settings.drafts_folder)
                self.report.folders["drafts"] = drafts
                self.report.pushed = Pusher(self.store, box, drafts, sender_of(self.config), self.config.root).push()
            index = match.build(self.store)
            sent_folder = box.special_folder(SENT, self.settings.sent_folder)
            self.report.folders["sent"] = sent_folder
            matcher = match.Matcher(self.store, index)
            sent = self._read(box, sent_folder, index, lambda m: bool(matcher.sent(m)))
            replies = {f: self._read(box, f, index, lambda m: self._candidate(m, matcher))
                       for f in self.settings.folders if f != sent_folder}
            found = [r for folder, (_, reads) in replies.items() for r in self._judge(box, folder, reads, matcher)]
        self._apply_sent(sent[1], matcher)
        for read in sorted(found, key=lambda r: r.mail.date):
            self._apply_reply(read)
        for folder, (state, _) in [(sent_folder, sent), *replies.items()]:
            self.cursors.put(folder, *state)
        return self.report

    def push_only(self, job_id: str | None) -> Pushed:
        with exclusive(self.config, self.store), connect(self.settings, self.config.imap_password) as box:
            drafts = box.special_folder(DRAFTS, self.settings.drafts_folder)
            return Pusher(self.store, box, drafts, sender_of(self.config), self.config.root).push(job_id)

    def _read(self, box: Mailbox, folder: str, index: match.Index,
              keep: Callable[[Mail], Read | bool | None]) -> tuple[tuple[int, int], list[Read]]:
        """Headers of the folder's new messages, those worth keeping matched; nothing written."""
        if self.on_read:
            self.on_read(folder)
        state = box.select(folder, readonly=True)
        validity, last = self.cursors.get(folder)
        found: Iterable[Fetched]
        if validity != state.uidvalidity:
            earliest = index.earliest
            if validity:
                log.warning("UIDVALIDITY changed: the folder is read again", folder=folder)
            uids = box.uids_since(_day(earliest - DAY)) if earliest else []
            found = box.headers(uids)
        elif state.uidnext and state.uidnext - 1 <= last:
            uids, found = [], []
        elif state.uidnext and state.uidnext - 1 - last <= FETCH_BATCH:  # the usual few: one round trip
            found = box.headers_after(last, state.uidnext)
            uids = [f.uid for f in found]
        else:
            uids = box.uids_after(last)
            found = box.headers(uids)
        newest = max([*uids, last if validity == state.uidvalidity else 0, (state.uidnext or 1) - 1])
        kept = []
        for fetched in found:
            mail = parse(folder, fetched.uid, fetched.size, fetched.headers)
            wanted = keep(mail)
            if wanted:
                kept.append(wanted if isinstance(wanted, Read) else Read(mail, None))
        self.report.scanned[folder] = len(uids)
        return (state.uidvalidity, newest), kept

    @staticmethod
    def _candidate(mail: Mail, matcher: match.Matcher) -> Read | None:
        """A message kept from the header pass: one that matched a job, or a bounce (its returned
        headers, read next, say which draft it was). Everything else is forgotten at once."""
        found = matcher.match(mail)
        if found is not None:
            return Read(mail, found)
        if classify.is_bounce(mail.headers, mail.sender, mail.subject):
            return Read(mail, None)
        return None

    def _judge(self, box: Mailbox, folder: str, reads: list[Read], matcher: match.Matcher) -> list[Read]:
        """Read the text of the kept messages (a few requests for all of them, at most body_bytes
        of one readable part each; a bounce's whole report, as far), then classify."""
        if not reads:
            return []
        limit = self.settings.body_bytes
        texts = box.texts([r.mail.uid for r in reads if r.found is not None], limit)
        raws = box.raw_texts([r.mail.uid for r in reads if r.found is None], limit)
        judged = []
        for read in reads:
            mail = read.mail
            if read.found is None:
                read.text = raws.get(mail.uid, "")
                read.found, read.bounced = matcher.bounced(read.text)
                if read.found is None:
                    continue
            else:
                plain, html = texts.get(mail.uid, ("", ""))
                read.text = plain or _html_text(html)
            read.verdict = classify.classify(mail.headers, mail.sender, mail.subject, own_text(read.text))
            if read.verdict.label == BOUNCE and not read.bounced:
                read.bounced = matcher.bounced(read.text)[1]
            judged.append(read)
        return judged

    def _apply_sent(self, reads: list[Read], matcher: match.Matcher) -> None:
        for read in reads:
            for draft in matcher.sent(read.mail):
                how = "message-id" if read.mail.message_id in draft.message_ids else "recipient and subject"
                try:
                    done = outcomes.mark_sent(self.store, draft.job_id, draft.n, f"noticed in Sent ({how})",
                                              read.mail.message_id, read.mail.date or None)
                except Exception as exc:  # noqa: BLE001 - one draft's trouble never stops the sync
                    log.warning("could not mark a draft sent", job_id=draft.job_id, draft=draft.n, error=str(exc))
                    continue
                if done.drafts:
                    self.report.sent.append({"job_id": draft.job_id, "n": draft.n, "how": how,
                                             "contacted": done.moved})

    def _apply_reply(self, read: Read) -> None:
        if read.found is None or read.verdict is None:
            return
        job = self.store.get(read.found.job_id)
        if job is None or outcomes.known(job, read.mail.key):
            return
        verdict = self._second_opinion(read)
        state = outcomes.APPLIED if read.found.sure else outcomes.WAITING
        extra: dict[str, Any] = {"draft": read.found.n} if read.found.n else {}
        if read.found.others:
            extra["others"] = list(read.found.others)
        if verdict.label == BOUNCE:
            extra.update(self._bounce(job, read))
        record = outcomes.entry(read.mail, verdict, read.found.how, snippet(own_text(read.text)), state, **extra)
        outcomes.record_reply(self.store, job, record)
        self.report.replies.append({"job_id": job.id, **{k: record[k] for k in
                                    ("label", "match", "state", "moved_to", "subject", "from")}})
        log.info("mail matched", job_id=job.id, label=verdict.label, match=read.found.how, state=record["state"],
                 moved_to=record.get("moved_to"))

    def _second_opinion(self, read: Read) -> classify.Verdict:
        """The LLM, only for a human reply the heuristics left undecided, only with a key; its label
        kept only when the text holds evidence for it (classify.check_llm)."""
        verdict = read.verdict
        assert verdict is not None
        if not verdict.undecided or self.llm is None:
            return verdict
        try:
            self.budget.check(self.store)  # the day's cap holds for every LLM call, these too
            answer = self.llm.complete(classify.LLM_SYSTEM, classify.llm_prompt(read.mail.subject,
                                                                              snippet(own_text(read.text), 600)),
                                       max_tokens=20, json_mode=True)
        except Exception as exc:  # noqa: BLE001 - the heuristic verdict stands
            log.warning("LLM second opinion unavailable; the heuristic label stands", error=str(exc))
            return verdict
        self.budget.record(self.store, answer.cost)
        return classify.check_llm(verdict, answer.text)

    def _bounce(self, job: Any, read: Read) -> dict[str, Any]:
        """Mark the failed address bad on the company record and propose the next contact."""
        address = read.bounced
        company = self.store.find_company([job.linked_company]) if job.linked_company else None
        if not address or company is None:
            return {"bounced": address}
        outcomes.mark_bad(self.store, company, address, snippet(own_text(read.text), 200))
        proposal = next_contact(self.config, job, company, address)
        outcomes.propose_next(self.store, job.id, proposal)
        return {"bounced": address, "next_contact": proposal}


def next_contact(config: Config, job: Any, company: dict[str, Any], bounced: str) -> dict[str, Any] | None:
    """The best-ranked contact left once the bounced address is bad (the draft stage's own choice)."""
    from pipeline import constants as c
    from pipeline.config.settings import DraftSettings
    from pipeline.outreach.recipients import choose_recipients

    settings: DraftSettings = config.stage(c.DRAFT)
    for recipient in choose_recipients(job, company, 3, settings.do_not_contact, settings.min_guess_confidence):
        if recipient.address and recipient.address != bounced:
            return recipient.as_dict()
    return None


def _day(ts: float) -> date:
    """The server's SINCE takes a date: the local day of a time."""
    return datetime.fromtimestamp(max(ts, 0.0)).date()


def _html_text(html: str) -> str:
    if not html:
        return ""
    from pipeline.net.html import text_of

    return text_of(html)


def lock_path(config: Config) -> Path:
    """Beside the PID file: one sync of the mailbox at a time on this machine."""
    return config.daemon.pid_file.with_name("mailbox.lock")
