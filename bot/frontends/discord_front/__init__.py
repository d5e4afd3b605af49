"""briefbot's Discord front end (discord.py 2.7): application commands, embeds, a sender.

Named `discord_front` so it cannot be confused with the `discord` library.
Entry points: `build_front_end(settings, services)` (for `briefbot run`),
`DiscordSender` (used by the outbox through the front end's `.sender`),
`build_tree_only` in bot.app.cli.discord for `briefbot discord sync`.
"""
from __future__ import annotations

from bot.frontends.discord_front.client import BriefbotClient, DiscordFrontEnd, build_front_end
from bot.frontends.discord_front.endpoints import apply_endpoints, reset_endpoints
from bot.frontends.discord_front.sender import DiscordSender, nonce_for

__all__ = ["BriefbotClient", "DiscordFrontEnd", "DiscordSender", "apply_endpoints", "build_front_end",
           "nonce_for", "reset_endpoints"]
