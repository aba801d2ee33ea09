"""Records the tests build again and again: a posting, stored or not."""

from pipeline.records import NewJob
from pipeline.states import State


def new_job(n: int = 1, **overrides) -> NewJob:
    """Posting n at 'Acme', scored (ready for enrichment) unless overridden."""
    values = dict(source="test", source_id=str(n), url=f"https://jobs.example.org/{n}", title=f"Engineer {n}",
                  company="Acme", description="Build things.", status=State.SCORED)
    return NewJob(**{**values, **overrides})


def a_draft(name: str, channel: str = "email") -> dict:
    """An e-mail (or LinkedIn) draft to a named person at Acme, as the draft stage stores one."""
    return {"channel": channel, "subject": f"Backend role, for {name}" if channel == "email" else "",
            "body": f"Hi {name},\n\nI saw the role.\n\nAlex Example",
            "recipient": {"name": f"{name} Weber", "role": "Head of Engineering",
                          "address": f"{name.lower()}@acme.example", "address_status": "published", "profile_url": ""},
            "template": True, "cost": 0.0, "created_at": "2026-11-23T10:00:00Z"}
