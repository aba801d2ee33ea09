"""Enrichment cost: 500 jobs across 50 companies against sample sites on a loopback server that
adds 100 ms to every request. Prints the requests made (target: companies x pages per company)
and the wall time against requests x latency / concurrency (target: within 20%).
The sites are the sample pages in tests/fixtures/sample_sites/ under 50 host names, reached with
the server as HTTP proxy; host pacing is off so latency and concurrency alone set the time.
`concurrency` is the enrich stage's bound on requests in flight (its job threads are twice that,
since most jobs only link to a company already known).
    python bench/enrich.py [--concurrency 8] [--latency 0.1]
"""

import argparse
import sys
import time

from _common import ROOT, scratch_project

sys.path.insert(0, str(ROOT))

from pipeline import constants as c  # noqa: E402
from pipeline.config import load_config  # noqa: E402
from pipeline.logs import setup_logging  # noqa: E402
from pipeline.stages.enrich import Enrich  # noqa: E402
from pipeline.stages.runner import run_stage  # noqa: E402
from pipeline.store import NewJob, open_store  # noqa: E402
from tests.helpers.http_server import RecordedServer, Reply, fixture  # noqa: E402

PAGES = {"/": "index.html", "/about": "about.html", "/team": "team.html", "/contact": "contact.html"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--companies", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=500)
    args = parser.parse_args()
    setup_logging("WARNING", None, console=True)
    with RecordedServer() as server:
        for n in range(args.companies):
            for path, page in PAGES.items():
                body = fixture("sample_sites", "acme", page)

                def slow(_query, body=body):
                    time.sleep(args.latency)
                    return Reply(200, body)
                server.routes[f"//company-{n}.example{path}"] = slow
        project = scratch_project(
            f"http: {{proxy: '{server.base_url}', min_delay: 0, max_delay: 0, max_in_flight: 4}}\n"
            f"enricher: {{concurrency: {args.concurrency}, batch_size: null}}\n")
        config = load_config(str(project / "config.yaml"))
        store = open_store(config)
        for n in range(args.jobs):
            k = n % args.companies
            store.upsert_job(NewJob(source="bench", source_id=str(n), url=f"https://jobs.example.org/{n}",
                                    title=f"Engineer {n}", company=f"Company {k}", status=c.State.SCORED,
                                    company_url=f"http://company-{k}.example/", description="Build things."))
        stage = Enrich(config, mx_lookup=lambda domain: "unchecked")
        start = time.perf_counter()
        record = run_stage(store, stage.stage(), config.stages[c.ENRICH])
        wall = time.perf_counter() - start
    requests = len(server.requests)
    expected = args.companies * len(PAGES)
    ideal = requests * args.latency / args.concurrency
    print(f"{record.succeeded} of {args.jobs} jobs enriched across {args.companies} companies, "
          f"concurrency {args.concurrency}, {args.latency * 1000:.0f} ms per request")
    print(f"  requests: {requests} (target {expected}: {args.companies} companies x {len(PAGES)} pages)")
    print(f"  wall time: {wall:.2f} s; requests x latency / concurrency = {ideal:.2f} s "
          f"({wall / ideal - 1:+.0%})")


if __name__ == "__main__":
    main()
