"""Fit scoring throughput: the heuristic on 10,000 jobs with 4 KB descriptions taken from the recorded
fixtures, in jobs per second, against a ceiling that only lowercases and scans the same text once
with one regular expression. Interleaved in pairs; the median ratio is the figure. Also prints the
share of one 50-job LinkedIn run spent scoring, against the run's least possible time (50 detail
requests at LinkedIn's 2 s minimum pacing).
    python bench/fit.py [--jobs 10000] [--pairs 5]
"""

import argparse
import json
import os
import re
import statistics
import time

from _common import machine, paired, spread
from eval_fit import cases, job_of, profiles

from pipeline.fit.scorer import Scorer


def jobs(n: int) -> list:
    pool = [job_of(c_) for c_ in cases() if c_["profile"] == "backend"]
    # each posting's text once: the eval holds a case per (posting, person), and seven jobs in a row
    # with one text would let a cache keyed on the text answer six of them
    texts = list(dict.fromkeys(c_["description"] for c_ in cases() if len(c_["description"]) > 500))
    out = []
    for i in range(n):
        job = pool[i % len(pool)]
        text = (texts[i % len(texts)] * 4)[:4096]
        out.append(type(job)(**{**job.__dict__, "id": str(i), "description": text}))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=10000)
    parser.add_argument("--pairs", type=int, default=5)
    args = parser.parse_args()
    print(machine())
    scorer = Scorer(profiles()["backend"].fit)
    sample = jobs(args.jobs)
    word = re.compile(r"\bpython\b")
    rates: list[float] = []
    cpu_rates: list[float] = []  # per second of this process's own CPU time: other load barely moves it

    def ours() -> float:
        start, cpu = time.perf_counter(), time.process_time()
        for job in sample:
            scorer.score(job)
        rate = len(sample) / (time.perf_counter() - start)
        rates.append(rate)
        cpu_rates.append(len(sample) / (time.process_time() - cpu))
        return rate

    def ceiling() -> float:
        start = time.perf_counter()
        for job in sample:
            word.findall(f"{job.title}\n{job.description}".lower())
        return len(sample) / (time.perf_counter() - start)

    load = os.getloadavg()[0]
    ratios = paired(ours, ceiling, args.pairs)
    rate = statistics.median(rates)
    print(f"heuristic fit score, {args.jobs} jobs with 4 KB descriptions, {args.pairs} interleaved pairs")
    print(f"  load average before / after: {load:.1f} / {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"  jobs per second (min / median / max): {min(rates):,.0f} / {rate:,.0f} / {max(rates):,.0f}  (floor 2,000)")
    print(f"  jobs per second of CPU time (min / median / max): {min(cpu_rates):,.0f} / "
          f"{statistics.median(cpu_rates):,.0f} / {max(cpu_rates):,.0f}")
    print(f"  ours / one-regex scan of the same text (min / median / max): {spread(ratios)}")
    share = 50 / rate / (50 * 2.0)
    print(f"  share of a 50-job LinkedIn run spent scoring: {share:.4%} (of 100 s: 50 requests at the 2 s minimum)")
    print(json.dumps({"jobs_per_second": round(rate), "jobs_per_cpu_second": round(statistics.median(cpu_rates)),
                      "share_of_linkedin_run": share}))


if __name__ == "__main__":
    main()
