"""CLI commands on delivery: run, status, schedule add|list|remove, outbox [retry|resume].

They call the same functions as the chat commands and the runner. Destinations
are written as their ids: platform:workspace:target, e.g. slack:T0123:C0456,
discord:81234:99876 or local::console.
"""
from __future__ import annotations

import click

from . import BadInput, Failed, db_option, pass_state

OUTBOX_STATES = ("pending", "in_flight", "sent", "dead", "skipped")


def _duration(_ctx, _param, value):
    if value is None:
        return None
    from foundation.clock import parse_duration
    try:
        return parse_duration(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


@click.command()
@click.option("--every", callback=_duration, metavar="DURATION",
              help="also post the local destination's digest every DURATION (e.g. 10s) for demos")
@click.option("--no-console", "no_console", is_flag=True, help="do not read commands from stdin")
@click.option("--once", is_flag=True, help="send what is due, drain the outbox, then exit")
@click.option("--standby", is_flag=True, help="if another runner holds this database, wait and take over when it stops")
@click.option("--tick", callback=_duration, default="5s", hidden=True)
@click.option("--lease-ttl", callback=_duration, default="30s", hidden=True)
@click.option("--poll-every", callback=_duration, default="5m", hidden=True, help="feed polling interval")
@click.option("--flush-every", callback=_duration, default="1m", hidden=True, help="alert flushing interval")
@db_option
@pass_state
def run(state, every, no_console, once, standby, tick, lease_ttl, poll_every, flush_every) -> int:
    """Run the scheduler, the outbox and every front end that has credentials."""
    from bot.app.runner import RunOptions, run as run_bot
    return run_bot(state.settings, RunOptions(every=every, console=not no_console, once=once, tick=tick,
                                              standby=standby, lease_ttl=lease_ttl, poll_interval=poll_every,
                                              flush_interval=flush_every))


@click.command()
@db_option
@pass_state
def status(state) -> int:
    """Schedules with next runs, outbox counts, errors, paused destinations, feeds, sources."""
    from bot.app.services import open_store
    from bot.app.status import status_lines
    from foundation.clock import utc_now
    store = open_store(state.settings, seed_if_empty=False)
    try:
        click.echo("\n".join(status_lines(store, utc_now())))
    finally:
        store.close()
    return 0


@click.group()
def schedule() -> None:
    """Digest schedules: add, list, remove."""


@schedule.command("add")
@click.argument("destination")
@click.argument("when", nargs=-1)
@click.option("--dm", is_flag=True, help="the target is a user (a DM), not a channel")
@db_option
@pass_state
def schedule_add(state, destination: str, when: tuple[str, ...], dm: bool) -> int:
    """DESTINATION [DAY|daily HH:MM TZ], e.g. local::console mon 09:00 Europe/London."""
    from storage.delivery import Schedule, destination_id, ensure_destination, get_destination, get_schedule, set_schedule
    from bot.app.services import open_store
    from bot.core.schedule_spec import describe, local_text, next_run, parse_spec
    from foundation.clock import stamp, utc_now
    parts = split_destination(destination)
    settings = state.settings
    store = open_store(settings, seed_if_empty=False)
    try:
        existing = get_destination(store, destination_id(*parts))
        try:
            spec = parse_spec(list(when), default_tz=existing.tz if existing else settings.default_tz)
        except ValueError as err:
            raise BadInput(f"schedule add: {err}\nExample: briefbot schedule add {destination} mon 09:00 "
                           "Europe/London") from None
        dest = existing or ensure_destination(store, *parts, is_dm=dm, tz=spec.tz)
        previous = get_schedule(store, dest.id)
        now = utc_now()
        set_schedule(store, Schedule(dest.id, spec.cadence, spec.weekday, spec.time, spec.tz,
                                     filters=previous.filters if previous else "{}", created_by="cli"), stamp(now))
        click.echo(f"{dest.id}: digests {describe(spec)}; next {local_text(next_run(spec, now), spec.tz)}")
    finally:
        store.close()
    return 0


def split_destination(dest: str) -> tuple[str, str, str]:
    parts = dest.split(":", 2)
    if len(parts) != 3 or not parts[0] or not parts[2]:
        raise BadInput(f"“{dest}” is not a destination id; write platform:workspace:target, "
                       "e.g. slack:T0123:C0456 or local::console")
    return parts[0], parts[1], parts[2]


@schedule.command("list")
@db_option
@pass_state
def schedule_list(state) -> int:
    """Every schedule with its next run in local time."""
    from storage.delivery import list_schedules
    from bot.app.services import open_store
    from bot.core.schedule_spec import describe, local_text, next_run
    from foundation.clock import utc_now
    store = open_store(state.settings, seed_if_empty=False)
    try:
        schedules = list_schedules(store)
        for s in schedules:
            click.echo(f"{s.destination_id}\t{describe(s)}\tnext {local_text(next_run(s, utc_now()), s.tz)}")
        if not schedules:
            click.echo("No schedules. Add one: briefbot schedule add local::console mon 09:00 Europe/London")
    finally:
        store.close()
    return 0


@schedule.command("remove")
@click.argument("destination")
@db_option
@pass_state
def schedule_remove(state, destination: str) -> int:
    """Stop scheduled digests for a destination."""
    from storage.delivery import remove_schedule
    from bot.app.services import open_store
    store = open_store(state.settings, seed_if_empty=False)
    try:
        if not remove_schedule(store, destination):
            raise Failed(f"schedule remove: no schedule for {destination} (see `briefbot schedule list`)")
        click.echo(f"{destination}: scheduled digests removed")
    finally:
        store.close()
    return 0


@click.group(invoke_without_command=True)
@click.option("--state", "only", type=click.Choice(OUTBOX_STATES), help="only this state")
@click.option("--limit", type=click.IntRange(1, 10_000), default=30)
@db_option
@pass_state
@click.pass_context
def outbox(ctx, state, only, limit) -> int:
    """Outbox rows (dead letters first); `retry` dead rows; `resume` a paused destination."""
    if ctx.invoked_subcommand is not None:
        return 0
    from storage.delivery import outbox_counts, outbox_items
    from bot.app.services import open_store
    store = open_store(state.settings, seed_if_empty=False)
    try:
        counts = outbox_counts(store)
        click.echo("Outbox: " + ", ".join(f"{s} {n}" for s, n in counts.items()))
        shown = 0
        for s in ([only] if only else ["dead", "pending", "in_flight", "skipped", "sent"]):
            for item in outbox_items(store, s, limit=limit - shown):
                click.echo(f"#{item.id}\t{item.state}\t{item.destination_id}\t{item.idempotency_key}\t"
                           f"attempts {item.attempts}\t{item.last_error or ''}".rstrip())
                shown += 1
            if shown >= limit:
                break
        if counts["dead"]:
            click.echo("Retry dead rows with: briefbot outbox retry ID  (or --all-dead)")
    finally:
        store.close()
    return 0


@outbox.command("retry")
@click.argument("ids", nargs=-1, type=int)
@click.option("--all-dead", is_flag=True)
@db_option
@pass_state
def outbox_retry(state, ids: tuple[int, ...], all_dead: bool) -> int:
    """Send dead rows again: ID [ID…] or --all-dead."""
    from storage.delivery import outbox_item, retry_dead
    from bot.app.services import open_store
    from foundation.clock import stamp, utc_now
    if not ids and not all_dead:
        raise BadInput("outbox retry: give row ids or --all-dead (see `briefbot outbox --state dead`)")
    store = open_store(state.settings, seed_if_empty=False)
    try:
        missing = [i for i in ids if (item := outbox_item(store, i)) is None or item.state != "dead"]
        n = retry_dead(store, None if all_dead else list(ids), stamp(utc_now()))
        click.echo(f"{n} dead row(s) back in the outbox; `briefbot run` sends them")
        if missing:
            raise Failed(f"not dead (or unknown), left alone: {', '.join(map(str, missing))}")
    finally:
        store.close()
    return 0


@outbox.command("resume")
@click.argument("destination")
@db_option
@pass_state
def outbox_resume(state, destination: str) -> int:
    """Resume a destination paused after a permanent error."""
    from storage.delivery import get_destination, resume_destination
    from bot.app.services import open_store
    store = open_store(state.settings, seed_if_empty=False)
    try:
        dest = get_destination(store, destination)
        if dest is None:
            raise Failed(f"outbox resume: unknown destination {destination}")
        resume_destination(store, dest.id)
        click.echo(f"{dest.id}: resumed" + ("" if dest.paused else " (it was not paused)"))
    finally:
        store.close()
    return 0


COMMANDS = (run, status, schedule, outbox)
