"""The Slack front end run by `briefbot run`: Socket Mode or HTTP mode, chosen from the settings.

Rules: nothing is built at import time. `build_front_end` returns None without
SLACK_BOT_TOKEN (Slack is simply not used); with it, SLACK_APP_TOKEN selects
Socket Mode and otherwise SLACK_SIGNING_SECRET is required for HTTP mode. A
missing or malformed variable raises ConfigError naming it (one clear line).
`start()` checks the token with auth.test first, so a wrong token or
SLACK_API_URL fails at start with the variable's name rather than on the first
command; `stop()` closes the connection or the server and the core's worker.
"""
from __future__ import annotations

import asyncio

import logging
from dataclasses import dataclass

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from foundation.settings import ConfigError, Settings
from bot.core.context import Services
from bot.frontends.slack_front.bolt_app import build_app
from bot.frontends.slack_front.client import api_base_url, client_for
from bot.frontends.slack_front.handlers import CoreRunner
from bot.frontends.slack_front.sender import SlackSender
from bot.frontends.slack_front.server import Limits, SlackHttpServer

log = logging.getLogger(__name__)

TOKEN_ERRORS = ("invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive")


@dataclass(frozen=True)
class SlackMode:
    name: str
    """socket | http"""
    detail: str


def check_settings(settings: Settings) -> SlackMode | None:
    """None when Slack is not configured; raises ConfigError naming a missing or malformed variable."""
    token = settings.slack_bot_token
    if not token:
        if settings.slack_app_token or settings.slack_signing_secret:
            raise ConfigError("SLACK_BOT_TOKEN is missing: set it to the bot token (xoxb-...) to run Slack")
        return None
    if not token.startswith("xoxb-"):
        raise ConfigError("SLACK_BOT_TOKEN must be a bot token starting with xoxb- "
                          "(OAuth & Permissions > Bot User OAuth Token)")
    if settings.slack_app_token:
        if not settings.slack_app_token.startswith("xapp-"):
            raise ConfigError("SLACK_APP_TOKEN must be an app-level token starting with xapp- "
                              "(Basic Information > App-Level Tokens, scope connections:write)")
        return SlackMode("socket", "Socket Mode")
    if not settings.slack_signing_secret:
        raise ConfigError("SLACK_SIGNING_SECRET is missing: HTTP mode needs it (Basic Information > Signing Secret); "
                          "or set SLACK_APP_TOKEN for Socket Mode")
    url = api_base_url(settings)
    if not url.startswith(("http://", "https://")):
        raise ConfigError(f"SLACK_API_URL must be an http(s) URL, got {settings.slack_api_url!r}")
    return SlackMode("http", f"HTTP mode on http://{settings.http_host}:{settings.http_port}/slack/events")


async def auth_check(client: AsyncWebClient, settings: Settings) -> dict:
    """auth.test; a refused token or an unusable SLACK_API_URL becomes a ConfigError naming the variable."""
    try:
        return dict((await client.auth_test()).data)
    except SlackApiError as err:
        data = err.response.data if err.response is not None and isinstance(err.response.data, dict) else {}
        code = data.get("error")
        if code in TOKEN_ERRORS:
            raise ConfigError(f"SLACK_BOT_TOKEN was rejected by Slack ({code})") from None
        status = getattr(err.response, "status_code", "?")
        raise ConfigError(f"SLACK_API_URL {api_base_url(settings)} did not answer auth.test "
                          f"({code or f'HTTP {status}'})") from None


async def app_token_check(client: AsyncWebClient, settings: Settings) -> None:
    """apps.connections.open once: slack_sdk's Socket Mode client would retry a refused app token forever."""
    try:
        await client.apps_connections_open(app_token=settings.slack_app_token)
    except SlackApiError as err:
        data = err.response.data if err.response is not None and isinstance(err.response.data, dict) else {}
        code = data.get("error") or f"HTTP {getattr(err.response, 'status_code', '?')}"
        raise ConfigError(f"SLACK_APP_TOKEN was rejected by Slack ({code}): it needs the connections:write "
                          "scope, and Socket Mode must be on in the app settings") from None


class SlackFrontEnd:
    name = "slack"

    def __init__(self, settings: Settings, services: Services, *, client: AsyncWebClient | None = None,
                 mode: SlackMode | None = None):
        self.settings = settings
        self.mode = mode or check_settings(settings) or SlackMode("http", "HTTP mode")
        self.client = client or client_for(settings)
        self.runner = CoreRunner(services)
        self.app = build_app(settings, services, self.client, runner=self.runner)
        self.sender = SlackSender(self.client)
        self.server: SlackHttpServer | None = None
        self.http_limits = Limits()
        """HTTP mode's timeouts and caps (tests and the soak bench shorten them before start())."""
        self.socket_handler = None
        self.identity: dict = {}

    async def start(self) -> None:
        self.identity = await auth_check(self.client, self.settings)
        if self.mode.name == "socket":
            from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
            await app_token_check(self.client, self.settings)
            self.socket_handler = AsyncSocketModeHandler(self.app, self.settings.slack_app_token,
                                                         web_client=self.client)
            await self.socket_handler.connect_async()
            log.info("Slack: connected in Socket Mode as %s to %s", self.identity.get("user"), self.identity.get("team"))
        else:
            self.server = SlackHttpServer(self.app, self.settings.http_host, self.settings.http_port,
                                          signing_secret=self.settings.slack_signing_secret, limits=self.http_limits)
            await self.server.start()
            log.info("Slack: %s as %s to %s", self.server.url, self.identity.get("user"), self.identity.get("team"))

    async def stop(self) -> None:
        try:
            if self.socket_handler is not None:
                await self.socket_handler.close_async()
            if self.server is not None:
                await self.server.stop()
        finally:
            await asyncio.to_thread(self.runner.close)  # waits (bounded) for a lookup using our store


def build_front_end(settings: Settings, services: Services, *, client: AsyncWebClient | None = None
                    ) -> SlackFrontEnd | None:
    mode = check_settings(settings)
    if mode is None:
        return None
    return SlackFrontEnd(settings, services, client=client, mode=mode)
