"""Claim-and-complete throughput on SQLite: our store against a bare sqlite3 loop (the ceiling).

Both sides run the same number of jobs on identical fresh databases, with 1 and 4 processes,
interleaved in pairs (at least 5); the figure is the median of the per-pair ratios.
The bare loop does only what a claim needs: BEGIN IMMEDIATE + UPDATE ... RETURNING, then a
conditional UPDATE to finish. Our store also records history and stage output.
    python bench/claims.py [--jobs 4000] [--pairs 5]
"""

import argparse
import multiprocessing
import shutil
import sqlite3
import tempfile
import time
import uuid
from pathlib import Path

from _common import machine, paired, spread

from pipeline import constants as c
from pipeline.catalog import stage_states
from pipeline.records import NewJob
from pipeline.store.sqlite import SQLiteStore

ENRICH = stage_states(c.ENRICH)


def ours(path: str, _: int) -> int:
    store = SQLiteStore(path)
    done = 0
    while (job := store.claim(ENRICH, "bench", 60)) is not None:
        store.complete(job.id, job.lease_token, ENRICH, {"ok": True})
        done += 1
    store.close()
    return done


def bare(path: str, _: int) -> int:
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    done = 0
    while True:
        token = uuid.uuid4().hex
        db.execute("BEGIN IMMEDIATE")
        row = db.execute("UPDATE jobs SET status = 'enriching', lease_token = ?, lease_expires_at = ? "
                         "WHERE id = (SELECT id FROM jobs WHERE status = 'scored' AND next_attempt_at <= ? "
                         "ORDER BY next_attempt_at LIMIT 1) RETURNING id", (token, time.time() + 60, time.time())
                         ).fetchone()
        db.execute("COMMIT")
        if row is None:
            break
        db.execute("UPDATE jobs SET status = 'enriched', lease_token = NULL WHERE id = ? AND lease_token = ?",
                   (row[0], token))
        done += 1
    db.close()
    return done


def measure(worker, template: Path, processes: int) -> float:
    directory = Path(tempfile.mkdtemp())
    path = directory / "jobs.sqlite3"
    shutil.copy(template, path)
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        total = sum(pool.starmap(worker, [(str(path), i) for i in range(processes)]))
    elapsed = time.perf_counter() - start
    shutil.rmtree(directory)
    return total / elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=4000)
    parser.add_argument("--pairs", type=int, default=5)
    args = parser.parse_args()
    template = Path(tempfile.mkdtemp()) / "template.sqlite3"
    store = SQLiteStore(template)
    for n in range(args.jobs):
        store.upsert_job(NewJob(source="bench", source_id=str(n), url=f"https://jobs.example.org/{n}",
                                title=f"Engineer {n}", company="Acme", status=c.State.SCORED))
    store.close()
    print(machine())
    print(f"claim + complete of {args.jobs} jobs on SQLite, ours / bare sqlite3 loop, {args.pairs} interleaved pairs")
    print(f"{'processes':>9}  {'min / median / max':>20}")
    for processes in (1, 4):
        ratios = paired(lambda n=processes: measure(ours, template, n), lambda n=processes: measure(bare, template, n),
                        args.pairs)
        print(f"{processes:>9}  {spread(ratios):>20}")


if __name__ == "__main__":
    main()
