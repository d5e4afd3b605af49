"""Every bench/ script runs here at a tiny size, so none can rot; timings are not asserted (a shared,
noisy machine), only that each script runs end to end and prints its figures."""
from __future__ import annotations

import pytest


def test_bench_core_tiny(capsys):
    from bench.bench_core import main
    main(["--models", "60", "--claims", "600", "-n", "5"])
    out = capsys.readouterr().out
    assert "/compare" in out and "p99" in out


def test_bench_digest_tiny(capsys):
    from bench.bench_digest import main
    main(["--models", "60", "--claims", "600", "--week-claims", "50", "-n", "2"])
    assert "ms" in capsys.readouterr().out


def test_bench_ingest_tiny(capsys):
    from bench.bench_ingest import main, run
    r = run(20, 2)
    assert r["items"] == 20 and r["failed"] == 0 and r["repoll_304"] == 2 and r["repoll_parsed"] == 0
    main(["--items", "20", "--feeds", "2"])  # the exit code is the rate target, which a tiny run cannot show
    assert "items/s" in capsys.readouterr().out


def test_bench_slack_tiny(capsys):
    from bench.bench_slack import main
    assert main(["--requests", "4", "--concurrency", "2"]) == 0
    assert "p99" in capsys.readouterr().out


def test_bench_startup_tiny(capsys):
    from bench.bench_startup import main
    assert main(["--rounds", "1"]) == 0
    out = capsys.readouterr().out
    assert "python -c pass" in out and "difference (paired)" in out
