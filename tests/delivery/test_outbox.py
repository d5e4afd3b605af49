"""The outbox drain against a fake platform (an in-process Sender: the transport is not the subject
here; the Slack and Discord senders are tested over local sockets by their own suites)."""
from __future__ import annotations

import asyncio
import random
import time
from datetime import datetime, timezone

import pytest

from bot.delivery.protocol import PermanentSendError, RetryableSendError, SendResult
from bot.delivery.outbox import DrainPolicy, Outbox
from bot.core.reply import Reply, Section
from storage import Store
from storage.delivery import (enqueue, ensure_destination, get_destination, mark_in_flight, outbox_by_key,
                              outbox_counts, outbox_items, resume_destination, retry_dead)

FAST = DrainPolicy(max_attempts=8, base_delay=0.001, max_delay=0.01, pace_seconds=0.0)


class FakePlatform:
    """Answers each send from a script of failures, then accepts; keeps its own history (by key)."""

    platform = "fake"

    def __init__(self, failures=(), *, fail_for=None):
        self.failures = list(failures)
        self.fail_for = fail_for or {}
        self.history: list[tuple[str, str]] = []
        self.calls = 0
        self.find_calls = 0
        self.block: asyncio.Event | None = None

    async def send(self, destination, reply, key):
        self.calls += 1
        if self.block is not None:
            await self.block.wait()
        if destination.id in self.fail_for:
            raise self.fail_for[destination.id]
        if self.failures:
            raise self.failures.pop(0)
        self.history.append((destination.id, key))
        return SendResult(message_id=f"m{len(self.history)}")

    async def find_sent(self, destination, key):
        self.find_calls += 1
        for i, (dest, k) in enumerate(self.history):
            if (dest, k) == (destination.id, key):
                return f"m{i + 1}"
        return None


def now() -> str:
    return datetime.now(timezone.utc).isoformat()


def payload(n) -> str:
    return Reply(title=f"item {n}", sections=(Section(text="x"),), ephemeral=False, kind="alert").to_json()


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "outbox.db")
    for name in ("a", "b", "c", "admin"):
        ensure_destination(s, "fake", "w", name)
    yield s
    s.close()


async def drain_until_quiet(outbox: Outbox, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        await outbox.drain_once()
        wait = outbox.next_due_in()
        if wait is None:
            return
        await asyncio.sleep(min(max(wait, 0.001), 0.05))
    raise AssertionError("outbox did not settle")


def test_429_and_500_for_a_while_then_everything_once_in_order(store):
    keys = {d: [] for d in ("a", "b", "c")}
    for n in range(30):
        dest = "abc"[n % 3]
        key = f"alert:fake:w:{dest}:{n}"
        keys[dest].append(key)
        assert enqueue(store, key, f"fake:w:{dest}", "alert", payload(n), now())
    assert not enqueue(store, "alert:fake:w:a:0", "fake:w:a", "alert", payload(0), now())   # same key: no row
    failures = [RetryableSendError("ratelimited", retry_after=0.002) if i % 2 else RetryableSendError("http_500")
                for i in range(12)]
    platform = FakePlatform(failures)
    outbox = Outbox(store, {"fake": platform}, FAST, rng=random.Random(1))
    asyncio.run(drain_until_quiet(outbox))
    assert platform.calls == 30 + 12
    assert len(platform.history) == 30 and len(set(platform.history)) == 30
    for dest, expected in keys.items():
        assert [k for d, k in platform.history if d == f"fake:w:{dest}"] == expected
    assert outbox_counts(store)["sent"] == 30 and outbox.stats.retried == 12
    assert all(item.platform_message_id for item in outbox_items(store, "sent"))


def test_a_failing_row_blocks_its_destination_only(store):
    enqueue(store, "k1", "fake:w:a", "alert", payload(1), now())
    enqueue(store, "k2", "fake:w:a", "alert", payload(2), now())
    enqueue(store, "k3", "fake:w:b", "alert", payload(3), now())
    platform = FakePlatform([RetryableSendError("http_503")])
    outbox = Outbox(store, {"fake": platform}, DrainPolicy(base_delay=60, pace_seconds=0))
    asyncio.run(outbox.drain_once())
    assert platform.history == [("fake:w:b", "k3")]          # a's first row waits 30-60 s, a's second waits behind it
    assert outbox_by_key(store, "k2").state == "pending" and outbox_by_key(store, "k2").attempts == 0
    assert outbox_by_key(store, "k1").attempts == 1 and "http_503" in outbox_by_key(store, "k1").last_error


def test_retry_after_is_a_floor_and_backoff_grows_with_jitter():
    outbox = Outbox(None, {}, DrainPolicy(base_delay=2, max_delay=900), rng=random.Random(3))
    delays = [outbox.backoff(n) for n in range(1, 12)]
    assert all(2 ** (n - 1) <= d <= 2 ** n for n, d in zip(range(1, 9), delays))   # ceiling/2 .. ceiling
    assert max(delays) <= 900
    assert 30 <= outbox.backoff(1, retry_after=30) <= 31


def test_after_n_failures_the_row_is_dead_then_retryable(store):
    enqueue(store, "k1", "fake:w:a", "alert", payload(1), now())
    enqueue(store, "k2", "fake:w:a", "alert", payload(2), now())
    platform = FakePlatform([RetryableSendError("http_500")] * 3)
    outbox = Outbox(store, {"fake": platform}, DrainPolicy(max_attempts=3, base_delay=0.001, pace_seconds=0))
    asyncio.run(drain_until_quiet(outbox))
    dead = outbox_by_key(store, "k1")
    assert dead.state == "dead" and dead.attempts == 3 and "gave up after 3" in dead.last_error
    assert platform.history == [("fake:w:a", "k2")]            # a dead row no longer blocks the destination
    assert retry_dead(store, [dead.id], now()) == 1
    asyncio.run(drain_until_quiet(outbox))
    assert platform.history == [("fake:w:a", "k2"), ("fake:w:a", "k1")]
    assert outbox_counts(store) == {"pending": 0, "in_flight": 0, "sent": 2, "dead": 0, "skipped": 0}


def test_permanent_error_pauses_the_destination_and_tells_the_admin(store, caplog):
    enqueue(store, "k1", "fake:w:a", "alert", payload(1), now())
    enqueue(store, "k2", "fake:w:a", "alert", payload(2), now())
    platform = FakePlatform(fail_for={"fake:w:a": PermanentSendError("channel_not_found")})
    policy = DrainPolicy(base_delay=0.001, pace_seconds=0, admin_destination="fake:w:admin")
    outbox = Outbox(store, {"fake": platform}, policy)
    with caplog.at_level("ERROR", logger="bot.delivery.outbox"):
        asyncio.run(drain_until_quiet(outbox))
    dest = get_destination(store, "fake:w:a")
    assert dest.paused and "channel_not_found" in dest.paused_reason
    assert "paused" in caplog.text and "fake:w:a" in caplog.text
    assert platform.calls == 2                                    # k1 once, then the admin notice; never k2
    assert [d for d, _ in platform.history] == ["fake:w:admin"]
    assert outbox_by_key(store, "k1").state == "pending" and outbox_by_key(store, "k1").attempts == 0
    asyncio.run(drain_until_quiet(outbox))
    assert platform.calls == 2                                    # paused: nothing retried
    platform.fail_for.clear()
    resume_destination(store, "fake:w:a")
    asyncio.run(drain_until_quiet(outbox))
    assert [k for d, k in platform.history if d == "fake:w:a"] == ["k1", "k2"]


def test_row_found_in_flight_at_start_is_checked_before_any_resend(store):
    enqueue(store, "sent-before-crash", "fake:w:a", "alert", payload(1), now())
    enqueue(store, "lost-before-send", "fake:w:b", "alert", payload(2), now())
    platform = FakePlatform()
    platform.history.append(("fake:w:a", "sent-before-crash"))    # the platform took it; the bot died before recording
    for key in ("sent-before-crash", "lost-before-send"):
        mark_in_flight(store, outbox_by_key(store, key).id, now())
    outbox = Outbox(store, {"fake": platform}, FAST)
    assert outbox.recover() == 2
    asyncio.run(drain_until_quiet(outbox))
    assert platform.history == [("fake:w:a", "sent-before-crash"), ("fake:w:b", "lost-before-send")]
    assert platform.find_calls == 2 and platform.calls == 1
    assert outbox_by_key(store, "sent-before-crash").platform_message_id == "m1"
    assert outbox.stats.found == 1 and outbox.stats.sent == 1


def test_at_most_one_message_per_pace_per_destination(store):
    for n in range(3):
        enqueue(store, f"a{n}", "fake:w:a", "alert", payload(n), now())
    enqueue(store, "b0", "fake:w:b", "alert", payload(9), now())
    stamps = []

    class Timed(FakePlatform):
        async def send(self, destination, reply, key):
            stamps.append((destination.id, time.monotonic()))
            return await super().send(destination, reply, key)

    outbox = Outbox(store, {"fake": Timed()}, DrainPolicy(pace_seconds=0.15))
    asyncio.run(drain_until_quiet(outbox))
    a_times = [t for d, t in stamps if d == "fake:w:a"]
    assert len(a_times) == 3
    assert all(later - earlier >= 0.14 for earlier, later in zip(a_times, a_times[1:]))
    assert stamps[1][0] == "fake:w:b"                             # b did not wait behind a's pacing


def test_shutdown_mid_send_returns_the_row_flagged_for_a_check(store):
    enqueue(store, "k1", "fake:w:a", "alert", payload(1), now())
    platform = FakePlatform()

    async def scenario():
        platform.block = asyncio.Event()
        outbox = Outbox(store, {"fake": platform}, FAST)
        task = asyncio.create_task(outbox.drain_once())
        while platform.calls == 0:
            await asyncio.sleep(0.001)
        assert outbox_by_key(store, "k1").state == "in_flight"
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        row = outbox_by_key(store, "k1")
        assert row.state == "pending" and row.check_sent == 1
        platform.block = None
        await drain_until_quiet(outbox)

    asyncio.run(scenario())
    assert platform.find_calls == 1 and platform.history == [("fake:w:a", "k1")]
