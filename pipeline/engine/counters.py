"""Names of the per-day counters in the store, shared by the stages that count and the commands
that show them (`stats`, `daemon status`), which must not import the stages: read-only commands
stay light. A day is a local calendar day."""

from datetime import date


def _day(day: date | None) -> str:
    return (day or date.today()).isoformat()


def skipped_key(day: date | None = None) -> str:
    """Jobs skipped for fit."""
    return f"fit:skipped:{_day(day)}"


def spend_key(day: date | None = None) -> str:
    """LLM spend in USD, every stage's calls together."""
    return f"llm:cost:{_day(day)}"


def drafted_key(day: date | None = None) -> str:
    """Jobs drafted (fit.top_n_per_day)."""
    return f"draft:jobs:{_day(day)}"
