"""The CLI in-process: listing, stats, show, retry, mark and run-stage with exit codes."""

import json

import pytest

from pipeline import constants as c
from pipeline.states import State
from tests.helpers.builders import new_job


@pytest.fixture
def cli(project):
    """A project with three scored jobs and a pending one; cli.run(ARGV...) runs main.py on it."""
    made = project({"enricher": {"max_retries": 2, "retry_base_seconds": 0.001, "retry_max_seconds": 0.001}})
    for n in range(3):
        made.store.upsert_job(new_job(n))
    made.store.upsert_job(new_job(7, status=State.PENDING))
    return made


def out_json(capsys) -> object:
    return json.loads(capsys.readouterr().out)


def test_list_by_status_with_limit(cli, capsys):
    assert cli.run("--list", "--status", "scored", "--limit", "2") == 0
    out = capsys.readouterr().out
    assert out.count("scored") >= 2 and "2 job(s) with status scored" in out
    assert cli.run("--list", "--json") == 0
    jobs = out_json(capsys)
    assert len(jobs) == 4 and {"id", "status", "title", "company", "attempts", "created_at"} <= set(jobs[0])
    assert "lease_token" not in jobs[0] and jobs[0]["created_at"].endswith("Z")


def test_list_is_also_a_command_with_the_same_options(cli, capsys):
    assert cli.run("--list", "--status", "scored", "--json") == 0
    flag = out_json(capsys)
    assert cli.run("list", "--status", "scored", "--json") == 0
    assert out_json(capsys) == flag and len(flag) == 3
    assert cli.run("--json", "list", "--sort", "score", "--limit", "1") == 0
    assert len(out_json(capsys)) == 1


def test_unknown_status_is_a_usage_error(cli, capsys):
    with pytest.raises(SystemExit) as info:
        cli.run("--list", "--status", "scrapped")
    assert info.value.code == 2 and "invalid choice: 'scrapped'" in capsys.readouterr().err


def test_stats(cli, capsys):
    assert cli.run("stats", "--json") == 0
    stats = out_json(capsys)
    assert stats["total"] == 4 and stats["by_status"][State.SCORED] == 3 and stats["by_status"][State.FAILED] == 0
    assert stats["stages"][c.ENRICH] == {"waiting": 3, "working": 0, "done": 0, "failed": 0, "last_run": None}


def test_run_stage_reports_and_records(cli, capsys, monkeypatch):
    assert cli.run("run-stage", "draft") == c.EXIT_ERROR
    assert "draft stage is not ready: no profile at" in capsys.readouterr().err
    monkeypatch.setenv(c.ENV_TEST_STAGES, "enrich=tests.helpers.stages:echo")
    assert cli.run("run-stage", "enrich", "--batch-size", "2") == 0
    out = capsys.readouterr().out
    assert "enrich: claimed 2, succeeded 2, skipped 0, retried 0, failed 0" in out
    assert "enrich: all claimed work succeeded" in out
    assert cli.run("stats", "--json") == 0
    stats = out_json(capsys)
    assert stats["stages"][c.ENRICH]["done"] == 2 and stats["stages"][c.ENRICH]["last_run"]["succeeded"] == 2


def test_failures_then_show_then_retry(cli, capsys, monkeypatch):
    monkeypatch.setenv(c.ENV_TEST_STAGES, "enrich=tests.helpers.stages:always_fail")
    for _ in range(5):
        cli.run("run-stage", "enrich")
    capsys.readouterr()
    assert cli.run("--list", "--status", "failed", "--json") == 0
    failed = out_json(capsys)
    assert len(failed) == 3 and all(j["attempts"] == {c.ENRICH: 2} for j in failed)
    job_id = failed[0]["id"]
    assert cli.run("show", job_id, "--json") == 0
    shown = out_json(capsys)
    assert shown["error_stage"] == c.ENRICH and "site timed out" in shown["last_error"]
    assert [e["event"] for e in shown["history"]] == ["inserted", "retried", "failed"]
    assert cli.run("show", job_id) == 0
    assert "history:" in capsys.readouterr().out
    assert cli.run("retry", job_id) == 0
    assert "requeued 1" in capsys.readouterr().out
    capsys.readouterr()
    assert cli.run("retry", "--stage", "enrich") == 0
    assert "requeued 2" in capsys.readouterr().out
    assert cli.run("stats", "--json") == 0
    assert out_json(capsys)["by_status"][State.SCORED] == 3


def test_retry_regenerates_a_finished_stage(cli, capsys, monkeypatch):
    monkeypatch.setenv(c.ENV_TEST_STAGES, "enrich=tests.helpers.stages:echo")
    cli.run("run-stage", "enrich", "--batch-size", "1")
    job = cli.store.list_jobs(State.ENRICHED)[0]
    assert cli.run("retry", "--stage", "enrich", job.id) == 0
    again = cli.store.get(job.id)
    assert again.status == State.SCORED and again.attempts[c.ENRICH] == 0
    assert again.data == job.data, "the earlier output is kept until the stage replaces it"


def test_mark_moves_and_refuses(cli, capsys):
    job_id = cli.store.list_jobs(State.PENDING)[0].id
    assert cli.run("mark", job_id, "skipped") == 0
    assert cli.store.get(job_id).status == State.SKIPPED
    assert cli.run("mark", job_id, "enriching") == c.EXIT_USAGE
    assert "cannot mark a job 'enriching'" in capsys.readouterr().err
    assert cli.run("mark", "nosuchjob", "applied") == c.EXIT_ERROR
    assert "no such job" in capsys.readouterr().err


def test_show_unknown_job(cli, capsys):
    assert cli.run("show", "nosuchjob") == c.EXIT_ERROR
    assert "no job with id 'nosuchjob'" in capsys.readouterr().err


def test_no_arguments_prints_help(cli, capsys):
    assert cli.run() == c.EXIT_USAGE
    assert "usage:" in capsys.readouterr().out


def test_read_only_commands_import_no_scheduler_llm_or_http_library(cli, tmp_path):
    """Each read-only command in a fresh interpreter: what it imported is checked when it exits."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    config_path = str(cli.path)
    job_id = cli.store.list_jobs()[0].id
    check = ("import atexit, runpy, sys\n"
             "atexit.register(lambda: print('HEAVY', sorted(m for m in ('apscheduler', 'openai', 'httpx')"
             " if m in sys.modules)))\n"
             "sys.argv = sys.argv[1:]\n"
             "runpy.run_path('main.py', run_name='__main__')\n")
    for argv in (["--list"], ["stats"], ["show", job_id], ["companies"], ["drafts"]):
        done = subprocess.run([sys.executable, "-c", check, "main.py", "--config", config_path, *argv], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, (argv, done.stderr[-500:])
        assert done.stdout.strip().splitlines()[-1] == "HEAVY []", (argv, done.stdout[-300:])
