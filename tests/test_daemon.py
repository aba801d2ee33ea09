"""The daemon through its scripts: start, status, refusal, a stale PID file, stop, and a store
that goes away and comes back under a running daemon."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import constants as c
from pipeline.config.loading import load_config
from pipeline.states import State
from pipeline.store import open_store
from tests.conftest import ROOT
from tests.helpers.builders import new_job
from tests.helpers.mongo_server import MongoServer
from tests.helpers.project import write_config


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in (c.ENV_MONGODB_URI, c.ENV_CONFIG)}
    env.update({"PIPELINE_VENV": str(Path(sys.executable).parent.parent),
                c.ENV_TEST_STAGES: "enrich=tests.helpers.stages:echo", **extra})
    return env


def script(name: str, config: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(ROOT / "scripts" / name), "--config", str(config), *args],
                          env=env, capture_output=True, text=True, timeout=120)


def wait_for(condition, timeout: float = 30.0, what: str = "condition") -> None:
    deadline = time.time() + timeout
    while not condition():
        if time.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def pid_of(output: str) -> int:
    return int(output.split("PID ")[1].split(")")[0])


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.fixture
def daemon_project(project):
    """(config path, store) of a project whose enrich stage runs only at start; the daemon is
    stopped afterwards, whatever the test did."""
    made = project({"enricher": {"schedule": "0 3 1 jan *"}})  # only the start-up run
    yield made.path, made.store
    script("stop_pipeline.sh", made.path, environment())


def test_lifecycle_through_the_scripts(daemon_project):
    config, store = daemon_project
    env = environment()
    for n in range(3):
        store.upsert_job(new_job(n))
    started = script("start_pipeline.sh", config, env)
    assert started.returncode == 0, started.stdout + started.stderr
    pid = pid_of(started.stdout)
    wait_for(lambda: store.counts().get(State.ENRICHED) == 3, what="waiting work picked up at start")

    status = script("status_pipeline.sh", config, env)
    assert status.returncode == 0 and f"running (PID {pid})" in status.stdout, status.stdout
    assert "memory" in status.stdout and "enriched 3" in status.stdout
    assert "enrich  next 20" in status.stdout and "3 ok" in status.stdout, status.stdout
    assert "draft   next - (not ready: no profile at" in status.stdout and "copy profile.example.yaml" in status.stdout
    assert "store: SQLite" in status.stdout and "schedule as the running daemon has it" in status.stdout
    assert "restart to apply" not in status.stdout
    (config.parent / "profile.yaml").write_text("name: Alex Example\nemail: alex@example.org\n")
    changed = script("status_pipeline.sh", config, env)
    assert "restart to apply" in changed.stdout, changed.stdout
    assert "draft   next - (not ready: no profile at" in changed.stdout, "the daemon never scheduled draft"
    (config.parent / "profile.yaml").unlink()

    second = script("start_pipeline.sh", config, env)
    assert second.returncode == 1 and f"already running (PID {pid})" in second.stdout

    os.kill(pid, signal.SIGKILL)
    wait_for(lambda: not alive(pid), what="the daemon to die")
    stale = script("status_pipeline.sh", config, env)
    assert stale.returncode == 3 and "stale PID file" in stale.stdout, stale.stdout

    restarted = script("start_pipeline.sh", config, env)
    assert restarted.returncode == 0, restarted.stdout + restarted.stderr
    new_pid = pid_of(restarted.stdout)
    assert new_pid != pid

    stopped = script("stop_pipeline.sh", config, env)
    assert stopped.returncode == 0 and f"stopped (PID {new_pid})" in stopped.stdout
    assert not alive(new_pid)
    final = script("status_pipeline.sh", config, env)
    assert final.returncode == 3 and final.stdout.startswith("stopped")
    assert not (config.parent / "data" / "pipeline.pid").exists()


def test_sigterm_releases_current_work(daemon_project):
    config, store = daemon_project
    config.write_text(config.read_text().replace("stop_timeout_seconds: 5", "stop_timeout_seconds: 1"))
    store.upsert_job(new_job(1))
    env = environment(PIPELINE_TEST_SLEEP="60")
    assert script("start_pipeline.sh", config, env).returncode == 0
    wait_for(lambda: store.counts().get(State.ENRICHING) == 1, what="the job to be claimed")
    t0 = time.time()
    stopped = script("stop_pipeline.sh", config, env)
    assert stopped.returncode == 0 and "stopped (PID" in stopped.stdout, stopped.stdout
    assert time.time() - t0 < 15
    job = store.list_jobs()[0]
    assert job.status == State.SCORED and job.attempts[c.ENRICH] == 0, "released, attempt given back"
    log = (config.parent / "logs" / "pipeline.log").read_text()
    assert '"job released on stop"' in log and '"daemon stopped"' in log


def test_after_a_sigkill_the_restarted_daemon_takes_its_jobs_back_at_once(daemon_project):
    """The killed daemon's lease (300 s) is not waited out: its PID is gone, so the next start
    takes the job back and works it within seconds; the killed run is marked interrupted."""
    config, store = daemon_project
    store.upsert_job(new_job(1))
    started = script("start_pipeline.sh", config, environment(PIPELINE_TEST_SLEEP="60"))
    assert started.returncode == 0, started.stdout + started.stderr
    wait_for(lambda: store.counts().get(State.ENRICHING) == 1, what="the job to be claimed")
    killed = store.last_runs()[c.ENRICH]
    pid = pid_of(started.stdout)
    os.kill(pid, signal.SIGKILL)
    wait_for(lambda: not alive(pid), what="the daemon to die")
    t0 = time.time()
    assert script("start_pipeline.sh", config, environment()).returncode == 0
    wait_for(lambda: store.counts().get(State.ENRICHED) == 1, timeout=20, what="the job taken back and done")
    assert time.time() - t0 < 20, "well before the 300 s lease ran out"
    job = store.list_jobs()[0]
    assert [e["event"] for e in store.events(job.id)][-2:] == ["expired", "completed"], store.events(job.id)
    assert killed.finished_at is None


def test_start_reports_why_it_failed(tmp_path):
    blocker = tmp_path / "project" / "data"
    blocker.parent.mkdir(parents=True)
    blocker.write_text("a file where the data directory should be")
    config = write_config(tmp_path / "project", {"daemon": {"pid_file": "run/pipeline.pid"}})
    result = script("start_pipeline.sh", config, environment())
    assert result.returncode == 1 and "failed to start" in result.stdout, result.stdout + result.stderr
    status = script("status_pipeline.sh", config, environment())
    assert status.returncode == 3


def test_daemon_survives_the_mongodb_server_going_away(tmp_path):
    server = MongoServer(tmp_path / "mongo")
    server.start()
    config = write_config(tmp_path / "project", {"daemon": {"tick_seconds": 0.5},
                                                 "storage": {"timeout_seconds": 1},
                                                 "enricher": {"schedule": {"second": "*/2"}}})
    env = environment(MONGODB_URI=server.uri + "pipeline_test")
    os.environ[c.ENV_MONGODB_URI] = env[c.ENV_MONGODB_URI]
    try:
        store = open_store(load_config(str(config)))
    finally:
        del os.environ[c.ENV_MONGODB_URI]
    log = config.parent / "logs" / "pipeline.log"
    try:
        store.upsert_job(new_job(1))
        started = script("start_pipeline.sh", config, env)
        assert started.returncode == 0, started.stdout + started.stderr
        pid = pid_of(started.stdout)
        wait_for(lambda: store.counts().get(State.ENRICHED) == 1, what="the first job")

        server.stop()
        wait_for(lambda: "store unreachable" in log.read_text(), what="the outage to be logged")
        time.sleep(2)
        assert alive(pid)
        down = script("status_pipeline.sh", config, env)
        assert down.returncode == 0 and "store unreachable" in down.stdout, down.stdout

        server.start()
        wait_for(lambda: "store reachable again" in log.read_text(), what="the daemon to notice")
        store.upsert_job(new_job(2))
        wait_for(lambda: store.counts().get(State.ENRICHED) == 2, what="work after the outage")
        assert alive(pid)
        stopped = script("stop_pipeline.sh", config, env)
        assert stopped.returncode == 0 and "stopped" in stopped.stdout
    finally:
        script("stop_pipeline.sh", config, env)
        store.close()
        server.stop()


def test_foreground_run_for_systemd(daemon_project):
    config, store = daemon_project
    store.upsert_job(new_job(1))
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--config", str(config), "daemon", "run"],
                            env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: store.counts().get(State.ENRICHED) == 1, what="the foreground daemon's start-up run")
        status = script("status_pipeline.sh", config, environment())
        assert status.returncode == 0 and f"running (PID {proc.pid})" in status.stdout
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 0
    assert "daemon started" in err and "job succeeded" in err and "daemon stopped" in err, err
    assert not (config.parent / "data" / "pipeline.pid").exists()


def test_looking_at_the_state_never_creates_a_pid_file(tmp_path):
    from pipeline.service import daemon
    config = load_config(str(write_config(tmp_path / "project")))
    assert daemon.state(config).running is False
    assert not config.daemon.pid_file.exists() and not config.daemon.pid_file.parent.exists()


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_files_the_pipeline_creates_are_private_whatever_the_umask(tmp_path, umask):
    """The store (contacts, drafts), the log and the PID file: 0600 in 0700 folders, under the
    common 022 as under a strict 077."""
    config = write_config(tmp_path / "project", {"enricher": {"schedule": "0 3 1 jan *"}})
    env = environment()
    started = subprocess.run(["bash", str(ROOT / "scripts" / "start_pipeline.sh"), "--config", str(config)],
                             env=env, capture_output=True, text=True, timeout=120,
                             preexec_fn=lambda: os.umask(umask))
    try:
        assert started.returncode == 0, started.stdout + started.stderr
        root = config.parent
        wait_for(lambda: (root / "logs" / "pipeline.log").exists(), what="the log")
        for path in (root / "data" / "jobs.sqlite3", root / "logs" / "pipeline.log", root / "data" / "pipeline.pid"):
            assert path.stat().st_mode & 0o777 == 0o600, (path, oct(path.stat().st_mode))
        for folder in (root / "data", root / "logs"):
            assert folder.stat().st_mode & 0o777 == 0o700, (folder, oct(folder.stat().st_mode))
    finally:
        script("stop_pipeline.sh", config, env)
