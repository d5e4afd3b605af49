"""Ingest state queries: the feed registry, seen feed items, recorded failures and alert events.

Rules: every failure of a feed is written to `ingest_errors` (nothing is only
logged); feed state changes are partial updates (`update`), never partial
upserts (see DESIGN.md); alert events are unique per (destination, item), so
an item can be queued for a destination once, ever. Storage knows nothing about
chat platforms: an alert event holds plain text, and bot.delivery.alerts turns a batch
of them into a reply.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .delivery import subscribers_for
from .store import Store


@dataclass(frozen=True)
class Feed:
    id: str
    url: str
    vendor_id: str | None = None
    kind: str = "rss"
    auto_accept: bool = False
    """Items of a vendor's own feed are stored reviewed (and alerted) without `briefbot review`."""
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_polled_at: str | None = None
    last_ok_at: str | None = None
    last_status: int | None = None
    failures: int = 0
    next_poll_at: str | None = None
    paused: bool = False
    paused_reason: str | None = None
    last_error: str | None = None
    primed: bool = False
    """False until the first successful poll has recorded the items already there (which never alert)."""


@dataclass(frozen=True)
class AlertEvent:
    id: int
    destination_id: str
    item_kind: str
    """release | claim"""
    item_id: str
    text: str
    url: str | None
    created_at: str


def _feed(row: dict[str, Any]) -> Feed:
    values = {k: row.get(k) for k in Feed.__dataclass_fields__ if k in row}
    for key in ("auto_accept", "paused", "primed"):
        values[key] = bool(values.get(key))
    values["failures"] = values.get("failures") or 0
    return Feed(**values)


# ---- feeds ----------------------------------------------------------------
def add_feed(store: Store, feed: Feed, now: str) -> bool:
    """True when the feed is new; an existing id or URL keeps its state (vendor/kind/auto_accept updated)."""
    existing = store.rows("select id from feeds where id = ? or url = ?", [feed.id, feed.url])
    if existing:
        store.db["feeds"].update(existing[0]["id"], {"vendor_id": feed.vendor_id, "kind": feed.kind,
                                                     "auto_accept": int(feed.auto_accept), "title": feed.title})
        return False
    store.db["feeds"].insert({"id": feed.id, "url": feed.url, "vendor_id": feed.vendor_id, "kind": feed.kind,
                              "auto_accept": int(feed.auto_accept), "title": feed.title, "added_at": now})
    return True


def remove_feed(store: Store, feed_id: str) -> bool:
    with store.db.atomic():
        gone = store.db.execute("delete from feeds where id = ? or url = ?", [feed_id, feed_id]).rowcount > 0
    return gone


def get_feed(store: Store, feed_id: str) -> Feed | None:
    rows = store.rows("select * from feeds where id = ? or url = ?", [feed_id, feed_id])
    return _feed(rows[0]) if rows else None


def list_feeds(store: Store) -> list[Feed]:
    return [_feed(r) for r in store.rows("select * from feeds order by id")]


def due_feeds(store: Store, now: str) -> list[Feed]:
    return [_feed(r) for r in store.rows(
        "select * from feeds where paused = 0 and (next_poll_at is null or next_poll_at <= ?) order by id", [now])]


def update_feed(store: Store, feed_id: str, **changes: Any) -> None:
    for key in ("auto_accept", "paused", "primed"):
        if key in changes and isinstance(changes[key], bool):
            changes[key] = int(changes[key])
    store.db["feeds"].update(feed_id, changes)


def resume_feed(store: Store, feed_id: str) -> bool:
    cur = store.db.execute("""update feeds set paused = 0, paused_reason = null, failures = 0, next_poll_at = null
        where id = ? or url = ?""", [feed_id, feed_id])
    return cur.rowcount > 0


def feed_status(store: Store) -> dict[str, int]:
    """Counts for `briefbot status`: feeds, paused feeds, failing feeds, items seen, errors recorded."""
    row = store.rows("""select count(*) as feeds, coalesce(sum(paused), 0) as paused,
        coalesce(sum(failures > 0), 0) as failing from feeds""")[0]
    row["items"] = store.db.execute("select count(*) from feed_items").fetchone()[0]
    row["errors"] = store.db.execute("select count(*) from ingest_errors").fetchone()[0]
    return row


# ---- seen items -------------------------------------------------------------
def seen_item(store: Store, feed_id: str, guid: str | None, url: str | None, content_hash: str | None) -> bool:
    """An item is not new if its GUID (in this feed), its normalized URL or its content hash was seen."""
    if guid and store.db.execute("select 1 from feed_items where feed_id = ? and guid = ? limit 1",
                                 [feed_id, guid]).fetchone():
        return True
    if url and store.db.execute("select 1 from feed_items where url = ? limit 1", [url]).fetchone():
        return True
    if content_hash and store.db.execute("select 1 from feed_items where content_hash = ? limit 1",
                                         [content_hash]).fetchone():
        return True
    return False


def record_item(store: Store, feed_id: str, guid: str | None, url: str | None, content_hash: str | None,
                title: str | None, published: str | None, now: str, source_id: str | None = None) -> None:
    store.db.execute("""insert into feed_items (feed_id, guid, url, content_hash, title, published, seen_at, source_id)
        values (?, ?, ?, ?, ?, ?, ?, ?)""", [feed_id, guid, url, content_hash, title, published, now, source_id])


def record_error(store: Store, feed_id: str | None, url: str | None, stage: str, error: str, now: str) -> None:
    store.db.execute("insert into ingest_errors (feed_id, url, stage, error, at) values (?, ?, ?, ?, ?)",
                     [feed_id, url, stage, error[:2000], now])


def errors_for(store: Store, feed_id: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    if feed_id is None:
        return store.rows("select * from ingest_errors order by id desc limit ?", [limit])
    return store.rows("select * from ingest_errors where feed_id = ? order by id desc limit ?", [feed_id, limit])


# ---- alert events ---------------------------------------------------------
def record_alert_events(store: Store, item_kind: str, item_id: str, vendor_id: str | None, model_id: str | None,
                        text: str, url: str | None, now: str) -> int:
    """One pending event per subscribed destination; returns how many were new."""
    new = 0
    for sub in subscribers_for(store, vendor_id, model_id):
        cur = store.db.execute("""insert into alert_events (destination_id, item_kind, item_id, vendor_id, model_id,
            text, url, created_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                               [sub.destination_id, item_kind, item_id, vendor_id, model_id, text, url, now])
        new += cur.rowcount
    return new


def pending_alert_destinations(store: Store, older_than: str) -> list[str]:
    """Destinations whose oldest pending event is older than the batching window."""
    return [r["destination_id"] for r in store.rows("""select destination_id from alert_events
        where flushed_at is null group by destination_id having min(created_at) <= ? order by destination_id""",
                                                     [older_than])]


def pending_alert_events(store: Store, dest_id: str) -> list[AlertEvent]:
    return [AlertEvent(r["id"], r["destination_id"], r["item_kind"], r["item_id"], r["text"], r["url"],
                       r["created_at"])
            for r in store.rows("""select * from alert_events where flushed_at is null and destination_id = ?
                order by created_at, id""", [dest_id])]


def mark_alerts_flushed(store: Store, event_ids: list[int], outbox_key: str, now: str) -> None:
    store.db.conn.executemany("update alert_events set flushed_at = ?, outbox_key = ? where id = ?",
                              [(now, outbox_key, i) for i in event_ids])


# ---- review -----------------------------------------------------------------
def unreviewed(store: Store, limit: int = 100) -> dict[str, list[dict[str, Any]]]:
    return {
        "models": store.rows("select id, vendor_id, name, source_id from models where reviewed = 0 order by id limit ?",
                             [limit]),
        "releases": store.rows("""select id, model_id, vendor_id, title, source_id from releases where reviewed = 0
            order by first_seen, id limit ?""", [limit]),
        "claims": store.rows("""select id, kind, subject_id, benchmark_id, value_text, relation, compared_to, provenance,
            quote, source_id from claims where reviewed = 0 order by first_seen, id limit ?""", [limit]),
        "benchmarks": store.rows("select id, name, notes from benchmarks where reviewed = 0 order by id limit ?", [limit]),
    }


REVIEWED_TABLES = ("models", "releases", "claims", "benchmarks")


def set_reviewed(store: Store, table: str, item_id: str) -> bool:
    if table not in REVIEWED_TABLES:
        raise ValueError(table)
    return store.db.execute(f"update [{table}] set reviewed = 1 where id = ? and reviewed = 0",
                            [item_id]).rowcount > 0


def reject(store: Store, table: str, item_id: str) -> bool:
    """Delete an unreviewed candidate (reviewed rows are never deleted here); a rejected benchmark candidate takes
    its unreviewed scores with it, which would otherwise name a benchmark the record does not have."""
    if table not in REVIEWED_TABLES:
        raise ValueError(table)
    with store.db.atomic():
        if table == "claims":
            store.db.execute("delete from claim_models where claim_id = ?", [item_id])
        if table == "benchmarks" and store.db.execute("select 1 from benchmarks where id = ? and reviewed = 0",
                                                      [item_id]).fetchone():
            store.db.execute("""delete from claim_models where claim_id in
                (select id from claims where benchmark_id = ? and reviewed = 0)""", [item_id])
            store.db.execute("delete from claims where benchmark_id = ? and reviewed = 0", [item_id])
        return store.db.execute(f"delete from [{table}] where id = ? and reviewed = 0", [item_id]).rowcount > 0


# ---- fast inserts for ingestion -------------------------------------------------
def insert_new(store: Store, objs) -> list:
    """Insert rows whose id is new (INSERT OR IGNORE), returning the ones inserted; existing rows are untouched.

    Ingestion writes thousands of rows a minute and must never overwrite a reviewed row, so this skips
    Store.upsert_many's compare-then-upsert (one sqlite-utils upsert per row was most of the ingest time).
    Claims get their claim_models links, as Store does; models still go through Store.upsert so that
    name indexes see them (Store.names_generation).
    """
    import json
    from dataclasses import fields

    from .records import Claim, Model
    from .rows import _BOOLS, _JSON_TUPLES, TABLE_OF
    if not store.db.conn.in_transaction:
        with store.db.atomic():
            return insert_new(store, objs)
    inserted = []
    if True:  # the caller's transaction
        for obj in objs:
            if isinstance(obj, Model):
                if store.model(obj.id) is None:
                    store.upsert(obj)
                    inserted.append(obj)
                continue
            row = {}
            for f in fields(obj):  # rows.to_row's conversions without asdict's deep copies
                value = getattr(obj, f.name)
                if f.name in _JSON_TUPLES:
                    value = None if value is None else json.dumps(list(value), ensure_ascii=False)
                elif f.name in _BOOLS and value is not None:
                    value = int(value)
                row[f.name] = value
            cols = ", ".join(f"[{c}]" for c in row)
            marks = ", ".join("?" * len(row))
            cur = store.db.conn.execute(f"insert or ignore into [{TABLE_OF[type(obj)]}] ({cols}) values ({marks})",
                                        list(row.values()))
            if cur.rowcount == 1:
                inserted.append(obj)
                if isinstance(obj, Claim):
                    links = [(obj.id, obj.subject_id, "subject"), *((obj.id, m, "compared") for m in obj.compared_to)]
                    store.db.conn.executemany(
                        "insert or ignore into claim_models (claim_id, model_id, role) values (?, ?, ?)", links)
    return inserted
