"""The LLM extractor shares the rules' schema: release dates and score conditions are kept only when the quote says them.

Against the local OpenAI-compatible fake (tests/fakes), with a real excerpt (dev 026) as the article.
"""
from __future__ import annotations

import json

from foundation.settings import Settings
from ingest.extract import SourceContext, build_extractor
from ingest.extract.llm_extractor import SCHEMA

ARTICLE = ("Anthropic's Claude 4 series marked a significant step forward when Claude Sonnet 4 and Claude Opus 4 launched "
           "on May 22, 2025. The key benchmarks: - SWE-bench Verified: 77.2% (standard) / 82.0% (with parallel compute)")


def settings(fake):
    return Settings.load(environ={"OPENAI_BASE_URL": fake.base_url, "BRIEFBOT_LLM_MODEL": "fake-model",
                                  "OPENAI_API_KEY": "sk-test", "BRIEFBOT_LLM_TIMEOUT": "5"}, env_file=None)


def test_schema_has_the_new_fields():
    release = SCHEMA["properties"]["releases"]["items"]
    claim = SCHEMA["properties"]["claims"]["items"]
    assert "date" in release["required"] and "conditions" in claim["required"]


def test_dates_and_conditions_are_validated_against_their_quotes(store, fake_openai):
    quote = "Claude Sonnet 4 and Claude Opus 4 launched on May 22, 2025."
    fake_openai.enqueue(json.dumps({
        "releases": [{"model": "Claude Sonnet 4", "vendor": "Anthropic", "quote": quote, "date": "2025-05-22"},
                     {"model": "Claude Opus 4", "vendor": "Anthropic", "quote": quote, "date": "2026-11-30"}],
        "claims": [{"kind": "benchmark_score", "subject": "Claude Sonnet 4", "quote": "Claude Sonnet 4 and Claude Opus 4 "
                    "launched on May 22, 2025.", "provenance": "vendor_reported", "benchmark": None, "value": None,
                    "compared_to": [], "relation": None, "conditions": None}]}))
    ext = build_extractor(store, settings(fake_openai), use_llm=True).extract(ARTICLE, SourceContext())
    assert {(r.model.model_id, r.date) for r in ext.releases} == {("claude-sonnet-4", "2025-05-22"),
                                                                  ("claude-opus-4", None)}
    assert any("release date '2026-11-30' not stated" in p for p in ext.problems)


def test_conditions_not_in_the_quote_are_dropped(store, fake_openai):
    score = {"kind": "benchmark_score", "subject": "Claude Sonnet 4", "quote": "Claude Sonnet 4 scores 77.2% on "
             "SWE-bench Verified", "provenance": "vendor_reported", "benchmark": "SWE-bench Verified", "value": "77.2",
             "compared_to": [], "relation": None}
    text = "Claude Sonnet 4 scores 77.2% on SWE-bench Verified (standard)."
    fake_openai.enqueue(json.dumps({"releases": [], "claims": [dict(score, conditions="standard"),
                                                               dict(score, value="77.2", conditions="with tools")]}))
    ext = build_extractor(store, settings(fake_openai), use_llm=True).extract(text, SourceContext())
    assert [c.conditions for c in ext.claims] == [None, None]  # the quote stops before "(standard)"
    assert sum("not in the quote" in p for p in ext.problems) == 2


def test_scores_on_unknown_benchmarks_are_kept_or_dropped_as_the_rules_keep_or_drop_them(store, fake_openai):
    # dev-127: SVGBench is a benchmark the record does not know; its scores are kept, for a benchmark candidate
    text = "- 在SVGBench测试中得分为53.1%,实力仅次于GPT-4.1-mini,远超前代DeepSeek R1的40.4%[6][7]"
    answer = {"kind": "benchmark_score", "subject": "DeepSeek R1", "quote": text, "provenance": "vendor_reported",
              "benchmark": "SVGBench", "value": "40.4", "compared_to": [], "relation": None, "conditions": None}
    fake_openai.enqueue(json.dumps({"releases": [], "claims": [answer]}))
    llm = build_extractor(store, settings(fake_openai), use_llm=True).extract(text, SourceContext())
    rules = build_extractor(store).extract(text, SourceContext())
    assert [(c.benchmark_id, c.benchmark_text, c.value) for c in llm.claims] == [(None, "SVGBench", 40.4)]
    assert (None, "SVGBench", 40.4) in {(c.benchmark_id, c.benchmark_text, c.value) for c in rules.claims}
    # a name written nowhere in the article is the model's invention, whatever its shape
    fake_openai.enqueue(json.dumps({"releases": [], "claims": [dict(answer, benchmark="SVGBench-Pro")]}))
    llm = build_extractor(store, settings(fake_openai), use_llm=True).extract(text, SourceContext())
    assert not llm.claims and llm.problems == ("claim dropped: unknown benchmark 'SVGBench-Pro' (1 score)",)
    # dev-271: a variant of a benchmark the record knows is dropped by both
    text = ("基准测试 Claude Opus 4.6 GPT-5.3-Codex 备注\nSWE-bench Verified 79.4% Anthropic报告的变体\n"
            "SWE-bench Pro Public 78.2% OpenAI报告的变体\nGPQA Diamond 77.3% 73.8% 研究生级推理\n")
    answer = dict(answer, subject="Claude Opus 4.6", quote=text.strip(), benchmark="SWE-bench Pro Public", value="78.2")
    fake_openai.enqueue(json.dumps({"releases": [], "claims": [answer]}))
    llm = build_extractor(store, settings(fake_openai), use_llm=True).extract(text, SourceContext())
    rules = build_extractor(store)
    assert not llm.claims and not [c for c in rules.extract(text, SourceContext()).claims if not c.benchmark_id]
    assert llm.problems == ("claim dropped: unknown benchmark 'SWE-bench Pro Public' (1 score)",)
    assert [c.benchmark_text for c in rules.read(text, SourceContext()).claims if not c.benchmark_id] == [
        "SWE-bench Pro Public"]
