"""Scrape parsing cost: our parse of a recorded LinkedIn search page and detail page, against a
bare parse of the same page (the ceiling: BeautifulSoup building the tree with the same parser,
which any parser of that page must do). The two sides run interleaved in pairs (at least 5); the
ratio bare/ours (1.0 = our selection and cleaning cost nothing beyond the tree) is printed as
min / median / max, with milliseconds per page. Politeness delays are not part of this figure:
they are the site's manners, not our code.
    python bench/scrape.py [--pairs 7] [--seconds 1.0]
"""

import argparse
import statistics
import time
from collections.abc import Callable

from _common import machine, spread
from bs4 import BeautifulSoup

from pipeline.sources.linkedin import parse_detail, parse_search_page
from tests.helpers.http_server import fixture


def per_page(fn: Callable[[str], object], page: str, seconds: float) -> float:
    """Seconds per call of fn(page), over about `seconds`."""
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        fn(page)
        count += 1
    return (time.perf_counter() - start) / count


def bare(page: str) -> object:
    return BeautifulSoup(page, "html.parser")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=7)
    parser.add_argument("--seconds", type=float, default=1.0)
    args = parser.parse_args()
    print(machine())
    pages = {"search page (10 cards)": (parse_search_page, fixture("linkedin", "guest_seeMoreJobPostings_search.html")),
             "detail page": (parse_detail, fixture("linkedin", "guest_jobPosting_detail.html"))}
    for name, (ours, page) in pages.items():
        mine, ceiling, ratios = [], [], []
        for _ in range(args.pairs):
            a = per_page(ours, page, args.seconds)
            b = per_page(bare, page, args.seconds)
            mine.append(a)
            ceiling.append(b)
            ratios.append(b / a)
        print(f"{name} ({len(page) / 1000:.0f} KB): ours {statistics.median(mine) * 1e3:.2f} ms, bare parse "
              f"{statistics.median(ceiling) * 1e3:.2f} ms per page (medians of {args.pairs} pairs)")
        print(f"  bare / ours, min / median / max: {spread(ratios)} (100% = nothing beyond building the tree)")


if __name__ == "__main__":
    main()
