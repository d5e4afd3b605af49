"""Reconciliation rules on a small hand-made record: verdicts, comparability, disagreements, boards."""
from __future__ import annotations

import pytest

from storage import Benchmark, Claim, Model, Source, Store, Vendor
from storage.reconcile import axes, conflicts, ledger, top, vendor_disagreements, verdict
from storage.evidence_store import Fact, put_facts

BENCH = Benchmark("swe-bench-verified", "SWE-bench Verified", unit="%")


def claim(id_, value, provenance="vendor_reported", settings=None, reported_by="acme", scope=None, subject="m1",
          source="card", benchmark="swe-bench-verified"):
    return Claim(id=id_, kind="benchmark_score", subject_id=subject, provenance=provenance, quote=f"x | y | {value}",
                 source_id=source, first_seen="2026-01-01", benchmark_id=benchmark, value=value, value_text=str(value),
                 unit="%", settings=settings, scope=scope, reported_by=reported_by if provenance == "vendor_reported" else None)


@pytest.fixture
def record():
    s = Store.open(":memory:")
    s.upsert_many([Source("card", "https://acme.example/card"), Source("rival", "https://rival.example/card"),
                   Source("swe-bench@2025-12-10@abc", "https://example.org/lb.json", publisher="SWE-bench"),
                   Vendor("acme", "Acme"), Vendor("rival", "Rival"),
                   Model("m1", "acme", "Model One", source_id="card", open_weights=True),
                   Model("m2", "rival", "Model Two", source_id="rival"),
                   BENCH, Benchmark("gpqa", "GPQA", unit="%"), Benchmark("gpqa-diamond", "GPQA-Diamond", unit="%")])
    yield s
    s.close()


def ind(id_, value, settings="mini-SWE-agent bash-only, 1 attempt", subject="m1", scope="overall"):
    return claim(id_, value, "independent", settings, subject=subject, scope=scope, source="swe-bench@2025-12-10@abc")


@pytest.mark.parametrize("vendor_value, independent, kind, delta", [
    (80.9, [74.4], "lower", -6.5),
    (74.0, [74.4], "agrees", 0.4),
    (70.0, [74.4, 72.0], "higher", 4.4),          # the best comparable figure is the counterpart
    (76.4, [74.4], "agrees", -2.0),               # the tolerance is inclusive
])
def test_verdicts(vendor_value, independent, kind, delta):
    v = claim("v", vendor_value)
    counterpart, result, _ = verdict(v, [ind(f"i{n}", x) for n, x in enumerate(independent)], BENCH)
    assert result.kind == kind and result.delta == pytest.approx(delta)
    assert counterpart.value == max(independent)
    assert ("agrees" in result.text()) == (kind == "agrees")


@pytest.mark.parametrize("independent, why", [
    (ind("i", 60.0, settings="submitted system: SomeAgent + m1"), "submitted systems"),
    (ind("i", 60.0, scope="task django"), "parts of the benchmark"),
    (ind("i", 60.0, settings="without tools"), "tools"),
])
def test_not_comparable_says_why(independent, why):
    v = claim("v", 80.0, settings="with tools")
    counterpart, result, _ = verdict(v, [independent], BENCH)
    assert result.kind == "not_comparable" and why in result.why and counterpart is independent


def test_nothing_independent_is_unchecked():
    _, result, _ = verdict(claim("v", 80.0), [], BENCH)
    assert result.kind == "unchecked" and result.text() == "nothing independent yet"


def test_axes_and_conflicts():
    assert axes("xhigh reasoning effort; with tools; text-only subset") == {"tools": True, "thinking": True,
                                                                            "subset": "text-only"}
    assert conflicts("no thinking", "thinking, budget 64k") == ["thinking"]
    assert conflicts(None, "with tools") == []


def test_ledger_pairs_claims_flags_disagreements_and_lists_the_rest(record):
    record.upsert_many([claim("acme/swe", 80.9), claim("rival/swe", 78.0, reported_by="rival", source="rival"),
                        claim("acme/gpqa", 87.0, benchmark="gpqa"), ind("ind/swe", 74.4),
                        claim("ind/gpqa-d", 86.0, "independent", scope="overall", source="swe-bench@2025-12-10@abc",
                              benchmark="gpqa-diamond")])
    book = ledger(record, "m1")
    by_id = {e.claim.id: e for e in book.entries}
    assert by_id["acme/swe"].verdict.kind == "lower" and by_id["acme/swe"].counterpart.id == "ind/swe"
    # "GPQA" is merged with GPQA-Diamond (BENCHMARK_MERGES): the Diamond figure checks it
    assert by_id["acme/gpqa"].verdict.kind == "agrees" and by_id["acme/gpqa"].counterpart.id == "ind/gpqa-d"
    assert [(d.benchmark_id, d.spread) for d in book.disagreements] == [("swe-bench-verified", pytest.approx(2.9))]


def test_vendors_sharing_a_figure_under_tools_do_not_disagree(record):
    record.upsert_many([
        claim("a/hle", 30.8, reported_by="acme", benchmark="swe-bench-verified"),
        claim("a/hle-t", 43.2, settings="with tools", reported_by="acme"),
        claim("b/hle", 30.8, settings="full set", reported_by="rival", source="rival"),
        claim("b/hle-t", 43.2, settings="with tools; full set", reported_by="rival", source="rival"),
        claim("a/m2", 35.5, settings="thinking", subject="m2"),
        claim("a/m2-t", 45.5, settings="thinking; with tools", subject="m2"),
        claim("b/m2", 34.5, settings="xhigh reasoning effort", reported_by="rival", source="rival", subject="m2"),
        claim("b/m2-t", 45.5, settings="with tools", reported_by="rival", source="rival", subject="m2"),
    ])
    found = vendor_disagreements(record)
    assert [(d.subject_id, sorted(c.value for c in d.claims)) for d in found] == [("m2", [34.5, 35.5])]


def test_top_keeps_boards_apart_and_filters_open_weights(record):
    record.upsert_many([ind("i1", 74.4), ind("i2", 70.0, subject="m2"),
                        ind("s1", 79.0, settings="submitted system: Agent + m1"),
                        claim("v1", 80.9), claim("v2", 81.0, subject="m2", reported_by="rival", source="rival")])
    result = top(record, "swe-bench-verified")
    assert result.board.label.endswith("bash-only") and [c.value for c in result.rows] == [74.4, 70.0]
    assert {b.label for b, _ in result.other_boards} >= {"swe-bench: overall, submitted systems"}
    vendor = top(record, "swe-bench-verified", provenance="vendor_reported")
    assert [c.id for c in vendor.rows] == ["v2", "v1"]
    assert [c.subject_id for c in top(record, "swe-bench-verified", open_only=True).rows] == ["m1"]
    # a catalog's open-weights fact counts when the record says nothing
    put_facts(record, [Fact("m2", "open_weights", True, "swe-bench@2025-12-10@abc", "2026-01-01")])
    assert {c.subject_id for c in top(record, "swe-bench-verified", open_only=True).rows} == {"m1", "m2"}
    assert top(record, "no-such-benchmark") is None


@pytest.mark.parametrize("text", ["without extended thinking; pass@1", "no extended thinking", "non-thinking",
                                  "thinking off"])
def test_extended_thinking_negations_read_as_no_thinking(text):
    # "without extended thinking" (Moonshot's wording for Claude) once read as thinking=True, pairing it
    # with a thinking variant's leaderboard figure
    assert axes(text)["thinking"] is False
    assert conflicts(text, "thinking, budget 64k") == ["thinking"]


def test_a_living_benchmark_is_not_compared_across_releases():
    livebench = Benchmark("livebench", "LiveBench", unit="%")
    v = claim("v", 74.8, settings="without extended thinking; pass@1", benchmark="livebench")
    task = ind("t", 98.0, settings="no thinking", scope="task tablereformat")
    overall = ind("o", 56.8, settings="no thinking")
    counterpart, result, _ = verdict(v, [task, overall], livebench)
    assert result.kind == "not_comparable" and "release" in result.why
    assert counterpart is overall          # the whole-benchmark figure is shown, not the best task


def test_top_counts_unreviewed_names_on_the_chosen_board_without_ranking_them(record):
    from dataclasses import replace
    record.upsert_many([Model("cand-m3", "acme", "m3 preview", source_id="card", reviewed=False),
                        ind("i1", 74.4), replace(ind("c1", 90.0, subject="cand-m3"), reviewed=False),
                        replace(ind("c2", 95.0, subject="cand-m3", settings="submitted system: Agent + m3"),
                                reviewed=False)])
    result = top(record, "swe-bench-verified")
    assert [c.subject_id for c in result.rows] == ["m1"]      # the candidate is not ranked...
    assert result.pending == 1                                 # ...but counted, on its own board only
