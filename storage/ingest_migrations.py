"""Forward migrations for ingestion state: feeds, seen items, and recorded failures."""
from __future__ import annotations

from sqlite_utils import Database, Migrations

ingest = Migrations("briefbot.ingest")


@ingest()
def m001_create_ingest_tables(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE feeds (
            id TEXT PRIMARY KEY, vendor_id TEXT, url TEXT NOT NULL UNIQUE, kind TEXT NOT NULL DEFAULT 'rss',
            auto_accept INTEGER NOT NULL DEFAULT 0, etag TEXT, last_modified TEXT,
            last_polled_at TEXT, last_ok_at TEXT, failures INTEGER NOT NULL DEFAULT 0,
            next_poll_at TEXT, paused INTEGER NOT NULL DEFAULT 0, paused_reason TEXT, last_error TEXT,
            primed INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE feed_items (
            id INTEGER PRIMARY KEY, feed_id TEXT NOT NULL, guid TEXT, url TEXT, content_hash TEXT,
            title TEXT, published TEXT, seen_at TEXT NOT NULL
        );
        CREATE INDEX feed_items_guid ON feed_items(feed_id, guid);
        CREATE INDEX feed_items_url ON feed_items(url);
        CREATE INDEX feed_items_hash ON feed_items(content_hash);
        CREATE TABLE ingest_errors (
            id INTEGER PRIMARY KEY, feed_id TEXT, url TEXT, stage TEXT NOT NULL, error TEXT NOT NULL,
            at TEXT NOT NULL
        );
        """
    )
