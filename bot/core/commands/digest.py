"""/digest: this week's digest, a past week's, or a preview of the channel's scheduled one.

`/digest` and `/digest 2026-W05` show the unfiltered digest in the asker's time
zone; `/digest preview [WEEK]` shows what this channel's schedule would post
(its filters and time zone). All three answer the asker only: posting to the
channel is `/digest now`, which, like `schedule` and `off`, belongs to
bot.core.commands.digest_schedule.
"""
from __future__ import annotations

import json
import re
from dataclasses import replace

from storage.delivery import get_schedule

from bot.core import destinations
from bot.core.commands import DIGEST_USAGE as USAGE
from bot.core.digest_reply import digest_reply_for
from bot.core.errors import UsageError
from bot.core.reply import Reply
from bot.core.context import Context, Services

SCHEDULING = ("now", "schedule", "off")
_WEEK = re.compile(r"^\d{4}-?w\d{1,2}$", re.IGNORECASE)



def handle(services: Services, ctx: Context, args: tuple[str, ...]) -> Reply:
    words = [a for a in args if a.strip()]
    first = words[0].lower() if words else ""
    if first in SCHEDULING:
        return _delegate(services, ctx, tuple(words))
    preview = first == "preview"
    if preview:
        words = words[1:]
    if len(words) > 1 or (words and not _WEEK.match(words[0])):
        raise UsageError(f"I can't read “{' '.join(words)}” as a week.",
                         f"Usage: `{USAGE}`, e.g. `/digest 2026-W05` or `/digest preview`.")
    week = words[0] if words else None
    tz, filters, dest = ctx.tz or "UTC", None, ""
    if preview:
        dest = destinations.typed_in(ctx).id
        schedule = get_schedule(services.store, dest)
        if schedule is not None:
            tz = schedule.tz or tz
            try:
                filters = json.loads(schedule.filters or "{}") or None
            except ValueError:
                filters = None
    reply = digest_reply_for(services, week=week, tz=tz, filters=filters, destination_id=dest,
                             settings=services.extra.get("settings"))
    if preview:
        reply = replace(reply, title="Preview: " + reply.title)
    return replace(reply, ephemeral=True)


def _delegate(services: Services, ctx: Context, args: tuple[str, ...]) -> Reply:
    from bot.core.commands import digest_schedule
    return digest_schedule.handle(services, ctx, args)
