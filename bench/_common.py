"""Helpers shared by the benchmarks: a scratch project with its own config and store."""

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.states import State  # noqa: E402


def scratch_project(extra: str = "") -> Path:
    """A temporary directory with a config.yaml whose data, logs and PID file stay inside it."""
    directory = Path(tempfile.mkdtemp(prefix="pipeline-bench-"))
    (directory / "config.yaml").write_text("storage: {backend: sqlite, sqlite_path: data/jobs.sqlite3}\n" + extra)
    return directory


def machine() -> str:
    """CPU model, cores, Python and SQLite versions: printed by every bench beside its figures."""
    import os
    import platform
    import sqlite3

    cpu = platform.processor() or "unknown CPU"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (f"machine: {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}")


def paired(side, ceiling, pairs: int = 5) -> list[float]:
    """Run side() and ceiling() interleaved, `pairs` times; each returns a rate (higher is better).
    Returns the ratios side/ceiling, one per pair, so machine noise hits both sides alike."""
    ratios = []
    for _ in range(pairs):
        ratios.append(side() / ceiling())
    return ratios


def spread(ratios: list[float]) -> str:
    """'min / median / max' of ratios, as percentages; the median is the figure to report."""
    import statistics

    return f"{min(ratios):.0%} / {statistics.median(ratios):.0%} / {max(ratios):.0%}"


def scale_arguments() -> tuple[list[int], int]:
    """The store sizes and rounds a scale bench takes: --sizes 10000,100000,1000000 --rounds 5."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    return [int(s) for s in args.sizes.split(",")], args.rounds


def median_seconds(call, repeat: int = 10) -> float:
    """Median seconds of `repeat` calls."""
    import statistics
    import time

    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def fill(path: Path, count: int, jobs_per_company: int = 20) -> None:
    """Bulk-load `count` jobs through the store's schema and triggers (the store's own upsert would
    take minutes at a million): every state, failed jobs with the stage they failed at, and jobs
    from enrichment on linked to companies of `jobs_per_company` jobs each."""
    import json
    import random
    import time

    from pipeline.config.catalog import all_states
    from pipeline.store.sqlite import SQLiteStore

    store = SQLiteStore(path)
    now, states, stages = time.time(), all_states(), ("scrape", "fit", "enrich", "draft")
    linked = {"enriched", "generating", "draft_generated", "applied"}
    companies = max(1, count // jobs_per_company)
    store._db.executemany("INSERT INTO companies (id, record, enriched_at, created_at, updated_at) VALUES (?,?,?,?,?)",
                          [(f"name:company {n}", json.dumps({"name": f"Company {n}"}), now, now, now)
                           for n in range(companies)])
    for start in range(0, count, 100_000):
        rows = []
        for n in range(start, min(count, start + 100_000)):
            status = random.choice(states)
            rows.append((f"{n:012x}", "bench", str(n), f"https://jobs.example.org/{n}", status, f"Engineer {n}",
                         f"Company {n % companies}", "Berlin", "A description. " * 40, json.dumps({}),
                         random.randint(0, 100), random.choice(stages) if status == "failed" else None,
                         f"name:company {n % companies}" if status in linked else "", f"company {n % companies}",
                         now - n, now, now - n, now))
        store._db.execute("BEGIN")
        store._db.executemany(
            "INSERT INTO jobs (id, source, source_id, url, status, title, company, location, description, attempts,"
            " score, error_stage, company_id, company_key, created_at, updated_at, first_seen_at, last_seen_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        store._db.execute("COMMIT")
    store.close()


# The sample company site (written for the tests), served for each bench company.
PAGES = {"/": "index.html", "/about": "about.html", "/team": "team.html", "/contact": "contact.html"}


def serve_sample_sites(web, companies: int, latency: float = 0.0) -> None:
    """Route company-N.example (N < companies) on a RecordedServer to the sample site, each page
    answering after `latency` seconds."""
    import time

    from tests.helpers.http_server import Reply, fixture

    for n in range(companies):
        for path, page in PAGES.items():
            body = fixture("sample_sites", "acme", page)

            def slow(_query, body=body):
                if latency:
                    time.sleep(latency)
                return Reply(200, body)
            web.routes[f"//company-{n}.example{path}"] = slow


def add_company_jobs(store, jobs: int, companies: int, description=lambda n: "Build things.") -> None:
    """`jobs` scored jobs spread over `companies` companies whose websites serve_sample_sites routes."""
    from pipeline.records import NewJob

    for n in range(jobs):
        k = n % companies
        store.upsert_job(NewJob(source="bench", source_id=str(n), url=f"https://jobs.example.org/{n}",
                                title=f"Backend Engineer {n}", company=f"Company {k}", status=State.SCORED,
                                location="Berlin", company_url=f"http://company-{k}.example/",
                                description=description(n)))
