"""Socket Mode: the real front end (slack-bolt's aiohttp Socket Mode handler) against a local websocket.

The fake Web API answers apps.connections.open with the URL of a websocket
served here by aiohttp on 127.0.0.1; the test plays Slack's side of the
protocol: `hello`, then a slash_commands envelope, and expects the envelope's
ack back on the socket and the answer on the fake's response_url.
"""
from __future__ import annotations

import asyncio
import json

import pytest
from aiohttp import WSMsgType, web

from foundation.settings import ConfigError, Settings
from bot.frontends.slack_front import build_front_end
from tests.fakes.fake_slack import FakeSlack




class SocketSide:
    """Slack's end of one Socket Mode websocket."""

    def __init__(self):
        self.connected = asyncio.Event()
        self.received: list[dict] = []
        self.ws: web.WebSocketResponse | None = None
        self.runner: web.AppRunner | None = None
        self.port = 0

    async def handler(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self.ws = ws
        await ws.send_str(json.dumps({"type": "hello", "num_connections": 1,
                                      "connection_info": {"app_id": "A0FAKE"}}))
        self.connected.set()
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                self.received.append(json.loads(message.data))
        return ws

    async def start(self) -> None:
        app = web.Application()
        app.add_routes([web.get("/link", self.handler)])
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = self.runner.addresses[0][1]

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()


def test_socket_mode_receives_a_slash_command_acks_it_and_answers(services, fake_slack):
    env = {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_APP_TOKEN": "xapp-test", "SLACK_API_URL": fake_slack.api_url}

    async def main():
        side = SocketSide()
        await side.start()
        fake_slack.socket_url = f"ws://127.0.0.1:{side.port}/link"
        front = build_front_end(Settings.load(environ=env, env_file=None), services)
        try:
            await front.start()
            assert front.server is None, "Socket Mode opens no HTTP port"
            await asyncio.wait_for(side.connected.wait(), 5)
            url = fake_slack.response_url()
            await side.ws.send_str(json.dumps({
                "envelope_id": "env-1", "type": "slash_commands", "accepts_response_payload": True,
                "payload": {"command": "/model", "text": "kimi-k2.5", "team_id": "T0FAKE", "channel_id": "C0GENERAL",
                            "channel_name": "general", "user_id": "U0MEMBER", "response_url": url,
                            "api_app_id": "A0FAKE", "trigger_id": "1.2.3"}}))
            await fake_slack.await_for(lambda: [m for m in side.received if m.get("envelope_id") == "env-1"])
            posted = await fake_slack.await_for(lambda: fake_slack.posted_to(url))
            return posted
        finally:
            await front.stop()
            await side.stop()

    [posted] = asyncio.run(main())
    assert posted["response_type"] == "ephemeral"
    assert posted["blocks"][0]["type"] == "header" and "Kimi" in posted["blocks"][0]["text"]["text"]
    opened = fake_slack.calls_to("apps.connections.open")
    assert opened and all(c.headers.get("Authorization") == "Bearer xapp-test" for c in opened)


def test_a_refused_app_token_fails_at_start_naming_the_variable(services, fake_slack):
    fake_slack.script("apps.connections.open", error="invalid_auth")
    env = {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_APP_TOKEN": "xapp-bad", "SLACK_API_URL": fake_slack.api_url}

    async def main():
        front = build_front_end(Settings.load(environ=env, env_file=None), services)
        try:
            await front.start()
        finally:
            await front.stop()
    with pytest.raises(ConfigError, match="SLACK_APP_TOKEN was rejected by Slack \\(invalid_auth\\)"):
        asyncio.run(main())
