"""The Discord front end: a discord.Client with the command tree, run in the caller's event loop.

Rules: nothing is built at import time; `build_front_end(settings, services)`
returns None when DISCORD_BOT_TOKEN is absent, so `briefbot run` simply skips
Discord. `start()` logs in (a bad token fails here, with discord.LoginFailure)
and then keeps the gateway connection in a background task of the current
loop; `stop()` closes the client and the core's worker thread. The client asks
only for the Guilds intent: application commands need no privileged intent.
"""
from __future__ import annotations

import asyncio
import logging

import discord

from foundation.settings import Settings
from bot.core.context import Services
from bot.core.lanes import Lanes
from bot.frontends.discord_front.endpoints import apply_endpoints
from bot.frontends.discord_front.respond import Responder
from bot.frontends.discord_front.sender import DiscordSender
from bot.frontends.discord_front.tree import BriefbotTree, register_commands

log = logging.getLogger(__name__)

LOGIN_TIMEOUT = 30.0
"""Seconds for the token check at start (GET /users/@me); a stalled API fails the start instead of hanging it."""
MAX_RATELIMIT_WAIT = 60.0
"""A longer 429 wait is not slept through: the sender reports it as retryable to the outbox."""


class BriefbotClient(discord.Client):
    def __init__(self, services: Services | None, executor, *, guild_ready_timeout: float = 2.0,
                 lanes: Lanes | None = None):
        """`services` may be None only to declare the tree (`briefbot discord sync`), never to serve."""
        intents = discord.Intents.none()
        intents.guilds = True
        super().__init__(intents=intents, guild_ready_timeout=guild_ready_timeout,
                         allowed_mentions=discord.AllowedMentions.none(), max_ratelimit_timeout=MAX_RATELIMIT_WAIT)
        self.responder = Responder(services, executor, lanes=lanes)
        self.tree = BriefbotTree(self)
        register_commands(self.tree, self.responder)

    async def on_ready(self) -> None:
        log.info("Discord: connected as %s (%s guilds)", self.user, len(self.guilds))


class DiscordFrontEnd:
    name = "discord"

    def __init__(self, token: str, services: Services, *, guild_ready_timeout: float = 2.0):
        self._token = token
        self.lanes = Lanes(services, "briefbot-discord-core")  # a slow /digest never holds up a lookup
        self.executor = self.lanes.quick
        self.client = BriefbotClient(services, self.executor, guild_ready_timeout=guild_ready_timeout,
                                     lanes=self.lanes)
        self.sender = DiscordSender(self.client)
        self._task: asyncio.Task | None = None

    async def start(self) -> None:
        await asyncio.wait_for(self.client.login(self._token), LOGIN_TIMEOUT)
        self._task = asyncio.create_task(self._run(), name="briefbot-discord-gateway")

    async def _run(self) -> None:
        try:
            await self.client.connect(reconnect=True)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("Discord gateway connection ended with an error")

    async def wait_until_ready(self, timeout: float | None = None) -> None:
        await asyncio.wait_for(self.client.wait_until_ready(), timeout)

    async def stop(self) -> None:
        try:
            await asyncio.wait_for(self.client.close(), 5)
            if self._task is not None:
                done, _ = await asyncio.wait([self._task], timeout=5)
                if not done:
                    self._task.cancel()
        finally:
            await asyncio.to_thread(self.lanes.close)  # waits (bounded) for a lookup using our store


def build_front_end(settings: Settings, services: Services, **options) -> DiscordFrontEnd | None:
    """None without DISCORD_BOT_TOKEN. Applies DISCORD_API_URL / DISCORD_GATEWAY_URL process-wide."""
    if not settings.discord_bot_token:
        return None
    apply_endpoints(settings.discord_api_url, settings.discord_gateway_url)
    return DiscordFrontEnd(settings.discord_bot_token, services, **options)
