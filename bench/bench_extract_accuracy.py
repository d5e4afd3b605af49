"""Precision and recall of the default (rules) extractor on the labelled articles in tests/data/articles/.

Run: .venv/bin/python -m bench.bench_extract_accuracy
Mentions are scored as sets of (article, id); releases as (article, model);
claims as (article, kind, subject, benchmark, figure, relation, compared,
provenance): a claim with the wrong provenance counts as wrong. Targets (issue
7): precision >= 0.9 and recall >= 0.8 on model and vendor mentions, precision
>= 0.8 on claims; tests/test_ingest_accuracy.py asserts them.
"""
from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from ingest.articles import Article, prepare_article, read_article
from ingest.extract import RuleExtractor
from ingest.extract.gazetteer import Gazetteer
from storage import Benchmark, Model, Source, Store, Vendor

ARTICLES = Path(__file__).resolve().parent.parent / "tests" / "data" / "articles"
TARGETS = {"models": (0.9, 0.8), "vendors": (0.9, 0.8), "claims": (0.8, None)}


def build_record_store(path: str | Path, record_file: Path = ARTICLES / "record.yaml") -> Store:
    """A store holding the small record the labels assume (also used by the ingest tests and bench)."""
    data = yaml.safe_load(record_file.read_text(encoding="utf-8"))
    store = Store.open(path)
    src = Source(id="src-test-record", url="https://example.com/test-record", title="test record")
    store.upsert_many([src, *(Vendor(id=v["id"], name=v["name"], aliases=tuple(v.get("aliases", ())),
                                     homepage=v.get("homepage")) for v in data["vendors"]),
                       *(Benchmark(id=b["id"], name=b["name"], aliases=tuple(b.get("aliases", ())))
                         for b in data["benchmarks"]),
                       *(Model(id=m["id"], vendor_id=m["vendor"], name=m["name"], aliases=tuple(m.get("aliases", ())),
                               source_id=src.id) for m in data["models"])])
    return store


@dataclass(frozen=True)
class Score:
    tp: int
    predicted: int
    expected: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.expected if self.expected else 1.0


def _score(pred: set, gold: set) -> Score:
    return Score(len(pred & gold), len(pred), len(gold))


def _claim_key(name: str, kind, subject, bench, value, relation, compared, provenance) -> tuple:
    return (name, kind, subject, bench, value, relation, tuple(sorted(compared or ())), provenance)


def evaluate(store: Store, labels_file: Path = ARTICLES / "labels.yaml") -> tuple[dict[str, Score], list[str]]:
    labels = yaml.safe_load(labels_file.read_text(encoding="utf-8"))
    extractor = RuleExtractor(Gazetteer.from_store(store))
    pred: dict[str, set] = {k: set() for k in ("models", "vendors", "releases", "claims")}
    gold: dict[str, set] = {k: set() for k in pred}
    for label in labels:
        name = label["file"]
        read = read_article(str(ARTICLES / name))
        article = Article(label["url"], read.title, read.text, read.published)
        plan, extraction = prepare_article(store, article, extractor, "2026-01-01T00:00:00Z")
        for m in extraction.mentions:
            if m.kind in ("model", "vendor"):
                pred[m.kind + "s"].add((name, m.id))
        for r in extraction.releases:
            pred["releases"].add((name, r.model.model_id or r.model.text))
        for c in extraction.claims:
            pred["claims"].add(_claim_key(name, c.kind, c.subject.model_id or c.subject.text, c.benchmark_id,
                                          c.value_text, c.relation, [m.model_id or m.text for m in c.compared_to],
                                          c.provenance))
        gold["models"] |= {(name, m) for m in label.get("models") or []}
        gold["vendors"] |= {(name, v) for v in label.get("vendors") or []}
        gold["releases"] |= {(name, r) for r in label.get("releases") or []}
        for c in label.get("claims") or []:
            gold["claims"].add(_claim_key(name, c["kind"], c["subject"], c.get("benchmark"), c.get("value"),
                                          c.get("relation"), c.get("compared"), c["provenance"]))
    scores = {k: _score(pred[k], gold[k]) for k in pred}
    misses = [f"missed {k}: {x}" for k in pred for x in sorted(gold[k] - pred[k], key=str)]
    misses += [f"wrong {k}: {x}" for k in pred for x in sorted(pred[k] - gold[k], key=str)]
    return scores, misses


def main(argv: list[str] | None = None) -> int:
    verbose = "-v" in (argv or sys.argv[1:])
    with tempfile.TemporaryDirectory() as tmp:
        store = build_record_store(Path(tmp) / "record.db")
        scores, misses = evaluate(store)
        store.close()
    n = len(yaml.safe_load((ARTICLES / "labels.yaml").read_text(encoding="utf-8")))
    print(f"default extractor on {n} labelled articles (tests/data/articles)")
    ok = True
    for kind, s in scores.items():
        target = TARGETS.get(kind)
        flag = ""
        if target:
            good = s.precision >= target[0] and (target[1] is None or s.recall >= target[1])
            ok &= good
            flag = "  target P>=%.1f%s: %s" % (target[0], f" R>={target[1]}" if target[1] else "",
                                              "met" if good else "MISSED")
        print(f"{kind:<9} precision {s.precision:5.3f}  recall {s.recall:5.3f}  "
              f"(tp {s.tp}, predicted {s.predicted}, expected {s.expected}){flag}")
    if verbose:
        print("\n".join(misses))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
