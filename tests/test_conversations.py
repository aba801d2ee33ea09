"""One conversation per person at a company, across its postings: a second posting adds to the
open draft instead of a second cold message, a board copy changes nothing, nobody is written to
twice, the next person is proposed only after follow_up_days without a reply, a reply stops
cold messages; and no e-mail draft is approved without an address."""

import datetime

import pytest

from pipeline import constants as c
from pipeline.config.catalog import stage_states
from pipeline.engine.runner import run_stage
from pipeline.outreach import rubric
from pipeline.service import actions
from pipeline.stages.draft import Draft
from pipeline.states import State
from pipeline.store import NewJob

COMPANY = "domain:acme-robotics.example"
PEOPLE = [{"name": "Jonas Weber", "role": "Head of Engineering", "source": "http://acme-robotics.example/team"},
          {"name": "Lena Fischer", "role": "Talent Acquisition Lead", "source": "http://acme-robotics.example/team"}]


def guess(address: str) -> list[dict]:
    return [{"address": address, "status": "guess", "confidence": 0.85, "mx": "ok", "pattern": "{first}.{last}"}]


@pytest.fixture
def world(project):
    made = project({"generator": {"retry_base_seconds": 0.001, "retry_max_seconds": 0.001}}, profile="example")
    token = made.store.lock_company(COMPANY, "w", 60)
    made.store.save_company(COMPANY, token, {
        "name": "Acme Robotics GmbH", "domain": "acme-robotics.example", "people": PEOPLE,
        "statements": [{"text": "Our fleet API answers 40,000 robot requests per second from Python services.",
                        "tag": "p", "page": "home", "source": "http://acme-robotics.example/"}],
        "emails": {"guesses": {"Jonas Weber": guess("jonas.weber@acme-robotics.example"),
                               "Lena Fischer": guess("lena.fischer@acme-robotics.example")},
                   "published": []}}, [])
    return made


def posting(made, n: int, title: str, max_recipients: int | None = None) -> str:
    """A posting of Acme, enriched and linked to its company, then drafted."""
    made.store.upsert_job(NewJob(source="test" if n < 10 else "board", source_id=str(n),
                                 url=f"https://jobs.example.org/{n}", title=title, company="Acme Robotics GmbH",
                                 description="Requirements\n- Python\n- PostgreSQL", status=State.SCORED))
    job = made.store.claim(stage_states(c.ENRICH), "w", 60)
    made.store.complete(job.id, job.lease_token, stage_states(c.ENRICH), {"company_id": COMPANY},
                        {"company_id": COMPANY})
    config = made.config
    if max_recipients:
        import dataclasses

        settings = dataclasses.replace(config.stages[c.DRAFT], max_recipients=max_recipients)
        config = dataclasses.replace(config, stages={**config.stages, c.DRAFT: settings})
    run_stage(made.store, Draft(config).stage(), config.stages[c.DRAFT])
    return job.id


def drafts(made, job_id: str) -> list[dict]:
    return made.store.get(job_id).data.get("drafts") or []


def test_a_second_posting_adds_to_the_open_draft(world):
    first = posting(world, 1, "Backend Engineer")
    [before] = drafts(world, first)
    second = posting(world, 2, "Platform Engineer")
    assert drafts(world, second) == [], "no second cold message to Jonas"
    [after] = drafts(world, first)
    assert after["recipient"]["name"] == "Jonas Weber" and after["roles"] == ["Backend Engineer", "Platform Engineer"]
    assert "Backend Engineer and Platform Engineer roles" in after["body"] and after["body"] != before["body"]
    assert after["extended"]["before"]["body"] == before["body"]
    joined = world.store.get(second).data["conversation"]["joined"]
    how = "this role was added to that draft"
    assert joined == [{"person": "Jonas Weber", "job_id": first, "draft": 1, "how": how}]
    both = {j: drafts(world, j) for j in (first, second)}
    assert rubric.company_problems(both) == []


def test_a_board_copy_changes_nothing_and_an_approved_draft_is_left_alone(world):
    first = posting(world, 1, "Backend Engineer")
    [before] = drafts(world, first)
    copy = posting(world, 11, "Backend Engineer (m/f/d)")
    assert drafts(world, copy) == [] and drafts(world, first) == [before], "the same role: the same message"
    actions.review_drafts(world.store, first, "approve", 1)
    third = posting(world, 3, "Data Engineer")
    assert drafts(world, third) == [] and drafts(world, first)[0]["body"] == before["body"]
    [joined] = world.store.get(third).data["conversation"]["joined"]
    assert "approved" in joined["how"] and "mention this role" in joined["how"]


def sent_days_ago(world, job_id: str, days: float) -> None:
    job = world.store.get(job_id)
    at = (datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")
    done = [{**d, "review": {"state": "sent", "at": at}} for d in job.data["drafts"]]
    assert world.store.annotate(job_id, job.status, {"drafts": done}, {})


def test_the_next_person_only_after_follow_up_days_without_a_reply(world):
    first = posting(world, 1, "Backend Engineer")
    sent_days_ago(world, first, 2)
    waiting = posting(world, 2, "Platform Engineer")
    conversation = world.store.get(waiting).data["conversation"]
    assert drafts(world, waiting) == [] and "follow-up to the next person" in conversation["hold"]
    assert conversation["wait_until"] > datetime.datetime.now().timestamp()
    sent_days_ago(world, first, 8)
    later = posting(world, 3, "Data Engineer")
    [follow_up] = drafts(world, later)
    assert follow_up["recipient"]["name"] == "Lena Fischer", "never Jonas twice; the next person"
    assert world.store.get(later).data["conversation"]["follow_up"] is True


def test_a_posting_that_waited_is_drafted_to_the_next_person_once_the_wait_is_over(world):
    first = posting(world, 1, "Backend Engineer")
    sent_days_ago(world, first, 2)
    waiting = posting(world, 2, "Platform Engineer")
    job = world.store.get(waiting)
    assert world.store.annotate(waiting, job.status, {"conversation": {**job.data["conversation"], "wait_until": 1.0}},
                                {})
    sent_days_ago(world, first, 8)
    run_stage(world.store, Draft(world.config).stage(), world.config.stages[c.DRAFT])
    [follow_up] = drafts(world, waiting)
    assert follow_up["recipient"]["name"] == "Lena Fischer"


def test_a_company_that_replied_gets_no_cold_message(world):
    first = posting(world, 1, "Backend Engineer")
    sent_days_ago(world, first, 30)
    assert world.run("mark", first, "replied") == 0
    later = posting(world, 2, "Platform Engineer")
    assert drafts(world, later) == [] and "replied" in world.store.get(later).data["conversation"]["hold"]


def test_two_recipients_two_texts_that_fit_their_roles(world):
    job_id = posting(world, 1, "Backend Engineer", max_recipients=2)
    found = drafts(world, job_id)
    assert [d["recipient"]["audience"] for d in found] == ["manager", "recruiter"]
    assert len({d["body"] for d in found}) == 2 and rubric.company_problems({job_id: found}) == []


def test_an_e_mail_without_an_address_is_never_approved(world, capsys):
    job_id = posting(world, 1, "Backend Engineer")
    job = world.store.get(job_id)
    nameless = [{**d, "recipient": {**d["recipient"], "address": "", "address_status": ""}}
                for d in job.data["drafts"]]
    world.store.annotate(job_id, job.status, {"drafts": nameless}, {})
    assert world.run("drafts", "approve", job_id, "1") == c.EXIT_ERROR
    assert "it has no address" in capsys.readouterr().err
    with pytest.raises(actions.Refused):
        actions.review_drafts(world.store, job_id, "approve")
    actions.edit_draft(world.store, job_id, 1, nameless[0]["subject"], nameless[0]["body"], "jonas@acme.example")
    assert world.run("drafts", "approve", job_id, "1") == 0
    to = drafts(world, job_id)[0]["recipient"]
    assert (to["address"], to["address_status"]) == ("jonas@acme.example", "entered")
    assert rubric.approved_without_address(drafts(world, job_id)) == []
