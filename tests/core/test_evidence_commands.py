"""/check, /top and the /compare and /model additions, against the seeded record (snapshots included)."""
from __future__ import annotations

import re

import pytest

from bot.render.text import render_text

from ..ingest.evidence_support import need_snapshots


@pytest.fixture(autouse=True)
def _snapshots():
    # what the repository ships (LMArena's file is not among them; tests that need it say so)
    need_snapshots("models.dev", "swe-bench", "livebench", "aider")


def test_compare_shows_dates_prices_and_an_independent_figure(evidence_ask):
    reply = evidence_ask("/compare claude-opus-4.5 gpt-5.2")
    assert not reply.is_error, render_text(reply)
    overview = {f.name: f.value for s in reply.sections for f in s.fields}
    for name, date in (("Claude Opus 4.5", "2025-11-24"), ("GPT-5.2", "2025-12-11")):
        assert f"Released: {date} (models.dev)" in overview[name]
        assert re.search(r"Price: \$[\d.]+ in / \$[\d.]+ out per 1M tokens \(models\.dev\)", overview[name])
        assert "Context: " in overview[name] and "Weights: closed" in overview[name]
    # the leaderboard figures come in their own lines, one per board, even when only one model is on it
    measured = next(sec for sec in reply.sections if sec.heading == "Independent measurements")
    livebench = next(i for i in measured.items if i.startswith("LiveBench:"))
    assert "Claude Opus 4.5 75.6" in livebench and "thinking, budget 64k, effort high" in livebench
    swe = next(i for i in measured.items if i.startswith("SWE-bench Verified (bash-only):"))
    assert "Claude Opus 4.5 74.4" in swe
    arena = next(i for i in measured.items if i.startswith("LMArena Text (style control):"))
    assert "Claude Opus 4.5 1468 rating (crowd)" in arena
    assert "not on this board: GPT-5.2" in livebench
    text = render_text(reply)
    assert ": independent" in text     # the source reference says whose figure it is
    assert "No independent or crowd figure yet for GPT-5.2" in text
    assert "Every figure here is vendor-reported" not in text


def test_check_sets_every_vendor_variant_of_a_claim_against_the_same_bash_only_figure(evidence_ask):
    reply = evidence_ask("/check claude-opus-4")
    assert not reply.is_error
    table = next(s.table for s in reply.sections if s.table)
    swe = {r[1].split(" ")[0]: r for r in table.rows if r[0] == "SWE-bench Verified"}
    assert set(swe) == {"72.5", "79.4", "53.0"}
    assert all(r[2].startswith("67.6 — independent, SWE-bench") and "bash-only" in r[2] for r in swe.values())
    assert swe["72.5"][3].startswith("independent lower by 4.9")
    assert swe["53.0"][3].startswith("independent higher by 14.6")


def test_check_sets_the_vendor_swe_bench_claim_beside_the_independent_figure(evidence_ask):
    reply = evidence_ask("/check claude-opus-4.5")
    assert not reply.is_error
    table = next(s.table for s in reply.sections if s.table)
    swe = [r for r in table.rows if r[0] == "SWE-bench Verified"]
    assert swe and all(r[1].startswith("80.9") for r in swe)
    assert all(r[2].startswith("74.4 — independent, SWE-bench") and "bash-only" in r[2] for r in swe)
    assert all(r[3].startswith("independent lower by 6.5") for r in swe)
    text = render_text(reply)
    assert "Vendors disagree" in text and "84.0 per Alibaba Cloud" in text and "78.5 per Moonshot AI" in text
    assert "Nothing independent yet" in text
    assert "LiveBench: 75.6 — independent" in text      # a leaderboard figure no vendor claim matches


def test_check_never_sets_a_vendor_livebench_figure_against_another_release(evidence_ask):
    reply = evidence_ask("/check claude-sonnet-4")
    row = next(r for r in next(s.table for s in reply.sections if s.table).rows if r[0] == "LiveBench")
    assert row[1].startswith("74.8") and "no thinking" in row[2]        # the non-thinking variant, overall
    assert row[3].startswith("not comparable: LiveBench replaces its questions")


def test_top_swe_bench_verified_is_sorted_with_provenance_and_source(evidence_ask):
    reply = evidence_ask("/top swe-bench-verified")
    table = reply.sections[0].table
    values = [float(r[2]) for r in table.rows]
    assert values == sorted(values, reverse=True) and len(values) == 10
    assert table.rows[0][1] == "Claude Opus 4.5" and table.rows[0][2] == "74.4"
    assert {r[4] for r in table.rows} == {"independent"} and all(r[5].startswith("SWE-bench") for r in table.rows)
    assert "bash-only" in reply.sections[0].text and any("submitted systems" in f for f in reply.footnotes)


def test_top_open_weights_and_count(evidence_ask):
    reply = evidence_ask("/top swe-bench-verified open 3")
    rows = reply.sections[0].table.rows
    assert 1 <= len(rows) <= 3 and "open-weights models only" in reply.sections[0].text
    # the makers' own catalog files say DeepSeek-V3.2's weights are open (DeepSeek's API listing said closed)
    assert "DeepSeek-V3.2" in {r[1] for r in rows}
    assert "Claude Opus 4.5" not in {r[1] for r in rows} and "Gemini 3 Pro" not in {r[1] for r in rows}
    assert "Kimi-K2-Instruct" in {r[1] for r in evidence_ask("/top swe-bench-verified open 10").sections[0].table.rows}


def test_top_vendor_board_says_it_is_not_like_with_like(evidence_ask):
    reply = evidence_ask("/top swe-bench-verified vendor 5")
    assert {r[4].split(" by ")[0] for r in reply.sections[0].table.rows} == {"vendor claim"}
    assert any("not like with like" in f for f in reply.footnotes)


def test_model_shows_release_date_with_its_source(evidence_ask):
    reply = evidence_ask("/model gemini-3-pro")
    fields = {f.name: f.value for s in reply.sections for f in s.fields}
    assert fields["Released"] == "2025-11-18 (models.dev)"
    assert "Price" in fields and "Context" in fields
    table = next(s.table for s in reply.sections if s.table)
    assert table.rows[0][:3] == ("LiveBench", "effort high", "74.1") and table.rows[0][3] == "independent"


@pytest.mark.parametrize("line, expect", [
    ("/check", "needs a model"),
    ("/check gpt-9-ultra", "gpt-9-ultra"),
    ("/top", "needs a benchmark"),
    ("/top no-such-bench", "don't know a benchmark"),
    ("/top swe-bench-verified 500", "1 to 50"),
])
def test_bad_input(evidence_ask, line, expect):
    reply = evidence_ask(line)
    assert reply.is_error and expect in render_text(reply)


# Llama 4 Maverick, DeepSeek-R1 and -V3 and GPT-4o have no API entry shipped: their makers' own models.dev files
# (models/<org>/<id>.toml) date them
FRONTIER = ("claude-opus-4.5", "gemini-3-pro", "gpt-5.2", "kimi-k2.5", "kimi-k2-thinking", "qwen3-max-thinking",
            "claude-sonnet-4.5", "gpt-5", "gpt-5.1", "deepseek-v3.2", "kimi-k2-instruct", "llama-4-maverick",
            "deepseek-r1", "deepseek-v3", "gpt-4o-0513")


@pytest.mark.parametrize("model_id", FRONTIER)
def test_every_frontier_model_has_a_release_date_with_its_source(evidence_ask, model_id):
    fields = {f.name: f.value for s in evidence_ask(f"/model {model_id}").sections for f in s.fields}
    assert re.match(r"\d{4}-\d{2}-\d{2} \(.+\)", fields["Released"]), fields["Released"]
