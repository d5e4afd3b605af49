"""A local fake Discord on 127.0.0.1: REST API and gateway websocket, for the real discord.py client.

It runs an aiohttp server in its own thread and event loop (so any test, sync or
async, and any subprocess given its URLs can use it). What it models, because
discord.py 2.7 depends on it:
- JSON answers carry exactly `Content-Type: application/json` (aiohttp's
  `json_response` adds a charset, and discord.py then treats the body as text);
- login: `GET /users/@me`, `GET /oauth2/applications/@me`;
- the gateway: HELLO (op 10), heartbeat ACK (op 11), IDENTIFY (op 2) -> READY
  (with session_id and resume_gateway_url) then GUILD_CREATE per guild, as text
  frames (no compression);
- INTERACTION_CREATE injection (type 2 command, type 4 autocomplete) and the
  callback `POST /interactions/{id}/{token}/callback?with_response=1`, answered
  with `{"interaction": ..., "resource": ...}`; follow-ups `POST /webhooks/{app}/{token}`;
- channel messages (POST echoes `nonce`; with `enforce_nonce` a repeated nonce
  returns the first message instead of posting twice; GET lists newest first),
  DM channels, command sync (PUT echoes the commands with ids);
- scripted failures: 429 with Retry-After, X-RateLimit-* and `Via` (without
  `Via` discord.py takes a 429 for a Cloudflare ban), or any status and body.
Every request is recorded with its method, path, query, JSON body and time.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

JSON = {"Content-Type": "application/json"}
MANAGE_GUILD = 1 << 5
MANAGE_CHANNELS = 1 << 4
PLAIN_MEMBER = (1 << 10) | (1 << 11) | (1 << 31)  # view channel, send messages, use application commands


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    body: Any
    at: float
    status: int = 0


@dataclass
class Scripted:
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


def user(user_id: int, name: str, bot: bool = False) -> dict:
    return {"id": str(user_id), "username": name, "discriminator": "0", "global_name": name,
            "avatar": None, "bot": bot, "public_flags": 0}


class FakeDiscord:
    def __init__(self, *, app_id: int = 4000, bot_id: int = 4001, guild_id: int = 5000,
                 channel_ids: tuple[int, ...] = (5100, 5101), owner_id: int = 6000):
        self.app_id, self.bot_id, self.guild_id, self.owner_id = app_id, bot_id, guild_id, owner_id
        self.bot_user = user(bot_id, "briefbot", bot=True)
        self.channels: dict[str, list[dict]] = {str(c): [] for c in channel_ids}
        self.dm_channels: dict[str, str] = {}
        self.requests: list[Recorded] = []
        self.gateway_events: list[dict] = []
        """Payloads the client sent over the gateway (IDENTIFY, heartbeats)."""
        self.synced: dict[str, list[dict]] = {}
        self._scripts: list[tuple[str, re.Pattern, deque]] = []
        self._ids = itertools.count(900_000)
        self._sockets: list[web.WebSocketResponse] = []
        self._seq = itertools.count(1)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self.port = 0

    # ---- lifecycle -------------------------------------------------------------------------
    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    def start(self) -> "FakeDiscord":
        ready = threading.Event()
        self._loop = asyncio.new_event_loop()

        def run():
            asyncio.set_event_loop(self._loop)
            self._loop.run_until_complete(self._serve())
            ready.set()
            self._loop.run_forever()

        self._thread = threading.Thread(target=run, name="fake-discord", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("fake Discord did not start")
        return self

    async def _serve(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]

    def stop(self) -> None:
        if self._loop is None:
            return

        async def shutdown():
            for ws in list(self._sockets):
                await ws.close()
            if self._runner:
                await self._runner.cleanup()

        try:
            asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(5)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(5)
            self._loop.close()
            self._loop = None

    def __enter__(self) -> "FakeDiscord":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # ---- scripting -------------------------------------------------------------------------
    def script(self, method: str, path_regex: str, status: int, body: Any = None,
               headers: dict[str, str] | None = None, times: int = 1) -> None:
        """The next `times` requests matching method and path (after /api/v10) get this answer."""
        queue = deque(Scripted(status, body if body is not None else {}, headers or {}) for _ in range(times))
        self._scripts.append((method.upper(), re.compile(path_regex), queue))

    def rate_limit(self, method: str, path_regex: str, retry_after: float, times: int = 1) -> None:
        """Answer 429 as Discord does, with the headers discord.py reads."""
        headers = {"Retry-After": str(max(1, round(retry_after))), "X-RateLimit-Limit": "5",
                   "X-RateLimit-Remaining": "0", "X-RateLimit-Reset-After": str(retry_after),
                   "X-RateLimit-Bucket": "fake-bucket", "X-RateLimit-Scope": "user", "Via": "1.1 google"}
        body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": False}
        self.script(method, path_regex, 429, body, headers, times)

    def _scripted(self, method: str, path: str) -> Scripted | None:
        for m, pattern, queue in self._scripts:
            if m == method and queue and pattern.fullmatch(path):
                return queue.popleft()
        return None

    # ---- queries for tests -----------------------------------------------------------------
    def find(self, method: str, path_regex: str) -> list[Recorded]:
        pattern = re.compile(path_regex)
        return [r for r in list(self.requests) if r.method == method and pattern.fullmatch(r.path)]

    def wait_for(self, method: str, path_regex: str, count: int = 1, timeout: float = 5.0) -> list[Recorded]:
        """Blocking poll (use from a thread or a sync test); see `await_for` inside an event loop."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.find(method, path_regex)
            if len(found) >= count:
                return found
            time.sleep(0.01)
        raise AssertionError(f"expected {count} x {method} {path_regex}; got {[(r.method, r.path) for r in self.requests]}")

    async def await_for(self, method: str, path_regex: str, count: int = 1, timeout: float = 5.0) -> list[Recorded]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.find(method, path_regex)
            if len(found) >= count:
                return found
            await asyncio.sleep(0.01)
        raise AssertionError(f"expected {count} x {method} {path_regex}; got {[(r.method, r.path) for r in self.requests]}")

    def responses_to(self, interaction: dict) -> list[Recorded]:
        """Callback and follow-up requests for one injected interaction, in order."""
        token = interaction["token"]
        return [r for r in list(self.requests)
                if r.method in ("POST", "PATCH") and (f"/interactions/{interaction['id']}/{token}/" in r.path + "/"
                                                      or r.path.startswith(f"/webhooks/{self.app_id}/{token}"))]

    # ---- interactions ----------------------------------------------------------------------
    def interaction(self, name: str, options: dict[str, Any] | None = None, *, user_id: int = 7000,
                    permissions: int = PLAIN_MEMBER, channel_id: int | None = None, focused: str | None = None,
                    dm: bool = False) -> dict:
        """Build and send an INTERACTION_CREATE: a command (type 2), or autocomplete (type 4) when `focused`."""
        iid = next(self._ids)
        channel_id = channel_id or int(next(iter(self.channels)))
        opts = [{"name": k, "type": 3, "value": v, **({"focused": True} if k == focused else {})}
                for k, v in (options or {}).items()]
        payload: dict[str, Any] = {
            "id": str(iid), "application_id": str(self.app_id), "type": 4 if focused else 2,
            "token": f"tok{iid}", "version": 1, "attachment_size_limit": 8 * 1024 * 1024,
            "channel_id": str(channel_id), "locale": "en-US", "app_permissions": str((1 << 40) - 1),
            "entitlements": [], "authorizing_integration_owners": {"0": str(self.guild_id)},
            "data": {"id": str(next(self._ids)), "name": name, "type": 1, "options": opts},
        }
        who = user(user_id, f"member{user_id}")
        if dm:
            payload["channel"] = {"id": str(channel_id), "type": 1, "recipients": [who]}
            payload["user"] = who
            payload["context"] = 1
        else:
            payload["guild_id"] = str(self.guild_id)
            payload["guild_locale"] = "en-US"
            payload["channel"] = self._channel(str(channel_id))
            payload["member"] = {"user": who, "roles": [], "joined_at": "2026-01-01T00:00:00+00:00",
                                 "permissions": str(permissions), "deaf": False, "mute": False, "flags": 0}
            payload["context"] = 0
        self.dispatch("INTERACTION_CREATE", payload)
        return payload

    def dispatch(self, event: str, data: dict) -> None:
        """Send a gateway DISPATCH to every connected client (thread-safe)."""
        assert self._loop is not None
        asyncio.run_coroutine_threadsafe(self._broadcast(event, data), self._loop).result(5)

    async def _broadcast(self, event: str, data: dict) -> None:
        if not self._sockets:
            raise AssertionError("no gateway client is connected")
        for ws in list(self._sockets):
            await ws.send_str(json.dumps({"op": 0, "t": event, "s": next(self._seq), "d": data}))

    # ---- gateway ---------------------------------------------------------------------------
    def _channel(self, channel_id: str) -> dict:
        return {"id": channel_id, "type": 0, "guild_id": str(self.guild_id), "name": f"chan{channel_id}",
                "position": 0, "permission_overwrites": [], "nsfw": False, "topic": None, "last_message_id": None,
                "rate_limit_per_user": 0, "parent_id": None}

    def guild(self) -> dict:
        return {
            "id": str(self.guild_id), "name": "Fake Guild", "unavailable": False, "owner_id": str(self.owner_id),
            "icon": None, "splash": None, "discovery_splash": None, "features": [], "verification_level": 0,
            "default_message_notifications": 0, "explicit_content_filter": 0, "mfa_level": 0,
            "system_channel_id": None, "system_channel_flags": 0, "rules_channel_id": None, "vanity_url_code": None,
            "description": None, "banner": None, "premium_tier": 0, "preferred_locale": "en-US",
            "public_updates_channel_id": None, "nsfw_level": 0, "premium_progress_bar_enabled": False,
            "member_count": 2, "large": False, "joined_at": "2026-01-01T00:00:00+00:00",
            "roles": [{"id": str(self.guild_id), "name": "@everyone", "permissions": str(PLAIN_MEMBER),
                       "position": 0, "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0}],
            "emojis": [], "stickers": [], "voice_states": [], "presences": [], "threads": [],
            "stage_instances": [], "guild_scheduled_events": [], "soundboard_sounds": [],
            "channels": [self._channel(c) for c in self.channels],
            "members": [{"user": self.bot_user, "roles": [], "joined_at": "2026-01-01T00:00:00+00:00",
                         "deaf": False, "mute": False, "flags": 0}],
        }

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.append(ws)
        try:
            await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                data = json.loads(msg.data)
                self.gateway_events.append(data)
                if data.get("op") == 1:
                    await ws.send_str(json.dumps({"op": 11}))
                elif data.get("op") == 2:
                    ready = {"v": 10, "user": self.bot_user, "guilds": [{"id": str(self.guild_id), "unavailable": True}],
                             "session_id": "fake-session", "resume_gateway_url": self.gateway_url,
                             "application": {"id": str(self.app_id), "flags": 0}, "private_channels": [],
                             "relationships": [], "shard": [0, 1]}
                    await ws.send_str(json.dumps({"op": 0, "t": "READY", "s": next(self._seq), "d": ready}))
                    await ws.send_str(json.dumps({"op": 0, "t": "GUILD_CREATE", "s": next(self._seq), "d": self.guild()}))
                elif data.get("op") == 6:
                    await ws.send_str(json.dumps({"op": 0, "t": "RESUMED", "s": next(self._seq), "d": {}}))
        finally:
            if ws in self._sockets:
                self._sockets.remove(ws)
        return ws

    # ---- REST ------------------------------------------------------------------------------
    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        raw = await request.read()
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = {"_raw": raw[:2000].decode("utf-8", "replace")}
        record = Recorded(request.method, path, dict(request.query), body, time.monotonic())
        self.requests.append(record)
        scripted = self._scripted(request.method, path)
        if scripted is not None:
            status, payload, headers = scripted.status, scripted.body, scripted.headers
        else:
            status, payload, headers = self._answer(request.method, path, body)
        record.status = status
        return web.Response(status=status, body=json.dumps(payload).encode(), headers={**JSON, **headers})

    def _error(self, status: int, code: int, message: str) -> tuple[int, dict, dict]:
        return status, {"code": code, "message": message}, {}

    def _answer(self, method: str, path: str, body: Any) -> tuple[int, Any, dict]:
        if method == "GET" and path == "/users/@me":
            return 200, self.bot_user, {}
        if method == "GET" and path == "/oauth2/applications/@me":
            return 200, {"id": str(self.app_id), "name": "briefbot", "description": "", "icon": None,
                         "bot_public": True, "bot_require_code_grant": False, "verify_key": "00" * 32,
                         "owner": user(self.owner_id, "owner"), "flags": 0}, {}
        m = re.fullmatch(r"/applications/(\d+)(?:/guilds/(\d+))?/commands", path)
        if m and method == "PUT":
            echoed = [{**c, "id": str(next(self._ids)), "application_id": m.group(1), "version": "1",
                       **({"guild_id": m.group(2)} if m.group(2) else {})} for c in body or []]
            self.synced[m.group(2) or "global"] = echoed
            return 200, echoed, {}
        m = re.fullmatch(r"/interactions/(\d+)/([^/]+)/callback", path)
        if m and method == "POST":
            return 200, self._callback(m.group(1), body or {}), {}
        m = re.fullmatch(r"/webhooks/(\d+)/([^/]+)(?:/messages/(@original|\d+))?", path)
        if m:
            data = body or {}
            return 200, self._message(f"webhook-{m.group(2)}", data, webhook_id=m.group(1)), {}
        if method == "POST" and path == "/users/@me/channels":
            recipient = str((body or {}).get("recipient_id"))
            channel_id = self.dm_channels.setdefault(recipient, str(next(self._ids)))
            self.channels.setdefault(channel_id, [])
            return 200, {"id": channel_id, "type": 1, "recipients": [user(int(recipient), "dm-user")],
                         "last_message_id": None}, {}
        m = re.fullmatch(r"/channels/(\d+)/messages", path)
        if m:
            channel_id = m.group(1)
            if channel_id not in self.channels:
                return self._error(404, 10003, "Unknown Channel")
            messages = self.channels[channel_id]
            if method == "GET":
                return 200, list(reversed(messages))[:50], {}
            if method == "POST":
                data = body or {}
                nonce = data.get("nonce")
                if nonce is not None and data.get("enforce_nonce"):
                    for existing in messages:
                        if existing.get("nonce") == nonce:
                            return 200, existing, {}
                message = self._message(channel_id, data)
                messages.append(message)
                return 200, message, {}
        return self._error(404, 0, f"404: Not Found ({method} {path})")

    def _callback(self, interaction_id: str, body: dict) -> dict:
        kind = body.get("type")
        data = body.get("data") or {}
        ephemeral = bool((data.get("flags") or 0) & 64)
        interaction = {"id": interaction_id, "type": 2, "response_message_loading": kind == 5,
                       "response_message_ephemeral": ephemeral}
        resource: dict[str, Any] = {"type": kind}
        if kind in (4, 5):
            message = self._message(f"interaction-{interaction_id}", data)
            interaction["response_message_id"] = message["id"]
            resource["message"] = message
        return {"interaction": interaction, "resource": resource}

    def _message(self, channel_id: str, data: dict, webhook_id: str | None = None) -> dict:
        message = {
            "id": str(next(self._ids)), "channel_id": channel_id if channel_id.isdigit() else str(self.guild_id),
            "author": self.bot_user, "content": data.get("content") or "", "timestamp": "2026-01-26T09:00:00+00:00",
            "edited_timestamp": None, "tts": False, "mention_everyone": False, "mentions": [], "mention_roles": [],
            "attachments": [], "embeds": data.get("embeds") or [], "pinned": False, "type": 0,
            "flags": data.get("flags") or 0, "components": [],
        }
        if data.get("nonce") is not None:
            message["nonce"] = data["nonce"]
        if webhook_id:
            message["webhook_id"] = webhook_id
        return message
