"""The review page over a throwaway project: its app in process (Starlette's TestClient) for the
route and security tests."""

import pytest
from starlette.testclient import TestClient

from pipeline.web.app import make_app

BASE = "http://127.0.0.1:8765"
SAME_ORIGIN = {"Origin": BASE}


@pytest.fixture
def site(project):
    """(project, client): the page of a fresh project, as a browser on it would send requests."""
    made = project({})
    with TestClient(make_app(made.config, made.store), base_url=BASE, headers=SAME_ORIGIN,
                    follow_redirects=False) as client:
        yield made, client


def snapshot(store) -> list[tuple]:
    """Everything a write could change: every job's fields, data and history."""
    return [(j.id, j.status, j.updated_at, repr(j.data), tuple(map(str, store.events(j.id))))
            for j in store.list_jobs()]
