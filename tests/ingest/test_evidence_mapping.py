"""Leaderboard variant names -> record model + settings; never a silent wrong pick."""
from __future__ import annotations

import json

import pytest

from ingest.sources.mapping import AliasFileError, Aliases, Mapper, Variant, split_variant


def rows(*models):
    return [(mid, name, json.dumps(aliases), None, vendor) for mid, name, aliases, vendor in models]


RECORD = rows(("claude-opus-4.5", "Claude Opus 4.5", ["Opus 4.5"], "anthropic"),
              ("gpt-5.2", "GPT-5.2", [], "openai"),
              ("kimi-k2.5", "Kimi K2.5", [], "moonshot"),
              ("kimi-k2-thinking", "Kimi K2 Thinking", [], "moonshot"),
              ("gemini-3-pro", "Gemini 3 Pro", [], "google-deepmind"),
              ("gpt-4o-0513", "GPT-4o 0513", ["GPT-4o"], "openai"),
              ("deepseek-v3.2", "DeepSeek V3.2", [], "deepseek"))


@pytest.fixture
def mapper():
    return Mapper(RECORD, [("gemini-3-pro-preview", "gemini-3-pro"), ("claude-opus-4-5-20251101", "claude-opus-4.5")])


@pytest.mark.parametrize("name, model, settings", [
    ("claude-opus-4-5-20251101-thinking-64k-high-effort", "claude-opus-4.5", "thinking, budget 64k, effort high"),
    ("gpt-5.2-2025-12-11-high", "gpt-5.2", "effort high"),
    ("gpt-5.2-2025-12-11-nothinking", "gpt-5.2", "no thinking"),
    ("kimi-k2.5-thinking", "kimi-k2.5", "thinking"),
    ("kimi-k2-thinking", "kimi-k2-thinking", None),            # a model whose name contains "thinking"
    ("gemini-3-pro-preview-11-2025-high", "gemini-3-pro", "effort high"),
    ("Claude 4.5 Opus medium (20251101)", "claude-opus-4.5", "effort medium"),
    ("claude-opus-4-5-20251101 (32k thinking tokens)", "claude-opus-4.5", "thinking, budget 32k"),
    ("openai/gpt-5.2", "gpt-5.2", None),
])
def test_variant_names_map_with_their_settings(mapper, name, model, settings):
    m = mapper.map(name)
    assert (m.model_id, m.variant.text(), m.status) == (model, settings, "mapped")


@pytest.mark.parametrize("name, why", [
    ("gpt-4o-2024-08-06", "date stamp"),                        # GPT-4o, but another snapshot than 0513
    ("gpt-5.1-2025-11-13-high", "no exact match"),              # never the nearest version
    ("o3 (high) + gpt-4.1", "combination"),
    ("kimi-k2.55-thinking", "no exact match"),
    ("deepseek-v3.2-exp", "no exact match"),                    # an experimental sibling is not the model
])
def test_uncertain_names_stay_unmapped(mapper, name, why):
    m = mapper.map(name)
    assert m.model_id is None and m.status == "unmapped" and why in m.reason


def test_the_alias_file_maps_or_ignores_on_purpose(tmp_path):
    path = tmp_path / "aliases.yaml"
    path.write_text("- names: [Kimi K2]\n  model: null\n  why: ambiguous\n"
                    "- names: [ds-v3.2-r]\n  model: deepseek-v3.2\n  thinking: true\n")
    m = Mapper(RECORD, (), Aliases.load(path))
    assert m.map("Kimi K2").status == "ignored"
    hit = m.map("DS-V3.2-R")
    assert hit.model_id == "deepseek-v3.2" and hit.variant == Variant(thinking=True)


def test_an_alias_row_can_limit_the_catalog_facts_taken(tmp_path):
    path = tmp_path / "aliases.yaml"
    path.write_text("- names: [deepseek/deepseek-chat]\n  model: deepseek-v3.2\n  facts: [release_date]\n")
    aliases = Aliases.load(path)
    assert aliases.facts_for("deepseek/deepseek-chat", "deepseek-chat") == ("release_date",)
    assert aliases.facts_for("deepseek/deepseek-v4-pro") is None


def test_a_broken_alias_file_is_one_line_saying_where(tmp_path):
    path = tmp_path / "model_aliases.yaml"
    path.write_text("- names: [a]\n  model: b: c\n")
    with pytest.raises(AliasFileError) as err:
        Aliases.load(path)
    assert "model_aliases.yaml line 2" in str(err.value) and "\n" not in str(err.value)


def test_ambiguous_names_are_not_picked():
    m = Mapper(RECORD + rows(("gpt-5.2-pro", "GPT-5.2 Pro", ["gpt-5.2"], "openai")))
    assert m.map("gpt-5.2-2025-12-11-high").model_id is None


def test_unreviewed_candidates_are_not_mapped_onto():
    m = Mapper([(*r, 0) for r in rows(("cand-x", "x-model", [], "openai"))])
    assert m.map("x-model").model_id is None


def test_split_variant_keeps_model_words():
    assert split_variant("qwen3-max-preview")[0] == ["qwen3", "max", "preview"]
    assert split_variant("gpt-5.1-codex-max")[0] == ["gpt", "5.1", "codex", "max"]
    assert split_variant("claude-opus-4-8-max-effort")[1].effort == "max"


def test_the_curated_alias_file_parses_and_names_record_models(store):
    aliases = Aliases.load()
    known = {m.id for m in store.models()}
    assert aliases.names
    assert all(model is None or model in known for model, _, _ in aliases.names.values())
