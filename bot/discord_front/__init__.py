"""briefbot's Discord front end (discord.py 2.7): application commands, embeds, a sender.

Named `discord_front` so it cannot be confused with the `discord` library.
Entry points: `build_front_end(settings, services)` (for `briefbot run`),
`DiscordSender` (used by the outbox through the front end's `.sender`),
`build_tree_only` in bot.cli_discord for `briefbot discord sync`.
"""
from __future__ import annotations

from .client import BriefbotClient, DiscordFrontEnd, build_front_end
from .endpoints import apply_endpoints, reset_endpoints
from .sender import DiscordSender, nonce_for

__all__ = ["BriefbotClient", "DiscordFrontEnd", "DiscordSender", "apply_endpoints", "build_front_end",
           "nonce_for", "reset_endpoints"]
