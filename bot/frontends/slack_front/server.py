"""HTTP mode: Slack's requests served at /slack/events by an aiohttp server on a configured host and port.

Rules: Bolt's `app.start()` is a development server (binds every interface,
blocks, cannot be stopped cleanly), so the app is served through Bolt's aiohttp
adapter on an aiohttp runner that binds exactly BRIEFBOT_HTTP_HOST and
BRIEFBOT_HTTP_PORT (port 0 picks a free port: tests and the bench use that) and
stops cleanly. GET /healthz answers "ok" for load balancers.
"""
from __future__ import annotations

import logging

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"


class SlackHttpServer:
    def __init__(self, app: AsyncApp, host: str, port: int, path: str = EVENTS_PATH):
        self.app = app
        self.host = host
        self.port = port
        self.path = path
        self._runner: web.AppRunner | None = None

    async def _events(self, request: web.Request) -> web.Response:
        bolt_request = await to_bolt_request(request)
        bolt_response = await self.app.async_dispatch(bolt_request)
        return await to_aiohttp_response(bolt_response)

    async def _health(self, request: web.Request) -> web.Response:
        return web.Response(text="ok")

    async def start(self) -> None:
        web_app = web.Application()
        web_app.add_routes([web.post(self.path, self._events), web.get("/healthz", self._health)])
        self._runner = web.AppRunner(web_app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        if self._runner.addresses:  # the bound port, when port 0 was asked
            self.port = self._runner.addresses[0][1]
        log.info("Slack HTTP mode: listening on http://%s:%s%s", self.host, self.port, self.path)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}{self.path}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
