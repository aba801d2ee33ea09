"""tests/evals/outreach.jsonl: template drafts the project wrote (sample company sites and recorded
real postings, see tests/helpers/outreach_world.py), each labelled send / edit / no with the reason
by a reader. The rubric holds on every one of them, and every stored draft is exactly what the
templates write today, so the labels describe the code as it is (bench/eval_outreach.py --write
drafts again and drops the label of any draft whose text changed)."""

import json
from collections import defaultdict

import pytest
import yaml

from pipeline.companies.crawler import taglines
from pipeline.companies.pages import parse_website
from pipeline.fit.requirements import asked
from pipeline.outreach import rubric
from tests.helpers.http_server import FIXTURES, RecordedServer
from tests.helpers.outreach_world import EVALS, make, rubric_problems, scenarios, serve_sites

CASES = [json.loads(line) for line in (EVALS / "outreach.jsonl").read_text().splitlines() if line.strip()]
PROFILES = yaml.safe_load((EVALS / "outreach_profiles.yaml").read_text())


def site_taglines(pages: list[str]) -> tuple[str, ...]:
    parsed = {}
    for page in pages:
        kind = "home" if page.endswith("/index.html") else page.rsplit("/", 1)[1].removesuffix(".html")
        parsed[kind] = {"data": parse_website((FIXTURES / page).read_text(encoding="utf-8"), "http://x.example/")}
    return tuple(taglines(parsed, {}))


def test_enough_labelled_cases_in_both_halves():
    assert len(CASES) >= 60 and len({c["id"] for c in CASES}) == len(CASES)
    assert all(c["label"] in ("send", "edit", "no") and c["reason"] for c in CASES), "every draft read and labelled"
    assert {c["half"] for c in CASES} == {"tune", "held"}
    assert sum(c["half"] == "held" for c in CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_the_rubric_holds_on_every_labelled_draft(case):
    job = case["job"]
    facts = rubric.Facts(job["title"], job["company"], site_taglines(case["pages"]),
                         asked(PROFILES[case["profile"]]["skills"], job["title"], job["description"]))
    assert rubric.problems(case, facts) == []


def test_no_text_twice_and_no_person_twice_at_one_company():
    by_scenario: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for case in CASES:
        job_index = case["id"].split("/")[1]
        by_scenario[case["scenario"]][job_index].append(case)
    for scenario, jobs in by_scenario.items():
        assert rubric.company_problems(dict(jobs)) == [], scenario


@pytest.fixture(scope="module")
def drafted_now(tmp_path_factory):
    """Every scenario drafted again, now: {case id: (subject, body, recipient)}."""
    root = tmp_path_factory.mktemp("outreach-eval")
    found = {}
    with RecordedServer() as server:
        serve_sites(server)
        for scenario in scenarios():
            made = make(scenario, server, root)
            assert rubric_problems(made) == [], scenario["id"]
            for index, job_id in enumerate(made.jobs, 1):
                for n, draft in enumerate(made.store.get(job_id).data.get("drafts") or [], 1):
                    found[f"{scenario['id']}/{index}/{n}"] = (draft["subject"], draft["body"], draft["recipient"])
            made.store.close()
    return found


def test_the_labelled_drafts_are_what_the_templates_write_today(drafted_now):
    stored = {c["id"]: (c["subject"], c["body"], c["recipient"]) for c in CASES}
    assert set(drafted_now) == set(stored), "run: python bench/eval_outreach.py --write, then label the new drafts"
    changed = [case_id for case_id in stored if stored[case_id] != drafted_now[case_id]]
    assert changed == [], "these drafts changed since they were labelled: run bench/eval_outreach.py --write"
