"""Delivery state: destinations, subscriptions, schedules and the outbox.

A destination is one place a message can go: a channel, or a user's DM, on one
platform and workspace/guild. Its id is "platform:workspace:target". The outbox
is the only way anything is delivered: a row is written (with an idempotency
key) before any send is attempted, so a crash can lose nothing and duplicate
nothing. Storage knows nothing about the platforms themselves.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .store import Store

OUTBOX_STATES = ("pending", "in_flight", "sent", "dead", "skipped")


@dataclass(frozen=True)
class Destination:
    id: str
    platform: str
    workspace: str
    target: str
    is_dm: bool = False
    tz: str = "UTC"
    paused: bool = False
    paused_reason: str | None = None


@dataclass(frozen=True)
class Subscription:
    id: int
    destination_id: str
    target_kind: str
    """vendor | model"""
    target_id: str
    created_by: str | None = None


@dataclass(frozen=True)
class Schedule:
    destination_id: str
    cadence: str = "weekly"
    weekday: int = 0
    """0 = Monday; ignored for daily."""
    time: str = "09:00"
    tz: str = "UTC"
    filters: str = "{}"
    created_by: str | None = None
    created_at: str | None = None
    """When the schedule was last set: slots before it are never "missed"."""
    last_run_at: str | None = None
    """UTC instant of the last slot handled (enqueued or skipped)."""
    last_run_state: str | None = None
    last_error: str | None = None


@dataclass(frozen=True)
class OutboxItem:
    id: int
    idempotency_key: str
    destination_id: str
    kind: str
    payload: str
    state: str
    attempts: int
    next_attempt_at: str | None
    last_error: str | None
    platform_message_id: str | None
    created_at: str
    sent_at: str | None
    check_sent: int = 0
    """1 when the last send may have reached the platform: ask find_sent before sending again."""
    updated_at: str | None = None


def destination_id(platform: str, workspace: str, target: str) -> str:
    return f"{platform}:{workspace}:{target}"


def _dest(row: dict[str, Any]) -> Destination:
    return Destination(id=row["id"], platform=row["platform"], workspace=row["workspace"], target=row["target"],
                       is_dm=bool(row["is_dm"]), tz=row["tz"], paused=bool(row["paused"]),
                       paused_reason=row["paused_reason"])


def ensure_destination(store: Store, platform: str, workspace: str, target: str, *, is_dm: bool = False,
                       tz: str | None = None) -> Destination:
    dest_id = destination_id(platform, workspace, target)
    store.db.execute("""insert into destinations (id, platform, workspace, target, is_dm, tz)
        values (?, ?, ?, ?, ?, ?) on conflict(id) do nothing""",
                     [dest_id, platform, workspace, target, int(is_dm), tz or "UTC"])
    if tz:
        store.db.execute("update destinations set tz = ? where id = ?", [tz, dest_id])
    return get_destination(store, dest_id)  # type: ignore[return-value]


def get_destination(store: Store, dest_id: str) -> Destination | None:
    rows = store.rows("select * from destinations where id = ?", [dest_id])
    return _dest(rows[0]) if rows else None


def list_destinations(store: Store) -> list[Destination]:
    return [_dest(r) for r in store.rows("select * from destinations order by id")]


def pause_destination(store: Store, dest_id: str, reason: str, now: str) -> None:
    store.db.execute("update destinations set paused = 1, paused_reason = ?, paused_at = ? where id = ?",
                     [reason, now, dest_id])


def resume_destination(store: Store, dest_id: str) -> None:
    store.db.execute("update destinations set paused = 0, paused_reason = null, paused_at = null where id = ?",
                     [dest_id])


# ---- subscriptions ------------------------------------------------------
def subscribe(store: Store, dest_id: str, target_kind: str, target_id: str, by: str | None, now: str) -> bool:
    """True when the subscription is new."""
    cur = store.db.execute("""insert into subscriptions (destination_id, target_kind, target_id, created_by, created_at)
        values (?, ?, ?, ?, ?) on conflict do nothing""", [dest_id, target_kind, target_id, by, now])
    return cur.rowcount == 1


def unsubscribe(store: Store, dest_id: str, target_kind: str, target_id: str) -> bool:
    cur = store.db.execute("delete from subscriptions where destination_id = ? and target_kind = ? and target_id = ?",
                           [dest_id, target_kind, target_id])
    return cur.rowcount > 0


def subscriptions_for(store: Store, dest_id: str) -> list[Subscription]:
    return [Subscription(r["id"], r["destination_id"], r["target_kind"], r["target_id"], r["created_by"])
            for r in store.rows("select * from subscriptions where destination_id = ? order by target_kind, target_id",
                                [dest_id])]


def subscribers_for(store: Store, vendor_id: str | None, model_id: str | None) -> list[Subscription]:
    """Subscriptions matching a vendor or a model, one per destination (model first)."""
    rows = store.rows("""select * from subscriptions where (target_kind = 'model' and target_id = ?)
        or (target_kind = 'vendor' and target_id = ?) order by destination_id, target_kind desc""",
                      [model_id or "", vendor_id or ""])
    seen, out = set(), []
    for r in rows:
        if r["destination_id"] not in seen:
            seen.add(r["destination_id"])
            out.append(Subscription(r["id"], r["destination_id"], r["target_kind"], r["target_id"], r["created_by"]))
    return out


# ---- schedules ----------------------------------------------------------
def set_schedule(store: Store, schedule: Schedule, now: str) -> None:
    store.db.execute("""insert into schedules (destination_id, cadence, weekday, time, tz, filters, created_by, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict(destination_id) do update set cadence = excluded.cadence,
        weekday = excluded.weekday, time = excluded.time, tz = excluded.tz, filters = excluded.filters,
        created_by = excluded.created_by, created_at = excluded.created_at""",
                     [schedule.destination_id, schedule.cadence, schedule.weekday, schedule.time, schedule.tz,
                      schedule.filters, schedule.created_by, now])


def remove_schedule(store: Store, dest_id: str) -> bool:
    return store.db.execute("delete from schedules where destination_id = ?", [dest_id]).rowcount > 0


def get_schedule(store: Store, dest_id: str) -> Schedule | None:
    rows = store.rows("select * from schedules where destination_id = ?", [dest_id])
    return _schedule(rows[0]) if rows else None


def list_schedules(store: Store) -> list[Schedule]:
    return [_schedule(r) for r in store.rows("select * from schedules order by destination_id")]


def _schedule(r: dict[str, Any]) -> Schedule:
    return Schedule(**{k: r[k] for k in Schedule.__dataclass_fields__ if k in r})


def record_schedule_run(store: Store, dest_id: str, slot: str, state: str, error: str | None = None) -> None:
    """Remember the slot as handled (state enqueued | skipped), so it is never run again."""
    store.db.execute("update schedules set last_run_at = ?, last_run_state = ?, last_error = ? where destination_id = ?",
                     [slot, state, error, dest_id])


def record_schedule_error(store: Store, dest_id: str, error: str) -> None:
    """A run that failed before its outbox row existed; the slot stays due (retried on the next tick)."""
    store.db.execute("update schedules set last_error = ? where destination_id = ?", [error, dest_id])


# ---- outbox -------------------------------------------------------------
def enqueue(store: Store, key: str, dest_id: str, kind: str, payload: str | dict, now: str) -> bool:
    """Write an outbox row unless one with this idempotency key exists; True when written."""
    if not isinstance(payload, str):
        payload = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    cur = store.db.execute("""insert into outbox (idempotency_key, destination_id, kind, payload, state, created_at,
        next_attempt_at) values (?, ?, ?, ?, 'pending', ?, ?) on conflict(idempotency_key) do nothing""",
                           [key, dest_id, kind, payload, now, now])
    return cur.rowcount == 1


def record_skipped(store: Store, key: str, dest_id: str, kind: str, reason: str, now: str) -> bool:
    """An outbox row in state skipped (a run missed beyond the grace period): visible, never sent."""
    cur = store.db.execute("""insert into outbox (idempotency_key, destination_id, kind, payload, state, created_at,
        last_error, updated_at) values (?, ?, ?, '{}', 'skipped', ?, ?, ?) on conflict(idempotency_key) do nothing""",
                           [key, dest_id, kind, now, reason, now])
    return cur.rowcount == 1


def _item(r: dict[str, Any]) -> OutboxItem:
    return OutboxItem(**{k: r[k] for k in OutboxItem.__dataclass_fields__ if k in r})


def outbox_by_key(store: Store, key: str) -> OutboxItem | None:
    rows = store.rows("select * from outbox where idempotency_key = ?", [key])
    return _item(rows[0]) if rows else None


def pending_items(store: Store) -> list[OutboxItem]:
    """Every pending row, in send order per destination (oldest first)."""
    return [_item(r) for r in store.rows("select * from outbox where state = 'pending' order by destination_id, id")]


def mark_in_flight(store: Store, item_id: int, now: str, *, expected_attempts: int | None = None) -> bool:
    """Claim a pending row for sending: a compare-and-set on its state, committed before the send
    starts (a crash from here on leaves a row that recovery checks). True only for the caller that
    moved the row from pending to in_flight; a caller that gets False must not send it (another
    drainer won it, or it changed since it was read). `expected_attempts` (the attempts the caller
    read) also refuses a stale copy of a row that was tried and put back in the meantime."""
    guard = "" if expected_attempts is None else " and attempts = ?"
    params: list[Any] = [now, item_id] + ([] if expected_attempts is None else [expected_attempts])
    cur = store.db.execute(f"""update outbox set state = 'in_flight', attempts = attempts + 1, updated_at = ?
        where id = ? and state = 'pending'{guard}""", params)
    return cur.rowcount == 1


def mark_sent(store: Store, item_id: int, message_id: str | None, now: str) -> None:
    store.db.execute("""update outbox set state = 'sent', platform_message_id = ?, sent_at = ?, updated_at = ?,
        check_sent = 0 where id = ?""", [message_id, now, now, item_id])


def mark_retry(store: Store, item_id: int, error: str, next_attempt_at: str, now: str, *,
               check_sent: bool = False, count_attempt: bool = True) -> None:
    """Back to pending, due again at next_attempt_at. count_attempt=False gives the attempt back
    (the send never started, e.g. the destination is paused or the sender is not connected)."""
    store.db.execute(f"""update outbox set state = 'pending', last_error = ?, next_attempt_at = ?, updated_at = ?,
        check_sent = ? {'' if count_attempt else ', attempts = max(attempts - 1, 0)'} where id = ?""",
                     [error, next_attempt_at, now, int(check_sent), item_id])


def mark_dead(store: Store, item_id: int, error: str, now: str) -> None:
    store.db.execute("update outbox set state = 'dead', last_error = ?, updated_at = ? where id = ?",
                     [error, now, item_id])


def return_in_flight(store: Store, now: str) -> int:
    """At start: rows left in flight by a crash go back to pending, flagged for a find_sent check."""
    return store.db.execute("""update outbox set state = 'pending', check_sent = 1, next_attempt_at = ?, updated_at = ?
        where state = 'in_flight'""", [now, now]).rowcount


def retry_dead(store: Store, ids: list[int] | None, now: str) -> int:
    """Dead rows (all of them when ids is None) back to pending with a fresh attempt budget."""
    where = "state = 'dead'"
    params: list[Any] = [now, now]
    if ids is not None:
        if not ids:
            return 0
        where += f" and id in ({','.join('?' * len(ids))})"
        params += ids
    return store.db.execute(f"""update outbox set state = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ?,
        check_sent = 1 where {where}""", params).rowcount


def last_errors(store: Store, limit: int = 5) -> list[OutboxItem]:
    """Rows with an error, most recently touched first (dead, retrying, skipped)."""
    return [_item(r) for r in store.rows("""select * from outbox where last_error is not null
        order by coalesce(updated_at, created_at) desc, id desc limit ?""", [limit])]


def outbox_item(store: Store, item_id: int) -> OutboxItem | None:
    rows = store.rows("select * from outbox where id = ?", [item_id])
    return _item(rows[0]) if rows else None


def outbox_items(store: Store, state: str | None = None, limit: int = 100) -> list[OutboxItem]:
    if state:
        return [_item(r) for r in store.rows("select * from outbox where state = ? order by id limit ?", [state, limit])]
    return [_item(r) for r in store.rows("select * from outbox order by id desc limit ?", [limit])]


def outbox_counts(store: Store) -> dict[str, int]:
    counts = {state: 0 for state in OUTBOX_STATES}
    for r in store.rows("select state, count(*) as n from outbox group by state"):
        counts[r["state"]] = r["n"]
    return counts
