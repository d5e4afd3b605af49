"""The extraction scorer (bench/bench_extraction.py) runs end to end on a couple of real articles, so it cannot rot."""
from __future__ import annotations

import json

from bench import bench_extraction as bx


def test_scorer_runs_on_two_dev_articles_and_reports_every_kind(capsys):
    assert bx.main(["--part", "dev", "--limit", "2", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"]["articles"] == 2
    for kind in bx.KINDS:
        assert 0.0 <= out["total"][kind]["precision"] <= 1.0
        assert 0.0 <= out["total"][kind]["recall"] <= 1.0
    assert out["languages"] and out["throughput_articles_per_s"] > 0


def test_missing_blind_part_is_reported_not_a_crash(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(bx, "DATA", tmp_path)
    assert bx.main(["--part", "blind"]) == 0
    assert "no blind part here" in capsys.readouterr().out


def test_matching_rules_normalise_names_and_respect_null_dates():
    names = bx.Names.__new__(bx.Names)
    names.model = {"gpt-5.1": {bx.norm("GPT-5.1"), bx.norm("GPT 5.1")}}
    names.bench = {"aime-2024": {bx.bench_norm("AIME 2024"), bx.bench_norm("AIME24")}}
    assert names.model_matches(("id", "gpt-5.1"), "gpt_5.1")
    assert names.model_matches(("name", bx.norm("Qwen3-235B-A22B")), "Qwen3 235B A22B")
    assert bx._match("scores", (("id", "gpt-5.1"), ("id", "aime-2024"), 79.83),
                     {"model": "GPT-5.1", "benchmark": "AIME24", "value": 79.8}, names)
    assert not bx._match("releases", (("id", "gpt-5.1"), "2025-11-13"), {"model": "GPT-5.1", "date": None}, names)
    assert bx._match("releases", (("id", "gpt-5.1"), None), {"model": "GPT-5.1", "date": None}, names)


def test_since_keeps_only_the_files_numbered_from_it():
    every = bx.load_articles("dev")
    newest = max(int(a["id"].split("-")[1]) for a in every)
    batch = bx.load_articles("dev", since=newest - 1)
    assert {int(a["id"].split("-")[1]) for a in batch} <= {newest - 1, newest}
    assert 1 <= len(batch) < len(every)


def test_labels_match_a_record_row_by_the_contracts_spelling_rules(evidence_store):
    names = bx.Names(evidence_store)
    # the usual word order of a catalog name (models.dev writes "Claude Sonnet 3.7")
    assert names.model_matches(("id", "claude-3.7-sonnet-20250219"), "Claude 3.7 Sonnet")
    # an OpenAI or Anthropic API snapshot used as a column label is labelled without it ...
    assert names.model_matches(("id", "o1-1217"), "OpenAI o1")
    assert names.model_matches(("id", "o1-1217"), "OpenAI o1-1217")
    # ... but another maker's dated suffix names a distinct release
    assert not names.model_matches(("id", "deepseek-v3-0324"), "DeepSeek-V3")


def test_the_reading_before_validation_is_scored_apart(capsys, tmp_path):
    assert bx.main(["--part", "dev", "--since", "14", "--limit", "1", "--read"]) == 0
    assert "reading, before validation" in capsys.readouterr().out
    # dev-057 scores Gemini 3 Pro on MathArena, which the record does not know: only the reading counts it
    article = [a for a in bx.load_articles("dev") if a["id"].startswith("dev-057")]
    store = bx.seeded_store(tmp_path / "r.db")
    read = bx.evaluate(article, store, bx.ReadingOnly(store))["total"].tallies["scores"]
    stored = bx.evaluate(article, store)["total"].tallies["scores"]
    assert read.pred > stored.pred
