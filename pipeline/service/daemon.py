"""The daemon's life: PID file lock, detaching, readiness, signals, graceful stop.

The PID file is locked with fcntl.flock before detaching and the locked descriptor is kept
across the forks, so a second start is refused with the running PID while a stale file left
by a crash (nobody holds the lock) never blocks a start. `start` returns only once the daemon
has said it is up through a pipe, or prints why it failed.
"""

import errno
import fcntl
import hashlib
import json
import os
import select
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline import constants as c
from pipeline.config.loading import Config, config_warnings, store_description
from pipeline.logs import get_logger, setup_logging

log = get_logger("pipeline.daemon")


class PidLock:
    """An flock-ed PID file. The lock, not the file's existence, says whether a daemon runs."""

    def __init__(self, path: Path, create: bool = True) -> None:
        """Open (and by default create) the PID file; create=False raises FileNotFoundError instead."""
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.fd = os.open(path, os.O_RDWR | (os.O_CREAT if create else 0), 0o644)

    def acquire(self) -> bool:
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                return False
            raise

    def write_pid(self, pid: int) -> None:
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, f"{pid}\n".encode(), 0)
        os.fsync(self.fd)

    def close(self) -> None:
        os.close(self.fd)


@dataclass
class Outcome:
    """What start, stop and run report: an exit code and lines for the person (the CLI prints
    them; the daemon itself never prints)."""

    code: int
    lines: list[str]


@dataclass
class DaemonState:
    running: bool
    pid: int | None
    stale: bool = False


def read_pid(path: Path) -> int | None:
    try:
        text = path.read_text().strip()
        return int(text) if text else None
    except (OSError, ValueError):
        return None


def state(config: Config) -> DaemonState:
    """Running if someone holds the lock; stale if a PID is written but nobody holds it."""
    path = config.daemon.pid_file
    try:
        lock = PidLock(path, create=False)  # only looking: never leave a file behind
    except FileNotFoundError:
        return DaemonState(False, None)
    try:
        free = lock.acquire()
    finally:
        lock.close()
    pid = read_pid(path)
    return DaemonState(False, pid, stale=pid is not None) if free else DaemonState(True, pid)


def process_info(pid: int) -> dict[str, int]:
    """Uptime in seconds and resident memory in bytes of a process, from ps (Linux and macOS)."""
    try:
        out = subprocess.run(["ps", "-o", "etime=", "-o", "rss=", "-p", str(pid)], capture_output=True,
                             text=True, timeout=5).stdout.split()
        return {"uptime": etime_seconds(out[0]), "memory": int(out[1]) * 1024} if len(out) == 2 else {}
    except (OSError, subprocess.SubprocessError, ValueError):
        return {}


def etime_seconds(etime: str) -> int:
    """ps's elapsed time, '[[dd-]hh:]mm:ss', in seconds."""
    days, _, clock = etime.rpartition("-")
    seconds = 0
    for part in clock.split(":"):
        seconds = seconds * 60 + int(part)
    return seconds + int(days or 0) * 86400


def state_file(config: Config) -> Path:
    """Where the running daemon says what it has scheduled: beside the PID file."""
    pid_file = config.daemon.pid_file
    return pid_file.with_name(pid_file.name + ".state.json")


def fingerprint(config: Config) -> str:
    """What the daemon's schedule depends on: the config file, profile.yaml, and the environment
    that fills in searches and the time zone. A change means `status` must say "restart to apply"."""
    from pipeline.config.profile import profile_path

    digest = hashlib.sha256()
    for path in (config.path, profile_path(config)):
        digest.update(path.read_bytes() if path.exists() else b"<none>")
    for name in (c.ENV_KEYWORDS, c.ENV_LOCATION, "TZ", c.ENV_MONGODB_URI):
        digest.update(f"{name}={os.environ.get(name, '')}".encode())
    return digest.hexdigest()


def write_state(config: Config, stages: dict[str, dict[str, Any]], not_ready: dict[str, str], started: str,
                web: dict[str, Any] | None = None) -> None:
    """The daemon's actual schedule and where it serves the review page, rewritten at start and on
    every tick (atomically), with the fingerprint of the files it started from (`started`):
    recomputing it at each tick would hide a change from `status` one tick after it was made."""
    from pipeline.service.scheduler import timezone

    for name, reason in not_ready.items():
        stages[name] = {"scheduled": False, "reason": reason, "next_run": None}
    for name, settings in config.stages.items():
        if not settings.enabled:
            stages[name] = {"scheduled": False, "reason": "disabled in the config", "next_run": None}
    state = {"pid": os.getpid(), "written_at": time.time(), "fingerprint": started,
             "timezone": str(timezone(config)), "store": store_description(config), "stages": stages,
             "web": web or {}}
    path = state_file(config)
    temporary = path.with_suffix(".tmp")
    try:
        temporary.write_text(json.dumps(state))
        temporary.replace(path)
    except OSError as exc:
        log.warning("could not write the daemon state file", path=str(path), error=str(exc))


def read_state(config: Config, pid: int | None) -> dict[str, Any] | None:
    """The running daemon's state file, if it is that daemon's (same PID)."""
    try:
        state = json.loads(state_file(config).read_text())
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) and state.get("pid") == pid else None


def serve(config: Config, *, console: bool, ready_fd: int | None = None) -> int:
    """The daemon body: open the store, schedule the stages, wait for SIGTERM, stop cleanly."""
    from pipeline.service.scheduler import Scheduler
    from pipeline.stages import available_stages
    from pipeline.store import open_store

    d = config.daemon
    setup_logging(d.log_level, d.log_file, console=console, max_bytes=d.log_max_bytes, backups=d.log_backups)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda *_: stop.set())
    not_ready: dict[str, str] = {}
    page: Any = None
    started = fingerprint(config)  # before the stages read the config and the profile
    try:
        stages = available_stages(config, not_ready=not_ready)
        store = open_store(config)
        page, web = review_page(config)
        scheduler = Scheduler(config, store, stages, stop)
        scheduler.on_tick = lambda: write_state(config, scheduler.schedule_state(), not_ready, started, web)
        scheduler.start()
    except Exception as exc:  # noqa: BLE001 - reported to `start`, which prints it
        if page is not None:
            page.stop()
        log.exception("daemon failed to start")
        _notify(ready_fd, f"error {type(exc).__name__}: {exc}")
        return c.EXIT_ERROR
    note = "store-unreachable" if scheduler.down else "store-ok"
    log.info("daemon started", pid=os.getpid(), store=store_description(config), stages=sorted(scheduler.stages))
    for warning in config_warnings(config):
        log.warning("config warning", warning=warning)
    for name, reason in not_ready.items():
        log.warning("stage not scheduled", stage=name, reason=reason)
    _notify(ready_fd, f"ok {os.getpid()} {note}")
    while not stop.wait(1.0):
        pass
    log.info("daemon stopping: finishing or releasing current work")
    if page is not None:
        page.stop()
    scheduler.shutdown()
    store.close()
    log.info("daemon stopped")
    return c.EXIT_OK


def review_page(config: Config) -> tuple[Any, dict[str, Any]]:
    """The review page served on a thread when web.enabled: (its server, {"url"}), or (None, {"error"})
    when its port cannot be had (the daemon runs on without it). A host other than loopback without
    WEB_TOKEN is a ConfigError: the start fails, nothing is served."""
    if not config.web.enabled:
        return None, {"disabled": True}
    from pipeline.config.catalog import REVIEW_PAGE, load

    try:
        page = load(REVIEW_PAGE, "web.enabled")(config)
    except OSError as exc:
        why = f"cannot listen on {config.web.host}:{config.web.port}: {exc.strerror or exc}"
        log.warning("review page not served", error=why)
        return None, {"error": why}
    page.start()
    log.info("review page served", url=page.url)
    return page, {"url": page.url, "warnings": page.warnings}


def _notify(fd: int | None, message: str) -> None:
    if fd is not None:
        try:
            os.write(fd, (message + "\n").encode())
            os.close(fd)
        except OSError:
            pass


def run_foreground(config: Config) -> Outcome:
    """`daemon run`: the same daemon without detaching, for systemd or launchd."""
    lock = PidLock(config.daemon.pid_file)
    if not lock.acquire():
        return Outcome(c.EXIT_ERROR, [f"already running (PID {read_pid(config.daemon.pid_file)})"])
    lock.write_pid(os.getpid())
    try:
        return Outcome(serve(config, console=True), [])
    finally:
        config.daemon.pid_file.unlink(missing_ok=True)
        lock.close()


def start(config: Config) -> Outcome:
    """Detach a daemon and return once it reports it is up (exit 0) or why it failed (exit 1)."""
    import daemon as python_daemon

    lock = PidLock(config.daemon.pid_file)
    if not lock.acquire():
        lock.close()
        return Outcome(c.EXIT_ERROR, [f"already running (PID {read_pid(config.daemon.pid_file)})"])
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the detached process
        os.close(read_end)
        code = c.EXIT_ERROR
        try:
            umask = os.umask(0o077)  # the caller's (cli.keep_files_private): kept, not loosened to 022
            with python_daemon.DaemonContext(working_directory=str(config.root), umask=umask | 0o077, signal_map={},
                                             files_preserve=[lock.fd, write_end]):
                lock.write_pid(os.getpid())
                code = serve(config, console=False, ready_fd=write_end)
                config.daemon.pid_file.unlink(missing_ok=True)
        except BaseException as exc:  # noqa: BLE001
            _notify(write_end, f"error {type(exc).__name__}: {exc}")
        os._exit(code)
    os.close(write_end)
    lock.close()  # the daemon keeps its own descriptor, and with it the lock
    os.waitpid(child, 0)
    message = _read_line(read_end, config.daemon.start_timeout_seconds)
    os.close(read_end)
    if message.startswith("ok "):
        _, pid, note = message.split()
        lines = [f"started (PID {pid}); store: {store_description(config)}; logs in {config.daemon.log_file}"]
        web = (read_state(config, int(pid)) or {}).get("web") or {}
        if web.get("url"):
            lines.append(f"review page: {web['url']}")
        lines += [f"warning: the review page is not served: {web['error']}"] if web.get("error") else []
        lines += [f"warning: {warning}" for warning in web.get("warnings") or []]
        lines += [f"warning: {warning}" for warning in config_warnings(config)]
        if note == "store-unreachable":
            lines.append("warning: the store is unreachable; the daemon keeps trying every tick")
        return Outcome(c.EXIT_OK, lines)
    why = message.removeprefix("error ") or "the daemon exited during start-up"
    return Outcome(c.EXIT_ERROR, [f"failed to start: {why} (see {config.daemon.log_file})"])


def _read_line(fd: int, timeout: float) -> str:
    data, deadline = b"", time.time() + timeout
    while b"\n" not in data and time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.time()))
        if not ready:
            break
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        data += chunk
    return data.decode(errors="replace").strip() if data else "no answer from the daemon in time"


def stop(config: Config, timeout: float | None = None) -> Outcome:
    """SIGTERM, wait for the lock to be released, then SIGKILL; remove the PID file."""
    now = state(config)
    if not now.running:
        if now.stale:
            config.daemon.pid_file.unlink(missing_ok=True)
            return Outcome(c.EXIT_OK, [f"not running (removed a stale PID file for PID {now.pid})"])
        return Outcome(c.EXIT_OK, ["not running"])
    assert now.pid is not None
    os.kill(now.pid, signal.SIGTERM)
    timeout = config.daemon.stop_timeout_seconds + 10 if timeout is None else timeout
    if _wait_stopped(config, timeout):
        return Outcome(c.EXIT_OK, [f"stopped (PID {now.pid})"])
    os.kill(now.pid, signal.SIGKILL)
    _wait_stopped(config, 10)
    config.daemon.pid_file.unlink(missing_ok=True)
    return Outcome(c.EXIT_OK, [f"killed (PID {now.pid}) after {timeout:.0f}s without a clean stop; its leases "
                               "will expire"])


def _wait_stopped(config: Config, timeout: float) -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if not state(config).running:
            return True
        time.sleep(0.1)
    return False
