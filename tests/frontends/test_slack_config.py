"""Slack configuration, mode selection, start-up checks, the manifest and `briefbot slack manifest|check`.

Against the local fake Slack Web API; no internet.
"""
from __future__ import annotations

import asyncio

import aiohttp
import pytest
import yaml

from bot.app.cli import main
from bot.core.commands import unique_commands
from foundation.settings import ConfigError, Settings
from bot.core.answer import ensure_registered
from bot.frontends.slack_front import SLACK_API_URL_DEFAULT, api_base_url, build_front_end, check_settings
from tests.fakes.fake_slack import FakeSlack


def settings(**env) -> Settings:
    return Settings.load(environ=env, env_file=None)




def test_no_bot_token_means_no_slack(services):
    assert build_front_end(settings(), services) is None


@pytest.mark.parametrize("env,variable", [
    ({"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET"),
    ({"SLACK_BOT_TOKEN": "xapp-1-swapped", "SLACK_APP_TOKEN": "xoxb-1"}, "SLACK_BOT_TOKEN"),
    ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xoxb-2"}, "SLACK_APP_TOKEN"),
    ({"SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN"),
    ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "SLACK_API_URL": "slack.example/api"}, "SLACK_API_URL"),
])
def test_missing_or_wrong_variables_raise_a_config_error_naming_them(services, env, variable):
    with pytest.raises(ConfigError, match=variable) as info:
        build_front_end(settings(**env), services)
    assert "\n" not in str(info.value)


def test_mode_follows_the_tokens():
    assert check_settings(settings(SLACK_BOT_TOKEN="xoxb-1", SLACK_APP_TOKEN="xapp-1")).name == "socket"
    assert check_settings(settings(SLACK_BOT_TOKEN="xoxb-1", SLACK_SIGNING_SECRET="s")).name == "http"
    both = check_settings(settings(SLACK_BOT_TOKEN="xoxb-1", SLACK_APP_TOKEN="xapp-1", SLACK_SIGNING_SECRET="s"))
    assert both.name == "socket"


def test_api_url_gets_its_trailing_slash():
    assert api_base_url(settings()) == SLACK_API_URL_DEFAULT
    assert api_base_url(settings(SLACK_API_URL="https://slack-gov.com/api")) == "https://slack-gov.com/api/"


def test_http_mode_binds_the_configured_host_and_a_free_port_and_stops(services, fake_slack):
    conf = settings(SLACK_BOT_TOKEN="xoxb-1", SLACK_SIGNING_SECRET="s", SLACK_API_URL=fake_slack.api_url,
                    BRIEFBOT_HTTP_HOST="127.0.0.1", BRIEFBOT_HTTP_PORT="0")

    async def scenario():
        front = build_front_end(conf, services)
        await front.start()
        try:
            assert front.server.host == "127.0.0.1" and front.server.port > 0
            async with aiohttp.ClientSession() as session:
                async with session.get(f"http://127.0.0.1:{front.server.port}/healthz") as r:
                    health = (r.status, await r.text())
                async with session.post(front.server.url, data=b"") as r:
                    unsigned = r.status
        finally:
            await front.stop()
        async with aiohttp.ClientSession() as session:
            with pytest.raises(aiohttp.ClientConnectionError):
                await session.get(f"http://127.0.0.1:{front.server.port}/healthz")
        return health, unsigned

    health, unsigned = asyncio.run(scenario())
    assert health == (200, "ok") and unsigned == 401
    assert fake_slack.calls_to("auth.test")[0].headers.get("Authorization") == "Bearer xoxb-1"


def test_a_rejected_token_fails_at_start_naming_the_variable(services, fake_slack):
    fake_slack.script("auth.test", error="invalid_auth")
    conf = settings(SLACK_BOT_TOKEN="xoxb-bad", SLACK_SIGNING_SECRET="s", SLACK_API_URL=fake_slack.api_url,
                    BRIEFBOT_HTTP_PORT="0")

    async def scenario():
        front = build_front_end(conf, services)
        try:
            await front.start()
        finally:
            await front.stop()
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN was rejected by Slack \\(invalid_auth\\)"):
        asyncio.run(scenario())


def test_manifest_declares_commands_scopes_socket_mode_and_interactivity(capsys):
    assert main(["slack", "manifest"]) == 0
    manifest = yaml.safe_load(capsys.readouterr().out)
    ensure_registered()
    declared = {c["command"].lstrip("/") for c in manifest["features"]["slash_commands"]}
    assert declared == {c.name for c in unique_commands()}
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"commands", "chat:write", "users:read", "im:write", "channels:history", "groups:history"} <= scopes
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert manifest["settings"]["interactivity"]["is_enabled"] is True


def test_http_mode_manifest_points_every_command_at_the_events_url(capsys):
    assert main(["slack", "manifest", "--url", "https://bot.example.org/"]) == 0
    manifest = yaml.safe_load(capsys.readouterr().out)
    urls = {c["url"] for c in manifest["features"]["slash_commands"]}
    assert urls == {"https://bot.example.org/slack/events"}
    assert manifest["settings"]["interactivity"]["request_url"] == "https://bot.example.org/slack/events"
    assert manifest["settings"]["socket_mode_enabled"] is False
    assert main(["slack", "manifest", "--url", "http://insecure.example"]) == 2


def test_slack_check_prints_one_line(monkeypatch, capsys, fake_slack, tmp_path):
    monkeypatch.setenv("BRIEFBOT_DB", str(tmp_path / "db.sqlite"))
    assert main(["slack", "check"]) == 1
    assert "not configured" in capsys.readouterr().out
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1")
    monkeypatch.setenv("SLACK_API_URL", fake_slack.api_url)
    assert main(["slack", "check"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.startswith("Slack OK: workspace Fake Workspace (T0FAKE), bot @briefbot")
    assert "Socket Mode" in out
    fake_slack.script("auth.test", error="token_revoked")
    assert main(["slack", "check"]) == 1
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "SLACK_BOT_TOKEN" in out and "token_revoked" in out
