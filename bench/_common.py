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
