"""Postings that are current and clean: closed jobs expire (LinkedIn's marker in any UI language,
404/410, boards that stop listing a job), a re-check before drafting, criteria in any UI language,
and text decoded once. Closed-job and translated pages are the recorded detail page with a named
edit; no other page is invented."""

import json
import time

import pytest

from pipeline import constants as c
from pipeline.config.catalog import stage_states
from pipeline.config.loading import load_config
from pipeline.engine import policy
from pipeline.engine.runner import run_stage
from pipeline.sources import feeds, greenhouse
from pipeline.sources.linkedin import DETAIL_PATH, parse_detail
from pipeline.stages.scrape import Scrape
from pipeline.states import State
from pipeline.store import NewJob
from pipeline.text import clean
from tests.helpers.http_server import Reply, fixture

DETAIL = fixture("linkedin", "guest_jobPosting_detail.html")
CAPTIONS = {"en": "No longer accepting applications", "de": "Bewerbungen werden nicht mehr angenommen",
            "fr": "Les candidatures ne sont plus acceptées", "tr": "Artık başvuru kabul edilmiyor"}
# LinkedIn's criteria labels per UI language, in page order: seniority, employment type, function, industries
LABELS = {"de": ("Karrierestufe", "Beschäftigungsverhältnis", "Tätigkeitsbereich", "Branchen"),
          "fr": ("Niveau hiérarchique", "Type d’emploi", "Fonction", "Secteurs"),
          "es": ("Nivel de antigüedad", "Tipo de empleo", "Función laboral", "Sectores"),
          "pt": ("Nível de experiência", "Tipo de emprego", "Função", "Setores"),
          "it": ("Livello di anzianità", "Tipo di impiego", "Funzione lavorativa", "Settori"),
          "nl": ("Senioriteitsniveau", "Dienstverband", "Functie", "Sectoren"),
          "tr": ("Kıdem düzeyi", "İstihdam türü", "İş işlevi", "Sektörler")}
ENGLISH = ("Seniority level", "Employment type", "Job function", "Industries")


def closed(caption: str) -> str:
    """Named edit: the recorded detail page with LinkedIn's closed-job figure added to its top card."""
    figure = (f'<figure class="closed-job closed-job__flavor topcard__flavor-row">'
              f'<figcaption class="closed-job__flavor--closed">{caption}</figcaption></figure>')
    return DETAIL.replace('<div class="topcard__flavor-row">', figure + '<div class="topcard__flavor-row">', 1)


def relabelled(language: str) -> str:
    """Named edit: the recorded detail page with its four criteria labels in another UI language."""
    page = DETAIL
    for english, label in zip(ENGLISH, LABELS[language], strict=True):
        page = page.replace(f"\n            {english}\n", f"\n            {label}\n", 1) \
            .replace(f"\n              {english}\n", f"\n              {label}\n", 1)
    return page


@pytest.mark.parametrize("language", sorted(LABELS))
def test_criteria_in_any_ui_language_give_the_same_values(language):
    english, other = parse_detail(DETAIL), parse_detail(relabelled(language))
    assert [r["label"] for r in other["criteria_raw"]] == list(LABELS[language]), "the edit took"
    keys = ("seniority", "employment_type", "job_function", "industries")
    assert [other[k] for k in keys] == [english[k] for k in keys] == [
        "not_applicable", "full_time", "Engineering and Information Technology", "Software Development"]
    assert other["warnings"] == []


def test_an_unknown_label_is_kept_raw_and_warned_about():
    page = DETAIL.replace("\n            Seniority level\n", "\n            Σταθμίδα\n", 1)
    d = parse_detail(page)
    assert d["seniority"] == "not_applicable", "read by its position"
    assert any("Σταθμίδα" in w for w in d["warnings"]) and d["criteria_raw"][0]["label"] == "Σταθμίδα"


@pytest.mark.parametrize("language", sorted(CAPTIONS))
def test_the_closed_marker_is_read_by_markup_in_every_language(language):
    d = parse_detail(closed(CAPTIONS[language]))
    assert d["closed"] and d["closed_text"] == CAPTIONS[language]
    assert not parse_detail(DETAIL)["closed"]


# -- on a project with a loopback server ----------------------------------------------------------


@pytest.fixture
def boards(project, server):
    """A project reading the 'acme' Greenhouse board on the loopback server: (config, store)."""
    fast = {"base_url": server.base_url, "min_delay": 0, "max_delay": 0}
    made = project({"searches": [{"keywords": "engineer", "sources": ["greenhouse"]}],
                    "sources": {"linkedin": fast, "greenhouse": {**fast, "boards": ["acme"]}},
                    "scraper": {"retry_base_seconds": 0.001, "retry_max_seconds": 0.001}},
                   profile={"name": "Alex Example", "email": "alex@example.org"})
    return made.config, made.store


def board(*ids: int) -> Reply:
    jobs = [{"id": n, "title": f"Engineer {n}", "absolute_url": f"https://boards.example/acme/{n}",
             "location": {"name": "Remote"}, "content": "&lt;p&gt;Build.&lt;/p&gt;"} for n in ids]
    return Reply(200, json.dumps({"jobs": jobs}), content_type="application/json")


def test_board_jobs_missing_from_two_listings_in_a_row_expire(boards, server):
    """Synthetic board answers (the shape of Greenhouse's API) on the loopback server."""
    config, store = boards
    stage = Scrape(config).stage()
    server.routes["/v1/boards/acme/jobs"] = board(1, 2, 3)
    run_stage(store, stage, config.stages[c.SCRAPE])
    assert store.counts() == {State.SCRAPED: 3}
    server.routes["/v1/boards/acme/jobs"] = board(1, 2)
    run_stage(store, stage, config.stages[c.SCRAPE])
    server.routes["/v1/boards/acme/jobs"] = Reply(200, "<html>down for maintenance</html>")
    for _ in range(3):
        run_stage(store, stage, config.stages[c.SCRAPE])
    assert store.counts() == {State.SCRAPED: 3}, "one listing missed and failed fetches prove nothing"
    server.routes["/v1/boards/acme/jobs"] = board(1, 3)
    record = run_stage(store, stage, config.stages[c.SCRAPE])
    assert record.details["expired"] == 0, "job 3 is back (its count restarts); job 2 missed once"
    server.routes["/v1/boards/acme/jobs"] = board(1, 3)
    record = run_stage(store, stage, config.stages[c.SCRAPE])
    assert record.details["expired"] == 1
    gone = next(j for j in store.list_jobs() if j.source_id == "acme:2")
    assert gone.status == State.EXPIRED and "absent from the greenhouse board" in gone.data["expired"]["how"]
    assert [e["event"] for e in store.events(gone.id)][-1] == "closed"
    assert next(j for j in store.list_jobs() if j.source_id == "acme:3").data["listing_missed"] == 0


def test_linkedin_closed_or_gone_details_expire(boards, server):
    config, store = boards
    for n in (1, 2, 3):
        store.upsert_job(NewJob(source="linkedin", source_id=str(n), url=f"https://www.linkedin.com/jobs/view/{n}",
                                title="Engineer", company="Notion", extra={"linkedin_job_id": str(n)}))
    server.routes[DETAIL_PATH.format(id="1")] = Reply(200, closed(CAPTIONS["fr"]))
    server.routes[DETAIL_PATH.format(id="2")] = Reply(410, "gone")
    server.routes[DETAIL_PATH.format(id="3")] = Reply(200, DETAIL)
    config = load_config(str(config.path))
    run_stage(store, Scrape(config).stage(), config.stages[c.SCRAPE], limit=None)
    by_id = {j.source_id: j for j in store.list_jobs()}
    assert (by_id["1"].status, by_id["2"].status, by_id["3"].status) == (
        State.EXPIRED, State.EXPIRED, State.SCRAPED)
    assert by_id["1"].data["expired"]["caption"] == CAPTIONS["fr"] and "410" in by_id["2"].data["expired"]["how"]


def test_recheck_before_drafting(boards, server):
    from pipeline.stages.draft import Draft

    config, store = boards
    enrich = stage_states(c.ENRICH)
    for n in (1, 2, 3, 4):
        store.upsert_job(NewJob(source="linkedin", source_id=str(n), url=f"https://www.linkedin.com/jobs/view/{n}",
                                title="Engineer", company="Notion", description="Build.", status=State.SCORED,
                                extra={"linkedin_job_id": str(n)}))
        job = store.claim(enrich, "w", 60)
        last_seen = time.time() - (8 * 86400 if n != 4 else 3600)  # job 4 was seen an hour ago
        store.complete(job.id, job.lease_token, enrich, {"contacts": []}, {"last_seen_at": last_seen})
    server.routes[DETAIL_PATH.format(id="1")] = Reply(200, closed(CAPTIONS["de"]))
    server.routes[DETAIL_PATH.format(id="2")] = Reply(200, DETAIL)
    server.routes[DETAIL_PATH.format(id="3")] = Reply(503, "down")
    before = time.time()
    run_stage(store, Draft(config).stage(), config.stages[c.DRAFT])
    by_id = {j.source_id: j for j in store.list_jobs()}
    assert by_id["1"].status == State.EXPIRED and "closed" in by_id["1"].data["expired"]["how"]
    assert by_id["2"].status == State.DRAFT_GENERATED and by_id["2"].last_seen_at >= before
    assert by_id["3"].status == State.DRAFT_GENERATED and by_id["3"].last_seen_at < before, "unreachable: unchanged"
    asked = [p for p, _, _ in server.requests]
    assert DETAIL_PATH.format(id="4") not in asked, "a recently seen posting is not re-checked"


def test_expired_jobs_are_never_claimed_by_enrich_or_draft(store):
    for n, status in enumerate((State.SCORED, State.ENRICHED)):
        store.upsert_job(NewJob(source="t", source_id=str(n), url=f"https://x.example/{n}", title="t", company="c",
                                status=status))
        assert policy.mark(store, store.list_jobs(status)[0].id, State.EXPIRED)
    assert store.claim(stage_states(c.ENRICH), "w", 60) is None
    assert store.claim(stage_states(c.DRAFT), "w", 60) is None
    assert store.counts() == {State.EXPIRED: 2}


# -- clean text ------------------------------------------------------------------------------------


def test_text_is_decoded_once():
    assert clean("Impact HR &amp; KM Solutions") == "Impact HR & KM Solutions"
    assert clean("&lt;&lt;ENTER DISPLAY JOB TITLE&gt;&gt;") == "<<ENTER DISPLAY JOB TITLE>>"
    assert clean("SÃ£o Paulo") == "São Paulo" and clean("Zu\u0308rich") == "Zürich"
    assert clean("Acme\u200b Corp \u00a0 ") == "Acme Corp" and clean("bell\x07 ring") == "bell ring"
    assert clean("What We’re Building") == "What We’re Building", "typography is not data to repair"
    assert clean("One.\r\n\r\n\r\n\nTwo  \n Three", multiline=True) == "One.\n\nTwo\nThree"


def test_each_feed_and_board_parser_gives_clean_fields():
    remoteok = [{"id": 1, "position": "&lt;&lt;ENTER DISPLAY JOB TITLE&gt;&gt;", "company": "Impact HR &amp; KM",
                 "url": "https://remoteok.com/1", "location": "SÃ£o Paulo", "description": "<p>Hi</p>"}]
    job = feeds.parse_remoteok(remoteok)[0]
    assert (job.title, job.company, job.location) == ("<<ENTER DISPLAY JOB TITLE>>", "Impact HR & KM", "São Paulo")
    remotive = {"jobs": [{"id": 2, "title": "Dev &amp; Ops", "company_name": "Café\u200b", "url": "https://r.example/2",
                          "candidate_required_location": "Worldwide", "description": "x"}]}
    assert (feeds.parse_remotive(remotive)[0].title, feeds.parse_remotive(remotive)[0].company) == ("Dev & Ops", "Café")
    himalayas = {"jobs": [{"guid": "h3", "title": "QA &amp; Test", "companyName": "MÃ¼nchen GmbH",
                           "applicationLink": "https://h.example/3", "description": "x"}]}
    assert feeds.parse_himalayas(himalayas)[0].company == "München GmbH"
    gh = {"jobs": [{"id": 4, "title": "Engineer", "company_name": "Acme  ", "absolute_url": "https://g.example/4",
                    "content": "&lt;p&gt;R&amp;amp;D&lt;/p&gt;"}]}
    job = greenhouse.parse_board("acme", gh)[0]
    assert job.company == "Acme" and job.description == "R&D"
