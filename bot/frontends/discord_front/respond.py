"""From an interaction to the core and back: context, command line, timely answer.

Rules: a front end is thin. Each slash command becomes the equivalent command
line (`/compare a b`) answered by `bot.core.answer.answer`, so every rule stays in the
core. Discord wants a first response within 3 s: the core runs in a single
worker thread (the store's connection is then used by one thread at a time), and
if it has not answered within DEFER_AFTER seconds the interaction is deferred
and the answer follows up. Lookups and errors answer the asker only
(ephemeral). Who may change a channel is the core's rule (bot.core.destinations):
this module only reports Discord's facts (Manage Server / Manage Channels, DM).
"""
from __future__ import annotations

import asyncio
import logging
from concurrent.futures import Executor

import discord

from bot.core.answer import answer
from bot.render.discord_embeds import render_discord
from bot.core.reply import Reply
from bot.core.context import Context, Services

log = logging.getLogger(__name__)

DEFER_AFTER = 2.0
"""Seconds to wait for the core before deferring (Discord's limit is 3 s for the first response)."""
_STRIP_QUOTES = str.maketrans({'"': None, "\u201c": None, "\u201d": None, "\u201e": None, "\u00ab": None,
                               "\u00bb": None, "`": None})


def quote_arg(value: str | None) -> str:
    """One option value as one command-line word: quotes removed inside, added around when needed."""
    text = (value or "").translate(_STRIP_QUOTES).strip()
    if not text:
        return ""
    if any(ch.isspace() for ch in text) or text[0] in "'/":
        return f'"{text}"'
    return text


def command_line(name: str, *args: str | None) -> str:
    words = [quote_arg(a) for a in args]
    return " ".join([f"/{name}", *(w for w in words if w)])


def is_manager(interaction: discord.Interaction) -> bool:
    """Manage Server or Manage Channels here (Administrator implies both); a DM is the user's own."""
    if interaction.guild_id is None:
        return True
    perms = interaction.permissions
    return bool(perms.administrator or perms.manage_guild or perms.manage_channels)


def context_for(interaction: discord.Interaction, services: Services) -> Context:
    return Context(
        platform="discord",
        workspace=str(interaction.guild_id or ""),
        channel=str(interaction.channel_id or ""),
        user=str(interaction.user.id),
        is_channel_admin=is_manager(interaction),
        is_dm=interaction.guild_id is None,
    )



class Responder:
    """Answers interactions through the core, on one worker thread, within Discord's 3 s."""

    def __init__(self, services: Services, executor: Executor):
        self.services = services
        self.executor = executor

    async def run(self, func, *args):
        """Run a store-touching function on the core's worker thread."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, func, *args)

    async def command(self, interaction: discord.Interaction, line: str, *, ephemeral: bool = True) -> None:
        ctx = context_for(interaction, self.services)
        future = asyncio.ensure_future(self.run(answer, self.services, line, ctx))
        try:
            reply = await asyncio.wait_for(asyncio.shield(future), DEFER_AFTER)
        except asyncio.TimeoutError:
            await interaction.response.defer(ephemeral=ephemeral, thinking=True)
            reply = await future
        await self.send(interaction, reply, ephemeral=reply.is_error or (ephemeral and reply.ephemeral))

    async def send(self, interaction: discord.Interaction, reply: Reply, *, ephemeral: bool) -> None:
        """First message as the interaction response (or the deferred follow-up), the rest as follow-ups."""
        for index, body in enumerate(render_discord(reply)):
            embeds = [discord.Embed.from_dict(e) for e in body["embeds"]]
            kwargs = dict(content=body["content"] or None, embeds=embeds, ephemeral=ephemeral,
                          allowed_mentions=discord.AllowedMentions.none())
            if index == 0 and not interaction.response.is_done():
                await interaction.response.send_message(**kwargs)
            else:
                await interaction.followup.send(**kwargs)
