"""Scrape figures: cards and detail pages parsed per second, and the share of a 50-job LinkedIn
run spent in our code rather than waiting for the site.

The 50-job run uses LinkedIn's default pacing (2-5 s between requests) against recorded pages on
a loopback server. By default the pacing waits are recorded, not slept, so the run's wall time
is (time measured in our code and the loopback HTTP) + (the waits the site's manners impose).
--real-sleep sleeps them for real (about 3 minutes).
    python bench/scrape.py [--real-sleep]
"""

import argparse
import sys
import time

from _common import ROOT, scratch_project

sys.path.insert(0, str(ROOT))

from pipeline import constants as c  # noqa: E402
from pipeline.config import load_config  # noqa: E402
from pipeline.logs import setup_logging  # noqa: E402
from pipeline.sources.linkedin import DETAIL_PATH, SEARCH_PATH, parse_detail, parse_search_page  # noqa: E402
from pipeline.stages.runner import run_stage  # noqa: E402
from pipeline.stages.scrape import Scrape  # noqa: E402
from pipeline.store import open_store  # noqa: E402
from tests.helpers.http_server import RecordedServer, Reply, fixture  # noqa: E402
from tests.stages.test_scrape import pages, renumbered  # noqa: E402


def rate(fn, page: str, seconds: float = 2.0) -> float:
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        fn(page)
        count += 1
    return count / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--real-sleep", action="store_true")
    args = parser.parse_args()
    setup_logging("WARNING", None, console=True)
    search, detail = fixture("linkedin", "guest_seeMoreJobPostings_search.html"), \
        fixture("linkedin", "guest_jobPosting_detail.html")
    cards = rate(parse_search_page, search) * 10
    details = rate(parse_detail, detail)
    print(f"parsing: {cards:,.0f} search cards/s, {details:,.0f} detail pages/s")

    with RecordedServer() as server:
        server.routes[SEARCH_PATH] = pages(search, *(renumbered(1000 * n) for n in range(1, 5)), "")
        server.routes[DETAIL_PATH.format(id="*")] = Reply(200, detail)
        project = scratch_project(f"sources: {{linkedin: {{base_url: '{server.base_url}'}}}}\n"
                                  "searches: [{keywords: software engineer, sources: [linkedin]}]\n"
                                  "scraper: {max_jobs_per_day: 50}\n")
        config = load_config(str(project / "config.yaml"))
        store = open_store(config)
        scrape = Scrape(config)
        if not args.real_sleep:  # a virtual clock: sleeping moves it forward instead of waiting
            offset = [0.0]
            scrape.fetcher.clock = lambda: time.monotonic() + offset[0]
            scrape.fetcher.sleep = lambda seconds: offset.__setitem__(0, offset[0] + seconds)
        start = time.perf_counter()
        record = run_stage(store, scrape.stage(), config.stages[c.SCRAPE])
        ours = time.perf_counter() - start
    waited = scrape.fetcher.waited
    ours = ours - waited if args.real_sleep else ours
    print(f"50-job LinkedIn run: {record.details['new']} new, {record.succeeded} details, "
          f"{scrape.fetcher.requests} requests")
    print(f"  waiting for the site (pacing): {waited:.1f} s; our code + loopback HTTP: {ours:.2f} s "
          f"= {ours / (ours + waited):.2%} of the run")


if __name__ == "__main__":
    main()
