"""The scrape stage end to end: the CLI, a real HTTP server on 127.0.0.1 serving recorded pages,
and the SQLite store. Pages beyond the one recorded search page are derived from it by
renumbering its job ids (a visible, named edit); block pages are synthetic and named so."""

import json
import re

import pytest

from pipeline import constants as c
from pipeline.cli.app import main
from pipeline.config.loading import load_config
from pipeline.sources.linkedin import DETAIL_PATH, SEARCH_PATH
from pipeline.stages.scrape import daily_key
from pipeline.states import State
from pipeline.store import NewJob, open_store
from tests.helpers.http_server import Reply, fixture
from tests.helpers.project import write_config

PAGE = fixture("linkedin", "guest_seeMoreJobPostings_search.html")
DETAIL = fixture("linkedin", "guest_jobPosting_detail.html")
IDS = re.findall(r"urn:li:jobPosting:(\d+)", PAGE)
SYNTHETIC_LOGIN_PAGE = "<html><head><title>Sign Up | LinkedIn</title></head><body>synthetic login wall</body></html>"
SYNTHETIC_CAPTCHA_PAGE = "<html><body><div id='captcha-internal'>synthetic security check</div></body></html>"


def renumbered(offset: int) -> str:
    """Derived page: the recorded cards with every job id shifted by `offset`."""
    page = PAGE
    for job_id in IDS:
        page = page.replace(job_id, str(int(job_id) + offset))
    return page


def pages(*bodies: str | int):
    """A search route: page n answers bodies[n] (an int is a bare status code)."""
    def route(query):
        n = int(query.get("start", "0")) // 10
        body = bodies[n] if n < len(bodies) else ""
        return Reply(body) if isinstance(body, int) else Reply(200, body)
    return route


@pytest.fixture(autouse=True)
def detail_pages(server):
    """Every LinkedIn detail page the loopback server is asked for is the recorded one."""
    server.routes[DETAIL_PATH.format(id="*")] = Reply(200, DETAIL)


@pytest.fixture
def scraping(project, server):
    """scraping(cap, stop_at_known, sources, keywords, **sections) -> (run main.py, store) of a
    project searching the loopback server."""
    def make(cap: int = 100, stop_at_known: bool = True, sources=("linkedin",), keywords="software engineer",
             **extra):
        fast = {"base_url": server.base_url, "min_delay": 0, "max_delay": 0}
        made = project({
            "scraper": {"max_jobs_per_day": cap, "retry_base_seconds": 0.001, "retry_max_seconds": 0.001},
            "searches": [{"keywords": keywords, "sources": list(sources), "stop_at_known": stop_at_known}],
            "sources": {"linkedin": fast, "greenhouse": {**fast, "boards": ["honeycomb"]}}, **extra})
        return made.run, made.store
    return make


def search_starts(server) -> list[str]:
    return [q.get("start") for p, q, _ in server.requests if p == SEARCH_PATH]


def test_pages_then_details(server, scraping, capsys):
    server.routes[SEARCH_PATH] = pages(PAGE, renumbered(1000), "")
    run, store = scraping()
    assert run("run-stage", "scrape") == 0
    out = capsys.readouterr().out
    assert "scrape search: new 20, updated 0, duplicates 0, skipped by the daily cap 0, expired 0, errors 0" in out
    assert "scrape: claimed 20, succeeded 20" in out
    assert search_starts(server) == ["0", "10", "20"], "paged by the cards actually returned, stopped on empty"
    assert store.counts() == {State.SCRAPED: 20}
    job = store.get(store.find("linkedin", IDS[0], "").id)
    assert job.description.startswith("Who We Are") and job.data["detail"]["seniority"] == "not_applicable"
    assert job.data["detail"]["applicants"] == "Over 200 applicants"
    assert job.extra["posted_date"] == "2026-06-04", "the card's fields survive the detail fetch"
    assert store.last_runs()[c.SCRAPE].details["new"] == 20


def test_http_400_ends_paging_quietly(server, scraping, capsys):
    server.routes[SEARCH_PATH] = pages(PAGE, 400)
    run, store = scraping()
    assert run("run-stage", "scrape") == 0
    assert "new 10" in capsys.readouterr().out and search_starts(server) == ["0", "10"]


def test_incremental_rescrape_stops_at_known_jobs_and_keeps_status(server, scraping, capsys):
    server.routes[SEARCH_PATH] = pages(PAGE, renumbered(1000), "")
    run, store = scraping()
    run("run-stage", "scrape")
    applied = store.find("linkedin", IDS[3], "")
    assert run("mark", applied.id, State.APPLIED) == 0
    server.requests.clear()
    capsys.readouterr()
    assert run("run-stage", "scrape") == 0
    assert "new 0, updated 10" in capsys.readouterr().out
    assert search_starts(server) == ["0"], "a page of known jobs ends the search"
    again = store.get(applied.id)
    assert again.status == State.APPLIED and again.attempts == applied.attempts
    assert again.last_seen_at > again.first_seen_at == applied.first_seen_at


def test_daily_cap_holds_across_runs(server, scraping, capsys):
    server.routes[SEARCH_PATH] = pages(PAGE, renumbered(1000), renumbered(2000), "")
    run, store = scraping(cap=15, stop_at_known=False)
    assert run("run-stage", "scrape") == 0
    assert "new 15, updated 0, duplicates 0, skipped by the daily cap 5" in capsys.readouterr().out
    assert run("run-stage", "scrape") == 0
    assert "new 0, updated 15, duplicates 0, skipped by the daily cap 5" in capsys.readouterr().out
    assert sum(store.counts().values()) == 15 and store.quota_used(daily_key()) == 15


def test_jobs_the_cap_left_are_fetched_the_next_day_even_when_page_one_is_known(server, scraping, capsys,
                                                                                  monkeypatch):
    """Cap 15 on pages of 10: page 2 is cut after 5 cards. The next day page 1 is all known
    (stop_at_known would stop there), yet the search resumes at page 2 and stores the 5 left."""
    from datetime import date

    import pipeline.stages.scrape as scrape

    server.routes[SEARCH_PATH] = pages(PAGE, renumbered(1000), "")
    run, store = scraping(cap=15)
    assert run("run-stage", "scrape") == 0
    assert "new 15, updated 0, duplicates 0, skipped by the daily cap 5" in capsys.readouterr().out, \
        "every card of the page not stored is counted"
    assert store.quota_used(scrape.resume_key("linkedin", "software engineer")) == 10
    monkeypatch.setattr(scrape, "date", type("Tomorrow", (), {"today": staticmethod(lambda: date(2099, 1, 2))}))
    server.requests.clear()
    assert run("run-stage", "scrape") == 0
    out = capsys.readouterr().out
    assert "new 5, updated 15, duplicates 0, skipped by the daily cap 0" in out, out
    assert search_starts(server)[:2] == ["0", "10"], "page 1 known, then straight to where the cap stopped"
    assert sum(store.counts().values()) == 20
    assert store.quota_used(scrape.resume_key("linkedin", "software engineer")) == 0, "done: from the top again"


def test_partial_markup_drift_is_loud_and_the_cards_are_kept_flagged(server, scraping, capsys):
    """Derived page: the recorded cards with the company, location and date classes renamed."""
    drifted = PAGE.replace("base-search-card__subtitle", "x-subtitle").replace(
        "job-search-card__location", "x-location").replace("job-search-card__listdate", "x-date")
    server.routes[SEARCH_PATH] = pages(drifted, "")
    run, store = scraping()
    assert run("run-stage", "scrape") == 1, "drift is an error of the run"
    out = capsys.readouterr().out
    assert "linkedin drift: search page start=0: company, location, posted_date empty on most cards" in out, out
    jobs = store.list_jobs()
    assert len(jobs) == 10 and all(j.extra["drift"] == ["company", "location", "posted_date"] for j in jobs)


def test_max_jobs_flag_limits_one_run(server, scraping, capsys):
    server.routes[SEARCH_PATH] = pages(PAGE, renumbered(1000), "")
    run, store = scraping()
    assert run("run-stage", "scrape", "--max-jobs", "4", "--keywords", "python developer") == 0
    assert "new 4" in capsys.readouterr().out and sum(store.counts().values()) == 4
    assert server.requests[0][1]["keywords"] == "python developer"


@pytest.mark.parametrize("reply, words", [
    (Reply(302, headers={"Location": "/authwall?trk=synthetic"}), "login page"),
    (Reply(200, SYNTHETIC_CAPTCHA_PAGE), "captcha"),
    (Reply(200, PAGE.replace("base-search-card__title", "job-card-title-v2").replace("data-entity-urn", "data-x")
           .replace("base-card__full-link", "job-card-link")), "markup changed"),
])
def test_blocks_and_drift_are_errors_not_zero_jobs(server, scraping, capsys, reply, words):
    server.routes[SEARCH_PATH] = reply
    server.routes["/authwall"] = Reply(200, SYNTHETIC_LOGIN_PAGE)
    run, store = scraping()
    assert run("run-stage", "scrape") == c.EXIT_ERROR
    out = capsys.readouterr().out
    assert "errors 1" in out and words in out
    last = store.last_runs()[c.SCRAPE]
    assert words in last.error and last.details["errors"]
    assert run("daemon", "status") == c.EXIT_STOPPED
    assert words in capsys.readouterr().out, "visible in status"


def test_empty_first_page_is_simply_nothing_new(server, scraping, capsys):
    server.routes[SEARCH_PATH] = Reply(200, "")
    run, _ = scraping()
    assert run("run-stage", "scrape") == 0
    assert "new 0, updated 0, duplicates 0, skipped by the daily cap 0, expired 0, errors 0" in capsys.readouterr().out


def test_429_with_retry_after_then_success(server, scraping, capsys):
    server.routes[SEARCH_PATH] = [Reply(429, headers={"Retry-After": "1"}), Reply(200, PAGE), Reply(200, "")]
    run, store = scraping()
    assert run("run-stage", "scrape") == 0
    assert "new 10" in capsys.readouterr().out


def test_malformed_detail_fails_that_job_only(server, scraping, capsys):
    server.routes[SEARCH_PATH] = pages(PAGE, "")
    broken = DETAIL_PATH.format(id=IDS[2])
    server.routes[broken] = Reply(200, DETAIL.replace("show-more-less-html__markup", "jd-v2")
                                  .replace("description__text", "jd-text"))
    run, store = scraping()
    code = run("run-stage", "scrape")
    assert store.counts()[State.SCRAPED] == 9
    job = store.find("linkedin", IDS[2], "")
    assert job.status in (State.PENDING, State.FAILED) and "markup changed" in job.last_error
    assert code == (1 if job.status == State.FAILED else 0), "1 once a job has failed for good"


def test_same_job_on_two_sources_is_linked_once(server, scraping, capsys):
    board = fixture("greenhouse", "board_jobs_content_true.json")
    server.routes["/v1/boards/honeycomb/jobs"] = Reply(200, board, content_type="application/json")
    run, store = scraping(sources=("greenhouse",), keywords="marketing, account executive")
    first = NewJob(source="import", source_id="1", url="https://careers.example.org/honeycomb/field-marketing",
                   title="Field Marketing Specialist (m/f/d)", company="Honeycomb, Inc.", location="Remote",
                   description="Imported earlier.", status=State.SCRAPED, company_key="honeycomb")
    store.upsert_job(first)
    assert run("run-stage", "scrape") == 0
    assert "new 1, updated 0, duplicates 1" in capsys.readouterr().out
    original = store.find("import", "1", "")
    twin = store.find("greenhouse", f"honeycomb:{json.loads(board)['jobs'][0]['id']}", "")
    assert twin.status == State.DUPLICATE and twin.extra["duplicate_of"] == original.id
    assert original.status == State.SCRAPED, "only the first one moves on to enrich and draft"
    assert store.counts() == {State.SCRAPED: 2, State.DUPLICATE: 1}


@pytest.mark.parametrize("reply, words", [
    (Reply(429, headers={"Retry-After": "0"}), "429 too often"),
    (Reply(302, headers={"Location": "/authwall?trk=synthetic"}), "login page"),
])
def test_site_pushback_during_details_halts_the_run_without_using_attempts(server, scraping, capsys, reply, words):
    server.routes[SEARCH_PATH] = pages(PAGE, "")
    server.routes[DETAIL_PATH.format(id="*")] = reply
    server.routes["/authwall"] = Reply(200, SYNTHETIC_LOGIN_PAGE)
    run, store = scraping()
    assert run("run-stage", "scrape") == c.EXIT_ERROR
    assert words in capsys.readouterr().out
    jobs = store.list_jobs()
    assert len(jobs) == 10 and all(j.status == State.PENDING and j.attempts.get(c.SCRAPE, 0) == 0 for j in jobs)
    detail_requests = [p for p in server.paths() if p.startswith("/jobs-guest/jobs/api/jobPosting/")]
    assert len(detail_requests) <= 3, "no hammering after the site said stop"
    assert words in store.last_runs()[c.SCRAPE].error



def test_a_board_can_name_its_company_website(server, tmp_path, monkeypatch):
    board = fixture("greenhouse", "board_jobs_content_true.json")
    server.routes["/v1/boards/honeycomb/jobs"] = Reply(200, board, content_type="application/json")
    path = write_config(tmp_path / "boards", {
        "searches": [{"keywords": "marketing", "sources": ["greenhouse"]}],
        "sources": {"greenhouse": {"base_url": server.base_url, "min_delay": 0, "max_delay": 0,
                                   "boards": [{"honeycomb": "https://www.honeycomb.io/"}]}}})
    store = open_store(load_config(str(path)))
    assert main(["--config", str(path), "run-stage", "scrape"]) == 0
    [job] = store.list_jobs()
    assert job.company_url == "https://www.honeycomb.io/" and job.source == "greenhouse"


def test_board_entries_are_validated(tmp_path):
    from pipeline.errors import ConfigError
    path = write_config(tmp_path / "bad", text="sources:\n  lever:\n    boards: [{acme: not-a-url}]\n")
    with pytest.raises(ConfigError, match="sources.lever.boards.0"):
        load_config(str(path))
