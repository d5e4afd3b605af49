"""Total deadlines on chat calls: a Web API that stalls never holds an answer or a delivery for long.
All against the local fake Slack Web API (scripted delays) on 127.0.0.1."""
from __future__ import annotations

import asyncio
import time

import pytest

import bot.frontends.slack_front.context as slack_context
import bot.frontends.slack_front.sender as slack_sender
from bot.core.reply import Reply, Section
from bot.delivery.protocol import RetryableSendError
from bot.frontends.slack_front import SlackSender, make_web_client
from storage.delivery import Destination
from tests.frontends.test_slack_http import command, run  # noqa: F401 (fixture)

CHANNEL = Destination(id="slack:T0FAKE:C0DIGEST", platform="slack", workspace="T0FAKE", target="C0DIGEST")


def test_a_stalled_users_info_does_not_hold_the_answer(services, fake_slack, monkeypatch):
    monkeypatch.setattr(slack_context, "USERS_INFO_DEADLINE", 0.5, raising=False)
    fake_slack.script("users.info", delay=4.0)

    async def scenario(front, session):
        started = time.perf_counter()
        status, [posted] = await command(session, front, fake_slack, "/model", "kimi-k2.5")
        return status, posted, time.perf_counter() - started

    status, posted, elapsed = run(services, fake_slack, scenario)
    assert status == 200 and "Kimi" in posted["text"]
    assert elapsed < 3.0, elapsed


def test_a_stalled_post_message_is_a_retryable_failure_within_the_deadline(fake_slack, monkeypatch):
    monkeypatch.setattr(slack_sender, "CALL_DEADLINE", 0.5, raising=False)
    fake_slack.script("chat.postMessage", delay=4.0)

    async def main():
        sender = SlackSender(make_web_client("xoxb-test", fake_slack.api_url), min_interval=0)
        started = time.perf_counter()
        with pytest.raises(RetryableSendError):
            await sender.send(CHANNEL, Reply(title="t", sections=(Section(text="x"),), ephemeral=False,
                                             kind="alert"), "key-1")
        return time.perf_counter() - started

    assert asyncio.run(main()) < 2.0
