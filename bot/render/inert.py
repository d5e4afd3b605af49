"""Inert text: mentions and link syntax from outside our templates can never ping or link on any platform.

Rules: every renderer passes every piece of reply text through `neutralise`
at its lowest level (the markup translation, plain_text, fallbacks, table
cells), so a feed item, an LLM reply or a user's own words cannot notify a
channel. Our templates never mean a mention, so no reply text is exempt; the
one mention briefbot writes on purpose ("Shared by <@U…>") is added by the
front end after rendering, from a validated user id (`slack_user_mention`).

What is neutralised (a zero-width space, U+200B, is put inside the form, so
it reads the same but no longer parses):
- Slack: `<!channel>`, `<!here>`, `<!everyone>`, `<!subteam^…>`, `<!date…>`,
  `<@U…>`, `<#C…>`; Discord: `<@123>`, `<@!123>`, `<@&123>`, `<#123>`;
  written as `<\u200b!here>`, so no output contains `<!`, `<@` or `<#`.
- `@everyone`, `@here`, `@channel` (any case), written `@\u200beveryone`.
URLs are used only when `safe_url` accepts them: http(s), no whitespace, no
control character and none of `<`, `>`, `|`, `"`, backtick (which would end a
Slack `<url|label>` or open a mention inside it).
"""
from __future__ import annotations

import re

ZWSP = "\u200b"
_ANGLE_MENTION = re.compile(r"<(?=[!@#])")
_AT_MENTION = re.compile(r"@(?=everyone|here|channel)", re.IGNORECASE)
_FULLWIDTH_AT = re.compile(r"[\uff20\ufe6b](?=everyone|here|channel)", re.IGNORECASE)
_URL_BAD = re.compile(r"[\s<>|\"`\\\x00-\x1f\x7f\u200b-\u200f\u2028\u2029\u2060\ufeff]")
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,20}$")


def neutralise(text: str) -> str:
    """`text` with every Slack and Discord mention form made inert (see the module rules)."""
    if not text or ("<" not in text and "@" not in text and "\uff20" not in text and "\ufe6b" not in text):
        return text
    text = _FULLWIDTH_AT.sub("@" + ZWSP, text)  # first: it writes an "@" that "<" could precede
    text = _ANGLE_MENTION.sub("<" + ZWSP, text)
    return _AT_MENTION.sub("@" + ZWSP, text)


def slack_escape(text: str) -> str:
    """Text for any Slack mrkdwn field (including a message's top-level `text` fallback): mentions
    neutralised, then &, <, > escaped, so nothing in it is Slack control syntax."""
    return neutralise(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def safe_url(url: str | None) -> str | None:
    """The URL when it is an http(s) URL that cannot break out of link syntax, else None (omit it);
    an "@here"-like part is written "%40here"."""
    if not url:
        return None
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")) or len(url) > 3000:
        return None
    if _URL_BAD.search(url) or len(url) <= len("https://"):
        return None
    return _AT_MENTION.sub("%40", _FULLWIDTH_AT.sub("%40", url))  # the same resource, never a mention


def slack_user_mention(user_id: str) -> str:
    """`<@U…>` for a well-formed Slack user id (the one mention we write on purpose), else ''."""
    return f"<@{user_id}>" if _USER_ID.match(user_id or "") else ""


def mention_free(text: str) -> bool:
    """True when `text` holds no live mention form: the check the property tests use."""
    return not (_ANGLE_MENTION.search(text) or _AT_MENTION.search(text) or _FULLWIDTH_AT.search(text))
