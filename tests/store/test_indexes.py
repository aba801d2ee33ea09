"""The read paths `stats`, `failed_by_stage`, `companies`, `--list`, claims, the lease sweep and the
duplicate check use indexes, never a scan of the jobs: checked with each backend's own planner on
the statements the store really sends (captured, not restated here)."""

import functools
import uuid
from typing import Any

import pymongo
import pytest
from pymongo import monitoring

from pipeline import constants as c
from pipeline.config.catalog import stage_states
from pipeline.states import State
from pipeline.store.base import JobStore, NewJob

ENRICH = stage_states(c.ENRICH)


def read_paths(store: JobStore) -> dict[str, Any]:
    return {"counts": store.counts, "failed_by_stage": store.failed_by_stage,
            "companies": lambda: (store.list_companies(50), store.count_companies()),
            "list": lambda: store.list_jobs(State.SCRAPED, 50), "claim": lambda: store.claim(ENRICH, "w", 60),
            "sweep": lambda: store.leases(ENRICH), "duplicates": lambda: store.company_jobs("acme"),
            "review queue by score": lambda: store.list_jobs(State.SCORED, 50, "score", offset=50),
            "review queue searched": lambda: store.list_jobs(State.SCORED, 50, search="eng", source="t")}


def ordered_paths(store: JobStore) -> dict[str, Any]:
    """The review page's "all" tab: no state to search by, so the order's own index is walked (and the
    walk stops at the page's last row); never a sort of every job."""
    return {"all by score": lambda: store.list_jobs(None, 50, "score", search="eng"),
            "all newest of a source": lambda: store.list_jobs(None, 50, source="t")}


def fill(store: JobStore) -> None:
    for n in range(30):
        store.upsert_job(NewJob(source="t", source_id=str(n), url=f"https://jobs.example.org/{n}", title="Engineer",
                                company="Acme", company_key="acme", status=(State.SCRAPED, State.SCORED)[n % 2]))


def test_sqlite_read_paths_use_indexes(tmp_path):
    from pipeline.store.sqlite import SQLiteStore

    store = SQLiteStore(tmp_path / "jobs.sqlite3")
    fill(store)
    for name, call in read_paths(store).items():
        sent: list[str] = []
        store._db.set_trace_callback(sent.append)
        call()
        store._db.set_trace_callback(None)
        reads = [s for s in sent if s.lstrip().upper().startswith(("SELECT", "UPDATE"))]
        assert reads, name
        for statement in reads:
            plan = " | ".join(row[3] for row in store._db.execute("EXPLAIN QUERY PLAN " + statement))
            assert "SCAN jobs" not in plan, f"{name} reads every job (or every index entry): {statement}\n  {plan}"
    for name, call in ordered_paths(store).items():
        sent = []
        store._db.set_trace_callback(sent.append)
        call()
        store._db.set_trace_callback(None)
        for statement in (s for s in sent if s.lstrip().upper().startswith("SELECT")):
            plan = " | ".join(row[3] for row in store._db.execute("EXPLAIN QUERY PLAN " + statement))
            assert "USING INDEX jobs_" in plan and "TEMP B-TREE FOR ORDER BY" not in plan, f"{name}: {plan}"
    store.close()


class Commands(monitoring.CommandListener):
    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        if event.command_name in ("find", "aggregate", "count", "findAndModify", "distinct"):
            self.sent.append(dict(event.command))

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None: ...

    def failed(self, event: monitoring.CommandFailedEvent) -> None: ...


def _stages(plan: Any) -> list[str]:
    """Every `stage` named anywhere in an explain() answer."""
    if isinstance(plan, dict):
        return ([plan["stage"]] if isinstance(plan.get("stage"), str) else []) + \
            [s for v in plan.values() for s in _stages(v)]
    if isinstance(plan, list):
        return [s for v in plan for s in _stages(v)]
    return []


def test_mongodb_read_paths_use_indexes(mongo_uri, monkeypatch):
    from pipeline.store.mongo import MongoStore

    listener = Commands()
    monkeypatch.setattr(pymongo, "MongoClient", functools.partial(pymongo.MongoClient, event_listeners=[listener]))
    store = MongoStore(mongo_uri, f"t_{uuid.uuid4().hex[:10]}")
    fill(store)
    probe = store.db.command("explain", {"find": c.JOBS, "filter": {"status": "scraped"}}, verbosity="queryPlanner")
    if not _stages(probe.get("queryPlanner", {}).get("winningPlan")):
        store.close()
        pytest.skip("this server's explain() does not report MongoDB query plans (nx-27017 reports its own "
                    "SQLite plan); run with MONGODB_TEST_URI=mongodb://... against a real MongoDB")
    for name, call in {**read_paths(store), **ordered_paths(store)}.items():
        listener.sent.clear()
        call()
        on_jobs = [cmd for cmd in listener.sent if cmd.get(next(iter(cmd))) == c.JOBS]
        for cmd in on_jobs:
            body = {k: v for k, v in cmd.items() if k not in ("lsid", "$db", "$clusterTime", "$readPreference")}
            plan = store.db.command("explain", body, verbosity="queryPlanner")
            stages = _stages(plan)
            assert "COLLSCAN" not in stages and stages, f"{name}: {body}\n  {stages}"
    store.close()
