"""DiscordSender through discord.py's real HTTP layer against the local fake Discord.

The client only logs in (no gateway): posting needs the REST API alone.
"""
from __future__ import annotations

import asyncio
import logging

import discord
import pytest

from bot.delivery.protocol import PermanentSendError, RetryableSendError
from bot.frontends.discord_front import DiscordSender, apply_endpoints, nonce_for, reset_endpoints
from bot.frontends.discord_front.sender import reference_for
from bot.core.reply import Reply, Section
from storage.delivery import Destination
from tests.fakes.fake_discord import FakeDiscord

CHANNEL = "5100"
DEST = Destination(id=f"discord:5000:{CHANNEL}", platform="discord", workspace="5000", target=CHANNEL)
DIGEST = Reply(title="Weekly digest 2026-W05", sections=(Section(heading="Headlines", items=("Kimi K2.5 released",)),),
               ephemeral=False, kind="digest")




def with_sender(fake: FakeDiscord, scenario):
    async def main():
        apply_endpoints(fake.api_url, fake.gateway_url)
        client = discord.Client(intents=discord.Intents.none())
        try:
            await client.login("test-token")
            return await scenario(DiscordSender(client))
        finally:
            await client.close()
    return asyncio.run(main())


def channel_posts(fake: FakeDiscord, channel: str = CHANNEL):
    return fake.find("POST", rf"/channels/{channel}/messages")


def test_a_digest_post_that_gets_a_429_is_retried_after_the_delay(fake_discord, caplog):
    fake_discord.rate_limit("POST", rf"/channels/{CHANNEL}/messages", retry_after=0.4)

    async def scenario(sender):
        return await sender.send(DEST, DIGEST, "digest:discord:5000:5100:2026-W05")

    with caplog.at_level(logging.WARNING, logger="discord.http"):
        result = with_sender(fake_discord, scenario)
    first, second = channel_posts(fake_discord)
    assert (first.status, second.status) == (429, 200)
    assert second.at - first.at >= 0.35  # discord.py slept for retry_after before retrying
    assert any("responded with 429" in r.getMessage() for r in caplog.records)  # discord.py's own limiter saw it
    assert result.message_id == fake_discord.channels[CHANNEL][-1]["id"]
    assert len(fake_discord.channels[CHANNEL]) == 1


def test_nonce_is_derived_from_the_key_and_discord_deduplicates_a_resend(fake_discord):
    key = "digest:discord:5000:5100:2026-W05"

    async def scenario(sender):
        first = await sender.send(DEST, DIGEST, key)
        again = await sender.send(DEST, DIGEST, key)  # e.g. after a crash before the outbox recorded it
        found = await sender.find_sent(DEST, key)
        missing = await sender.find_sent(DEST, "digest:discord:5000:5100:2026-W06")
        return first, again, found, missing

    first, again, found, missing = with_sender(fake_discord, scenario)
    posts = channel_posts(fake_discord)
    assert [p.body["nonce"] for p in posts] == [nonce_for(key)] * 2
    assert all(p.body["enforce_nonce"] is True and p.body["allowed_mentions"] == {"parse": []} for p in posts)
    assert len(nonce_for(key)) <= 25 and nonce_for(key) != nonce_for(key + "x")
    assert first.message_id == again.message_id == found
    assert len(fake_discord.channels[CHANNEL]) == 1
    assert missing is None


def test_a_long_digest_is_several_messages_and_only_the_last_carries_the_key(fake_discord):
    big = Reply(title="Digest", sections=(Section(items=tuple(f"claim {i} " + "x" * 300 for i in range(100))),),
                kind="digest", ephemeral=False)

    async def scenario(sender):
        return await sender.send(DEST, big, "k1"), await sender.find_sent(DEST, "k1")

    result, found = with_sender(fake_discord, scenario)
    posts = channel_posts(fake_discord)
    assert len(posts) > 1
    assert len({p.body["nonce"] for p in posts}) == len(posts)
    assert posts[-1].body["nonce"] == nonce_for("k1")
    assert result.message_id == found == fake_discord.channels[CHANNEL][-1]["id"]


def test_dm_destinations_open_a_dm_channel(fake_discord):
    dest = Destination(id="discord:5000:@7000", platform="discord", workspace="5000", target="7000", is_dm=True)

    async def scenario(sender):
        return await sender.send(dest, DIGEST, "alert:1")

    with_sender(fake_discord, scenario)
    [opened] = fake_discord.find("POST", "/users/@me/channels")
    assert str(opened.body["recipient_id"]) == "7000"
    dm_channel = fake_discord.dm_channels["7000"]
    assert len(channel_posts(fake_discord, dm_channel)) == 1


@pytest.mark.parametrize("status,body,reason", [
    (403, {"code": 50001, "message": "Missing Access"}, "missing_access"),
    (404, {"code": 10003, "message": "Unknown Channel"}, "unknown_channel"),
])
def test_missing_access_and_unknown_channel_are_permanent(fake_discord, status, body, reason):
    fake_discord.script("POST", rf"/channels/{CHANNEL}/messages", status, body)

    async def scenario(sender):
        with pytest.raises(PermanentSendError) as info:
            await sender.send(DEST, DIGEST, "k")
        return info.value

    error = with_sender(fake_discord, scenario)
    assert error.reason == reason
    assert len(channel_posts(fake_discord)) == 1  # not retried


def test_a_channel_the_fake_does_not_know_is_permanent_and_a_503_is_retryable(fake_discord):
    gone = Destination(id="discord:5000:999", platform="discord", workspace="5000", target="999")
    fake_discord.script("POST", rf"/channels/{CHANNEL}/messages", 503, {"message": "upstream", "code": 0})

    async def scenario(sender):
        with pytest.raises(PermanentSendError) as unknown:
            await sender.send(gone, DIGEST, "k")
        with pytest.raises(RetryableSendError) as unavailable:
            await sender.send(DEST, DIGEST, "k")
        with pytest.raises(PermanentSendError):
            await sender.find_sent(gone, "k")
        return unknown.value, unavailable.value

    unknown, unavailable = with_sender(fake_discord, scenario)
    assert unknown.reason == "unknown_channel"
    assert unavailable.reason == "server_error"


def test_a_sender_whose_client_is_not_logged_in_asks_to_retry():
    async def scenario():
        sender = DiscordSender(discord.Client(intents=discord.Intents.none()))
        with pytest.raises(RetryableSendError) as info:
            await sender.send(DEST, DIGEST, "k")
        return info.value

    assert asyncio.run(scenario()).reason == "not_connected"


def test_find_sent_recognises_the_footer_reference_when_history_has_no_nonce(fake_discord):
    """Real Discord does not return the nonce in channel history; the footer reference still identifies it."""
    key = "digest:discord:5000:5100:2026-W07"

    async def scenario(sender):
        sent = await sender.send(DEST, DIGEST, key)
        for message in fake_discord.channels[CHANNEL]:
            message.pop("nonce", None)  # as Discord's GET /channels/{id}/messages answers
        return sent, await sender.find_sent(DEST, key), await sender.find_sent(DEST, key + "-other")

    sent, found, other = with_sender(fake_discord, scenario)
    [post] = channel_posts(fake_discord)
    assert post.body["embeds"][-1]["footer"]["text"].endswith(reference_for(key))
    assert found == sent.message_id and other is None
