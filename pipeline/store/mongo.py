"""The production store: MongoDB through pymongo, safe for several daemons on several machines.

A claim is one find_one_and_update (atomic per document on every MongoDB); every later write
is conditional on the lease token. Times are epoch seconds. A lease-bound move (completed,
retried, failed, released, expired) writes its history entry in the same update, as one field
of the job's `history` map (a $set, so it is atomic with the move and costs no second write);
other entries (inserted, a person's marks) live in the `events` collection, and events() merges
both. The client connects lazily, so a daemon can start while the database is away.
"""

import contextlib
import functools
import itertools
import re
import threading
import time
import uuid
from collections.abc import Callable, Collection, Iterator
from typing import Any, TypeVar

import pymongo
from bson.errors import InvalidDocument
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError, PyMongoError

from pipeline import constants as c
from pipeline.config.catalog import StageStates
from pipeline.errors import ConfigError, StoreUnavailable
from pipeline.records import WRITABLE_FIELDS, ClaimedJob, Job, Move, NewJob, RunRecord, job_id_for
from pipeline.redaction import redact
from pipeline.states import Event, State
from pipeline.store.base import completion

T = TypeVar("T")
_JOB_FIELDS = set(Job.__dataclass_fields__)
_CLEAR_LEASE = {"lease_owner": None, "lease_token": None, "lease_expires_at": None}
# Documents this pipeline wrote; a shared database may hold jobs of another shape (e.g. the original
# Pipeline Daemon's), which every query leaves alone.
OURS: dict[str, Any] = {"source_id": {"$exists": True}}
CLAIM_ORDER = [("score", -1), ("next_attempt_at", 1)]  # the best fit first, then the longest due


def _guarded(method: Callable[..., T]) -> Callable[..., T]:
    """Make sure indexes exist, and turn any driver error into StoreUnavailable: PyMongoError, and
    the plain errors the driver raises itself (an authentication mechanism the server lacks). A
    value BSON cannot encode is the job's error (ValueError), not an outage."""
    @functools.wraps(method)
    def wrapper(self: "MongoStore", *args: Any, **kwargs: Any) -> T:
        try:
            if not self._ready:
                self._setup()
            return method(self, *args, **kwargs)
        except (DuplicateKeyError, StoreUnavailable):
            raise
        except InvalidDocument as exc:
            raise ValueError(f"mongodb cannot store this value: {redact(str(exc))[:300]}") from None
        except Exception as exc:
            if isinstance(exc, PyMongoError) or type(exc).__module__.startswith(("pymongo", "bson")) or \
                    _from_driver(exc):
                raise StoreUnavailable(f"mongodb: {type(exc).__name__}: {redact(str(exc))[:300]}") from None
            raise
    return wrapper


def _from_driver(exc: BaseException) -> bool:
    """Raised inside pymongo or bson (its last frame is theirs), whatever its class."""
    tb = exc.__traceback__
    while tb and tb.tb_next:
        tb = tb.tb_next
    name = tb.tb_frame.f_globals.get("__name__", "") if tb else ""
    return str(name).startswith(("pymongo", "bson"))


def _eq(value: Any) -> dict[str, Any]:
    """Equality as {"$eq": value}: the same match as a bare value on MongoDB, and the form nx-27017
    (the test server) serves from its index; for a bare value it scans every document."""
    return {"$eq": value}


def _values(doc: dict[str, Any]) -> dict[str, Any]:
    return {"id": doc["_id"], **{k: v for k, v in doc.items() if k in _JOB_FIELDS}}


def _job(doc: dict[str, Any]) -> Job:
    return Job(**_values(doc))


def _claimed(doc: dict[str, Any]) -> ClaimedJob:
    return ClaimedJob(**_values(doc))


def _company(doc: dict[str, Any]) -> dict[str, Any]:
    return {"id": doc["_id"], **(doc.get("record") or {}), "enriched_at": doc.get("enriched_at", 0.0),
            "locked_until": doc.get("lock_expires_at") or None, "lock_owner": doc.get("lock_owner")}


class MongoStore:
    """JobStore on a MongoDB database (a replica set in production; nx-27017 in the tests)."""

    def __init__(self, uri: str, database: str | None = None, timeout_seconds: float = 5.0,
                 clock: Callable[[], float] = time.time) -> None:
        ms = int(timeout_seconds * 1000)
        try:
            self.client: pymongo.MongoClient[dict[str, Any]] = pymongo.MongoClient(
                uri, serverSelectionTimeoutMS=ms, connectTimeoutMS=ms, socketTimeoutMS=max(ms, 30000),
                appname="job-pipeline", connect=False)
            self.db = self.client.get_database(database) if database else \
                self.client.get_default_database(c.DEFAULT_MONGO_DATABASE)
        except (PyMongoError, ValueError, TypeError) as exc:  # InvalidURI, ConfigurationError, a bad port
            raise ConfigError(f"malformed ({redact(str(exc))[:300]}); a ':', '@' or '/' in the user name or "
                              "password must be written %3A, %40, %2F (urllib.parse.quote_plus)",
                              key=c.ENV_MONGODB_URI) from None
        self.jobs, self.events_col, self.runs = self.db[c.JOBS], self.db[c.EVENTS], self.db[c.RUNS]
        self.quotas = self.db[c.QUOTAS]
        self.named_leases = self.db[c.LEASES]
        self.companies, self.aliases = self.db[c.COMPANIES], self.db[c.COMPANY_ALIASES]
        self.clock = clock
        self._ready = False
        self._lock = threading.Lock()
        self._seq = itertools.count()
        # job id -> (its attempt, whether its error and due time were already clear), from claim to
        # completion: what the completion writes, without reading the job again
        self._claims: dict[str, tuple[int | None, bool]] = {}

    def _setup(self) -> None:
        self.jobs.create_index([("source", 1), ("source_id", 1)], unique=True)
        self.jobs.create_index([("url", 1)], unique=True)
        self.jobs.create_index([("status", 1), ("next_attempt_at", 1)])
        self.jobs.create_index([("status", 1), ("score", -1), ("next_attempt_at", 1)])
        self.jobs.create_index([("status", 1), ("lease_expires_at", 1)])
        self.jobs.create_index([("status", 1), ("created_at", -1)])
        self.jobs.create_index([("created_at", -1)])
        self.jobs.create_index([("status", 1), ("score", -1), ("created_at", -1)])  # the review page's tabs by score
        self.jobs.create_index([("score", -1), ("created_at", -1)])  # and its "all" tab
        self.jobs.create_index([("company_key", 1), ("created_at", -1)])
        self.jobs.create_index([("status", 1), ("error_stage", 1)])
        self.jobs.create_index([("company_id", 1)])
        self.events_col.create_index([("job_id", 1), ("at", 1)])
        self.runs.create_index([("stage", 1), ("started_at", -1)])
        self._ready = True

    def _event(self, job_id: str, event: str, **fields: Any) -> None:
        doc = {"job_id": job_id, "at": self.clock(), "event": event}
        doc.update({k: v for k, v in fields.items() if v is not None})
        self.events_col.insert_one(doc)

    def _entry(self, now: float) -> str:
        """A field of the job's history map: sorts by time (then by this handle's write order), and
        is unique per write."""
        return f"history.{int(now * 1e6):017d}{next(self._seq):09d}{uuid.uuid4().hex[:6]}"

    def _leased(self, job_id: str, token: str, stage: StageStates) -> dict[str, Any]:
        return {"_id": job_id, "lease_token": token, "status": stage.working}

    # -- writing jobs ---------------------------------------------------------------------------

    @_guarded
    def upsert_job(self, job: NewJob) -> str:
        for _ in range(3):  # a concurrent insert of the same job turns into an update
            existing = (self.jobs.find_one({"source": job.source, "source_id": job.source_id}, {"url": 1})
                        or self.jobs.find_one({"url": job.url}, {"url": 1}))
            now = self.clock()
            if existing:
                content = job.content()
                if self.jobs.find_one({"url": job.url, "_id": {"$ne": existing["_id"]}}, {"_id": 1}):
                    content["url"] = existing["url"]  # another job already owns this URL; keep ours
                self.jobs.update_one({"_id": existing["_id"]},
                                     {"$set": {**content, "last_seen_at": now, "updated_at": now}})
                return "updated"
            job_id = job_id_for(job.source, job.source_id)
            doc = {"_id": job_id, "source": job.source, "source_id": job.source_id, "status": job.status,
                   **job.content(), "company_id": "", "score": None, "data": {}, "attempts": {},
                   "next_attempt_at": 0.0,
                   **_CLEAR_LEASE,
                   "last_error": None, "error_stage": None, "created_at": now, "updated_at": now,
                   "first_seen_at": now, "last_seen_at": now}
            try:
                self.jobs.insert_one(doc)
            except DuplicateKeyError:
                continue
            self._event(job_id, Event.INSERTED, to_status=job.status)
            return "inserted"
        raise StoreUnavailable(f"mongodb: could not insert or update job {job.source}/{job.source_id}")

    @_guarded
    def claim(self, stage: StageStates, owner: str, lease_seconds: float,
              exclude: Collection[str] = ()) -> ClaimedJob | None:
        now = self.clock()
        lease = {"status": stage.working, "lease_owner": owner, "lease_token": uuid.uuid4().hex,
                 "lease_expires_at": now + lease_seconds, "updated_at": now}
        skip = {"_id": {"$nin": list(exclude)}} if exclude else {}
        doc = self.jobs.find_one_and_update(
            {"status": _eq(stage.input), "next_attempt_at": {"$lte": now}, **OURS, **skip},
            {"$set": lease, "$inc": {f"attempts.{stage.name}": 1}},
            sort=CLAIM_ORDER, projection={"history": 0})
        if doc is None:
            return None
        attempts = dict(doc.get("attempts") or {})  # the document as it was: apply our update to it
        attempts[stage.name] = attempts.get(stage.name, 0) + 1
        doc.update(lease, attempts=attempts)
        clear = doc.get("last_error") is None and doc.get("error_stage") is None and not doc.get("next_attempt_at")
        with self._lock:
            if len(self._claims) > 10_000:
                self._claims.clear()
            self._claims[doc["_id"]] = (attempts[stage.name], clear)
        return _claimed(doc)

    @_guarded
    def heartbeat(self, job_id: str, token: str, lease_seconds: float) -> bool:
        result = self.jobs.update_one({"_id": job_id, "lease_token": token},
                                      {"$set": {"lease_expires_at": self.clock() + lease_seconds}})
        return result.matched_count == 1

    @_guarded
    def complete(self, job_id: str, token: str, stage: StageStates, data: dict[str, Any] | None = None,
                 content: dict[str, Any] | None = None, status: str | None = None) -> bool:
        now = self.clock()
        with self._lock:
            attempt, clear = self._claims.pop(job_id, (None, False))
        entry = completion(stage, status, attempt).history(now)
        sets = {"status": status or stage.output, **_CLEAR_LEASE, "updated_at": now, self._entry(now): entry}
        if not clear:  # under our lease nothing else writes these, so a clear job needs no write
            sets.update(last_error=None, error_stage=None, next_attempt_at=0.0)
        sets.update({f"data.{k}": v for k, v in (data or {}).items()})
        sets.update({k: v for k, v in (content or {}).items() if k in WRITABLE_FIELDS})
        return self.jobs.update_one(self._leased(job_id, token, stage), {"$set": sets}).matched_count == 1

    @_guarded
    def annotate(self, job_id: str, status: str, data: dict[str, Any], fields: dict[str, Any],
                 version: float | None = None) -> bool:
        sets = {f"data.{k}": v for k, v in data.items()}
        sets.update({k: v for k, v in fields.items() if k in WRITABLE_FIELDS})
        query: dict[str, Any] = {"_id": job_id, "status": status, "lease_token": None}
        if version is not None:
            query["updated_at"] = version
        # a new version even on a clock that has not moved, so the next conditional write sees the change
        sets["updated_at"] = max(self.clock(), (version or 0.0) + 0.001)
        result = self.jobs.update_one(query, {"$set": sets})
        return result.matched_count == 1

    @_guarded
    def move(self, job_id: str, token: str | None, move: Move) -> bool:
        now = self.clock()
        sets: dict[str, Any] = {"status": move.to_status, **_CLEAR_LEASE, "updated_at": now,
                                "next_attempt_at": 0.0 if move.delay is None else now + move.delay}
        if move.error is not None:
            sets.update(last_error=move.error, error_stage=move.stage)
        elif move.clear_error_stage:
            sets["error_stage"] = None
        if not move.quiet:
            sets[self._entry(now)] = move.history(now)
        update: dict[str, Any] = {"$set": sets}
        if move.stage and move.reset_attempts:
            sets[f"attempts.{move.stage}"] = 0
        elif move.stage and move.attempts_delta:
            update["$inc"] = {f"attempts.{move.stage}": move.attempts_delta}
        with self._lock:
            self._claims.pop(job_id, None)
        result = self.jobs.update_one({"_id": job_id, "status": move.from_status, "lease_token": token}, update)
        return result.matched_count == 1

    @_guarded
    def leases(self, stage: StageStates) -> list[ClaimedJob]:
        return [_claimed(d) for d in self.jobs.find({"status": _eq(stage.working)})]

    # -- reading ------------------------------------------------------------------------------

    @_guarded
    def get(self, job_id: str) -> Job | None:
        doc = self.jobs.find_one({"_id": job_id, **OURS})
        return _job(doc) if doc else None

    @_guarded
    def list_jobs(self, status: str | None = None, limit: int | None = None, sort: str = "new",
                  since: float | None = None, *, search: str = "", source: str | None = None,
                  offset: int = 0) -> list[Job]:
        query: dict[str, Any] = {"status": _eq(status), **OURS} if status else dict(OURS)
        if since is not None:
            query["created_at"] = {"$gte": since}
        if source:
            query["source"] = _eq(source)
        if search:  # the same match as SQLite's LIKE: a plain substring, ASCII letters in any case
            pattern = {"$regex": re.escape(search), "$options": "i"}
            query["$or"] = [{"title": pattern}, {"company": pattern}]
        order = [("created_at", -1), ("_id", 1)]
        if sort == "score":
            order.insert(0, ("score", -1))
        cursor = self.jobs.find(query).sort(order).skip(max(0, offset))
        return [_job(d) for d in (cursor.limit(limit) if limit else cursor)]

    @_guarded
    def find(self, source: str, source_id: str, url: str) -> Job | None:
        doc = self.jobs.find_one({"source": source, "source_id": source_id}) or \
            self.jobs.find_one({"url": url, **OURS})
        return _job(doc) if doc else None

    @_guarded
    def find_company(self, aliases: list[str]) -> dict[str, Any] | None:
        link = self.aliases.find_one({"_id": {"$in": aliases}}) if aliases else None
        doc = self.companies.find_one({"_id": link["company_id"]}) if link else None
        return _company(doc) if doc else None

    @_guarded
    def lock_company(self, company_id: str, owner: str, lease_seconds: float) -> str | None:
        now, token = self.clock(), uuid.uuid4().hex
        try:
            self.companies.find_one_and_update(
                {"_id": company_id, "lock_expires_at": {"$lt": now}},
                {"$set": {"lock_token": token, "lock_owner": owner, "lock_expires_at": now + lease_seconds,
                          "updated_at": now},
                 "$setOnInsert": {"record": {}, "enriched_at": 0.0, "created_at": now}}, upsert=True)
        except DuplicateKeyError:  # it exists and is locked, so the upsert tried a second document
            return None
        self._add_aliases([company_id], company_id)
        doc = self.companies.find_one({"_id": company_id}, {"lock_token": 1})
        return token if doc and doc.get("lock_token") == token else None

    def _add_aliases(self, aliases: list[str], company_id: str) -> None:
        for alias in aliases:
            try:
                self.aliases.insert_one({"_id": alias, "company_id": company_id})
            except DuplicateKeyError:
                pass

    @_guarded
    def save_company(self, company_id: str, token: str, record: dict[str, Any], aliases: list[str]) -> bool:
        now = self.clock()
        result = self.companies.update_one({"_id": company_id, "lock_token": token}, {"$set": {
            "record": record, "enriched_at": now, "updated_at": now, "lock_token": None, "lock_owner": None,
            "lock_expires_at": 0.0}})
        if result.matched_count:
            self._add_aliases(aliases, company_id)
        return result.matched_count == 1

    @_guarded
    def annotate_company(self, company_id: str, data: dict[str, Any]) -> bool:
        sets: dict[str, Any] = {f"record.{k}": v for k, v in data.items()}
        sets["updated_at"] = self.clock()
        return self.companies.update_one({"_id": company_id}, {"$set": sets}).matched_count == 1

    @_guarded
    def take_company_lock(self, company_id: str, holder: str, owner: str, lease_seconds: float) -> str | None:
        token = uuid.uuid4().hex
        result = self.companies.update_one({"_id": company_id, "lock_owner": holder}, {"$set": {
            "lock_token": token, "lock_owner": owner, "lock_expires_at": self.clock() + lease_seconds}})
        return token if result.matched_count else None

    @_guarded
    def unlock_company(self, company_id: str, token: str) -> None:
        self.companies.update_one({"_id": company_id, "lock_token": token}, {"$set": {
            "lock_token": None, "lock_owner": None, "lock_expires_at": 0.0}})

    @_guarded
    def list_companies(self, limit: int | None = None) -> list[dict[str, Any]]:
        """The counts come from the company_id index; companies without jobs fill what is left."""
        grouped: list[dict[str, Any]] = [{"$match": {"company_id": {"$gt": ""}}}, {"$project": {"company_id": 1}},
                                         {"$group": {"_id": "$company_id", "n": {"$sum": 1}}},
                                         {"$sort": {"n": -1, "_id": 1}}]
        counts = {d["_id"]: d["n"] for d in self.jobs.aggregate(grouped + ([{"$limit": limit}] if limit else []))}
        found = {d["_id"]: d for d in self.companies.find({"_id": {"$in": list(counts)}})}
        result = [{**_company(found[i]), "jobs": n} for i, n in counts.items() if i in found]
        if limit is None or len(result) < limit:
            rest = self.companies.find({"_id": {"$nin": list(counts)}}).sort("_id", 1)
            result += [{**_company(d), "jobs": 0} for d in (rest.limit(limit - len(result)) if limit else rest)]
        return result

    @_guarded
    def count_companies(self) -> int:
        return self.companies.estimated_document_count()

    @_guarded
    def source_jobs(self, source: str, id_prefix: str) -> list[Job]:
        upper = id_prefix[:-1] + chr(ord(id_prefix[-1]) + 1)
        return [_job(d) for d in self.jobs.find({"source": source, "source_id": {"$gte": id_prefix, "$lt": upper}})]

    @_guarded
    def company_jobs(self, company_key: str, limit: int = 500) -> list[Job]:
        return [_job(d) for d in self.jobs.find({"company_key": company_key}).sort("created_at", -1).limit(limit)]

    @_guarded
    def linked_jobs(self, company_id: str, limit: int = 500) -> list[Job]:
        return [_job(d) for d in self.jobs.find({"company_id": company_id}).sort("created_at", -1).limit(limit)]

    @_guarded
    def take_quota(self, key: str, limit: int) -> bool:
        try:
            doc = self.quotas.find_one_and_update({"_id": key, "used": {"$lt": limit}}, {"$inc": {"used": 1}},
                                                  upsert=True, return_document=ReturnDocument.AFTER)
        except DuplicateKeyError:  # the quota exists and is full, so the upsert tried a second document
            return False
        return doc is not None and doc["used"] <= limit

    @_guarded
    def quota_used(self, key: str) -> float:
        doc = self.quotas.find_one({"_id": key})
        return doc["used"] if doc else 0

    @_guarded
    def reserve(self, key: str, gap: float) -> float:
        """Compare-and-set on the stored time: any MongoDB (and nx-27017) does it atomically."""
        for _ in range(50):
            now = self.clock()
            doc = self.quotas.find_one({"_id": key})
            if doc is None:
                try:
                    self.quotas.insert_one({"_id": key, "used": now + gap})
                    return 0.0
                except DuplicateKeyError:
                    continue
            at = max(now, float(doc["used"]))
            if self.quotas.update_one({"_id": key, "used": doc["used"]}, {"$set": {"used": at + gap}}).modified_count:
                return at - now
        raise StoreUnavailable(f"mongodb: could not book {key} (too much contention)")

    @_guarded
    def set_value(self, key: str, value: float) -> None:
        self.quotas.update_one({"_id": key}, {"$set": {"used": value}}, upsert=True)

    @_guarded
    def take_lease(self, name: str, owner: str, lease_seconds: float) -> str | None:
        now, token = self.clock(), uuid.uuid4().hex
        try:  # a held lease fails the filter, so the upsert tries a second document with its _id
            self.named_leases.update_one({"_id": name, "expires_at": {"$lt": now}},
                                   {"$set": {"token": token, "owner": owner, "expires_at": now + lease_seconds}},
                                   upsert=True)
        except DuplicateKeyError:
            return None
        return token

    @_guarded
    def drop_lease(self, name: str, token: str) -> None:
        self.named_leases.delete_one({"_id": name, "token": token})

    @_guarded
    def add_spend(self, key: str, amount: float) -> float:
        doc = self.quotas.find_one_and_update({"_id": key}, {"$inc": {"used": amount}}, upsert=True,
                                              return_document=ReturnDocument.AFTER)
        return float(doc["used"]) if doc else amount

    @_guarded
    def select_ids(self, status: str | None = None, error_stage: str | None = None) -> list[str]:
        query: dict[str, Any] = {k: _eq(v) for k, v in (("status", status), ("error_stage", error_stage)) if v}
        query.update(OURS)
        return [d["_id"] for d in self.jobs.find(query, {"_id": 1}).sort("created_at", 1)]

    @_guarded
    def counts(self) -> dict[str, int]:
        pipeline: list[dict[str, Any]] = [{"$match": {"status": {"$gt": ""}, **OURS}},
                                          {"$group": {"_id": "$status", "n": {"$sum": 1}}}]
        return {d["_id"]: d["n"] for d in self.jobs.aggregate(pipeline)}

    @_guarded
    def foreign_jobs(self) -> int:
        return self.jobs.count_documents({"source_id": {"$exists": False}})

    @_guarded
    def failed_by_stage(self) -> dict[str, int]:
        pipeline: list[dict[str, Any]] = [{"$match": {"status": _eq(State.FAILED), **OURS}},
                                          {"$group": {"_id": "$error_stage", "n": {"$sum": 1}}}]
        return {d["_id"] or "unknown": d["n"] for d in self.jobs.aggregate(pipeline)}

    @_guarded
    def events(self, job_id: str) -> list[dict[str, Any]]:
        """The events collection and the job's history map, in time order (the collection's first
        at equal times: a job is inserted before anything else happens to it)."""
        docs = self.events_col.find({"job_id": job_id}, {"_id": 0, "job_id": 0}).sort([("at", 1), ("_id", 1)])
        found = [(d["at"], 0, n, d) for n, d in enumerate(docs)]
        job = self.jobs.find_one({"_id": job_id}, {"history": 1}) or {}
        found += [(e["at"], 1, n, e) for n, (_, e) in enumerate(sorted((job.get("history") or {}).items()))]
        return [{k: v for k, v in e.items() if v is not None} for *_, e in sorted(found, key=lambda t: t[:3])]

    @_guarded
    def save_run(self, run: RunRecord) -> None:
        doc = dict(vars(run))
        self.runs.replace_one({"_id": doc["run_id"]}, {"_id": doc.pop("run_id"), **doc}, upsert=True)

    @_guarded
    def prune(self, before: float, end_states: tuple[str, ...], since: float = 0.0,
              batch: int = 500) -> tuple[int, int]:
        runs = self.runs.delete_many({"started_at": {"$lt": before}}).deleted_count
        slots = [d["_id"] for d in self.quotas.find({"_id": {"$regex": "^slot:"}}, {"_id": 1})
                 if float(str(d["_id"]).rsplit(":", 1)[-1] or 0) < before]
        if slots:
            self.quotas.delete_many({"_id": {"$in": slots}})  # schedule slots taken long ago
        compacted = 0
        old = self.jobs.find({"status": {"$in": list(end_states)}, "updated_at": {"$gte": since, "$lt": before},
                              **OURS},
                             {"_id": 1, "history": 1})
        for doc in old.batch_size(batch):
            compacted += self._compact(doc["_id"], doc.get("history") or {})
        return runs, compacted

    def _compact(self, job_id: str, history: dict[str, Any]) -> bool:
        """Keep only the job's last event, wherever it is (the history map or the collection)."""
        last = self.events_col.find_one({"job_id": job_id}, sort=[("at", -1), ("_id", -1)])
        newest = max(history.items(), key=lambda kv: (kv[1].get("at", 0), kv[0]), default=None)
        if newest and (last is None or newest[1].get("at", 0) >= last["at"]):
            gone = self.events_col.delete_many({"job_id": job_id}).deleted_count + len(history) - 1
            self.jobs.update_one({"_id": job_id}, {"$set": {"history": {newest[0]: newest[1]}}})
        elif last is not None:
            gone = self.events_col.delete_many({"job_id": job_id, "_id": {"$ne": last["_id"]}}).deleted_count
            gone += len(history)
            if history:
                self.jobs.update_one({"_id": job_id}, {"$unset": {"history": ""}})
        else:
            return False
        return gone > 0

    @_guarded
    def last_runs(self) -> dict[str, RunRecord]:
        found = {}
        for stage in self.runs.distinct("stage"):
            doc = self.runs.find_one({"stage": stage}, sort=[("started_at", -1)])
            if doc:
                found[stage] = RunRecord(run_id=doc.pop("_id"), **doc)
        return found

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Each write is its own on MongoDB (atomic per document): nothing to group."""
        yield

    @_guarded
    def ping(self) -> None:
        self.client.admin.command("ping")

    def check(self) -> None:
        """The server keeps its own files whole: reachable is readable."""
        self.ping()

    def close(self) -> None:
        self.client.close()


