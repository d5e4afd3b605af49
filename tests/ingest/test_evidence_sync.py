"""Syncing sources: idempotent, failures isolated and recorded, newer files keep history, polite fetching."""
from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest

from ingest.sources import ADAPTERS, snapshots
from ingest.sources.cli_text import list_sources, sources_status, unmapped_lines
from ingest.sources.sync import SNAPSHOT, sync
from storage import Store
from storage.evidence_store import history, last_sync, previous_values

from .evidence_support import need_snapshots, present_sources, real_files


def counts(store: Store) -> dict:
    return {t: store.db.execute(f"select count(*) from [{t}]").fetchone()[0]
            for t in ("models", "claims", "sources", "vendors", "benchmarks", "model_facts", "claim_history", "claim_models")}


@pytest.fixture
def bare(tmp_path):
    from ingest.seed_files import load_seeds
    s = Store.open(tmp_path / "bare.db")
    load_seeds(s, snapshots=False)
    yield s
    s.close()


def test_syncing_the_same_snapshots_twice_changes_nothing(bare):
    names = present_sources()
    first = sync(bare, names, SNAPSHOT, now="2026-11-30T10:00:00+00:00")
    assert [r.status for r in first] == ["ok"] * len(names), [r.line() for r in first]
    before = counts(bare)
    second = sync(bare, names, SNAPSHOT, now="2026-11-30T11:00:00+00:00")
    assert [r.status for r in second] == ["unchanged"] * len(names) and all(r.changed == 0 for r in second)
    assert counts(bare) == before
    assert [r.mapped for r in first] == [r.mapped for r in second]


def test_a_broken_source_fails_alone_with_one_line_and_loses_nothing(bare, monkeypatch):
    names = present_sources()
    sync(bare, names, SNAPSHOT)
    before = counts(bare)
    real = snapshots.read_files

    def broken(name, root=snapshots.SEEDS_SNAPSHOTS):
        meta, files = real(name, root)
        if name == "swe-bench":
            files = {k: v[: len(v) // 3] for k, v in files.items()}   # truncated download
        return meta, files
    monkeypatch.setattr(snapshots, "read_files", broken)
    results = {r.source: r for r in sync(bare, names, SNAPSHOT)}
    assert results["swe-bench"].status == "failed" and "\n" not in results["swe-bench"].error
    assert all(r.status == "unchanged" for name, r in results.items() if name != "swe-bench")
    assert counts(bare) == before
    row = last_sync(bare, "swe-bench")
    assert row.status == "failed" and row.error and row.finished
    assert any("failed" in line and "swe-bench" in line for line in sources_status(bare))


def test_a_file_that_changed_shape_from_a_path_is_recorded_as_failed(bare, tmp_path):
    files = real_files("aider")
    path = tmp_path / "polyglot_leaderboard.yml"
    path.write_bytes(files["polyglot_leaderboard.yml"].replace(b"pass_rate_2", b"percent"))
    before = counts(bare)
    [result] = sync(bare, ["aider"], str(path))
    assert result.status == "failed" and "pass_rate_2" in result.error
    assert counts(bare) == before


def test_a_newer_file_updates_figures_and_keeps_history(bare, tmp_path):
    files = real_files("aider")
    sync(bare, ["models.dev"], SNAPSHOT)
    [old] = sync(bare, ["aider"], SNAPSHOT, now="2026-11-01T00:00:00+00:00")
    # o3 comes from the catalog; the committed aider file (2025-04-30) has o3 (high) at 79.6
    claim_id = next(r["id"] for r in bare.rows("select id from claims where id like 'aider/%/o3/%/o3-high/%'"))
    assert bare.claim(claim_id).value == 79.6
    newer = files["polyglot_leaderboard.yml"].replace(b"pass_rate_2: 79.6", b"pass_rate_2: 90.2", 1)
    assert newer != files["polyglot_leaderboard.yml"]
    path = tmp_path / "polyglot_leaderboard.yml"
    path.write_bytes(newer)
    [new] = sync(bare, ["aider"], str(path), now="2026-12-01T00:00:00+00:00")
    assert new.status == "ok" and new.version != old.version
    claim = bare.claim(claim_id)
    assert claim.value == 90.2 and claim.source_id.endswith(new.version)
    assert [h["value"] for h in history(bare, claim_id)] == [79.6, 90.2]   # "moved from 79.6 to 90.2"
    assert previous_values(bare, [claim_id])[claim_id]["value"] == 79.6
    # the same newer file again: nothing changes, no second history row
    [again] = sync(bare, ["aider"], str(path))
    assert again.changed == 0 and len(history(bare, claim_id)) == 2


class _Handler(http.server.BaseHTTPRequestHandler):
    body = b""
    hits: list = []

    def do_GET(self):
        type(self).hits.append((self.path, self.headers.get("If-None-Match")))
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("ETag", '"v1"')
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


def test_fetching_a_url_uses_the_polite_conditional_get(bare):
    from ingest.fetch import FetchConfig, Fetcher
    _Handler.body = real_files("aider")["polyglot_leaderboard.yml"]
    _Handler.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/polyglot_leaderboard.yml"
        private = {"allow_private": "127.0.0.1"} if "allow_private" in FetchConfig.__dataclass_fields__ else {}
        with Fetcher(FetchConfig(domain_delay=0, max_bytes=8_000_000, **private)) as fetcher:
            [first] = sync(bare, ["aider"], url, fetcher=fetcher)
            [second] = sync(bare, ["aider"], url, fetcher=fetcher)
        assert first.status == "ok" and first.rows > 50
        assert second.status == "not_modified"
        assert _Handler.hits[-1][1] == '"v1"'
    finally:
        server.shutdown()
        server.server_close()


def test_cli_lines(bare):
    assert len(list_sources(bare)) == len(ADAPTERS) == 7
    assert all("never synced" in line for line in sources_status(bare))
    assert unmapped_lines(bare) == []


def test_seeding_loads_the_snapshots_and_adds_missing_models(evidence_store):
    present_sources()
    store = evidence_store
    for model_id in ("gpt-5", "gpt-5.1", "claude-sonnet-4.5"):
        model = store.model(model_id)
        assert model is not None and model.reviewed and model.release_date, model_id
    # DeepSeek's API entries give V3.2 its date and price, never the hosted API's "closed weights" or later limits:
    # those come from DeepSeek's own model file (models/deepseek/deepseek-v3.2.toml), which says the weights are open
    facts = {r["field"]: (r["value"], r["entry"]) for r in store.rows(
        "select field, value, entry from model_facts where model_id = 'deepseek-v3.2'")}
    assert facts["release_date"][0] == '"2025-12-01"' and facts["price_input"][1] == "deepseek/deepseek-chat"
    assert facts["open_weights"] == ("true", "models/deepseek/deepseek-v3.2")
    assert facts["context_limit"] == ("163840", "models/deepseek/deepseek-v3.2")
    independent = store.db.execute("select count(*) from claims where provenance in ('independent', 'crowd')").fetchone()[0]
    assert independent > 1000
    # every name the sources list for a tracked vendor maps, or waits for review as a candidate: none is dropped
    lost = store.rows("""select n.source, n.name from source_names n where n.status = 'unmapped'
        and (lower(n.name) like 'claude%' or lower(n.name) like 'gpt-5%' or lower(n.name) like 'gemini-3%')""")
    assert lost == []


def test_the_benchmark_catalog_adds_what_the_record_lacks_and_never_touches_a_curated_row(bare, tmp_path):
    need_snapshots("opencompass")
    curated = {b.id: b for b in bare.benchmarks()}
    result, = sync(bare, ["opencompass"], SNAPSHOT, now="2026-11-30T10:00:00+00:00")
    assert result.status == "ok" and result.rows == result.mapped + result.unmapped
    after = {b.id: b for b in bare.benchmarks()}
    assert all(after[i] == b for i, b in curated.items())  # MMLU, IFEval, GPQA: the curated rows as they were
    added = {i: b for i, b in after.items() if i not in curated}
    assert {"humaneval-plus", "wildbench", "mt-bench-101", "flores", "xcopa"} <= set(added)
    assert not {"ifeval", "gsm8k", "mmlu", "boolq", "olympiadbench"} & set(added)  # names the record knows are those rows
    plus = added["humaneval-plus"]
    assert plus.name == "HumanEval+" and plus.notes.startswith(f"From the OpenCompass dataset index (opencompass@")
    assert "arxiv.org/pdf/2305.01210" in plus.notes and added["llm-compression"].higher_is_better is False
    # a name the record gives a model or a vendor is never also a benchmark
    own = tmp_path / "dataset-index.yml"
    own.write_text("- o:\n    name: Claude Opus 4.5\n- m:\n    name: Moonshot AI\n- nb:\n    name: NewBench-7\n",
                   encoding="utf-8")
    result, = sync(bare, ["opencompass"], str(own), now="2026-11-30T11:00:00+00:00")
    assert result.status == "ok" and bare.benchmark("newbench-7") is not None
    assert bare.benchmark("claude-opus-4.5") is None and bare.benchmark("moonshot-ai") is None


def test_a_second_benchmark_catalog_adds_only_names_neither_the_record_nor_the_first_gives(bare):
    need_snapshots("opencompass", "evalscope")
    sync(bare, ["opencompass"], SNAPSHOT, now="2026-11-30T10:00:00+00:00")
    before = {b.id for b in bare.benchmarks()}
    result, = sync(bare, ["evalscope"], SNAPSHOT, now="2026-11-30T10:00:00+00:00")
    added = {b.id: b for b in bare.benchmarks() if b.id not in before}
    assert result.status == "ok" and {"mathvista", "pope", "charxiv", "polymath"} <= set(added)
    assert "mcp-atlas" not in added  # curated
    assert added["mathvista"].notes.startswith("From the EvalScope supported benchmarks (evalscope@")
    # EvalScope's HumanEvalPlus is OpenCompass's HumanEval+ ("HumanEval Plus"): one benchmark, not two
    assert "humanevalplus" not in added and bare.benchmark("humaneval-plus") is not None


def test_subscribers_hear_of_moved_headline_figures_but_not_of_a_first_sync(bare, tmp_path):
    from storage.delivery import subscribe
    files = real_files("aider")
    sync(bare, ["models.dev"], SNAPSHOT)
    subscribe(bare, "local::console", "model", "o3", "test", "2026-01-01T00:00:00+00:00")
    sync(bare, ["aider"], SNAPSHOT)
    assert bare.db.execute("select count(*) from alert_events").fetchone()[0] == 0   # first sync: no flood
    path = tmp_path / "polyglot_leaderboard.yml"
    path.write_bytes(files["polyglot_leaderboard.yml"].replace(b"pass_rate_2: 79.6", b"pass_rate_2: 90.2", 1))
    sync(bare, ["aider"], str(path))
    texts = [r[0] for r in bare.db.execute("select text from alert_events").fetchall()]
    assert texts == ["o3: 90.2 on Aider-Polyglot (moved from 79.6; independent, Aider polyglot leaderboard; "
                     "aider, edit format diff; effort high)"]
    sync(bare, ["aider"], str(path))
    assert bare.db.execute("select count(*) from alert_events").fetchone()[0] == 1
