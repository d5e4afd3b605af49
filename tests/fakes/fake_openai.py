"""A local OpenAI-compatible HTTP server on 127.0.0.1 for tests; strict: an empty queue answers 500
and a missing or wrong bearer token 401.

The real `openai` client talks to it over a real socket (openai 3.x uses httpx2,
so transport-level mocks do not see its calls). Answers come from a queue, like
llm's MockModel.enqueue: a content string, a full JSON body, an HTTP status, a
delay (to provoke client timeouts), or a dribble (the answer one byte per interval, which
per-read timeouts never stop). Every request body is recorded.
"""
from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Canned:
    content: str | None = None
    body: dict | None = None
    status: int = 200
    delay: float = 0.0
    dribble: float = 0.0
    """Seconds between bytes of the answer: headers at once, then the body one byte at a time."""


@dataclass
class FakeOpenAI:
    answers: deque = field(default_factory=deque)
    requests: list[dict[str, Any]] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None
    stopping: threading.Event = field(default_factory=threading.Event)
    api_key: str | None = None
    """When set, a request without `Authorization: Bearer <api_key>` answers 401 (a missing bearer always does)."""

    @property
    def base_url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def enqueue(self, content: str | None = None, *, body: dict | None = None, status: int = 200,
                delay: float = 0.0, times: int = 1, dribble: float = 0.0) -> None:
        for _ in range(times):
            self.answers.append(Canned(content, body, status, delay, dribble))

    def start(self) -> "FakeOpenAI":
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    parsed = json.loads(raw or b"{}")
                except ValueError:
                    parsed = {"_raw": raw.decode("utf-8", "replace")}
                fake.requests.append({"path": self.path, "body": parsed,
                                      "authorization": self.headers.get("Authorization")})
                auth = self.headers.get("Authorization") or ""
                if not auth.startswith("Bearer ") or (fake.api_key and auth != f"Bearer {fake.api_key}"):
                    canned = Canned(status=401)
                elif fake.answers:
                    canned = fake.answers.popleft()
                else:  # strict: a test that did not queue an answer must not get a silent empty one
                    canned = Canned(status=500)
                if canned.delay:
                    time.sleep(canned.delay)
                if canned.status != 200:
                    payload = {"error": {"message": f"fake error {canned.status}", "type": "server_error"}}
                else:
                    payload = canned.body or {
                        "id": f"chatcmpl-{len(fake.requests)}", "object": "chat.completion", "created": 0,
                        "model": parsed.get("model", "fake"),
                        "choices": [{"index": 0, "finish_reason": "stop",
                                     "message": {"role": "assistant", "content": canned.content}}],
                        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
                    }
                data = json.dumps(payload).encode()
                try:
                    self.send_response(canned.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    if canned.dribble:
                        self.wfile.flush()
                        for i in range(len(data)):
                            if fake.stopping.wait(canned.dribble):
                                return
                            self.wfile.write(data[i:i + 1])
                            self.wfile.flush()
                    else:
                        self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


def fake_openai_fixture():
    """Use as: `fake_openai = pytest.fixture(fake_openai_fixture)` in a test module."""
    fake = FakeOpenAI().start()
    try:
        yield fake
    finally:
        fake.stop()
