"""Read paths at 10k / 100k / 1M jobs on SQLite: does any grow with the store?

Fills one store per size (bench/_common.fill: every state, failed jobs with their stage, linked
companies of 20 jobs), then in each round opens a fresh handle on every size in turn and times
each read path (median of 10 calls, after the first). The per-round ratio largest/smallest is
printed as min / median / max; the target is each path within 2x from 10k to 1M, and stats,
failed_by_stage and companies under 50 ms of query time at 1M.
    python bench/scale.py [--sizes 10000,100000,1000000] [--rounds 5]
"""

import statistics
import time
from collections.abc import Callable
from typing import Any

from _common import fill, machine, median_seconds, scale_arguments, scratch_project

from pipeline import constants as c
from pipeline.config.catalog import stage_states
from pipeline.store.sqlite import SQLiteStore

ENRICH = stage_states(c.ENRICH)


def paths(store: SQLiteStore) -> dict[str, Callable[[], Any]]:
    """What `stats`, `companies`, `--list`, a claim, the lease sweep and the duplicate check ask."""
    return {
        "stats (counts)": store.counts,
        "failed_by_stage": store.failed_by_stage,
        "companies (top 50 + total)": lambda: (store.list_companies(50), store.count_companies()),
        "--list --status scraped --limit 50": lambda: store.list_jobs("scraped", 50),
        "claim": lambda: store.claim(ENRICH, "bench", 300),
        "lease sweep": lambda: store.leases(ENRICH),
        "duplicate check (company_jobs)": lambda: store.company_jobs("company 7"),
    }


def main() -> None:
    sizes, rounds = scale_arguments()
    print(machine())
    files = {}
    for size in sizes:
        started = time.perf_counter()
        files[size] = scratch_project() / "data" / "jobs.sqlite3"
        fill(files[size], size)
        print(f"filled {size:,} jobs in {time.perf_counter() - started:.0f} s")
    results: dict[str, dict[int, list[float]]] = {}
    firsts: dict[str, dict[int, list[float]]] = {}
    for _ in range(rounds):
        for size in sizes:
            store = SQLiteStore(files[size])
            for name, call in paths(store).items():
                start = time.perf_counter()
                call()  # the first call on a fresh handle (the cost a short-lived command pays)
                firsts.setdefault(name, {}).setdefault(size, []).append(time.perf_counter() - start)
                results.setdefault(name, {}).setdefault(size, []).append(median_seconds(call))
            store.close()
    head = "".join(f"{f'{s:,}':>12}" for s in sizes)
    print(f"\nmilliseconds per call (median of {rounds} rounds)")
    print(f"{'path':38}{head}   {sizes[-1]:,}/{sizes[0]:,} per round: min / median / max")
    for name, by_size in results.items():
        cells = "".join(f"{statistics.median(by_size[s]) * 1e3:12.3f}" for s in sizes)
        ratios = [big / small for big, small in zip(by_size[sizes[-1]], by_size[sizes[0]], strict=True)]
        first = statistics.median(firsts[name][sizes[-1]]) * 1e3
        print(f"{name:38}{cells}   {min(ratios):.2f}x / {statistics.median(ratios):.2f}x / {max(ratios):.2f}x"
              f"   (first call at {sizes[-1]:,}: {first:.2f} ms)")


if __name__ == "__main__":
    main()
