"""The evidence benchmark script runs end to end on a tiny record (its numbers are for bench runs only)."""
from __future__ import annotations

from ..ingest.evidence_support import present_sources


def test_bench_evidence_tiny(capsys):
    present_sources()
    from bench.bench_evidence import main
    out = main(["--models", "60", "--claims", "3000", "-n", "3"])
    printed = capsys.readouterr().out
    assert out["rows_per_s"] > 0 and "/check claude-opus-4.5 via core" in printed and "0 rows changed" in printed
    assert set(out) >= {"/check claude-opus-4.5", "/top swe-bench-verified", "/top bench-3"}
