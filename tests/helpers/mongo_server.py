"""Start nx-27017 (a MongoDB wire-protocol server from PyPI) on a free loopback port."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pymongo


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_command() -> list[str]:
    script = Path(sys.executable).parent / "nx-27017"
    if script.exists():
        return [str(script)]
    found = shutil.which("nx-27017")
    if not found:
        raise RuntimeError("nx-27017 is not installed: pip install -r requirements-dev.txt")
    return [found]


class MongoServer:
    """One nx-27017 process; stop() and start() again on the same port keep the data."""

    def __init__(self, workdir: Path, port: int | None = None) -> None:
        self.workdir = workdir
        self.port = port or free_port()
        self.uri = f"mongodb://127.0.0.1:{self.port}/"
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 20.0) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        cmd = _server_command() + ["--host", "127.0.0.1", "-p", str(self.port),
                                   "--data-dir", str(self.workdir / "data"),
                                   "--log-file", str(self.workdir / "server.log"),
                                   "--pid-file", str(self.workdir / "server.pid")]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=open(self.workdir / "stderr.log", "ab"),
                                     env={**os.environ, "PYTHONUNBUFFERED": "1"})
        client = pymongo.MongoClient(self.uri, serverSelectionTimeoutMS=500)
        deadline = time.time() + timeout
        while True:
            try:
                client.admin.command("ping")
                break
            except pymongo.errors.PyMongoError:
                if self.proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError(f"nx-27017 did not start on port {self.port}; see {self.workdir}") from None
                time.sleep(0.1)
        client.close()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
