"""The review page's server time at 10k / 100k / 1M jobs on SQLite, paired against the bare store
queries each page makes.

Fills one store per size (bench/_common.fill: every state, failed jobs with their stage, linked
companies), makes one of its `draft_generated` jobs a full one (fit, two drafts, a company record,
history), then in each round, for each size in turn, times in pairs:
  queue page  GET /  (To review, best score first, 50 rows)  vs  list_jobs(51 rows) + counts()
  job page    GET /jobs/ID                                    vs  get() + events() + find_company()
Each side is the median of 5 calls, on one store handle per size (the page's own). A request goes
through the whole app in process (guard, route, store, template), no network. Targets: each page
within 2x from the smallest size to the largest (per-round ratio), and under 100 ms at 1M.
    python bench/web.py [--sizes 10000,100000,1000000] [--rounds 5]
"""

import statistics
import time
from collections.abc import Callable
from typing import Any

from _common import fill, machine, median_seconds, scale_arguments, scratch_project
from starlette.testclient import TestClient

from pipeline.config.loading import load_config
from pipeline.states import State
from pipeline.store.sqlite import SQLiteStore
from pipeline.web.app import make_app

DRAFT = {"channel": "email", "subject": "Your parcel robots", "body": "Hi Jonas,\n\nI build Python services.\n\nAlex",
         "recipient": {"name": "Jonas Weber", "role": "Head of Engineering", "address": "jonas@acme.example",
                       "address_status": "published", "profile_url": ""}, "template": True}
FIT = {"score": 80, "method": "heuristic", "components": {"title": 30.0, "skills": 25.0, "location": 10.0},
       "matched": ["Python", "PostgreSQL"], "missing": ["Go"], "flags": [], "reasons": [], "scored_at": 0}


def prepare(size: int) -> tuple[Any, SQLiteStore, str]:
    """A filled store of `size` jobs, one full drafted job in it, and the page over it."""
    folder = scratch_project()
    fill(folder / "data" / "jobs.sqlite3", size)
    config = load_config(str(folder / "config.yaml"))
    store = SQLiteStore(config.storage.sqlite_path)
    job = store.list_jobs(State.DRAFT_GENERATED, 1, "score")[0]
    assert store.annotate(job.id, job.status, {"drafts": [DRAFT, DRAFT], "fit": FIT}, {})
    client = TestClient(make_app(config, store), base_url="http://127.0.0.1:8765",
                        headers={"Origin": "http://127.0.0.1:8765"})
    return client, store, job.id


def sides(client: Any, store: SQLiteStore, job_id: str) -> dict[str, tuple[Callable[[], Any], Callable[[], Any]]]:
    company = store.get(job_id).company_id  # type: ignore[union-attr]

    def queue_page() -> None:
        answer = client.get("/")
        assert answer.status_code == 200 and answer.text.count('class="title"') == 50

    def job_page() -> None:
        assert client.get(f"/jobs/{job_id}").status_code == 200

    return {
        "queue page (50 rows)": (queue_page, lambda: (store.list_jobs(State.DRAFT_GENERATED, 51, "score"),
                                                      store.counts())),
        "job page": (job_page, lambda: (store.get(job_id), store.events(job_id), store.find_company([company]))),
    }


def spread(values: list[float], unit: str = "x") -> str:
    return f"{min(values):.2f}{unit} / {statistics.median(values):.2f}{unit} / {max(values):.2f}{unit}"


def main() -> None:
    sizes, rounds = scale_arguments()
    print(machine())
    prepared = {}
    for size in sizes:
        started = time.perf_counter()
        prepared[size] = prepare(size)
        print(f"filled {size:,} jobs in {time.perf_counter() - started:.0f} s")
    page_ms: dict[str, dict[int, list[float]]] = {}
    bare_ms: dict[str, dict[int, list[float]]] = {}
    for _ in range(rounds):
        for size in sizes:
            for name, (page, bare) in sides(*prepared[size]).items():
                page()  # warm: the first call of a round reads pages the other sizes pushed out of the cache
                page_ms.setdefault(name, {}).setdefault(size, []).append(median_seconds(page, 5) * 1e3)
                bare_ms.setdefault(name, {}).setdefault(size, []).append(median_seconds(bare, 5) * 1e3)
    small, large = sizes[0], sizes[-1]
    print(f"\nmilliseconds, min / median / max of {rounds} rounds (each a median of 5 calls)")
    for name in page_ms:
        print(f"\n{name}")
        for size in sizes:
            pages, bares = page_ms[name][size], bare_ms[name][size]
            ratios = [p / b for p, b in zip(pages, bares, strict=True)]
            print(f"  {size:>9,} jobs: page {spread(pages, ' ms')}   bare queries {spread(bares, ' ms')}   "
                  f"page/bare {spread(ratios)}")
        growth = [b / a for a, b in zip(page_ms[name][small], page_ms[name][large], strict=True)]
        at_large = statistics.median(page_ms[name][large])
        print(f"  page at {large:,} / at {small:,}, per round: {spread(growth)} (target: within 2x); "
              f"median at {large:,}: {at_large:.1f} ms (target: under 100 ms)")


if __name__ == "__main__":
    main()
