"""Benchmark: syncing the five evidence snapshots into a large record, then /check and /top through the core.

Targets (issue 11): /check and /top p99 <= 20 ms and within 3x of the bare SQL they run (captured with
SQLite's trace callback and re-run alone, as in bench_core). The record is the synthetic one of bench_core
(10,000 models, 1,000,000 claims) plus the curated seeds; the snapshots must be present (see seeds/README.md).
    .venv/bin/python -m bench.bench_evidence [--models 10000 --claims 1000000 -n 200]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bench.bench_core import run_bare
from bench.stats import percentile, summary, time_calls
from bench.synthetic import build
from bot.core.answer import answer
from bot.core.context import Services
from ingest.seed_files import load_seeds
from bench.bench_core import traced_sql
from ingest.sources.sync import sync_snapshots
from storage import Store



def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", type=int, default=10_000)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("-n", type=int, default=200)
    args = parser.parse_args(argv)
    path = Path(tempfile.mkdtemp()) / "bench.db"
    build(path, args.models, args.claims)
    store = Store.open(path)
    load_seeds(store, snapshots=False)
    t0 = time.perf_counter()
    results = sync_snapshots(store)
    seconds = time.perf_counter() - t0
    rows = sum(r.rows for r in results)
    for r in results:
        print(r.line())
    print(f"sync: {rows} rows in {seconds:.2f} s = {rows / seconds:,.0f} rows/s "
          f"(record: {store.stats().models} models, {store.stats().claims} claims)")
    t0 = time.perf_counter()
    again = sync_snapshots(store)
    print(f"second sync of the same snapshots: {time.perf_counter() - t0:.2f} s, "
          f"{sum(r.changed for r in again)} rows changed")
    services = Services.for_store(store)
    out = {"rows_per_s": rows / seconds}
    for line in ("/check claude-opus-4.5", "/top swe-bench-verified", "/top livebench coding", "/check model-17",
                 "/top bench-3"):
        reply = answer(services, line)
        assert not reply.is_error, (line, reply)
        plan = traced_sql(services, line)
        core_ms = time_calls(lambda: answer(services, line), args.n)
        sql_ms = time_calls(lambda: run_bare(store, plan), args.n)
        ratio = statistics.median(core_ms) / statistics.median(sql_ms)
        p99 = percentile(core_ms, 99)
        out[line] = (p99, ratio)
        print(summary(line + " via core", core_ms))
        print(summary(line + " bare SQL", sql_ms))
        print(f"{'':<34} {len(plan)} statements; ratio core/SQL (medians) {ratio:.2f}x   target p99 <= 20 ms: "
              f"{'met' if p99 <= 20 else 'MISSED'}; ratio <= 3x: {'met' if ratio <= 3 else 'MISSED'}\n")
    store.close()
    return out


if __name__ == "__main__":
    main()
