"""A local fake of the Slack Web API and of response_url endpoints, on 127.0.0.1 (port 0), for tests and benches.

The real slack_sdk clients talk to it over real sockets (`api_url` is the Web API
base URL, with its trailing slash). Every call is recorded with its method, path,
headers and parsed body: JSON bodies (chat.postMessage) and form bodies
(auth.test, users.info) are both parsed, and GET query strings are merged in.
It serves auth.test, apps.connections.open (Socket Mode: answers `socket_url`), users.info (scriptable admin / owner / plain users),
chat.postMessage (returns a ts; keeps each channel's messages with metadata),
chat.postEphemeral, conversations.history (newest first, metadata only with
include_all_metadata), conversations.open, and response_url endpoints handed out
by `response_url()` (each accepts at most 5 posts, as Slack's do). Any method can
be scripted to answer, in order: 429 with Retry-After, a 5xx, or an error code
such as channel_not_found. Like Slack, chat.postMessage refuses bodies over the
Block Kit limits (invalid_blocks, msg_blocks_too_long).
"""
from __future__ import annotations

import itertools
import json
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

RESPONSE_URL_USES = 5


@dataclass
class Call:
    method: str
    """The Web API method ("chat.postMessage") or "response_url"."""
    path: str
    http_verb: str
    body: dict[str, Any]
    headers: dict[str, str]
    at: float


@dataclass
class Scripted:
    status: int = 200
    error: str | None = None
    retry_after: int | None = None
    body: dict | None = None
    delay: float = 0.0


@dataclass
class FakeSlack:
    team_id: str = "T0FAKE"
    team: str = "Fake Workspace"
    bot_user_id: str = "UBOT"
    bot_name: str = "briefbot"
    socket_url: str | None = None
    """What apps.connections.open answers (Socket Mode); a test serves the websocket."""
    tokens: set[str] | None = None
    """Accepted tokens; None accepts any xoxb- (and xapp- for apps.connections.open). No token: not_authed."""
    calls: list[Call] = field(default_factory=list)
    users: dict[str, dict] = field(default_factory=dict)
    messages: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    responses: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    scripts: dict[str, deque] = field(default_factory=lambda: defaultdict(deque))
    server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _ts: Any = field(default_factory=lambda: itertools.count(1))
    _ids: Any = field(default_factory=lambda: itertools.count(1))

    # ---- addresses ---------------------------------------------------------------------------------
    @property
    def base(self) -> str:
        assert self.server is not None, "start() the fake first"
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def api_url(self) -> str:
        return self.base + "/api/"

    def response_url(self) -> str:
        return f"{self.base}/response/{next(self._ids)}"

    # ---- scripting -----------------------------------------------------------------------------------
    def add_user(self, user_id: str, *, is_admin: bool = False, is_owner: bool = False,
                 tz: str = "Europe/London", deleted: bool = False) -> None:
        self.users[user_id] = {"id": user_id, "team_id": self.team_id, "name": user_id.lower(), "deleted": deleted,
                               "is_admin": is_admin, "is_owner": is_owner, "is_primary_owner": False,
                               "is_bot": False, "tz": tz}

    def script(self, method: str, *, status: int = 200, error: str | None = None, retry_after: int | None = None,
               body: dict | None = None, delay: float = 0.0, times: int = 1) -> None:
        """The next `times` calls of `method` get this answer instead of the normal one."""
        for _ in range(times):
            self.scripts[method].append(Scripted(status, error, retry_after, body, delay))

    # ---- reading what happened ---------------------------------------------------------------------
    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def posted_to(self, response_url: str) -> list[dict]:
        with self._lock:
            return list(self.responses[urlsplit(response_url).path])

    def wait_for(self, predicate, timeout: float = 5.0, interval: float = 0.01):
        """Polls until predicate() is truthy (returns it) or fails the test after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"fake Slack: condition not met within {timeout} s; calls: "
                                     f"{[c.method for c in self.calls][-20:]}")
            time.sleep(interval)

    async def await_for(self, predicate, timeout: float = 5.0, interval: float = 0.01):
        import asyncio
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"fake Slack: condition not met within {timeout} s; calls: "
                                     f"{[c.method for c in self.calls][-20:]}")
            await asyncio.sleep(interval)

    # ---- serving -------------------------------------------------------------------------------------
    def start(self) -> "FakeSlack":
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                fake._handle(self, "GET")

            def do_POST(self):
                fake._handle(self, "POST")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="fake-slack", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> "FakeSlack":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _handle(self, request: BaseHTTPRequestHandler, verb: str) -> None:
        parts = urlsplit(request.path)
        length = int(request.headers.get("Content-Length") or 0)
        raw = request.rfile.read(length) if length else b""
        body = _parse_body(raw, request.headers.get("Content-Type", ""))
        body = {**dict(parse_qsl(parts.query)), **body}
        if parts.path.startswith("/response/"):
            method = "response_url"
        elif parts.path.startswith("/api/"):
            method = parts.path[len("/api/"):]
        else:
            return _send(request, 404, {"ok": False, "error": "unknown_path"})
        call = Call(method, parts.path, verb, body, dict(request.headers.items()), time.monotonic())
        with self._lock:
            self.calls.append(call)
        if method != "response_url" and not self._authorised(request, body, method):
            return _send(request, 200, {"ok": False, "error": "not_authed"})
        with self._lock:
            scripted = self.scripts[method].popleft() if self.scripts[method] else None
        if scripted is not None:
            if scripted.delay:
                time.sleep(scripted.delay)
            if scripted.status >= 500:
                return _send_raw(request, scripted.status, b"<html>upstream failure</html>", "text/html")
            headers = {"Retry-After": str(scripted.retry_after)} if scripted.retry_after is not None else {}
            payload = scripted.body or {"ok": scripted.error is None and scripted.status == 200,
                                        **({"error": scripted.error} if scripted.error else {})}
            if scripted.status == 429 and "error" not in payload:
                payload = {"ok": False, "error": "ratelimited"}
            return _send(request, scripted.status, payload, headers)
        if method == "response_url":
            return self._response_url(request, parts.path, body)
        handler = getattr(self, "_api_" + method.replace(".", "_"), None)
        if handler is None:
            return _send(request, 200, {"ok": False, "error": "unknown_method"})
        status, payload = handler(body)
        _send(request, status, payload)

    def _authorised(self, request: BaseHTTPRequestHandler, body: dict, method: str) -> bool:
        """Strict like Slack: every Web API call carries a bot or app token (header or form field)."""
        auth = request.headers.get("Authorization") or ""
        token = auth[len("Bearer "):] if auth.startswith("Bearer ") else str(body.get("token") or "")
        wanted = "xapp-" if method == "apps.connections.open" else "xoxb-"
        return token.startswith(wanted) and (self.tokens is None or token in self.tokens)

    # ---- the Web API methods ---------------------------------------------------------------------------
    def _api_auth_test(self, body):
        return 200, {"ok": True, "url": "https://fake.slack.test/", "team": self.team, "team_id": self.team_id,
                     "user": self.bot_name, "user_id": self.bot_user_id, "bot_id": "BFAKE"}

    def _api_apps_connections_open(self, body):
        """Socket Mode: the websocket URL set in `socket_url` (a test serves it)."""
        return 200, {"ok": True, "url": self.socket_url or "ws://127.0.0.1:9/none"}

    def _api_users_info(self, body):
        user = self.users.get(body.get("user", ""))
        if user is None:
            return 200, {"ok": False, "error": "user_not_found"}
        return 200, {"ok": True, "user": user}

    def _api_conversations_open(self, body):
        users = body.get("users", "")
        if not users:
            return 200, {"ok": False, "error": "users_list_not_supplied"}
        return 200, {"ok": True, "channel": {"id": "D" + users.replace(",", "")}}

    def _api_chat_postMessage(self, body):
        error = _block_kit_error(body)
        if error:
            return 200, {"ok": False, "error": error}
        channel = body.get("channel", "")
        if not channel:
            return 200, {"ok": False, "error": "channel_not_found"}
        ts = f"1700000000.{next(self._ts):06d}"
        message = {"type": "message", "user": self.bot_user_id, "ts": ts, "text": body.get("text", ""),
                   "blocks": body.get("blocks", [])}
        if body.get("metadata"):
            message["metadata"] = body["metadata"]
        with self._lock:
            self.messages[channel].append(message)
        return 200, {"ok": True, "channel": channel, "ts": ts, "message": message}

    def _api_chat_postEphemeral(self, body):
        error = _block_kit_error(body)
        if error:
            return 200, {"ok": False, "error": error}
        with self._lock:
            self.messages["ephemeral:" + body.get("channel", "") + ":" + body.get("user", "")].append(body)
        return 200, {"ok": True, "message_ts": f"1700000000.{next(self._ts):06d}"}

    def _api_conversations_history(self, body):
        channel = body.get("channel", "")
        limit = int(body.get("limit") or 100)
        with_metadata = str(body.get("include_all_metadata", "")).lower() in ("1", "true")
        with self._lock:
            stored = list(reversed(self.messages.get(channel, [])))[:limit]
        out = [m if with_metadata else {k: v for k, v in m.items() if k != "metadata"} for m in stored]
        return 200, {"ok": True, "messages": out, "has_more": False}

    def _response_url(self, request, path: str, body: dict) -> None:
        with self._lock:
            used = len(self.responses[path])
            if used >= RESPONSE_URL_USES:
                self.calls[-1].body["_refused"] = True
                refused = True
            else:
                self.responses[path].append(body)
                refused = False
        if refused:
            return _send_raw(request, 404, b"used_url", "text/plain")
        error = _block_kit_error(body)
        if error:
            return _send_raw(request, 400, error.encode(), "text/plain")
        _send_raw(request, 200, b"ok", "text/plain")


def _block_kit_error(body: dict) -> str | None:
    blocks = body.get("blocks") or []
    if isinstance(blocks, str):
        try:
            blocks = json.loads(blocks)
        except ValueError:
            return "invalid_blocks_format"
    if len(blocks) > 50:
        return "invalid_blocks"
    texts: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    texts.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(blocks)
    for block in blocks:
        if block.get("type") == "section" and len(block.get("text", {}).get("text", "")) > 3000:
            return "invalid_blocks"
        if block.get("type") == "header" and len(block["text"]["text"]) > 150:
            return "invalid_blocks"
        if len(block.get("fields", [])) > 10:
            return "invalid_blocks"
    if sum(map(len, texts)) >= 12_000:
        return "msg_blocks_too_long"
    if len(body.get("text", "") or "") > 40_000:
        return "msg_too_long"
    return None


def _parse_body(raw: bytes, content_type: str) -> dict:
    if not raw:
        return {}
    text = raw.decode("utf-8", "replace")
    if "json" in content_type:
        try:
            value = json.loads(text)
        except ValueError:
            return {"_raw": text}
        return value if isinstance(value, dict) else {"_json": value}
    if "form" in content_type:
        return dict(parse_qsl(text, keep_blank_values=True))
    return {"_raw": text}


def _send(request, status: int, payload: dict, headers: dict | None = None) -> None:
    _send_raw(request, status, json.dumps(payload).encode(), "application/json; charset=utf-8", headers)


def _send_raw(request, status: int, data: bytes, content_type: str, headers: dict | None = None) -> None:
    try:
        request.send_response(status)
        request.send_header("Content-Type", content_type)
        request.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            request.send_header(key, value)
        request.end_headers()
        request.wfile.write(data)
    except (BrokenPipeError, ConnectionResetError):
        pass


# ---- the other direction: requests as Slack sends them to the app (HTTP mode) -----------------------------
def sign(secret: str, body: str, timestamp: int | None = None) -> dict[str, str]:
    """Slack's v0 signature headers: HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret."""
    import hashlib
    import hmac
    ts = str(int(time.time() if timestamp is None else timestamp))
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Signature": f"v0={digest}", "X-Slack-Request-Timestamp": ts,
            "Content-Type": "application/x-www-form-urlencoded"}


def slash_command_body(command: str, text: str, response_url: str, *, user_id: str = "U0MEMBER",
                       channel_id: str = "C0GENERAL", channel_name: str = "general", team_id: str = "T0FAKE") -> str:
    from urllib.parse import urlencode
    return urlencode({"token": "legacy-unused", "team_id": team_id, "team_domain": "fake",
                      "channel_id": channel_id, "channel_name": channel_name, "user_id": user_id,
                      "user_name": user_id.lower(), "command": command, "text": text, "api_app_id": "A0FAKE",
                      "response_url": response_url, "trigger_id": "1.2.3"})


def block_action_body(value: str, response_url: str, *, action_id: str = "briefbot_share",
                      user_id: str = "U0MEMBER", channel_id: str = "C0GENERAL", team_id: str = "T0FAKE") -> str:
    from urllib.parse import urlencode
    payload = {"type": "block_actions", "team": {"id": team_id, "domain": "fake"},
               "user": {"id": user_id, "username": user_id.lower(), "team_id": team_id},
               "api_app_id": "A0FAKE", "token": "legacy-unused", "trigger_id": "1.2.3",
               "container": {"type": "message", "message_ts": "1700000000.000001", "channel_id": channel_id,
                             "is_ephemeral": True},
               "channel": {"id": channel_id, "name": "general"}, "response_url": response_url,
               "actions": [{"type": "button", "action_id": action_id, "block_id": "briefbot_share_actions",
                            "value": value, "action_ts": "1700000001.000001",
                            "text": {"type": "plain_text", "text": "Share to channel"}}]}
    return urlencode({"payload": json.dumps(payload)})
