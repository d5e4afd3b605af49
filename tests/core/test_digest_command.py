"""/digest through the real command core and console front end, and `briefbot digest` on the CLI."""
from __future__ import annotations

import importlib.util
import json
from datetime import datetime, timezone

import pytest

from bot.app.cli import main
from bot.frontends.console import ConsoleFrontEnd
from bot.render.text import render_text
from bot.core.context import Context, Services
from storage.delivery import Schedule, ensure_destination, set_schedule
from storage.digest_store import list_digests
from tests.digests.world import open_world


@pytest.fixture
def world_path(tmp_path):
    path = tmp_path / "world.db"
    open_world(path).close()
    return path


@pytest.fixture
def console(world_path):
    from storage import Store
    store = Store.open(world_path)
    services = Services.for_store(store, clock=lambda: datetime(2026, 1, 28, 12, tzinfo=timezone.utc))
    yield ConsoleFrontEnd(services)
    store.close()


def test_digest_is_the_current_week(console):
    reply = console.ask("/digest")
    assert not reply.is_error, render_text(reply)
    assert "week 2026-W05" in reply.title and reply.kind == "digest" and reply.ephemeral
    assert console.ask("/digest 2026-W05") == reply


def test_digest_of_a_named_week(console):
    text = console.ask_text("/digest 2026-W04")
    assert "week 2026-W04 (19 Jan – 25 Jan 2026)" in text and "We confirm long tasks" in text
    assert "Kimi K2.5 (Moonshot AI" in console.ask_text("/digest 2026-W05")  # the core does emit it, in its week
    assert "Kimi K2.5 (Moonshot AI" not in text


def test_digest_in_the_askers_time_zone(console):
    from bot.core.answer import answer
    utc = console.ask_text("/digest 2026-W05")  # the console asks in UTC
    text = render_text(answer(console.services, "/digest 2026-W05", Context(tz="America/New_York")))
    # Sunday 22:00 in New York is still the week there: one more claim (Kimi's price cut) is counted
    assert "6 new claims" in utc and "7 new claims" in text and "America/New_York" in text


def test_preview_uses_the_channels_schedule(console):
    store = console.services.store
    dest = ensure_destination(store, "local", "", "console")  # the console's one destination, as `run` delivers
    set_schedule(store, Schedule(dest.id, weekday=0, time="09:00", tz="Asia/Tokyo",
                                 filters=json.dumps({"vendors": ["alibaba"]})), "2026-01-01T00:00:00Z")
    reply = console.ask("/digest preview 2026-W05")
    assert reply.title.startswith("Preview: ") and "Alibaba" in reply.title and reply.ephemeral
    text = render_text(reply)
    assert "Qwen3-Max-Thinking (Alibaba" in text and "Kimi K2.5 (Moonshot AI" not in text and "Asia/Tokyo" in text
    assert {d.destination_id for d in list_digests(store)} == {"local::console"}
    assert "Kimi K2.5 (Moonshot AI" in console.ask_text("/digest 2026-W05")  # only the schedule's filter hid it


@pytest.mark.parametrize("line, expect", [
    ("/digest 2026-W60", "no week 60"),
    ("/digest next tuesday", "can't read"),
    ("/digest preview 2026-W05 extra", "can't read"),
])
def test_bad_input_is_answered_with_the_fix(console, line, expect):
    reply = console.ask(line)
    assert reply.is_error and expect in render_text(reply) and "2026-W05" in render_text(reply)


def test_bad_time_zone_from_the_front_end(console):
    from bot.core.answer import answer
    reply = answer(console.services, "/digest", Context(tz="Nowhere/Land"))
    assert reply.is_error and "IANA" in render_text(reply)


@pytest.mark.parametrize("word", ["now", "schedule", "off"])
def test_scheduling_words_are_delegated_or_explained(console, word):
    reply = console.ask(f"/digest {word}")
    if importlib.util.find_spec("bot.core.commands.digest_schedule") is None:
        assert reply.is_error and "not available" in render_text(reply)
    else:  # the scheduling module answers; it must not be our "not available" message
        assert "not available in this build" not in render_text(reply)


def test_digest_is_in_the_help(console):
    assert "/digest [preview|now|schedule DAY HH:MM TZ|off|WEEK]" in console.ask_text("/brief")


@pytest.mark.parametrize("fmt, marker", [("text", "Headlines\n---------"), ("markdown", "## Headlines")])
def test_cli_prints_text_and_markdown(world_path, capsys, fmt, marker):
    code = main(["digest", "--db", str(world_path), "--week", "2026-W05", "--format", fmt])
    out = capsys.readouterr().out
    assert code == 0 and marker in out and "Kimi K2.5" in out


def test_cli_vendor_filter_and_errors(world_path, capsys):
    assert main(["digest", "--db", str(world_path), "--week", "2026-W05", "--vendor", "moonshot"]) == 0
    out = capsys.readouterr().out
    assert "Moonshot AI" in out.splitlines()[0] and "Qwen3-Max-Thinking launch" not in out
    assert main(["digest", "--db", str(world_path), "--week", "2026-W05", "--vendor", "nowhere-labs"]) == 2
    assert "nowhere-labs" in capsys.readouterr().err
    assert main(["digest", "--db", str(world_path), "--week", "2026-W99"]) == 2
    assert "no week 99" in capsys.readouterr().err
    assert main(["digest", "--db", str(world_path), "--week", "2026-W05", "--tz", "Mars/Base"]) == 2


@pytest.mark.parametrize("fmt, module", [("discord", "bot.render.discord_embeds"), ("slack", "bot.render.slack_blocks")])
def test_cli_prints_platform_payloads_or_a_clear_error(world_path, capsys, fmt, module):
    code = main(["digest", "--db", str(world_path), "--week", "2026-W05", "--format", fmt])
    captured = capsys.readouterr()
    if importlib.util.find_spec(module) is None:
        assert code == 1 and module in captured.err and "not available" in captured.err
    else:
        payloads = json.loads(captured.out)
        assert code == 0 and isinstance(payloads, list) and payloads
        assert "Kimi K2.5" in captured.out
