"""Storage: schema, migrations from an older file, upserts, search."""
from __future__ import annotations

import json
import sqlite3

from storage import Claim, Model, Store, Vendor, Source, open_database, schema_version
from storage.migrations import record


def _old_database(path):
    """A file as the first release wrote it: only m001 of the record set."""
    db = open_database(path)
    record.apply(db, stop_before="m002_review_state_links_and_search")
    db["sources"].insert({"id": "src", "url": "https://example.org/post", "publisher": "Example", "kind": "press"})
    db["vendors"].insert({"id": "acme", "name": "Acme AI", "aliases": "[]"})
    for mid, name in (("acme-1", "Acme One"), ("acme-2", "Acme Two")):
        db["models"].insert({"id": mid, "vendor_id": "acme", "name": name, "aliases": json.dumps([name.lower()])})
    db["claims"].insert({"id": "c1", "kind": "comparison", "subject_id": "acme-2", "compared_to": json.dumps(["acme-1"]),
                         "relation": "beats", "provenance": "vendor_reported", "quote": "Acme Two surpasses Acme One",
                         "source_id": "src", "first_seen": "2026-01-01"})
    db.conn.close()


def test_older_database_is_upgraded_without_losing_rows(tmp_path):
    path = tmp_path / "old.db"
    _old_database(path)
    conn = sqlite3.connect(path)
    old_version = conn.execute("select count(*) from _sqlite_migrations").fetchone()[0]
    assert "reviewed" not in [r[1] for r in conn.execute("pragma table_info(claims)")]
    conn.close()

    store = Store.open(path)
    assert store.version > old_version
    assert schema_version(store.db) == store.version
    assert store.db.execute("pragma user_version").fetchone()[0] == store.version
    assert store.stats().models == 2 and store.stats().claims == 1
    old = store.claim("c1")
    assert old.reviewed is True and old.compared_to == ("acme-1",)
    # the link table was back-filled, so the old comparison is found from the compared model
    assert [c.id for c in store.claims_involving(["acme-1"], kinds=("comparison",))] == ["c1"]
    # search covers rows from before the migration and rows written after it
    assert [c.id for c in store.search_claims("surpasses")] == ["c1"]
    store.upsert(Claim(id="c2", kind="capability", subject_id="acme-1", provenance="independent",
                       quote="Acme One translates Klingon", source_id="src", first_seen="2026-02-01"))
    assert [c.id for c in store.search_claims("klingon")] == ["c2"]
    assert [m.id for m in store.search_models("acme two")] == ["acme-2"]
    store.close()
    # opening again applies nothing more
    again = Store.open(path)
    assert again.version == store.version
    again.close()


def test_upsert_reports_only_real_changes(tmp_path):
    store = Store.open(tmp_path / "x.db")
    rows = [Source(id="s", url="https://e.org"), Vendor(id="v", name="V"), Model(id="m", vendor_id="v", name="M")]
    assert store.upsert_many(rows) == 3
    assert store.upsert_many(rows) == 0
    assert store.upsert_many([Model(id="m", vendor_id="v", name="M", family="f")]) == 1
    assert store.model("m").family == "f"
    store.close()


def test_search_finds_quotes_by_their_words(store):
    found = store.search_claims("video generation")
    searched = [" ".join(filter(None, (c.quote, c.scope, c.notes))).lower() for c in found]
    assert found and all("video" in t and "generation" in t for t in searched)
    assert {c.id for c in store.search_claims('"video" generation')} == {c.id for c in found}  # quotes are words
    assert store.search_claims("zzqx nothing") == []


def test_search_treats_user_text_as_words_not_fts_syntax(store):
    before = store.stats().claims
    for text in ['"', "NEAR(", "a OR", "*", "-", "'; drop table claims; --"]:
        assert isinstance(store.search_claims(text), list)
    assert store.search_claims("benchmarks OR NEAR(") == store.search_claims("benchmarks or near")
    assert store.stats().claims == before
