"""One sync as a run: what the daemon's schedule and `main.py mailbox sync` both call. The run is
saved like a stage's (stage "mailbox"), so `status`, the log and the page show the last sync and
its error: a wrong password is an error there, never "0 replies"; a server that cannot be reached
is an outage (details.outage) the daemon retries at its next tick, with nothing changed."""

import time
import uuid
from dataclasses import dataclass

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
