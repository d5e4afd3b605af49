"""The default extractor, URL/content dedupe helpers and how candidates become rows."""
from __future__ import annotations

import pytest

from bench.bench_extract_accuracy import build_record_store
from ingest.extract import RuleExtractor, SourceContext
from ingest.extract.gazetteer import Gazetteer
from ingest.plans import Origin, plan, store_plan
from ingest.urls import content_hash, normalize_url

NOW = "2026-03-02T09:00:00Z"


@pytest.fixture
def rstore(tmp_path):
    store = build_record_store(tmp_path / "record.db")
    yield store
    store.close()


@pytest.fixture
def rules(rstore):
    return RuleExtractor(Gazetteer.from_store(rstore))


def test_names_match_whole_and_longest_whatever_the_separators(rstore):
    gaz = Gazetteer.from_store(rstore)
    ids = [h.id for h in gaz.find("GPT-5.1 beat GPT-5, qwen3 max and Qwen3Max; GPT-5.1-mini is unknown; so is O3.")]
    assert ids == ["gpt-5.1", "gpt-5", "qwen3-max", "qwen3-max"]
    assert [h.id for h in gaz.find("Mistral Large 3 by Mistral, tested with o3")] == ["mistral-large-3", "mistral", "o3"]


def test_scores_need_a_benchmark_next_to_the_figure_and_ignore_version_numbers(rules):
    ext = rules.extract("Claude Opus 4.5 scores 80.9% on SWE-bench Verified. It has 200 billion parameters. "
                        "GPT-5 was trained in 2025 on AIME 2025 data.")
    assert [(c.subject.model_id, c.benchmark_id, c.value_text, c.unit) for c in ext.claims] == [
        ("claude-opus-4.5", "swe-bench-verified", "80.9", "%")]


def test_hedged_and_negated_statements_are_not_facts(rules):
    ext = rules.extract("OpenAI is expected to release GPT-5.1 soon. GPT-5 does not outperform Gemini 3 Pro. "
                        "Since Meta released Llama 4 Maverick, little changed. Grok 4 could rival o3.")
    assert ext.releases == () and ext.claims == ()


def test_releases_comparisons_tables_and_new_model_candidates(rules):
    text = ("Mistral AI launched Magistral-2 today, a model that builds on Mistral Large 3.\n"
            "Magistral-2 is on par with DeepSeek-V3.2 on AIME 2025, the company claims.\n\n"
            "| Model | GPQA Diamond |\n|---|---|\n| DeepSeek-V3.2 | 82.4 |\n")
    ext = rules.extract(text)
    assert [(r.model.text, r.model.model_id, r.vendor_id) for r in ext.releases] == [("Magistral-2", None, "mistral")]
    comparison = next(c for c in ext.claims if c.kind == "comparison")
    assert (comparison.subject.text, comparison.relation, [m.model_id for m in comparison.compared_to],
            comparison.benchmark_id, comparison.provenance) == ("Magistral-2", "matches", ["deepseek-v3.2"],
                                                                "aime-2025", "vendor_reported")
    row = next(c for c in ext.claims if c.kind == "benchmark_score")
    assert (row.subject.model_id, row.benchmark_id, row.value_text, row.quote) == (
        "deepseek-v3.2", "gpqa-diamond", "82.4", "| DeepSeek-V3.2 | 82.4 |")


@pytest.mark.parametrize("sentence, provenance, by", [
    ("Grok 4 scored 44.4% on HLE in internal testing.", "vendor_reported", "xai"),
    ("The company asserts that Grok 4 scores 44.4 on HLE.", "vendor_reported", "xai"),
    ("Grok 4 scores 44.4 on HLE, according to Anthropic.", "vendor_reported", "anthropic"),
    ("Independent evaluators measured Grok 4 at 44.4 on HLE.", "independent", None),
    ("Researchers at Epoch AI found Grok 4 scores 44.4 on HLE.", "independent", None),
])
def test_provenance_follows_attribution(rules, sentence, provenance, by):
    (claim,) = rules.extract(sentence).claims
    assert (claim.provenance, claim.reported_by) == (provenance, by)


def test_the_vendors_own_source_makes_every_claim_vendor_reported(rules):
    (claim,) = rules.extract("Independent evaluators measured Grok 4 at 44.4 on HLE.",
                             SourceContext(vendor_id="xai")).claims
    assert (claim.provenance, claim.reported_by) == ("vendor_reported", "xai")


def test_url_normalization_and_content_hash():
    assert normalize_url("HTTPS://Blog.Example:443/p/3/?utm_source=rss&id=7&fbclid=x#top") == \
        "https://blog.example/p/3?id=7"
    assert content_hash("Title", "Some  text") == content_hash(" title ", "some text")
    assert content_hash("Title", "Some text") != content_hash("Title", "Other text")


def test_plan_makes_unreviewed_candidates_and_storing_twice_changes_nothing(rstore, rules):
    text = "Mistral AI launched Magistral-2 today. Magistral-2 scores 71.5 on GPQA Diamond."
    ext = rules.extract(text)
    p = plan(rstore, ext, Origin(url="https://news.example/m2"), NOW)
    assert [(m.id, m.vendor_id, m.reviewed) for m in p.models] == [("magistral-2", "mistral", False)]
    assert all(not r.reviewed for r in (*p.releases, *p.claims))
    first = store_plan(rstore, p, NOW)
    assert (first.models, first.releases, first.claims, first.alerts) == (1, 1, 1, 0)
    rstore.db.execute("update claims set reviewed = 1")
    second = store_plan(rstore, plan(rstore, ext, Origin(url="https://news.example/m2"), NOW), NOW)
    assert (second.models, second.releases, second.claims) == (0, 0, 0)
    assert rstore.claims(model_ids=["magistral-2"])[0].reviewed  # a re-ingest never un-reviews


def test_unknown_model_without_a_known_vendor_is_not_stored(rstore, rules):
    ext = rules.extract("Foo Labs released Zeta-9 today.")
    assert ext.releases == ()
    p = plan(rstore, rules.extract("Zeta-9 is on par with GPT-5."), Origin(url="https://x.example/"), NOW)
    assert p.claims == () and p.models == ()


def test_a_vendors_own_feed_makes_its_scores_facts_but_not_on_a_benchmark_nobody_has_accepted(store):
    from ingest.extract import build_extractor
    table = ("| **Benchmark** | **GPT-4.1** | **Claude4 Sonnet** |\n|---|---|---|\n"
             "| VitaBench<sub>(avg@4)</sub> | 19.00 | 23.00 |\n| AceBench<sub>(acc)</sub> | 80.10* | 76.20* |\n")  # dev-253
    origin = Origin(url="https://openai.example/gpt-4.1", kind="vendor_blog", vendor_id="openai", auto_accept=True)
    rules = build_extractor(store)
    p = plan(store, rules.extract(table, SourceContext(vendor_id="openai")), origin, NOW)
    assert [(b.id, b.reviewed) for b in p.benchmarks] == [("vitabench", False)]
    assert {(c.subject_id, c.benchmark_id, c.reviewed) for c in p.claims if c.subject_id == "gpt-4.1"} == {
        ("gpt-4.1", "vitabench", False), ("gpt-4.1", "acebench", True)}
    assert store_plan(store, p, NOW).benchmarks == 1
    assert store_plan(store, plan(store, rules.extract(table), origin, NOW), NOW).benchmarks == 0


def test_a_new_benchmark_whose_id_is_taken_never_lends_its_scores_to_the_benchmark_that_has_it(store):
    from ingest.extract.types import CandidateClaim, Extraction, ModelRef
    # "SWE-bench!" is no name the record knows, but its id would be swe-bench's; an LLM extraction is enough to get
    # here, since plan() re-checks only what needs no names
    claim = CandidateClaim("benchmark_score", ModelRef("GPT-4.1", "gpt-4.1", "openai"), "GPT-4.1 SWE-bench! 54.6%",
                           "vendor_reported", benchmark_text="SWE-bench!", value=54.6, value_text="54.6", unit="%")
    p = plan(store, Extraction(claims=(claim,)), Origin(url="https://news.example/x"), NOW)
    assert store.benchmark("swe-bench").reviewed and [c.benchmark_id for c in p.claims] != ["swe-bench"]
    assert [(b.name, b.reviewed) for b in p.benchmarks] == [("SWE-bench!", False)]
    assert p.benchmarks[0].id.startswith("swe-bench-") and p.claims[0].benchmark_id == p.benchmarks[0].id
