"""The feed registry file (seeds/feeds.yaml) and feed ids.

Rules: a feed is identified by its URL; its id is given in the file or derived
from vendor and host; loading the file adds new feeds and updates vendor, kind
and auto_accept of known ones, never their poll state. Loading never fetches.
"""
from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import yaml

from storage import Store
from storage.ingest_state import Feed, add_feed

from .urls import host_of, short_hash

DEFAULT_FEEDS_FILE = Path(str(resources.files("seeds").joinpath("feeds.yaml")))
FEED_KINDS = ("rss", "atom")


class FeedFileError(ValueError):
    pass


def feed_id_for(url: str, vendor_id: str | None = None) -> str:
    host = host_of(url).removeprefix("www.")
    base = re.sub(r"[^a-z0-9]+", "-", f"{vendor_id or host}").strip("-")
    return f"{base}-{short_hash(url)[:6]}"


def read_feed_file(path: Path = DEFAULT_FEEDS_FILE) -> list[Feed]:
    try:
        rows = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as err:
        raise FeedFileError(f"{path}: {err}") from err
    if not isinstance(rows, list):
        raise FeedFileError(f"{path}: expected a list of feeds")
    feeds = []
    for i, r in enumerate(rows):
        if not isinstance(r, dict) or not str(r.get("url", "")).startswith(("http://", "https://")):
            raise FeedFileError(f"{path}: row {i + 1}: needs an http(s) url")
        kind = str(r.get("kind") or "rss")
        if kind not in FEED_KINDS:
            raise FeedFileError(f"{path}: row {i + 1}: kind must be one of {FEED_KINDS}")
        vendor = r.get("vendor") or None
        feeds.append(Feed(id=str(r.get("id") or feed_id_for(r["url"], vendor)), url=str(r["url"]), vendor_id=vendor,
                          kind=kind, auto_accept=bool(r.get("auto_accept", False)), title=r.get("title")))
    return feeds


def load_feed_file(store: Store, now: str, path: Path = DEFAULT_FEEDS_FILE) -> tuple[int, int]:
    """(added, already known)."""
    added = known = 0
    for feed in read_feed_file(path):
        if add_feed(store, feed, now):
            added += 1
        else:
            known += 1
    return added, known
