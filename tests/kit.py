"""The test kit: assertions every test may use (fixtures live in tests/conftest.py).

`assert_answered`: an answer, not an error, not the apology, and nothing logged
at ERROR while it was produced. `assert_not_apology`: odd input may be refused,
but never by the core's catch-all (which would hide a bug).
"""
from __future__ import annotations

import logging

from bot.core.reply import Reply
from bot.render.text import render_text

APOLOGY = "Something went wrong on my side"


def assert_not_apology(reply: Reply) -> None:
    text = render_text(reply)
    assert APOLOGY not in text, text


def assert_answered(reply: Reply, caplog=None) -> str:
    """The reply is a real answer; returns its text for further checks."""
    text = render_text(reply)
    assert not reply.is_error, text
    assert APOLOGY not in text, text
    if caplog is not None:
        errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
        assert not errors, errors
    return text


# ---- one limit checker per platform ------------------------------------------------------------------------
# Written from the platforms' documented limits (shared/DESIGN.md), not from the renderers' constants, so a
# wrong constant in a renderer fails here. Slack counts UTF-16 code units.
def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def slack_texts(node, out: list[str] | None = None) -> list[str]:
    """Every `text` string inside Slack blocks (what Slack counts against msg_blocks_too_long), in order."""
    out = [] if out is None else out
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "text" and isinstance(value, str):
                out.append(value)
            else:
                slack_texts(value, out)
    elif isinstance(node, list):
        for value in node:
            slack_texts(value, out)
    return out


def check_slack_limits(messages: list[dict]) -> None:
    assert isinstance(messages, list) and messages, "a reply always gives at least one message"
    for m in messages:
        assert set(m) == {"text", "blocks"}, set(m)
        assert isinstance(m["text"], str) and m["text"].strip() and utf16_len(m["text"]) < 12_000
        blocks = m["blocks"]
        assert 1 <= len(blocks) <= 50, len(blocks)
        assert sum(utf16_len(t) for t in slack_texts(blocks)) < 12_000
        for b in blocks:
            if b["type"] == "header":
                assert b["text"]["type"] == "plain_text" and 0 < utf16_len(b["text"]["text"]) <= 150
            elif b["type"] == "section":
                assert "text" in b or "fields" in b
                if "text" in b:
                    assert 0 < utf16_len(b["text"]["text"]) <= 3000 and b["text"]["text"].strip()
                fields = b.get("fields", [])
                assert len(fields) <= 10 and all(0 < utf16_len(f["text"]) <= 2000 for f in fields)
            elif b["type"] == "context":
                assert 1 <= len(b["elements"]) <= 10
                assert all(utf16_len(e.get("text", "")) <= 3000 for e in b["elements"])
            elif b["type"] == "actions":
                assert all(utf16_len(e["value"]) <= 2000 for e in b["elements"])
            elif b["type"] == "table":
                assert 2 <= len(b["rows"]) <= 100 and len({len(r) for r in b["rows"]}) == 1
                assert all(len(r) <= 20 and all(c["type"] == "raw_text" and c["text"] for c in r) for r in b["rows"])
            else:
                assert b["type"] == "image", b["type"]
        assert sum(b["type"] == "table" for b in blocks) <= 1, "Slack allows one table per message"


def check_discord_limits(messages: list[dict]) -> None:
    assert isinstance(messages, list) and messages, "a reply always gives at least one message"
    for m in messages:
        assert set(m) == {"content", "embeds"}, set(m)
        content, embeds = m["content"] or "", m["embeds"]
        assert len(content) <= 2000 and len(embeds) <= 10 and (content or embeds)
        total = len(content)
        for e in embeds:
            title, description = e.get("title", ""), e.get("description", "")
            footer, fields = e.get("footer", {}).get("text", ""), e.get("fields", [])
            assert len(title) <= 256 and len(description) <= 4096 and len(footer) <= 2048 and len(fields) <= 25
            assert all(0 < len(f["name"]) <= 256 and 0 < len(f["value"]) <= 1024 for f in fields)
            size = len(title) + len(description) + len(footer) + len(e.get("author", {}).get("name", ""))
            size += sum(len(f["name"]) + len(f["value"]) for f in fields)
            assert size > 0 or e.get("image"), "an empty embed"
            total += size
        assert total <= 6000, total
