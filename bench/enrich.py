"""Enrichment cost: 500 jobs across 50 companies, company summaries on (a key set, the scripted
LLM server answering after 1 s), sample sites on a loopback server adding 100 ms per request,
and real MX lookups (dnspython) against a loopback DNS server.

Prints the requests made (target: companies x pages), the LLM calls (target: one per company,
not per job), and the stage's rate against a ceiling measured in the same run: the same fetches
and LLM calls made by a bare thread pool with the same bounds (2 x concurrency company threads,
`concurrency` requests in flight; home page, then its three pages together, the MX lookup, then
the summary).
The two sides run interleaved in pairs; the ratio's min / median / max is printed (target: the
median within 20%, i.e. at least 80%).
    python bench/enrich.py [--concurrency 8] [--latency 0.1] [--llm-delay 1.0] [--pairs 5]
"""

import argparse
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from _common import PAGES, ROOT, add_company_jobs, machine, paired, scratch_project, serve_sample_sites, spread

sys.path.insert(0, str(ROOT))

from pipeline import constants as c  # noqa: E402
from pipeline.config.loading import load_config  # noqa: E402
from pipeline.engine.runner import run_stage  # noqa: E402
from pipeline.logs import setup_logging  # noqa: E402
from pipeline.stages.enrich import Enrich  # noqa: E402
from pipeline.store import open_store  # noqa: E402
from tests.helpers.dns_server import DNSServer  # noqa: E402
from tests.helpers.http_server import RecordedServer  # noqa: E402
from tests.helpers.llm_server import Answer, LLMServer  # noqa: E402

SUMMARY = "Acme Robotics builds warehouse robots that learn new picking tasks in minutes."


def stage_run(args: argparse.Namespace, web: RecordedServer, llm: LLMServer, dns_server: DNSServer,
              runs: list[dict]) -> float:
    """The enrich stage over the jobs; returns jobs per second."""
    project = scratch_project(
        f"http: {{proxy: '{web.base_url}', min_delay: 0, max_delay: 0, max_in_flight: 4}}\n"
        f"enricher: {{concurrency: {args.concurrency}, batch_size: null,"
        f" dns_nameservers: ['{dns_server.nameserver}']}}\n"
        f"llm: {{base_url: '{llm.base_url}', model: bench, prices: {{bench: {{prompt: 1.0, completion: 2.0}}}}}}\n")
    config = load_config(str(project / "config.yaml"))
    store = open_store(config)
    add_company_jobs(store, args.jobs, args.companies)
    requests, calls, lookups = len(web.requests), len(llm.requests), len(dns_server.queries)
    stage = Enrich(config)
    start = time.perf_counter()
    record = run_stage(store, stage.stage(), config.stages[c.ENRICH])
    wall = time.perf_counter() - start
    runs.append({"succeeded": record.succeeded, "requests": len(web.requests) - requests,
                 "llm_calls": len(llm.requests) - calls, "mx_lookups": len(dns_server.queries) - lookups,
                 "wall": wall})
    return args.jobs / wall


def ceiling_run(args: argparse.Namespace, web: RecordedServer, llm: LLMServer, dns_server: DNSServer,
                walls: list[float]) -> float:
    """The same fetches, MX lookups and LLM calls with nothing else: the latency bound, measured."""
    import dns.resolver as resolver_module
    import httpx
    import openai

    resolver = resolver_module.Resolver(configure=False)
    resolver.nameservers, resolver.port = ["127.0.0.1"], dns_server.port
    resolver.resolve("gmail.com", "MX")
    slots = threading.BoundedSemaphore(args.concurrency)
    client = httpx.Client(proxy=web.base_url, timeout=10)
    model = openai.OpenAI(api_key="sk-bench", base_url=llm.base_url, max_retries=0)

    def fetch(url: str) -> str:
        with slots:
            return client.get(url).text

    def company(k: int) -> None:
        base = f"http://company-{k}.example"
        fetch(base + "/")
        with ThreadPoolExecutor(3) as pool:
            list(pool.map(fetch, [base + p for p in PAGES if p != "/"]))
        resolver.resolve(f"company-{k}.example", "MX")
        model.chat.completions.create(model="bench", messages=[{"role": "user", "content": "summary"}])

    start = time.perf_counter()
    with ThreadPoolExecutor(2 * args.concurrency) as pool:
        list(pool.map(company, range(args.companies)))
    wall = time.perf_counter() - start
    client.close()
    walls.append(wall)
    return args.jobs / wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--llm-delay", type=float, default=1.0)
    parser.add_argument("--companies", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=500)
    parser.add_argument("--pairs", type=int, default=5)
    args = parser.parse_args()
    setup_logging("WARNING", None, console=True)
    os.environ[c.ENV_OPENROUTER_KEY] = "sk-bench-0123456789"
    runs: list[dict] = []
    walls: list[float] = []
    with RecordedServer() as web, LLMServer(default=Answer(content=SUMMARY, delay=args.llm_delay)) as llm, \
            DNSServer() as dns_server:
        serve_sample_sites(web, args.companies, args.latency)
        ratios = paired(lambda: stage_run(args, web, llm, dns_server, runs),
                        lambda: ceiling_run(args, web, llm, dns_server, walls),
                        args.pairs)
    last = runs[-1]
    print(machine())
    print(f"{last['succeeded']} of {args.jobs} jobs enriched across {args.companies} companies, concurrency "
          f"{args.concurrency}, {args.latency * 1000:.0f} ms per request, LLM answering after {args.llm_delay:.1f} s")
    print(f"  requests per run: {sorted({r['requests'] for r in runs})} (target {args.companies * len(PAGES)}: "
          f"{args.companies} companies x {len(PAGES)} pages)")
    print(f"  MX lookups per run (loopback DNS): {sorted({r['mx_lookups'] for r in runs})} (target "
          f"{args.companies + 1}: one per company and the resolver's reachability check)")
    print(f"  LLM calls per run: {sorted({r['llm_calls'] for r in runs})} (target {args.companies}: one summary "
          f"per company; {args.jobs} jobs)")
    print(f"  wall time: stage {min(r['wall'] for r in runs):.2f}-{max(r['wall'] for r in runs):.2f} s, measured "
          f"ceiling {min(walls):.2f}-{max(walls):.2f} s")
    print(f"  stage rate / ceiling rate over {args.pairs} pairs, min / median / max: {spread(ratios)} "
          "(target: median at least 80%)")


if __name__ == "__main__":
    main()
