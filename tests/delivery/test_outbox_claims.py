"""Two drainers on one database file never send a row twice: the claim is a compare-and-set.

Each drainer is a real Outbox with its own SQLite connection, on its own thread and event loop,
like two `briefbot run` processes that both drain (which the runner lease normally prevents).
Without the compare-and-set in storage.delivery.mark_in_flight both read the same pending heads
and both send them; this test then counts duplicates (checked by hand: it fails without the CAS).
"""
from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter

from bot.delivery.protocol import SendResult
from bot.delivery.outbox import DrainPolicy, Outbox
from bot.core.reply import Reply
from storage import Store
from storage.delivery import enqueue, ensure_destination, mark_in_flight, outbox_by_key, outbox_counts

MESSAGES = 300
DESTINATIONS = 30


class RecordingSender:
    platform = "fake"

    def __init__(self, sent: list, lock: threading.Lock, name: str):
        self.sent, self.lock, self.name = sent, lock, name

    async def send(self, destination, reply, idempotency_key):
        await asyncio.sleep(0.001)  # a little "network" time: the window in which a racing drainer looks
        with self.lock:
            self.sent.append((idempotency_key, self.name))
        return SendResult(f"m-{idempotency_key}")

    async def find_sent(self, destination, idempotency_key):
        return None


def _fill(path) -> list[str]:
    store = Store.open(path)
    payload = Reply(title="hello").to_json()
    keys = []
    for i in range(MESSAGES):
        dest = ensure_destination(store, "fake", "w", f"c{i % DESTINATIONS}")
        key = f"k{i:03d}"
        assert enqueue(store, key, dest.id, "alert", payload, "2026-01-01T00:00:00+00:00")
        keys.append(key)
    store.close()
    return keys


def _drainer(path, name: str, sent: list, lock: threading.Lock, deadline: float) -> None:
    async def loop():
        store = Store.open(path)
        outbox = Outbox(store, {"fake": RecordingSender(sent, lock, name)}, DrainPolicy(pace_seconds=0))
        try:
            while time.monotonic() < deadline:
                await outbox.drain_once()
                counts = outbox_counts(store)
                if counts["pending"] == 0 and counts["in_flight"] == 0:
                    return
                await asyncio.sleep(0.001)
        finally:
            store.close()
    asyncio.run(loop())


def test_two_drainers_on_one_file_send_each_row_exactly_once(tmp_path):
    path = tmp_path / "two.db"
    keys = _fill(path)
    sent, lock = [], threading.Lock()
    deadline = time.monotonic() + 60
    threads = [threading.Thread(target=_drainer, args=(path, name, sent, lock, deadline)) for name in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    counts = Counter(key for key, _ in sent)
    duplicates = {k: n for k, n in counts.items() if n > 1}
    missing = [k for k in keys if k not in counts]
    print(f"two drainers: {len(sent)} sends, {len(duplicates)} duplicates, {len(missing)} missing, "
          f"by drainer {Counter(name for _, name in sent)}")
    assert duplicates == {} and missing == []
    assert len(sent) == MESSAGES
    store = Store.open(path)
    assert outbox_counts(store)["sent"] == MESSAGES
    store.close()


def test_the_claim_is_won_once_and_a_stale_copy_loses(tmp_path):
    store = Store.open(tmp_path / "cas.db")
    dest = ensure_destination(store, "fake", "w", "c")
    enqueue(store, "k", dest.id, "alert", "{}", "2026-01-01T00:00:00+00:00")
    item = outbox_by_key(store, "k")
    assert mark_in_flight(store, item.id, "t1", expected_attempts=0) is True
    assert mark_in_flight(store, item.id, "t2", expected_attempts=0) is False   # already in flight
    store.db.execute("update outbox set state = 'pending' where id = ?", [item.id])  # put back after a try
    assert mark_in_flight(store, item.id, "t3", expected_attempts=0) is False   # stale read: attempts moved on
    assert mark_in_flight(store, item.id, "t4", expected_attempts=1) is True
    assert outbox_by_key(store, "k").attempts == 2
    store.close()
