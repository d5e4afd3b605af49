"""The default extractor meets the issue's accuracy targets on the labelled articles (bench/bench_extract_accuracy)."""
from __future__ import annotations

from bench.bench_extract_accuracy import TARGETS, build_record_store, evaluate


def test_default_extractor_meets_precision_and_recall_targets(tmp_path):
    store = build_record_store(tmp_path / "record.db")
    try:
        scores, misses = evaluate(store)
    finally:
        store.close()
    assert scores["claims"].expected >= 30 and scores["models"].expected >= 30
    for kind, (precision, recall) in TARGETS.items():
        s = scores[kind]
        assert s.precision >= precision, (kind, s, misses)
        if recall is not None:
            assert s.recall >= recall, (kind, s, misses)
