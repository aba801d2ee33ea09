"""20 jobs at one company, its pages answering after 2 s each: the jobs waiting on the company must
not spin. Prints the history events per job (target: at most 2, inserted and completed) and the
stage's CPU time against the same run with 20 jobs at 20 companies (the ceiling: the same work
without any waiting on a lock; target: at most 1.2x). The sample sites are served by a loopback
server in a child process, so the CPU measured is the stage's alone. The two sides run
interleaved in pairs; min / median / max of the CPU ratio is printed.
    python bench/one_company.py [--pairs 5] [--latency 2.0]
"""

import argparse
import multiprocessing
import resource
import statistics
import time

from _common import add_company_jobs, machine, scratch_project, serve_sample_sites, spread

from pipeline import constants as c
from pipeline.config.loading import load_config
from pipeline.engine.runner import run_stage
from pipeline.logs import setup_logging
from pipeline.stages.enrich import Enrich
from pipeline.store import open_store
from tests.helpers.http_server import RecordedServer


def serve(companies: int, latency: float, ready: "multiprocessing.Queue[str]") -> None:
    with RecordedServer() as web:
        serve_sample_sites(web, companies, latency)
        ready.put(web.base_url)
        time.sleep(10**6)


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run(base_url: str, companies: int, jobs: int = 20) -> tuple[float, float, list[int]]:
    """One enrich run; returns (CPU seconds, wall seconds, history events per job)."""
    project = scratch_project(f"http: {{proxy: '{base_url}', min_delay: 0, max_delay: 0, max_in_flight: 8}}\n"
                              "enricher: {concurrency: 8, batch_size: null}\n")
    config = load_config(str(project / "config.yaml"))
    store = open_store(config)
    add_company_jobs(store, jobs, companies)
    stage = Enrich(config, mx_lookup=lambda domain: "unchecked")
    cpu0, wall0 = cpu(), time.perf_counter()
    record = run_stage(store, stage.stage(), config.stages[c.ENRICH])
    spent, wall = cpu() - cpu0, time.perf_counter() - wall0
    assert record.succeeded == jobs, record
    events = [len(store.events(job.id)) for job in store.list_jobs()]
    store.close()
    return spent, wall, events


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--latency", type=float, default=2.0)
    args = parser.parse_args()
    setup_logging("WARNING", None, console=False)
    ready: multiprocessing.Queue[str] = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(20, args.latency, ready), daemon=True)
    server.start()
    base_url = ready.get(timeout=30)
    ratios, one, many, events = [], [], [], []
    try:
        for _ in range(args.pairs):
            a = run(base_url, companies=1)
            b = run(base_url, companies=20)
            one.append(a)
            many.append(b)
            events += a[2]
            ratios.append(a[0] / b[0])
    finally:
        server.terminate()
    print(machine())
    print(f"20 jobs, enrich concurrency 8, company pages answering after {args.latency:.1f} s, {args.pairs} pairs")
    for label, runs in (("one company", one), ("20 companies", many)):
        print(f"  {label}: CPU {statistics.median(x[0] for x in runs):.2f} s, "
              f"wall {statistics.median(x[1] for x in runs):.1f} s (medians)")
    print(f"  history events per job at one company: max {max(events)}, mean {statistics.mean(events):.2f} "
          "(target: at most 2)")
    print(f"  CPU one company / 20 companies, min / median / max: {spread(ratios)} "
          "(target: median at most 120%)")


if __name__ == "__main__":
    main()
