"""Resume cost. One PDF made the real way (rank the example profile's facts for a recorded
posting, build the template's data, fingerprint, compile, check the page count, write the file)
against a bare compile of the same template and data with nothing else. Then 100 PDFs in a row
against 100 times one made alone, to show that nothing accumulates.

Typst memoises layout across compiles in a process, so each compile here gets data the process
has not laid out before (the name carries a counter): neither side profits from the other's cache.
The ceiling is the compiler in its fastest form, a `typst.Compiler` kept with its fonts loaded;
a fresh `typst.compile` call is printed too. Pairs are interleaved, min / median / max printed;
the targets are medians of at most 1.2x.
    python bench/resume.py [--pairs 7] [--batch 100]
"""

import argparse
import dataclasses
import itertools
import json
import resource
import statistics
import tempfile
import time
from pathlib import Path

from _common import ROOT, machine, paired, spread
from eval_fit import cases, job_of

from pipeline.config.profile import load_profile
from pipeline.resume.cv import load_cv
from pipeline.resume.document import build
from pipeline.resume.make import make_resume
from pipeline.resume.render import FONTS, MAIN, TEMPLATE, TIMESTAMP, shared
from pipeline.resume.select import rank

PROFILE = ROOT / "profile.example.yaml"
ROUND = 10  # resumes per side of a pair: one 12 ms compile alone is all noise on a shared machine
counter = itertools.count()


class Bench:
    def __init__(self) -> None:
        import typst

        self.typst = typst
        self.profile, self.cv = load_profile(PROFILE), load_cv(PROFILE)
        assert self.cv is not None
        self.jobs = [job_of(c_) for c_ in cases() if len(c_["description"]) > 500]
        self.root = Path(tempfile.mkdtemp(prefix="pipeline-bench-resume-"))
        self.fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False,
                                 font_paths=[str(TEMPLATE / FONTS)])
        self.compiler = typst.Compiler(str(TEMPLATE / MAIN), root=str(TEMPLATE), font_paths=self.fonts,
                                       ignore_system_fonts=True)

    def variant(self) -> tuple:
        """A job and a cv whose name the process has not laid out yet."""
        n = next(counter)
        cv = dataclasses.replace(self.cv, basics={**self.cv.basics, "name": f"Alex Example {n}"})
        job = self.jobs[n % len(self.jobs)]
        return dataclasses.replace(job, id=f"bench{n}", data={}), cv

    def data(self) -> str:
        job, cv = self.variant()
        return json.dumps(build(cv, self.profile, rank(cv, self.profile, job), shared().missing).data,
                          ensure_ascii=False)

    def ours(self, n: int = ROUND) -> float:
        """Seconds per resume made the real way, over n new ones."""
        variants = [self.variant() for _ in range(n)]
        start = time.perf_counter()
        made = [make_resume(job, cv, self.profile, self.root) for job, cv in variants]
        took = (time.perf_counter() - start) / n
        assert all(m.changed and "error" not in m.record for m in made), made
        return took

    def kept_compiler(self, n: int = ROUND) -> float:
        """Seconds per bare compile with a kept compiler, over n new data."""
        data = [self.data() for _ in range(n)]
        start = time.perf_counter()
        for one in data:
            self.compiler.compile(sys_inputs={"data": one}, timestamp=TIMESTAMP)
        return (time.perf_counter() - start) / n

    def fresh_compile(self, n: int = ROUND) -> float:
        """Seconds per bare `typst.compile` call, over n new data."""
        data = [self.data() for _ in range(n)]
        start = time.perf_counter()
        for one in data:
            self.typst.compile(str(TEMPLATE / MAIN), root=str(TEMPLATE), font_paths=self.fonts,
                               ignore_system_fonts=True, sys_inputs={"data": one}, timestamp=TIMESTAMP)
        return (time.perf_counter() - start) / n

    def alone(self) -> float:
        """Seconds for one resume made by itself: the median of five."""
        return statistics.median(self.ours(1) for _ in range(5))

    def batch(self, n: int) -> float:
        """Seconds per PDF over n made in a row."""
        start = time.perf_counter()
        for _ in range(n):
            job, cv = self.variant()
            assert make_resume(job, cv, self.profile, self.root).changed
        return (time.perf_counter() - start) / n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=7)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()
    print(machine())
    bench = Bench()
    bench.ours(), bench.kept_compiler(), bench.fresh_compile()  # first use: fonts read; not a resume's cost
    times: dict[str, list[float]] = {"ours": [], "kept": [], "fresh": []}

    def timed(name: str, run) -> float:
        times[name].append(run())
        return 1 / times[name][-1]  # paired() takes rates

    kept = paired(lambda: timed("ours", bench.ours), lambda: timed("kept", bench.kept_compiler), args.pairs)
    fresh = paired(lambda: timed("ours", bench.ours), lambda: timed("fresh", bench.fresh_compile), args.pairs)
    med = {k: statistics.median(v) * 1000 for k, v in times.items()}
    print(f"one resume, example profile, {len(bench.jobs)} recorded postings in turn, {args.pairs} interleaved pairs "
          f"of {ROUND} resumes a side")
    print(f"  ours {med['ours']:.1f} ms, kept typst.Compiler {med['kept']:.1f} ms, fresh typst.compile "
          f"{med['fresh']:.1f} ms (medians)")
    print(f"  ours / kept compiler, time ratio (min / median / max): {spread([1 / r for r in kept])} (target <= 120%)")
    print(f"  ours / fresh typst.compile, time ratio (min / median / max): {spread([1 / r for r in fresh])}")

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    batch = paired(lambda: 1 / bench.batch(args.batch), lambda: 1 / bench.alone(), max(5, args.pairs // 2))
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) / 1024
    print(f"{args.batch} resumes in a row vs {args.batch} x one made alone, {max(5, args.pairs // 2)} pairs")
    print(f"  per-PDF time ratio (min / median / max): {spread([1 / r for r in batch])} (target <= 120%); "
          f"peak memory grew {grown:.0f} MB over the batches")


if __name__ == "__main__":
    main()
