"""One way to write a time: ISO-8601 UTC with a Z, the form every stored fact and --json output uses."""

import time
from datetime import UTC, datetime


def utc_iso(ts: float | None = None) -> str:
    """Epoch seconds (default: now) -> '2026-11-23T09:00:00Z'."""
    return datetime.fromtimestamp(time.time() if ts is None else ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
