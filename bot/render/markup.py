"""The tiny markup used inside Reply text (**bold**, [label](url), `code`) and its translations.

Rules: every translation makes mentions inert (bot.render.inert) before anything else; a link's URL
never holds whitespace, `<`, `>`, `|`, `"`, a backtick, a backslash or a zero-width character (such a
"link" stays literal, escaped text).
"""
from __future__ import annotations

import re

from bot.render.inert import neutralise, safe_url

LINK = re.compile(r"\[([^\[\]\n]+)\]\((https?://[^)\s<>|\"`\\\x00-\x1f\x7f\u200b-\u200f\u2060\ufeff]+)\)")
BOLD = re.compile(r"\*\*(.+?)\*\*")


def inert_markup(text: str) -> str:
    """Mentions neutralised; inside a link's URL an @here-like part becomes %40here, so the link still works."""
    text = LINK.sub(lambda m: f"[{m.group(1)}]({safe_url(m.group(2)) or m.group(2)})", text)
    return neutralise(text)


def to_plain(text: str) -> str:
    text = inert_markup(text)
    text = LINK.sub(lambda m: f"{m.group(1)} <{m.group(2)}>", text)
    return BOLD.sub(r"\1", text)


def to_slack_mrkdwn(text: str) -> str:
    """Slack mrkdwn: escape &, <, > first (they are control characters there), then links and bold."""
    links: list[str] = []
    text = inert_markup(text)

    def keep(m: re.Match) -> str:
        links.append(f"<{m.group(2)}|{m.group(1).replace('|', '/').replace('>', '›').replace('<', '‹')}>")
        return f"\x00{len(links) - 1}\x00"

    text = LINK.sub(keep, text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = BOLD.sub(r"*\1*", text)
    return re.sub(r"\x00(\d+)\x00", lambda m: links[int(m.group(1))], text)


def to_discord_markdown(text: str) -> str:
    """Discord understands **bold** and [label](url) in embeds; mass mentions are neutralised."""
    return inert_markup(text)
