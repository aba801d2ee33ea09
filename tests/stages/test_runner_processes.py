"""Several processes on one store: no job twice, none lost, and a SIGKILL loses nothing."""

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from pipeline import constants as c
from pipeline.states import State
from tests.conftest import ROOT
from tests.helpers.builders import new_job


def worker_command(store_factory, *extra: str) -> list[str]:
    cmd = [sys.executable, "-m", "tests.helpers.worker", *extra]
    if store_factory.backend == "sqlite":
        return cmd + ["--sqlite", str(store_factory.tmp_path / "jobs.sqlite3")]
    return cmd + ["--mongo-uri", store_factory.uri, "--database", store_factory.database]


def spawn(store_factory, record_dir: Path, *extra: str, sleep: float = 0.0) -> subprocess.Popen:
    env = {**os.environ, "PIPELINE_TEST_RECORD": str(record_dir), "PIPELINE_TEST_SLEEP": str(sleep),
           "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(worker_command(store_factory, *extra), cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def processed(record_dir: Path) -> Counter:
    return Counter(line for f in record_dir.glob("*.txt") for line in f.read_text().split())


def test_eight_processes_claim_2000_jobs_exactly_once(store_factory, tmp_path):
    store = store_factory()
    for n in range(2000):
        store.upsert_job(new_job(n))
    record_dir = tmp_path / "done"
    record_dir.mkdir()
    workers = [spawn(store_factory, record_dir) for _ in range(8)]
    outputs = [w.communicate(timeout=240) for w in workers]
    assert all(w.returncode == 0 for w in workers), [err[-2000:] for _, err in outputs]
    seen = processed(record_dir)
    assert len(seen) == 2000 and set(seen.values()) == {1}, "every job exactly once"
    assert len(list(record_dir.glob("*.txt"))) >= 2, "the work was shared"
    assert store.counts() == {State.ENRICHED: 2000}
    assert all(j.attempts == {c.ENRICH: 1} for j in store.list_jobs())


def test_sigkill_mid_batch_loses_nothing(store_factory, tmp_path):
    store = store_factory()
    for n in range(40):
        store.upsert_job(new_job(n))
    record_dir = tmp_path / "done"
    record_dir.mkdir()
    victim = spawn(store_factory, record_dir, "--concurrency", "2", "--lease", "1.5", sleep=0.2)
    deadline = time.time() + 30
    while sum(processed(record_dir).values()) < 6 and time.time() < deadline:
        time.sleep(0.05)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    stuck = {j.id for j in store.list_jobs(State.ENRICHING)}
    assert stuck, "the kill landed in the middle of work"
    time.sleep(1.6)  # the dead worker's leases expire
    survivor = spawn(store_factory, record_dir, "--concurrency", "4", "--lease", "30")
    out, err = survivor.communicate(timeout=120)
    assert survivor.returncode == 0, err[-2000:]
    assert store.counts() == {State.ENRICHED: 40}, "nothing stuck in a working state, nothing lost"
    for job in store.list_jobs():
        expected = 2 if job.id in stuck else 1
        assert job.attempts[c.ENRICH] == expected, (job.id, job.attempts)
        if job.id in stuck:
            assert "expired" in [e["event"] for e in store.events(job.id)]
