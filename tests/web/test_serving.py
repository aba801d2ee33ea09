"""Serving the page for real: `main.py web` in the foreground, and the daemon serving it with its
URL in `status`."""

import signal
import subprocess
import sys
import urllib.request

import pytest

from pipeline.config.loading import load_config
from pipeline.errors import ConfigError
from tests.conftest import ROOT
from tests.helpers.project import write_config
from tests.test_daemon import environment, script


def test_web_prints_its_address_first_and_serves_until_sigterm(project):
    made = project({})
    command = [sys.executable, str(ROOT / "main.py"), "--config", str(made.path), "web", "--port", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment())
    try:
        first = process.stdout.readline()
        assert first.startswith("serving on http://127.0.0.1:") and first.endswith("/\n"), first
        url = first.split()[-1]
        with urllib.request.urlopen(url, timeout=10) as answer:
            assert answer.status == 200 and b"To review" in answer.read()
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in err


def test_a_taken_port_is_one_clear_line(project):
    import socket

    made = project({})
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--config", str(made.path), "web", "--port",
                               str(port)], capture_output=True, text=True, env=environment(), timeout=60)
    assert done.returncode == 1 and f"cannot serve the review page on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_daemon_serves_the_page_and_status_names_its_url(project):
    made = project({"enricher": {"schedule": "0 3 1 jan *"}})
    env = environment()
    try:
        started = script("start_pipeline.sh", made.path, env)
        assert started.returncode == 0, started.stdout + started.stderr
        line = next(x for x in started.stdout.splitlines() if x.startswith("review page: "))
        url = line.split()[-1]
        status = script("status_pipeline.sh", made.path, env)
        assert f"review page: {url}" in status.stdout, status.stdout
        with urllib.request.urlopen(url + "status", timeout=10) as answer:
            assert answer.status == 200 and b"Running (PID" in answer.read()
    finally:
        script("stop_pipeline.sh", made.path, env)
    stopped = script("status_pipeline.sh", made.path, env)
    assert "review page: not served (the daemon is stopped); `python main.py web` serves it" in stopped.stdout


def test_a_daemon_told_to_serve_on_a_public_address_without_a_token_does_not_start(project):
    made = project({"web": {"host": "0.0.0.0"}})
    env = {k: v for k, v in environment().items() if k != "WEB_TOKEN"}
    started = script("start_pipeline.sh", made.path, env)
    assert started.returncode == 1 and "0.0.0.0 is not a loopback address" in started.stdout + started.stderr
    assert "Traceback" not in started.stdout + started.stderr


@pytest.mark.parametrize("web, message", [({"port": 70000}, "web.port"), ({"host": " "}, "web.host"),
                                          ({"allowed_hosts": ["https://x.example/"]}, "web.allowed_hosts"),
                                          ({"open": True}, "unknown key")])
def test_the_web_section_is_checked_like_every_other(tmp_path, web, message):
    path = write_config(tmp_path, {"web": web})
    with pytest.raises(ConfigError) as raised:
        load_config(str(path))
    assert message in str(raised.value) and str(path) in str(raised.value)
