"""A synthetic record for benchmarks: many vendors, models, benchmarks and claims.

Built with bulk SQL (not the per-row upsert path) and cached by size in the temp
folder, because building a million claims takes a while and is not what is
being measured.
"""
from __future__ import annotations

import json
import random
import shutil
import tempfile
import time
from pathlib import Path

from storage import Store


def build(path: Path, models: int = 10_000, claims: int = 1_000_000, seed: int = 7) -> Path:
    cached = Path(tempfile.gettempdir()) / f"briefbot-synthetic-{models}-{claims}-{seed}.db"
    if not cached.exists():
        t0 = time.perf_counter()
        tmp = cached.with_suffix(".building")
        for suffix in ("", "-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        _build(tmp, models, claims, seed)
        tmp.rename(cached)
        print(f"(built synthetic record in {time.perf_counter() - t0:.0f} s, cached at {cached})")
    shutil.copy(cached, path)
    return path


def _build(path: Path, n_models: int, n_claims: int, seed: int) -> None:
    rng = random.Random(seed)
    store = Store.open(path)
    db = store.db
    conn = db.conn
    n_vendors, n_bench, n_sources = max(10, n_models // 50), 100, 1000
    conn.execute("BEGIN")
    conn.executemany("insert into vendors (id, name, aliases) values (?, ?, '[]')",
                     [(f"vendor-{i}", f"Vendor {i}") for i in range(n_vendors)])
    conn.executemany("insert into sources (id, url, publisher, kind) values (?, ?, ?, 'vendor_blog')",
                     [(f"src-{i}", f"https://example.org/post/{i}", f"Vendor {i % n_vendors}") for i in range(n_sources)])
    conn.executemany("insert into benchmarks (id, name, aliases, higher_is_better, unit) values (?, ?, '[]', 1, '%')",
                     [(f"bench-{i}", f"Bench {i}") for i in range(n_bench)])
    conn.executemany("""insert into models (id, vendor_id, name, family, aliases, release_date, status)
        values (?, ?, ?, ?, ?, ?, 'released')""",
                     [(f"model-{i}", f"vendor-{i % n_vendors}", f"Model {i}", f"family-{i // 5}",
                       json.dumps([f"m{i}"]), f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(n_models)])
    conn.execute("COMMIT")
    per_model = n_claims // n_models
    batch = []
    for i in range(n_claims):
        subject = i // per_model if i // per_model < n_models else rng.randrange(n_models)
        day = f"2025-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
        if i % 10 == 9:
            other = rng.randrange(n_models)
            batch.append((f"c{i}", "comparison", f"model-{subject}", None, None, None, None, None,
                          json.dumps([f"model-{other}"]), rng.choice(["beats", "matches", "trails"]), "agentic tasks",
                          "vendor_reported", f"vendor-{subject % n_vendors}",
                          f"Model {subject} is comparable to Model {other}", f"src-{rng.randrange(n_sources)}", day))
        else:
            value = round(rng.uniform(20, 95), 1)
            batch.append((f"c{i}", "benchmark_score", f"model-{subject}", f"bench-{rng.randrange(n_bench)}", value,
                          str(value), "%", rng.choice(["", "", "with tools", "thinking"]), "[]", None, None,
                          rng.choice(["vendor_reported", "vendor_reported", "independent"]),
                          f"vendor-{subject % n_vendors}", f"Model {subject} | score | {value}",
                          f"src-{rng.randrange(n_sources)}", day))
        if len(batch) >= 50_000:
            _flush(conn, batch)
            batch = []
    if batch:
        _flush(conn, batch)
    db.execute("ANALYZE")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


def _flush(conn, batch) -> None:
    conn.execute("BEGIN")
    conn.executemany("""insert into claims (id, kind, subject_id, benchmark_id, value, value_text, unit, settings,
        compared_to, relation, scope, provenance, reported_by, quote, source_id, first_seen)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch)
    links = [(row[0], row[2], "subject") for row in batch]
    links += [(row[0], json.loads(row[8])[0], "compared") for row in batch if row[1] == "comparison"]
    conn.executemany("insert or ignore into claim_models (claim_id, model_id, role) values (?, ?, ?)", links)
    conn.execute("COMMIT")
