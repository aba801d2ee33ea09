"""Import at scale: `main.py import` on 1,000,000 CSV rows and on a 1 GB JSON Lines file, each into
a fresh SQLite store, through the real path (pipeline.postings.imports.import_file: the whole-file
check, then every row validated, deduplicated and upserted).

The ceiling is a bare pass over the same rows: csv.reader over the same CSV segment, json.loads on
each line of the same JSONL segment. The file is imported in segments (100,000 rows for CSV, 50,000
for JSONL); after each segment the import pauses while the bare pass reads that same segment (its
time is not counted as ours), so the two sides run interleaved in pairs (10 and 6), and the ratio
bare/ours is printed as min / median / max. Also printed: rows per second of the first and the last
100,000 rows (flat: within 1.5x) and the import process's peak RSS (at most 200 MB).

Each company has 20 postings, in a row: the duplicate check compares a posting with its company's
earlier ones, so this keeps that work the same from the first row to the last, and what the
first/last figure measures is the store growing. (With companies spread over the whole file, each
one's postings grow with the file, and so does the duplicate check's work: 2.2x slower at the end
of 1,000,000 rows over 50,000 companies.)

The files are made in a temporary folder and deleted afterwards; with too little free disk space
the run is scaled down, and says so.
    python bench/import.py [--rows 1000000] [--jsonl-mb 1000] [--dir /tmp]
"""

import argparse
import csv
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from _common import ROOT, machine, spread

WORDS = ("python", "postgres", "kubernetes", "backend", "platform", "data", "team", "remote", "build", "ship",
         "services", "api", "reliable", "observability", "mentoring", "product")
CSV_ROW_BYTES, STORE_FACTOR = 800, 2.5  # about; a store is about this many times the file


def description(n: int, words: int) -> str:
    return " ".join(WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(words)) + f" (posting {n})."


def row(n: int, words: int) -> dict[str, str]:
    return {"url": f"https://jobs.example.org/{n}", "title": f"{WORDS[n % 16].title()} Engineer {n}",
            "company": f"Company {n // 20}", "location": ("Berlin", "Remote", "London", "Lisbon")[n % 4],
            "description": description(n, words), "job_type": "fulltime", "min_amount": str(50_000 + n % 40_000)}


def make_csv(path: Path, rows: int, segment: int) -> list[int]:
    """The CSV file; the byte offset where each segment starts (the last: the end)."""
    offsets = []
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(row(0, 1)))
        writer.writeheader()
        for n in range(rows):
            if n % segment == 0:
                f.flush()
                offsets.append(f.tell())
            writer.writerow(row(n, 60))
        f.flush()
        offsets.append(f.tell())
    return offsets


def make_jsonl(path: Path, megabytes: int, segment: int) -> tuple[int, list[int]]:
    """The JSON Lines file of about `megabytes`; its row count and segment offsets."""
    offsets, n = [], 0
    with path.open("w", encoding="utf-8") as f:
        while f.tell() < megabytes * 1_000_000:
            if n % segment == 0:
                offsets.append(f.tell())
            f.write(json.dumps({**row(n, 450), "extra_notes": {"team": "platform", "tags": ["a", "b"]}}) + "\n")
            n += 1
        offsets.append(f.tell())
    return n, offsets


def bare(kind: str, path: Path, start: int, end: int) -> tuple[int, float]:
    """The ceiling: rows and seconds of a bare parse of bytes [start, end) of the file."""
    began = time.perf_counter()
    with path.open("rb") as f:
        f.seek(start)
        lines = _until(f, end)
        if kind == "csv":
            count = sum(1 for _ in csv.reader(lines))
        else:
            count = sum(1 for line in lines if json.loads(line))
    return count, time.perf_counter() - began


def _until(f: io.BufferedReader, end: int) -> Iterator[str]:
    """The file's lines up to byte `end`, read one at a time (no segment held in memory)."""
    at = f.tell()
    for raw in f:
        if at >= end:
            return
        at += len(raw)
        yield raw.decode("utf-8")


class Segments:
    """The progress object import_file drives: at each segment's end, the bare pass over the same
    segment runs (its time kept apart), so the two sides are interleaved."""

    def __init__(self, kind: str, path: Path, offsets: list[int], segment: int) -> None:
        self.kind, self.path, self.offsets, self.segment = kind, path, offsets, segment
        self.rows, self.ours, self.ceiling, self.paused = 0, [], [], 0.0
        self.mark = time.perf_counter()

    def __call__(self, total: int) -> "Segments":
        self.checked_at = time.perf_counter()  # the whole-file check is done
        self.mark = self.checked_at
        return self

    def update(self, n: int) -> None:
        self.rows += n
        if self.rows % self.segment == 0 or self.rows == self.total_rows:
            now = time.perf_counter()
            done = len(self.ours)
            count = self.rows - done * self.segment
            self.ours.append((count, now - self.mark))
            self.ceiling.append(bare(self.kind, self.path, self.offsets[done], self.offsets[done + 1]))
            self.mark = time.perf_counter()

    def close(self) -> None:
        pass


def child(kind: str, path: Path, segment: int, rows: int, offsets: list[int]) -> None:
    """One import in its own process, so its peak RSS is its own."""
    sys.path.insert(0, str(ROOT))
    from pipeline.postings.imports import import_file
    from pipeline.store.sqlite import SQLiteStore

    store = SQLiteStore(path.parent / f"{kind}.sqlite3")
    segments = Segments(kind, path, offsets, segment)
    segments.total_rows = rows
    started = time.perf_counter()
    report = import_file(store, path, segments)
    total = time.perf_counter() - started - sum(s for _, s in segments.ceiling)
    store.close()
    print(json.dumps({"ours": segments.ours, "ceiling": segments.ceiling, "check": segments.checked_at - started,
                      "total": total, "written": report.written, "rejected": report.rejected_total,
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def report(name: str, rows: int, result: dict, segment: int) -> None:
    ours = [n / s for n, s in result["ours"]]
    ceiling = [n / s for n, s in result["ceiling"]]
    ratios = [c / o for o, c in zip(ours, ceiling, strict=True)]
    per = max(1, 100_000 // segment)
    first = sum(n for n, _ in result["ours"][:per]) / sum(s for _, s in result["ours"][:per])
    last = sum(n for n, _ in result["ours"][-per:]) / sum(s for _, s in result["ours"][-per:])
    print(f"{name}: {rows:,} rows, {result['written']:,} written, {result['rejected']:,} rejected")
    print(f"  import (check + rows): {rows / result['total']:,.0f} rows/s overall; the whole-file check took "
          f"{result['check']:.1f} s")
    print(f"  rows/s per segment of {segment:,}: ours median {statistics.median(ours):,.0f}, bare parse median "
          f"{statistics.median(ceiling):,.0f} ({len(ratios)} pairs)")
    print(f"  bare / ours, min / median / max: {spread(ratios)}  (how many times slower than parsing alone)")
    print(f"  first 100k rows {first:,.0f} rows/s, last 100k {last:,.0f} rows/s: first/last {first / last:.2f}x "
          f"(target within 1.5x)")
    print(f"  peak RSS of the import process: {result['rss_mb']:.0f} MB (target at most 200 MB)")


def run(kind: str, path: Path, rows: int, offsets: list[int], segment: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", kind, str(path), str(segment), str(rows),
                          json.dumps(offsets)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000, help="CSV rows")
    parser.add_argument("--jsonl-mb", type=int, default=1000, help="size of the JSON Lines file")
    parser.add_argument("--dir", default=None, help="where to make the files (default: the system's temp folder)")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path, segment, rows, offsets = args.child
        child(kind, Path(path), int(segment), int(rows), json.loads(offsets))
        return
    print(machine())
    folder = Path(tempfile.mkdtemp(prefix="pipeline-bench-import-", dir=args.dir))
    try:
        rows, megabytes = args.rows, args.jsonl_mb
        needed = (rows * CSV_ROW_BYTES + megabytes * 1_000_000) * (1 + STORE_FACTOR)
        free = shutil.disk_usage(folder).free
        if free < needed * 1.2:
            scale = free / (needed * 1.2)
            rows, megabytes = int(rows * scale), int(megabytes * scale)
            print(f"note: {free / 1e9:.1f} GB free in {folder.parent}, about {needed / 1e9:.1f} GB needed: scaled "
                  f"down to {rows:,} CSV rows and {megabytes} MB of JSON Lines")
        csv_path = folder / "jobs.csv"
        if rows:  # --rows 0: the JSON Lines part only
            offsets = make_csv(csv_path, rows, 100_000)
            print(f"CSV file: {csv_path.stat().st_size / 1e6:,.0f} MB")
            report("CSV", rows, run("csv", csv_path, rows, offsets, 100_000), 100_000)
            csv_path.unlink()
            (folder / "csv.sqlite3").unlink(missing_ok=True)
        if not megabytes:  # --jsonl-mb 0: the CSV part only
            return
        jsonl = folder / "jobs.jsonl"
        count, offsets = make_jsonl(jsonl, megabytes, 50_000)
        print(f"JSON Lines file: {jsonl.stat().st_size / 1e6:,.0f} MB")
        report("JSON Lines", count, run("jsonl", jsonl, count, offsets, 50_000), 50_000)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
