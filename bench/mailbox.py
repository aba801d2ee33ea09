"""The mailbox sync against a real Dovecot on loopback: the first sync of a 10,000-message INBOX,
then incremental syncs after 10 new messages each, against the ceiling of fetching those 10
messages alone.

Setup: Dovecot (tests/helpers/dovecot.py) with one user; 10,000 messages written into its INBOX
maildir (the first sync's scope: they arrived after the first outreach), 2% of them replies to
50 jobs whose drafts were filed and sent. Each pair then delivers 10 new messages (2 replies, 8
others) and times, in alternating order:
  ours     run_sync: a whole sync as the daemon runs it (login, drafts to file, Sent, INBOX headers,
           the replies' text, classification, the store writes, logout)
  ceiling  a bare imapclient session that logs in, EXAMINEs INBOX and fetches those 10 messages'
           headers and text (the same items the sync reads), then logs out
The figure is ours/ceiling: per pair, min / median / max, and the median reported.

Then the other stages: a stage run (the runner claiming and completing --stage-jobs jobs with a
work function that takes 1 ms of CPU each, in this process, as the daemon's stage threads do)
alone, and while the daemon's way of syncing (a child process, run_in_child) reads the whole
INBOX again from scratch; pairs interleaved, the figure is the stage's rate during the sync over
its rate alone.
    python bench/mailbox.py [--messages 10000] [--pairs 7] [--stage-pairs 5] [--stage-jobs 1500]
"""

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from _common import machine

from pipeline import constants as c  # noqa: E402
from pipeline.config.catalog import stage_states  # noqa: E402
from pipeline.config.loading import load_config  # noqa: E402
from pipeline.mailbox.imap import HEADERS_ITEM  # noqa: E402
from pipeline.mailbox.run import run_sync  # noqa: E402
from pipeline.outreach import review  # noqa: E402
from pipeline.states import State  # noqa: E402
from pipeline.store import NewJob, open_store  # noqa: E402

JOBS = 50


def message(n: int, sender: str, subject: str, body: str, in_reply_to: str = "") -> bytes:
    reply = f"In-Reply-To: {in_reply_to}\r\nReferences: {in_reply_to}\r\n" if in_reply_to else ""
    return (f"From: {sender}\r\nTo: alex@example.org\r\nSubject: {subject}\r\n"
            f"Date: {time.strftime('%a, %d %b %Y %H:%M:%S +0000', time.gmtime())}\r\n"
            f"Message-ID: <bench-{n}-{time.time_ns()}@mail.example>\r\n{reply}MIME-Version: 1.0\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n").encode()


FILLER = ("Our newsletter this week covers release notes, a webinar on observability, and three job "
          "openings on the platform team. ") * 20


def setup(messages: int):
    from tests.helpers.dovecot import Dovecot

    server = Dovecot()
    server.add_user("bench", "bench-password-1")
    server.start()
    root = Path(tempfile.mkdtemp(prefix="pipeline-bench-mailbox-"))
    (root / "config.yaml").write_text(
        "storage: {backend: sqlite, sqlite_path: data/jobs.sqlite3}\n"
        f"mailbox: {{host: 127.0.0.1, port: {server.port}, user: bench, security: plain}}\n")
    os.environ[c.ENV_IMAP_PASSWORD] = "bench-password-1"
    os.environ.pop(c.ENV_OPENROUTER_KEY, None)
    config = load_config(str(root / "config.yaml"))
    from pipeline.logs import setup_logging

    setup_logging("INFO", root / "logs" / "pipeline.log", console=False)
    store = open_store(config)
    ids = []
    for n in range(JOBS):
        domain = f"company{n}.example"
        store.upsert_job(NewJob(source="bench", source_id=str(n), url=f"https://jobs.example.org/{n}",
                                title="Backend Engineer", company=f"Company {n}", company_url=f"https://{domain}",
                                status=State.ENRICHED))
        job = store.claim(stage_states(c.DRAFT), "bench", 60)
        draft = {"channel": "email", "subject": f"Backend engineer at Company {n}", "body": "Hi,\n\nHello.\n\nAlex",
                 "recipient": {"name": "Jo Weber", "role": "CTO", "address": f"jo@{domain}",
                               "address_status": "published"},
                 "review": {"state": review.APPROVED, "at": "2020-01-01T00:00:00Z"}}
        store.complete(job.id, job.lease_token, stage_states(c.DRAFT), {"drafts": [draft]})
        ids.append(job.id)
    outcome = run_sync(config, store)  # files the 50 drafts (not timed)
    assert outcome.record.error is None, outcome.record.error
    for job_id in ids:  # the drafts were sent: the jobs are contacted
        from pipeline.mailbox.outcomes import mark_sent

        mark_sent(store, job_id, 1, "bench")
    message_ids = [store.get(j).data["drafts"][0]["message_id"] for j in ids]
    write_maildir(server, messages, message_ids)
    return server, config, store, message_ids, root


def write_maildir(server, count: int, message_ids: list[str]) -> None:
    """The INBOX's messages written as maildir files (what a delivery agent does), owned by the
    mail user: far faster than 10,000 APPENDs, and Dovecot indexes them at the first EXAMINE."""
    client = server.client("bench")
    client.select_folder("INBOX")  # Dovecot creates the maildir
    client.logout()
    folder = server.root / "home" / "bench" / "Maildir" / "cur"
    for n in range(count):
        if n % 50 == 0:
            k = (n // 50) % len(message_ids)
            raw = message(n, f"Jo Weber <jo@company{k}.example>", f"Re: Backend engineer at Company {k}",
                          "Thanks Alex, let me check with the team.", message_ids[k])
        else:
            raw = message(n, f"News {n % 97} <news{n % 97}@shop{n % 31}.example>", f"Weekly digest {n}", FILLER)
        path = folder / f"{int(time.time())}.M{n}P{os.getpid()}.bench:2,"
        path.write_bytes(raw)
        os.chown(path, server.uid, server.gid)


def deliver_ten(server, round_: int, message_ids: list[str]) -> list[int]:
    client = server.client("bench")
    uids = []
    for n in range(10):
        if n < 2:
            k = (round_ * 2 + n) % len(message_ids)
            raw = message(10**6 + round_ * 10 + n, f"jo@company{k}.example", "Next steps",
                          "Are you free for a call on Tuesday at 10:00?", message_ids[k])
        else:
            raw = message(10**6 + round_ * 10 + n, f"news@shop{n}.example", f"Digest {round_}-{n}", FILLER)
        answer = client.append("INBOX", raw)
        uids.append(int(answer.split(b"APPENDUID ")[1].split(b" ")[1].rstrip(b"]")))
    client.logout()
    return uids


def ceiling(server, uids: list[int]) -> float:
    from imapclient import IMAPClient

    started = time.perf_counter()
    client = IMAPClient("127.0.0.1", server.port, ssl=False, timeout=30)
    client.login("bench", "bench-password-1")
    client.select_folder("INBOX", readonly=True)
    client.fetch(uids, [b"RFC822.SIZE", HEADERS_ITEM, b"BODY.PEEK[1]<0.65536>"])
    client.logout()
    return time.perf_counter() - started


def ours(config, store) -> float:
    started = time.perf_counter()
    outcome = run_sync(config, store)
    took = time.perf_counter() - started
    assert outcome.record.error is None, outcome.record.error
    return took


def busy_work(job, ctx):
    """What a CPU-bound stage does with a job: 1 ms of computing."""
    end = time.process_time() + 0.001
    while time.process_time() < end:
        pass
    return {"done": True}


def stage_rate(jobs: int) -> float:
    """Jobs per second of one stage run over a fresh SQLite store (the runner, claims, completions)."""
    from pipeline.config.loading import StageConfig
    from pipeline.engine.runner import Stage, run_stage
    from pipeline.store.sqlite import SQLiteStore

    folder = Path(tempfile.mkdtemp(prefix="pipeline-bench-stage-"))
    store = SQLiteStore(folder / "jobs.sqlite3")
    for n in range(jobs):
        store.upsert_job(NewJob(source="bench", source_id=str(n), url=f"https://jobs.example.org/s{n}",
                                title="Engineer", company="Acme", status=State.SCORED))
    settings = StageConfig(name=c.ENRICH, schedule={}, retry_base_seconds=0.01, retry_max_seconds=0.01)
    started = time.perf_counter()
    record = run_stage(store, Stage(stage_states(c.ENRICH), lambda job, ctx: busy_work(job, ctx)), settings)
    took = time.perf_counter() - started
    store.close()
    shutil.rmtree(folder, ignore_errors=True)
    assert record.succeeded == jobs, record
    return jobs / took


def during_sync(config, store, jobs: int) -> float:
    """The stage's rate while a child process reads the whole INBOX again (cursors reset first)."""
    import threading

    from pipeline.mailbox.run import run_in_child

    for key in ("uidvalidity", "last_uid"):
        store.set_value(f"mailbox:bench@127.0.0.1:INBOX:{key}", 0.0)
    done: list[str] = []
    child = threading.Thread(target=lambda: done.append(run_in_child(config, threading.Event())))
    child.start()
    time.sleep(0.5)  # past the child's start-up: the stage runs while it reads
    rate = stage_rate(jobs)
    child.join()
    assert done == ["ok"], done
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--pairs", type=int, default=7)
    parser.add_argument("--stage-pairs", type=int, default=5)
    parser.add_argument("--stage-jobs", type=int, default=1500)
    args = parser.parse_args()
    print(machine())
    server, config, store, message_ids, root = setup(args.messages)
    try:
        started = time.perf_counter()
        outcome = run_sync(config, store)
        first = time.perf_counter() - started
        details = outcome.record.details
        print(f"first sync of {args.messages:,} messages: {first:.2f} s (read {details['scanned']}, "
              f"{details['replies']} replies matched, {details['moved']} jobs moved)")
        mine, bare, ratios = [], [], []
        for round_ in range(args.pairs):
            uids = deliver_ten(server, round_, message_ids)
            if round_ % 2 == 0:
                b = ceiling(server, uids)
                o = ours(config, store)
            else:
                o = ours(config, store)
                b = ceiling(server, uids)
            mine.append(o)
            bare.append(b)
            ratios.append(o / b)
        print(f"incremental sync after 10 new messages ({args.pairs} pairs, order alternating):")
        print(f"  ours     min / median / max: {min(mine) * 1000:.1f} / {statistics.median(mine) * 1000:.1f} / "
              f"{max(mine) * 1000:.1f} ms")
        print(f"  ceiling  min / median / max: {min(bare) * 1000:.1f} / {statistics.median(bare) * 1000:.1f} / "
              f"{max(bare) * 1000:.1f} ms (login, EXAMINE, fetch those 10, logout)")
        print(f"  ours / ceiling per pair: {min(ratios):.2f} / {statistics.median(ratios):.2f} / {max(ratios):.2f} "
              f"(min / median / max); the floor is 2.00")
        alone, during, kept = [], [], []
        for round_ in range(args.stage_pairs):
            if round_ % 2 == 0:
                a = stage_rate(args.stage_jobs)
                d = during_sync(config, store, args.stage_jobs)
            else:
                d = during_sync(config, store, args.stage_jobs)
                a = stage_rate(args.stage_jobs)
            alone.append(a)
            during.append(d)
            kept.append(d / a)
        print(f"a stage run ({args.stage_jobs} jobs, 1 ms CPU each) alone and while the daemon's sync process reads "
              f"{args.messages:,} messages ({args.stage_pairs} pairs):")
        print(f"  alone   min / median / max: {min(alone):.0f} / {statistics.median(alone):.0f} / {max(alone):.0f} "
              "jobs/s")
        print(f"  during  min / median / max: {min(during):.0f} / {statistics.median(during):.0f} / {max(during):.0f} "
              f"jobs/s")
        print(f"  during / alone per pair: {min(kept):.2f} / {statistics.median(kept):.2f} / {max(kept):.2f}")
    finally:
        store.close()
        server.close()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
