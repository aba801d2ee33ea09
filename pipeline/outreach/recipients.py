"""Who a draft goes to, and at which address, said honestly.

An address is `personal` (the person's own, published by a page or the posting and tied to them by
an exact name pattern), `role` (a shared inbox such as jobs@ or careers@: the draft greets the
team, or asks to pass it on to the named person), `guess` (a pattern guess, with its confidence)
or absent. Drafts written before these kinds existed say `published`: `address_kind` reads
them as personal or role by the same rules.
"""

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from pipeline.companies.addresses import name_parts, own_address
from pipeline.companies.contacts import FOUNDER, MANAGER, UNRELATED, function_of, job_contacts
from pipeline.companies.identity import company_key, linkedin_slug
from pipeline.records import Job

PERSONAL, ROLE, GUESS, OLD_PUBLISHED = "personal", "role", "guess", "published"
EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")
ROLE_ADDRESSES = ("jobs", "careers", "career", "hiring", "recruiting", "talent", "apply", "engineering", "karriere",
                  "bewerbung", "hr", "people", "team", "hello", "info", "contact", "kontakt")
# who reads the message, from the recipient's role: each hears what matters to them
MANAGER_KIND, RECRUITER, FOUNDER_KIND, PEER, TEAM = "manager", "recruiter", "founder", "peer", "team"


@dataclass(frozen=True)
class Recipient:
    name: str
    role: str
    address: str = ""
    address_status: str = ""  # personal, role, guess, or "" when none is known
    profile_url: str = ""
    address_source: str = ""  # the page or posting that published it, or how it was guessed
    confidence: float | None = None  # a guess's
    audience: str = MANAGER_KIND

    def as_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {"name": self.name, "role": self.role, "address": self.address,
                                 "address_status": self.address_status, "profile_url": self.profile_url,
                                 "address_source": self.address_source, "audience": self.audience}
        if self.confidence is not None:
            found["confidence"] = self.confidence
        return found


def is_role_address(address: str) -> bool:
    """jobs@, careers@, engineering-team@, hello@ ...: a shared inbox, not a person's."""
    local = address.split("@")[0].lower()
    return any(part in ROLE_ADDRESSES for part in re.split(r"[._+-]", local))


def address_kind(recipient: dict[str, Any]) -> str:
    """A stored recipient's address kind; an older draft's `published` is read as personal when
    the address is the person's by name pattern, else as role."""
    status = str(recipient.get("address_status") or "")
    address = str(recipient.get("address") or "")
    if status != OLD_PUBLISHED:
        return status if address else ""
    if is_role_address(address):
        return ROLE
    name = str(recipient.get("name") or "")
    first = (name_parts(name) or ("", ""))[0]
    mine = own_address(name, [address]) or (first and address.split("@")[0].lower() == first)
    return PERSONAL if mine else OLD_PUBLISHED


def audience_of(role: str) -> str:
    """Who reads the message: a recruiter hears about the application, a manager or founder about
    the work, a peer is asked about the team."""
    if function_of(role) == "recruiting":
        return RECRUITER
    if FOUNDER.search(role or ""):
        return FOUNDER_KIND
    if MANAGER.search(role or "") or role.startswith("job poster"):
        return MANAGER_KIND
    return PEER


def blocked(address: str, dnc: dict[str, tuple[str, ...]]) -> bool:
    """An address on the list (any case), or at a listed domain or one of its subdomains."""
    address = address.strip().lower()
    host = address.split("@")[-1]
    return address in dnc.get("addresses", ()) or any(host == d or host.endswith("." + d)
                                                      for d in map(host_of, dnc.get("domains", ())))


def host_of(text: str) -> str:
    return urlsplit(text if "//" in text else f"//{text}").netloc.lower().removeprefix("www.")


def dnc_aliases(dnc: dict[str, tuple[str, ...]]) -> set[str]:
    """The company aliases the do-not-contact list names: each company as a normalised name
    ('Northwind Analytics' stops 'Northwind Analytics GmbH'), and as a LinkedIn slug or a domain
    when it is written as one; each domain."""
    found = {f"domain:{host_of(d)}" for d in dnc.get("domains", ()) if host_of(d)}
    for entry in dnc.get("companies", ()):
        slug = linkedin_slug(entry)
        if slug:
            found.add(f"li:{slug}")
        elif re.fullmatch(r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+/?", entry):
            found.add(f"domain:{host_of(entry)}")
        else:
            found.add(f"name:{company_key(entry)}")
    return found


def posting_addresses(job: Job) -> list[str]:
    """Addresses the posting itself publishes ("Contact: jobs@ecosia.org")."""
    return sorted({a.lower().rstrip(".") for a in EMAIL.findall(job.description or "")})


def company_addresses(company: dict[str, Any] | None) -> dict[str, str]:
    """The addresses the company's own pages publish, each with the page that published it."""
    return {str(e["address"]).lower(): str(e.get("source") or "")
            for e in ((company or {}).get("emails") or {}).get("published", [])}


def published_addresses(job: Job, company: dict[str, Any] | None) -> list[str]:
    """Every address a source published for this job: the company's pages and the posting."""
    return sorted(set(company_addresses(company)) | set(posting_addresses(job)))


def _source_of(address: str, job: Job, company: dict[str, Any] | None) -> str:
    return company_addresses(company).get(address) or (job.url if address in posting_addresses(job) else "")


def bounced(company: dict[str, Any] | None) -> set[str]:
    """Addresses a mail to bounced from (the mailbox marks them): never written to again."""
    return set((company or {}).get("bad_addresses") or {})


def general_address(job: Job, company: dict[str, Any] | None, dnc: dict[str, tuple[str, ...]]) -> str:
    """A shared inbox for a general draft: the posting's own first, then the company's role
    addresses (jobs@, careers@, engineering@, ..., hello@, info@), in that order. A person's own
    address is never used for someone else."""
    bad = bounced(company)
    own = [a for a in posting_addresses(job) if is_role_address(a) and not blocked(a, dnc) and a not in bad]
    if own:
        return own[0]
    published = {a for a in company_addresses(company) if not blocked(a, dnc) and a not in bad}
    return next((a for role in ROLE_ADDRESSES for a in sorted(published) if a.split("@")[0] == role), "")


def team_recipient(job: Job, company: dict[str, Any] | None, dnc: dict[str, tuple[str, ...]]) -> Recipient:
    """Nobody named: the hiring team at the shared inbox, when there is one."""
    general = general_address(job, company, dnc)
    return Recipient("", "hiring team", general, ROLE if general else "", "",
                     _source_of(general, job, company) if general else "", None, TEAM)


def choose_recipients(job: Job, company: dict[str, Any] | None, limit: int, dnc: dict[str, tuple[str, ...]],
                      min_guess: float = 0.5, skip: frozenset[str] = frozenset()) -> list[Recipient]:
    """The best-ranked contacts for this job (people of unrelated functions never, people in
    `skip` never: another posting's conversation has them) with their best address: their own
    published address, else a guess of at least `min_guess` confidence. The first without either
    is written to at the shared inbox, asked to pass the message on."""
    bad = bounced(company)
    published = [a for a in published_addresses(job, company) if a not in bad]
    general = general_address(job, company, dnc)
    chosen: list[Recipient] = []
    for person in job_contacts(job, company) if company else []:
        if person.get("rank", 0) >= UNRELATED or person_key(person["name"]) in skip:
            continue
        own = own_address(person["name"], published)
        guesses = [g for g in person.get("emails", []) if g["confidence"] >= min_guess and g["address"] not in bad]
        address, status, source, confidence = "", "", "", None
        if own:
            address, status, source = own, PERSONAL, _source_of(own, job, company)
        elif guesses:
            best = guesses[0]
            address, status, confidence = best["address"], GUESS, float(best["confidence"])
            source = f"pattern {best.get('pattern', '?')}, mail server {best.get('mx', 'unchecked')}"
        if address and blocked(address, dnc):
            continue
        if not address and general and general not in {r.address for r in chosen}:
            address, status, source = general, ROLE, _source_of(general, job, company)
        role = person.get("role", "")
        chosen.append(Recipient(person["name"], role, address, status, person.get("profile_url", ""), source,
                                confidence, audience_of(role)))
        if len(chosen) == limit:
            break
    return chosen


def stored_recipient(to: dict[str, Any]) -> Recipient:
    """A recipient as a draft stored it (an older draft's `published` read as personal or role)."""
    confidence = to.get("confidence")
    return Recipient(str(to.get("name") or ""), str(to.get("role") or ""), str(to.get("address") or ""),
                     address_kind(to), str(to.get("profile_url") or ""), str(to.get("address_source") or ""),
                     float(confidence) if confidence is not None else None,
                     str(to.get("audience") or (audience_of(str(to.get("role") or "")) if to.get("name") else TEAM)))


def person_key(name: str) -> str:
    """One person across postings and pages: 'Dr. Anna Schmidt' and 'anna schmidt' agree."""
    parts = name_parts(name)
    return " ".join(parts) if parts else re.sub(r"\W+", " ", (name or "").lower()).strip()
