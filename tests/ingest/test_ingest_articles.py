"""`briefbot ingest`, `feeds` and `review` through the real CLI, against files and the local feed server."""
from __future__ import annotations

import json

import pytest

from bench.bench_extract_accuracy import ARTICLES, build_record_store
from bot.app.cli import main
from ingest.registry import DEFAULT_FEEDS_FILE, read_feed_file
from storage import Store
from storage.delivery import ensure_destination, outbox_items, subscribe
from tests.fakes.feed_server import rss



@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "cli.db"
    build_record_store(path).close()
    monkeypatch.setenv("BRIEFBOT_DB", str(path))
    monkeypatch.setenv("BRIEFBOT_FEED_DOMAIN_DELAY", "0")
    return path


def counts(path) -> tuple[int, int, int]:
    store = Store.open(path)
    try:
        return tuple(store.db.execute(f"select count(*) from {t}").fetchone()[0]
                     for t in ("claims", "releases", "sources"))
    finally:
        store.close()


def test_dry_run_json_shows_what_would_be_stored_and_stores_nothing(db, capsys):
    before = counts(db)
    assert main(["ingest", str(ARTICLES / "02-qwen-press.txt"), "--dry-run", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert counts(db) == before
    assert [r["model_id"] for r in out["releases"]] == ["qwen3-max"]
    score = next(c for c in out["claims"] if c["kind"] == "benchmark_score")
    assert score["quote"] == "The company asserts that Qwen3-Max scores 85.2 on MMLU-Pro."
    assert score["provenance"] == "vendor_reported" and score["reported_by"] == "alibaba"
    assert {"kind": "model", "id": "claude-opus-4.5", "text": "Claude Opus 4.5"} in out["mentions"]
    assert out["source"]["url"].startswith("file://")


def test_ingest_url_stores_unreviewed_rows_then_review_accepts_and_alerts(db, feed_server, capsys):
    html = (ARTICLES / "09-injection.html").read_text(encoding="utf-8")
    feed_server.serve("/glm.html", html, content_type="text/html; charset=utf-8")
    store = Store.open(db)
    subscribe(store, ensure_destination(store, "slack", "T1", "U1", is_dm=True).id, "vendor", "zhipu", "x", "t")
    store.close()
    assert main(["ingest", feed_server.url("/glm.html")]) == 0
    assert "Would store" not in capsys.readouterr().out
    assert counts(db)[:2] == (1, 1)
    assert main(["review"]) == 0
    listing = capsys.readouterr().out
    assert "68.0" in listing and "2 to review" in listing
    assert "APPROVED" not in listing
    assert main(["review", "--accept-all"]) == 0
    assert main(["alerts", "flush", "--window", "0"]) == 0
    store = Store.open(db)
    try:
        (row,) = outbox_items(store)
        assert "GLM-4.6" in row.payload and row.kind == "alert"
    finally:
        store.close()


def test_feeds_add_list_poll_remove(db, feed_server, capsys):
    feed_server.serve("/f.xml", rss([{"guid": "1", "link": "http://x/1", "title": "old", "description": "old"}]))
    assert main(["feeds", "add", feed_server.url("/f.xml"), "--vendor", "moonshot", "--id", "ms"]) == 0
    assert main(["feeds", "add", "ftp://nope", "--id", "bad"]) == 2
    assert main(["feeds", "add", feed_server.url("/g.xml"), "--vendor", "nobody"]) == 2
    assert main(["feeds", "poll"]) == 0
    assert "1 recorded without alerting" in capsys.readouterr().out
    feed_server.serve("/f.xml", rss([{"guid": "2", "link": "http://x/2", "title": "Kimi K2.5",
                                      "description": "Kimi K2.5 scores 87.1 on MMLU-Pro."}]))
    assert main(["feeds", "poll", "ms"]) == 0
    assert "1 claims" in capsys.readouterr().out
    assert main(["feeds", "list"]) == 0
    assert "ms" in capsys.readouterr().out
    assert main(["feeds", "remove", "ms"]) == 0 and main(["feeds", "remove", "ms"]) == 1


def test_the_feed_registry_file_is_valid_and_loading_it_fetches_nothing(db, capsys):
    feeds = read_feed_file(DEFAULT_FEEDS_FILE)
    assert any(f.url == "https://openai.com/news/rss.xml" and f.vendor_id == "openai" for f in feeds)
    assert len({f.id for f in feeds}) == len(feeds)
    assert main(["feeds", "load"]) == 0
    assert f"{len(feeds)} feeds added" in capsys.readouterr().out
    store = Store.open(db)
    try:
        assert store.db.execute("select count(*) from feeds where last_polled_at is not null").fetchone()[0] == 0
    finally:
        store.close()


def test_embedded_tables_are_found_in_linear_time_and_at_most_forty():
    from ingest.articles import MAX_EMBEDDED_TABLES, inline_html_tables
    hostile = "<table" * 200_000 + "</table>"          # 1.2 MB of openers and one closer
    assert inline_html_tables(hostile).endswith("\n")  # one block, converted; nothing scanned twice
    many = "".join(f"<table><tr><td>GPQA</td><td>{i}</td></tr></table>" for i in range(MAX_EMBEDDED_TABLES + 5))
    converted = inline_html_tables(many)
    assert converted.count("<table>") == 5 and "| GPQA | 0 |" in converted
