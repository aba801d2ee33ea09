"""Records the tests build again and again: a posting, stored or not."""

from pipeline.records import NewJob
from pipeline.states import State


def new_job(n: int = 1, **overrides) -> NewJob:
    """Posting n at 'Acme', scored (ready for enrichment) unless overridden."""
    values = dict(source="test", source_id=str(n), url=f"https://jobs.example.org/{n}", title=f"Engineer {n}",
                  company="Acme", description="Build things.", status=State.SCORED)
    return NewJob(**{**values, **overrides})
