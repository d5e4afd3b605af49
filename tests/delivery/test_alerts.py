"""Alert batching: one message per destination per window, each item alerted once, always with an unsubscribe."""
from __future__ import annotations

import json

import pytest

from bench.bench_extract_accuracy import build_record_store
from bot.delivery.alerts import flush_alerts
from bot.core.reply import Reply
from bot.core.context import Services
from ingest.plans import Origin, plan, store_plan
from ingest.extract import RuleExtractor
from ingest.extract.gazetteer import Gazetteer
from ingest.review import accept_all
from storage.delivery import ensure_destination, outbox_items, subscribe
from storage.ingest_state import record_alert_events


@pytest.fixture
def services(tmp_path):
    store = build_record_store(tmp_path / "record.db")
    yield Services.for_store(store)
    store.close()


def test_events_within_the_window_are_batched_into_one_message_per_destination(services):
    store = services.store
    dm = ensure_destination(store, "discord", "G1", "42", is_dm=True)
    channel = ensure_destination(store, "slack", "T1", "C1")
    subscribe(store, dm.id, "vendor", "openai", "discord:42", "t")
    subscribe(store, channel.id, "model", "gpt-5.1", "slack:U1", "t")
    record_alert_events(store, "release", "rel-1", "openai", "gpt-5.1", "OpenAI released GPT-5.1", "http://a/1",
                        "2026-03-02T09:00:00Z")
    record_alert_events(store, "claim", "clm-1", "openai", "gpt-5", "GPT-5 scores 1 on X", "http://a/2",
                        "2026-03-02T09:04:00Z")
    # the same item again (another feed, a re-publish): no second event
    assert record_alert_events(store, "release", "rel-1", "openai", "gpt-5.1", "dup", None, "2026-03-02T09:05:00Z") == 0
    assert flush_alerts(services, "2026-03-02T09:09:59Z") == []
    keys = flush_alerts(services, "2026-03-02T09:10:00Z")
    rows = {o.destination_id: o for o in outbox_items(store)}
    assert len(keys) == 2 and set(rows) == {dm.id, channel.id}
    dm_reply = Reply.from_json(rows[dm.id].payload)
    assert dm_reply.kind == "alert" and not dm_reply.ephemeral
    assert dm_reply.sections[0].items == ("OpenAI released GPT-5.1", "GPT-5 scores 1 on X")
    assert "/unsubscribe openai" in dm_reply.footnotes[0]
    assert Reply.from_json(rows[channel.id].payload).sections[0].items == ("OpenAI released GPT-5.1",)
    assert flush_alerts(services, "2026-03-03T00:00:00Z") == []
    assert len(outbox_items(store)) == 2


def test_window_comes_from_settings_and_the_key_from_destination_and_items(services):
    from foundation.settings import Settings
    store = services.store
    dm = ensure_destination(store, "slack", "T1", "U1", is_dm=True)
    subscribe(store, dm.id, "vendor", "xai", "slack:U1", "t")
    services.extra["settings"] = Settings.load(environ={"BRIEFBOT_ALERT_WINDOW_MINUTES": "1"}, env_file=None)
    record_alert_events(store, "claim", "clm-9", "xai", "grok-4", "Grok 4 news", None, "2026-03-02T09:00:00Z")
    (key,) = flush_alerts(services, "2026-03-02T09:01:00Z")
    from bot.delivery.alerts import alert_key
    from storage.ingest_state import AlertEvent
    assert key == alert_key(dm.id, [AlertEvent(0, dm.id, "claim", "clm-9", "", None, "")])


def test_reviewing_candidates_alerts_subscribers_once(services):
    store = services.store
    dm = ensure_destination(store, "slack", "T1", "U1", is_dm=True)
    subscribe(store, dm.id, "model", "glm-4.6", "slack:U1", "t")
    ext = RuleExtractor(Gazetteer.from_store(store)).extract(
        "Zhipu AI released GLM-4.6 today. GLM-4.6 scores 68.0 on SWE-bench Verified.")
    result = store_plan(store, plan(store, ext, Origin(url="https://n.example/glm"), "2026-03-02T09:00:00Z"),
                        "2026-03-02T09:00:00Z")
    assert result.claims == 1 and result.alerts == 0  # unreviewed candidates never alert
    accepted, alerts = accept_all(store, "2026-03-02T09:30:00Z")
    assert accepted == 2 and alerts == 2
    assert accept_all(store, "2026-03-02T09:31:00Z") == (0, 0)
    flush_alerts(services, "2026-03-02T10:00:00Z")
    (row,) = outbox_items(store)
    items = json.loads(row.payload)["sections"][0]["items"]
    assert len(items) == 2 and any("68.0" in i for i in items)
