"""One table of states: a state added as one row is listed, markable, closed by expiry, kept from
being replaced and pruned by the rules its row sets, with nothing else changed."""

import time

import pytest

from pipeline.config.catalog import all_states, markable_states
from pipeline.engine import policy
from pipeline.postings.duplicates import supersedes
from pipeline.postings.expiry import expire_missing
from pipeline.states import PERSON, STATES, Behaviour, State
from tests.conftest import ROOT
from tests.helpers.builders import new_job

ON_HOLD = "on_hold"


@pytest.fixture
def on_hold(monkeypatch):
    """A toy person-set state: the posting can still close, it is not replaceable, not an end state."""
    monkeypatch.setitem(STATES, ON_HOLD, Behaviour(PERSON, "waiting on a referral", open=True))


def test_a_state_added_as_one_row_is_listed_and_markable(on_hold, project, capsys):
    made = project()
    made.store.upsert_job(new_job(1))
    job_id = made.store.list_jobs()[0].id
    assert ON_HOLD in all_states() and ON_HOLD in markable_states()
    assert made.run("mark", job_id, ON_HOLD) == 0
    assert made.run("list", "--status", ON_HOLD, "--json") == 0
    assert job_id in capsys.readouterr().out
    assert made.run("stats", "--json") == 0
    assert '"on_hold": 1' in capsys.readouterr().out


def test_expiry_duplicates_and_pruning_follow_the_row(on_hold, project):
    store = project().store
    store.upsert_job(new_job(1, source="greenhouse", source_id="acme:1", status=ON_HOLD))
    job = store.list_jobs()[0]
    assert expire_missing(store, "greenhouse", "acme", set(), after=1) == 1, "open: a closed posting expires"
    assert store.get(job.id).status == State.EXPIRED

    store.upsert_job(new_job(2, status=ON_HOLD, extra={"posted_date": "2026-11-20"}))
    twin = store.list_jobs(ON_HOLD)[0]
    earlier = new_job(3, source="other", extra={"posted_date": "2026-11-01"})
    assert not supersedes(earlier, twin), "not replaceable: an earlier copy does not take its place"



def test_pruning_compacts_the_history_of_end_states_only(on_hold, project, monkeypatch):
    monkeypatch.setitem(STATES, "archived", Behaviour(PERSON, "put away for good", end=True))
    store = project().store
    for n, state in ((1, ON_HOLD), (2, "archived")):
        store.upsert_job(new_job(n))
        assert policy.mark(store, store.list_jobs(State.SCORED)[0].id, state)
    kept, archived = store.list_jobs(ON_HOLD)[0], store.list_jobs("archived")[0]
    time.sleep(0.05)
    policy.prune(store, keep_days=1e-7)  # everything changed more than ~9 ms ago
    assert len(store.events(kept.id)) == 2 and len(store.events(archived.id)) == 1


def test_every_state_is_in_the_readme_table():
    section = (ROOT / "README.md").read_text().split("## Job states", 1)[1].split("\n## ", 1)[0]
    working = {"scraping", "scoring", "enriching", "generating"}
    assert [s for s in STATES if f"| `{s}` |" not in section and s not in working] == []
