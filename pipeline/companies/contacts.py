"""Who to write to about one job, and why: the people a company names, ranked for this job.

A company's people are found once (enrich); their order depends on the job. For an engineering
job the engineering manager, head of engineering, a small company's CTO and the job's poster come
first, recruiters next, engineers and founders after them; people of unrelated functions (the
marketing director) are kept on record but never chosen. Each contact carries `why`.
"""

import re
from typing import Any

from pipeline.records import Job

# job functions, recognised in job titles and in people's roles (first match wins)
FUNCTIONS = (
    ("recruiting", r"recruit|talent|sourc(?:er|ing)|people partner|human resources|\bhr\b|people ops"),
    ("data", r"\bdata\b|machine learning|\bml\b|\bai\b|analytics|scientist|\bbi\b"),
    ("engineering", r"engineer|developer|\bdev\b|software|backend|back-end|frontend|front-end|full[- ]?stack|"
                    r"\bsre\b|devops|platform|infrastructure|architect|programm|technolog|\bcto\b|\bit\b|"
                    r"security|qa\b|quality assurance|mobile|ios|android|robotics"),
    ("design", r"design|\bux\b|\bui\b|user research"),
    ("product", r"\bproduct\b|\bpm\b"),
    ("sales", r"sales|account exec|account manag|business develop|\bsdr\b|\bbdr\b|revenue"),
    ("marketing", r"marketing|growth|brand|content|communications|\bpr\b|seo|community"),
    ("support", r"support|customer success|customer service|customer experience"),
    ("finance", r"financ|accounting|controller|\bcfo\b"),
    ("operations", r"operations|\bcoo\b|office|facilities|logistics"),
)
NEAR = {"data": {"engineering"}, "engineering": {"data"}, "product": {"engineering", "design"},
        "design": {"product"}}
MANAGER = re.compile(r"\b(?:head|director|manager|vp|vice president|chief|lead|leiter(?:in)?|principal)\b|"
                     r"\bc[tp]o\b", re.I)
FOUNDER = re.compile(r"\b(?:ceo|founder|co-founder|cofounder|owner|managing director|geschäftsführer(?:in)?|"
                     r"president)\b", re.I)
SMALL_COMPANY = 50
UNRELATED = 9  # kept on record, never chosen


def function_of(text: str) -> str:
    """'Senior Backend Engineer' -> 'engineering'; '' when no function is recognised."""
    text = (text or "").lower()
    return next((name for name, pattern in FUNCTIONS if re.search(pattern, text)), "")


def _small(company: dict[str, Any] | None) -> bool:
    """A company of at most 50 people (LinkedIn's size, or the number its site names), or unknown."""
    size = str((((company or {}).get("facts") or {}).get("size") or {}).get("value") or "")
    numbers = [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", size)]
    if numbers:
        return min(numbers) <= SMALL_COMPANY
    return len((company or {}).get("people") or []) <= 15


def rank_for_job(role: str, job_title: str, company: dict[str, Any] | None, poster: bool = False) -> tuple[int, str]:
    """(rank, why) of one person for one job: 1 decides on this hire, 2 recruits for it, 3 works
    in its function or founded a small company, 4 leads the company, UNRELATED another function."""
    if poster:
        return 1, "posted this job"
    job, theirs = function_of(job_title), function_of(role)
    manager, founder = bool(MANAGER.search(role or "")), bool(FOUNDER.search(role or ""))
    if theirs == "recruiting":
        return 2, "recruits for the company"
    if job and theirs == job and manager:
        return 1, f"leads {job}, the function this job is in"
    if job == "engineering" and re.search(r"\bcto\b|chief technology", role or "", re.I):
        return (1, "CTO of a small company") if _small(company) else (3, "CTO of a large company")
    if founder:
        return (3, "founder or CEO of a small company") if _small(company) else (4, "leads the company")
    if job and theirs in NEAR.get(job, set()) and manager:
        return 3, f"leads {theirs}, next to this job's function"
    if job and theirs == job:
        return 3, f"works in {job}"
    if not job or not theirs:
        return 4, "role's function not recognised"
    return UNRELATED, f"works in {theirs}, not {job}"


def ranked_contacts(job_title: str, people: list[dict[str, Any]], company: dict[str, Any] | None) -> \
        list[dict[str, Any]]:
    """The people ranked for this job, best first, each with `rank` and `why`; ties keep the page's order."""
    ranked = []
    for order, person in enumerate(people):
        rank, why = rank_for_job(person.get("role", ""), job_title, company, bool(person.get("poster")))
        ranked.append((rank, order, {**person, "rank": rank, "why": why}))
    return [person for _, _, person in sorted(ranked, key=lambda t: (t[0], t[1]))]


def job_contacts(job: Job, company: dict[str, Any]) -> list[dict[str, Any]]:
    """Who to write to about this job, ranked for it: its poster and the people
    the company names, each with why it ranks there and the address guesses the company holds."""
    people = []
    detail = job.data.get("detail") or {}
    recruiter = detail.get("recruiter")
    if recruiter and recruiter.get("name"):
        people.append({"name": recruiter["name"], "role": "job poster: " + (recruiter.get("headline") or ""),
                       "profile_url": recruiter.get("profile_url", ""), "source": job.url,
                       "found_at": detail.get("fetched_at", ""), "poster": True})
    people += [p for p in company.get("people", []) if p["name"] not in {x["name"] for x in people}]
    contacts = ranked_contacts(job.title, people, company)
    emails = company.get("emails") or {}
    for person in contacts:
        person["emails"] = (emails.get("guesses") or {}).get(person["name"], [])
    return contacts
