"""The generic stage runner, with stages defined here."""

import json
import threading
import time

from pipeline import constants as c
from pipeline.config.catalog import stage_states
from pipeline.config.loading import StageConfig
from pipeline.engine import policy
from pipeline.engine.runner import Stage, run_stage
from pipeline.errors import RetryableError
from pipeline.logs import setup_logging
from pipeline.states import State
from tests.helpers.builders import new_job
from tests.helpers.stages import always_fail, echo, permanent_fail

ENRICH = stage_states(c.ENRICH)


def settings(**overrides) -> StageConfig:
    values = dict(name=c.ENRICH, schedule={}, max_retries=3, concurrency=1, lease_seconds=30,
                  retry_base_seconds=0.001, retry_max_seconds=0.001)
    return StageConfig(**{**values, **overrides})


def fill(store, count: int) -> None:
    for n in range(count):
        store.upsert_job(new_job(n))


def test_every_job_completes_with_the_stage_output(store_factory):
    store = store_factory()
    fill(store, 5)
    record = run_stage(store, Stage(ENRICH, echo()), settings())
    assert (record.claimed, record.succeeded, record.failed) == (5, 5, 0)
    assert store.counts() == {State.ENRICHED: 5}
    assert store.list_jobs()[0].data["echo"].startswith("Engineer")
    assert store.last_runs()[c.ENRICH].succeeded == 5


def test_always_failing_job_ends_failed_after_max_retries(store_factory):
    store = store_factory()
    fill(store, 1)
    for _ in range(4):  # one try per run, due again at once (no backoff): four runs, four attempts
        run_stage(store, Stage(ENRICH, always_fail()), settings(max_retries=4, retry_base_seconds=0,
                                                                retry_max_seconds=0))
    job = store.list_jobs()[0]
    assert (job.status, job.attempts[c.ENRICH], job.error_stage) == (State.FAILED, 4, c.ENRICH)
    assert job.last_error == f"RetryableError: site timed out for {job.id}"
    assert [e["event"] for e in store.events(job.id)] == ["inserted", "retried", "retried", "retried", "failed"]


def test_permanent_error_fails_on_first_attempt(store_factory):
    store = store_factory()
    fill(store, 2)
    record = run_stage(store, Stage(ENRICH, permanent_fail()), settings())
    assert (record.failed, record.retried) == (2, 0)
    assert all(j.attempts[c.ENRICH] == 1 and j.status == State.FAILED for j in store.list_jobs())


def test_unexpected_exception_is_retried_not_fatal(store_factory):
    store = store_factory()
    fill(store, 1)

    def work(job, ctx):
        return {"x": 1 / 0}

    record = run_stage(store, Stage(ENRICH, work), settings(max_retries=1))
    assert record.failed == 1
    assert store.list_jobs()[0].last_error == "ZeroDivisionError: division by zero"


def test_concurrency_is_bounded_and_used(store_factory):
    store = store_factory()
    fill(store, 12)
    lock, state = threading.Lock(), {"now": 0, "max": 0}

    def work(job, ctx):
        with lock:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        time.sleep(0.05)
        with lock:
            state["now"] -= 1

    record = run_stage(store, Stage(ENRICH, work), settings(concurrency=3))
    assert record.succeeded == 12 and state["max"] == 3


def test_limit_caps_the_batch(store_factory):
    store = store_factory()
    fill(store, 5)
    record = run_stage(store, Stage(ENRICH, echo()), settings(concurrency=2), limit=3)
    assert record.claimed == 3 and store.counts() == {State.ENRICHED: 3, State.SCORED: 2}


def test_heartbeats_keep_long_work_leased(store_factory):
    store, rival = store_factory(), store_factory()
    fill(store, 1)
    stolen = []

    def work(job, ctx):
        for _ in range(8):  # 1.6 s of work under a 0.6 s lease (heartbeats every 0.2 s)
            time.sleep(0.2)
            policy.sweep_expired(rival, ENRICH, 3)
            stolen.append(rival.claim(ENRICH, "rival", 0.6))
        return {"done": True}

    record = run_stage(store, Stage(ENRICH, work), settings(lease_seconds=0.6))
    assert record.succeeded == 1 and not any(stolen)
    assert store.list_jobs()[0].attempts[c.ENRICH] == 1


def test_deadline_stops_claiming(store_factory):
    store = store_factory()
    fill(store, 10)

    def work(job, ctx):
        time.sleep(0.1)

    record = run_stage(store, Stage(ENRICH, work), settings(run_deadline_seconds=0.25))
    assert 1 <= record.claimed <= 6, "the deadline stopped the run long before the 10 jobs (1 s of work)"
    assert store.counts()[State.SCORED] == 10 - record.claimed


def test_graceful_stop_releases_unfinished_work(store_factory):
    store = store_factory()
    fill(store, 4)
    stop = threading.Event()
    started = threading.Semaphore(0)

    def work(job, ctx):
        started.release()
        time.sleep(3)  # ignores ctx.stopping(): the runner must release it after stop_timeout

    def stop_when_both_started():
        started.acquire(timeout=5)
        started.acquire(timeout=5)
        stop.set()

    threading.Thread(target=stop_when_both_started, daemon=True).start()
    t0 = time.time()
    record = run_stage(store, Stage(ENRICH, work), settings(concurrency=2), stop=stop, stop_timeout=0.2)
    assert time.time() - t0 < 2
    assert record.released == 2 and record.succeeded == 0
    assert store.counts() == {State.SCORED: 4}
    assert all(j.attempts.get(c.ENRICH, 0) == 0 for j in store.list_jobs())


def test_cooperative_work_finishes_within_stop_timeout(store_factory):
    store = store_factory()
    fill(store, 3)
    stop = threading.Event()

    def work(job, ctx):
        stop.set()
        time.sleep(0.05)
        return {"ok": True}

    record = run_stage(store, Stage(ENRICH, work), settings(), stop=stop)
    assert (record.claimed, record.succeeded, record.released) == (1, 1, 0)


def test_log_lines_carry_run_stage_and_job(store_factory, tmp_path):
    store = store_factory()
    fill(store, 1)
    log_file = tmp_path / "run.log"
    setup_logging("INFO", log_file, console=False)

    def work(job, ctx):
        raise RetryableError("upstream said no to sk-abcdefghijklmnop")

    try:
        run_stage(store, Stage(ENRICH, work), settings(max_retries=1))
    finally:
        setup_logging("WARNING", None, console=False)
    lines = [json.loads(line) for line in log_file.read_text().splitlines()]
    job_lines = [line for line in lines if line["event"].startswith("job ")]
    assert job_lines and all(line["stage"] == c.ENRICH and line["run_id"] and line["job_id"] for line in job_lines)
    assert all("run_id" in line for line in lines if line.get("logger") == "pipeline.runner")
    assert "sk-abcdefghijklmnop" not in log_file.read_text()


def test_deferred_jobs_come_back_in_the_same_run_without_using_attempts(store_factory):
    from pipeline.errors import Deferred
    store = store_factory()
    fill(store, 4)
    seen: set[str] = set()

    def work(job, ctx):
        if job.id not in seen:
            seen.add(job.id)
            raise Deferred("busy elsewhere", delay=0.05)
        return {"ok": True}

    record = run_stage(store, Stage(ENRICH, work), settings(concurrency=2))
    assert (record.claimed, record.succeeded, record.failed) == (4, 4, 0)
    assert all(j.attempts[c.ENRICH] == 1 and j.status == State.ENRICHED for j in store.list_jobs())


def test_a_job_retried_during_a_run_is_not_claimed_again_by_that_run(store_factory):
    """Even with a retry delay of zero: its next try belongs to the next run, so one run never
    spends two attempts (or two LLM requests) on one job however fast the machine is."""
    store = store_factory()
    fill(store, 3)
    tried: list[str] = []

    def work(job, ctx):
        tried.append(job.id)
        raise RetryableError("not yet")
    record = run_stage(store, Stage(ENRICH, work), settings(retry_base_seconds=0, retry_max_seconds=0,
                                                             concurrency=2))
    assert sorted(tried) == sorted(set(tried)) and len(tried) == 3, tried
    assert (record.claimed, record.retried, record.failed) == (3, 3, 0)
    assert {j.status for j in store.list_jobs()} == {ENRICH.input}
    assert all(j.attempts[c.ENRICH] == 1 for j in store.list_jobs())
    run_stage(store, Stage(ENRICH, work), settings(retry_base_seconds=0, retry_max_seconds=0))
    assert len(tried) == 6, "the next run tries each once more"
