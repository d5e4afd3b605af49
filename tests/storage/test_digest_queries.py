"""The record lookups a weekly digest makes on a large record: same answers as the plain definition, from an index.

`best_scores_before_by_settings` walks index claims_settings_best instead of ranking a benchmark's whole history;
`claims(model_benchmarks=…)` reads index claims_model_benchmark instead of each model's whole record. Both are
checked here against a brute-force reading of a small random record (ties, NULL and empty settings, disputed,
retracted and unreviewed figures, the date boundary), and their query plans must name the index.
"""
from __future__ import annotations

import random

import pytest

from storage import Benchmark, Claim, Model, Source, Store, Vendor
from storage.migrations import record
from storage.store import open_database

SETTINGS = (None, "", "thinking", "with tools", "Thinking", "8k")
PROVENANCE = ("vendor_reported", "vendor_reported", "independent", "crowd", "disputed", "retracted")


@pytest.fixture
def rich(tmp_path):
    """Two benchmarks, five models, 400 claims with many equal values and dates."""
    rng = random.Random(5)
    store = Store.open(tmp_path / "r.db")
    rows = [Vendor("v", "V"), Source("s", "https://example.org"), Benchmark("b1", "B1"),
            Benchmark("b2", "B2", higher_is_better=False)]
    rows += [Model(f"m{i}", "v", f"M{i}") for i in range(5)]
    for i in range(400):
        kind = "benchmark_score" if i % 8 else "comparison"
        rows.append(Claim(f"c{i:03d}", kind, f"m{rng.randrange(5)}", rng.choice(PROVENANCE), "q", "s",
                          f"2026-01-{rng.randrange(1, 29):02d}", benchmark_id=rng.choice(("b1", "b2", None)),
                          value=rng.choice((None, 1.0, 2.0, 3.0, 4.0, 5.0)), settings=rng.choice(SETTINGS),
                          reviewed=rng.random() > 0.1))
    store.upsert_many(rows)
    yield store
    store.close()


def _all(store: Store) -> list[Claim]:
    return store.claims(include_unreviewed=True, limit=None, order="id")


def _plain_best(claims: list[Claim], bench: str, before: str, higher: bool) -> dict[str, str]:
    """The definition: per settings text (no settings = empty), the best qualifying figure (ties: earliest, id)."""
    best: dict[str, Claim] = {}
    for c in claims:
        if (c.benchmark_id == bench and c.kind == "benchmark_score" and c.first_seen < before and c.reviewed
                and c.value is not None and c.provenance not in ("retracted", "disputed")):
            key, rank = c.settings or "", ((-c.value if higher else c.value), c.first_seen, c.id)
            held = best.get(key)
            if held is None or rank < ((-held.value if higher else held.value), held.first_seen, held.id):
                best[key] = c
    return {k: c.id for k, c in best.items()}


@pytest.mark.parametrize("bench,higher", [("b1", True), ("b2", False), ("b1", False), ("none", True)])
@pytest.mark.parametrize("before", ["2026-01-01", "2026-01-10", "2026-01-15T12:00:00+00:00", "2026-02-01"])
def test_best_scores_before_by_settings_is_the_best_per_settings_text(rich, bench, higher, before):
    found = rich.best_scores_before_by_settings(bench, before, higher)
    assert {c.settings or "": c.id for c in found} == _plain_best(_all(rich), bench, before, higher)
    assert len(found) == len({c.settings or "" for c in found})


def test_claims_of_model_benchmark_pairs(rich):
    pairs = [("m1", "b1"), ("m3", "b2"), ("m4", "b1"), ("nobody", "b1")]
    found = rich.claims(model_benchmarks=pairs, kinds=("benchmark_score",), provenance=("vendor_reported",),
                        limit=None, order="id")
    assert [c.id for c in found] == [c.id for c in _all(rich) if (c.subject_id, c.benchmark_id) in pairs
                                      and c.kind == "benchmark_score" and c.provenance == "vendor_reported"
                                      and c.reviewed]
    assert found and rich.claims(model_benchmarks=[], limit=None) == []


def _plans(store: Store, call) -> str:
    """EXPLAIN QUERY PLAN of every statement `call` runs (as traced, parameters inlined)."""
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        store.db.conn.set_trace_callback(None)
    return "\n".join(r[-1] for sql in statements if sql.lstrip().lower().startswith(("select", "with"))
                     for r in store.db.execute("explain query plan " + sql).fetchall())


def test_digest_lookups_read_their_indexes(rich):
    plan = _plans(rich, lambda: rich.best_scores_before_by_settings("b1", "2026-01-15", True))
    assert "claims_settings_best" in plan and "SCAN claims" not in plan, plan
    plan = _plans(rich, lambda: rich.claims(model_benchmarks=[("m1", "b1")], kinds=("benchmark_score",),
                                            provenance=("independent", "crowd"), limit=None))
    assert "claims_model_benchmark" in plan and "SCAN claims" not in plan, plan


def test_a_database_from_before_the_digest_indexes_gains_them(tmp_path):
    db = open_database(tmp_path / "old.db")
    record.apply(db, stop_before="m003_digest_indexes")
    db.conn.close()
    store = Store.open(tmp_path / "old.db")
    try:
        names = {r[0] for r in store.db.execute("select name from sqlite_master where type = 'index'").fetchall()}
        assert {"claims_settings_best", "claims_model_benchmark"} <= names
    finally:
        store.close()
