"""Which destination a command means, and whether this user may change it: the one home of both rules.

Where:
- typed in a channel, a command means that channel; typed in a DM, the user's own DM destination;
- `here` means the channel (refused in a DM); without `here`, alerts go to the user's DMs;
- the console is one local operator: every place is the local sink's destination `local::console`,
  the one `briefbot run` delivers to without tokens.
Who may change it:
- a DM (the user's own) and the console: always;
- a channel: a user the platform calls an admin (the front end's translation, `Context.is_channel_admin`:
  Slack workspace admin or owner, Discord Manage Server or Manage Channels), or a bot admin listed in
  BRIEFBOT_ADMINS as `platform:user`.
Front ends only translate platform facts into the Context; they neither pick destinations nor refuse.
"""
from __future__ import annotations

from dataclasses import dataclass

from storage.delivery import Destination, destination_id, ensure_destination, get_destination

from bot.core.context import Context, Services
from bot.core.errors import PermissionDenied, UsageError

LOCAL = ("local", "", "console")
"""The console's destination: platform "local", no workspace, target "console"."""
CONSOLE = "console"
PLATFORM_ADMINS = {"slack": "a workspace admin or owner",
                   "discord": "a member with the Manage Server or Manage Channels permission"}


@dataclass(frozen=True)
class Place:
    platform: str
    workspace: str
    target: str
    is_dm: bool

    @property
    def id(self) -> str:
        return destination_id(self.platform, self.workspace, self.target)


def _local() -> Place:
    return Place(*LOCAL, is_dm=False)


def typed_in(ctx: Context) -> Place:
    """The place the command was typed in: a channel, the user's own DM, or the console's local destination."""
    if ctx.platform == CONSOLE:
        return _local()
    if ctx.is_dm:
        return Place(ctx.platform, ctx.workspace, ctx.user, True)
    return Place(ctx.platform, ctx.workspace, ctx.channel, False)


def personal(ctx: Context) -> Place:
    """Where a user's own alerts go: their DMs (the console: the local destination)."""
    if ctx.platform == CONSOLE:
        return _local()
    return Place(ctx.platform, ctx.workspace, ctx.user, True)


def channel(ctx: Context) -> Place:
    """What `here` means: this channel; a DM has none, which is said rather than guessed."""
    if ctx.platform == CONSOLE:
        return _local()
    if ctx.is_dm:
        raise UsageError("`here` means a channel, and this is a direct message.",
                         "Leave out `here` to get alerts in your DMs.")
    return Place(ctx.platform, ctx.workspace, ctx.channel, False)


def chosen(ctx: Context, here: bool) -> Place:
    return channel(ctx) if here else personal(ctx)


def may_change(services: Services, ctx: Context, place: Place) -> bool:
    if ctx.platform == CONSOLE or place.is_dm:
        return True
    return ctx.is_channel_admin or f"{ctx.platform}:{ctx.user}" in services.admins


def require_change(services: Services, ctx: Context, place: Place, action: str) -> None:
    """PermissionDenied, naming who may do it on this platform, unless this user may change `place`."""
    if may_change(services, ctx, place):
        return
    who = PLATFORM_ADMINS.get(ctx.platform)
    raise PermissionDenied(f"Only a channel admin{f' ({who})' if who else ''} or a bot admin listed in BRIEFBOT_ADMINS "
                           f"can {action} in this channel; {ctx.platform.capitalize()} says you are neither.",
                           "Ask an admin to run it; for digests or alerts of your own, use the command in a DM "
                           "with the bot, or leave out `here`.")


def ensure(services: Services, ctx: Context, place: Place) -> Destination:
    """The stored destination for `place`, created with the asker's time zone the first time."""
    existing = get_destination(services.store, place.id)
    return existing or ensure_destination(services.store, place.platform, place.workspace, place.target,
                                          is_dm=place.is_dm, tz=ctx.tz or "UTC")
