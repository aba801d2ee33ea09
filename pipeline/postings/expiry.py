"""Postings that close: a board job missing from its board's full listing on N fetches in a row
moves to `expired` (one failed fetch lists nothing, so it proves nothing); a job seen again starts
counting from zero. LinkedIn's closed-job marker and a 404/410 on a detail page are read by the
source itself."""

from pipeline.engine import policy
from pipeline.states import Event, State, states_where
from pipeline.store.base import JobStore
from pipeline.timeutil import utc_iso


def expire_missing(store: JobStore, source: str, board: str, listed: set[str], after: int) -> int:
    """Count one more miss for each open job of this board absent from `listed`; expire at `after`."""
    expired = 0
    for job in store.source_jobs(source, f"{board}:"):
        missed = int(job.data.get("listing_missed") or 0)
        if job.source_id in listed:
            if missed:
                store.annotate(job.id, job.status, {"listing_missed": 0}, {})
            continue
        if job.status not in states_where("open"):  # later ones (applied, failed, ...) stay
            continue
        data: dict[str, object] = {"listing_missed": missed + 1}
        if missed + 1 >= after:
            data["expired"] = {"at": utc_iso(), "how": f"absent from the {source} board {board!r} "
                                                       f"on {missed + 1} successful fetches in a row"}
        if store.annotate(job.id, job.status, data, {}) and missed + 1 >= after:
            expired += policy.person_move(store, job.id, State.EXPIRED, Event.CLOSED)
    return expired
