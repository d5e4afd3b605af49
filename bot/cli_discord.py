"""`briefbot discord sync|invite`: operating the Discord application.

`sync` registers the slash commands with Discord (globally, or in one guild,
where changes show at once: handy while testing). `invite` prints the OAuth2 URL
a server admin opens to add the bot, with the `bot` and
`applications.commands` scopes and only the permissions the bot uses. Both need
DISCORD_BOT_TOKEN; `invite` can do without it when DISCORD_APPLICATION_ID is set.
"""
from __future__ import annotations

import asyncio
import sys
from concurrent.futures import ThreadPoolExecutor

import discord

from .config import Settings

SCOPES = ("bot", "applications.commands")


def invite_permissions() -> discord.Permissions:
    """View Channels, Send Messages, Embed Links, Read Message History: posting digests and finding them again."""
    return discord.Permissions(view_channel=True, send_messages=True, embed_links=True, read_message_history=True)


def invite_url(application_id: int | str, guild_id: int | None = None) -> str:
    guild = discord.Object(id=guild_id) if guild_id else discord.utils.MISSING
    return discord.utils.oauth_url(application_id, permissions=invite_permissions(), scopes=SCOPES, guild=guild)


def add_parsers(sub) -> None:
    p = sub.add_parser("discord", help="Discord application: sync slash commands, print the invite URL")
    dsub = p.add_subparsers(dest="discord_command", metavar="ACTION")
    s = dsub.add_parser("sync", help="register the slash commands with Discord (global, or one guild with --guild)")
    s.add_argument("--guild", type=int, metavar="ID", help="sync to this guild only (shows at once)")
    s.set_defaults(func=cmd_sync)
    i = dsub.add_parser("invite", help="print the OAuth2 URL that adds the bot to a server")
    i.add_argument("--guild", type=int, metavar="ID", help="preselect this server")
    i.set_defaults(func=cmd_invite)
    p.set_defaults(func=lambda args, settings: (p.print_help(), 2)[1])


def _need_token(settings: Settings, what: str) -> str | None:
    if not settings.discord_bot_token:
        print(f"briefbot discord {what}: DISCORD_BOT_TOKEN is not set (Discord Developer Portal > your app > Bot > "
              "Reset Token, then put it in .env)", file=sys.stderr)
        return None
    return settings.discord_bot_token


def cmd_sync(args, settings: Settings) -> int:
    token = _need_token(settings, "sync")
    if token is None:
        return 2
    try:
        names = asyncio.run(sync_commands(settings, args.guild))
    except discord.LoginFailure:
        print("briefbot discord sync: Discord rejected DISCORD_BOT_TOKEN", file=sys.stderr)
        return 1
    except discord.HTTPException as err:
        print(f"briefbot discord sync: Discord answered {err.status}: {err.text}", file=sys.stderr)
        return 1
    where = f"guild {args.guild}" if args.guild else "all servers (global commands may take a while to appear)"
    print(f"Synced {len(names)} commands to {where}: " + ", ".join(f"/{n}" for n in names))
    return 0


async def sync_commands(settings: Settings, guild_id: int | None) -> list[str]:
    """Declares the tree only: no command runs, so no database is opened."""
    from .discord_front.client import BriefbotClient
    from .discord_front.endpoints import apply_endpoints

    apply_endpoints(settings.discord_api_url, settings.discord_gateway_url)
    with ThreadPoolExecutor(max_workers=1) as executor:
        client = BriefbotClient(None, executor)
        try:
            await client.login(settings.discord_bot_token)
            if guild_id:
                guild = discord.Object(id=guild_id)
                client.tree.copy_global_to(guild=guild)
                synced = await client.tree.sync(guild=guild)
            else:
                synced = await client.tree.sync()
        finally:
            await client.close()
    return [c.name for c in synced]


def cmd_invite(args, settings: Settings) -> int:
    app_id = (settings.raw.get("DISCORD_APPLICATION_ID") or "").strip()
    if not app_id:
        if not settings.discord_bot_token:
            print("briefbot discord invite: set DISCORD_APPLICATION_ID (Developer Portal > your app > General "
                  "Information > Application ID) or DISCORD_BOT_TOKEN to look it up", file=sys.stderr)
            return 2
        try:
            app_id = str(asyncio.run(fetch_application_id(settings)))
        except discord.LoginFailure:
            print("briefbot discord invite: Discord rejected DISCORD_BOT_TOKEN", file=sys.stderr)
            return 1
    if not app_id.isdigit():
        print(f"briefbot discord invite: DISCORD_APPLICATION_ID must be a number, got {app_id!r}", file=sys.stderr)
        return 2
    print(invite_url(app_id, args.guild))
    return 0


async def fetch_application_id(settings: Settings) -> int:
    from .discord_front.endpoints import apply_endpoints

    apply_endpoints(settings.discord_api_url, settings.discord_gateway_url)
    client = discord.Client(intents=discord.Intents.none())
    try:
        await client.login(settings.discord_bot_token)
        return client.application_id
    finally:
        await client.close()
