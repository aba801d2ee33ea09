"""Which job a message belongs to, and how sure that is.

The index holds everything mail can refer to: the Message-IDs of our filed and sent drafts,
their recipients, the companies written to. A message belongs to a job, strongest first, by
In-Reply-To / References naming one of our Message-IDs (thread), by its sender being a draft's
recipient (recipient), by its sender's domain being the company's under any of its aliases
(domain), or by its subject naming the company (subject). Only the last is weak: it waits for
the person. A domain shared by several jobs is decided by the subject, else it waits too.
Free-mail and job-board domains are never a company's.
"""

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pipeline.companies.identity import company_key
from pipeline.config.catalog import job_hosts
from pipeline.mailbox.message import Mail
from pipeline.outreach import review
from pipeline.records import Job
from pipeline.states import State
from pipeline.store.base import JobStore

THREAD, RECIPIENT, DOMAIN, SUBJECT = "thread", "recipient", "domain", "subject"
# Jobs mail may be about: those with drafts a person approved, filed or sent, and those a
# person's mail already moved.
STATES = (State.DRAFT_GENERATED, State.APPLIED, State.CONTACTED, State.REPLIED, State.INTERVIEW)
OUTREACH = (review.APPROVED, review.FILED, review.SENT)
FREE_MAIL = frozenset((
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
    "icloud.com", "me.com", "mac.com", "aol.com", "gmx.de", "gmx.net", "gmx.com", "web.de", "t-online.de",
    "proton.me", "protonmail.com", "pm.me", "mail.com", "fastmail.com", "zoho.com", "yandex.com", "yandex.ru",
    "orange.fr", "free.fr", "laposte.net", "hotmail.fr", "sfr.fr", "libero.it", "qq.com", "163.com",
    "hotmail.de", "hotmail.es", "yahoo.de", "yahoo.fr", "yahoo.es", "ziggo.nl", "kpnmail.nl", "hetnet.nl"))
ATS = ("greenhouse.io", "lever.co", "ashbyhq.com", "workable.com", "smartrecruiters.com", "myworkdayjobs.com",
       "personio.de", "personio.com", "recruitee.com", "teamtailor.com", "join.com", "bamboohr.com", "jobvite.com",
       "icims.com", "successfactors.com", "taleo.net", "breezy.hr", "pinpointhq.com", "workday.com")
FAILED_RECIPIENT = re.compile(r"(?:Final|Original)-Recipient:\s*(?:rfc822;)?\s*<?([^\s<>;]+@[^\s<>;]+)", re.I)
REPLY_PREFIX = re.compile(r"^(?:\s*(?:re|aw|antw|rv|r|sv|tr|fwd?|wg|res)\s*(?:\[\d+\])?\s*:)+", re.I)


def bare_subject(subject: str) -> str:
    """A subject without Re:/AW:/Antw:/RV:/Fwd: prefixes, lower case, spaces folded."""
    return " ".join(REPLY_PREFIX.sub("", subject or "").lower().split())


def domain_of(address_or_url: str) -> str:
    text = address_or_url.strip().lower()
    if "@" in text:
        return text.rpartition("@")[2].strip(">. ")
    text = re.sub(r"^[a-z]+://", "", text)
    return text.split("/")[0].split(":")[0].removeprefix("www.")


def parents(domain: str) -> list[str]:
    """mail.eu.acme.com -> [mail.eu.acme.com, eu.acme.com, acme.com] (never a bare suffix)."""
    parts = domain.split(".")
    return [".".join(parts[i:]) for i in range(len(parts) - 1)]


@functools.cache
def _not_company_hosts() -> frozenset[str]:
    return frozenset((*job_hosts(), *ATS, *FREE_MAIL))


def not_company(domain: str) -> bool:
    """A free-mail, job-board or ATS domain (or a subdomain of one): never a company's own."""
    hosts = _not_company_hosts()
    return not domain or any(part in hosts for part in parents(domain))


@dataclass(frozen=True)
class Outreach:
    """One e-mail draft a person approved, filed or sent."""

    job_id: str
    n: int
    state: str
    message_ids: tuple[str, ...]
    address: str
    subject: str  # bare_subject
    since: float  # when it was approved, filed or sent (epoch seconds): mail before cannot be about it


@dataclass(frozen=True)
class Match:
    job_id: str
    how: str  # thread | recipient | domain | subject
    sure: bool  # False: the message waits for the person
    n: int | None = None  # the draft it answers, when known
    others: tuple[str, ...] = ()  # other jobs it might be about


@dataclass
class Index:
    jobs: dict[str, Job] = field(default_factory=dict)
    drafts: list[Outreach] = field(default_factory=list)
    by_message_id: dict[str, Outreach] = field(default_factory=dict)
    by_address: dict[str, list[Outreach]] = field(default_factory=dict)
    by_domain: dict[str, set[str]] = field(default_factory=dict)  # company domains we know from the jobs
    companies: dict[str, str] = field(default_factory=dict)  # sender domain -> company id (store lookups)
    company_keys: dict[str, str] = field(default_factory=dict)  # job id -> its company's normalised name

    @property
    def earliest(self) -> float | None:
        """The first outreach: mail older than that is no reply to us."""
        times = [d.since for d in self.drafts if d.since] + \
            [j.updated_at for j in self.jobs.values() if j.status in (State.CONTACTED, State.REPLIED,
                                                                      State.INTERVIEW, State.APPLIED)]
        return min(times) if times else None


def _since(draft: dict[str, Any]) -> float:
    from datetime import datetime

    stamps = [(draft.get("review") or {}).get("at"), (draft.get("filed") or {}).get("at"),
              (draft.get("sent") or {}).get("at")]
    found = []
    for stamp in stamps:
        if stamp:
            try:
                found.append(datetime.fromisoformat(str(stamp).replace("Z", "+00:00")).timestamp())
            except ValueError:
                pass
    return min(found) if found else 0.0


def build(store: JobStore, jobs: Iterable[Job] | None = None) -> Index:
    """The index of every job mail may be about."""
    index = Index()
    found = jobs if jobs is not None else (j for status in STATES for j in store.list_jobs(status))
    for job in found:
        drafts = [(n, d) for n, d in enumerate(job.data.get("drafts") or [], 1)
                  if d.get("channel") == "email" and review.state_of(d) in OUTREACH]
        if not drafts and job.status in (State.DRAFT_GENERATED,):
            continue
        index.jobs[job.id] = job
        if job.company and len(company_key(job.company)) >= 3:
            index.company_keys[job.id] = f" {company_key(job.company)} "
        for n, draft in drafts:
            ids = tuple(i for i in (draft.get("message_id"), (draft.get("filed") or {}).get("message_id"),
                                    (draft.get("sent") or {}).get("message_id"), *(draft.get("old_message_ids") or []))
                        if i)
            address = str((draft.get("recipient") or {}).get("address") or "").lower()
            outreach = Outreach(job.id, n, review.state_of(draft), tuple(dict.fromkeys(ids)), address,
                                bare_subject(str(draft.get("subject") or "")), _since(draft))
            index.drafts.append(outreach)
            for message_id in outreach.message_ids:
                index.by_message_id[message_id] = outreach
            if address:
                index.by_address.setdefault(address, []).append(outreach)
                if not not_company(domain_of(address)):
                    index.by_domain.setdefault(domain_of(address), set()).add(job.id)
        if job.company_url and not not_company(domain_of(job.company_url)):
            index.by_domain.setdefault(domain_of(job.company_url), set()).add(job.id)
    return index


class Matcher:
    """Matches messages against one index; looks company aliases up in the store once per domain."""

    def __init__(self, store: JobStore, index: Index) -> None:
        self.store, self.index = store, index

    def match(self, mail: Mail) -> Match | None:
        for message_id in mail.refers_to:
            outreach = self.index.by_message_id.get(message_id)
            if outreach:
                return Match(outreach.job_id, THREAD, True, outreach.n)
        return self.by_sender(mail.sender, mail.subject)

    def by_sender(self, sender: str, subject: str) -> Match | None:
        drafts = self.index.by_address.get(sender)
        if drafts:
            return self._pick(drafts, subject, RECIPIENT)
        jobs = self._company_jobs(domain_of(sender)) if sender else []
        if jobs:
            return self._pick_job(jobs, subject, DOMAIN)
        return self.by_subject(subject)

    def _pick(self, drafts: list[Outreach], subject: str, how: str) -> Match:
        """One of several drafts to the same address: the one whose subject it answers, else the latest."""
        same = [d for d in drafts if d.subject and d.subject == bare_subject(subject)]
        chosen = (same or sorted(drafts, key=lambda d: d.since))[-1]
        return Match(chosen.job_id, how, True, chosen.n)

    def _pick_job(self, job_ids: list[str], subject: str, how: str) -> Match:
        if len(job_ids) == 1:
            return Match(job_ids[0], how, True)
        answered = [d for d in self.index.drafts if d.job_id in job_ids and d.subject and
                    d.subject == bare_subject(subject)]
        if len({d.job_id for d in answered}) == 1:
            return Match(answered[0].job_id, how, True, answered[0].n)
        latest = max(job_ids, key=lambda j: self.index.jobs[j].updated_at)
        return Match(latest, how, False, others=tuple(j for j in job_ids if j != latest))

    def _company_jobs(self, domain: str) -> list[str]:
        """Jobs of the company this domain belongs to: from our drafts' recipients and the jobs'
        company URLs, else through the store's company aliases (domain:acme.com, parents too)."""
        if not_company(domain):
            return []
        for candidate in parents(domain):
            if candidate in self.index.by_domain:
                return sorted(self.index.by_domain[candidate])
        if domain not in self.index.companies:
            company = self.store.find_company([f"domain:{d}" for d in parents(domain)])
            self.index.companies[domain] = str(company["id"]) if company else ""
        company_id = self.index.companies[domain]
        return sorted(j.id for j in self.index.jobs.values() if company_id and j.linked_company == company_id)

    def by_subject(self, subject: str) -> Match | None:
        """The weakest: the subject names a company we wrote to, or is one of our subjects. Waits."""
        bare = bare_subject(subject)
        if not bare:
            return None
        same = sorted({d.job_id for d in self.index.drafts if d.subject and d.subject == bare})
        if same:
            return Match(same[-1], SUBJECT, False, others=tuple(same[:-1]))
        words = f" {company_key(bare)} "
        named = sorted(job_id for job_id, key in self.index.company_keys.items() if key in words)
        if named:
            return Match(named[-1], SUBJECT, False, others=tuple(named[:-1]))
        return None

    def bounced(self, text: str) -> tuple[Match | None, str]:
        """A bounce: the returned message's Message-ID, else a failed recipient we wrote to.
        Returns the match and the address that failed."""
        failed = [a.lower() for a in FAILED_RECIPIENT.findall(text)]
        failed += [a.lower().strip("<>.,;:") for a in re.findall(r"<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?", text)]
        for message_id in re.findall(r"<[^<>\s]{1,250}@[^<>\s]{1,250}>", text):
            outreach = self.index.by_message_id.get(message_id)
            if outreach:
                return Match(outreach.job_id, THREAD, True, outreach.n), outreach.address or \
                    next((a for a in failed if a in self.index.by_address), "")
        for address in failed:
            drafts = self.index.by_address.get(address)
            if drafts:
                chosen = sorted(drafts, key=lambda d: d.since)[-1]
                return Match(chosen.job_id, RECIPIENT, True, chosen.n), address
        return None, ""

    def sent(self, mail: Mail) -> list[Outreach]:
        """Drafts this message in Sent is: the same Message-ID, else the same recipient and
        subject, sent after the draft was approved or filed."""
        if mail.message_id in self.index.by_message_id:
            return [self.index.by_message_id[mail.message_id]]
        found = []
        for address in mail.recipients:
            for draft in self.index.by_address.get(address, []):
                if draft.state in (review.APPROVED, review.FILED) and draft.subject and \
                        draft.subject == bare_subject(mail.subject) and (not mail.date or mail.date >= draft.since):
                    found.append(draft)
        return found
