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


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole session (a fresh page per test). Without Chromium or
    Playwright the browser tests are skipped, except under CI, where scripts/run_tests.sh installs
    both and their absence is a failure."""
    import os

    from tests.web.browser import browser, chromium_path

    missing = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "playwright is not installed (requirements-dev.txt)"
    if missing is None and chromium_path() is None:
        missing = "chromium is not installed (scripts/run_tests.sh installs it with apt-get)"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    with browser() as context:
        yield context


@pytest.fixture
def tab(chromium):
    """A fresh page in the session's browser; any dialog it opens (alert, confirm) is recorded and dismissed."""
    page = chromium.new_page()
    page.dialogs = []

    def record(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()
    page.on("dialog", record)
    yield page
    page.close()
