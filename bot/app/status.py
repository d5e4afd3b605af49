"""`briefbot status`: what the delivery side is doing, as plain text lines.

Schedules with their next run in each schedule's own local time, the last run handled (and
skipped runs), outbox counts by state, the latest errors, paused destinations and feed health
(the feeds table the ingest side fills; absent or empty is said so, not hidden).
"""
from __future__ import annotations

from datetime import datetime

from foundation.clock import parse_stamp
from storage import Store
from storage.delivery import last_errors, list_destinations, list_schedules, outbox_counts

from bot.core.schedule_spec import describe, local_text, next_run


def status_lines(store: Store, now: datetime) -> list[str]:
    lines = ["Schedules:"]
    schedules = list_schedules(store)
    for s in schedules:
        try:
            nxt = local_text(next_run(s, now), s.tz)
        except ValueError as err:
            nxt = f"invalid ({err})"
        last = ""
        if s.last_run_at:
            last = f"; last run {local_text(parse_stamp(s.last_run_at), s.tz)} {s.last_run_state or ''}"
        lines.append(f"  {s.destination_id}: {describe(s)}; next {nxt}{last.rstrip()}")
        if s.last_error:
            lines.append(f"    last error: {s.last_error}")
    if not schedules:
        lines.append("  none (set one with `briefbot schedule add DESTINATION mon 09:00 Europe/London`)")
    counts = outbox_counts(store)
    lines.append("Outbox: " + ", ".join(f"{state} {n}" for state, n in counts.items()))
    errors = last_errors(store)
    if errors:
        lines.append("Last errors:")
        lines += [f"  #{e.id} {e.state} {e.destination_id} {e.idempotency_key}: {e.last_error}" for e in errors]
    paused = [d for d in list_destinations(store) if d.paused]
    lines.append("Paused destinations: " + (", ".join(f"{d.id} ({d.paused_reason})" for d in paused) if paused
                                            else "none"))
    lines += feed_lines(store)
    return lines


def feed_lines(store: Store) -> list[str]:
    if not store.db["feeds"].exists():
        return ["Feeds: no feeds table"]
    rows = store.rows("select * from feeds order by id")
    if not rows:
        return ["Feeds: none configured"]
    ok = sum(1 for r in rows if not r.get("paused") and not r.get("failures"))
    lines = [f"Feeds: {len(rows)} ({ok} healthy)"]
    for r in rows:
        if r.get("paused") or r.get("failures"):
            state = "paused" if r.get("paused") else f"{r.get('failures')} failure(s)"
            lines.append(f"  {r['id']}: {state}; last ok {r.get('last_ok_at') or 'never'}; "
                         f"{r.get('paused_reason') or r.get('last_error') or ''}".rstrip("; "))
    return lines
