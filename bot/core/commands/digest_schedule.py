"""`/digest schedule DAY HH:MM TZ`, `/digest now`, `/digest off`: a destination's digest delivery.

Reached through bot.core.commands.digest, which passes the words including the verb. Which
destination is meant and who may change it are bot.core.destinations' rules (a channel needs an
admin; a DM is the asker's own; the console is the local destination). Omitted parts of a schedule default to
Monday, 09:00 and the destination's time zone. Setting a schedule on a paused destination resumes
it (an admin acting there is taken as "access is fixed"). Nothing is sent from here: `/digest now`
writes an outbox row that `briefbot run`'s drain delivers.
"""
from __future__ import annotations

import json
from datetime import timezone

from foundation.clock import stamp
from storage.delivery import Schedule, get_destination, get_schedule, remove_schedule, resume_destination, set_schedule

from bot.core import destinations
from bot.core.errors import UsageError
from bot.core.reply import Reply, Section
from bot.core.schedule_spec import describe, local_text, next_run, parse_spec
from bot.core.context import Context, Services

EXAMPLE = "/digest schedule mon 09:00 Europe/London"
HINT = f"Use `{EXAMPLE}`, `/digest schedule daily 08:30 Asia/Shanghai`, `/digest now` or `/digest off`."


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


def _schedule(services: Services, ctx: Context, words: list[str]) -> Reply:
    place = destinations.typed_in(ctx)
    dest_id = place.id
    if not words:
        current = get_schedule(services.store, dest_id)
        text = (f"Digests here: {describe(current)}; next {local_text(next_run(current, services.clock()), current.tz)}."
                if current else "No digest is scheduled here.")
        return Reply(title="Digest schedule", sections=(Section(text=text), Section(text=HINT)))
    destinations.require_change(services, ctx, place, "schedule digests")
    destination = get_destination(services.store, dest_id)
    try:
        spec = parse_spec(words, default_tz=destination.tz if destination else (ctx.tz or "UTC"))
    except ValueError as err:
        raise UsageError(str(err), HINT) from None
    destination = destinations.ensure(services, ctx, place)
    now = services.clock()
    previous = get_schedule(services.store, dest_id)
    schedule = Schedule(dest_id, spec.cadence, spec.weekday, spec.time, spec.tz,
                        filters=previous.filters if previous else "{}", created_by=f"{ctx.platform}:{ctx.user}")
    set_schedule(services.store, schedule, stamp(now))
    sections = [Section(text=f"Digests here: **{describe(spec)}**. Next: {local_text(next_run(spec, now), spec.tz)}.")]
    if destination.paused:
        resume_destination(services.store, dest_id)
        sections.append(Section(text=f"Delivery here had been paused ({destination.paused_reason}); it is resumed."))
    return Reply(title="Digest scheduled", sections=tuple(sections), ephemeral=False)


def _now(services: Services, ctx: Context) -> Reply:
    from bot.core.digest_post import enqueue_digest_now

    place = destinations.typed_in(ctx)
    destinations.require_change(services, ctx, place, "post the digest")
    destination = destinations.ensure(services, ctx, place)
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
    place = destinations.typed_in(ctx)
    destinations.require_change(services, ctx, place, "turn digests off")
    removed = remove_schedule(services.store, place.id)
    text = ("Scheduled digests are off here. `/digest` still shows one on demand."
            if removed else "No digest was scheduled here; nothing changed.")
    return Reply(title="Digest schedule", sections=(Section(text=text),), ephemeral=not removed)
