"""`main.py --list --status scraped --limit 50` on a store of 1,000,000 jobs, as a whole process,
against `python -c pass` (the ceiling: starting Python at all), interleaved in pairs; the figure is
the median of the per-pair ratios (target: within 15x).
    python bench/list_jobs.py [--jobs 1000000] [--pairs 7]
"""

import argparse
import statistics
import subprocess
import sys
import time

from _common import ROOT, fill, machine, scratch_project


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=1_000_000)
    parser.add_argument("--pairs", type=int, default=7)
    args = parser.parse_args()
    print(machine())
    project = scratch_project()
    fill(project / "data" / "jobs.sqlite3", args.jobs)
    cmd = [sys.executable, str(ROOT / "main.py"), "--config", str(project / "config.yaml"),
           "--list", "--status", "scraped", "--limit", "50"]
    times, ratios = [], []
    for _ in range(args.pairs):
        start = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        ours = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare = time.perf_counter() - start
        times.append(ours)
        ratios.append(ours / bare)
    assert "50 job(s) with status scraped" in out, out[-300:]
    print(f"main.py --list --status scraped --limit 50 on {args.jobs:,} jobs, whole process, {args.pairs} pairs:")
    print(f"  seconds: min {min(times):.3f}, median {statistics.median(times):.3f}, max {max(times):.3f}")
    print(f"  / python -c pass: min {min(ratios):.1f}x, median {statistics.median(ratios):.1f}x, "
          f"max {max(ratios):.1f}x")


if __name__ == "__main__":
    main()
