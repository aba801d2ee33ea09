"""The one storage contract, run on SQLite and on MongoDB (nx-27017 or MONGODB_TEST_URI)."""

import pytest

from pipeline import constants as c
from pipeline.config.catalog import stage_states
from pipeline.engine import policy
from pipeline.states import State
from pipeline.store.base import RunRecord
from tests.helpers.builders import new_job

ENRICH = stage_states(c.ENRICH)
DRAFT = stage_states(c.DRAFT)
RETRY = {"max_retries": 3, "retry_base": 60.0, "retry_max": 3600.0}


def add(store, n: int = 1, **overrides) -> str:
    assert store.upsert_job(new_job(n, **overrides)) == "inserted"
    return store.select_ids()[-1]


def test_insert_then_rescrape_refreshes_content_only(store, clock):
    job_id = add(store)
    job = store.claim(ENRICH, "w1", 60)
    assert store.complete(job.id, job.lease_token, ENRICH, {"company": {"name": "Acme"}})
    clock.advance(10)
    assert store.upsert_job(new_job(1, title="Senior Engineer 1", status=State.PENDING)) == "updated"
    job = store.get(job_id)
    assert (job.title, job.status, job.attempts, job.data) == (
        "Senior Engineer 1", State.ENRICHED, {c.ENRICH: 1}, {"company": {"name": "Acme"}})
    assert job.last_seen_at == job.first_seen_at + 10
    assert [e["event"] for e in store.events(job_id)] == ["inserted", "completed"]
    assert store.events(job_id)[-1] == {"at": clock() - 10, "event": "completed", "stage": c.ENRICH,
                                        "from_status": State.ENRICHING, "to_status": State.ENRICHED, "attempt": 1}


def test_same_url_from_another_source_is_the_same_job(store):
    add(store, 1)
    assert store.upsert_job(new_job(1, source="other", source_id="x9", title="Renamed")) == "updated"
    assert store.counts() == {State.SCORED: 1}
    assert store.list_jobs()[0].title == "Renamed"


def test_claim_is_leased_and_counted(store, clock):
    a, b = add(store, 1), add(store, 2)
    first = store.claim(ENRICH, "w1", 60)
    second = store.claim(ENRICH, "w2", 60)
    assert {first.id, second.id} == {a, b}
    assert first.status == State.ENRICHING and first.attempts == {c.ENRICH: 1}
    assert first.lease_owner == "w1" and first.lease_expires_at == clock() + 60
    assert first.lease_token != second.lease_token
    assert store.claim(ENRICH, "w3", 60) is None


def test_completion_needs_the_lease_token(store):
    add(store)
    job = store.claim(ENRICH, "w1", 60)
    assert not store.complete(job.id, "not-the-token", ENRICH)
    assert store.complete(job.id, job.lease_token, ENRICH, {"k": 1})
    assert not store.complete(job.id, job.lease_token, ENRICH, {"k": 2})
    done = store.get(job.id)
    assert (done.status, done.data, done.lease_token, done.lease_expires_at) == (State.ENRICHED, {"k": 1}, None, None)


def test_expired_lease_is_swept_back_and_old_token_is_dead(store, clock):
    add(store)
    job = store.claim(ENRICH, "w1", 60)
    clock.advance(30)
    assert policy.sweep_expired(store, ENRICH, 3) == 0
    assert store.heartbeat(job.id, job.lease_token, 60)
    clock.advance(59)
    assert policy.sweep_expired(store, ENRICH, 3) == 0, "the heartbeat extended the lease"
    clock.advance(2)
    assert policy.sweep_expired(store, ENRICH, 3) == 1
    assert store.get(job.id).status == State.SCORED
    again = store.claim(ENRICH, "w2", 60)
    assert again.id == job.id and again.attempts == {c.ENRICH: 2}
    assert not store.complete(job.id, job.lease_token, ENRICH)
    assert not store.heartbeat(job.id, job.lease_token, 60)
    assert store.complete(again.id, again.lease_token, ENRICH)


def test_expired_lease_at_the_limit_fails(store, clock):
    add(store)
    for _ in range(3):
        job = store.claim(ENRICH, "w", 10)
        clock.advance(11)
        policy.sweep_expired(store, ENRICH, 3)
    failed = store.get(job.id)
    assert failed.status == State.FAILED and failed.attempts == {c.ENRICH: 3}
    assert failed.error_stage == c.ENRICH and "lease expired" in failed.last_error


def test_error_backs_off_then_retries(store, clock):
    add(store)
    job = store.claim(ENRICH, "w1", 60)
    assert policy.fail(store, job, ENRICH, "timeout", permanent=False, **RETRY) == "retried"
    waiting = store.get(job.id)
    assert waiting.status == State.SCORED and waiting.last_error == "timeout" and waiting.error_stage == c.ENRICH
    delay = waiting.next_attempt_at - clock()
    assert 30 <= delay <= 60, delay
    assert store.claim(ENRICH, "w1", 60) is None, "still backing off"
    clock.advance(delay + 0.001)
    job = store.claim(ENRICH, "w1", 60)
    assert job is not None and job.attempts == {c.ENRICH: 2}
    assert policy.fail(store, job, ENRICH, "timeout", permanent=False, **RETRY) == "retried"
    assert 60 <= store.get(job.id).next_attempt_at - clock() <= 120, "the second delay doubles"


def test_completion_after_a_retry_clears_the_error_and_due_time(store, clock):
    add(store)
    job = store.claim(ENRICH, "w1", 60)
    policy.fail(store, job, ENRICH, "timeout", permanent=False, **RETRY)
    clock.advance(120)
    job = store.claim(ENRICH, "w2", 60)
    assert (job.status, job.lease_owner, job.attempts) == (State.ENRICHING, "w2", {c.ENRICH: 2}), \
        "the claimed job is the job as the claim left it"
    assert job.lease_expires_at == clock() + 60 and job.lease_token
    assert store.complete(job.id, job.lease_token, ENRICH, {"ok": True})
    done = store.get(job.id)
    assert (done.status, done.last_error, done.error_stage, done.next_attempt_at) == (State.ENRICHED, None, None, 0.0)
    assert (done.lease_owner, done.lease_token, done.lease_expires_at) == (None, None, None)


def test_always_failing_job_fails_after_exactly_max_retries(store, clock):
    job_id = add(store)
    outcomes = []
    while (job := store.claim(ENRICH, "w", 60)) is not None:
        outcomes.append(policy.fail(store, job, ENRICH, f"boom {len(outcomes) + 1}",
                                   permanent=False, **RETRY))
        clock.advance(10_000)
    assert outcomes == ["retried", "retried", "failed"]
    failed = store.get(job_id)
    assert (failed.status, failed.attempts, failed.last_error, failed.error_stage) == (
        State.FAILED, {c.ENRICH: 3}, "boom 3", c.ENRICH)
    assert store.failed_by_stage() == {c.ENRICH: 1}


def test_permanent_error_fails_at_once(store):
    add(store)
    job = store.claim(ENRICH, "w", 60)
    assert policy.fail(store, job, ENRICH, "no company URL", permanent=True, **RETRY) == "failed"
    assert store.get(job.id).status == State.FAILED
    assert policy.fail(store, job, ENRICH, "again", permanent=True, **RETRY) is None


def test_release_gives_back_the_attempt(store):
    add(store)
    job = store.claim(ENRICH, "w", 60)
    assert policy.release(store, job, ENRICH)
    back = store.get(job.id)
    assert (back.status, back.attempts.get(c.ENRICH), back.lease_token) == (State.SCORED, 0, None)
    assert store.claim(ENRICH, "w", 60).id == job.id


def test_requeue_and_mark_respect_live_leases(store, clock):
    job_id = add(store)
    job = store.claim(ENRICH, "w", 60)
    assert not policy.mark(store, job_id, State.SKIPPED), "a live lease protects the job"
    assert not policy.requeue(store, job_id, ENRICH)
    policy.fail(store, job, ENRICH, "x", permanent=True, **RETRY)
    assert policy.requeue(store, job_id, ENRICH)
    again = store.get(job_id)
    assert (again.status, again.attempts, again.next_attempt_at) == (State.SCORED, {c.ENRICH: 0}, 0.0)
    assert policy.mark(store, job_id, State.APPLIED) and store.get(job_id).status == State.APPLIED
    assert not policy.mark(store, "nosuchjob", State.SKIPPED)
    events = [e["event"] for e in store.events(job_id)]
    assert events == ["inserted", "failed", "requeued", "marked"]


def test_listing_counting_and_selecting(store, clock):
    for n in range(5):
        add(store, n)
        clock.advance(1)
    add(store, 9, status=State.PENDING)
    newest = store.list_jobs(State.SCORED, limit=2)
    assert [j.source_id for j in newest] == ["4", "3"]
    assert len(store.list_jobs()) == 6 and len(store.list_jobs(State.PENDING)) == 1
    assert store.counts() == {State.SCORED: 5, State.PENDING: 1}
    assert len(store.select_ids(status=State.SCORED)) == 5
    assert store.get("missing") is None


def test_runs_are_recorded(store):
    run = RunRecord(run_id="r1", stage=c.ENRICH, started_at=100.0)
    store.save_run(run)
    run.finished_at, run.claimed, run.succeeded = 110.0, 3, 2
    store.save_run(run)
    store.save_run(RunRecord(run_id="r2", stage=c.ENRICH, started_at=50.0))
    store.save_run(RunRecord(run_id="r3", stage=c.DRAFT, started_at=60.0, error="boom"))
    last = store.last_runs()
    assert last[c.ENRICH].run_id == "r1" and last[c.ENRICH].succeeded == 2 and last[c.ENRICH].finished_at == 110.0
    assert last[c.DRAFT].error == "boom"


def test_secrets_never_reach_the_store(store):
    add(store)
    job = store.claim(ENRICH, "w", 60)
    policy.fail(store, job, ENRICH, "cannot reach mongodb://app:hunter2pass@db.example:27017/x",
               permanent=True, **RETRY)
    stored = store.get(job.id).last_error
    assert "hunter2pass" not in stored and "app:***@db.example" in stored
    assert all("hunter2pass" not in str(e) for e in store.events(job.id))


def test_times_stay_numbers_after_updates(store, clock):
    """nx-27017 turns a datetime written with $set into a string; we store epoch seconds only."""
    add(store)
    job = store.claim(ENRICH, "w", 60)
    policy.fail(store, job, ENRICH, "x", permanent=False, **RETRY)
    stored = store.get(job.id)
    for name in ("next_attempt_at", "created_at", "updated_at", "first_seen_at", "last_seen_at"):
        assert isinstance(getattr(stored, name), float), name


def test_stages_keep_separate_attempt_counters(store):
    add(store)
    job = store.claim(ENRICH, "w", 60)
    store.complete(job.id, job.lease_token, ENRICH)
    job = store.claim(DRAFT, "w", 60)
    assert job.attempts == {c.ENRICH: 1, c.DRAFT: 1}


@pytest.mark.parametrize("count", [50])
def test_two_handles_never_share_a_claim(store_factory, clock, count):
    first, second = store_factory(clock), store_factory(clock)
    for n in range(count):
        first.upsert_job(new_job(n))
    seen = []
    while True:
        a, b = first.claim(ENRICH, "a", 60), second.claim(ENRICH, "b", 60)
        seen += [j.id for j in (a, b) if j]
        if not a and not b:
            break
    assert len(seen) == len(set(seen)) == count


def test_quota_is_atomic_and_persistent(store_factory, clock):
    first, second = store_factory(clock), store_factory(clock)
    granted = [s.take_quota("scrape:2026-11-23", 5) for _ in range(4) for s in (first, second)]
    assert granted.count(True) == 5 and granted[:5] == [True] * 5
    assert first.quota_used("scrape:2026-11-23") == 5 and first.quota_used("scrape:2026-11-24") == 0
    assert first.take_quota("scrape:2026-11-24", 5)


def test_a_named_lease_has_one_holder_across_daemons_until_given_back_or_run_out(store_factory, clock):
    """Two daemons on one store (two machines on one MongoDB): one mailbox sync at a time."""
    first, second = store_factory(clock), store_factory(clock)
    token = first.take_lease("mailbox:me@imap.example:sync", "host-a:1", 60)
    assert token and second.take_lease("mailbox:me@imap.example:sync", "host-b:2", 60) is None
    assert second.take_lease("mailbox:other@imap.example:sync", "host-b:2", 60), "another name is free"
    second.drop_lease("mailbox:me@imap.example:sync", "not-the-token")
    assert second.take_lease("mailbox:me@imap.example:sync", "host-b:2", 60) is None, "only its holder gives it back"
    first.drop_lease("mailbox:me@imap.example:sync", token)
    again = second.take_lease("mailbox:me@imap.example:sync", "host-b:2", 60)
    assert again and again != token
    clock.advance(61)  # a holder that died: the lease runs out
    assert first.take_lease("mailbox:me@imap.example:sync", "host-a:1", 60)


def test_find_and_company_jobs(store):
    add(store, 1, company_key="acme")
    add(store, 2, company_key="acme", source="other")
    add(store, 3, company_key="beta")
    assert store.find("test", "1", "https://nowhere.example/").source_id == "1"
    assert store.find("nope", "x", "https://jobs.example.org/3").source_id == "3"
    assert store.find("nope", "x", "https://nowhere.example/") is None
    assert sorted(j.source_id for j in store.company_jobs("acme")) == ["1", "2"]


def test_linked_jobs_are_the_jobs_enrich_linked_to_a_company(store, clock):
    """One conversation per person spans every job linked to a company, whatever name it goes by."""
    for n, name in enumerate(("Acme GmbH", "ACME", "Beta")):
        add(store, n, company_key=name.lower(), status=State.SCORED)
        job = store.claim(stage_states(c.ENRICH), "w", 60)
        linked = {"company_id": "beta" if n == 2 else "acme"}
        store.complete(job.id, job.lease_token, stage_states(c.ENRICH), {}, linked)
        clock.advance(1)
    assert [j.source_id for j in store.linked_jobs("acme")] == ["1", "0"]
    assert [j.source_id for j in store.linked_jobs("acme", limit=1)] == ["1"] and store.linked_jobs("gamma") == []


def test_company_jobs_are_the_most_recent_few(store, clock):
    for n in range(5):
        add(store, n, company_key="acme")
        clock.advance(1)
    assert [j.source_id for j in store.company_jobs("acme", limit=2)] == ["4", "3"]


def test_counts_stay_true_through_every_kind_of_move(store, clock):
    """stats, failed_by_stage and companies read counters on SQLite: they must equal a recount."""
    for n in range(6):
        add(store, n)
    a = store.claim(ENRICH, "w", 60)
    store.complete(a.id, a.lease_token, ENRICH, {"company_id": "li:a"}, {"company_id": "li:a"})
    b = store.claim(ENRICH, "w", 60)
    store.move(b.id, b.lease_token, policy.after_error(3, ENRICH, "boom", permanent=False, **RETRY))
    d = store.claim(ENRICH, "w", 60)
    store.move(d.id, d.lease_token, policy.after_error(1, ENRICH, "flaky", permanent=False, **RETRY))
    e = store.claim(ENRICH, "w", 60)
    store.complete(e.id, e.lease_token, ENRICH, {"company_id": "li:a"}, {"company_id": "li:b"})
    store.lock_company("li:b", "w", 60)
    store.claim(ENRICH, "w", 60)  # left in enriching
    store.upsert_job(new_job(0, title="Renamed"))  # an update moves nothing
    jobs = store.list_jobs()
    recount: dict[str, int] = {}
    for job in jobs:
        recount[job.status] = recount.get(job.status, 0) + 1
    assert store.counts() == recount and sum(recount.values()) == 6
    assert store.failed_by_stage() == {c.ENRICH: 1}
    assert {x["id"]: x["jobs"] for x in store.list_companies()} == {"li:b": 1}
    assert store.count_companies() == 1 and store.list_companies(limit=1)[0]["id"] == "li:b"


def test_complete_can_refresh_content(store):
    add(store, 1, status=State.PENDING, description="")
    scrape = stage_states(c.SCRAPE)
    job = store.claim(scrape, "w", 60)
    assert store.complete(job.id, job.lease_token, scrape, {"detail": {"applicants": 3}},
                          {"description": "Full text", "status": "hacked"})
    done = store.get(job.id)
    assert (done.status, done.description, done.data) == (State.SCRAPED, "Full text", {"detail": {"applicants": 3}})


def test_run_details_round_trip(store):
    store.save_run(RunRecord(run_id="r1", stage=c.SCRAPE, started_at=1.0, details={"new": 3, "errors": ["x"]}))
    assert store.last_runs()[c.SCRAPE].details == {"new": 3, "errors": ["x"]}


def test_company_lock_save_and_aliases(store_factory, clock):
    first, second = store_factory(clock), store_factory(clock)
    assert first.find_company(["li:acme"]) is None
    token = first.lock_company("li:acme", "w1", 60)
    assert token and second.lock_company("li:acme", "w2", 60) is None, "one enricher at a time"
    assert first.find_company(["li:acme"])["enriched_at"] == 0.0
    assert first.save_company("li:acme", token, {"name": "Acme", "website": {"value": "https://acme.example"}},
                              ["li:acme", "domain:acme.example", "name:acme"])
    assert not first.save_company("li:acme", token, {"name": "stale"}, []), "the lock was released"
    found = second.find_company(["name:acme"])
    assert found["id"] == "li:acme" and found["name"] == "Acme" and found["enriched_at"] == clock()
    assert found["website"] == {"value": "https://acme.example"}


def test_annotate_company_sets_keys_without_an_enrichment(store, clock):
    assert not store.annotate_company("li:nobody", {"bad_addresses": {}}), "no such company"
    token = store.lock_company("li:acme", "w1", 60)
    store.save_company("li:acme", token, {"name": "Acme", "domain": "acme.example"}, ["li:acme"])
    enriched = store.find_company(["li:acme"])["enriched_at"]
    clock.advance(100)
    bad = {"jo@acme.example": {"at": "2026-11-23T09:00:00Z", "reason": "550 5.1.1"}}
    assert store.annotate_company("li:acme", {"bad_addresses": bad})
    found = store.find_company(["li:acme"])
    assert found["bad_addresses"] == bad and found["name"] == "Acme" and found["domain"] == "acme.example"
    assert found["enriched_at"] == enriched, "a note is not an enrichment: the record is not made fresh"
    assert store.lock_company("li:acme", "w2", 60), "and no lock is left behind"


def test_company_lock_expires_and_unlocks(store_factory, clock):
    store = store_factory(clock)
    token = store.lock_company("name:beta", "w1", 30)
    clock.advance(31)
    again = store.lock_company("name:beta", "w2", 30)
    assert again and again != token
    store.unlock_company("name:beta", token)
    assert store.lock_company("name:beta", "w3", 30) is None, "a stale token cannot unlock"
    store.unlock_company("name:beta", again)
    assert store.lock_company("name:beta", "w3", 30)


def test_companies_count_their_jobs(store, clock):
    for n in range(3):
        add(store, n)
    for _ in range(2):
        job = store.claim(ENRICH, "w", 60)
        store.complete(job.id, job.lease_token, ENRICH, {"company_id": "li:acme"}, {"company_id": "li:acme"})
    token = store.lock_company("li:acme", "w", 60)
    store.save_company("li:acme", token, {"name": "Acme"}, ["li:acme"])
    assert [(c_["id"], c_["jobs"]) for c_ in store.list_companies()] == [("li:acme", 2)]
    assert {j.company_id for j in store.list_jobs()} == {"li:acme", ""}, "the link is a field of its own"


def test_spend_totals_add_up(store):
    assert store.add_spend("llm:2026-11-23", 0.25) == 0.25
    assert store.add_spend("llm:2026-11-23", 0.5) == 0.75
    assert store.quota_used("llm:2026-11-23") == 0.75 and store.quota_used("llm:2026-11-24") == 0


def test_complete_into_another_end_state(store):
    add(store)
    job = store.claim(DRAFT, "w", 60) or store.claim(ENRICH, "w", 60)
    assert store.complete(job.id, job.lease_token, ENRICH, {"why": "do not contact"}, status=State.SKIPPED)
    assert store.get(job.id).status == State.SKIPPED


def test_sqlite_store_made_before_company_id_and_counters_is_migrated(tmp_path):
    import sqlite3

    from pipeline.store.sqlite import SQLiteStore

    path = tmp_path / "old.sqlite3"
    SQLiteStore(path).close()
    db = sqlite3.connect(path)
    for (trigger,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        db.execute(f"DROP TRIGGER {trigger}")
    db.execute("DROP TABLE job_counts")
    db.execute("DROP INDEX companies_jobs")
    db.execute("ALTER TABLE companies DROP COLUMN jobs")
    db.execute("INSERT INTO companies (id, created_at, updated_at) VALUES ('li:a', 0, 0)")
    db.execute("DROP INDEX jobs_company_id")
    db.execute("ALTER TABLE jobs DROP COLUMN company_id")
    db.execute("INSERT INTO jobs (id, source, source_id, url, status, data, created_at, updated_at, first_seen_at,"
               " last_seen_at) VALUES ('j1', 's', '1', 'https://x.example/1', 'enriched', '{\"company_id\": \"li:a\"}',"
               " 0, 0, 0, 0)")
    db.commit()
    db.close()
    store = SQLiteStore(path)
    assert store.get("j1").company_id == "li:a"
    assert store.counts() == {State.ENRICHED: 1}, "the counters are filled from the jobs already there"
    assert [(x["id"], x["jobs"]) for x in store.list_companies()] == [("li:a", 1)]


# -- the policy above the stores: decisions are pure, moves are conditional -----------------------


def test_policy_decides_retry_fail_and_expiry_without_a_store():
    retry = policy.after_error(1, ENRICH, "boom", permanent=False, **RETRY)
    assert (retry.to_status, retry.event, retry.error) == (State.SCORED, "retried", "boom")
    assert 30 <= retry.delay <= 60
    assert policy.after_error(3, ENRICH, "boom", permanent=False, **RETRY).to_status == State.FAILED
    assert policy.after_error(1, ENRICH, "404", permanent=True, **RETRY).event == "failed"
    assert policy.after_expiry(1, ENRICH, 3).to_status == State.SCORED
    assert policy.after_expiry(3, ENRICH, 3).to_status == State.FAILED
    assert [policy.backoff_seconds(n, 60, 3600, rng=lambda: 1.0) for n in (1, 2, 3, 10)] == [60, 120, 240, 3600]
    assert policy.may_move(State.ENRICHING, 100.0, now=50.0) is False
    assert policy.may_move(State.ENRICHING, 100.0, now=150.0) and policy.may_move(State.SCORED, None, 0)


def test_a_move_happens_only_from_its_state_under_its_token(store):
    add(store)
    job = store.claim(ENRICH, "w", 60)
    back = policy.after_error(1, ENRICH, "x", permanent=False, **RETRY)
    assert not store.move(job.id, "another-token", back)
    assert not store.move(job.id, job.lease_token, policy.after_error(1, DRAFT, "x", permanent=False, **RETRY))
    assert store.move(job.id, job.lease_token, back)
    assert not store.move(job.id, job.lease_token, back), "the lease is gone with the first move"
    assert store.get(job.id).status == State.SCORED
    assert [e["event"] for e in store.events(job.id)] == ["inserted", "retried"]


def test_a_sweep_takes_back_expired_leases_and_those_of_a_dead_process(store, clock):
    import socket

    add(store, 1), add(store, 2), add(store, 3)
    first = store.claim(ENRICH, "w", 10)
    live = store.claim(ENRICH, "w", 100)
    dead = store.claim(ENRICH, f"{socket.gethostname()}:{2**22 + 12345}", 100)  # above pid_max: never alive
    clock.advance(50)
    assert {j.id: j.lease_token for j in store.leases(ENRICH)}[first.id] == first.lease_token
    assert policy.sweep_expired(store, ENRICH, max_retries=3) == 2
    assert {j.id for j in store.leases(ENRICH)} == {live.id}
    assert store.get(dead.id).status == State.SCORED, "a dead holder's lease is not waited out"


def test_a_sweep_that_lost_the_race_moves_nothing(store, clock):
    add(store)
    job = store.claim(ENRICH, "w", 10)
    clock.advance(11)
    stale = [j for j in store.leases(ENRICH) if policy.abandoned(j, clock())]
    assert policy.release(store, job, ENRICH), "the worker gave it back just before the sweep"
    assert sum(store.move(j.id, j.lease_token, policy.after_expiry(1, ENRICH, 3)) for j in stale) == 0
    assert store.get(job.id).status == State.SCORED and store.get(job.id).last_error is None


def test_job_documents_of_another_shape_are_left_alone(store_factory, capsys):
    """A shared MongoDB database may hold jobs another tool wrote (no source, source_id, url)."""
    if store_factory.backend != "mongodb":
        pytest.skip("SQLite's schema admits no job of another shape")
    store = store_factory()
    store.jobs.insert_one({"_id": "legacy-1", "title": "Old job", "status": State.SCORED, "company": "X"})
    add(store, 1)
    assert store.foreign_jobs() == 1
    assert [j.id for j in store.list_jobs()] == [store.select_ids()[0]] and store.get("legacy-1") is None
    assert store.counts() == {State.SCORED: 1}
    assert store.claim(ENRICH, "w", 60).source == "test" and store.claim(ENRICH, "w", 60) is None


def test_pruning_keeps_what_show_needs_for_live_jobs(store, clock):
    first, second = add(store, 1), add(store, 2)
    for _ in (first, second):
        job = store.claim(ENRICH, "w", 60)
        store.move(job.id, job.lease_token, policy.after_error(1, ENRICH, "flaky", permanent=False, **RETRY))
    clock.advance(3600)
    job = store.claim(ENRICH, "w", 60)
    store.move(job.id, job.lease_token, policy.after_error(1, ENRICH, "boom", permanent=True, **RETRY))
    failed, live = job.id, ({first, second} - {job.id}).pop()
    store.save_run(RunRecord(run_id="old", stage=c.ENRICH, started_at=clock()))
    old_slot = clock()
    assert policy.take_slot(store, c.SCRAPE, old_slot)
    clock.advance(91 * 86400)
    store.save_run(RunRecord(run_id="new", stage=c.ENRICH, started_at=clock()))
    assert policy.take_slot(store, c.SCRAPE, clock())
    before = {j: store.events(j) for j in (failed, live)}
    assert len(before[failed]) == 3 and len(before[live]) == 2
    assert policy.prune(store, keep_days=90) == (1, 1)
    assert store.events(failed) == before[failed][-1:], "a long-finished job keeps its last move"
    assert store.events(live) == before[live], "a live job keeps its whole history"
    assert store.last_runs()[c.ENRICH].run_id == "new"
    assert policy.take_slot(store, c.SCRAPE, old_slot), "an old schedule slot is pruned"
    assert not policy.take_slot(store, c.SCRAPE, clock()), "a recent one is kept"
    assert policy.prune(store, keep_days=90) == (0, 0)


def test_a_run_whose_process_died_is_marked_interrupted(store):
    import socket

    dead = f"{socket.gethostname()}:{2**22 + 12345}"
    store.save_run(RunRecord(run_id="r1", stage=c.ENRICH, started_at=1.0, owner=dead, last_seen=5.0))
    store.save_run(RunRecord(run_id="r2", stage=c.DRAFT, started_at=1.0, owner=policy.owner_name()))
    assert policy.mark_interrupted(store) == [c.ENRICH], "a run of a live process is left alone"
    run = store.last_runs()[c.ENRICH]
    assert run.error.startswith("interrupted") and run.details["interrupted_at"] == 5.0
    assert policy.mark_interrupted(store) == []


def test_a_long_description_round_trips(store):
    """SQLite keeps long descriptions compressed; every reader sees the text it was given."""
    text = ("Build reliable services in Python. Ünïcode stays. " * 200).strip()
    job_id = add(store, 1, description=text)
    assert store.get(job_id).description == text
    job = store.claim(ENRICH, "w", 60)
    assert job.description == text
    assert store.complete(job.id, job.lease_token, ENRICH, {}, {"description": text + "More."})
    assert store.list_jobs()[0].description == text + "More."


def test_shared_pacing_books_one_request_after_another(store_factory, clock):
    """Two handles (two daemons) booking the same host: each waits for the one before it."""
    first, second = store_factory(clock), store_factory(clock)
    assert first.reserve("pacing:linkedin", 3.0) == 0.0
    assert second.reserve("pacing:linkedin", 3.0) == 3.0
    assert first.reserve("pacing:linkedin", 3.0) == 6.0
    clock.advance(100)
    assert second.reserve("pacing:linkedin", 3.0) == 0.0, "a free host is not waited for"


def test_a_claim_skips_the_jobs_it_is_told_to(store):
    """The runner's one try per run: a job the run already sent back is never claimed by it again,
    even when it is due and the best fit."""
    for n in range(3):
        store.upsert_job(new_job(n))
    ids = sorted(j.id for j in store.list_jobs())
    before = {j.id: j for j in store.list_jobs()}
    claimed = store.claim(ENRICH, "w", 60, exclude=ids[:2])
    assert claimed is not None and claimed.id == ids[2]
    assert store.claim(ENRICH, "w", 60, exclude=ids[:2]) is None, "the other two stay where they were"
    for job_id in ids[:2]:
        assert store.get(job_id) == before[job_id], "an excluded job is untouched"
    assert store.claim(ENRICH, "w", 60, exclude=set()) is not None


def test_annotate_with_a_version_writes_only_over_what_was_read(store):
    """A person's answer is conditional on the version (updated_at) they read: a stale one writes
    nothing, and each write makes a new version even when the clock has not moved."""
    job_id = add(store)
    read = store.get(job_id)
    assert store.annotate(job_id, read.status, {"drafts": ["first"]}, {}, version=read.updated_at)
    after = store.get(job_id)
    assert after.updated_at > read.updated_at, "a new version, though the fake clock stood still"
    assert not store.annotate(job_id, read.status, {"drafts": ["lost"]}, {}, version=read.updated_at)
    assert store.get(job_id) == after, "a stale version changes nothing"
    assert store.annotate(job_id, read.status, {"drafts": ["second"]}, {}, version=after.updated_at)
    assert store.get(job_id).data["drafts"] == ["second"]
    assert store.annotate(job_id, read.status, {"note": 1}, {}), "without a version: as before"


def test_a_batch_of_writes_is_there_after_it(store):
    """An import writes its rows in batches: every write of a batch is stored once it ends."""
    with store.batch():
        for n in range(20):
            store.upsert_job(new_job(n))
    assert len(store.list_jobs()) == 20
    if store_is_sqlite(store):
        with pytest.raises(KeyboardInterrupt):
            with store.batch():
                store.upsert_job(new_job(99))
                raise KeyboardInterrupt
        assert len(store.list_jobs()) == 20, "SQLite rolls an interrupted batch back whole"


def store_is_sqlite(store) -> bool:
    return type(store).__name__ == "SQLiteStore"


def test_listing_pages_searches_and_filters_for_the_review_page(store, clock):
    """The review page's queue: one page of a state, searched over title and company (a plain
    substring, any case; %, _ and \\ are plain characters), of one source, found since a time,
    newest or best score first (unscored last)."""
    rows = [("Backend Engineer", "Acme", "greenhouse", 70.0), ("Data Engineer", "Beta 100%", "lever", None),
            ("backend developer", "Gamma_Labs", "greenhouse", 90.0), ("Designer", "ACME Studio", "lever", 40.0),
            ("Site Reliability", "Delta", "greenhouse", 90.0), ("Path\\Finder", "Epsilon", "lever", 10.0)]
    ids = []
    for n, (title, company, source, score) in enumerate(rows):
        ids.append(add(store, n, title=title, company=company, source=source))
        if score is not None:
            assert store.annotate(ids[-1], State.SCORED, {}, {"score": score})
        clock.advance(10)
    listed = lambda **kw: [j.title for j in store.list_jobs(State.SCORED, **kw)]  # noqa: E731
    assert listed(limit=2) == ["Path\\Finder", "Site Reliability"]
    assert listed(limit=2, offset=2) == ["Designer", "backend developer"]
    assert listed(limit=2, offset=6) == []
    assert listed(sort="score") == ["Site Reliability", "backend developer", "Backend Engineer", "Designer",
                                    "Path\\Finder", "Data Engineer"], "ties newest first; unscored last"
    assert listed(search="backend") == ["backend developer", "Backend Engineer"]
    assert listed(search="acme") == ["Designer", "Backend Engineer"], "the company is searched too"
    assert listed(search="100%") == ["Data Engineer"] and listed(search="_") == ["backend developer"]
    assert listed(search="%") == ["Data Engineer"] and listed(search="h\\f") == ["Path\\Finder"]
    assert listed(search="nothing like it") == []
    assert listed(source="lever", sort="score", limit=2) == ["Designer", "Path\\Finder"]
    assert listed(source="greenhouse", search="engineer") == ["Backend Engineer"]
    assert listed(since=clock() - 25) == ["Path\\Finder", "Site Reliability"]
    assert [j.title for j in store.list_jobs(None, 1, "score", search="ENGINEER")] == ["Backend Engineer"]
