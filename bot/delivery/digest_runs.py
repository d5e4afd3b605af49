"""Due digest runs: turn every schedule slot that has come into exactly one outbox row.

Rules. The schedules table is the only source of truth: a slot is due when it is at or before
now and after both the schedule's last handled slot (last_run_at) and the moment the schedule
was set (created_at). Only the latest due slot counts (runs missed while down are coalesced).
Within the grace period (settings.grace_hours, default 24) it is enqueued, however late; older,
it is recorded as a skipped outbox row, visible in `briefbot status`, and never sent. The
outbox key f"digest:{destination_id}:{period}" makes a repeat of the same slot (a crash between
enqueueing and recording the run) a no-op: exactly once, without a persistent job store.
Destinations with the same week, zone and filters share one digest (one summary, one set of
LLM tokens).
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from foundation.clock import parse_stamp, stamp as _iso
from storage.delivery import (Schedule, enqueue, list_schedules, outbox_by_key, record_schedule_error,
                              record_schedule_run, record_skipped)

from bot.core.digest_post import build_digest_message, digest_key
from bot.core.schedule_spec import last_run, period_for

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunOutcome:
    destination_id: str
    slot: datetime
    key: str
    state: str
    """enqueued | already | skipped | failed"""
    detail: str = ""



def due_slot(schedule: Schedule, now: datetime) -> datetime | None:
    """The latest slot at or before now that has not been handled, or None."""
    slot = last_run(schedule, now)
    for mark in (schedule.last_run_at, schedule.created_at):
        if mark and slot <= parse_stamp(mark):
            return None
    return slot


def run_due_digests(services, now: datetime, *, grace_hours: float = 24.0, settings=None) -> list[RunOutcome]:
    """Handle every due slot once; safe to call as often as you like (the scheduler ticks it)."""
    store = services.store
    outcomes: list[RunOutcome] = []
    shared: dict[tuple, object] = {}
    for schedule in list_schedules(store):
        try:
            slot = due_slot(schedule, now)
        except ValueError as err:  # a zone or time the table should never hold
            record_schedule_error(store, schedule.destination_id, str(err))
            continue
        if slot is None:
            continue
        period, week = period_for(schedule, slot)
        key = digest_key(schedule.destination_id, period)
        slot_iso, now_iso = _iso(slot), _iso(now)
        late = now - slot
        if outbox_by_key(store, key) is not None:
            record_schedule_run(store, schedule.destination_id, slot_iso, "enqueued")
            outcomes.append(RunOutcome(schedule.destination_id, slot, key, "already"))
            continue
        if late > timedelta(hours=grace_hours):
            reason = (f"skipped: the {slot_iso} run was missed by {late.total_seconds() / 3600:.1f} h, "
                      f"beyond the {grace_hours:g} h grace period")
            record_skipped(store, key, schedule.destination_id, "digest", reason, now_iso)
            record_schedule_run(store, schedule.destination_id, slot_iso, "skipped", reason)
            log.warning("digest %s %s", key, reason)
            outcomes.append(RunOutcome(schedule.destination_id, slot, key, "skipped", reason))
            continue
        try:
            reply = _digest(services, shared, week, schedule, settings)
        except Exception as err:  # the slot stays due and is tried again on the next tick
            log.exception("digest %s could not be built", key)
            record_schedule_error(store, schedule.destination_id, f"{type(err).__name__}: {err}")
            outcomes.append(RunOutcome(schedule.destination_id, slot, key, "failed", str(err)))
            continue
        with store.db.atomic():
            enqueue(store, key, schedule.destination_id, "digest", reply.to_json(), now_iso)
            record_schedule_run(store, schedule.destination_id, slot_iso, "enqueued")
        if late > timedelta(minutes=5):
            log.info("digest %s enqueued %.1f h late (missed while down, within the grace period)", key,
                     late.total_seconds() / 3600)
        else:
            log.info("digest %s enqueued", key)
        outcomes.append(RunOutcome(schedule.destination_id, slot, key, "enqueued"))
    return outcomes



def _digest(services, shared: dict, week: str, schedule: Schedule, settings):
    filters = _filters(schedule.filters)
    group = (week, schedule.tz, json.dumps(filters, sort_keys=True))
    if group not in shared:
        shared[group] = build_digest_message(services, week, schedule.tz, filters, settings)
    return shared[group]



def _filters(text: str | None) -> dict | None:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return None
    return value or None
