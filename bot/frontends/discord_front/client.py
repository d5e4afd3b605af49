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
from concurrent.futures import ThreadPoolExecutor

import discord

from foundation.settings import Settings
from bot.core.context import Services
from bot.frontends.discord_front.endpoints import apply_endpoints
from bot.frontends.discord_front.respond import Responder
from bot.frontends.discord_front.sender import DiscordSender
from bot.frontends.discord_front.tree import BriefbotTree, register_commands

log = logging.getLogger(__name__)

MAX_RATELIMIT_WAIT = 60.0
"""A longer 429 wait is not slept through: the sender reports it as retryable to the outbox."""


class BriefbotClient(discord.Client):
    def __init__(self, services: Services | None, executor: ThreadPoolExecutor, *, guild_ready_timeout: float = 2.0):
        """`services` may be None only to declare the tree (`briefbot discord sync`), never to serve."""
        intents = discord.Intents.none()
        intents.guilds = True
        super().__init__(intents=intents, guild_ready_timeout=guild_ready_timeout,
                         allowed_mentions=discord.AllowedMentions.none(), max_ratelimit_timeout=MAX_RATELIMIT_WAIT)
        self.responder = Responder(services, executor)
        self.tree = BriefbotTree(self)
        register_commands(self.tree, self.responder)

    async def on_ready(self) -> None:
        log.info("Discord: connected as %s (%s guilds)", self.user, len(self.guilds))


class DiscordFrontEnd:
    name = "discord"

    def __init__(self, token: str, services: Services, *, guild_ready_timeout: float = 2.0):
        self._token = token
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefbot-discord-core")
        self.client = BriefbotClient(services, self.executor, guild_ready_timeout=guild_ready_timeout)
        self.sender = DiscordSender(self.client)
        self._task: asyncio.Task | None = None

    async def start(self) -> None:
        await self.client.login(self._token)
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
            await self.client.close()
            if self._task is not None:
                done, _ = await asyncio.wait([self._task], timeout=5)
                if not done:
                    self._task.cancel()
        finally:
            self.executor.shutdown(wait=False, cancel_futures=True)


def build_front_end(settings: Settings, services: Services, **options) -> DiscordFrontEnd | None:
    """None without DISCORD_BOT_TOKEN. Applies DISCORD_API_URL / DISCORD_GATEWAY_URL process-wide."""
    if not settings.discord_bot_token:
        return None
    apply_endpoints(settings.discord_api_url, settings.discord_gateway_url)
    return DiscordFrontEnd(settings.discord_bot_token, services, **options)
