"""Two lanes for answering commands off the event loop, so a slow command never delays a quick one.

Rules: the core is synchronous and a store connection is used by one thread at
a time, so each lane is one worker thread with its own connection. Lookups
(`/model`, `/compare`, `/releases`, …) run in the quick lane on the front end's
services; `/digest` (which may wait seconds on an LLM for its lead) runs in the
slow lane: SLOW_WORKERS threads, each with its own connection to the same
database file (opened on first use), the least busy one taking the next call.
A hung LLM call therefore holds one slow worker only: another user's `/model`
is answered at once, and another user's `/digest` by a free slow worker. Worker
threads are daemons, so a hung call never keeps the process from exiting. A database without a file (":memory:") has
one connection only: both lanes then share the quick one.
"""
from __future__ import annotations

import asyncio
import logging
import threading
from concurrent.futures import Future
from queue import SimpleQueue
from typing import Callable

from bot.core.answer import answer
from bot.core.context import Context, Services
from bot.core.parse import parse_command
from bot.core.reply import Reply, error_reply

log = logging.getLogger(__name__)

SLOW_COMMANDS = frozenset({"digest"})
"""Commands that may wait on the network (an LLM-written digest lead)."""
SLOW_WORKERS = 3


class DaemonWorker:
    """A single daemon thread running submitted calls in order (concurrent.futures-compatible submit)."""

    def __init__(self, name: str):
        self.name = name
        self.outstanding = 0
        """Calls submitted and not finished (DaemonPool picks the least busy worker)."""
        self._count_lock = threading.Lock()
        self._queue: SimpleQueue = SimpleQueue()
        self._closed = False
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def submit(self, func: Callable, *args, **kwargs) -> Future:
        future: Future = Future()
        if self._closed:
            future.set_exception(RuntimeError("worker closed"))
            return future
        with self._count_lock:
            self.outstanding += 1
        future.add_done_callback(self._done)
        self._queue.put((future, func, args, kwargs))
        return future

    def _done(self, _future) -> None:
        with self._count_lock:
            self.outstanding -= 1

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            future, func, args, kwargs = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(func(*args, **kwargs))
            except BaseException as err:  # handed to the awaiting coroutine
                future.set_exception(err)

    async def run(self, func: Callable, *args):
        return await asyncio.wrap_future(self.submit(func, *args))

    def close(self, final: Callable | None = None) -> None:
        """No new work; queued calls are cancelled; a call in progress is abandoned (the thread is a daemon).
        `final` runs on the worker after the call in progress (e.g. closing its connection)."""
        self._closed = True
        while not self._queue.empty():
            item = self._queue.get_nowait()
            if item is not None:
                item[0].cancel()
        if final is not None:
            self._queue.put((Future(), final, (), {}))
        self._queue.put(None)

    def wait_idle(self, timeout: float) -> bool:
        """After close(): wait up to `timeout` seconds for the call in progress to end; True when it did.
        Whoever closes a connection this worker uses must wait for this first: SQLite must never see a
        connection closed under a running statement (a crash, not an error)."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # ThreadPoolExecutor-like, for loop.run_in_executor
    def shutdown(self, wait: bool = False, cancel_futures: bool = True) -> None:
        self.close()


class DaemonPool:
    """A few DaemonWorkers; each call goes to the one with the fewest outstanding calls. A call that
    needs per-thread state (a connection) keeps it in a threading.local."""

    def __init__(self, name: str, size: int):
        self.workers = [DaemonWorker(f"{name}-{i}") for i in range(max(1, size))]

    def submit(self, func: Callable, *args) -> Future:
        return min(self.workers, key=lambda w: w.outstanding).submit(func, *args)

    async def run(self, func: Callable, *args):
        return await asyncio.wrap_future(self.submit(func, *args))

    def close(self, final: Callable | None = None) -> None:
        for worker in self.workers:
            worker.close(final=final)


class Lanes:
    def __init__(self, services: Services, name: str = "briefbot-core", *, answer_fn: Callable | None = None):
        """`answer_fn(services, line, ctx)`: the core's `answer` unless a front end wraps it."""
        self.services = services
        self.answer_fn = answer_fn or answer
        self.quick = DaemonWorker(name)
        self.slow = DaemonPool(name + "-slow", SLOW_WORKERS)
        self._local = threading.local()
        self.database_file = self._database_file()

    def is_slow(self, line: str) -> bool:
        return parse_command(line).name in SLOW_COMMANDS

    async def answer(self, line: str, ctx: Context) -> Reply:
        """The core's Reply for `line`, from the lane it belongs to; never raises."""
        try:
            if self.is_slow(line) and self.database_file:
                return await self.slow.run(self._answer_slow, line, ctx)
            return await self.quick.run(self.answer_fn, self.services, line, ctx)
        except Exception:
            log.exception("the core failed on %r", line[:80])
            return error_reply("Something went wrong on my side while answering that.", "Try again in a moment.")

    async def run(self, func: Callable, *args):
        """Any other store-touching call, in the quick lane (the services' own connection)."""
        return await self.quick.run(func, *args)

    def _answer_slow(self, line: str, ctx: Context) -> Reply:
        services = getattr(self._local, "services", None)
        if services is None:  # this slow worker's own connection
            from storage import Store
            s = self.services
            services = Services.for_store(Store.open(self.database_file), admins=s.admins, clock=s.clock,
                                          summarizer=s.summarizer, extra=dict(s.extra))
            self._local.services = services
        return self.answer_fn(services, line, ctx)

    def _close_own_store(self) -> None:
        services = getattr(self._local, "services", None)
        if services is not None:
            services.store.close()

    def _database_file(self) -> str:
        try:
            rows = self.services.store.db.execute("PRAGMA database_list").fetchall()
        except Exception:
            return ""
        return next((row[2] for row in rows if row[1] == "main"), "") or ""

    def close(self, timeout: float = 2.0) -> bool:
        """No new work. Waits up to `timeout` for the quick lane's call in progress (it uses the front end's
        store, which the caller closes next); True when the quick lane is idle and the store may be closed."""
        self.quick.close()
        self.slow.close(final=self._close_own_store)
        idle = self.quick.wait_idle(timeout)
        if not idle:
            log.warning("a lookup was still running after %.0f s; its connection is left open", timeout)
        return idle
