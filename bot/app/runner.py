"""`briefbot run`: the scheduler, the outbox drain and every front end that has credentials.

Without any front end it runs the console and delivers to the local destination "local::console"
through the local sink (a file, BRIEFBOT_LOCAL_OUTBOX, or the terminal), so the whole flow works
with no tokens. Shutdown (SIGTERM, SIGINT, `quit` in the console): the drain takes no new row,
the send in progress finishes (or, past a timeout, is cancelled and its row goes back to the
outbox flagged for a find_sent check), then front ends stop; the whole stop takes under
STOP_BUDGET seconds whatever is in flight. Digest building and feed polls run on daemon
workers (bot.core.lanes.DaemonWorker), so a hung LLM or feed call is abandoned at exit
rather than joined: what it had not yet written is simply redone on the next run.
"""
from __future__ import annotations

from foundation.clock import stamp as _iso
import asyncio
import importlib
import logging
import signal
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone

from storage import Store
from storage.delivery import Schedule, destination_id, ensure_destination, get_schedule, set_schedule
from storage.lease import acquire_lease, heartbeat, holder_gone, holder_id, lease_holder, release, take_over

from foundation.settings import ConfigError
from bot.delivery.outbox import DrainPolicy, Outbox
from bot.core.digest_post import enqueue_digest_now
from bot.delivery.digest_runs import run_due_digests
from bot.delivery.scheduler import build_scheduler
from bot.delivery.local_sink import LocalSink
from bot.core.context import Services
from bot.core.lanes import DaemonWorker

log = logging.getLogger(__name__)

FRONT_END_MODULES = {"bot.frontends.slack_front": ("slack_bot_token", "slack_app_token"),
                     "bot.frontends.discord_front": ("discord_bot_token",)}
"""Front end module -> the settings that hint at credentials; without any, it is not even imported."""
LOCAL = ("local", "", "console")
LOCAL_DESTINATION = destination_id(*LOCAL)
SHUTDOWN_GRACE = 5.0
"""Seconds the send in progress may take to finish after SIGTERM."""
FRONT_END_STOP = 2.0
"""Seconds each front end may take to stop."""
STOP_BUDGET = 10.0
"""SIGTERM to exit, at most (SHUTDOWN_GRACE + front ends + closing)."""


@dataclass(frozen=True)
class RunOptions:
    every: float | None = None
    """Seconds: also post the local destination's digest on this interval (demos, tests)."""
    console: bool = True
    once: bool = False
    """Handle due digests, drain the outbox, exit."""
    tick: float = 5.0
    drain_interval: float = 1.0
    poll_interval: float = 300.0
    flush_interval: float = 60.0
    sources_interval: float = 24 * 3600.0
    """Seconds between evidence syncs (daily)."""
    once_timeout: float = 120.0
    standby: bool = False
    """When another live runner holds the lease: wait for it to expire, then take over (else exit)."""
    lease_ttl: float = 30.0


class Runtime:
    def __init__(self, settings, services, options: RunOptions):
        self.settings, self.services, self.options = settings, services, options
        self.store = services.store
        self.front_ends: list = []
        self.senders: dict = {"local": LocalSink.from_settings(settings)}
        self.outbox = Outbox(self.store, self.senders, DrainPolicy.from_settings(settings), clock=services.clock)
        self.stop_event = asyncio.Event()
        self._digest_services: Services | None = None
        self._digest_worker = DaemonWorker("briefbot-digests")

    async def start_front_ends(self) -> None:
        for name, hints in FRONT_END_MODULES.items():
            if not any(getattr(self.settings, hint, None) for hint in hints):
                continue
            module = importlib.import_module(name)  # only now: a chat library is imported only when configured
            try:
                # Each front end gets its own connection: Discord answers on a worker thread, and one
                # SQLite connection shared across threads would interleave transactions.
                own = Services.for_store(Store.open(self.settings.db_path), admins=self.services.admins,
                                         summarizer=self.services.summarizer, extra={"settings": self.settings})
                front_end = module.build_front_end(self.settings, own)
                if front_end is None:
                    continue
                await front_end.start()
            except ConfigError:
                raise  # a missing or wrong variable: one clear line naming it, not a half-started bot
            except Exception:
                log.exception("front end %s could not start; running without it", name)
                continue
            self.front_ends.append(front_end)
            self.senders[front_end.sender.platform] = front_end.sender
            log.info("front end %s started", front_end.name)

    def ensure_local_destination(self) -> None:
        ensure_destination(self.store, *LOCAL, is_dm=True, tz=self.settings.default_tz)
        if get_schedule(self.store, LOCAL_DESTINATION) is None:
            set_schedule(self.store, Schedule(LOCAL_DESTINATION, tz=self.settings.default_tz, created_by="briefbot run"),
                         _iso(self.services.clock()))

    # ---- jobs ------------------------------------------------------------
    def _worker_services(self) -> Services:
        """Digests are built on a worker thread (an LLM summary can take seconds; the loop must keep
        draining and answering), with a connection of their own."""
        if self._digest_services is None:
            self._digest_services = Services.for_store(
                Store.open(self.settings.db_path), admins=self.services.admins, clock=self.services.clock,
                summarizer=self.services.summarizer, extra={"settings": self.settings})
        return self._digest_services

    async def digest_tick(self) -> None:
        outcomes = await self._offload(self._digest_worker, lambda: run_due_digests(
            self._worker_services(), self.services.clock(), grace_hours=self.settings.grace_hours,
            settings=self.settings))
        if outcomes and any(o.state == "enqueued" for o in outcomes):
            await self.outbox.drain_once()

    async def drain(self) -> None:
        await self.outbox.drain_once()

    async def every_digest(self) -> None:
        now = self.services.clock()
        every = self.options.every or 1
        slot = datetime.fromtimestamp(int(now.timestamp() // every * every), timezone.utc)
        from digests.period import current_week
        week = current_week(now, self.settings.default_tz)
        done = await self._offload(self._digest_worker, lambda: enqueue_digest_now(
            self._worker_services(), LOCAL_DESTINATION, self.settings.default_tz, None, f"{week}@{_iso(slot)}", now,
            week=week, settings=self.settings))
        if done is None:
            return
        key, new = done
        if new:
            log.info("digest %s enqueued (--every)", key)
            await self.outbox.drain_once()

    async def poll_feeds(self) -> None:
        """In a child process (bot/app/isolated.py): parsing can never starve the front ends' event loop."""
        from bot.app.isolated import poll_feeds_job, run_isolated
        await run_isolated(poll_feeds_job, self.settings, stop=self.stop_event, name="feed poll",
                           deadline=max(60.0, self.options.poll_interval * 2))

    async def _offload(self, worker: DaemonWorker, func):
        """`func()` on a daemon worker; None when shutdown cancelled the wait (the work is abandoned, and
        whatever it had not written yet is redone on the next run)."""
        try:
            return await worker.run(func)
        except asyncio.CancelledError:
            if self.stop_event.is_set():
                log.info("shutting down: abandoned %s's job in progress", worker.name)
                return None
            raise

    async def flush_alerts(self) -> None:
        from bot.delivery.alerts import flush_alerts
        flush_alerts(self.services, self.services.clock())
        await self.outbox.drain_once()

    async def sync_sources(self) -> None:
        """The daily evidence sync, in a child process like the feed poll; failures are recorded per source
        (`briefbot sources status`) and never stop the runner."""
        from bot.app.isolated import run_isolated, sync_sources_job
        await run_isolated(sync_sources_job, self.settings, stop=self.stop_event, name="evidence sync",
                           deadline=3600.0)

    def jobs(self) -> list:
        o = self.options
        jobs = [("digests", self.digest_tick, o.tick), ("outbox", self.drain, o.drain_interval),
                ("feeds", self.poll_feeds, o.poll_interval), ("alerts", self.flush_alerts, o.flush_interval),
                ("sources", self.sync_sources, o.sources_interval, False)]  # seeds carry the snapshots
        if o.every:
            jobs.append(("every", self.every_digest, o.every))
        return jobs

    # ---- life cycle --------------------------------------------------------
    async def run_once(self) -> int:
        self.outbox.recover()
        await self.digest_tick()
        deadline = time.monotonic() + self.options.once_timeout
        while not self.stop_event.is_set():
            await self.outbox.drain_once()
            wait = self.outbox.next_due_in()
            if wait is None or wait > 30 or time.monotonic() > deadline:
                break
            await asyncio.sleep(min(max(wait, 0.05), 1.0))
        return 0

    async def run_forever(self) -> int:
        self.outbox.recover()
        scheduler = build_scheduler(self.jobs())
        scheduler.start()
        console = None
        if self.options.console and not self.front_ends:
            console = ConsoleThread(self)
            console.start()
        log.info("briefbot running: front ends %s, senders %s; stop with Ctrl-C",
                 [f.name for f in self.front_ends] or ["console" if console else "none"], sorted(self.senders))
        await self.stop_event.wait()
        log.info("shutting down: finishing the send in progress")
        self.outbox.stopping = True
        scheduler.pause()
        if not await self.outbox.wait_idle(SHUTDOWN_GRACE):
            log.warning("a send did not finish within %.0f s; its row returns to the outbox", SHUTDOWN_GRACE)
        scheduler.shutdown(wait=False)
        await asyncio.sleep(0.05)  # let cancelled jobs record their rows
        return 0

    async def stop_front_ends(self) -> None:
        for front_end in self.front_ends:
            try:
                await asyncio.wait_for(front_end.stop(), FRONT_END_STOP)
            except asyncio.TimeoutError:
                log.warning("front end %s did not stop within %.0f s; leaving it", front_end.name, FRONT_END_STOP)
            except Exception:
                log.exception("front end %s did not stop cleanly", front_end.name)
        self._digest_worker.close()


class ConsoleThread:
    """Reads lines in a daemon thread; answers on the event loop (the one thread using SQLite)."""

    def __init__(self, runtime: Runtime):
        self.runtime = runtime
        self.loop = asyncio.get_running_loop()
        from bot.frontends.console import BANNER, ConsoleFrontEnd
        from bot.core.context import Context
        self.banner = BANNER
        self.front = ConsoleFrontEnd(runtime.services, Context(platform="local", workspace="", channel="console",
                                                               user="local", tz=runtime.settings.default_tz))

    def start(self) -> None:
        print(self.banner + " Digests for this console go to " +
              (str(self.runtime.settings.local_outbox) if self.runtime.settings.local_outbox else "this terminal") + ".",
              flush=True)
        threading.Thread(target=self._read, name="briefbot-console", daemon=True).start()

    def _read(self) -> None:
        interactive = sys.stdin.isatty()
        while True:
            try:
                line = input("briefbot> ") if interactive else sys.stdin.readline()
            except (EOFError, KeyboardInterrupt):
                line = None
            if line is None or (not interactive and line == ""):
                if interactive:  # Ctrl-D at the prompt stops the bot; a closed pipe only ends the console
                    self.loop.call_soon_threadsafe(self.runtime.stop_event.set)
                return
            line = line.strip()
            if line.lower() in ("quit", "exit", "/quit", "/exit"):
                self.loop.call_soon_threadsafe(self.runtime.stop_event.set)
                return
            if line:
                asyncio.run_coroutine_threadsafe(self._answer(line), self.loop).result()

    async def _answer(self, line: str) -> None:
        if not line.startswith("/") and line.lower() in ("help", "?"):
            line = "/brief"
        print(self.front.ask_text(line), flush=True)


async def run_async(settings, options: RunOptions, services=None) -> int:
    from bot.app.services import build_services
    services = services or build_services(settings, _open_store(settings))
    services.extra.setdefault("settings", settings)
    runtime = Runtime(settings, services, options)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(sig, runtime.stop_event.set)
        except (NotImplementedError, RuntimeError):  # pragma: no cover - not the main thread / Windows
            pass
    lease = await _take_lease(services.store, options, runtime.stop_event)
    if lease is None:
        services.store.close()
        return 0 if runtime.stop_event.is_set() else 3
    keeper = asyncio.create_task(_keep_lease(services.store, lease, options.lease_ttl, runtime.stop_event))
    try:
        await runtime.start_front_ends()
        runtime.ensure_local_destination()
        if options.once:
            return await runtime.run_once()
        return await runtime.run_forever()
    finally:
        keeper.cancel()
        await runtime.stop_front_ends()
        release(services.store, lease)
        services.store.close()


async def _take_lease(store, options: RunOptions, stop: asyncio.Event):
    """The runner lease (storage.lease): one drainer per database. Without --standby a live holder
    means one line naming it and exit code 3; with it, poll until the lease expires, then take it."""
    me, warned = holder_id(), False
    while not stop.is_set():
        lease = acquire_lease(store, me, options.lease_ttl, time.time())
        current = None if lease else lease_holder(store)
        if lease is None and current is not None and holder_gone(current.holder):
            lease = take_over(store, current.holder, me, options.lease_ttl, time.time())
        if lease is not None:
            log.info("runner lease taken by %s", me)
            return lease
        if current is None:
            continue  # released between the two reads: try again at once
        if not options.standby:
            print(f"briefbot: another runner holds this database: {current.holder} (lease until "
                  f"{_iso(datetime.fromtimestamp(current.expires_at, timezone.utc))}); use --standby to wait",
                  file=sys.stderr, flush=True)
            return None
        if not warned:
            log.warning("standby: %s holds the runner lease; waiting for it to expire", current.holder)
            warned = True
        await asyncio.sleep(max(0.2, min(options.lease_ttl / 4, 5.0)))
    return None


async def _keep_lease(store, lease, ttl: float, stop: asyncio.Event) -> None:
    """Heartbeat at a third of the TTL; a lease lost (expired and taken) stops this runner."""
    while not stop.is_set():
        await asyncio.sleep(ttl / 3)
        try:
            renewed = heartbeat(store, lease, ttl, time.time())
        except Exception:
            log.exception("runner lease heartbeat failed; trying again")
            continue
        if renewed is None:
            log.error("runner lease lost (now held by %s); stopping", getattr(lease_holder(store), "holder", None))
            stop.set()
            return
        lease = renewed


def _open_store(settings):
    """The store, seeded when new; a seed problem must not keep delivery from running."""
    from bot.app.services import open_store
    from storage.store_errors import StorageError
    try:
        return open_store(settings)
    except StorageError:
        raise  # bad local state: one line from the CLI, not a half-started bot
    except Exception:
        log.exception("could not seed the new database %s; running with what it holds", settings.db_path)
        return Store.open(settings.db_path)


def run(settings, options: RunOptions) -> int:
    return asyncio.run(run_async(settings, options))
