"""Claim-and-complete throughput: our store against a bare loop (the ceiling), on SQLite and on
MongoDB (nx-27017 started on a free loopback port, or MONGODB_TEST_URI).

Both sides run the same number of jobs on identical fresh databases, with 1 and 4 processes,
interleaved in pairs (at least 5); the figure is the median of the per-pair ratios.
The bare SQLite loop does only what a claim needs: BEGIN IMMEDIATE + UPDATE ... RETURNING, then a
conditional UPDATE to finish. The bare MongoDB loop is find_one_and_update to claim and a
conditional update_one to finish. Both bare loops pick the same job ours does (best score first,
then the longest due) in the fastest form the server offers, the form our stores use: on SQLite
the claim index named (the planner would pick the due-time index and sort); on nx-27017
{"status": {"$eq": ...}}, which it serves from its index where it scans every document for
{"status": ...}.
Our stores also record history, attempts and stage output.
    python bench/claims.py [--jobs 4000] [--mongo-jobs 1000] [--pairs 5] [--skip-mongo | --skip-sqlite]
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
from pipeline.config.catalog import stage_states
from pipeline.records import NewJob
from pipeline.states import State
from pipeline.store.sqlite import SQLiteStore

ENRICH = stage_states(c.ENRICH)


def drain(store) -> int:
    """Claim and complete until nothing is left; closes the store; the number done."""
    done = 0
    while (job := store.claim(ENRICH, "bench", 60)) is not None:
        store.complete(job.id, job.lease_token, ENRICH, {"ok": True})
        done += 1
    store.close()
    return done


def ours(path: str, _: int) -> int:
    return drain(SQLiteStore(path))


def bare(path: str, _: int) -> int:
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    done = 0
    while True:
        token = uuid.uuid4().hex
        db.execute("BEGIN IMMEDIATE")
        row = db.execute("UPDATE jobs SET status = 'enriching', lease_token = ?, lease_expires_at = ? "
                         "WHERE id = (SELECT id FROM jobs INDEXED BY jobs_status_score WHERE status = 'scored' "
                         "AND next_attempt_at <= ? ORDER BY score DESC, next_attempt_at LIMIT 1) RETURNING id",
                         (token, time.time() + 60, time.time())).fetchone()
        db.execute("COMMIT")
        if row is None:
            break
        db.execute("UPDATE jobs SET status = 'enriched', lease_token = NULL WHERE id = ? AND lease_token = ?",
                   (row[0], token))
        done += 1
    db.close()
    return done


def ours_mongo(uri: str, database: str, _: int) -> int:
    from pipeline.store.mongo import MongoStore

    return drain(MongoStore(uri, database))


def bare_mongo(uri: str, database: str, _: int) -> int:
    import pymongo

    from pipeline.store.mongo import CLAIM_ORDER

    client: pymongo.MongoClient = pymongo.MongoClient(uri)
    jobs = client[database][c.JOBS]
    done = 0
    while True:
        token = uuid.uuid4().hex
        doc = jobs.find_one_and_update({"status": {"$eq": "scored"}, "next_attempt_at": {"$lte": time.time()}},
                                       {"$set": {"status": "enriching", "lease_token": token,
                                                 "lease_expires_at": time.time() + 60}},
                                       sort=CLAIM_ORDER, projection={"_id": 1})
        if doc is None:
            break
        jobs.update_one({"_id": doc["_id"], "lease_token": token},
                        {"$set": {"status": "enriched", "lease_token": None}})
        done += 1
    client.close()
    return done


def measure_mongo(worker, uri: str, docs: list[dict], processes: int) -> float:
    """A fresh database holding the template's job documents (and our indexes), then the workers."""
    import pymongo

    from pipeline.store.mongo import MongoStore

    database = f"bench_{uuid.uuid4().hex[:8]}"
    MongoStore(uri, database).counts()  # creates the store's indexes, as a daemon's first call does
    client: pymongo.MongoClient = pymongo.MongoClient(uri)
    client[database][c.JOBS].insert_many([dict(d) for d in docs])
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        total = sum(pool.starmap(worker, [(uri, database, i) for i in range(processes)]))
    elapsed = time.perf_counter() - start
    client.drop_database(database)
    client.close()
    return total / elapsed


def mongo_figures(args: argparse.Namespace) -> None:
    import os

    import pymongo

    from pipeline.store.mongo import MongoStore
    from tests.helpers.mongo_server import MongoServer

    server = None
    uri = os.environ.get("MONGODB_TEST_URI")
    if not uri:
        server = MongoServer(Path(tempfile.mkdtemp()) / "nx")
        server.start()
        uri = server.uri
    try:
        template = f"bench_{uuid.uuid4().hex[:8]}"
        store = MongoStore(uri, template)
        for n in range(args.mongo_jobs):
            store.upsert_job(NewJob(source="bench", source_id=str(n), url=f"https://jobs.example.org/{n}",
                                    title=f"Engineer {n}", company="Acme", status=State.SCORED))
        client: pymongo.MongoClient = pymongo.MongoClient(uri)
        docs = list(client[template][c.JOBS].find())
        client.drop_database(template)
        client.close()
        store.close()
        where = "MONGODB_TEST_URI" if server is None else "nx-27017 on loopback"
        print(f"claim + complete of {args.mongo_jobs} jobs on MongoDB ({where}), ours / bare find_one_and_update "
              f"loop, {args.pairs} interleaved pairs")
        print(f"{'processes':>9}  {'min / median / max':>20}")
        for processes in (1, 4):
            ratios = paired(lambda n=processes: measure_mongo(ours_mongo, uri, docs, n),
                            lambda n=processes: measure_mongo(bare_mongo, uri, docs, n), args.pairs)
            print(f"{processes:>9}  {spread(ratios):>20}")
    finally:
        if server:
            server.stop()


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
    parser.add_argument("--mongo-jobs", type=int, default=1000)
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--skip-mongo", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    template = Path(tempfile.mkdtemp()) / "template.sqlite3"
    store = SQLiteStore(template)
    for n in range(args.jobs):
        store.upsert_job(NewJob(source="bench", source_id=str(n), url=f"https://jobs.example.org/{n}",
                                title=f"Engineer {n}", company="Acme", status=State.SCORED))
    store.close()
    print(machine())
    if args.skip_sqlite:
        mongo_figures(args)
        return
    print(f"claim + complete of {args.jobs} jobs on SQLite, ours / bare sqlite3 loop, {args.pairs} interleaved pairs")
    print(f"{'processes':>9}  {'min / median / max':>20}")
    for processes in (1, 4):
        ratios = paired(lambda n=processes: measure(ours, template, n), lambda n=processes: measure(bare, template, n),
                        args.pairs)
        print(f"{processes:>9}  {spread(ratios):>20}")
    if not args.skip_mongo:
        mongo_figures(args)


if __name__ == "__main__":
    main()
