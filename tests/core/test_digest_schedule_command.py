"""/digest schedule|now|off through the real command core (registry -> /digest -> digest_schedule)."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from bot.core.answer import answer
from bot.render.text import render_text
from bot.core.reply import Reply
from bot.core.context import Context, Services
from storage import Store
from storage.delivery import (get_destination, get_schedule, outbox_counts, outbox_items, pause_destination)

NOW = datetime(2026, 3, 25, 12, 0, tzinfo=timezone.utc)       # a Wednesday, before the London clock change
CHANNEL = Context(platform="slack", workspace="T1", channel="C1", user="U1", is_channel_admin=True, tz="Europe/London")
MEMBER = Context(platform="slack", workspace="T1", channel="C1", user="U2", is_channel_admin=False)


@pytest.fixture
def services(tmp_path):
    store = Store.open(tmp_path / "cmd.db")
    yield Services.for_store(store, clock=lambda: NOW, admins=frozenset({"slack:UBOSS"}))
    store.close()


def text(reply: Reply) -> str:
    return render_text(reply)


def test_admin_schedules_monday_0900_london_and_sees_the_next_run_in_local_time(services):
    reply = answer(services, "/digest schedule mon 09:00 Europe/London", CHANNEL)
    assert not reply.is_error, text(reply)
    assert "every Monday at 09:00 (Europe/London)" in text(reply)
    assert "Mon 30 Mar 2026 09:00 BST" in text(reply)                  # after the clock change
    schedule = get_schedule(services.store, "slack:T1:C1")
    assert (schedule.cadence, schedule.weekday, schedule.time, schedule.tz) == ("weekly", 0, "09:00", "Europe/London")
    assert schedule.created_by == "slack:U1"


def test_omitted_parts_default_to_monday_0900_in_the_destination_zone(services):
    reply = answer(services, "/digest schedule 07:30", CHANNEL)
    assert not reply.is_error
    schedule = get_schedule(services.store, "slack:T1:C1")
    assert (schedule.weekday, schedule.time, schedule.tz) == (0, "07:30", "Europe/London")


def test_member_without_admin_rights_is_refused_with_the_reason(services):
    reply = answer(services, "/digest schedule mon 09:00 Europe/London", MEMBER)
    assert reply.is_error and "channel admin" in text(reply) and "BRIEFBOT_ADMINS" in text(reply)
    assert get_schedule(services.store, "slack:T1:C1") is None
    assert answer(services, "/digest off", MEMBER).is_error
    assert answer(services, "/digest now", MEMBER).is_error
    assert outbox_counts(services.store)["pending"] == 0


def test_bot_admin_from_settings_may_schedule_any_channel(services):
    ctx = Context(platform="slack", workspace="T1", channel="C1", user="UBOSS", is_channel_admin=False)
    assert not answer(services, "/digest schedule fri 17:00 UTC", ctx).is_error
    assert get_schedule(services.store, "slack:T1:C1").weekday == 4


def test_a_dm_is_the_users_own_destination(services):
    ctx = Context(platform="discord", workspace="", channel="D9", user="42", is_channel_admin=False, is_dm=True)
    assert not answer(services, "/digest schedule daily 08:00 Asia/Shanghai", ctx).is_error
    dest = get_destination(services.store, "discord::42")
    assert dest.is_dm and get_schedule(services.store, dest.id).cadence == "daily"


@pytest.mark.parametrize("line", ["/digest schedule mon 9am", "/digest schedule mon 09:00 Mars/Base",
                                  "/digest schedule whenever", "/digest off now"])
def test_bad_schedule_text_answers_with_the_fix(services, line):
    reply = answer(services, line, CHANNEL)
    assert reply.is_error
    assert "/digest schedule mon 09:00 Europe/London" in text(reply)
    assert get_schedule(services.store, "slack:T1:C1") is None


def test_schedule_without_arguments_shows_the_current_one(services):
    assert "No digest is scheduled here" in text(answer(services, "/digest schedule", MEMBER))
    answer(services, "/digest schedule tue 10:15 America/New_York", CHANNEL)
    assert "every Tuesday at 10:15 (America/New_York)" in text(answer(services, "/digest schedule", MEMBER))


def test_off_removes_the_schedule(services):
    answer(services, "/digest schedule mon 09:00 Europe/London", CHANNEL)
    reply = answer(services, "/digest off", CHANNEL)
    assert not reply.is_error and "off" in text(reply)
    assert get_schedule(services.store, "slack:T1:C1") is None
    assert "nothing changed" in text(answer(services, "/digest off", CHANNEL))


def test_now_queues_one_real_digest_for_the_channel(services):
    reply = answer(services, "/digest now", CHANNEL)
    assert not reply.is_error, text(reply)
    assert not answer(services, "/digest now", CHANNEL).is_error       # a double click within the minute
    rows = outbox_items(services.store, "pending")
    assert len(rows) == 1 and rows[0].destination_id == "slack:T1:C1" and rows[0].kind == "digest"
    digest = Reply.from_json(rows[0].payload)
    assert digest.kind == "digest" and "2026-W13" in digest.title and not digest.ephemeral


def test_scheduling_again_resumes_a_paused_destination(services):
    answer(services, "/digest schedule mon 09:00 Europe/London", CHANNEL)
    pause_destination(services.store, "slack:T1:C1", "not_in_channel", NOW.isoformat())
    reply = answer(services, "/digest schedule mon 10:00 Europe/London", CHANNEL)
    assert "resumed" in text(reply)
    assert not get_destination(services.store, "slack:T1:C1").paused
