"""Greenhouse, Lever and Ashby boards and the remote feeds, parsed from recorded responses."""

import json

import pytest

from pipeline.config.loading import SearchConfig
from pipeline.sources import ashby, feeds, greenhouse, lever
from pipeline.sources.base import DriftError, matches
from tests.helpers.http_server import fixture


def load(*parts: str):
    return json.loads(fixture(*parts))


def test_greenhouse_unescapes_content_before_stripping():
    raw = load("greenhouse", "board_jobs_content_true.json")
    jobs = greenhouse.parse_board("honeycomb", raw)
    assert [j.title for j in jobs] == [j["title"] for j in raw["jobs"]]
    first = jobs[0]
    assert first.source_id == f"honeycomb:{raw['jobs'][0]['id']}" and first.url == raw["jobs"][0]["absolute_url"]
    assert first.location == raw["jobs"][0]["location"]["name"] and first.status == "scraped"
    assert first.description.startswith("What We’re Building\nHoneycomb is a service")
    assert "&lt;" not in first.description and "<div" not in first.description
    assert first.extra["description_html"].startswith("<strong>What We’re Building</strong>")


def test_lever_board():
    raw = load("lever", "ehddd3579__lever_leverdemo_6postings_salaryRange.json")
    jobs = lever.parse_board("leverdemo", raw)
    assert len(jobs) == len(raw) and [j.title for j in jobs] == [p["text"].strip() for p in raw]
    with_salary = [j for j in jobs if j.extra["salary_range"]]
    assert len(with_salary) == 2 and with_salary[0].extra["salary_range"]["currency"] == "USD"
    assert all(j.url.startswith("https://jobs.lever.co/leverdemo/") for j in jobs)


def test_ashby_skips_unlisted_jobs():
    raw = load("ashby", "lalalune__ashby_ramp_4jobs_compensationTiers.json")
    assert len(ashby.parse_board("ramp", raw)) == 4
    raw["jobs"][1]["isListed"] = False  # derived: no recorded board has an unlisted job
    jobs = ashby.parse_board("ramp", raw)
    assert len(jobs) == 3 and raw["jobs"][1]["title"].strip() not in [j.title for j in jobs]
    assert all(j.extra["salary"] for j in jobs), "compensation summaries kept"


@pytest.mark.parametrize("module, bad", [(greenhouse, {"error": "Not found"}), (lever, {"ok": False}),
                                         (ashby, ["not", "a", "board"])])
def test_boards_are_validated_by_parsing(module, bad):
    with pytest.raises(DriftError):
        module.parse_board("x", bad)


def test_feeds():
    him = feeds.parse_himalayas(load("feeds", "himalayas_jobs_api.json"))
    rem = feeds.parse_remotive(load("feeds", "remotive_remote_jobs.json"))
    rok = feeds.parse_remoteok(load("feeds", "remoteok_api.json"))
    assert (len(him), len(rem), len(rok)) == (4, 4, 4), "Remote OK's first element is its legal notice"
    assert him[0].company == "Ceragon Networks" and him[0].location == "United States"
    assert rem[0].extra["salary"] == "$55k - $100k" and rem[0].source_id == "2091048"
    assert rok[0].title == "Australian English Voice Actor Adelaide" and rok[0].extra["salary_min"] is None
    assert all(j.extra["attribution"] == j.source for j in him + rem + rok)


def test_keyword_and_location_filter():
    search = SearchConfig(keywords="python developer, data engineer", location="Berlin")
    assert matches(search, "Senior Python Developer", "", "Berlin, Germany")
    assert matches(search, "Data Engineer", "", "Remote - EU")
    assert not matches(search, "Python Developer", "", "Paris")
    assert not matches(search, "Java Developer", "no snakes here", "Berlin")
    assert matches(SearchConfig(keywords="c++"), "Senior C++ Engineer", "", "")
