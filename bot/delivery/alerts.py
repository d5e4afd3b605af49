"""Vendor alerts: pending alert events batched into one outbox message per destination.

The scheduler calls `flush_alerts(services, now)` every few minutes. Rules: a
destination's events are sent once its oldest pending event is older than the
window (BRIEFBOT_ALERT_WINDOW_MINUTES, default 10), all together in one reply,
so five claims from one launch post are one message, not five; the outbox
idempotency key is derived from the destination and the items, and each event
is marked flushed in the same transaction as the enqueue, so an item never
alerts a destination twice; every alert says how to unsubscribe.
"""
from __future__ import annotations

import hashlib
import logging
from datetime import datetime, timedelta

from foundation.clock import aware, parse_stamp, stamp
from storage.delivery import enqueue, subscriptions_for
from storage.ingest_state import AlertEvent, mark_alerts_flushed, pending_alert_destinations, pending_alert_events

from bot.core.reply import Link, Reply, Section
from bot.core.context import Services

log = logging.getLogger(__name__)

DEFAULT_WINDOW_MINUTES = 10.0
MAX_ITEMS = 20


def window_minutes(services: Services) -> float:
    settings = services.extra.get("settings")
    return settings.alerts.window_minutes if settings is not None else DEFAULT_WINDOW_MINUTES


def _iso(now) -> tuple[datetime, str]:
    now = parse_stamp(now) if isinstance(now, str) else aware(now)
    return now, stamp(now)


def alert_key(dest_id: str, events: list[AlertEvent]) -> str:
    items = "\n".join(sorted(f"{e.item_kind}:{e.item_id}" for e in events))
    return "alert:" + hashlib.sha256(f"{dest_id}\n{items}".encode()).hexdigest()[:32]


def alert_reply(events: list[AlertEvent], subscriptions: list[str]) -> Reply:
    shown = events[:MAX_ITEMS]
    items = tuple(e.text for e in shown)
    more = f"…and {len(events) - len(shown)} more; see `/releases` and `/claims`." if len(events) > len(shown) else None
    links, seen = [], set()
    for e in shown:
        if e.url and e.url not in seen and len(links) < 5:
            seen.add(e.url)
            links.append(Link(f"Source {len(links) + 1}", e.url))
    n = len(events)
    title = f"{n} new item{'s' if n != 1 else ''} from what you follow"
    unsub = ("To stop these alerts: " + ", ".join(f"`/unsubscribe {s}`" for s in subscriptions[:3])
             if subscriptions else "To stop these alerts: `/unsubscribe NAME` (see `/subscriptions`).")
    return Reply(title=title, sections=(Section(items=items, text=more),), links=tuple(links),
                 footnotes=(unsub,), ephemeral=False, kind="alert")


def flush_alerts(services: Services, now, *, window: float | None = None) -> list[str]:
    """Enqueue one alert per destination whose batch is due; returns the outbox keys written."""
    store = services.store
    now_dt, now_s = _iso(now)
    window = window_minutes(services) if window is None else window
    cutoff = stamp(now_dt - timedelta(minutes=window))
    written = []
    for dest_id in pending_alert_destinations(store, cutoff):
        with store.db.atomic():
            events = pending_alert_events(store, dest_id)
            if not events:
                continue
            targets = sorted({s.target_id for s in subscriptions_for(store, dest_id)})
            key = alert_key(dest_id, events)
            reply = alert_reply(events, targets)
            if enqueue(store, key, dest_id, "alert", reply.to_json(), now_s):
                written.append(key)
            mark_alerts_flushed(store, [e.id for e in events], key, now_s)
    if written:
        log.info("alerts: %s batched messages enqueued", len(written))
    return written
