"""The README's first hour, command by command, in a fresh clone, from a shell whose `python` is
not the project's: each command must work exactly as written. LinkedIn is the loopback server with
the recorded pages (no machine here reaches it); the clone shares this checkout's .venv."""

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.sources.linkedin import DETAIL_PATH, SEARCH_PATH
from tests.conftest import ROOT
from tests.helpers.http_server import RecordedServer, Reply, fixture


def readme_commands() -> list[str]:
    """The first-hour block of the README, one command per line, comments dropped."""
    text = (ROOT / "README.md").read_text()
    block = text.split("**The first hour**", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    return [line.split("  #", 1)[0].split(" # ", 1)[0].strip() for line in block.strip().splitlines()]


def other_python(directory: Path) -> Path:
    """A `python` on PATH that is not the project's (the system one when it lacks the dependencies)."""
    bin_dir = directory / "bin"
    bin_dir.mkdir()
    base = Path(sys.base_prefix) / "bin" / "python3"
    chosen = next((p for p in (Path("/usr/bin/python3"), base) if p.exists()), base)
    (bin_dir / "python").symlink_to(chosen)
    return bin_dir


@pytest.fixture
def clone(tmp_path):
    venv = ROOT / ".venv"
    if not (venv / "bin" / "python").exists():
        pytest.skip("needs the checkout's .venv to share (CI makes it first)")
    target = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(target)], check=True)
    for path in ("pipeline", "scripts", "main.py", "README.md", "pipeline_config.yaml", "profile.example.yaml",
                 ".env.example", "requirements.txt"):  # the working tree, committed or not
        source, dest = ROOT / path, target / path
        if source.is_dir():
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, dest)
    (target / ".venv").symlink_to(venv)
    yield target
    subprocess.run(["bash", "scripts/stop_pipeline.sh"], cwd=target, capture_output=True, timeout=120)


def test_the_first_hour_as_the_readme_writes_it(clone, tmp_path):
    commands = readme_commands()
    assert commands[0] == "cp .env.example .env" and "python main.py --list --status pending" in commands
    with RecordedServer() as linkedin:
        linkedin.routes[SEARCH_PATH] = [Reply(200, fixture("linkedin", "guest_seeMoreJobPostings_search.html")),
                                        Reply(200, "")]
        linkedin.routes[DETAIL_PATH.format(id="*")] = Reply(200, fixture("linkedin", "guest_jobPosting_detail.html"))
        config = (clone / "pipeline_config.yaml").read_text()
        config = re.sub(r"linkedin:\s*\{base_url: https://www.linkedin.com, min_delay: 2, max_delay: 5",
                        f"linkedin:   {{base_url: {linkedin.base_url}, min_delay: 0, max_delay: 0", config)
        assert linkedin.base_url in config, "the shipped config's LinkedIn line changed; update this test"
        (clone / "pipeline_config.yaml").write_text(config)
        env = {"PATH": f"{other_python(tmp_path)}:/usr/bin:/bin", "HOME": str(tmp_path)}
        outputs = {}
        for command in commands:
            done = subprocess.run(["bash", "-c", command], cwd=clone, env=env, capture_output=True, text=True,
                                  timeout=180)
            assert done.returncode == 0, f"{command!r} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
            assert "Traceback" not in done.stderr, f"{command!r}:\n{done.stderr}"
            outputs[command] = done.stdout
            if command.startswith("scripts/start_pipeline.sh"):
                deadline = time.time() + 60
                while _counts(clone, env) == 0:
                    assert time.time() < deadline, "the daemon's start-up scrape stored nothing"
                    time.sleep(0.5)
        assert "store: SQLite" in outputs["scripts/start_pipeline.sh"]
        assert "running (PID" in outputs["scripts/status_pipeline.sh"]
        listed = outputs["python main.py --list --status pending"] + outputs["python main.py --list --sort score"]
        assert "Software Engineer" in listed, listed
        assert "usage: scrape_jobs.py" in outputs["python scripts/scrape_jobs.py --help"]
        assert "draft(s)" in outputs["python main.py drafts"]
        assert any(p == SEARCH_PATH for p, _, _ in linkedin.requests), "the daemon searched"


def _counts(clone: Path, env: dict[str, str]) -> int:
    """How many jobs the clone's store holds."""
    out = subprocess.run(["bash", "-c", "python main.py stats --json"], cwd=clone, env=env, capture_output=True,
                         text=True, timeout=60).stdout
    return int(json.loads(out)["total"]) if out.strip() else 0


def test_every_bench_the_readme_shows_exists_and_takes_its_options():
    """The README's bench block, exactly as written, up to option parsing: `--help` runs each
    command's imports and argument parser and exits before any work."""
    text = (ROOT / "README.md").read_text()
    block = text.split("Benchmarks live in `bench/`", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [line.split("  #", 1)[0].strip() for line in block.strip().splitlines()]
    shown = {Path(command.split()[1]).name for command in commands}
    assert shown == {p.name for p in (ROOT / "bench").glob("*.py") if not p.name.startswith("_")} - \
        {"eval_fit.py", "eval_outreach.py"}, \
        "every bench is in the README's list (the evals are shown with their sections)"
    for command in commands:
        argv = command.split()
        assert argv[0] == ".venv/bin/python", command
        done = subprocess.run([sys.executable, *argv[1:], "--help"], cwd=ROOT, capture_output=True, text=True,
                              timeout=60)
        assert done.returncode == 0 and "usage:" in done.stdout, (command, done.stderr[-500:])
