"""The embedded default store: stdlib sqlite3 in WAL mode, safe across threads and processes.

Claims take the write lock first (BEGIN IMMEDIATE) and then UPDATE ... RETURNING one due job,
so two processes can never take the same job.
"""

import json
import re
import shutil
import sqlite3
import threading
import time
import uuid
import zlib
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pipeline.config.catalog import StageStates
from pipeline.errors import StoreUnavailable
from pipeline.records import WRITABLE_FIELDS, ClaimedJob, Job, Move, NewJob, RunRecord, job_id_for
from pipeline.states import Event, State
from pipeline.store.base import completion

SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY, source TEXT NOT NULL, source_id TEXT NOT NULL, url TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', company TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '', company_url TEXT NOT NULL DEFAULT '',
  extra TEXT NOT NULL DEFAULT '{}', company_key TEXT NOT NULL DEFAULT '', company_id TEXT NOT NULL DEFAULT '',
  score REAL, data TEXT NOT NULL DEFAULT '{}',
  attempts TEXT NOT NULL DEFAULT '{}',
  next_attempt_at REAL NOT NULL DEFAULT 0, lease_owner TEXT, lease_token TEXT, lease_expires_at REAL,
  last_error TEXT, error_stage TEXT, created_at REAL NOT NULL, updated_at REAL NOT NULL,
  first_seen_at REAL NOT NULL, last_seen_at REAL NOT NULL, history TEXT NOT NULL DEFAULT '[]',
  UNIQUE (source, source_id));
CREATE INDEX IF NOT EXISTS jobs_status_due ON jobs (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS jobs_status_lease ON jobs (status, lease_expires_at);
CREATE INDEX IF NOT EXISTS jobs_status_created ON jobs (status, created_at);
CREATE INDEX IF NOT EXISTS jobs_created ON jobs (created_at);
CREATE INDEX IF NOT EXISTS jobs_company_key_created ON jobs (company_key, created_at);
CREATE TABLE IF NOT EXISTS quotas (key TEXT PRIMARY KEY, used INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS leases (name TEXT PRIMARY KEY, token TEXT NOT NULL, owner TEXT NOT NULL,
  expires_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS companies (
  id TEXT PRIMARY KEY, record TEXT NOT NULL DEFAULT '{}', enriched_at REAL NOT NULL DEFAULT 0,
  lock_token TEXT, lock_owner TEXT, lock_expires_at REAL NOT NULL DEFAULT 0, created_at REAL NOT NULL,
  updated_at REAL NOT NULL, jobs INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS company_aliases (alias TEXT PRIMARY KEY, company_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
  run_id TEXT PRIMARY KEY, stage TEXT NOT NULL, started_at REAL NOT NULL, finished_at REAL,
  claimed INTEGER, succeeded INTEGER, retried INTEGER, failed INTEGER, released INTEGER, error TEXT,
  details TEXT NOT NULL DEFAULT '{}');
CREATE INDEX IF NOT EXISTS runs_stage ON runs (stage, started_at);
"""
# Counters kept by triggers in the same transaction as every write, so `stats`, `failed_by_stage`
# and `companies` read a few rows instead of counting a million (created once, filled from the jobs).
_COUNT = ("INSERT OR IGNORE INTO job_counts VALUES (new.status, coalesce(new.error_stage, ''), 0); "
          "UPDATE job_counts SET n = n + 1 WHERE status = new.status AND error_stage = coalesce(new.error_stage, '');")
_UNCOUNT = "UPDATE job_counts SET n = n - 1 WHERE status = old.status AND error_stage = coalesce(old.error_stage, '');"
COUNTERS = (
    "CREATE TABLE job_counts (status TEXT NOT NULL, error_stage TEXT NOT NULL, n INTEGER NOT NULL,"
    " PRIMARY KEY (status, error_stage)) WITHOUT ROWID",
    f"CREATE TRIGGER job_counts_insert AFTER INSERT ON jobs BEGIN {_COUNT}"
    " UPDATE companies SET jobs = jobs + 1 WHERE id = new.company_id AND new.company_id != ''; END",
    "CREATE TRIGGER job_counts_move AFTER UPDATE OF status, error_stage ON jobs"
    f" WHEN old.status IS NOT new.status OR old.error_stage IS NOT new.error_stage BEGIN {_UNCOUNT} {_COUNT} END",
    f"CREATE TRIGGER job_counts_delete AFTER DELETE ON jobs BEGIN {_UNCOUNT}"
    " UPDATE companies SET jobs = jobs - 1 WHERE id = old.company_id; END",
    "CREATE TRIGGER company_jobs_link AFTER UPDATE OF company_id ON jobs WHEN old.company_id IS NOT new.company_id"
    " BEGIN UPDATE companies SET jobs = jobs - 1 WHERE id = old.company_id;"
    " UPDATE companies SET jobs = jobs + 1 WHERE id = new.company_id; END",
    "CREATE TRIGGER company_jobs_new AFTER INSERT ON companies BEGIN"
    " UPDATE companies SET jobs = (SELECT count(*) FROM jobs WHERE company_id = new.id) WHERE id = new.id; END",
)
_JSON_COLUMNS = ("extra", "data", "attempts")
_COLUMNS = ", ".join(Job.__dataclass_fields__)  # everything but history, which only events() reads
_CLEAR_LEASE = "lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL"


def _corrupt(exc: BaseException) -> bool:
    """SQLite says the file is damaged (or is not a database at all)."""
    text = str(exc)
    return isinstance(exc, sqlite3.DatabaseError) and ("malformed" in text or "not a database" in text
                                                        or "corrupt" in text)


def _packed(values: dict[str, Any]) -> dict[str, Any]:
    """Long descriptions are kept zlib-compressed (a BLOB; job text shrinks to about a third), so a
    job with a 4 KB description fits one page instead of two. Reading unpacks (_values)."""
    text = values.get("description")
    if isinstance(text, str) and len(text) > 1024:
        packed = zlib.compress(text.encode(), 6)
        if len(packed) < len(text):
            return {**values, "description": packed}
    return values


def _values(row: sqlite3.Row) -> dict[str, Any]:
    values = dict(row)
    for key in _JSON_COLUMNS:
        values[key] = {} if values[key] == "{}" else json.loads(values[key])
    if isinstance(values.get("description"), bytes):
        values["description"] = zlib.decompress(values["description"]).decode()
    return values


def _job(row: sqlite3.Row) -> Job:
    return Job(**_values(row))


def _claimed(row: sqlite3.Row) -> ClaimedJob:
    return ClaimedJob(**_values(row))


def _company(row: sqlite3.Row) -> dict[str, Any]:
    return {"id": row["id"], **json.loads(row["record"]), "enriched_at": row["enriched_at"],
            "locked_until": row["lock_expires_at"] or None, "lock_owner": row["lock_owner"]}


class SQLiteStore:
    """JobStore on one SQLite file; one connection per store object, guarded by a lock."""

    def __init__(self, path: Path | str, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self.clock = clock
        self._lock = threading.RLock()
        self._batching: int | None = None  # the thread whose batch() holds the transaction
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(SCHEMA)
            self._migrate()
        except (OSError, sqlite3.Error) as exc:
            raise self._unavailable(exc, "cannot open the SQLite store") from exc

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many writes of this thread as one transaction (an import's rows): one commit instead of
        one each. An error rolls the whole batch back."""
        with self._tx():
            self._batching = threading.get_ident()
            try:
                yield
            finally:
                self._batching = None

    def _unavailable(self, exc: BaseException, what: str = "sqlite") -> StoreUnavailable:
        """The store's error as one line a person can act on: a corrupt file, a full disk, else
        SQLite's own words."""
        if _corrupt(exc):
            return StoreUnavailable(f"database file is corrupt: run `PRAGMA integrity_check` on {self.path} "
                                    f"(sqlite3 {self.path} 'PRAGMA integrity_check'); restore it from a backup")
        folder = self.path.parent
        try:
            low = shutil.disk_usage(folder).free < 1_000_000
        except OSError:
            low = False
        if "full" in str(exc) or (low and ("disk I/O" in str(exc) or isinstance(exc, OSError))):
            return StoreUnavailable(f"disk full at {folder}")
        return StoreUnavailable(f"{what} {self.path}: {exc}")

    def check(self) -> None:
        """Read the whole file once (PRAGMA quick_check): a corrupt page anywhere is reported."""
        rows = self._read("PRAGMA quick_check(1)")
        if rows and rows[0][0] != "ok":
            raise StoreUnavailable(f"database file is corrupt: run `PRAGMA integrity_check` on {self.path} "
                                   f"(it says: {' '.join(str(rows[0][0]).split())[:200]}); restore it from a "
                                   "backup")

    def _migrate(self) -> None:
        """Stores made by earlier versions: add what they lack (company_id from data, score, the
        runs' skipped / owner / last_seen, the counters), all in one write transaction, so two
        processes opening an old file at once never both alter it."""
        with self._tx() as db:
            columns = {row[1] for row in db.execute("PRAGMA table_info(jobs)")}
            if "company_id" not in columns:
                db.execute("ALTER TABLE jobs ADD COLUMN company_id TEXT NOT NULL DEFAULT ''")
                db.execute("UPDATE jobs SET company_id = coalesce(json_extract(data, '$.company_id'), '')")
            if "score" not in columns:
                db.execute("ALTER TABLE jobs ADD COLUMN score REAL")
            run_columns = {row[1] for row in db.execute("PRAGMA table_info(runs)")}
            if "skipped" not in run_columns:
                db.execute("ALTER TABLE runs ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0")
            if "owner" not in run_columns:
                db.execute("ALTER TABLE runs ADD COLUMN owner TEXT NOT NULL DEFAULT ''")
                db.execute("ALTER TABLE runs ADD COLUMN last_seen REAL")
            db.execute("CREATE INDEX IF NOT EXISTS jobs_company_id ON jobs (company_id)")
            # claims take the best score first (NULL sorts last in DESC), then the longest due
            db.execute("CREATE INDEX IF NOT EXISTS jobs_status_score ON jobs (status, score DESC, next_attempt_at)")
            # the review page's tabs, best score first and newest first among equal scores: one state's
            # (a page reads its 50 rows in order, however many jobs share a score) and every state's
            db.execute("CREATE INDEX IF NOT EXISTS jobs_status_score_created"
                       " ON jobs (status, score DESC, created_at DESC)")
            db.execute("CREATE INDEX IF NOT EXISTS jobs_score_created ON jobs (score DESC, created_at DESC)")
            if "jobs" not in {row[1] for row in db.execute("PRAGMA table_info(companies)")}:
                db.execute("ALTER TABLE companies ADD COLUMN jobs INTEGER NOT NULL DEFAULT 0")
            db.execute("CREATE INDEX IF NOT EXISTS companies_jobs ON companies (jobs DESC, id)")
            db.execute("DROP INDEX IF EXISTS jobs_company_key")  # replaced by (company_key, created_at)
            if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'job_counts'").fetchone():
                for statement in COUNTERS:
                    db.execute(statement)
                db.execute("INSERT INTO job_counts SELECT status, coalesce(error_stage, ''), count(*) FROM jobs"
                           " GROUP BY 1, 2")
                db.execute("UPDATE companies SET jobs = (SELECT count(*) FROM jobs WHERE company_id = companies.id)")

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction holding SQLite's write lock from its first statement (inside a
        batch(), the batch's own)."""
        if self._batching == threading.get_ident():
            yield self._db
            return
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except (sqlite3.OperationalError, sqlite3.ProgrammingError, sqlite3.DatabaseError) as exc:
                raise self._unavailable(exc) from exc
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.OperationalError) or _corrupt(exc):  # disk full, read-only, corrupt, locked
                    raise self._unavailable(exc) from exc
                raise

    def _event(self, db: sqlite3.Connection, job_id: str, event: str, **fields: Any) -> None:
        """Append to the job's history, kept in its own row (one page to write, no second table)."""
        entry = {"at": self.clock(), "event": event, **{k: v for k, v in fields.items() if v is not None}}
        db.execute("UPDATE jobs SET history = json_insert(history, '$[#]', json(?)) WHERE id = ?",
                   (json.dumps(entry), job_id))

    # -- writing jobs ---------------------------------------------------------------------------

    def upsert_job(self, job: NewJob) -> str:
        now = self.clock()
        content = job.content()
        content = _packed({**content, "extra": json.dumps(content["extra"])})
        with self._tx() as db:
            row = db.execute("SELECT id, url FROM jobs WHERE source = ? AND source_id = ?",
                             (job.source, job.source_id)).fetchone()
            row = row or db.execute("SELECT id, url FROM jobs WHERE url = ?", (job.url,)).fetchone()
            if row:
                if db.execute("SELECT 1 FROM jobs WHERE url = ? AND id != ?", (job.url, row["id"])).fetchone():
                    content["url"] = row["url"]  # another job already owns this URL; keep ours
                sets = ", ".join(f"{k} = :{k}" for k in content)
                db.execute(f"UPDATE jobs SET {sets}, last_seen_at = :now, updated_at = :now WHERE id = :id",
                           {**content, "now": now, "id": row["id"]})
                return "updated"
            job_id = job_id_for(job.source, job.source_id)
            db.execute("INSERT INTO jobs (id, source, source_id, status, url, title, company, location, description,"
                       " company_url, extra, company_key, created_at, updated_at, first_seen_at, last_seen_at) VALUES "
                       "(:id, :source, :source_id, :status, :url, :title, :company, :location, :description,"
                       " :company_url, :extra, :company_key, :now, :now, :now, :now)",
                       {**content, "id": job_id, "source": job.source, "source_id": job.source_id,
                        "status": job.status, "now": now})
            self._event(db, job_id, Event.INSERTED, to_status=job.status)
            return "inserted"

    def claim(self, stage: StageStates, owner: str, lease_seconds: float,
              exclude: Collection[str] = ()) -> ClaimedJob | None:
        now = self.clock()
        path = f"$.{stage.name}"
        # the excluded ids travel as one JSON array: any number of them, one parameter
        skip = " AND id NOT IN (SELECT value FROM json_each(?))" if exclude else ""
        with self._tx() as db:
            row = db.execute(
                f"UPDATE jobs SET status = ?, lease_owner = ?, lease_token = ?, lease_expires_at = ?, updated_at = ?, "
                f"attempts = json_set(attempts, '{path}', coalesce(json_extract(attempts, '{path}'), 0) + 1) "
                "WHERE id = (SELECT id FROM jobs INDEXED BY jobs_status_score"
                f" WHERE status = ? AND next_attempt_at <= ?{skip} "
                f"ORDER BY score DESC, next_attempt_at LIMIT 1) RETURNING {_COLUMNS}",
                (stage.working, owner, uuid.uuid4().hex, now + lease_seconds, now, stage.input, now,
                 *([json.dumps(list(exclude))] if exclude else []))).fetchone()
        return _claimed(row) if row else None

    def heartbeat(self, job_id: str, token: str, lease_seconds: float) -> bool:
        with self._tx() as db:
            cur = db.execute("UPDATE jobs SET lease_expires_at = ? WHERE id = ? AND lease_token = ?",
                             (self.clock() + lease_seconds, job_id, token))
            return cur.rowcount == 1

    def complete(self, job_id: str, token: str, stage: StageStates, data: dict[str, Any] | None = None,
                 content: dict[str, Any] | None = None, status: str | None = None) -> bool:
        items = list((data or {}).items())
        merge = "json_set(data" + "".join(", ?, json(?)" for _ in items) + ")" if items else "data"
        params = [p for k, v in items for p in (f'$."{k}"', json.dumps(v))]
        fields = _packed({k: v for k, v in (content or {}).items() if k in WRITABLE_FIELDS})
        sets = "".join(f", {k} = ?" for k in fields)
        now = self.clock()
        # the attempt is the claim's own count, read in the same statement
        entry = f"json_set(json(?), '$.attempt', json_extract(attempts, '$.{stage.name}'))"
        history = json.dumps(completion(stage, status).history(now))
        with self._tx() as db:
            cur = db.execute(
                f"UPDATE jobs SET status = ?, data = {merge}{sets}, {_CLEAR_LEASE}, last_error = NULL,"
                f" error_stage = NULL, next_attempt_at = 0, updated_at = ?,"
                f" history = json_insert(history, '$[#]', {entry}) WHERE id = ? AND lease_token = ? AND status = ?",
                (status or stage.output, *params, *fields.values(), now, history, job_id, token, stage.working))
            return cur.rowcount == 1

    def annotate(self, job_id: str, status: str, data: dict[str, Any], fields: dict[str, Any],
                 version: float | None = None) -> bool:
        items = list(data.items())
        merge = "json_set(data" + "".join(", ?, json(?)" for _ in items) + ")" if items else "data"
        params = [p for k, v in items for p in (f'$."{k}"', json.dumps(v))]
        values = _packed({k: v for k, v in fields.items() if k in WRITABLE_FIELDS})
        sets = "".join(f", {k} = ?" for k in values)
        unchanged = " AND updated_at = ?" if version is not None else ""
        # a new version even on a clock that has not moved, so the next conditional write sees the change
        with self._tx() as db:
            cur = db.execute(f"UPDATE jobs SET data = {merge}{sets}, updated_at = max(?, updated_at + 0.001)"
                             f" WHERE id = ? AND status = ? AND lease_token IS NULL{unchanged}",
                             (*params, *values.values(), self.clock(), job_id, status,
                              *([version] if version is not None else [])))
            return cur.rowcount == 1

    def move(self, job_id: str, token: str | None, move: Move) -> bool:
        now = self.clock()
        sets = ["status = :to", _CLEAR_LEASE, "updated_at = :now", "next_attempt_at = :due"]
        if not move.quiet:
            sets.append("history = json_insert(history, '$[#]', json(:entry))")
        if move.error is not None:
            sets += ["last_error = :error", "error_stage = :stage"]
        elif move.clear_error_stage:
            sets.append("error_stage = NULL")
        if move.stage and (move.reset_attempts or move.attempts_delta):
            path = f"$.{move.stage}"
            value = "0" if move.reset_attempts else \
                f"max(0, coalesce(json_extract(attempts, '{path}'), 0) + :delta)"
            sets.append(f"attempts = json_set(attempts, '{path}', {value})")
        with self._tx() as db:
            cur = db.execute(
                f"UPDATE jobs SET {', '.join(sets)} WHERE id = :id AND status = :from AND lease_token IS :token",
                {"to": move.to_status, "now": now, "due": 0.0 if move.delay is None else now + move.delay,
                 "entry": json.dumps(move.history(now)), "error": move.error, "stage": move.stage,
                 "delta": move.attempts_delta, "id": job_id, "from": move.from_status, "token": token})
            return cur.rowcount == 1

    def leases(self, stage: StageStates) -> list[ClaimedJob]:
        rows = self._read(f"SELECT {_COLUMNS} FROM jobs WHERE status = ?", (stage.working,))
        return [_claimed(r) for r in rows]

    # -- companies ----------------------------------------------------------------------------

    def find_company(self, aliases: list[str]) -> dict[str, Any] | None:
        marks = ",".join("?" * len(aliases))
        rows = self._read(f"SELECT c.* FROM company_aliases a JOIN companies c ON c.id = a.company_id "
                          f"WHERE a.alias IN ({marks}) LIMIT 1", tuple(aliases)) if aliases else []
        return _company(rows[0]) if rows else None

    def lock_company(self, company_id: str, owner: str, lease_seconds: float) -> str | None:
        now, token = self.clock(), uuid.uuid4().hex
        with self._tx() as db:
            db.execute("INSERT OR IGNORE INTO companies (id, created_at, updated_at) VALUES (?, ?, ?)",
                       (company_id, now, now))
            db.execute("INSERT OR IGNORE INTO company_aliases VALUES (?, ?)", (company_id, company_id))
            cur = db.execute("UPDATE companies SET lock_token = ?, lock_owner = ?, lock_expires_at = ? "
                             "WHERE id = ? AND lock_expires_at < ?",
                             (token, owner, now + lease_seconds, company_id, now))
            return token if cur.rowcount else None

    def save_company(self, company_id: str, token: str, record: dict[str, Any], aliases: list[str]) -> bool:
        now = self.clock()
        with self._tx() as db:
            cur = db.execute("UPDATE companies SET record = ?, enriched_at = ?, updated_at = ?, lock_token = NULL,"
                             " lock_owner = NULL, lock_expires_at = 0 WHERE id = ? AND lock_token = ?",
                             (json.dumps(record), now, now, company_id, token))
            if cur.rowcount:
                db.executemany("INSERT OR IGNORE INTO company_aliases VALUES (?, ?)",
                               [(alias, company_id) for alias in aliases])
            return cur.rowcount == 1

    def annotate_company(self, company_id: str, data: dict[str, Any]) -> bool:
        items = list(data.items())
        merge = "json_set(record" + "".join(", ?, json(?)" for _ in items) + ")" if items else "record"
        params = [p for k, v in items for p in (f'$."{k}"', json.dumps(v))]
        with self._tx() as db:
            cur = db.execute(f"UPDATE companies SET record = {merge}, updated_at = ? WHERE id = ?",
                             (*params, self.clock(), company_id))
            return cur.rowcount == 1

    def take_company_lock(self, company_id: str, holder: str, owner: str, lease_seconds: float) -> str | None:
        token = uuid.uuid4().hex
        with self._tx() as db:
            cur = db.execute("UPDATE companies SET lock_token = ?, lock_owner = ?, lock_expires_at = ? "
                             "WHERE id = ? AND lock_owner = ?", (token, owner, self.clock() + lease_seconds,
                                                                 company_id, holder))
            return token if cur.rowcount else None

    def unlock_company(self, company_id: str, token: str) -> None:
        with self._tx() as db:
            db.execute("UPDATE companies SET lock_token = NULL, lock_owner = NULL, lock_expires_at = 0"
                       " WHERE id = ? AND lock_token = ?", (company_id, token))

    def list_companies(self, limit: int | None = None) -> list[dict[str, Any]]:
        rows = self._read("SELECT * FROM companies ORDER BY jobs DESC, id LIMIT ?", (limit or -1,))
        return [{**_company(r), "jobs": r["jobs"]} for r in rows]

    def count_companies(self) -> int:
        return int(self._read("SELECT count(*) FROM companies")[0][0])

    # -- reading ------------------------------------------------------------------------------

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except (sqlite3.OperationalError, sqlite3.ProgrammingError, sqlite3.DatabaseError) as exc:
                raise self._unavailable(exc) from exc

    def get(self, job_id: str) -> Job | None:
        rows = self._read(f"SELECT {_COLUMNS} FROM jobs WHERE id = ?", (job_id,))
        return _job(rows[0]) if rows else None

    def list_jobs(self, status: str | None = None, limit: int | None = None, sort: str = "new",
                  since: float | None = None, *, search: str = "", source: str | None = None,
                  offset: int = 0) -> list[Job]:
        like = "%" + re.sub(r"([\\%_])", r"\\\1", search) + "%"
        clauses = [(sql, values) for sql, values, wanted in (
            ("status = ?", (status,), status is not None), ("created_at >= ?", (since,), since is not None),
            ("+source = ?", (source,), bool(source)),  # unary +: walk the order's index, never sort a source
            ("(title LIKE ? ESCAPE '\\' OR company LIKE ? ESCAPE '\\')", (like, like), bool(search))) if wanted]
        where = ("WHERE " + " AND ".join(sql for sql, _ in clauses)) if clauses else ""
        order = "score DESC, created_at DESC, id" if sort == "score" else "created_at DESC, id"
        rows = self._read(f"SELECT {_COLUMNS} FROM jobs {where} ORDER BY {order} LIMIT ? OFFSET ?",
                          (*(v for _, values in clauses for v in values), limit or -1, max(0, offset)))
        return [_job(r) for r in rows]

    def find(self, source: str, source_id: str, url: str) -> Job | None:
        rows = self._read(f"SELECT {_COLUMNS} FROM jobs WHERE source = ? AND source_id = ? UNION ALL "
                          f"SELECT {_COLUMNS} FROM jobs WHERE url = ? LIMIT 1", (source, source_id, url))
        return _job(rows[0]) if rows else None

    def source_jobs(self, source: str, id_prefix: str) -> list[Job]:
        upper = id_prefix[:-1] + chr(ord(id_prefix[-1]) + 1)
        rows = self._read(f"SELECT {_COLUMNS} FROM jobs WHERE source = ? AND source_id >= ? AND source_id < ?",
                          (source, id_prefix, upper))
        return [_job(r) for r in rows]

    def company_jobs(self, company_key: str, limit: int = 500) -> list[Job]:
        rows = self._read(f"SELECT {_COLUMNS} FROM jobs WHERE company_key = ? ORDER BY created_at DESC LIMIT ?",
                          (company_key, limit))
        return [_job(r) for r in rows]

    def linked_jobs(self, company_id: str, limit: int = 500) -> list[Job]:
        rows = self._read(f"SELECT {_COLUMNS} FROM jobs WHERE company_id = ? ORDER BY created_at DESC LIMIT ?",
                          (company_id, limit))
        return [_job(r) for r in rows]

    def take_quota(self, key: str, limit: int) -> bool:
        with self._tx() as db:
            row = db.execute("INSERT INTO quotas VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET used = used + 1"
                             " WHERE used < ? RETURNING used", (key, limit)).fetchone()
            return row is not None and row[0] <= limit

    def quota_used(self, key: str) -> float:
        rows = self._read("SELECT used FROM quotas WHERE key = ?", (key,))
        return rows[0][0] if rows else 0

    def reserve(self, key: str, gap: float) -> float:
        now = self.clock()
        with self._tx() as db:
            row = db.execute("SELECT used FROM quotas WHERE key = ?", (key,)).fetchone()
            at = max(now, float(row[0]) if row else now)
            db.execute("INSERT OR REPLACE INTO quotas VALUES (?, ?)", (key, at + gap))
        return at - now

    def set_value(self, key: str, value: float) -> None:
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO quotas VALUES (?, ?)", (key, value))

    def take_lease(self, name: str, owner: str, lease_seconds: float) -> str | None:
        now, token = self.clock(), uuid.uuid4().hex
        with self._tx() as db:
            cur = db.execute("INSERT INTO leases VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                             "token = excluded.token, owner = excluded.owner, expires_at = excluded.expires_at "
                             "WHERE leases.expires_at < ?", (name, token, owner, now + lease_seconds, now))
            return token if cur.rowcount else None

    def drop_lease(self, name: str, token: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM leases WHERE name = ? AND token = ?", (name, token))

    def add_spend(self, key: str, amount: float) -> float:
        with self._tx() as db:
            row = db.execute("INSERT INTO quotas VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET used = used + ?"
                             " RETURNING used", (key, amount, amount)).fetchone()
            return float(row[0])

    def select_ids(self, status: str | None = None, error_stage: str | None = None) -> list[str]:
        clauses = [(col, val) for col, val in (("status", status), ("error_stage", error_stage)) if val]
        where = " AND ".join(f"{col} = ?" for col, _ in clauses) or "1"
        return [r[0] for r in self._read(f"SELECT id FROM jobs WHERE {where} ORDER BY created_at",
                                         tuple(v for _, v in clauses))]

    def foreign_jobs(self) -> int:
        return 0  # the table's NOT NULL columns admit no job of another shape

    def counts(self) -> dict[str, int]:
        rows = self._read("SELECT status, sum(n) FROM job_counts GROUP BY status HAVING sum(n) > 0")
        return {r[0]: r[1] for r in rows}

    def failed_by_stage(self) -> dict[str, int]:
        rows = self._read("SELECT error_stage, n FROM job_counts WHERE status = ? AND n > 0", (State.FAILED,))
        return {r[0] or "unknown": r[1] for r in rows}

    def events(self, job_id: str) -> list[dict[str, Any]]:
        rows = self._read("SELECT history FROM jobs WHERE id = ?", (job_id,))
        return json.loads(rows[0][0]) if rows else []

    def save_run(self, run: RunRecord) -> None:
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO runs (run_id, stage, started_at, finished_at, claimed, succeeded,"
                       " retried, failed, released, skipped, error, details, owner, last_seen) VALUES (:run_id, :stage,"
                       " :started_at, :finished_at, :claimed, :succeeded, :retried, :failed, :released, :skipped,"
                       " :error, :details, :owner, :last_seen)",
                       {**vars(run), "details": json.dumps(run.details)})

    def prune(self, before: float, end_states: tuple[str, ...], since: float = 0.0,
              batch: int = 500) -> tuple[int, int]:
        with self._tx() as db:
            runs = db.execute("DELETE FROM runs WHERE started_at < ?", (before,)).rowcount
            db.execute("DELETE FROM quotas WHERE key GLOB 'slot:*' AND CAST(substr(key, length(rtrim(key,"
                       " '0123456789')) + 1) AS REAL) < ?", (before,))  # schedule slots taken long ago
        marks, compacted = ",".join("?" * len(end_states)), 0
        while True:
            with self._tx() as db:
                done = db.execute(
                    "UPDATE jobs SET history = json_array(json(json_extract(history, '$[#-1]'))) WHERE id IN"
                    f" (SELECT id FROM jobs WHERE status IN ({marks}) AND updated_at >= ? AND updated_at < ?"
                    " AND json_array_length(history) > 1 LIMIT ?)", (*end_states, since, before, batch)).rowcount
            compacted += done
            if done < batch:
                return runs, compacted

    def last_runs(self) -> dict[str, RunRecord]:
        rows = self._read("SELECT * FROM runs r WHERE started_at = "
                          "(SELECT max(started_at) FROM runs WHERE stage = r.stage)")
        return {r["stage"]: RunRecord(**{**dict(r), "details": json.loads(r["details"])}) for r in rows}

    def ping(self) -> None:
        self._read("SELECT 1")

    def close(self) -> None:
        with self._lock:
            self._db.close()
