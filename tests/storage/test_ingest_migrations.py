"""Upgrade path of the ingest migrations: a database at m001 keeps its feeds and gains alert events."""
from __future__ import annotations

from storage import Store
from storage.ingest_migrations import ingest
from storage.ingest_state import get_feed, record_alert_events
from storage.delivery import ensure_destination, subscribe
from storage.store import open_database


def test_m001_database_upgrades_with_its_rows(tmp_path):
    db = open_database(tmp_path / "old.db")
    ingest.apply(db, stop_before="m002_alert_events_and_feed_details")
    db.execute("insert into feeds (id, url, failures, paused) values ('f', 'http://x/feed', 2, 0)")
    assert "title" not in db["feeds"].columns_dict and not db["alert_events"].exists()
    db.conn.close()

    store = Store.open(tmp_path / "old.db")  # applies everything pending
    try:
        feed = get_feed(store, "f")
        assert (feed.url, feed.failures, feed.title, feed.primed) == ("http://x/feed", 2, None, False)
        dest = ensure_destination(store, "slack", "T", "U", is_dm=True)
        subscribe(store, dest.id, "vendor", "openai", None, "t")
        assert record_alert_events(store, "claim", "c1", "openai", None, "x", None, "t") == 1
        assert record_alert_events(store, "claim", "c1", "openai", None, "x", None, "t") == 0
    finally:
        store.close()
