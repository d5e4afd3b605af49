"""`briefbot discord sync|invite`: operating the Discord application.

`sync` registers the slash commands with Discord (globally, or in one guild,
where changes show at once: handy while testing). `invite` prints the OAuth2 URL
a server admin opens to add the bot, with the `bot` and
`applications.commands` scopes and only the permissions the bot uses. Both need
DISCORD_BOT_TOKEN; `invite` can do without it when DISCORD_APPLICATION_ID is set.
"""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import click

from . import BadInput, Failed, db_option, pass_state

SCOPES = ("bot", "applications.commands")


def invite_permissions():
    """View Channels, Send Messages, Embed Links, Read Message History: posting digests and finding them again."""
    import discord
    return discord.Permissions(view_channel=True, send_messages=True, embed_links=True, read_message_history=True)


def invite_url(application_id: int | str, guild_id: int | None = None) -> str:
    import discord
    guild = discord.Object(id=guild_id) if guild_id else discord.utils.MISSING
    return discord.utils.oauth_url(application_id, permissions=invite_permissions(), scopes=SCOPES, guild=guild)


@click.group("discord")
def discord_group() -> None:
    """Discord application: sync slash commands, print the invite URL."""


def _need_token(settings, what: str) -> str:
    if not settings.discord_bot_token:
        raise BadInput(f"discord {what}: DISCORD_BOT_TOKEN is not set (Discord Developer Portal > your app > Bot > "
                       "Reset Token, then put it in .env)")
    return settings.discord_bot_token


@discord_group.command()
@click.option("--guild", type=int, metavar="ID", help="sync to this guild only (shows at once)")
@db_option
@pass_state
def sync(state, guild: int | None) -> int:
    """Register the slash commands with Discord (global, or one guild with --guild)."""
    import discord
    settings = state.settings
    _need_token(settings, "sync")
    try:
        names = asyncio.run(sync_commands(settings, guild))
    except discord.LoginFailure:
        raise Failed("discord sync: Discord rejected DISCORD_BOT_TOKEN") from None
    except discord.HTTPException as err:
        raise Failed(f"discord sync: Discord answered {err.status}: {err.text}") from None
    where = f"guild {guild}" if guild else "all servers (global commands may take a while to appear)"
    click.echo(f"Synced {len(names)} commands to {where}: " + ", ".join(f"/{n}" for n in names))
    return 0


async def sync_commands(settings, guild_id: int | None) -> list[str]:
    """Declares the tree only: no command runs, so no database is opened."""
    import discord
    from bot.frontends.discord_front.client import BriefbotClient
    from bot.frontends.discord_front.endpoints import apply_endpoints

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


@discord_group.command()
@click.option("--guild", type=int, metavar="ID", help="preselect this server")
@db_option
@pass_state
def invite(state, guild: int | None) -> int:
    """Print the OAuth2 URL that adds the bot to a server."""
    settings = state.settings
    app_id = settings.discord_application_id or ""
    if not app_id:
        if not settings.discord_bot_token:
            raise BadInput("discord invite: set DISCORD_APPLICATION_ID (Developer Portal > your app > General "
                           "Information > Application ID) or DISCORD_BOT_TOKEN to look it up")
        import discord
        try:
            app_id = str(asyncio.run(fetch_application_id(settings)))
        except discord.LoginFailure:
            raise Failed("discord invite: Discord rejected DISCORD_BOT_TOKEN") from None
    if not app_id.isdigit():
        raise BadInput(f"discord invite: DISCORD_APPLICATION_ID must be a number, got {app_id!r}")
    click.echo(invite_url(app_id, guild))
    return 0


async def fetch_application_id(settings) -> int:
    import discord
    from bot.frontends.discord_front.endpoints import apply_endpoints

    apply_endpoints(settings.discord_api_url, settings.discord_gateway_url)
    client = discord.Client(intents=discord.Intents.none())
    try:
        await client.login(settings.discord_bot_token)
        return client.application_id
    finally:
        await client.close()


COMMANDS = (discord_group,)
