"""Helpers shared by the benchmarks: a scratch project with its own config and store."""

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def scratch_project(extra: str = "") -> Path:
    """A temporary directory with a config.yaml whose data, logs and PID file stay inside it."""
    directory = Path(tempfile.mkdtemp(prefix="pipeline-bench-"))
    (directory / "config.yaml").write_text("storage: {backend: sqlite, sqlite_path: data/jobs.sqlite3}\n" + extra)
    return directory


def machine() -> str:
    """CPU model, cores, Python and SQLite versions: printed by every bench beside its figures."""
    import os
    import platform
    import sqlite3

    cpu = platform.processor() or "unknown CPU"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (f"machine: {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}")


def paired(side, ceiling, pairs: int = 5) -> list[float]:
    """Run side() and ceiling() interleaved, `pairs` times; each returns a rate (higher is better).
    Returns the ratios side/ceiling, one per pair, so machine noise hits both sides alike."""
    ratios = []
    for _ in range(pairs):
        ratios.append(side() / ceiling())
    return ratios


def spread(ratios: list[float]) -> str:
    """'min / median / max' of ratios, as percentages; the median is the figure to report."""
    import statistics

    return f"{min(ratios):.0%} / {statistics.median(ratios):.0%} / {max(ratios):.0%}"
