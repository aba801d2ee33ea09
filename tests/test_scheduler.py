"""Schedules: a run missed while the machine was suspended runs when it wakes."""

import os
import signal
import subprocess
import sys
import time
from datetime import datetime

from pipeline import constants as c
from pipeline.config.loading import load_config
from pipeline.service.scheduler import next_runs
from pipeline.states import State
from pipeline.store import open_store
from tests.conftest import ROOT
from tests.helpers.builders import new_job
from tests.helpers.project import write_config
from tests.test_daemon import environment, wait_for


def test_next_runs_follow_the_schedule(tmp_path):
    config = load_config(str(write_config(tmp_path, {"enricher": {"schedule": {"minute": 15}},
                                                     "daemon": {"timezone": "UTC"}})))
    nxt = next_runs(config, [c.ENRICH])[c.ENRICH]
    assert nxt.minute == 15 and nxt.second == 0 and nxt > datetime.now(nxt.tzinfo)


def test_run_missed_while_suspended_runs_on_wake(tmp_path):
    fire = datetime.now()
    second = (fire.second + 8) % 60
    config_path = write_config(tmp_path / "project", {"enricher": {"schedule": {"second": second}},
                                                      "daemon": {"tick_seconds": 600}})
    store = open_store(load_config(str(config_path)))
    main = [sys.executable, str(ROOT / "main.py"), "--config", str(config_path), "daemon"]
    started = subprocess.run(main + ["start"], env=environment(), capture_output=True, text=True, timeout=60)
    assert started.returncode == 0, started.stdout
    pid = int(started.stdout.split("PID ")[1].split(")")[0])
    try:
        wait_for(lambda: c.ENRICH in store.last_runs() and store.last_runs()[c.ENRICH].finished_at,
                 what="the start-up run")
        store.upsert_job(new_job(1))
        os.kill(pid, signal.SIGSTOP)  # the laptop lid closes before the scheduled second
        time.sleep(11)
        os.kill(pid, signal.SIGCONT)
        woke = time.time()
        wait_for(lambda: store.counts().get(State.ENRICHED) == 1, timeout=20, what="the missed run")
        assert time.time() - woke < 5, "ran on wake, not at the next scheduled time"
    finally:
        os.kill(pid, signal.SIGCONT)
        subprocess.run(main + ["stop"], env=environment(), capture_output=True, timeout=60)
        store.close()


def test_a_run_halted_by_a_network_outage_runs_again_at_the_next_tick(tmp_path):
    import threading

    from pipeline.config.catalog import stage_states
    from pipeline.engine.runner import Stage
    from pipeline.errors import NetworkDown
    from pipeline.service.scheduler import Scheduler
    from pipeline.store.sqlite import SQLiteStore

    def offline(job, ctx):
        raise NetworkDown("network unreachable: cannot connect to a.example nor to www.linkedin.com")

    config = load_config(str(write_config(tmp_path)))
    store = SQLiteStore(tmp_path / "jobs.sqlite3")
    store.upsert_job(new_job(1))
    scheduler = Scheduler(config, store, {c.ENRICH: Stage(stage_states(c.ENRICH), offline)}, threading.Event())
    scheduler.jobs[c.ENRICH]()
    assert scheduler.after_outage == {c.ENRICH}
    job = store.list_jobs()[0]
    assert job.status == State.SCORED and job.attempts.get(c.ENRICH, 0) == 0, "no attempt used"
    scheduler.tick()
    assert scheduler.aps.get_job(f"{c.ENRICH}-after-outage") is not None, "runs again at this tick"
    assert scheduler.after_outage == set()
