"""A /digest whose LLM lead hangs holds only the slow lane: another user's /model is answered at once,
through the Slack front end's runner and through bare Lanes."""
from __future__ import annotations

import asyncio
import threading
import time

from bot.core.context import Context, Services
from bot.core.lanes import Lanes
from bot.frontends.slack_front.handlers import CoreRunner
from digests.summarize import Summary


class HangingSummarizer:
    def __init__(self):
        self.entered = threading.Event()
        self.release = threading.Event()

    def summarize(self, digest, known_names=()):
        self.entered.set()
        self.release.wait(30)
        return Summary("A lead.", source="default")


def check(runner_answer, summarizer: HangingSummarizer) -> float:
    async def main():
        digest = asyncio.ensure_future(runner_answer("/digest 2026-W05", Context(user="U1")))
        while not summarizer.entered.is_set():
            await asyncio.sleep(0.01)
        started = time.perf_counter()
        reply = await asyncio.wait_for(runner_answer("/model kimi-k2.5", Context(user="U2")), 5)
        elapsed = time.perf_counter() - started
        assert "Kimi" in reply.title and not digest.done()
        summarizer.release.set()
        assert not (await digest).is_error
        return elapsed
    return asyncio.run(main())


def test_a_hanging_digest_does_not_delay_a_lookup(store):
    summarizer = HangingSummarizer()
    lanes = Lanes(Services.for_store(store, summarizer=summarizer))
    try:
        assert check(lanes.answer, summarizer) < 1.0
    finally:
        summarizer.release.set()
        lanes.close()


def test_the_slack_runner_uses_the_lanes(store):
    summarizer = HangingSummarizer()
    runner = CoreRunner(Services.for_store(store, summarizer=summarizer))
    try:
        assert check(runner.answer, summarizer) < 1.0
    finally:
        summarizer.release.set()
        runner.close()


class FirstCallHangs(HangingSummarizer):
    def __init__(self):
        super().__init__()
        self.calls = 0

    def summarize(self, digest, known_names=()):
        self.calls += 1
        if self.calls == 1:
            return super().summarize(digest, known_names)
        return Summary("Another lead.", source="default")


def test_a_hanging_digest_does_not_delay_another_users_digest(store):
    summarizer = FirstCallHangs()
    lanes = Lanes(Services.for_store(store, summarizer=summarizer))

    async def main():
        first = asyncio.ensure_future(lanes.answer("/digest 2026-W05", Context(user="U1")))
        while not summarizer.entered.is_set():
            await asyncio.sleep(0.01)
        started = time.perf_counter()
        second = await asyncio.wait_for(lanes.answer("/digest 2026-W04", Context(user="U2")), 10)
        elapsed = time.perf_counter() - started
        assert not second.is_error and not first.done()
        summarizer.release.set()
        await first
        return elapsed
    try:
        assert asyncio.run(main()) < 5.0
    finally:
        summarizer.release.set()
        lanes.close()


def test_close_waits_for_the_lookup_in_progress_before_its_store_may_be_closed(services):
    """Closing a connection under a running statement crashes SQLite (seen in the soak): close() waits."""
    import time as _time

    from bot.core.lanes import Lanes
    lanes = Lanes(services)
    finished = []

    def slow_lookup():
        _time.sleep(0.5)
        services.store.stats()
        finished.append(True)

    lanes.quick.submit(slow_lookup)
    _time.sleep(0.05)
    assert lanes.close(timeout=5) is True and finished == [True]
    services.store.close()  # now safe


def test_close_reports_a_lookup_that_outlives_the_timeout(services):
    import threading

    from bot.core.lanes import Lanes
    lanes = Lanes(services)
    started, release = threading.Event(), threading.Event()
    lanes.quick.submit(lambda: (started.set(), release.wait(10)))
    assert started.wait(5)
    assert lanes.close(timeout=0.2) is False  # the caller must then leave the store open
    release.set()
