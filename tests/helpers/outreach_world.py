"""Drafts made the real way for tests and the outreach eval: the sample company sites served by a
loopback HTTP server (tests/fixtures/sample_sites, written for the tests), recorded real postings
(tests/fixtures, see each SOURCES.md), the enrich stage over HTTP and the draft stage, each
scenario in a fresh project. Real companies' postings come without company pages: none were
recorded, and none is ever invented."""

import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline import constants as c
from pipeline.config.loading import load_config
from pipeline.config.profile import load_profile
from pipeline.engine.runner import run_stage
from pipeline.outreach import rubric
from pipeline.records import Job
from pipeline.sources import ashby, greenhouse, lever
from pipeline.sources.linkedin import parse_detail
from pipeline.stages.draft import Draft
from pipeline.stages.enrich import Enrich
from pipeline.states import State
from pipeline.store import JobStore, NewJob, open_store
from tests.helpers.http_server import FIXTURES, RecordedServer, Reply
from tests.helpers.project import write_config

EVALS = Path(__file__).resolve().parent.parent / "evals"
SITES = {  # fixture directory -> host; every .html file is served at /<name> (index at /)
    "acme": "acme-robotics.example", "brightlane": "brightlane.example", "formonly": "formonly.example",
    "nordlicht": "nordlicht-energie.example", "hiddenhand": "hiddenhand.example",
    "quaymetrics": "quaymetrics.example", "tinyforge": "tinyforge.example",
}
PATHS = {"impressum": "/impressum", "ueber-uns": "/ueber-uns"}


def serve_sites(server: RecordedServer) -> None:
    for site, host in SITES.items():
        for page in sorted((FIXTURES / "sample_sites" / site).glob("*.html")):
            path = "/" if page.stem == "index" else PATHS.get(page.stem, f"/{page.stem}")
            server.routes[f"//{host}{path}"] = Reply(200, page.read_text(encoding="utf-8"))


def recorded_posting(ref: str) -> NewJob:
    """'greenhouse/FILE.json#Title' (also lever, ashby) or 'linkedin/FILE.html': a real posting as
    the source parses it."""
    path, _, title = ref.partition("#")
    kind = path.split("/")[0]
    text = (FIXTURES / path).read_text(encoding="utf-8")
    if kind == "linkedin":
        detail = parse_detail(text)
        return NewJob(source="linkedin", source_id=path, url=f"https://www.linkedin.com/jobs/view/{abs(hash(path))}",
                      title=detail["title"], company=detail["company"], description=detail["description"],
                      company_url=detail["company_url"])
    parse = {"greenhouse": greenhouse.parse_board, "lever": lever.parse_board, "ashby": ashby.parse_board}[kind]
    board = path.split("__")[-1].split("_")[1] if "__" in path else "board"
    return next(j for j in parse(board.capitalize(), json.loads(text)) if " ".join(j.title.split()) == title.strip())


@dataclass
class Made:
    """One scenario's outcome: the store, its jobs by scenario index, the profile used."""

    store: JobStore
    jobs: list[str]
    profile: Any
    config: Any
    drafts: list[dict[str, Any]] = field(default_factory=list)  # each with job_id, n, and the draft


def profiles() -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = yaml.safe_load((EVALS / "outreach_profiles.yaml").read_text())
    return found


def scenarios() -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = yaml.safe_load((EVALS / "outreach_scenarios.yaml").read_text())
    return found


def make(scenario: dict[str, Any], server: RecordedServer, root: Path, llm: Any = None) -> Made:
    """Enrich and draft one scenario's jobs in a fresh project (templates unless `llm` is given)."""
    directory = Path(tempfile.mkdtemp(dir=root))
    (directory / "profile.yaml").write_text(yaml.safe_dump(profiles()[scenario["profile"]], allow_unicode=True))
    generator = {"retry_base_seconds": 0.001, "retry_max_seconds": 0.001, "channels": ["email", "linkedin"],
                 "max_recipients": scenario.get("max_recipients", 1)}
    sections: dict[str, Any] = {
        "enricher": {"dns_nameservers": ["127.0.0.1"]}, "generator": generator,
        "http": {"proxy": server.base_url, "min_delay": 0, "max_delay": 0, "timeout_seconds": 5},
        "sources": {"linkedin": {"base_url": server.base_url, "min_delay": 0, "max_delay": 0}}}
    if llm is not None:
        sections["llm"] = {"base_url": llm.base_url, "model": "test-model", "timeout_seconds": 5,
                           "summarize_companies": False, "prices": {"test-model": {"prompt": 1.0, "completion": 2.0}}}
    config = load_config(str(write_config(directory, sections)))
    store = open_store(config)
    ids = []
    for n, spec in enumerate(scenario["jobs"]):
        ids.append(_insert(store, spec, n))
    enricher = Enrich(config, mx_lookup=lambda domain: "ok")
    enricher.fetcher.sleep = lambda seconds: None
    run_stage(store, enricher.stage(), config.stages[c.ENRICH])
    for job_id in ids:  # a posting of a company without pages is drafted from its own text
        job = store.get(job_id)
        if job and job.status == State.FAILED:
            raise AssertionError(f"{scenario['id']}: enrich failed: {job.last_error}")
    for _ in scenario["jobs"]:  # postings arrive one after another, as they do
        run_stage(store, Draft(config).stage(), config.stages[c.DRAFT], limit=1)
    made = Made(store, ids, load_profile(directory / "profile.yaml"), config)
    for job_id in ids:
        job = store.get(job_id)
        assert job is not None
        for n, draft in enumerate(job.data.get("drafts") or [], 1):
            made.drafts.append({"job_id": job_id, "n": n, "draft": draft})
    return made


def _insert(store: JobStore, spec: dict[str, Any], n: int) -> str:
    if "recorded" in spec:
        posting = recorded_posting(spec["recorded"])
        values = {k: getattr(posting, k) for k in ("source", "source_id", "url", "title", "company", "location",
                                                   "description", "extra")}
        values.update(company_url="", status=State.ENRICHED)
    else:
        host = SITES[spec["site"]]
        values = {"source": spec.get("source", "test"), "source_id": f"{spec['site']}-{n}",
                  "url": spec.get("url", f"https://jobs.example.org/{spec['site']}/{n}"), "title": spec["title"],
                  "company": spec["company"], "location": spec.get("location", ""),
                  "description": spec["description"], "company_url": f"http://{host}/", "status": State.SCORED}
    store.upsert_job(NewJob(**values))
    job = store.find(values["source"], values["source_id"], values["url"])
    assert job is not None
    return job.id


def rubric_problems(made: Made) -> list[str]:
    """Every rubric problem of a scenario's drafts: each draft's, the company's, the approvals'."""
    found = []
    by_company: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for job_id in made.jobs:
        job = made.store.get(job_id)
        assert job is not None
        company = made.store.find_company([job.linked_company]) if job.linked_company else None
        facts = rubric.rubric_facts(made.profile, job, company)
        for n, draft in enumerate(job.data.get("drafts") or [], 1):
            found += [f"{job.title} draft {n}: {p}" for p in rubric.problems(draft, facts)]
        by_company.setdefault(job.linked_company or job.id, {})[job.id] = job.data.get("drafts") or []
        found += [f"{job.title}: draft {n} approved without an address"
                  for n in rubric.approved_without_address(job.data.get("drafts") or [])]
    for jobs in by_company.values():
        found += rubric.company_problems(jobs)
    return found


def job_of(made: Made, job_id: str) -> Job:
    job = made.store.get(job_id)
    assert job is not None
    return job


def cleanup(root: Path) -> None:
    shutil.rmtree(root, ignore_errors=True)
