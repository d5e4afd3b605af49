"""`/digest schedule DAY HH:MM TZ`, `/digest now`, `/digest off`: a destination's digest delivery.

Reached through bot.commands.digest, which passes the words including the verb. Rules: changing
a channel's delivery (schedule, off, posting now) needs a channel admin or a configured bot admin;
a DM is the asker's own destination and needs neither. Omitted parts of a schedule default to
Monday, 09:00 and the destination's time zone. Setting a schedule on a paused destination resumes
it (an admin acting there is taken as "access is fixed"). Nothing is sent from here: `/digest now`
writes an outbox row that `briefbot run`'s drain delivers.
"""
from __future__ import annotations

import json
from datetime import timezone

from storage.delivery import (Schedule, destination_id, ensure_destination, get_destination, get_schedule,
                              remove_schedule, resume_destination, set_schedule)

from ..errors import PermissionDenied, UsageError
from ..reply import Reply, Section
from ..scheduling.times import describe, local_text, next_run, parse_spec
from ..services import Context, Services

EXAMPLE = "/digest schedule mon 09:00 Europe/London"
HINT = f"Use `{EXAMPLE}`, `/digest schedule daily 08:30 Asia/Shanghai`, `/digest now` or `/digest off`."


def destination_parts(ctx: Context) -> tuple[str, str, str, bool]:
    """(platform, workspace, target, is_dm) for the place the command was typed in.

    A DM's target is the user (senders open the DM themselves); the plain console delivers to
    the local sink's "local::console" destination."""
    platform = "local" if ctx.platform == "console" else ctx.platform
    if ctx.is_dm:
        return platform, ctx.workspace, ctx.user, True
    return platform, ctx.workspace, ctx.channel, False


def destination_for(ctx: Context) -> str:
    platform, workspace, target, _ = destination_parts(ctx)
    return destination_id(platform, workspace, target)


def handle(services: Services, ctx: Context, args: tuple[str, ...]) -> Reply:
    words = [a for a in args if a.strip()]
    verb = words[0].lower() if words else ""
    rest = words[1:]
    if verb == "schedule":
        return _schedule(services, ctx, rest)
    if verb == "now":
        if rest:
            raise UsageError(f"`/digest now` takes no arguments (got “{' '.join(rest)}”).", HINT)
        return _now(services, ctx)
    if verb == "off":
        if rest:
            raise UsageError(f"`/digest off` takes no arguments (got “{' '.join(rest)}”).", HINT)
        return _off(services, ctx)
    raise UsageError(f"I don't know `/digest {verb}`.", HINT)


def _check_permission(services: Services, ctx: Context, action: str) -> None:
    if ctx.is_dm or ctx.is_channel_admin or f"{ctx.platform}:{ctx.user}" in services.admins:
        return
    raise PermissionDenied(f"Only a channel admin can {action} in this channel.",
                           "Ask a workspace or server admin, or a bot admin listed in BRIEFBOT_ADMINS; "
                           "for digests of your own, use these commands in a DM with the bot.")


def _ensure(services: Services, ctx: Context):
    platform, workspace, target, is_dm = destination_parts(ctx)
    dest_id = destination_id(platform, workspace, target)
    existing = get_destination(services.store, dest_id)
    return existing or ensure_destination(services.store, platform, workspace, target, is_dm=is_dm, tz=ctx.tz or "UTC")


def _schedule(services: Services, ctx: Context, words: list[str]) -> Reply:
    dest_id = destination_for(ctx)
    if not words:
        current = get_schedule(services.store, dest_id)
        text = (f"Digests here: {describe(current)}; next {local_text(next_run(current, services.clock()), current.tz)}."
                if current else "No digest is scheduled here.")
        return Reply(title="Digest schedule", sections=(Section(text=text), Section(text=HINT)))
    _check_permission(services, ctx, "schedule digests")
    destination = get_destination(services.store, dest_id)
    try:
        spec = parse_spec(words, default_tz=destination.tz if destination else (ctx.tz or "UTC"))
    except ValueError as err:
        raise UsageError(str(err), HINT) from None
    destination = _ensure(services, ctx)
    now = services.clock()
    previous = get_schedule(services.store, dest_id)
    schedule = Schedule(dest_id, spec.cadence, spec.weekday, spec.time, spec.tz,
                        filters=previous.filters if previous else "{}", created_by=f"{ctx.platform}:{ctx.user}")
    set_schedule(services.store, schedule, now.astimezone(timezone.utc).isoformat())
    sections = [Section(text=f"Digests here: **{describe(spec)}**. Next: {local_text(next_run(spec, now), spec.tz)}.")]
    if destination.paused:
        resume_destination(services.store, dest_id)
        sections.append(Section(text=f"Delivery here had been paused ({destination.paused_reason}); it is resumed."))
    return Reply(title="Digest scheduled", sections=tuple(sections), ephemeral=False)


def _now(services: Services, ctx: Context) -> Reply:
    from ..scheduling.runs import enqueue_digest_now

    _check_permission(services, ctx, "post the digest")
    destination = _ensure(services, ctx)
    schedule = get_schedule(services.store, destination.id)
    tz = schedule.tz if schedule else destination.tz
    filters = None
    if schedule is not None:
        try:
            filters = json.loads(schedule.filters or "{}") or None
        except ValueError:
            filters = None
    now = services.clock()
    minute = now.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M")
    key, new = enqueue_digest_now(services, destination.id, tz, filters, f"now@{minute}", now,
                                  settings=services.extra.get("settings"))
    text = ("This week's digest is queued for this channel and is posted within seconds."
            if new else "This week's digest was already queued here a moment ago; it is posted once.")
    if destination.paused:
        text += f" Delivery here is paused ({destination.paused_reason}): it waits until an admin resumes it."
    return Reply(title="Digest on its way", sections=(Section(text=text),), ephemeral=True)


def _off(services: Services, ctx: Context) -> Reply:
    _check_permission(services, ctx, "turn digests off")
    removed = remove_schedule(services.store, destination_for(ctx))
    text = ("Scheduled digests are off here. `/digest` still shows one on demand."
            if removed else "No digest was scheduled here; nothing changed.")
    return Reply(title="Digest schedule", sections=(Section(text=text),), ephemeral=not removed)
