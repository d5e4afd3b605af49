"""SlackSender with the real slack_sdk AsyncWebClient against the local fake Slack Web API.

Covers: the metadata that tags each message, 429 with Retry-After retried after
the delay (slack_sdk's rate-limit handler), a 429 that persists or asks for too
long a wait becoming RetryableSendError with retry_after, 5xx and connection
failures as retryable, each permanent error code as PermanentSendError (never
retried), DMs opened with conversations.open, pacing of one message per second
per channel, and find_sent over conversations.history.
"""
from __future__ import annotations

import asyncio
import socket
import time

import pytest

from bot.delivery.protocol import PermanentSendError, RetryableSendError
from bot.render.slack_blocks import render_slack
from bot.core.reply import Reply, Section
from bot.frontends.slack_front import SlackSender, make_web_client
from bot.frontends.slack_front.sender import EVENT_TYPE
from storage.delivery import Destination
from tests.fakes.fake_slack import FakeSlack

CHANNEL = Destination(id="slack:T0FAKE:C0DIGEST", platform="slack", workspace="T0FAKE", target="C0DIGEST")
DM = Destination(id="slack:T0FAKE:U0READER", platform="slack", workspace="T0FAKE", target="U0READER", is_dm=True)
SHORT = Reply(title="Alert: Moonshot released Kimi K2.5", sections=(Section(text="Open weights, 1T parameters."),),
              ephemeral=False, kind="alert")
LONG = Reply(title="Digest", sections=(Section(items=tuple(f"item {i} " + "word " * 200 for i in range(40))),),
             ephemeral=False, kind="digest")




def run_sender(fake: FakeSlack, scenario, *, min_interval: float = 0.0, max_wait: float = 30.0):
    async def main():
        client = make_web_client("xoxb-test", fake.api_url, max_rate_limit_wait=max_wait)
        return await scenario(SlackSender(client, min_interval=min_interval))
    return asyncio.run(main())


def test_send_posts_blocks_with_metadata_and_returns_the_ts(fake_slack):
    result = run_sender(fake_slack, lambda s: s.send(CHANNEL, SHORT, "alert:42"))
    [call] = fake_slack.calls_to("chat.postMessage")
    assert call.headers["Content-Type"].startswith("application/json")
    assert call.body["channel"] == "C0DIGEST"
    assert call.body["blocks"] == render_slack(SHORT)[0]["blocks"]
    assert call.body["metadata"] == {"event_type": EVENT_TYPE, "event_payload": {"key": "alert:42", "part": 0,
                                                                                "parts": 1}}
    assert result.message_id == fake_slack.messages["C0DIGEST"][0]["ts"]


def test_a_long_reply_is_posted_in_order_as_several_tagged_messages(fake_slack):
    expected = render_slack(LONG)
    assert len(expected) > 1
    result = run_sender(fake_slack, lambda s: s.send(CHANNEL, LONG, "digest:w05"))
    stored = fake_slack.messages["C0DIGEST"]
    assert [m["blocks"] for m in stored] == [m["blocks"] for m in expected]
    assert [m["metadata"]["event_payload"]["part"] for m in stored] == list(range(len(expected)))
    assert result.message_id == stored[-1]["ts"]


def test_429_with_retry_after_is_retried_after_the_delay(fake_slack):
    fake_slack.script("chat.postMessage", status=429, retry_after=1)
    started = time.monotonic()
    result = run_sender(fake_slack, lambda s: s.send(CHANNEL, SHORT, "alert:1"))
    calls = fake_slack.calls_to("chat.postMessage")
    assert len(calls) == 2
    assert calls[1].at - calls[0].at >= 1.0, "the retry came before Retry-After"
    assert time.monotonic() - started >= 1.0
    assert result.message_id == fake_slack.messages["C0DIGEST"][0]["ts"]


def test_a_429_asking_for_a_long_wait_is_left_to_the_outbox(fake_slack):
    fake_slack.script("chat.postMessage", status=429, retry_after=120)
    with pytest.raises(RetryableSendError) as info:
        run_sender(fake_slack, lambda s: s.send(CHANNEL, SHORT, "alert:1"), max_wait=5)
    assert info.value.reason == "rate_limited" and info.value.retry_after == 120
    assert len(fake_slack.calls_to("chat.postMessage")) == 1


def test_a_429_that_persists_becomes_retryable_with_retry_after(fake_slack):
    fake_slack.script("chat.postMessage", status=429, retry_after=0, times=5)
    with pytest.raises(RetryableSendError) as info:
        run_sender(fake_slack, lambda s: s.send(CHANNEL, SHORT, "alert:1"))
    assert info.value.retry_after == 0
    assert len(fake_slack.calls_to("chat.postMessage")) == 3  # the first try and slack_sdk's two retries


def test_500_is_retryable(fake_slack):
    fake_slack.script("chat.postMessage", status=500)
    with pytest.raises(RetryableSendError) as info:
        run_sender(fake_slack, lambda s: s.send(CHANNEL, SHORT, "alert:1"))
    assert "500" in str(info.value)
    assert fake_slack.messages.get("C0DIGEST", []) == []


def test_a_connection_failure_is_retryable():
    with socket.socket() as s:  # a port that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]

    async def main():
        client = make_web_client("xoxb-test", f"http://127.0.0.1:{port}/api/")
        await SlackSender(client).send(CHANNEL, SHORT, "alert:1")
    with pytest.raises(RetryableSendError) as info:
        asyncio.run(main())
    assert info.value.reason == "network"


@pytest.mark.parametrize("code", ["channel_not_found", "not_in_channel", "is_archived", "account_inactive",
                                  "invalid_auth", "token_revoked"])
def test_permanent_errors_are_permanent_and_not_retried(fake_slack, code):
    fake_slack.script("chat.postMessage", error=code)
    with pytest.raises(PermanentSendError) as info:
        run_sender(fake_slack, lambda s: s.send(CHANNEL, SHORT, "alert:1"))
    assert info.value.reason == code and CHANNEL.id in str(info.value)
    assert len(fake_slack.calls_to("chat.postMessage")) == 1


def test_dm_destinations_open_a_conversation_once(fake_slack):
    async def scenario(sender):
        await sender.send(DM, SHORT, "alert:1")
        await sender.send(DM, SHORT, "alert:2")
    run_sender(fake_slack, scenario)
    [opened] = fake_slack.calls_to("conversations.open")
    assert opened.body["users"] == "U0READER"
    assert [c.body["channel"] for c in fake_slack.calls_to("chat.postMessage")] == ["DU0READER", "DU0READER"]


def test_posts_to_one_channel_are_paced_to_one_per_second(fake_slack):
    other = Destination(id="slack:T0FAKE:C0OTHER", platform="slack", workspace="T0FAKE", target="C0OTHER")

    async def scenario(sender):
        await asyncio.gather(sender.send(CHANNEL, SHORT, "a"), sender.send(CHANNEL, SHORT, "b"),
                             sender.send(other, SHORT, "c"))
    run_sender(fake_slack, scenario, min_interval=1.0)
    calls = fake_slack.calls_to("chat.postMessage")
    same = [c.at for c in calls if c.body["channel"] == "C0DIGEST"]
    assert len(same) == 2 and same[1] - same[0] >= 0.95
    first_other = [c.at for c in calls if c.body["channel"] == "C0OTHER"][0]
    assert first_other - min(same) < 0.9, "another channel does not wait for this one"


def test_find_sent_finds_a_posted_key_and_not_another(fake_slack):
    async def scenario(sender):
        sent = await sender.send(CHANNEL, SHORT, "digest:2026-W05")
        await sender.send(CHANNEL, SHORT, "alert:7")
        return sent, await sender.find_sent(CHANNEL, "digest:2026-W05"), await sender.find_sent(CHANNEL, "digest:x")

    sent, found, missing = run_sender(fake_slack, scenario)
    assert found == sent.message_id and missing is None
    history = fake_slack.calls_to("conversations.history")
    assert history[0].body["include_all_metadata"] in ("1", "true", "True")
    assert history[0].body["channel"] == "C0DIGEST"


def test_after_a_partial_delivery_only_the_missing_parts_are_posted(fake_slack):
    parts = len(render_slack(LONG))

    async def scenario(sender):
        # a crash after two parts: post them as the sender would have
        for part, body in enumerate(render_slack(LONG)[:2]):
            await sender.client.chat_postMessage(channel="C0DIGEST", text=body["text"], blocks=body["blocks"],
                                                 metadata={"event_type": EVENT_TYPE, "event_payload": {
                                                     "key": "digest:w05", "part": part, "parts": parts}})
        assert await sender.find_sent(CHANNEL, "digest:w05") is None
        result = await sender.send(CHANNEL, LONG, "digest:w05")
        return result, await sender.find_sent(CHANNEL, "digest:w05")

    result, found = run_sender(fake_slack, scenario)
    stored = fake_slack.messages["C0DIGEST"]
    assert [m["metadata"]["event_payload"]["part"] for m in stored] == list(range(parts))
    assert found == result.message_id == stored[-1]["ts"]


def test_find_sent_without_access_to_history_says_nothing_found(fake_slack):
    fake_slack.script("conversations.history", error="not_in_channel")
    assert run_sender(fake_slack, lambda s: s.find_sent(CHANNEL, "k")) is None
    fake_slack.script("conversations.history", error="channel_not_found")
    with pytest.raises(PermanentSendError):
        run_sender(fake_slack, lambda s: s.find_sent(CHANNEL, "k"))
