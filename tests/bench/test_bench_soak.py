"""A tiny soak run, so bench/bench_soak.py cannot rot: every phase runs, on loopback, in seconds."""
from __future__ import annotations

import pytest

from bench.bench_soak import parse_args, report, run_soak


@pytest.mark.timeout(120)
def test_a_tiny_soak_passes(capsys):
    args = parse_args(["--forged", "10", "--slow", "5", "--probes", "3", "--model", "4", "--concurrency", "2",
                       "--html-mb", "0.05", "--header-timeout", "1", "--runners", "20"])
    results = run_soak(args)
    assert report(results), capsys.readouterr().out
    assert results["forged"]["refused"] == 10 and results["forged"]["reached_core"] == 0
    assert results["slow"]["cut_by_deadline"] == 5
    assert results["sigterm"]["exit_code"] == 0 and results["sigterm"]["seconds"] < 10
    assert results["runners"] == {"messages": 20, "delivered": 20, "duplicates": 0, "missing": 0}
    assert results["leads"]["rejected"] == results["leads"]["hostile"] == 18
    out = capsys.readouterr().out
    assert "SIGTERM" in out and "/healthz" in out
