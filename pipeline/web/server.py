"""Serving the review page: the socket is bound first (so the address, port 0 included, is known
and a taken port is a clear error before anything is printed), then uvicorn serves that socket,
in the foreground (`main.py web`) or on a thread of the daemon.

Any address but a loopback one is refused unless WEB_TOKEN is set: the page shows and changes
what the pipeline sends in the person's name.
"""

import socket
import threading

import uvicorn

from pipeline import constants as c
from pipeline.config.loading import Config
from pipeline.errors import ConfigError
from pipeline.web.app import make_app
from pipeline.web.security import is_loopback, url_host


def check_host(host: str, token: str | None, where: str = "web.host") -> list[str]:
    """Warnings for serving on `host`; ConfigError when it is not loopback and there is no token."""
    if is_loopback(host):
        return []
    if not token:
        raise ConfigError(f"{host} is not a loopback address: anyone who can reach this machine could read and "
                          f"send your drafts. Set {c.ENV_WEB_TOKEN} in .env (every request must then give it), or "
                          "serve on 127.0.0.1", key=where)
    return [f"serving on {host}, which other machines may reach: every request must give {c.ENV_WEB_TOKEN}; the "
            "page is plain HTTP, so use it only on a network you trust (or behind a TLS proxy)"]


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port (0: a free port); OSError when it cannot be had."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                         flags=socket.AI_PASSIVE)[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


class PageServer:
    """The review page on its own socket. `run()` serves in the foreground until SIGINT or SIGTERM;
    `start()` serves on a thread until `stop()` (the daemon)."""

    def __init__(self, config: Config, host: str | None = None, port: int | None = None,
                 where: str = "web.host") -> None:
        self.host = host or config.web.host
        self.warnings = check_host(self.host, config.web_token, where)
        self.socket = bind(self.host, config.web.port if port is None else port)
        self.url = f"http://{url_host(self.host)}:{self.socket.getsockname()[1]}/"
        settings = uvicorn.Config(make_app(config, host=self.host), log_config=None, access_log=False, lifespan="off",
                                  server_header=False, proxy_headers=False, timeout_graceful_shutdown=3)
        self.server = uvicorn.Server(settings)
        self.thread: threading.Thread | None = None

    def run(self) -> None:
        try:
            self.server.run(sockets=[self.socket])
        finally:
            self.socket.close()

    def start(self) -> None:
        self.thread = threading.Thread(target=self.run, name="review-page", daemon=True)
        self.thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self.server.should_exit = True
        if self.thread:
            self.thread.join(timeout)
