"""Feed bytes to entries (feedparser handles RSS, Atom and their encodings).

Rules: titles and bodies are reduced to text (tags, scripts and styles gone);
a malformed feed that still yields entries is used and the problem reported;
one that yields none is a failure (FeedParseError) recorded against the feed.
"""
from __future__ import annotations

from dataclasses import dataclass

import feedparser

from .htmltext import html_to_text, one_line


class FeedParseError(Exception):
    pass


@dataclass(frozen=True)
class FeedEntry:
    guid: str | None
    url: str | None
    title: str
    text: str
    published: str | None


@dataclass(frozen=True)
class ParsedFeed:
    entries: tuple[FeedEntry, ...]
    title: str | None = None
    warning: str | None = None
    """Set when the feed was malformed but still readable."""


def _published(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        t = entry.get(key)
        if t:
            return f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}T{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d}Z"
    return None


def parse_feed(body: bytes, url: str | None = None, content_type: str | None = None) -> ParsedFeed:
    headers = {"content-type": content_type} if content_type else None
    # feedparser's own sanitizer is skipped: html_to_text drops scripts and tags itself, at a third of the cost
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=False, resolve_relative_uris=False)
    entries = []
    for e in parsed.entries:
        content = ""
        if e.get("content"):
            content = e.content[0].get("value", "")
        content = content or e.get("summary", "") or e.get("description", "")
        entries.append(FeedEntry(guid=e.get("id") or None, url=e.get("link") or None,
                                 title=one_line(e.get("title", ""))[:500], text=html_to_text(content),
                                 published=_published(e)))
    warning = None
    if parsed.get("bozo"):
        warning = f"{type(parsed.get('bozo_exception')).__name__}: {str(parsed.get('bozo_exception'))[:200]}"
        if not entries:
            raise FeedParseError(f"not a readable feed ({warning})")
    elif not entries and not parsed.get("feed"):
        raise FeedParseError("not a feed (no channel and no entries)")
    return ParsedFeed(tuple(entries), one_line(parsed.get("feed", {}).get("title")) or None, warning)
