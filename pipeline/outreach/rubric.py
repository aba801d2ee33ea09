"""The rubric a draft must meet to be worth sending, in one place: the draft stage rejects a
model's answer that fails it (and tells the model why), the tests assert it on every draft they
make, and the outreach eval asserts it on every labelled draft.

Per draft: subject at most 60 characters and not "<title> at <company>"; an e-mail body of 60 to
120 words, a LinkedIn note of at most 300 characters; no legal suffix (GmbH, Inc., Ltd, ...) in
the prose; no tagline or meta description quoted; no skill stated as required that the posting's
requirements do not require. Per company: never the same text to two people, never two open
drafts to one person. Per review: no e-mail draft approved without an address.
"""

import re
from dataclasses import dataclass
from typing import Any

from pipeline.config.profile import Profile
from pipeline.fit.requirements import Asked, asked
from pipeline.outreach import review
from pipeline.outreach.conversations import OPEN, person_of
from pipeline.outreach.drafts import DraftRejected
from pipeline.outreach.voice import company_name, role_title
from pipeline.records import Job

SUBJECT_MAX, MIN_WORDS, MAX_WORDS, NOTE_MAX = 60, 60, 120, 300
LEGAL = re.compile(r"(?<![\w&])(?:GmbH|gGmbH|AG|SE|KG|OHG|UG|Inc\.?|Incorporated|LLC|L\.L\.C\.|Ltd\.?|Limited|PLC|plc|"
                   r"Corp\.?|B\.V\.|BV|N\.V\.|S\.A\.|S\.A\.S\.|S\.L\.|S\.p\.A\.|S\.r\.l\.|Pty|Oy|AB|ApS|A/S|AS|ASA|"
                   r"Sp\. z o\.o\.|K\.K\.)(?![\w&])")
REQUIRES = re.compile(r"\b(?:asks? for|requires?|required|must[- ]have|calls? for|looking for|verlangt|erfordert|"
                      r"gefragt sind|setzt voraus)\b", re.I)
PLUS = re.compile(r"\b(?:a plus|nice[- ]to[- ]have|bonus|preferred|als plus|von vorteil|wünschenswert)\b", re.I)


@dataclass(frozen=True)
class Facts:
    """What the rubric needs to know about a draft's job and company."""

    title: str
    company: str  # as the job or the company record names it (with its legal suffix, if any)
    taglines: tuple[str, ...] = ()
    asked: Asked | None = None  # the person's skills as the posting asks for them


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def title_at_company(subject: str, title: str, company: str) -> bool:
    """'Backend Engineer at Acme Robotics GmbH', 'Backend Engineer bei Acme', 'Backend Engineer - Acme'."""
    said = _norm(subject)
    titles = {_norm(title), _norm(role_title(title))}
    companies = {_norm(company), _norm(company_name(company))}
    return any(said in (f"{t} {w} {c}", f"{t} {c}") for t in titles for c in companies
               for w in ("at", "bei", "chez", "en", "in", "with", "for"))


def legal_suffix(text: str, company: str) -> str:
    """The legal suffix of the company's name if the text says it in prose ('Acme Robotics GmbH')."""
    short = company_name(company)
    for match in LEGAL.finditer(text):
        before = text[:match.start()].rstrip(" ,")
        if short and before.endswith(short.split()[-1]) or _norm(company).endswith(_norm(match.group(0))):
            return match.group(0)
    return ""


def quoted_tagline(body: str, taglines: tuple[str, ...]) -> str:
    """A tagline or meta description (of five words or more) the body repeats."""
    said = _norm(body)
    return next((t for t in taglines if len(_norm(t).split()) >= 5 and _norm(t) in said), "")


def misstated_skills(body: str, asked: Asked) -> list[str]:
    """Skills a sentence says the role requires that its requirements do not require."""
    wrong: list[str] = []
    for line in re.split(r"(?<=[.;!?])\s+|\n", body):
        if not REQUIRES.search(line):
            continue
        claim = PLUS.split(line)[0]  # what comes after "a plus" is named as a plus
        for skill in [*asked.plus, *asked.mentioned]:
            if skill not in asked.required and re.search(rf"(?<!\w){re.escape(skill)}(?!\w)", claim, re.I):
                wrong.append(skill)
    return wrong


def problems(draft: dict[str, Any], facts: Facts) -> list[str]:
    """Everything about one draft that a careful reader would not send."""
    subject, body, channel = str(draft.get("subject") or ""), str(draft["body"]), draft.get("channel", "email")
    found = []
    if channel == "email":
        if len(subject) > SUBJECT_MAX:
            found.append(f"subject has {len(subject)} characters; at most {SUBJECT_MAX}")
        if title_at_company(subject, facts.title, facts.company):
            found.append("the subject is '<title> at <company>', like an ATS notification")
        words = len(body.split())
        if not MIN_WORDS <= words <= MAX_WORDS:
            found.append(f"body has {words} words; {MIN_WORDS} to {MAX_WORDS} read as a person's e-mail")
    elif len(body) > NOTE_MAX:
        found.append(f"note has {len(body)} characters; at most {NOTE_MAX}")
    suffix = legal_suffix(f"{subject}\n{body}", facts.company)
    if suffix:
        found.append(f"says the legal suffix {suffix!r}; people leave it out")
    tagline = quoted_tagline(body, facts.taglines)
    if tagline:
        found.append(f"quotes the company's tagline back: {tagline!r}")
    if facts.asked:
        wrong = misstated_skills(body, facts.asked)
        if wrong:
            found.append(f"says the role requires {', '.join(wrong)}, which the posting does not require")
    return found


def rubric_facts(profile: Profile, job: Job, company: dict[str, Any] | None) -> Facts:
    """The rubric's view of a job: its title, the company's name, its taglines, the skills asked."""
    return Facts(job.title, job.company or str((company or {}).get("name") or ""),
                 tuple(str(t) for t in (company or {}).get("taglines") or []),
                 asked(profile.skills, job.title, job.description))


def check_rubric(draft: dict[str, Any], facts: Facts, others: set[str] | frozenset[str] = frozenset()) -> None:
    """Raise DraftRejected with the first problem (a model's answer goes back to it with the reason);
    `others` are the texts already written to other people at the company."""
    found = problems(draft, facts)
    if str(draft["body"]) in others:
        found.append("the same text was already written to someone else at this company")
    if found:
        raise DraftRejected(found[0])


def company_problems(drafts_by_job: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Across one company's jobs: the same text to two people; two open drafts to one person."""
    found = []
    texts: dict[str, str] = {}
    open_to: dict[str, str] = {}
    for job_id, drafts in drafts_by_job.items():
        for n, draft in enumerate(drafts, 1):
            who = person_of(draft)
            text = _norm(str(draft["body"]))
            if text in texts and texts[text] != who:
                found.append(f"the same text goes to {texts[text]} and {who} (job {job_id}, draft {n})")
            texts.setdefault(text, who)
            if review.state_of(draft) in OPEN and draft.get("channel", "email") == "email":
                if who in open_to and open_to[who] != job_id:
                    found.append(f"{who} has open drafts on jobs {open_to[who]} and {job_id}")
                open_to.setdefault(who, job_id)
    return found


def approved_without_address(drafts: list[dict[str, Any]]) -> list[int]:
    """Numbers (from 1) of approved or later e-mail drafts that have no address."""
    return [n for n, d in enumerate(drafts, 1) if d.get("channel", "email") == "email"
            and review.state_of(d) in (review.APPROVED, review.FILED, review.SENT)
            and not (d.get("recipient") or {}).get("address")]
