"""The mailbox when things go wrong: a wrong password is loud everywhere, an unreachable server
pauses the sync for the next tick, TLS is checked (a self-signed server only through ca_file),
plain only to loopback, no mailbox section changes nothing, and the password never shows."""

import json
import threading
from types import SimpleNamespace

import pytest

from pipeline import constants as c
from pipeline.cli.app import main
from pipeline.config.loading import load_config
from pipeline.errors import ConfigError
from pipeline.mailbox.run import run_sync
from pipeline.outreach import review
from pipeline.service.scheduler import MailboxJob, Scheduler
from pipeline.states import State
from pipeline.store import open_store
from tests.helpers.mongo_server import free_port
from tests.helpers.project import write_config
from tests.mailbox.conftest import add_job, deliver, email_draft, mail, make_project


def test_a_wrong_password_is_an_error_in_the_command_the_status_and_the_log(project, monkeypatch, capsys):
    add_job(project.store)
    wrong = "not-the-password-9"
    monkeypatch.setenv(c.ENV_IMAP_PASSWORD, wrong)
    cli = ["--config", str(project.path)]
    assert main([*cli, "mailbox", "sync"]) == c.EXIT_ERROR
    printed = capsys.readouterr()
    assert "refused the login" in printed.err and "IMAP_PASSWORD" in printed.err
    assert "replies" not in printed.out, "never a report of 0 replies"
    main([*cli, "daemon", "status", "--json"])
    status = json.loads(capsys.readouterr().out)
    assert "refused the login" in status["mailbox"]["error"]
    main([*cli, "daemon", "status"])
    assert "FAILED: the IMAP server" in capsys.readouterr().out
    log = (project.config.root / "logs" / "pipeline.log").read_text()
    assert "mailbox sync failed" in log and "refused the login" in log
    everything = printed.out + printed.err + log + json.dumps(status)
    assert wrong not in everything and project.password not in everything


def test_the_password_never_reaches_the_log_even_at_debug_level(project, capsys):
    import yaml

    data = yaml.safe_load(project.path.read_text())
    data["daemon"]["log_level"] = "DEBUG"
    project.path.write_text(yaml.safe_dump(data))
    add_job(project.store)
    assert main(["--config", str(project.path), "mailbox", "sync"]) == 0
    log = (project.config.root / "logs" / "pipeline.log").read_text()
    assert "mailbox synced" in log
    assert project.password not in log + capsys.readouterr().out
    assert project.password not in json.dumps([r.__dict__ for r in project.store.last_runs().values()])


def test_an_unreachable_server_pauses_the_sync_and_the_daemon_retries_at_the_next_tick(tmp_path, monkeypatch):
    monkeypatch.delenv(c.ENV_MONGODB_URI, raising=False)
    monkeypatch.setenv(c.ENV_IMAP_PASSWORD, "whatever-123")
    path = write_config(tmp_path, {"mailbox": {"host": "127.0.0.1", "port": free_port(), "user": "u",
                                               "security": "plain", "timeout_seconds": 2}})
    config = load_config(str(path))
    store = open_store(config)
    job_id = add_job(store, drafts=[email_draft()])
    outcome = run_sync(config, store)
    assert outcome.kind == "outage" and "cannot reach" in outcome.record.error
    assert store.last_runs()["mailbox"].details["outage"] is True
    assert store.get(job_id).status == State.DRAFT_GENERATED
    assert review.state_of(store.get(job_id).data["drafts"][0]) == review.APPROVED, "nothing was changed"
    daemon = SimpleNamespace(config=config, store=store, stop=threading.Event(), after_outage=set(),
                             store_down=lambda exc: None)
    MailboxJob(daemon)(scheduled=True)
    assert daemon.after_outage == {"mailbox"}, "the scheduler's tick runs it again"


def test_the_daemon_schedules_the_mailbox_only_when_it_is_configured(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv(c.ENV_MONGODB_URI, raising=False)
    plain = load_config(str(write_config(tmp_path / "a", {})))
    assert "mailbox" not in Scheduler(plain, open_store(plain), {}, threading.Event()).jobs
    main(["--config", str(plain.path), "daemon", "status"])
    assert "mailbox not configured" in capsys.readouterr().out
    assert main(["--config", str(plain.path), "mailbox", "sync"]) == c.EXIT_USAGE
    assert "not configured" in capsys.readouterr().err
    with_mailbox = load_config(str(write_config(tmp_path / "b", {"mailbox": {
        "host": "imap.example.org", "user": "me@example.org", "schedule": {"minute": "*/5"}}})))
    scheduler = Scheduler(with_mailbox, open_store(with_mailbox), {}, threading.Event())
    assert isinstance(scheduler.jobs["mailbox"], MailboxJob)
    main(["--config", str(with_mailbox.path), "daemon", "status", "--json"])
    status = json.loads(capsys.readouterr().out)["mailbox"]
    assert status["configured"] and status["next_run"] and status["last_run"] is None


def tls_project(tmp_path, dovecot, monkeypatch, **settings):
    return make_project(tmp_path, dovecot, monkeypatch, **settings)


def test_tls_to_a_self_signed_server_works_only_through_ca_file(tmp_path, dovecot, certificates, monkeypatch,
                                                                capsys):
    project = tls_project(tmp_path, dovecot, monkeypatch, security="tls", port=dovecot.tls_port,
                          ca_file=str(certificates["ca"]))
    assert main(["--config", str(project.path), "mailbox", "check"]) == 0
    shown = capsys.readouterr().out
    assert "Drafts  \\Drafts" in shown and "drafts: Drafts" in shown and "sent: Sent" in shown
    add_job(project.store)
    assert run_sync(project.config, project.store).record.error is None
    project.reload(ca_file=None)
    assert main(["--config", str(project.path), "mailbox", "check"]) == c.EXIT_ERROR
    assert "not trusted" in capsys.readouterr().err, "an untrusted certificate is refused"
    outcome = run_sync(project.config, project.store)
    assert outcome.kind == "certificate" and "not trusted" in outcome.record.error


def test_starttls_with_a_trusted_certificate(tmp_path, dovecot, certificates, monkeypatch, capsys):
    project = tls_project(tmp_path, dovecot, monkeypatch, security="starttls", port=dovecot.port,
                          ca_file=str(certificates["ca"]))
    assert main(["--config", str(project.path), "mailbox", "check"]) == 0
    project.reload(ca_file=None)
    assert main(["--config", str(project.path), "mailbox", "check"]) == c.EXIT_ERROR


def test_mailbox_check_changes_nothing(project, capsys):
    deliver(project, "INBOX", mail("jo@acme.example", "hello", "hi"))
    assert main(["--config", str(project.path), "mailbox", "check"]) == 0
    out = capsys.readouterr().out
    assert "logged in to 127.0.0.1" in out and "replies read from: INBOX" in out
    client = project.imap()
    client.select_folder("INBOX", readonly=True)
    assert all(b"\\Seen" not in f for f in client.get_flags(client.search(["ALL"])).values())
    client.logout()
    assert project.store.last_runs() == {}, "no sync was run"


@pytest.mark.parametrize("host", ["imap.example.org", "10.0.0.5", "192.168.1.2"])
def test_plain_is_refused_unless_the_host_is_loopback(tmp_path, host):
    path = write_config(tmp_path, {"mailbox": {"host": host, "user": "u", "security": "plain"}})
    with pytest.raises(ConfigError, match="loopback"):
        load_config(str(path))


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_plain_to_loopback_is_allowed(tmp_path, host):
    path = write_config(tmp_path, {"mailbox": {"host": host, "user": "u", "security": "plain"}})
    assert load_config(str(path)).mailbox.port == 143


def test_mailbox_settings_are_checked_with_file_line_and_key(tmp_path):
    path = write_config(tmp_path, text="mailbox:\n  host: imap.example.org\n  security: ssl\n  user: u\n")
    with pytest.raises(ConfigError) as error:
        load_config(str(path))
    assert "mailbox.security" in str(error.value) and ":3:" in str(error.value)
    path = write_config(tmp_path, text="mailbox:\n  user: u\n")
    with pytest.raises(ConfigError, match="host"):
        load_config(str(path))
    path = write_config(tmp_path, text="mailbox:\n  host: h.example\n  user: u\n  ca_file: nowhere.pem\n")
    with pytest.raises(ConfigError, match="no such file"):
        load_config(str(path))
    path = write_config(tmp_path, text="mailbox:\n  host: h.example\n  user: u\n  port: 70000\n")
    with pytest.raises(ConfigError, match="65535"):
        load_config(str(path))
    config = load_config(str(write_config(tmp_path, text="mailbox:\n  host: h.example\n  user: u\n")))
    assert (config.mailbox.port, config.mailbox.security, config.mailbox.folders) == (993, "tls", ("INBOX",))
    assert config.mailbox.schedule == {"minute": "*/15"}


def test_config_check_masks_the_password(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(c.ENV_IMAP_PASSWORD, "app-pass-abcdef")
    path = write_config(tmp_path, {"mailbox": {"host": "imap.example.org", "user": "me@example.org"}})
    assert main(["--config", str(path), "config", "check"]) == 0
    out = capsys.readouterr().out
    assert "set (hidden, IMAP_PASSWORD)" in out and "app-pass-abcdef" not in out


def test_drafts_sent_by_hand_moves_the_job_to_contacted_like_the_sync(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv(c.ENV_MONGODB_URI, raising=False)
    config = load_config(str(write_config(tmp_path, {})))
    store = open_store(config)
    job_id = add_job(store, drafts=[email_draft(), email_draft(state=review.NEW)])
    assert main(["--config", str(config.path), "drafts", "sent", job_id, "1"]) == 0
    assert "the job is contacted" in capsys.readouterr().out
    job = store.get(job_id)
    assert job.status == State.CONTACTED and job.data["drafts"][0]["sent"]["how"] == "marked by hand"
    assert store.events(job_id)[-1]["event"] == "sent"
    assert main(["--config", str(config.path), "drafts", "sent", job_id, "2"]) == c.EXIT_ERROR, "never approved"


def test_the_daemon_files_drafts_at_start_and_shows_a_wrong_password_in_status(project, monkeypatch):
    """The real daemon (foreground, as systemd runs it): its start-up sync, in a process of its own,
    files the approved draft; with a wrong password its status says so."""
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    from tests.conftest import ROOT

    job_id = add_job(project.store)
    env = {**os.environ, "PIPELINE_VENV": str(Path(sys.executable).parent.parent)}

    def run_daemon(password: str) -> str:
        daemon = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--config", str(project.path), "daemon",
                                   "run"], env={**env, c.ENV_IMAP_PASSWORD: password}, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.time() + 60
            while "mailbox" not in project.store.last_runs() or project.store.last_runs()["mailbox"].started_at < \
                    started:
                assert time.time() < deadline and daemon.poll() is None, "the daemon's start-up sync never ran"
                time.sleep(0.2)
            status = subprocess.run([sys.executable, str(ROOT / "main.py"), "--config", str(project.path), "daemon",
                                     "status"], env=env, capture_output=True, text=True, timeout=60).stdout
        finally:
            daemon.send_signal(signal.SIGTERM)
            err = daemon.communicate(timeout=60)[1]
        assert daemon.returncode == 0, err
        return status

    started = time.time()
    status = run_daemon(project.password)
    assert review.state_of(project.store.get(job_id).data["drafts"][0]) == review.FILED
    assert "mailbox " + project.user in status and "filed 1" in status
    started = time.time()
    status = run_daemon("a-wrong-password")
    assert "FAILED: the IMAP server" in status and "refused the login" in status
    assert "a-wrong-password" not in status
