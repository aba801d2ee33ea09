"""Shared fixtures: a clean environment for every test, throwaway projects, a loopback HTTP
server, a fake clock, and every store backend the contract suite runs on."""

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pipeline.store.base import JobStore
from tests.helpers.http_server import RecordedServer
from tests.helpers.mongo_server import MongoServer
from tests.helpers.project import Project, make_project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts without the pipeline's environment variables (a developer's MONGODB_URI
    or API key never leaks in) and ends with the environment as it was: a .env file that
    load_config read into os.environ is forgotten after the test."""
    saved = dict(os.environ)
    for name in Project.ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    yield
    os.environ.clear()
    os.environ.update(saved)


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Project]:
    """project(sections, profile=...) -> a Project in a fresh folder: config file, store, CLI runner."""
    made: list[Project] = []

    def make(sections: dict | None = None, **options) -> Project:
        made.append(make_project(tmp_path / f"project{len(made) or ''}", sections, **options))
        return made[-1]
    yield make
    for each in made:
        each.store.close()


@pytest.fixture
def server() -> Iterator[RecordedServer]:
    """A real HTTP server on 127.0.0.1 serving recorded responses (set server.routes)."""
    with RecordedServer() as s:
        yield s


class FakeClock:
    """A clock the tests move by hand, so lease expiry and backoff need no sleeping."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def mongo_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """MONGODB_TEST_URI when set (a real MongoDB), else nx-27017 started on a free loopback port."""
    if os.environ.get("MONGODB_TEST_URI"):
        yield os.environ["MONGODB_TEST_URI"]
        return
    server = MongoServer(tmp_path_factory.mktemp("nx27017"))
    server.start()
    yield server.uri
    server.stop()


@pytest.fixture(params=["sqlite", "mongodb"])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


def make_store(backend: str, tmp_path: Path, mongo_uri: str | None, database: str, clock=None) -> JobStore:
    kwargs = {"clock": clock} if clock else {}
    if backend == "sqlite":
        from pipeline.store.sqlite import SQLiteStore

        return SQLiteStore(tmp_path / "jobs.sqlite3", **kwargs)
    from pipeline.store.mongo import MongoStore

    return MongoStore(mongo_uri, database, **kwargs)


@pytest.fixture
def store_factory(backend: str, tmp_path: Path, request: pytest.FixtureRequest):
    """Returns (factory, location): factory(clock) opens another handle on the same store."""
    uri = request.getfixturevalue("mongo_uri") if backend == "mongodb" else None
    database = f"t_{uuid.uuid4().hex[:10]}"
    opened: list[JobStore] = []

    def factory(clock=None) -> JobStore:
        store = make_store(backend, tmp_path, uri, database, clock)
        opened.append(store)
        return store

    factory.backend, factory.tmp_path, factory.uri, factory.database = backend, tmp_path, uri, database
    yield factory
    for store in opened:
        store.close()


@pytest.fixture
def store(store_factory, clock: FakeClock) -> JobStore:
    return store_factory(clock)
