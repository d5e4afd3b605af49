"""Every command, given out-of-range dates and weeks, lone surrogates and control characters, answers
clearly: never an exception, never the "went wrong" apology, and every renderer's output encodes."""
from __future__ import annotations

import json

import pytest

import bot.core.commands as commands
from bot.core.answer import answer, ensure_registered
from bot.core.context import Context
from bot.core.parse import parse_command
from bot.render.discord_embeds import render_discord
from bot.render.markdown import render_markdown
from bot.render.slack_blocks import render_slack
from bot.render.text import render_text

HOSTILE = ["9999-W52", "0001-W01", "0001-01-01", "10000-01-01", "1969-12-31", "99999d", "99999999999999999999w",
           "2026-W99", "2026-13-45", "\ud800", "\udfff\ud800x", "kimi\ud83d", "a\x00b", "\x1b[31mred\x1b[0m",
           "\x85\x9f", "\u202eevil", "\r\n\t", "\u2028", "schedule mon 09:00 \ud800", "here \x00"]


def command_names() -> list[str]:
    ensure_registered()
    return sorted({c.name for c in commands.unique_commands()})


def outputs(reply) -> list[str]:
    return [json.dumps(render_slack(reply, share_command="/x")), json.dumps(render_discord(reply)),
            render_text(reply), render_markdown(reply), reply.to_json()]


@pytest.mark.parametrize("name", command_names())
def test_every_command_answers_hostile_input_clearly(services, name, caplog):
    ctx = Context(platform="slack", workspace="T0", channel="C0", user="U0", is_channel_admin=True)
    for arg in HOSTILE:
        reply = answer(services, f"/{name} {arg}", ctx)
        text = reply.to_json()
        assert "went wrong" not in text, (name, arg, text[:300])
        for out in outputs(reply):
            out.encode("utf-8")  # no lone surrogate survives to a renderer
            assert "\x00" not in out and "\x1b" not in out
    assert not [r for r in caplog.records if r.exc_info], [r.getMessage() for r in caplog.records if r.exc_info]


@pytest.mark.parametrize("line, fragment", [
    ("/digest 9999-W52", "outside the years"),
    ("/digest 0001-W01", "outside the years"),
    ("/releases 0001-01-01", "outside the years"),
    ("/releases 10000-01-01", "not a date"),
    ("/releases 2026-W99", "no week 99"),
])
def test_out_of_range_dates_and_weeks_say_why(services, line, fragment):
    reply = answer(services, line, Context())
    assert reply.is_error and fragment in reply.to_json()


def test_a_huge_relative_span_starts_at_the_first_covered_day(services):
    reply = answer(services, "/releases 99999d", Context())
    assert not reply.is_error and "1970-01-01" in reply.title


def test_parse_makes_input_safe_once_for_every_command():
    line = parse_command("/model kimi\ud800 \x00\x1b \u202ek2\x85")
    assert all(arg.encode("utf-8") for arg in line.args)
    assert line.args == ("kimi\ufffd", "k2")
    assert parse_command("/model \ud83d\ude00").args == ("\U0001F600",)  # a surrogate pair is joined
