"""/check, /top and the /compare and /model additions, against the seeded record (snapshots included)."""
from __future__ import annotations

import re

import pytest

from bot.render.text import render_text

from ..ingest.evidence_support import need_all_snapshots


@pytest.fixture(autouse=True)
def _snapshots():
    need_all_snapshots()


def test_compare_shows_dates_prices_and_an_independent_figure(evidence_ask):
    reply = evidence_ask("/compare claude-opus-4.5 gpt-5.2")
    assert not reply.is_error, render_text(reply)
    overview = {f.name: f.value for s in reply.sections for f in s.fields}
    for name, date in (("Claude Opus 4.5", "2025-11-24"), ("GPT-5.2", "2025-12-11")):
        assert f"Released: {date} (models.dev)" in overview[name]
        assert re.search(r"Price: \$[\d.]+ in / \$[\d.]+ out per 1M tokens \(models\.dev\)", overview[name])
        assert "Context: " in overview[name] and "Weights: closed" in overview[name]
    table = next(s.table for s in reply.sections if s.table)
    assert any("(indep.)" in cell for row in table.rows for cell in row)
    assert ": independent" in render_text(reply)     # the source reference says whose figure it is


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


def test_top_swe_bench_verified_is_sorted_with_provenance_and_source(evidence_ask):
    reply = evidence_ask("/top swe-bench-verified")
    table = reply.sections[0].table
    values = [float(r[2]) for r in table.rows]
    assert values == sorted(values, reverse=True) and len(values) == 10
    assert table.rows[0][1] == "Claude Opus 4.5"
    assert {r[4] for r in table.rows} == {"independent"} and all(r[5].startswith("SWE-bench") for r in table.rows)
    assert "bash-only" in reply.sections[0].text and any("submitted systems" in f for f in reply.footnotes)


def test_top_open_weights_and_count(evidence_ask):
    reply = evidence_ask("/top swe-bench-verified open 3")
    rows = reply.sections[0].table.rows
    assert len(rows) == 3 and "open-weights models only" in reply.sections[0].text
    assert "Claude Opus 4.5" not in {r[1] for r in rows}


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
    assert {"independent", "crowd-sourced"} <= {r[3] for r in table.rows}


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


FRONTIER = ("claude-opus-4.5", "gemini-3-pro", "gpt-5.2", "kimi-k2.5", "kimi-k2-thinking", "qwen3-max-thinking",
            "claude-sonnet-4.5", "gpt-5", "gpt-5.1", "deepseek-v3.2", "kimi-k2-instruct", "llama-4-maverick")


@pytest.mark.parametrize("model_id", FRONTIER)
def test_every_frontier_model_has_a_release_date_with_its_source(evidence_ask, model_id):
    fields = {f.name: f.value for s in evidence_ask(f"/model {model_id}").sections for f in s.fields}
    assert re.match(r"\d{4}-\d{2}-\d{2} \(.+\)", fields["Released"]), fields["Released"]
