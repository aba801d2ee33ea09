"""Jobs for the review page's tests and screenshots: drafted jobs with a fit, a company record
with its sources, contacts and history, made through the store's own calls."""

from pipeline import constants as c
from pipeline.config.catalog import stage_states
from pipeline.states import State
from pipeline.store import JobStore
from tests.helpers.builders import a_draft, new_job

DRAFT = stage_states(c.DRAFT)
FIT = {"score": 82, "method": "heuristic", "components": {"title": 30.0, "skills": 28.5, "seniority": 10.0,
                                                          "location": 10.0, "language": 5.0, "freshness": 3.5,
                                                          "avoid": -5.0},
       "matched": ["Python", "PostgreSQL", "Kafka"], "missing": ["Go"], "flags": ["requires German"],
       "reasons": ["title matches 'backend engineer'"], "brief": "", "scored_at": 1_800_000_000.0}
COMPANY = {"name": "Acme Robotics", "facts": {
    "website": {"value": "https://acme.example", "source": "https://acme.example/",
                "fetched_at": "2026-11-20T09:00:00Z"},
    "industry": {"value": "Industrial automation", "source": "https://www.linkedin.com/company/acme",
                 "fetched_at": "2026-11-20T09:00:00Z"},
    "size": {"value": "51-200 employees", "source": "https://www.linkedin.com/company/acme",
             "fetched_at": "2026-11-20T09:00:00Z"}},
    "people": [{"name": "Jonas Weber", "role": "Head of Engineering", "source": "https://acme.example/team"},
               {"name": "Lena Fischer", "role": "Talent Partner", "source": "https://acme.example/team"}],
    "emails": {"published": [{"address": "jonas@acme.example", "source": "https://acme.example/contact"}],
               "guesses": {"Lena Fischer": [{"address": "lena.fischer@acme.example", "confidence": 0.7}]},
               "mx": "ok"}}


def drafted(store: JobStore, n: int, names: tuple[str, ...] = ("Jonas",), score: float = 80.0,
            linked: bool = True, **fields: object) -> str:
    """Job n through the draft stage: its fit, a link to Acme's record, and a draft per name."""
    store.upsert_job(new_job(n, status=State.ENRICHED, **fields))
    job = store.claim(DRAFT, "test", 60)
    assert job is not None
    data = {"drafts": [a_draft(name) for name in names], "fit": {**FIT, "score": score}}
    content: dict[str, object] = {"score": score}
    if linked:
        token = store.lock_company("name:acme", "test", 60)
        if token:
            store.save_company("name:acme", token, COMPANY, ["name:acme"])
        content["company_id"] = "name:acme"
    assert store.complete(job.id, job.lease_token, DRAFT, data, content)
    return job.id


def fill_demo(store: JobStore) -> list[str]:
    """A small, plausible queue: five drafted jobs at different scores, a scored one, a failed one."""
    titles = [("Senior Backend Engineer (Python)", "Acme Robotics", "Berlin", "greenhouse", 88.0),
              ("Platform Engineer", "Northwind Analytics", "Remote (EU)", "lever", 81.0),
              ("Data Engineer, Streaming", "Brightlane", "Hamburg", "linkedin", 74.0),
              ("Backend Developer – Payments", "Nordlicht Bank", "Munich", "ashby", 66.0),
              ("Software Engineer, Internal Tools", "Formonly GmbH", "Berlin", "himalayas", 58.0)]
    ids = [drafted(store, n, ("Jonas", "Lena") if n == 0 else ("Jonas",), score, title=title, company=name,
                   location=place, source=source, url=f"https://jobs.example.org/{source}/{n}",
                   description="We build robots that sort parcels.\n\nYou will own our Python services "
                               "(PostgreSQL, Kafka) and mentor two engineers.")
           for n, (title, name, place, source, score) in enumerate(titles)]
    store.upsert_job(new_job(20, title="Site Reliability Engineer", company="Delta Systems", location="Leipzig"))
    return ids
