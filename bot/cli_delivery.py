"""CLI commands on delivery: run, status, schedule add|list|remove, outbox [retry|resume].

Each handler is `func(args, settings) -> int` and calls the same functions as the chat commands
and the runner. Destinations are written as their ids: platform:workspace:target, e.g.
slack:T0123:C0456, discord:81234:99876 or local::console.
"""
from __future__ import annotations

import sys
from datetime import datetime, timezone

from storage.delivery import (Schedule, destination_id, ensure_destination, get_destination, get_schedule,
                              list_schedules, outbox_counts, outbox_item, outbox_items, remove_schedule,
                              resume_destination, retry_dead, set_schedule)

from .app import build_services, open_store
from .config import Settings


def add_parsers(sub) -> None:
    from .runner import add_run_arguments

    p = sub.add_parser("run", help="run the scheduler, the outbox and every front end that has credentials")
    add_run_arguments(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("status", help="schedules with next runs, outbox counts, errors, paused destinations, feeds")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("schedule", help="digest schedules: add, list, remove")
    ssub = p.add_subparsers(dest="schedule_command", metavar="ACTION", required=True)
    q = ssub.add_parser("add", help="e.g. briefbot schedule add local::console mon 09:00 Europe/London")
    q.add_argument("destination", help="platform:workspace:target, e.g. slack:T0123:C0456 or local::console")
    q.add_argument("when", nargs="*", help="DAY|daily HH:MM TZ (defaults: mon 09:00, the destination's zone)")
    q.add_argument("--dm", action="store_true", help="the target is a user (a DM), not a channel")
    q.set_defaults(func=cmd_schedule_add)
    q = ssub.add_parser("list", help="every schedule with its next run in local time")
    q.set_defaults(func=cmd_schedule_list)
    q = ssub.add_parser("remove", help="stop scheduled digests for a destination")
    q.add_argument("destination")
    q.set_defaults(func=cmd_schedule_remove)

    p = sub.add_parser("outbox", help="outbox rows (dead letters first); retry dead rows; resume a paused destination")
    p.add_argument("--state", choices=("pending", "in_flight", "sent", "dead", "skipped"), help="only this state")
    p.add_argument("--limit", type=int, default=30)
    p.set_defaults(func=cmd_outbox)
    osub = p.add_subparsers(dest="outbox_command", metavar="ACTION")
    q = osub.add_parser("retry", help="send dead rows again: briefbot outbox retry ID [ID…] | --all-dead")
    q.add_argument("ids", nargs="*", type=int)
    q.add_argument("--all-dead", action="store_true")
    q.set_defaults(func=cmd_outbox_retry)
    q = osub.add_parser("resume", help="resume a destination paused after a permanent error")
    q.add_argument("destination")
    q.set_defaults(func=cmd_outbox_resume)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def cmd_run(args, settings: Settings) -> int:
    from .runner import options_from_args, run
    return run(settings, options_from_args(args))


def cmd_status(args, settings: Settings) -> int:
    from .scheduling.status import status_lines
    store = open_store(settings, seed_if_empty=False)
    try:
        print("\n".join(status_lines(store, _now())))
    finally:
        store.close()
    return 0


def _split(dest: str) -> tuple[str, str, str] | None:
    parts = dest.split(":", 2)
    if len(parts) != 3 or not parts[0] or not parts[2]:
        return None
    return parts[0], parts[1], parts[2]


def cmd_schedule_add(args, settings: Settings) -> int:
    from .scheduling.times import describe, local_text, next_run, parse_spec
    parts = _split(args.destination)
    if parts is None:
        print(f"briefbot schedule add: “{args.destination}” is not a destination id; write platform:workspace:target, "
              "e.g. slack:T0123:C0456 or local::console", file=sys.stderr)
        return 2
    store = open_store(settings, seed_if_empty=False)
    try:
        existing = get_destination(store, destination_id(*parts))
        try:
            spec = parse_spec(args.when, default_tz=existing.tz if existing else settings.default_tz)
        except ValueError as err:
            print(f"briefbot schedule add: {err}\nExample: briefbot schedule add {args.destination} mon 09:00 "
                  "Europe/London", file=sys.stderr)
            return 2
        dest = existing or ensure_destination(store, *parts, is_dm=args.dm, tz=spec.tz)
        previous = get_schedule(store, dest.id)
        set_schedule(store, Schedule(dest.id, spec.cadence, spec.weekday, spec.time, spec.tz,
                                     filters=previous.filters if previous else "{}", created_by="cli"), _now().isoformat())
        print(f"{dest.id}: digests {describe(spec)}; next {local_text(next_run(spec, _now()), spec.tz)}")
    finally:
        store.close()
    return 0


def cmd_schedule_list(args, settings: Settings) -> int:
    from .scheduling.times import describe, local_text, next_run
    store = open_store(settings, seed_if_empty=False)
    try:
        schedules = list_schedules(store)
        for s in schedules:
            print(f"{s.destination_id}\t{describe(s)}\tnext {local_text(next_run(s, _now()), s.tz)}")
        if not schedules:
            print("No schedules. Add one: briefbot schedule add local::console mon 09:00 Europe/London")
    finally:
        store.close()
    return 0


def cmd_schedule_remove(args, settings: Settings) -> int:
    store = open_store(settings, seed_if_empty=False)
    try:
        if not remove_schedule(store, args.destination):
            print(f"briefbot schedule remove: no schedule for {args.destination} (see `briefbot schedule list`)",
                  file=sys.stderr)
            return 1
        print(f"{args.destination}: scheduled digests removed")
    finally:
        store.close()
    return 0


def cmd_outbox(args, settings: Settings) -> int:
    store = open_store(settings, seed_if_empty=False)
    try:
        counts = outbox_counts(store)
        print("Outbox: " + ", ".join(f"{state} {n}" for state, n in counts.items()))
        states = [args.state] if args.state else ["dead", "pending", "in_flight", "skipped", "sent"]
        shown = 0
        for state in states:
            for item in outbox_items(store, state, limit=args.limit - shown):
                print(f"#{item.id}\t{item.state}\t{item.destination_id}\t{item.idempotency_key}\t"
                      f"attempts {item.attempts}\t{item.last_error or ''}".rstrip())
                shown += 1
            if shown >= args.limit:
                break
        if counts["dead"]:
            print("Retry dead rows with: briefbot outbox retry ID  (or --all-dead)")
    finally:
        store.close()
    return 0


def cmd_outbox_retry(args, settings: Settings) -> int:
    if not args.ids and not args.all_dead:
        print("briefbot outbox retry: give row ids or --all-dead (see `briefbot outbox --state dead`)", file=sys.stderr)
        return 2
    store = open_store(settings, seed_if_empty=False)
    try:
        missing = [i for i in args.ids if (item := outbox_item(store, i)) is None or item.state != "dead"]
        n = retry_dead(store, None if args.all_dead else list(args.ids), _now().isoformat())
        print(f"{n} dead row(s) back in the outbox; `briefbot run` sends them")
        if missing:
            print(f"not dead (or unknown), left alone: {', '.join(map(str, missing))}", file=sys.stderr)
            return 1
    finally:
        store.close()
    return 0


def cmd_outbox_resume(args, settings: Settings) -> int:
    store = open_store(settings, seed_if_empty=False)
    try:
        dest = get_destination(store, args.destination)
        if dest is None:
            print(f"briefbot outbox resume: unknown destination {args.destination}", file=sys.stderr)
            return 1
        resume_destination(store, dest.id)
        print(f"{dest.id}: resumed" + ("" if dest.paused else " (it was not paused)"))
    finally:
        store.close()
    return 0


# build_services is re-exported for tests that drive handlers with a prepared store
__all__ = ["add_parsers", "build_services"]
