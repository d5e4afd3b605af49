"""The digest's "Vendors disagree": only disagreements that a claim of the digest's week brought about."""
from __future__ import annotations

from digests.evidence_section import disagreements
from storage import Benchmark, Claim, Model, Source, Store, Vendor


def score(id_, value, reported_by, first_seen, benchmark="imo-answerbench", subject="m1"):
    return Claim(id=id_, kind="benchmark_score", subject_id=subject, provenance="vendor_reported",
                 quote=f"x | y | {value}", source_id=f"card-{reported_by}", first_seen=first_seen,
                 benchmark_id=benchmark, value=value, value_text=str(value), unit="%", reported_by=reported_by)


def test_a_disagreement_is_news_in_the_week_its_second_figure_arrives_only():
    s = Store.open(":memory:")
    s.upsert_many([Vendor("a", "A"), Vendor("b", "B"), Vendor("c", "C"),
                   Source("card-a", "https://a.example"), Source("card-b", "https://b.example"),
                   Model("m1", "c", "Model One"),
                   Benchmark("imo-answerbench", "IMO-AnswerBench", unit="%"), Benchmark("mmlu", "MMLU", unit="%"),
                   score("a1", 84.0, "a", "2026-01-05T10:00:00Z"),
                   score("b1", 78.5, "b", "2026-01-19T10:00:00Z"),
                   score("b2", 90.0, "b", "2026-02-02T10:00:00Z", benchmark="mmlu")])
    week_of_b1, _ = disagreements(s, "2026-01-19", "2026-01-26")
    assert [(d.benchmark_id, d.spread) for d in week_of_b1] == [("imo-answerbench", 5.5)]
    assert disagreements(s, "2026-01-26", "2026-02-02") == ((), 0)       # nothing new that week
    assert disagreements(s, "2026-02-02", "2026-02-09") == ((), 0)       # new claims, but no new disagreement
    s.close()
