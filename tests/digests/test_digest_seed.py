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
    assert "Headlines" in headings and "Kimi K2.5 (Moonshot AI)" in headings
    headlines = next(s for s in reply.sections if s.heading == "Headlines").items
    assert any("Qwen3-Max-Thinking" in h for h in headlines) and any("Kimi K2.5" in h for h in headlines)
    text = render_text(reply)
    assert "vendor claim" in text and "Quiet week" not in text
    for section in reply.sections:  # a launch's figures link their source once, in the section's text
        if section.heading and section.heading.endswith(")") and section.heading != "Headlines":
            assert section.text and re.search(r"\]\(https?://", section.text), section
    assert render_markdown(reply).startswith("# AI model race: week 2026-W05")


def test_seed_week_is_an_edited_digest_that_fits_one_message(ask):
    """Issue 12: the launches with their headline figures and the vague "19 benchmarks" claim, in one message."""
    import json
    from bot.render import render_as
    reply = ask("/digest 2026-W05")
    text = render_text(reply)
    assert len(text) <= 3500, len(text)
    lead = reply.sections[0].text
    assert "Kimi K2.5" in lead and "Qwen3-Max-Thinking" in lead and "19" in lead and "50.2" in lead and "90.2" in lead
    assert "19 established benchmarks" in text and "no per-benchmark figures" in text
    # the rivals' figures in a launch table are context for that launch, not groups of their own
    headings = [s.heading for s in reply.sections if s.heading]
    assert not any(h.startswith(("Gemini 3 Pro", "Claude Opus 4.5", "GPT-5.2")) for h in headings)
    assert "Context: Alibaba Cloud's table also scores" in text
    # the disputed "video generation" shows the contradicting source
    assert "Disputed:" in text and "Kimi K2.5 model card" in text
    assert "Benchmark moves" in headings and "Claims to watch" in headings
    assert len(json.loads(render_as(reply, "slack"))) == 1 and len(json.loads(render_as(reply, "discord"))) == 1


def test_week_before_answers_too(ask):
    reply = ask("/digest 2026-W04")
    assert not reply.is_error, render_text(reply)
    assert "2026-W04" in reply.title


def test_seed_week_is_stored_once_and_stable(ask, store):
    from storage.digest_store import list_digests
    first, second = ask("/digest 2026-W05"), ask("/digest 2026-W05")
    assert first == second
    assert [d.period for d in list_digests(store)] == ["2026-W05"]
