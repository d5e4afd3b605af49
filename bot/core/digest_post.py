"""Posting a digest: the message every scheduled run and `/digest now` enqueue, and its outbox key.

Rule: one digest per destination and period, so the key is "digest:{destination}:{period}";
enqueueing the same key twice is a no-op, which is what makes delivery exactly once.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from digests.period import current_week
from foundation.clock import stamp
from storage.delivery import enqueue, outbox_by_key

from bot.core.digest_reply import digest_reply_for
from bot.core.reply import Reply

def digest_key(destination_id: str, period: str) -> str:
    return f"digest:{destination_id}:{period}"


def build_digest_message(services, week: str, tz: str, filters: dict | None, settings) -> Reply:
    """The digest as posted for everyone (not ephemeral), shared by scheduled runs and `/digest now`."""
    reply = digest_reply_for(services, week=week, tz=tz, filters=filters, destination_id="", settings=settings)
    return replace(reply, ephemeral=False, kind="digest")


def enqueue_digest_now(services, destination_id: str, tz: str, filters: dict | None, period: str, now: datetime,
                       *, week: str | None = None, settings=None) -> tuple[str, bool]:
    """`/digest now` and `run --every`: the digest for `week` (default: the current one) under a
    caller-chosen period; returns (key, newly enqueued)."""
    key = digest_key(destination_id, period)
    if outbox_by_key(services.store, key) is not None:
        return key, False
    reply = build_digest_message(services, week or current_week(now, tz), tz, filters, settings)
    return key, enqueue(services.store, key, destination_id, "digest", reply.to_json(), stamp(now))
