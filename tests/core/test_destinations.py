"""One rule for "which destination does this command mean, and may this user change it", on every platform.

Table-driven over platform × DM/channel × `here`: schedule → preview → subscribe → list → deliver.
Each row names the destination every step must agree on; the three bugs this guards against were
a preview that ignored the schedule's zone in DMs and the console, a console subscription to a
destination no sender delivers to, and Discord's `/subscriptions where: here` being ignored.
"""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from bot.core.answer import answer
from bot.core.context import Context
from bot.delivery.digest_runs import run_due_digests
from bot.render.text import render_text
from storage.delivery import list_schedules, outbox_items, subscriptions_for

SENDER_PLATFORMS = {"local", "slack", "discord"}
"""Platforms `briefbot run` has a sender for (local always; Slack and Discord with tokens)."""

CASES = [
    # id, context, `here` word for subscribe, destination every step must use
    ("console", Context(), "", "local::console"),
    ("console-here", Context(), " here", "local::console"),
    ("slack-dm", Context(platform="slack", workspace="T1", channel="D9", user="U1", is_dm=True), "", "slack:T1:U1"),
    ("slack-channel-here", Context(platform="slack", workspace="T1", channel="C1", user="U1", is_channel_admin=True),
     " here", "slack:T1:C1"),
    ("discord-dm", Context(platform="discord", workspace="", channel="77", user="42", is_dm=True), "",
     "discord::42"),
    ("discord-channel-here", Context(platform="discord", workspace="G1", channel="C5", user="42",
                                     is_channel_admin=True), " here", "discord:G1:C5"),
]


@pytest.mark.parametrize("name,ctx,here,dest", CASES, ids=[c[0] for c in CASES])
def test_schedule_preview_subscribe_list_and_deliver_agree_on_one_destination(services, name, ctx, here, dest):
    services.clock = lambda: datetime(2026, 2, 1, 12, 0, tzinfo=timezone.utc)  # the Sunday before the slot
    def ask(line):
        reply = answer(services, line, ctx)
        assert not reply.is_error, render_text(reply)
        return reply

    ask("/digest schedule mon 09:00 Asia/Tokyo")
    assert [s.destination_id for s in list_schedules(services.store)] == [dest]
    preview = render_text(ask("/digest preview 2026-W05"))
    assert "Asia/Tokyo" in preview, "the preview must use the schedule's zone"

    ask(f"/subscribe moonshot{here}")
    assert [s.target_id for s in subscriptions_for(services.store, dest)] == ["moonshot"]
    listing = render_text(ask(f"/subscriptions{here}"))
    assert "moonshot" in listing

    run_due_digests(services, datetime(2026, 2, 2, 0, 0, 30, tzinfo=timezone.utc))  # Mon 09:00 in Tokyo
    rows = outbox_items(services.store, "pending")
    assert [r.destination_id for r in rows] == [dest]
    assert dest.split(":", 1)[0] in SENDER_PLATFORMS, "a destination no sender delivers to"


def test_here_lists_only_the_channel_and_a_dm_has_no_here(services):
    channel = Context(platform="discord", workspace="G1", channel="C5", user="42", is_channel_admin=True)
    answer(services, "/subscribe moonshot", channel)          # the user's DMs
    answer(services, "/subscribe alibaba here", channel)      # this channel
    only_channel = render_text(answer(services, "/subscriptions here", channel))
    assert "alibaba" in only_channel and "moonshot" not in only_channel
    both = render_text(answer(services, "/subscriptions", channel))
    assert "alibaba" in both and "moonshot" in both
    dm = Context(platform="discord", channel="77", user="42", is_dm=True)
    refused = answer(services, "/subscribe openai here", dm)
    assert refused.is_error and "direct message" in render_text(refused)


@pytest.mark.parametrize("line", ["/digest schedule mon 09:00 UTC", "/digest off", "/digest now",
                                  "/subscribe moonshot here", "/unsubscribe moonshot here"])
def test_a_member_may_not_change_a_channel_but_a_listed_bot_admin_may(services, line):
    member = Context(platform="slack", workspace="T1", channel="C1", user="U7")
    refused = answer(services, line, member)
    assert refused.is_error and "BRIEFBOT_ADMINS" in render_text(refused)
    assert list_schedules(services.store) == [] and subscriptions_for(services.store, "slack:T1:C1") == []
    services.admins = frozenset({"slack:U7"})
    allowed = answer(services, line, member)
    assert not allowed.is_error, render_text(allowed)
