"""Renderers: a neutral Reply into each platform's form (text, Markdown, Block Kit, embeds).

Renderers are pure functions of a Reply and import no chat library: they build
the JSON payloads, the front ends send them. Every renderer returns a list of
messages, because a long reply is split, never silently truncated.
"""
from __future__ import annotations

import json

FORMATS = {"text": ("bot.render.text", "render_text"), "markdown": ("bot.render.markdown", "render_markdown"),
           "slack": ("bot.render.slack_blocks", "render_slack"),
           "discord": ("bot.render.discord_embeds", "render_discord")}


def render_as(reply, fmt: str) -> str:
    """A Reply as printable text: text and Markdown as they read, Slack and Discord as the JSON payloads sent.

    The one place `briefbot ask --format` and `briefbot digest --format` turn a reply into output.
    """
    import importlib
    module_name, func = FORMATS[fmt]
    out = getattr(importlib.import_module(module_name), func)(reply)
    if isinstance(out, str):
        return out if out.endswith("\n") else out + "\n"
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
