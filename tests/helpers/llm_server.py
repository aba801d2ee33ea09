"""A small OpenAI-compatible server on 127.0.0.1 for the real openai client: POST
/v1/chat/completions answers from a queue of scripted replies (or a function of the request) and
records every request."""

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.helpers.http_server import Server


@dataclass
class Answer:
    content: str = ""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    prompt_tokens: int = 120
    completion_tokens: int = 60
    cost: float | None = None


class LLMServer:
    def __init__(self, default: Answer | None = None) -> None:
        self.queue: list[Answer] = []
        self.default = default or Answer(content="A sample answer.")
        self.requests: list[dict[str, Any]] = []
        self.respond: Callable[[dict[str, Any]], Answer] | None = None  # answers from the request, if set
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                server.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
                answer = server.queue.pop(0) if server.queue else \
                    server.respond(body) if server.respond else server.default
                if answer.delay:
                    time.sleep(answer.delay)
                if answer.status != 200:
                    payload = {"error": {"message": f"scripted {answer.status}", "type": "test"}}
                else:
                    usage = {"prompt_tokens": answer.prompt_tokens, "completion_tokens": answer.completion_tokens,
                             "total_tokens": answer.prompt_tokens + answer.completion_tokens}
                    if answer.cost is not None:
                        usage["cost"] = answer.cost
                    payload = {"id": "chatcmpl-test", "object": "chat.completion", "created": int(time.time()),
                               "model": body.get("model", "test-model"), "usage": usage,
                               "choices": [{"index": 0, "finish_reason": "stop",
                                            "message": {"role": "assistant", "content": answer.content}}]}
                data = json.dumps(payload).encode()
                self.send_response(answer.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for key, value in answer.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "LLMServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
