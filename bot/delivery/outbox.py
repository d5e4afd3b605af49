"""The outbox drain: sends pending outbox rows through the platform senders, exactly once.

Rules.
- Nothing is sent that is not first an outbox row with an idempotency key (storage.delivery.enqueue).
- Per destination, rows go strictly in id order: the oldest pending row blocks the ones behind it
  while it waits for a retry, so a recovering platform receives everything in order. Dead and
  skipped rows no longer block. Per destination at most one message per `pace_seconds` (1 s:
  Slack's chat.postMessage limit per channel).
- A row is marked in_flight (committed) before the send and sent (with the platform's message id)
  after it. A row that may have reached the platform without being recorded (found in flight at
  start, cancelled at shutdown, or a timeout) carries check_sent: the sender's find_sent is asked
  first, and a hit is recorded as sent without sending again.
- RetryableSendError: back to pending after an exponential backoff with full jitter (or the
  platform's retry_after); after `max_attempts` failed attempts the row is dead, shown by
  `briefbot outbox` and retryable from there. PermanentSendError: the row keeps its place, the
  destination is paused (nothing more is tried there until resumed) and the admin is told.
- Rows for a platform without a sender in this process wait; nothing is retried forever.
"""
from __future__ import annotations

from foundation.clock import parse_stamp, stamp, utc_now
import asyncio
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from storage import Store
from storage.delivery import (Destination, OutboxItem, enqueue, get_destination, mark_dead, mark_in_flight,
                              mark_retry, mark_sent, pause_destination, pending_items, return_in_flight)

from bot.delivery.protocol import PermanentSendError, RetryableSendError, Sender
from bot.core.reply import Reply, Section

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DrainPolicy:
    max_attempts: int = 8
    """Failed attempts before a row is dead."""
    base_delay: float = 2.0
    """Seconds before the first retry; doubles per attempt."""
    max_delay: float = 900.0
    pace_seconds: float = 1.0
    """At least this long between two messages to one destination."""
    admin_destination: str | None = None
    """Destination id told when a destination is paused (else the error is logged)."""

    @classmethod
    def from_settings(cls, settings) -> "DrainPolicy":
        section = settings.outbox
        return cls(max_attempts=section.max_attempts, base_delay=section.base_delay, pace_seconds=section.pace,
                   admin_destination=section.admin_destination)


@dataclass
class DrainStats:
    sent: int = 0
    found: int = 0
    """Recorded as sent because find_sent saw them on the platform."""
    retried: int = 0
    dead: int = 0
    paused: int = 0


@dataclass
class Outbox:
    store: Store
    senders: dict[str, Sender]
    policy: DrainPolicy = DrainPolicy()
    clock: Callable[[], datetime] = utc_now
    rng: random.Random = field(default_factory=random.Random)
    stats: DrainStats = field(default_factory=DrainStats)
    stopping: bool = False
    _last_send: dict[str, float] = field(default_factory=dict)
    _busy: asyncio.Lock | None = None
    _warned: set[str] = field(default_factory=set)

    def recover(self) -> int:
        """At start: rows a crash left in flight go back to pending, to be checked with find_sent."""
        n = return_in_flight(self.store, self._now())
        if n:
            log.warning("%s outbox row(s) were in flight when the bot stopped; each is checked on its "
                        "platform before any resend", n)
        return n

    async def drain_once(self) -> int:
        """Send every row that is due now (respecting order and pacing); returns rows settled."""
        if self._busy is None:
            self._busy = asyncio.Lock()
        if self._busy.locked():
            return 0
        async with self._busy:
            settled = 0
            while not self.stopping:
                progressed = 0
                for item in self._sendable():
                    if self.stopping:
                        break
                    progressed += await self._deliver(item)
                settled += progressed
                if not progressed:
                    break
            return settled

    async def wait_idle(self, timeout: float) -> bool:
        """For shutdown: True once no send is running (the current one finished)."""
        if self._busy is None:
            return True
        try:
            await asyncio.wait_for(self._busy.acquire(), timeout)
        except asyncio.TimeoutError:
            return False
        self._busy.release()
        return True

    def next_due_in(self) -> float | None:
        """Seconds until the next pending row may be tried (None: nothing pending for a known sender)."""
        now = self.clock()
        waits = []
        for item in self._heads():
            due = parse_stamp(item.next_attempt_at) if item.next_attempt_at else now
            pace = self._last_send.get(item.destination_id, -1e9) + self.policy.pace_seconds - time.monotonic()
            waits.append(max((due - now).total_seconds(), pace, 0.0))
        return min(waits) if waits else None

    # ---- internals -------------------------------------------------------
    def _heads(self) -> list[OutboxItem]:
        """The oldest pending row of each destination that is not paused and has a sender here."""
        heads, seen = [], set()
        for item in pending_items(self.store):
            if item.destination_id in seen:
                continue
            seen.add(item.destination_id)
            destination = get_destination(self.store, item.destination_id)
            if destination is None or destination.paused:
                continue
            if destination.platform not in self.senders:
                if destination.platform not in self._warned:
                    self._warned.add(destination.platform)
                    log.warning("outbox rows for %s wait: no %s sender is running", destination.id,
                                destination.platform)
                continue
            heads.append(item)
        return heads

    def _sendable(self) -> list[OutboxItem]:
        now, mono = self.clock(), time.monotonic()
        out = []
        for item in self._heads():
            if item.next_attempt_at and parse_stamp(item.next_attempt_at) > now:
                continue
            if mono - self._last_send.get(item.destination_id, -1e9) < self.policy.pace_seconds:
                continue
            out.append(item)
        return out

    async def _deliver(self, item: OutboxItem) -> int:
        destination = get_destination(self.store, item.destination_id)
        assert destination is not None
        sender = self.senders[destination.platform]
        try:
            if item.check_sent:
                message_id = await sender.find_sent(destination, item.idempotency_key)
                if message_id is not None:
                    mark_sent(self.store, item.id, message_id, self._now())
                    self.stats.found += 1
                    log.info("outbox %s (%s) was already on %s as %s: recorded, not resent", item.id,
                             item.idempotency_key, destination.platform, message_id)
                    return 1
            reply = Reply.from_json(item.payload)
            if not mark_in_flight(self.store, item.id, self._now(), expected_attempts=item.attempts):
                log.info("outbox %s (%s) was claimed by another drainer: skipped", item.id, item.idempotency_key)
                return 0
            self._last_send[destination.id] = time.monotonic()
            result = await sender.send(destination, reply, item.idempotency_key)
        except asyncio.CancelledError:
            # shutdown mid-send: we cannot know whether the platform took it, so the row goes back
            # flagged for a find_sent check (never resent blindly)
            mark_retry(self.store, item.id, "interrupted by shutdown", self._now(), self._now(), check_sent=True)
            raise
        except RetryableSendError as err:
            return self._retry(item, destination, err)
        except PermanentSendError as err:
            self._pause(item, destination, err)
            return 1
        except Exception as err:  # a sender bug: treated as retryable so it ends dead, not looping
            log.exception("sender %s failed on outbox %s", destination.platform, item.id)
            return self._retry(item, destination, RetryableSendError(type(err).__name__, str(err)))
        mark_sent(self.store, item.id, result.message_id, self._now())
        self.stats.sent += 1
        log.info("outbox %s (%s) sent to %s as %s", item.id, item.idempotency_key, destination.id, result.message_id)
        return 1

    def _retry(self, item: OutboxItem, destination: Destination, err: RetryableSendError) -> int:
        attempts = item.attempts + 1
        error = f"retryable: {err}"
        if attempts >= self.policy.max_attempts:
            mark_dead(self.store, item.id, f"{error} (gave up after {attempts} attempts)", self._now())
            self.stats.dead += 1
            log.error("outbox %s (%s) to %s is dead after %s attempts: %s; retry with `briefbot outbox retry %s`",
                      item.id, item.idempotency_key, destination.id, attempts, err, item.id)
            return 1
        delay = self.backoff(attempts, err.retry_after)
        maybe_sent = "timeout" in (err.reason or "").lower()
        mark_retry(self.store, item.id, error, stamp(self.clock() + timedelta(seconds=delay)), self._now(),
                   check_sent=maybe_sent)
        self.stats.retried += 1
        log.warning("outbox %s to %s failed (%s), attempt %s of %s; retrying in %.2f s", item.id, destination.id,
                    err, attempts, self.policy.max_attempts, delay)
        return 0

    def backoff(self, attempts: int, retry_after: float | None = None) -> float:
        """Full jitter on an exponential ceiling; the platform's retry_after is a floor."""
        ceiling = min(self.policy.max_delay, self.policy.base_delay * 2 ** (attempts - 1))
        delay = self.rng.uniform(ceiling / 2, ceiling)
        if retry_after is not None:
            delay = max(float(retry_after), 0.0) + self.rng.uniform(0, min(1.0, self.policy.base_delay))
        return delay

    def _pause(self, item: OutboxItem, destination: Destination, err: PermanentSendError) -> None:
        now = self._now()
        reason = f"permanent: {err}"
        with self.store.db.atomic():
            mark_retry(self.store, item.id, reason, now, now, check_sent=False, count_attempt=False)
            pause_destination(self.store, destination.id, str(err), now)
        self.stats.paused += 1
        log.error("destination %s paused: %s rejected outbox %s (%s) with %s; nothing more is sent there until "
                  "an admin fixes it and runs `briefbot outbox resume %s`", destination.id, destination.platform,
                  item.id, item.idempotency_key, err, destination.id)
        admin = self.policy.admin_destination
        if admin and admin != destination.id:
            notice = Reply(title="briefbot paused a destination", ephemeral=False, kind="alert", sections=(
                Section(text=f"Delivery to **{destination.id}** failed permanently: {err}."),
                Section(text=f"Fix access, then run `briefbot outbox resume {destination.id}`; "
                             "the waiting messages are then sent in order.")))
            enqueue(self.store, f"notice:{destination.id}:{item.idempotency_key}", admin, "notice",
                    notice.to_json(), now)

    def _now(self) -> str:
        return stamp(self.clock())
