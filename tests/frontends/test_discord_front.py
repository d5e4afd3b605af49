"""The real discord.py client against the local fake Discord: slash commands, autocomplete, permissions.

Nothing is mocked: the client logs in over HTTP, connects to the fake gateway,
receives INTERACTION_CREATE and answers through the callback and webhook routes.
"""
from __future__ import annotations

import asyncio
import re

import pytest

import bot.core.wording as facts
from bot.core.commands import unique_commands
from bot.core.answer import ensure_registered
from bot.frontends.discord_front import DiscordFrontEnd, apply_endpoints, build_front_end, reset_endpoints, respond
from bot.frontends.discord_front.tree import APP_COMMANDS
from foundation.settings import Settings
from bot.render.discord_embeds import ERROR_COLOUR
from storage.delivery import destination_id, list_schedules, subscriptions_for
from tests.fakes.fake_discord import MANAGE_CHANNELS, MANAGE_GUILD, PLAIN_MEMBER, FakeDiscord

EPHEMERAL = 64




def run_with_front_end(services, fake: FakeDiscord, scenario):
    """Start the real front end against the fake, run `scenario(front)`, always stop it."""
    async def main():
        apply_endpoints(fake.api_url, fake.gateway_url)
        front = DiscordFrontEnd("test-token", services, guild_ready_timeout=0.05)
        try:
            await front.start()
            await front.wait_until_ready(5)
            return await scenario(front)
        finally:
            await front.stop()
    return asyncio.run(main())


async def ask(fake: FakeDiscord, name: str, options: dict | None = None, count: int = 1, **kw):
    interaction = await asyncio.to_thread(fake.interaction, name, options, **kw)
    await fake.await_for("POST", rf"/interactions/{interaction['id']}/[^/]+/callback")
    if count > 1:
        await fake.await_for("POST", rf"/webhooks/{fake.app_id}/{interaction['token']}", count - 1)
    return fake.responses_to(interaction)


def embed_text(body: dict) -> str:
    data = body.get("data", body)
    out = []
    for e in data.get("embeds", []):
        out += [e.get("title", ""), e.get("description", "")]
        out += [f["name"] + "\n" + f["value"] for f in e.get("fields", [])]
    return "\n".join(out)


def test_build_front_end_needs_a_token(services):
    assert build_front_end(Settings.load(environ={}, env_file=None), services) is None


def test_compare_answers_with_an_ephemeral_embed_naming_both_models(services, fake_discord):
    a, b = (services.store.model(services.resolver.resolve(n).model_id) for n in ("qwen3-max", "opus-4.5"))
    shared = {c.benchmark_id for c in services.store.scores_for([a.id])} & {
        c.benchmark_id for c in services.store.scores_for([b.id])}
    figures = [facts.figure(c) for c in services.store.scores_for([a.id, b.id]) if c.benchmark_id in shared]

    async def scenario(front):
        return await ask(fake_discord, "compare", {"model_a": "qwen3-max", "model_b": "opus-4.5"})

    [callback] = run_with_front_end(services, fake_discord, scenario)
    assert callback.query == {"with_response": "1"}
    assert callback.body["type"] == 4
    data = callback.body["data"]
    assert data["flags"] & EPHEMERAL
    title = data["embeds"][0]["title"]
    assert a.name in title and b.name in title
    assert data["embeds"][0]["color"] != ERROR_COLOUR
    text = embed_text(callback.body)
    assert figures and any(f in text for f in figures), (figures, text[:500])


def test_autocomplete_offers_at_most_25_relevant_choices(services, fake_discord):
    async def scenario(front):
        typed = await ask(fake_discord, "compare", {"model_a": "qwen", "model_b": ""}, focused="model_a")
        empty = await ask(fake_discord, "model", {"name": ""}, focused="name")
        vendor = await ask(fake_discord, "releases", {"vendor": "anthro"}, focused="vendor")
        return typed, empty, vendor

    [typed], [empty], [vendor] = run_with_front_end(services, fake_discord, scenario)
    assert typed.body["type"] == 8
    choices = typed.body["data"]["choices"]
    assert 0 < len(choices) <= 25
    known = {m.id for m in services.store.models()}
    assert all(c["value"] in known for c in choices)
    assert choices[0]["value"] == services.resolver.complete("qwen", 25)[0]
    assert "qwen" in choices[0]["name"].lower()
    assert all(len(c["name"]) <= 100 for c in choices)
    assert 0 < len(empty.body["data"]["choices"]) <= 25  # newest models before anything is typed
    assert vendor.body["data"]["choices"][0]["value"] == services.resolver.resolve_vendor("anthropic")


def test_a_member_without_permission_cannot_change_the_schedule(services, fake_discord):
    options = {"action": "schedule", "day": "mon", "time": "09:00", "timezone": "Europe/London"}

    async def scenario(front):
        refused = await ask(fake_discord, "digest", options, permissions=PLAIN_MEMBER)
        after_refusal = await front.client.responder.run(list_schedules, services.store)
        allowed = await ask(fake_discord, "digest", options, permissions=PLAIN_MEMBER | MANAGE_CHANNELS, user_id=7001)
        after_allowed = await front.client.responder.run(list_schedules, services.store)
        return refused, after_refusal, allowed, after_allowed

    [refused], after_refusal, [allowed], after_allowed = run_with_front_end(services, fake_discord, scenario)
    assert after_refusal == []  # nothing was scheduled
    data = refused.body["data"]
    assert data["flags"] & EPHEMERAL
    assert data["embeds"][0]["color"] == ERROR_COLOUR
    assert "Manage Server or Manage Channels" in embed_text(refused.body)
    assert "Manage Server or Manage Channels" not in embed_text(allowed.body)  # the gate let the manager through
    assert [(s.tz, s.time) for s in after_allowed] == [("Europe/London", "09:00")]  # and the schedule was stored


def test_manage_server_alone_also_counts_as_manager(services, fake_discord):
    async def scenario(front):
        return await ask(fake_discord, "subscribe", {"target": "anthropic", "where": "here"},
                         permissions=PLAIN_MEMBER | MANAGE_GUILD)

    [answer] = run_with_front_end(services, fake_discord, scenario)
    assert "Manage Server or Manage Channels" not in embed_text(answer.body)
    channel = destination_id("discord", str(fake_discord.guild_id), next(iter(fake_discord.channels)))
    assert [s.target_id for s in subscriptions_for(services.store, channel)] == ["anthropic"]


def test_bad_option_values_get_a_helpful_ephemeral_answer(services, fake_discord):
    async def scenario(front):
        bad_choice = await ask(fake_discord, "digest", {"action": "sometimes"}, permissions=PLAIN_MEMBER | MANAGE_GUILD)
        unknown = await ask(fake_discord, "compare", {"model_a": "qwen3-max", "model_b": "gpt-9-ultra"})
        bad_since = await ask(fake_discord, "releases", {"since": "yesterdayish"})
        return bad_choice, unknown, bad_since

    [bad_choice], [unknown], [bad_since] = run_with_front_end(services, fake_discord, scenario)
    for callback in (bad_choice, unknown, bad_since):
        data = callback.body["data"]
        assert data["flags"] & EPHEMERAL
        assert data["embeds"][0]["color"] == ERROR_COLOUR
    assert "sometimes" in embed_text(bad_choice.body)
    assert re.search(r"preview, now, schedule, off", embed_text(bad_choice.body))
    assert "gpt-9-ultra" in embed_text(unknown.body)
    assert "yesterdayish" in embed_text(bad_since.body) and "30d" in embed_text(bad_since.body)


def test_a_slow_answer_is_deferred_then_followed_up(services, fake_discord, monkeypatch):
    monkeypatch.setattr(respond, "DEFER_AFTER", 0.0)  # any core call counts as slow

    async def scenario(front):
        return await ask(fake_discord, "model", {"name": "kimi-k2.5"}, count=2)

    # a long answer may follow up in several messages: the first follow-up carries the title
    callback, followup, *_ = run_with_front_end(services, fake_discord, scenario)
    assert callback.body["type"] == 5 and callback.body["data"]["flags"] & EPHEMERAL
    model = services.store.model(services.resolver.resolve("kimi-k2.5").model_id)
    assert followup.path == f"/webhooks/{fake_discord.app_id}/{callback.path.split('/')[3]}"
    assert followup.body["embeds"][0]["title"] == model.name


def test_sync_declares_every_core_command_and_default_permissions(fake_discord, monkeypatch, tmp_path):
    from bot.app.cli import main

    monkeypatch.setenv("DISCORD_BOT_TOKEN", "test-token")
    monkeypatch.setenv("DISCORD_API_URL", fake_discord.api_url)
    monkeypatch.setenv("DISCORD_GATEWAY_URL", fake_discord.gateway_url)
    assert main(["--db", str(tmp_path / "sync.db"), "discord", "sync", "--guild", str(fake_discord.guild_id)]) == 0
    synced = {c["name"]: c for c in fake_discord.synced[str(fake_discord.guild_id)]}
    assert set(synced) == set(APP_COMMANDS)
    ensure_registered()
    assert {c.name for c in unique_commands()} <= set(synced)
    assert int(synced["digest"]["default_member_permissions"]) == MANAGE_CHANNELS
    assert synced["compare"]["default_member_permissions"] is None
    compare_options = {o["name"]: o for o in synced["compare"]["options"]}
    assert compare_options["model_a"]["required"] and compare_options["model_a"]["autocomplete"]
    assert not compare_options["model_c"].get("required", False)
    assert main(["--db", str(tmp_path / "sync.db"), "discord", "sync"]) == 0
    assert set(c["name"] for c in fake_discord.synced["global"]) == set(APP_COMMANDS)


def test_invite_url_has_both_scopes_and_minimal_permissions(fake_discord, monkeypatch, capsys, tmp_path):
    from bot.app.cli import main

    monkeypatch.setenv("DISCORD_APPLICATION_ID", "123456")
    assert main(["discord", "invite"]) == 0
    url = capsys.readouterr().out.strip()
    assert "client_id=123456" in url and "scope=bot+applications.commands" in url
    assert "permissions=84992" in url  # View Channels + Send Messages + Embed Links + Read Message History
    monkeypatch.delenv("DISCORD_APPLICATION_ID")
    monkeypatch.setenv("DISCORD_BOT_TOKEN", "test-token")
    monkeypatch.setenv("DISCORD_API_URL", fake_discord.api_url)
    assert main(["discord", "invite"]) == 0  # the application id is fetched with the token
    assert f"client_id={fake_discord.app_id}" in capsys.readouterr().out
    monkeypatch.delenv("DISCORD_BOT_TOKEN")
    assert main(["discord", "invite"]) == 2
    assert "DISCORD_APPLICATION_ID" in capsys.readouterr().err
