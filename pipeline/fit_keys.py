"""Names of the per-day counters the fit gate keeps, shared by the fit stage and `stats` (which
must not import the stage: read-only commands stay light)."""

from datetime import date


def skipped_key(day: date | None = None) -> str:
    """The counter of jobs skipped for fit on one local calendar day."""
    return f"fit:skipped:{(day or date.today()).isoformat()}"
