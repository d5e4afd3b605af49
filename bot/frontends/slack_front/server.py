"""HTTP mode: Slack's requests served at /slack/events by an aiohttp server on a configured host and port.

Rules: Bolt's `app.start()` is a development server (binds every interface,
blocks, cannot be stopped cleanly), so the app is served through Bolt's aiohttp
adapter on an aiohttp runner that binds exactly BRIEFBOT_HTTP_HOST and
BRIEFBOT_HTTP_PORT (port 0 picks a free port: tests and the bench use that) and
stops cleanly. GET /healthz answers "ok" for load balancers.

The endpoint faces the internet, so it is sturdy on its own (limits in `Limits`):
- a connection that has not sent a whole request head within `header_timeout`
  (slow-loris), or sits idle that long between keep-alive requests, is closed;
- a body not read within `body_timeout` gets 408; bodies over `max_body` 413;
- at most `max_connections` connections at once: further ones are closed at
  once, so the loop and /healthz stay responsive;
- before Bolt sees a request: a missing or non-numeric X-Slack-Request-Timestamp
  or a bad signature is 401, a signed body that is not valid form encoding or
  whose JSON (payload) is malformed is 400; neither logs a traceback, and
  repeated identical warnings are logged once with a count (DedupFilter).
"""
from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass
from urllib.parse import parse_qsl

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.signature import SignatureVerifier

from foundation.log_dedup import deduplicate

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"


@dataclass(frozen=True)
class Limits:
    header_timeout: float = 10.0
    """Seconds for a connection to deliver a whole request head (also the keep-alive idle limit)."""
    body_timeout: float = 10.0
    """Seconds to read a request's body once its head is in."""
    max_connections: int = 1000
    max_body: int = 1 << 20
    backlog: int = 512


class SlackHttpServer:
    def __init__(self, app: AsyncApp, host: str, port: int, path: str = EVENTS_PATH, *,
                 signing_secret: str | None = None, limits: Limits = Limits()):
        self.app = app
        self.host = host
        self.port = port
        self.path = path
        self.limits = limits
        self.verifier = SignatureVerifier(signing_secret) if signing_secret else None
        self.gate = ConnectionGate(limits.max_connections, limits.header_timeout)
        self._runner: web.AppRunner | None = None
        self._server: asyncio.base_events.Server | None = None

    @web.middleware
    async def _track(self, request: web.Request, handler):
        """A request is in: its connection's head deadline stops until the answer, then restarts (keep-alive)."""
        self.gate.request_started(request.transport)
        try:
            return await handler(request)
        finally:
            self.gate.request_finished(request.transport)

    async def _events(self, request: web.Request) -> web.Response:
        try:
            raw = await asyncio.wait_for(request.read(), self.limits.body_timeout)
        except asyncio.TimeoutError:
            log.warning("Slack HTTP: a request body was not sent within %.0f s; closing", self.limits.body_timeout)
            return web.Response(status=408, text="request timeout", headers={"Connection": "close"})
        except web.HTTPRequestEntityTooLarge:
            log.warning("Slack HTTP: a request body over %s bytes refused", self.limits.max_body)
            return web.Response(status=413, text="too large", headers={"Connection": "close"})
        refusal = self._check(request, raw)
        if refusal is not None:
            return refusal
        bolt_request = AsyncBoltRequest(body=raw.decode("utf-8"), query=request.query_string,
                                        headers=request.headers)  # type: ignore[arg-type]
        bolt_response = await self.app.async_dispatch(bolt_request)
        return await to_aiohttp_response(bolt_response)

    def _check(self, request: web.Request, raw: bytes) -> web.Response | None:
        """401 for a missing/non-numeric timestamp or a bad signature, 400 for a malformed signed body."""
        timestamp = request.headers.get("X-Slack-Request-Timestamp", "")
        signature = request.headers.get("X-Slack-Signature", "")
        if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
            log.warning("Slack HTTP: refused a request with a missing or non-numeric X-Slack-Request-Timestamp")
            return web.Response(status=401, text="invalid request")
        if self.verifier is not None and not self.verifier.is_valid(raw, timestamp, signature):
            log.warning("Slack HTTP: refused a request with a bad, stale or missing signature")
            return web.Response(status=401, text="invalid request")
        problem = malformed_body(raw, request.headers.get("Content-Type"))
        if problem:
            log.warning("Slack HTTP: refused a signed request with a malformed body (%s)", problem)
            return web.Response(status=400, text="malformed body")
        return None

    async def _health(self, request: web.Request) -> web.Response:
        return web.Response(text="ok")

    async def start(self) -> None:
        deduplicate(log)
        web_app = web.Application(client_max_size=self.limits.max_body, middlewares=[self._track])
        web_app.add_routes([web.post(self.path, self._events), web.get("/healthz", self._health)])
        self._runner = web.AppRunner(web_app, access_log=None, keepalive_timeout=2 * self.limits.header_timeout,
                                     handle_signals=False)
        await self._runner.setup()
        loop = asyncio.get_running_loop()
        factory = self.gate.wrap(self._runner.server)
        self._server = await loop.create_server(factory, self.host, self.port, backlog=self.limits.backlog,
                                                reuse_address=True)
        self.port = self._server.sockets[0].getsockname()[1]
        log.info("Slack HTTP mode: listening on http://%s:%s%s", self.host, self.port, self.path)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}{self.path}"

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            self.gate.close_all()
            self._server = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


def malformed_body(raw: bytes, content_type: str | None) -> str | None:
    """Why Bolt could not parse this body (it would raise), or None when it is well-formed."""
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "not UTF-8"
    if not body:
        return None
    if (content_type or "").split(";")[0].strip() == "application/json" or body.startswith("{"):
        try:
            return None if isinstance(json.loads(body), dict) else "JSON body is not an object"
        except ValueError:
            return "bad JSON"
    try:
        fields = dict(parse_qsl(body, keep_blank_values=True, strict_parsing=True, errors="strict"))
    except (ValueError, UnicodeDecodeError):
        return "bad form encoding"
    if "payload" in fields:
        try:
            return None if isinstance(json.loads(fields["payload"]), dict) else "payload is not an object"
        except ValueError:
            return "bad JSON in payload"
    return None


class ConnectionGate:
    """Counts connections (closing those over the cap) and closes any that does not deliver a request head
    within `header_timeout` of connecting or of its previous response (keep-alive idle)."""

    def __init__(self, limit: int, header_timeout: float):
        self.limit = limit
        self.header_timeout = header_timeout
        self.open: dict[object, "_Guarded"] = {}
        self.refused = 0
        self.timed_out = 0

    def wrap(self, factory):
        return lambda: _Guarded(factory(), self)

    def request_started(self, transport) -> None:
        guarded = self.open.get(transport)
        if guarded is not None:
            guarded.busy = True
            guarded.disarm()

    def request_finished(self, transport) -> None:
        guarded = self.open.get(transport)
        if guarded is not None:
            guarded.busy = False
            guarded.arm()

    def close_all(self) -> None:
        for guarded in list(self.open.values()):
            guarded.abort()


class _Guarded(asyncio.Protocol):
    """Delegates to aiohttp's protocol; adds the connection cap and the request-head deadline."""

    def __init__(self, inner, gate: ConnectionGate):
        self.inner = inner
        self.gate = gate
        self.transport = None
        self.timer: asyncio.TimerHandle | None = None
        self.busy = False
        self.admitted = False

    def connection_made(self, transport) -> None:
        self.transport = transport
        if len(self.gate.open) >= self.gate.limit:
            self.gate.refused += 1
            log.warning("Slack HTTP: over %s open connections; refusing new ones", self.gate.limit)
            transport.abort()
            return
        self.admitted = True
        self.gate.open[transport] = self
        self.inner.connection_made(transport)
        self.arm()

    def arm(self) -> None:
        self.disarm()
        self.timer = asyncio.get_running_loop().call_later(self.gate.header_timeout, self._expired)

    def disarm(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None

    def _expired(self) -> None:
        self.timer = None
        if not self.busy:
            self.gate.timed_out += 1
            log.warning("Slack HTTP: closed a connection that sent no complete request within %.0f s",
                        self.gate.header_timeout)
            self.abort()

    def abort(self) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.abort()

    def connection_lost(self, exc) -> None:
        self.disarm()
        if self.admitted:
            self.gate.open.pop(self.transport, None)
            self.inner.connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        self.inner.data_received(data)

    def eof_received(self):
        return self.inner.eof_received()

    def pause_writing(self) -> None:
        self.inner.pause_writing()

    def resume_writing(self) -> None:
        self.inner.resume_writing()
