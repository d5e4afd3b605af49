"""The seed weeks: 2026-W05 (Qwen3-Max-Thinking and Kimi K2.5, 27 January 2026) reads as a rich digest.

Runs on the real seeded record (tests/conftest.py `ask`, `store`), through the console's command core.
"""
from __future__ import annotations

import re

from bot.render.markdown import render_markdown
from bot.render.text import render_text


def test_seed_week_is_rich(ask):
    reply = ask("/digest 2026-W05")
    assert not reply.is_error, render_text(reply)
    headings = [s.heading for s in reply.sections if s.heading]
    assert "Headlines" in headings and "Claims this week" in headings
    headlines = next(s for s in reply.sections if s.heading == "Headlines").items
    assert any("Qwen3-Max-Thinking" in h for h in headlines) and any("Kimi K2.5" in h for h in headlines)
    text = render_text(reply)
    assert "vendor claim" in text and "Quiet week" not in text
    for section in reply.sections:
        for item in section.items:
            if not item.startswith("…and"):
                assert re.search(r"\]\(https?://|\(\S+\)", item), item  # every item names its source
    assert render_markdown(reply).startswith("# AI model race: week 2026-W05")


def test_week_before_answers_too(ask):
    reply = ask("/digest 2026-W04")
    assert not reply.is_error, render_text(reply)
    assert "2026-W04" in reply.title


def test_seed_week_is_stored_once_and_stable(ask, store):
    from storage.digest_store import list_digests
    first, second = ask("/digest 2026-W05"), ask("/digest 2026-W05")
    assert first == second
    assert [d.period for d in list_digests(store)] == ["2026-W05"]
