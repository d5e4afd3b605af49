"""Due runs from the schedules table: on time, missed within grace (once), missed beyond (skipped)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.core.reply import Reply
from bot.delivery.digest_runs import due_slot, run_due_digests
from bot.core.context import Services
from storage import Store
from storage.delivery import (Schedule, ensure_destination, get_schedule, outbox_by_key, outbox_counts, set_schedule)

UTC = timezone.utc
SET_AT = datetime(2026, 3, 1, tzinfo=UTC)
DEST = "local::ops"


@pytest.fixture
def services(tmp_path):
    store = Store.open(tmp_path / "runs.db")
    ensure_destination(store, "local", "", "ops", tz="Europe/London")
    set_schedule(store, Schedule(DEST, "weekly", 0, "09:00", "Europe/London"), SET_AT.isoformat())
    yield Services.for_store(store)
    store.close()


def test_slot_before_the_schedule_was_set_is_not_due(services):
    schedule = get_schedule(services.store, DEST)
    assert due_slot(schedule, datetime(2026, 3, 1, 12, tzinfo=UTC)) is None      # Sunday: last Monday predates it
    assert due_slot(schedule, datetime(2026, 3, 2, 9, 0, 1, tzinfo=UTC)) == datetime(2026, 3, 2, 9, tzinfo=UTC)


def test_on_time_run_enqueues_the_real_digest_once(services):
    now = datetime(2026, 3, 2, 9, 0, 3, tzinfo=UTC)
    outcomes = run_due_digests(services, now)
    assert [(o.state, o.key) for o in outcomes] == [("enqueued", "digest:local::ops:2026-W09")]
    row = outbox_by_key(services.store, "digest:local::ops:2026-W09")
    reply = Reply.from_json(row.payload)
    assert reply.kind == "digest" and "2026-W09" in reply.title and not reply.ephemeral
    assert run_due_digests(services, now + timedelta(seconds=5)) == []
    assert outbox_counts(services.store)["pending"] == 1
    assert get_schedule(services.store, DEST).last_run_at == "2026-03-02T09:00:00Z"


def test_run_missed_while_down_within_grace_is_sent_once(services):
    later = datetime(2026, 3, 3, 7, tzinfo=UTC)      # 22 h after Monday 09:00
    assert [o.state for o in run_due_digests(services, later, grace_hours=24)] == ["enqueued"]
    assert run_due_digests(services, later + timedelta(hours=1), grace_hours=24) == []


def test_run_missed_beyond_grace_is_recorded_as_skipped(services):
    later = datetime(2026, 3, 4, 12, tzinfo=UTC)     # 51 h late
    outcomes = run_due_digests(services, later, grace_hours=24)
    assert [o.state for o in outcomes] == ["skipped"]
    row = outbox_by_key(services.store, "digest:local::ops:2026-W09")
    assert row.state == "skipped" and "grace" in row.last_error
    assert get_schedule(services.store, DEST).last_run_state == "skipped"
    assert run_due_digests(services, later, grace_hours=24) == []
    nxt = datetime(2026, 3, 9, 9, 0, 1, tzinfo=UTC)
    assert [o.state for o in run_due_digests(services, nxt, grace_hours=24)] == ["enqueued"]


def test_crash_between_enqueue_and_run_record_does_not_duplicate(services):
    now = datetime(2026, 3, 2, 9, 1, tzinfo=UTC)
    run_due_digests(services, now)
    services.store.db.execute("update schedules set last_run_at = null")   # as if the run record was lost
    outcomes = run_due_digests(services, now)
    assert [o.state for o in outcomes] == ["already"]
    assert outbox_counts(services.store)["pending"] == 1


def test_destinations_with_the_same_week_share_one_digest_build(services, monkeypatch):
    for i in range(3):
        ensure_destination(services.store, "local", "", f"c{i}", tz="UTC")
        set_schedule(services.store, Schedule(f"local::c{i}", "daily", 0, "08:00", "UTC"), SET_AT.isoformat())
    import bot.core.digest_post as digest_reply
    calls = []
    real = digest_reply.digest_reply_for
    monkeypatch.setattr(digest_reply, "digest_reply_for", lambda *a, **k: calls.append(k["week"]) or real(*a, **k))
    outcomes = run_due_digests(services, datetime(2026, 3, 3, 8, 0, 2, tzinfo=UTC))
    assert sorted(o.key for o in outcomes if o.state == "enqueued") == [
        "digest:local::c0:2026-03-03", "digest:local::c1:2026-03-03", "digest:local::c2:2026-03-03",
        "digest:local::ops:2026-W09"]    # ops: Monday's run, 23 h late, within grace
    assert sorted(calls) == ["2026-W09", "2026-W10"]   # one build for the three daily destinations
