"""One sync as a run: what the daemon's schedule and `main.py mailbox sync` both call. The run is
saved like a stage's (stage "mailbox"), so `status`, the log and the page show the last sync and
its error: a wrong password is an error there, never "0 replies"; a server that cannot be reached
is an outage (details.outage) the daemon retries at its next tick, with nothing changed.

The daemon runs each sync in a process of its own (`python -m pipeline.mailbox.run`): what a first
sync of 100,000 messages allocates while parsing goes when it ends (a long-running daemon never
gives it back), a crash in it is not the daemon's, its parsing takes no turns of the daemon's
interpreter lock, and it runs niced, so on a busy machine the stages get the CPU first.
bench/mailbox.py measures a stage's rate while it runs.
"""

import argparse
import os
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from pipeline.config.loading import Config
from pipeline.engine.policy import owner_name
from pipeline.logs import get_logger
from pipeline.mailbox.imap import CertificateRefused, LoginRefused, MailboxError, ServerUnreachable
from pipeline.mailbox.sync import Busy, Report, Sync
from pipeline.records import RunRecord
from pipeline.redaction import redact
from pipeline.store.base import JobStore

NAME = "mailbox"  # the run records' stage name
log = get_logger("pipeline.mailbox")


@dataclass
class Outcome:
    record: RunRecord
    report: Report | None
    kind: str  # ok | login | certificate | outage | busy | error


def llm_for(config: Config) -> object | None:
    """The LLM for undecided replies: only with a key."""
    if not config.llm_api_key:
        return None
    from pipeline.net.llm import LLM

    return LLM(config)


def run_sync(config: Config, store: JobStore, push: bool = True) -> Outcome:
    """One whole sync, recorded; never raises for a mailbox problem (it is the run's error)."""
    record = RunRecord(run_id=uuid.uuid4().hex[:12], stage=NAME, started_at=time.time(), owner=owner_name())
    report, kind = None, "ok"
    try:
        report = Sync(config, store, llm_for(config)).run(push=push)
        record.details = report.summary()
        record.succeeded = record.details["replies"] + record.details["sent"] + record.details["filed"]
    except Busy as exc:
        kind, record.error = "busy", str(exc)
    except ServerUnreachable as exc:
        kind, record.error = "outage", f"{exc}; nothing was changed, the sync runs again at the next tick"
        record.details["outage"] = True
    except LoginRefused as exc:
        kind, record.error = "login", str(exc)
    except CertificateRefused as exc:
        kind, record.error = "certificate", str(exc)
    except MailboxError as exc:
        kind, record.error = "error", str(exc)
    record.error = redact(record.error) if record.error else None
    record.finished_at = time.time()
    if kind == "busy":
        log.info("mailbox sync skipped", reason=record.error)
    elif kind == "outage":
        log.warning("mailbox unreachable; sync paused", error=record.error)
    elif record.error:
        log.error("mailbox sync failed", error=record.error, kind=kind)
    else:
        log.info("mailbox synced", **{k: v for k, v in record.details.items() if isinstance(v, int)})
    if kind != "busy":
        store.save_run(record)
    return Outcome(record, report, kind)


NICENESS = 10  # the child's scheduling priority below the daemon's
# A child's exit code says how its sync went.
EXIT_CODES = {"ok": 0, "error": 1, "outage": 3, "login": 4, "certificate": 5, "busy": 6}
KINDS = {code: kind for kind, code in EXIT_CODES.items()}


def run_in_child(config: Config, stop: threading.Event, timeout: float = 3600.0) -> str:
    """One sync in a child process; its kind (ok, outage, login, ...). A stop of the daemon ends
    it: what it read and did not apply yet is read again by the next sync."""
    code_root = Path(__file__).resolve().parent.parent.parent
    env = {**os.environ, "PYTHONPATH": str(code_root)}
    child = subprocess.Popen([sys.executable, "-m", "pipeline.mailbox.run", "--config", str(config.path)],
                             cwd=config.root, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    while child.poll() is None:
        if stop.wait(0.2) or time.monotonic() > deadline:
            child.terminate()
            try:
                child.wait(30)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
            log.warning("mailbox sync stopped before it finished; the next sync reads the same mail again")
            return "stopped"
    errors = (child.stderr.read() if child.stderr else b"").decode(errors="replace")
    kind = KINDS.get(child.returncode, "crashed")
    if kind == "crashed":
        log.error("mailbox sync process crashed", code=child.returncode, stderr=redact(errors[-2000:]))
    return kind


def main(argv: list[str] | None = None) -> int:
    """The child: load the config, log to the daemon's log file, one sync, its kind as exit code."""
    from pipeline.config.loading import load_config
    from pipeline.logs import setup_logging
    from pipeline.store import open_store

    parser = argparse.ArgumentParser(prog="python -m pipeline.mailbox.run")
    parser.add_argument("--config", required=True)
    args = parser.parse_args(argv)
    os.nice(NICENESS)  # background work: on a busy machine the stages get the CPU first
    config = load_config(args.config)
    d = config.daemon
    setup_logging(d.log_level, d.log_file, console=False, max_bytes=d.log_max_bytes, backups=d.log_backups)
    store = open_store(config)
    try:
        return EXIT_CODES[run_sync(config, store).kind]
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
