"""The tiny markup used inside Reply text (**bold**, [label](url), `code`) and its translations."""
from __future__ import annotations

import re

LINK = re.compile(r"\[([^\[\]\n]+)\]\((https?://[^)\s]+)\)")
BOLD = re.compile(r"\*\*(.+?)\*\*")


def to_plain(text: str) -> str:
    text = LINK.sub(lambda m: f"{m.group(1)} <{m.group(2)}>", text)
    return BOLD.sub(r"\1", text)


def to_slack_mrkdwn(text: str) -> str:
    """Slack mrkdwn: escape &, <, > first (they are control characters there), then links and bold."""
    links: list[str] = []

    def keep(m: re.Match) -> str:
        links.append(f"<{m.group(2)}|{m.group(1).replace('|', '/').replace('>', '›').replace('<', '‹')}>")
        return f"\x00{len(links) - 1}\x00"

    text = LINK.sub(keep, text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = BOLD.sub(r"*\1*", text)
    return re.sub(r"\x00(\d+)\x00", lambda m: links[int(m.group(1))], text)


def to_discord_markdown(text: str) -> str:
    """Discord understands **bold** and [label](url) in embeds; mass mentions are neutralised."""
    return text.replace("@everyone", "@\u200beveryone").replace("@here", "@\u200bhere")
