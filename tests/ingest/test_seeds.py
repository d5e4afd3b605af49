"""Seeds: sourced, consistent, and idempotent to load."""
from __future__ import annotations

import shutil

import pytest
import yaml

from ingest.seed_files import DEFAULT_SEEDS_DIR, SeedError, load_seeds, read_seeds
from storage import Store


def test_seed_counts_and_sources():
    rows = read_seeds()
    assert len(rows["vendors"]) >= 12
    assert len(rows["models"]) >= 30
    assert len(rows["benchmarks"]) >= 10
    assert len(rows["claims"]) >= 150
    source_ids = {s.id for s in rows["sources"]}
    assert all(c.source_id in source_ids for c in rows["claims"])
    assert all(m.source_id in source_ids for m in rows["models"])
    assert all(r.source_id in source_ids for r in rows["releases"])
    # every benchmark figure appears verbatim in its quote: no number without its words
    for claim in rows["claims"]:
        if claim.kind == "benchmark_score":
            assert claim.value_text in claim.quote


def test_seed_document_vendors_and_models_are_present():
    rows = read_seeds()
    vendors = {v.id for v in rows["vendors"]}
    assert {"alibaba", "moonshot", "anthropic", "google-deepmind", "openai", "deepseek", "runway", "pika",
            "bytedance", "baidu", "tencent"} <= vendors
    models = {m.id for m in rows["models"]}
    assert {"qwen3-max-thinking", "kimi-k2.5", "claude-opus-4.5", "gemini-3-pro", "chatgpt", "sora",
            "deepseek-r1"} <= models
    parity = [c for c in rows["claims"] if c.source_id == "seed-article" and c.subject_id == "qwen3-max-thinking"
              and c.kind == "comparison"]
    assert parity and "19" in (parity[0].scope or "") and parity[0].provenance == "vendor_reported"


def test_rival_figures_are_the_reporting_vendors_claims():
    """Figures Moonshot gives for GPT-5.2 in the Kimi K2.5 card are Moonshot's report, not OpenAI's."""
    rows = read_seeds()
    models = {m.id: m for m in rows["models"]}
    rival = [c for c in rows["claims"] if c.source_id.startswith("kimi-k2.5") and c.kind == "benchmark_score"
             and models[c.subject_id].vendor_id != "moonshot"]
    assert rival
    assert all(c.reported_by == "moonshot" and c.provenance == "vendor_reported" for c in rival)


def test_loading_twice_changes_nothing_and_edits_are_applied(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(DEFAULT_SEEDS_DIR, seeds)
    store = Store.open(tmp_path / "s.db")
    first = load_seeds(store, seeds)
    assert first.changed == first.rows
    stats = store.stats()
    assert load_seeds(store, seeds).changed == 0
    assert store.stats() == stats
    models = yaml.safe_load((seeds / "models.yaml").read_text())
    target = next(m for m in models if m["id"] == "kimi-k2.5")
    target["notes"] = "edited by a curator"
    (seeds / "models.yaml").write_text(yaml.safe_dump(models, sort_keys=False, allow_unicode=True))
    assert load_seeds(store, seeds).changed == 1
    assert store.model("kimi-k2.5").notes == "edited by a curator"
    store.close()


def test_a_bad_row_is_named_and_nothing_is_written(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(DEFAULT_SEEDS_DIR, seeds)
    claims_file = sorted((seeds / "claims").glob("*.yaml"))[0]
    claims = yaml.safe_load(claims_file.read_text())
    claims[0]["subject"] = "no-such-model"
    claims_file.write_text(yaml.safe_dump(claims, sort_keys=False, allow_unicode=True))
    store = Store.open(tmp_path / "s.db")
    with pytest.raises(SeedError, match="no-such-model"):
        load_seeds(store, seeds)
    assert store.stats().claims == 0
    store.close()
