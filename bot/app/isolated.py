"""Ingestion jobs of `briefbot run` in a child process, so parsing hostile feeds can never starve the chat.

Why a process: feed and article parsing is pure Python; on a thread it shares the interpreter lock with the
event loop that acks Slack and Discord, and a 2 MB hostile item raised ack latency tenfold. A spawned child
has its own interpreter and its own SQLite connection (writes are transactions, so a child stopped midway
leaves nothing half-written). Rules: one child per job run; it is terminated when `briefbot run` stops or the
job outlives its deadline; its exit code is logged, never raised.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
import time

log = logging.getLogger(__name__)


def poll_feeds_job(settings) -> None:
    """Child: poll the feeds that are due (what `briefbot feeds poll` does)."""
    from foundation.settings import configure_logging
    from ingest.poll import poll_due_feeds
    from storage import Store
    configure_logging(settings)
    store = Store.open(settings.db_path)
    try:
        report = poll_due_feeds(store, settings)
        log.info("feeds: %s", report.summary())
    finally:
        store.close()


def sync_sources_job(settings) -> None:
    """Child: the daily evidence sync from each source's published file (conditional GET)."""
    from foundation.settings import configure_logging
    from ingest.sources.cli_text import daily_sync
    from storage import Store
    configure_logging(settings)
    store = Store.open(settings.db_path)
    try:
        for result in daily_sync(store, settings):
            log.info("sources: %s", result.line())
    finally:
        store.close()


async def run_isolated(target, *args, stop: asyncio.Event, deadline: float, name: str) -> int | None:
    """Run `target(*args)` in a spawned child; its exit code, or None when it was stopped or timed out."""
    child = multiprocessing.get_context("spawn").Process(target=target, args=args, name=name, daemon=True)
    child.start()
    give_up = time.monotonic() + deadline
    try:
        while child.is_alive():
            if stop.is_set() or time.monotonic() > give_up:
                log.warning("%s %s; stopping its child process", name,
                            "interrupted by shutdown" if stop.is_set() else f"over its {deadline:.0f} s deadline")
                return None
            await asyncio.sleep(0.1)
        if child.exitcode:
            log.error("%s ended with exit code %s", name, child.exitcode)
        return child.exitcode
    finally:
        if child.is_alive():
            child.terminate()
            child.join(2)
            if child.is_alive():
                child.kill()
        child.join(0)
