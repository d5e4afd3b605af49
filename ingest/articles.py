"""One article (a URL or a file) to text, then through extraction into a plan of rows.

Rules: HTML goes through trafilatura (main text, tables kept as pipe rows;
boilerplate, scripts and comments dropped), with ingest.htmltext as the
fallback when trafilatura finds nothing, and instead of it for markup that
would make it superlinear (too many tags, or thousands never closed); plain text and Markdown are used as
they are, except the HTML tables a Markdown model card embeds (GitHub and Hugging Face READMEs put their
benchmark tables in `<table>` blocks), which become pipe rows the same way; undecodable bytes are replaced,
never fatal. An article on a
vendor's own site (its homepage domain) is that vendor's report. Nothing is
stored by `prepare_article`; `ingest_article` stores unless dry_run.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from storage import Store

from .extract import Extraction, SourceContext
from .fetch import Fetcher
from .html_tables import pipe_lines
from .htmltext import html_to_text, markup_load, one_line, strip_heavy
from .plans import DEFAULT_ALERT_MAX_AGE_DAYS, Origin, Plan, StoreResult, plan, store_plan
from .urls import same_site

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 5_000_000
MAX_TAGS = 60_000
"""More tags than this and trafilatura is not used (cost grows faster than the size; see bench_hostile_parse)."""
MAX_UNCLOSED = 2_000
"""More start tags left open than this (a real page has a few dozen) and trafilatura is not used either."""
MAX_EMBEDDED_TABLES = 40
"""HTML tables converted in one Markdown document (a model card has a handful); later ones stay as they are."""
MAX_EXTRACT_CHARS = 600_000
"""Markup (scripts, styles and comments removed) beyond this goes to the fallback too: trafilatura costs up
to about 2 s of CPU per MB on hostile but well-formed shapes (a run of "<" or "&")."""


@dataclass(frozen=True)
class Article:
    url: str
    title: str | None
    text: str
    published: str | None = None


def decode(body: bytes, content_type: str | None = None) -> str:
    charset = None
    if content_type and "charset=" in content_type:
        charset = content_type.split("charset=")[-1].split(";")[0].strip().strip('"')
    for enc in filter(None, (charset, "utf-8")):
        try:
            return body.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("cp1252", errors="replace")


def looks_like_html(text: str, content_type: str | None, name: str = "") -> bool:
    if content_type and "html" in content_type:
        return True
    if name.endswith((".html", ".htm")):
        return True
    return bool(re.match(r"\s*(?:<!doctype html|<html|<head|<body|<article)", text[:500], re.IGNORECASE))


def html_article(html: str, url: str) -> Article:
    html = strip_heavy(html)
    tags, unclosed = markup_load(html)
    if tags > MAX_TAGS or unclosed > MAX_UNCLOSED or len(html) > MAX_EXTRACT_CHARS:
        # lxml and trafilatura are superlinear on such markup (hostile or broken) and cost about 2 s per MB
        # on some linear shapes: the linear fallback only
        log.warning("article %s: %s characters, %s tags, %s never closed; read with the plain-text fallback",
                    url[:200], len(html), tags, unclosed)
        return Article(url, None, html_to_text(html))
    import trafilatura
    text = trafilatura.extract(html, output_format="markdown", include_tables=True, include_comments=False,
                               favor_precision=True) or ""
    if not text.strip():
        text = html_to_text(html)
    meta = trafilatura.extract_metadata(html)
    title = one_line(meta.title) if meta and meta.title else None
    published = meta.date if meta and meta.date else None
    return Article(url, title, text, published)


def inline_html_tables(text: str) -> str:
    """Markdown with `<table>` blocks: each block through the HTML path (pipe rows), the rest untouched.

    Found by plain `find` scans, so the cost stays linear whatever the text (no backtracking regex over a
    document that opens many tables and closes none)."""
    lowered = text.lower()
    if "</table>" not in lowered:
        return text
    out, pos, done = [], 0, 0
    while done < MAX_EMBEDDED_TABLES:
        start = lowered.find("<table", pos)
        if start < 0:
            break
        end = lowered.find("</table>", start)
        if end < 0:
            break
        end += len("</table>")
        block = pipe_lines(text[start:end]) or html_article(f"<html><body>{text[start:end]}</body></html>",
                                                             "about:blank").text
        out += [text[pos:start], "\n", block, "\n"]
        pos, done = end, done + 1
    out.append(text[pos:])
    return "".join(out)


def read_article(target: str, fetcher: Fetcher | None = None) -> Article:
    """A URL (fetched politely) or a local file path."""
    if re.match(r"https?://", target):
        own = fetcher is None
        fetcher = fetcher or Fetcher()
        try:
            fetched = fetcher.get(target)
        finally:
            if own:
                fetcher.close()
        text = decode(fetched.body, fetched.content_type)
        if looks_like_html(text, fetched.content_type):
            return html_article(text, fetched.url)
        return Article(fetched.url, _first_line(text), inline_html_tables(text))
    path = Path(target)
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ValueError(f"{path} is larger than {MAX_FILE_BYTES} bytes")
    text = decode(path.read_bytes())
    url = path.resolve().as_uri()
    if looks_like_html(text, None, path.name):
        return html_article(text, url)
    return Article(url, _first_line(text), inline_html_tables(text))


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:200]
    return None


def owner_vendor(store: Store, url: str) -> str | None:
    for vendor in store.vendors():
        if vendor.homepage and same_site(url, vendor.homepage):
            return vendor.id
    return None


def prepare_article(store: Store, article: Article, extractor, now: str) -> tuple[Plan, Extraction]:
    vendor = owner_vendor(store, article.url)
    ctx = SourceContext(url=article.url, vendor_id=vendor, date=article.published)
    extraction = extractor.extract(f"{article.title or ''}\n\n{article.text}".strip(), ctx)
    origin = Origin(url=article.url, title=article.title, kind="vendor_blog" if vendor else "press",
                    published=article.published, vendor_id=vendor, auto_accept=False)
    return plan(store, extraction, origin, now), extraction


def ingest_article(store: Store, article: Article, extractor, now: str, *, dry_run: bool = False,
                   max_age_days: float = DEFAULT_ALERT_MAX_AGE_DAYS) -> tuple[Plan, Extraction, StoreResult | None]:
    p, extraction = prepare_article(store, article, extractor, now)
    if dry_run:
        return p, extraction, None
    return p, extraction, store_plan(store, p, now, max_age_days)
