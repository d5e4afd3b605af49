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


@ingest()
def m002_alert_events_and_feed_details(db: Database) -> None:
    """Alert events wait here until bot.delivery.alerts batches them into one outbox row per destination.

    UNIQUE (destination, item) is what makes "never alert twice for the same item" hold even when
    an item is ingested again from another feed or re-published.
    """
    db.executescript(
        """
        ALTER TABLE feeds ADD COLUMN title TEXT;
        ALTER TABLE feeds ADD COLUMN added_at TEXT;
        ALTER TABLE feeds ADD COLUMN last_status INTEGER;
        ALTER TABLE feed_items ADD COLUMN source_id TEXT;
        CREATE INDEX feeds_due ON feeds(paused, next_poll_at);
        CREATE INDEX ingest_errors_feed ON ingest_errors(feed_id, at);
        CREATE TABLE alert_events (
            id INTEGER PRIMARY KEY, destination_id TEXT NOT NULL, item_kind TEXT NOT NULL,
            item_id TEXT NOT NULL, vendor_id TEXT, model_id TEXT, text TEXT NOT NULL, url TEXT,
            created_at TEXT NOT NULL, flushed_at TEXT, outbox_key TEXT,
            UNIQUE (destination_id, item_kind, item_id)
        );
        CREATE INDEX alert_events_pending ON alert_events(flushed_at, destination_id, created_at);
        """
    )
