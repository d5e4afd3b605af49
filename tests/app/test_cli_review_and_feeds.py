"""`briefbot review --accept/--reject` and `briefbot feeds resume`, in process through click's CliRunner."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bot.app.cli import CliState, cli
from storage import Store
from storage.ingest_state import Feed, add_feed, get_feed, update_feed

ARTICLE = Path(__file__).resolve().parents[1] / "data" / "articles" / "01-kimi-blog.md"


def invoke(db: Path, *args: str):
    result = CliRunner().invoke(cli, ["--db", str(db), *args], obj=CliState(), catch_exceptions=False)
    return result


def _pending(db: Path) -> dict:
    result = invoke(db, "review", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_review_accepts_one_candidate_and_rejects_another(db_path):
    stored = invoke(db_path, "ingest", str(ARTICLE))
    assert stored.exit_code == 0, stored.output
    pending = _pending(db_path)
    candidates = [m["id"] for m in pending["models"]] + [c["id"] for c in pending["claims"]] + \
        [r["id"] for r in pending["releases"]]
    assert len(candidates) >= 2, pending
    keep, drop = candidates[0], candidates[-1]

    listed = invoke(db_path, "review")
    assert keep in listed.output and "to review" in listed.output
    assert invoke(db_path, "review", "--accept", keep).exit_code == 0
    assert invoke(db_path, "review", "--reject", drop).exit_code == 0
    after = _pending(db_path)
    left = [m["id"] for m in after["models"]] + [c["id"] for c in after["claims"]] + [r["id"] for r in after["releases"]]
    assert keep not in left and drop not in left
    store = Store.open(db_path)
    try:
        table = next(t for t in ("models", "claims", "releases") if keep in [x["id"] for x in pending[t]])
        reviewed = store.db.execute(f"select reviewed from {table} where id = ?", [keep]).fetchone()
        assert reviewed == (1,)
        dropped_from = next(t for t in ("models", "claims", "releases") if drop in [x["id"] for x in pending[t]])
        assert store.db.execute(f"select count(*) from {dropped_from} where id = ?", [drop]).fetchone()[0] == 0
    finally:
        store.close()
    unknown = invoke(db_path, "review", "--accept", "no-such-id")
    assert unknown.exit_code == 1 and "nothing to accept" in unknown.output


def test_feeds_resume_unpauses_a_paused_feed(db_path):
    store = Store.open(db_path)
    add_feed(store, Feed(id="f1", url="https://blog.example/feed.xml"), "2026-01-01T00:00:00Z")
    update_feed(store, "f1", paused=1, paused_reason="5 failures in a row", failures=5)
    store.close()
    listed = invoke(db_path, "feeds", "list")
    assert "PAUSED" in listed.output and "5 failures in a row" in listed.output
    resumed = invoke(db_path, "feeds", "resume", "f1")
    assert resumed.exit_code == 0 and "Resumed f1" in resumed.output
    store = Store.open(db_path)
    try:
        feed = get_feed(store, "f1")
        assert not feed.paused and feed.failures == 0 and feed.paused_reason is None
    finally:
        store.close()
    missing = invoke(db_path, "feeds", "resume", "nope")
    assert missing.exit_code == 1 and "no feed 'nope'" in missing.output


def test_user_errors_are_one_line_and_usage_errors_exit_2(db_path):
    bad = invoke(db_path, "schedule", "add", "not-a-destination")
    assert bad.exit_code == 2 and len(bad.output.strip().splitlines()) == 1 and "destination id" in bad.output
    assert invoke(db_path, "outbox", "retry").exit_code == 2


# dev-253 (meituan-longcat/LongCat-Flash-Chat README), two columns and two rows of its launch table
LAUNCH_TABLE = ("| **Benchmark** | **GPT-4.1** | **Claude4 Sonnet** |\n|---|---|---|\n"
                "| VitaBench<sub>(avg@4)</sub> | 19.00 | 23.00 |\n| AceBench<sub>(acc)</sub> | 80.10* | 76.20* |\n")


def test_a_score_on_a_new_benchmark_waits_for_review_with_its_benchmark(db_path, tmp_path):
    article = tmp_path / "longcat.md"
    article.write_text(LAUNCH_TABLE, encoding="utf-8")
    assert invoke(db_path, "ingest", str(article)).exit_code == 0
    pending = _pending(db_path)
    assert [(b["id"], b["name"]) for b in pending["benchmarks"]] == [("vitabench", "VitaBench")]
    on_it = [c for c in pending["claims"] if c["benchmark_id"] == "vitabench"]
    assert sorted(c["value_text"] for c in on_it) == ["19.00", "23.00"]
    listed = invoke(db_path, "review").output
    assert "benchmark vitabench" in listed and " on vitabench 19.00 " in listed

    from ingest.extract.gazetteer import Gazetteer
    store = Store.open(db_path)
    try:
        assert store.benchmark("vitabench").reviewed is False
        assert Gazetteer.from_store(store).lookup("VitaBench") is None  # a candidate is no name to look for
    finally:
        store.close()
    # accepting one of its scores accepts the benchmark; the other score still waits
    assert invoke(db_path, "review", "--accept", on_it[0]["id"]).exit_code == 0
    store = Store.open(db_path)
    try:
        assert store.benchmark("vitabench").reviewed is True
        assert Gazetteer.from_store(store).lookup("VitaBench").id == "vitabench"
    finally:
        store.close()
    assert [c["id"] for c in _pending(db_path)["claims"] if c["benchmark_id"] == "vitabench"] == [on_it[1]["id"]]


def test_rejecting_a_benchmark_candidate_takes_its_waiting_scores_with_it(db_path, tmp_path):
    article = tmp_path / "longcat.md"
    article.write_text(LAUNCH_TABLE, encoding="utf-8")
    assert invoke(db_path, "ingest", str(article)).exit_code == 0
    rejected = invoke(db_path, "review", "--reject", "vitabench")
    assert rejected.exit_code == 0 and "rejected vitabench" in rejected.output
    pending = _pending(db_path)
    assert pending["benchmarks"] == [] and not [c for c in pending["claims"] if c["benchmark_id"] == "vitabench"]
    assert [c for c in pending["claims"] if c["benchmark_id"] == "acebench"]  # the known benchmark's scores stay
