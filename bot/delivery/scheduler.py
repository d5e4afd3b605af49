"""The APScheduler 3.x wiring: which jobs run, how often, on which executor.

Choice: jobs are rebuilt at every start from the schedules table (an in-memory job store), not
persisted. The table is the single source of truth (front ends and the CLI write it while the bot
runs); a persistent store would hold a second copy that must be kept in step, its pickled jobs
would tie the database to module paths, and re-adding a job with replace_existing=True before
start() silently recomputes its next run and loses the run missed while down (seen in a spike
with 3.11). Instead one short "digest tick" job asks bot.delivery.digest_runs which slots are due,
using each schedule's last_run_at: a missed run, a normal run and a changed schedule are the same
code path, and the outbox idempotency key makes each digest exactly-once. The price is that a
run starts up to one tick (a few seconds) after its minute.

Every job is a coroutine on the event loop (AsyncIOExecutor), so the one SQLite connection is
only used from the loop's thread; the feed poll, which waits on the network, runs in a worker
thread with its own connection. Jobs use coalesce=True and max_instances=1: a slow drain is
never run twice at once.
"""
from __future__ import annotations

import logging
from datetime import timedelta, timezone

from foundation.clock import utc_now
from apscheduler.schedulers.asyncio import AsyncIOScheduler

log = logging.getLogger(__name__)

JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": 60}


def build_scheduler(jobs: list[tuple]) -> AsyncIOScheduler:
    """(job id, coroutine function, interval seconds[, run at start]) each run first at start (unless the
    fourth item is False: then first after one interval), then every interval."""
    scheduler = AsyncIOScheduler(timezone=timezone.utc, job_defaults=JOB_DEFAULTS)
    now = utc_now()
    for job_id, func, seconds, *rest in jobs:
        at_start = rest[0] if rest else True
        scheduler.add_job(func, "interval", seconds=seconds, id=job_id, name=job_id,
                          next_run_time=now if at_start else now + timedelta(seconds=seconds))
        log.debug("job %s every %.1f s", job_id, seconds)
    return scheduler
