"""/subscribe, /unsubscribe and /subscriptions through the real command core."""
from __future__ import annotations

import pytest

from bench.bench_extract_accuracy import build_record_store
from bot.core.answer import answer
from bot.render.text import render_text
from bot.core.context import Context, Services
from storage.delivery import get_destination, subscriptions_for


@pytest.fixture
def services(tmp_path):
    store = build_record_store(tmp_path / "record.db")
    yield Services.for_store(store, admins=frozenset({"slack:UBOSS"}))
    store.close()


USER = Context(platform="slack", workspace="T1", channel="C1", user="U1", is_channel_admin=False)


def test_anyone_can_subscribe_their_dms_to_a_vendor_or_a_model(services):
    reply = answer(services, "/subscribe OpenAI", USER)
    assert not reply.is_error and "openai" in render_text(reply)
    answer(services, "/subscribe claude opus 4.5", USER)
    subs = subscriptions_for(services.store, "slack:T1:U1")
    assert {(s.target_kind, s.target_id) for s in subs} == {("vendor", "openai"), ("model", "claude-opus-4.5")}
    assert get_destination(services.store, "slack:T1:U1").is_dm
    again = answer(services, "/subscribe openai", USER)
    assert again.title.startswith("Already subscribed")
    listing = render_text(answer(services, "/subscriptions", USER))
    assert "openai (vendor)" in listing and "claude-opus-4.5 (model)" in listing


def test_subscribing_a_channel_needs_a_channel_admin(services):
    denied = answer(services, "/subscribe openai here", USER)
    assert denied.is_error and "channel admin" in render_text(denied)
    assert subscriptions_for(services.store, "slack:T1:C1") == []
    boss = Context(platform="slack", workspace="T1", channel="C1", user="UBOSS", is_channel_admin=False)
    assert not answer(services, "/subscribe openai here", boss).is_error
    admin = Context(platform="slack", workspace="T1", channel="C1", user="U9", is_channel_admin=True)
    assert not answer(services, "/subscribe gemini 3 pro here", admin).is_error
    assert {s.target_id for s in subscriptions_for(services.store, "slack:T1:C1")} == {"openai", "gemini-3-pro"}
    assert answer(services, "/unsubscribe openai here", USER).is_error
    assert not answer(services, "/unsubscribe openai here", admin).is_error
    assert {s.target_id for s in subscriptions_for(services.store, "slack:T1:C1")} == {"gemini-3-pro"}


def test_unknown_names_get_suggestions_and_bad_input_a_usage_hint(services):
    reply = answer(services, "/subscribe antropic", USER)
    assert reply.is_error and "anthropic" in render_text(reply)
    empty = answer(services, "/subscribe", USER)
    assert empty.is_error and "/subscribe VENDOR|MODEL" in render_text(empty)
    assert subscriptions_for(services.store, "slack:T1:U1") == []


def test_unsubscribe(services):
    answer(services, "/subscribe xai", USER)
    assert answer(services, "/unsubscribe xAI", USER).title == "Unsubscribed from xAI"
    assert answer(services, "/unsubscribe xai", USER).title == "Not subscribed to xAI"
    assert subscriptions_for(services.store, "slack:T1:U1") == []
