"""Wall time of `main.py --list --status scraped --limit 50` on a store of 100,000 jobs.
    python bench/list_jobs.py [--jobs 100000]
"""

import argparse
import json
import random
import statistics
import subprocess
import sys
import time

from _common import ROOT, scratch_project

from pipeline.catalog import all_states
from pipeline.store.sqlite import SQLiteStore


def fill(path, count: int) -> None:
    """Bulk-load through the store's schema (the store's own upsert would take minutes here)."""
    store = SQLiteStore(path)
    now = time.time()
    rows = [(f"{n:012x}", "bench", str(n), f"https://jobs.example.org/{n}", random.choice(all_states()),
             f"Engineer {n}", f"Company {n % 997}", "Berlin", "A description. " * 40, json.dumps({}),
             now - n, now, now - n, now) for n in range(count)]
    store._db.executemany(
        "INSERT INTO jobs (id, source, source_id, url, status, title, company, location, description, attempts,"
        " created_at, updated_at, first_seen_at, last_seen_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=100_000)
    args = parser.parse_args()
    project = scratch_project()
    fill(project / "data" / "jobs.sqlite3", args.jobs)
    cmd = [sys.executable, str(ROOT / "main.py"), "--config", str(project / "config.yaml"),
           "--list", "--status", "scraped", "--limit", "50"]
    times = []
    for _ in range(7):
        start = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        times.append(time.perf_counter() - start)
    assert "50 job(s) with status scraped" in out, out[-300:]
    print(f"main.py --list --status scraped --limit 50 on {args.jobs:,} jobs, whole process, 7 runs:")
    print(f"  min {min(times):.3f} s, median {statistics.median(times):.3f} s, max {max(times):.3f} s")


if __name__ == "__main__":
    main()
