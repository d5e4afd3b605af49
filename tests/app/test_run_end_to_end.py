"""End to end: `briefbot run --once` as a subprocess, with both front ends configured against local fakes.

Digests queued for a Slack channel and a Discord channel are delivered through the real slack_sdk and
discord.py clients, exactly once, and a second run sends nothing again. Nothing is mocked.
"""
from __future__ import annotations

import os
import subprocess

from bot.app.cli import command_line
import sys
from datetime import datetime, timezone

from bot.core.digest_post import enqueue_digest_now
from storage.delivery import ensure_destination, outbox_counts
from tests.fakes.fake_discord import FakeDiscord
from tests.fakes.fake_slack import FakeSlack

WEEK = "2026-W05"


def run_once(db_path, slack: FakeSlack, discord: FakeDiscord) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "SLACK_", "DISCORD_", "OPENAI_"))}
    env.update(SLACK_BOT_TOKEN="xoxb-test", SLACK_SIGNING_SECRET="test-secret", SLACK_API_URL=slack.api_url,
               BRIEFBOT_HTTP_PORT="0", DISCORD_BOT_TOKEN="discord-test-token", DISCORD_API_URL=discord.api_url,
               DISCORD_GATEWAY_URL=discord.gateway_url, BRIEFBOT_OUTBOX_PACE="0")
    return subprocess.run([*command_line(), "--db", str(db_path), "run", "--once", "--no-console"],
                          env=env, capture_output=True, text=True, timeout=120)


def test_run_delivers_to_slack_and_discord_exactly_once(services, db_path):
    slack, discord = FakeSlack().start(), FakeDiscord().start()
    try:
        channel = next(iter(discord.channels))
        now = datetime.now(timezone.utc)
        for platform, workspace, target in (("slack", slack.team_id, "C0DIGEST"),
                                            ("discord", str(discord.guild_id), channel)):
            dest = ensure_destination(services.store, platform, workspace, target, tz="Europe/London")
            key, new = enqueue_digest_now(services, dest.id, dest.tz, None, WEEK, now, week=WEEK)
            assert new
        first = run_once(db_path, slack, discord)
        assert first.returncode == 0, first.stderr[-2000:]

        slack_posts = [c for c in slack.calls_to("chat.postMessage") if c.body.get("channel") == "C0DIGEST"]
        assert slack_posts, first.stderr[-2000:]
        assert all(c.body["metadata"]["event_payload"]["key"] == f"digest:slack:{slack.team_id}:C0DIGEST:{WEEK}"
                   for c in slack_posts)
        assert "Kimi K2.5" in str([c.body.get("blocks") for c in slack_posts])
        discord_posts = discord.find("POST", rf"/channels/{channel}/messages$")
        assert discord_posts, first.stderr[-2000:]
        assert "Kimi K2.5" in str([r.body for r in discord_posts])
        assert outbox_counts(services.store)["sent"] == 2

        second = run_once(db_path, slack, discord)
        assert second.returncode == 0, second.stderr[-2000:]
        assert len([c for c in slack.calls_to("chat.postMessage") if c.body.get("channel") == "C0DIGEST"]) == len(slack_posts)
        assert len(discord.find("POST", rf"/channels/{channel}/messages$")) == len(discord_posts)
    finally:
        slack.stop()
        discord.stop()
