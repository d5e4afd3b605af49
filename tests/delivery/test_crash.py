"""Crash test: SIGKILL the real bot (a subprocess) during a burst of 50 digest deliveries, restart,
and count every key in the local sink file: each exactly once, nothing lost, nothing doubled.

How it can fail: a message written to the sink while its outbox row is in flight, then a kill,
leaves a row that a naive restart sends again. Only the find_sent check (the sink file playing
the platform's history) prevents that duplicate; test_without_find_sent_the_same_crash_duplicates
switches it off and shows the counts catch it. A loss would show as a missing key (e.g. if rows
were marked sent before the write). The harness lives in bench/bench_crash.py (more rounds there).
"""
from __future__ import annotations

import random

import pytest

from bench.bench_crash import build_template, crash_round

ROUNDS = 20


@pytest.fixture(scope="module")
def template(tmp_path_factory, seeded_db_template):
    """50 due daily digests, built once through the real digest path and enqueued."""
    path = tmp_path_factory.mktemp("crash") / "template.db"
    return path, build_template(path, enqueued=True, base=seeded_db_template)


@pytest.mark.timeout(120)
def test_sigkill_during_the_burst_never_loses_or_doubles_a_message(template, tmp_path):
    path, expected = template
    assert len(expected) == 50
    rng = random.Random(20260330)
    kills, landed_at_kill = 0, []
    for i in range(ROUNDS):
        result = crash_round(path, tmp_path / f"round{i}", expected, rng, kills=2 if i % 4 == 3 else 1, delay=0.005)
        kills += result.kills
        landed_at_kill += result.delivered_at_kill
        assert result.missing(expected) == [], f"round {i}: lost {result.missing(expected)}"
        assert result.duplicates() == {}, f"round {i}: duplicated {result.duplicates()}"
        assert sorted(result.counts) == sorted(expected)
        assert result.outbox["sent"] == 50 and result.outbox["pending"] == result.outbox["in_flight"] == 0
    # the kills really happened during the burst, not only before or after it
    assert kills >= ROUNDS
    assert any(0 < n < 50 for n in landed_at_kill), landed_at_kill
    print(f"crash test: {ROUNDS} rounds, {kills} SIGKILLs, landed at kill {sorted(landed_at_kill)}")


@pytest.mark.timeout(60)
def test_kill_while_the_digests_are_built_and_enqueued(tmp_path, seeded_db_template):
    """The subprocess builds the digests itself (slow: the digest path imports openai); a kill
    lands during the build or the enqueueing; the restart finishes the job once."""
    path = tmp_path / "raw.db"
    expected = build_template(path, n=50, base=seeded_db_template)
    result = crash_round(path, tmp_path / "round", expected, random.Random(7), kills=1, delay=0.005, threshold=0)
    assert result.missing(expected) == [] and result.duplicates() == {}
    assert result.outbox["sent"] == 50


@pytest.mark.timeout(60)
def test_without_find_sent_the_same_crash_duplicates(tmp_path, seeded_db_template):
    """Negative control: the kill lands right after a write (inside the sink's post-write latency),
    the row is still in flight; with find_sent disabled the restart sends it again."""
    path = tmp_path / "small.db"
    expected = build_template(path, n=5, enqueued=True, base=seeded_db_template)
    result = crash_round(path, tmp_path / "round", expected, random.Random(1), kills=1, delay=0.2,
                         find_sent=False, threshold=2)
    assert result.delivered_at_kill and result.delivered_at_kill[0] >= 2
    assert result.missing(expected) == []
    assert sum(result.duplicates().values()) >= 1, result.counts   # the test notices a duplicate
    # and with find_sent on, the very same crash is clean
    clean = crash_round(path, tmp_path / "clean", expected, random.Random(1), kills=1, delay=0.2, threshold=2)
    assert clean.duplicates() == {} and clean.missing(expected) == []


def test_the_real_cli_runs_once_and_delivers(tmp_path, seeded_db_template):
    path = tmp_path / "cli.db"
    expected = build_template(path, n=3, enqueued=True, base=seeded_db_template)
    result = crash_round(path, tmp_path / "round", expected, random.Random(3), kills=0)
    assert sorted(result.counts) == sorted(expected) and result.duplicates() == {}
