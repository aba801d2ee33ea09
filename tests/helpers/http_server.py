"""A real HTTP server on 127.0.0.1 that serves recorded responses, for source and fetcher tests."""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


class Server(ThreadingHTTPServer):
    """A listen backlog of 128, not socketserver's 5: ten clients connecting at once would
    otherwise see dropped SYNs retried after a second, a stall that is the server's, not ours."""

    request_queue_size = 128
    daemon_threads = True


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "text/html; charset=utf-8"


Route = Callable[[dict[str, str]], Reply] | Reply | list[Reply]


def fixture(*parts: str) -> str:
    return (FIXTURES.joinpath(*parts)).read_text(encoding="utf-8")


class RecordedServer:
    """Routes by path; a list of replies is served in order (the last one repeats). Used as an
    HTTP proxy, it also routes by "//host/path", so sample sites can have their own host names."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str], dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                parts = urlsplit(self.path)  # an absolute URI when the server is used as a proxy
                query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
                path = f"//{parts.netloc}{parts.path}" if f"//{parts.netloc}{parts.path}" in server.routes \
                    else parts.path
                server.requests.append((path, query, dict(self.headers)))
                reply = server._reply(path, query)
                body = reply.body.encode() if isinstance(reply.body, str) else reply.body
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(body)))
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def _reply(self, path: str, query: dict[str, str]) -> Reply:
        route = self.routes.get(path)
        if route is None:
            prefix = max((p for p in self.routes if p.endswith("*") and path.startswith(p[:-1])), key=len,
                         default=None)
            route = self.routes.get(prefix) if prefix else None
        if route is None:
            return Reply(404, "not found")
        if isinstance(route, list):
            return route.pop(0) if len(route) > 1 else route[0]
        return route(query) if callable(route) else route

    def paths(self) -> list[str]:
        return [p for p, _, _ in self.requests]

    def __enter__(self) -> "RecordedServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
