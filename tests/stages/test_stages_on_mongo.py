"""Each stage's main flow on MongoDB (nx-27017, or MONGODB_TEST_URI): the stages do not know which
store they talk to, and nested stage data (contacts, drafts, company records) must survive it."""

import json
import shutil
import uuid

import pytest

from pipeline import constants as c
from pipeline.companies.contacts import job_contacts
from pipeline.config.loading import load_config
from pipeline.engine import policy
from pipeline.engine.runner import run_stage
from pipeline.outreach.export import draft_rows
from pipeline.sources.linkedin import DETAIL_PATH, SEARCH_PATH
from pipeline.stages.draft import Draft
from pipeline.stages.enrich import Enrich
from pipeline.stages.fit import FitStage
from pipeline.stages.scrape import Scrape
from pipeline.states import State
from pipeline.store import open_store
from tests.conftest import ROOT
from tests.helpers.http_server import RecordedServer, Reply, fixture
from tests.helpers.llm_server import LLMServer
from tests.helpers.project import write_config
from tests.stages.test_draft import GOOD, answer
from tests.stages.test_enrich import SITE, acme_job
from tests.stages.test_scrape import PAGE, pages, renumbered


@pytest.fixture
def mongo_project(tmp_path, mongo_uri, monkeypatch):
    monkeypatch.setenv(c.ENV_MONGODB_URI, mongo_uri.rstrip("/") + f"/stages_{uuid.uuid4().hex[:8]}")
    with RecordedServer() as server, LLMServer(default=answer()) as llm:
        fast = {"base_url": server.base_url, "min_delay": 0, "max_delay": 0}
        shutil.copy(ROOT / "profile.example.yaml", tmp_path / "profile.yaml")
        write_config(tmp_path, {
            "searches": [{"keywords": "software engineer", "sources": ["linkedin"]}],
            "sources": {"linkedin": fast}, "llm": {"base_url": llm.base_url},
            "http": {"proxy": server.base_url, "min_delay": 0, "max_delay": 0},
            "enricher": {"dns_nameservers": ["127.0.0.1"], "concurrency": 2}})
        config = load_config(str(tmp_path / "config.yaml"))
        assert config.storage.backend == "mongodb"
        store = open_store(config)
        yield config, store, server, llm
        store.close()


def test_scrape_enrich_and_draft_on_mongodb(mongo_project, monkeypatch):
    config, store, server, llm = mongo_project
    server.routes[SEARCH_PATH] = pages(PAGE, renumbered(1000), "")
    server.routes[DETAIL_PATH.format(id="*")] = Reply(200, fixture("linkedin", "guest_jobPosting_detail.html"))
    for path, page in (("/", "index.html"), ("/about", "about.html"), ("/team", "team.html"),
                       ("/contact", "contact.html")):
        server.routes[SITE + path] = Reply(200, fixture("sample_sites", "acme", page))

    scrape = Scrape(config)
    record = run_stage(store, scrape.stage(), config.stages[c.SCRAPE])
    assert record.details["new"] == 20 and record.succeeded == 20 and store.counts() == {State.SCRAPED: 20}
    assert store.list_jobs(limit=1)[0].data["detail"]["seniority"] == "not_applicable"
    record = run_stage(store, FitStage(config).stage(), config.stages[c.FIT])
    assert record.succeeded + record.skipped == 20 and sum(store.counts().values()) == 20
    assert all(j.score is not None and j.data["fit"]["method"] == "heuristic" for j in store.list_jobs())
    # the example profile wants Germany: US postings are skipped for fit, with their score kept
    assert record.details["skipped_for_fit"] == record.skipped == store.counts().get(State.SKIPPED, 0) > 0

    for n in range(3):
        store.upsert_job(acme_job(n))
    assert run_stage(store, Enrich(config, mx_lookup=lambda d: "ok").stage(), config.stages[c.ENRICH],
                     limit=None).succeeded >= 3
    acme = [j for j in store.list_jobs(State.ENRICHED) if j.source == "test"]
    ranked = job_contacts(acme[0], store.find_company([acme[0].company_id]))
    assert len(acme) == 3 and [p["name"] for p in ranked][:2] == ["Jonas Weber", "Lena Fischer"]
    assert [p for p in server.paths() if p == SITE + "/"] == [SITE + "/"], "fetched once"
    company = store.find_company(["name:acme robotics"])
    assert company["facts"]["website"]["source"] == "http://acme-robotics.example/"
    assert any(x["id"] == company["id"] and x["jobs"] == 3 for x in store.list_companies())

    monkeypatch.setenv(c.ENV_OPENROUTER_KEY, "sk-test-mongo-0123456789")
    config = load_config(str(config.path))
    llm.default = answer()
    only_acme = [j.id for j in store.list_jobs(State.ENRICHED) if j.source != "test"]
    for job_id in only_acme:
        policy.mark(store, job_id, State.SKIPPED)
    record = run_stage(store, Draft(config).stage(), config.stages[c.DRAFT])
    assert record.succeeded == 3 and record.details["llm_calls"] == 3
    rows = draft_rows(store.list_jobs(State.DRAFT_GENERATED))
    # one conversation with Jonas across the company's three postings, not three cold messages
    assert len(rows) == 1 and rows[0]["subject"] == GOOD["subject"] and rows[0]["address"]
    job = store.get(rows[0]["job_id"])
    assert len(job.data["drafts"][0]["roles"]) == 3
    joined = [j for j in store.list_jobs(State.DRAFT_GENERATED) if j.id != job.id]
    assert len(joined) == 2 and all(j.data["conversation"]["joined"][0]["job_id"] == job.id for j in joined)
    assert json.dumps(job.data["drafts"][0]["recipient"]).count("Jonas Weber") == 1
    assert [e["event"] for e in store.events(job.id)][-2:] == ["completed", "completed"]
