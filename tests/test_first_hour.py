"""The first hour as the README tells it: commands that work as written, nothing silently empty,
a good Unix citizen (closed pipes, --version, exit codes), typed JSON, documented defaults."""

import json
import os
import subprocess
import sys

import pytest

from pipeline import constants as c
from pipeline.cli.app import main
from pipeline.config.loading import load_config
from pipeline.service.daemon import etime_seconds
from pipeline.stages.scrape import Scrape
from pipeline.store import open_store
from tests.conftest import ROOT
from tests.helpers.builders import new_job
from tests.helpers.project import write_config


def test_config_check_reports_every_error_and_the_profile(tmp_path, capsys):
    path = write_config(tmp_path, text="daemon: {tick_seconds: fast}\nenricher: {max_retries: three}\nbogus: 1\n")
    assert main(["--config", str(path), "config", "check"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3 and all(line.startswith("config error: ") for line in err)
    text = "\n".join(err)
    assert "config.yaml:1: daemon.tick_seconds" in text and "config.yaml:2: enricher.max_retries" in text
    assert "config.yaml:3: bogus: unknown section" in text
    good = write_config(tmp_path / "ok")
    (tmp_path / "ok" / "profile.yaml").write_text("name: A B\nemail: a@example.org\nnickname: x\n")
    assert main(["--config", str(good), "config", "check"]) == 2
    assert "profile.yaml:3: nickname: unknown field" in capsys.readouterr().err


def test_nothing_silently_empty(tmp_path, capsys):
    path = write_config(tmp_path, {"searches": [{"keywords": "python", "sources": ["greenhouse"]}],
                                   "generator": {"enabled": False}})
    assert main(["--config", str(path), "config", "check"]) == 0
    err = capsys.readouterr().err
    assert "sources.greenhouse.boards is empty" in err and "generator.enabled is false" in err
    bare = write_config(tmp_path / "bare")
    assert main(["--config", str(bare), "config", "check"]) == 0
    assert f"no search configured: set {c.ENV_KEYWORDS}" in capsys.readouterr().err
    assert main(["--config", str(bare), "run-stage", "scrape"]) == 1
    out = capsys.readouterr().out
    assert "no search configured" in out and "nothing to do" not in out
    assert main(["--config", str(path), "run-stage", "scrape", "--source", "greenhouse"]) == 1
    assert "no boards to read; name them in sources.greenhouse.boards" in capsys.readouterr().out


def test_exit_codes_say_what_happened(tmp_path, monkeypatch, capsys):
    path = write_config(tmp_path, {"enricher": {"max_retries": 1}})
    store = open_store(load_config(str(path)))
    assert main(["--config", str(path), "run-stage", "enrich"]) == 0
    assert "nothing to do" in capsys.readouterr().out
    for n in range(2):
        store.upsert_job(new_job(n))
    monkeypatch.setenv(c.ENV_TEST_STAGES, "enrich=tests.helpers.stages:always_fail")
    assert main(["--config", str(path), "run-stage", "enrich"]) == 1
    assert "2 job(s) failed" in capsys.readouterr().out
    for n in range(2, 4):
        store.upsert_job(new_job(n))
    monkeypatch.setenv(c.ENV_TEST_STAGES, "enrich=tests.helpers.stages:echo")
    assert main(["--config", str(path), "run-stage", "enrich"]) == 0
    assert "all claimed work succeeded" in capsys.readouterr().out
    assert main(["--config", str(path), "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["stages"]["fit"]["done"] == 2, "jobs past a stage count as done for it"


def test_a_closed_pipe_and_version(tmp_path):
    path = write_config(tmp_path)
    store = open_store(load_config(str(path)))
    for n in range(400):
        store.upsert_job(new_job(n))
    shell = subprocess.run(["bash", "-c", f"{sys.executable} main.py --config {path} --list | head -1"], cwd=ROOT,
                           capture_output=True, text=True, timeout=60)
    assert shell.stdout.startswith("ID") and shell.stderr == "", shell.stderr
    version = subprocess.run([sys.executable, "main.py", "--version"], cwd=ROOT, capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.startswith("main.py 0.")


def test_main_py_uses_the_projects_venv_from_another_python():
    """The README's `python main.py ...` in a shell whose python lacks the dependencies."""
    venv = ROOT / ".venv" / "bin" / "python"
    if not venv.exists():
        pytest.skip("no .venv here (the quick-start test covers a fresh clone)")
    base = subprocess.run([sys.executable, "-c", "import sys; print(sys.base_prefix)"], capture_output=True,
                          text=True).stdout.strip()
    candidates = ["/usr/bin/python3", os.path.join(base, "bin", "python3")]
    outside = next((p for p in candidates if os.path.exists(p) and
                    subprocess.run([p, "-c", "import yaml, dotenv, structlog"], capture_output=True).returncode != 0),
                   None)
    if outside is None:
        pytest.skip("every other python here has the dependencies too")
    run = subprocess.run([outside, "main.py", "--version"], cwd=ROOT, capture_output=True, text=True, timeout=60,
                         env={"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/")})
    assert run.returncode == 0 and run.stdout.startswith("main.py"), run.stderr


def test_typed_json_and_documented_defaults(tmp_path, monkeypatch):
    assert [etime_seconds(t) for t in ("04:43", "1:02:03", "2-00:00:01")] == [283, 3723, 172801]
    config = load_config(str(write_config(tmp_path)))
    assert config.stages[c.SCRAPE].max_jobs_per_day == 50
    monkeypatch.setenv(c.ENV_LOCATION, "Berlin")
    assert Scrape(config, keywords="python").searches[0].location == "Berlin"
    assert Scrape(config, keywords="python", location="Paris").searches[0].location == "Paris"
