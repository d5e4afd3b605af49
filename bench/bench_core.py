"""Benchmark: /compare (2 and 4 models) and /model through the command core on a big record.

Target (issue 2): p99 <= 20 ms each, and within 3x of the bare SQL queries the
command needs. "Bare SQL" is measured honestly: the statements each command
executes are captured with SQLite's trace callback and re-run on their own
(fetchall, no Python answer building), on the same inputs. Run:
    .venv/bin/python -m bench.bench_core [--models 10000 --claims 1000000]
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
from pathlib import Path

from bench.stats import percentile, summary, time_calls
from bench.synthetic import build
from bot.core.answer import answer
from bot.core.context import Services
from storage import Store


def traced_sql(services: Services, text: str) -> list[str]:
    """The exact SQL statements (parameters inlined) that answering `text` executes, CTEs included."""
    statements: list[str] = []
    conn = services.store.db.conn
    conn.set_trace_callback(statements.append)
    try:
        answer(services, text)
    finally:
        conn.set_trace_callback(None)
    return [s for s in statements if s.lstrip().lower().startswith(("select", "with", "pragma data_version"))]


def run_bare(store: Store, statements: list[str]) -> None:
    for sql in statements:
        store.db.conn.execute(sql).fetchall()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", type=int, default=10_000)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("-n", type=int, default=300)
    args = parser.parse_args(argv)
    path = Path(tempfile.mkdtemp()) / "bench.db"
    build(path, args.models, args.claims)
    store = Store.open(path)
    services = Services.for_store(store)
    rng = random.Random(1)
    print(f"record: {store.stats().models} models, {store.stats().claims} claims")

    def pick(k: int) -> list[str]:
        return [f"model-{i}" for i in rng.sample(range(args.models), k)]

    results = {}
    for label, k, command in (("/compare (2 models)", 2, "compare"), ("/compare (4 models)", 4, "compare"),
                              ("/model", 1, "model")):
        # The same inputs for both timings: the command through the core, and the bare SQL it ran.
        lines = [f"/{command} " + " ".join(pick(k)) for _ in range(args.n)]
        plans = [traced_sql(services, line) for line in lines]
        it = iter(lines)
        core_ms = time_calls(lambda: answer(services, next(it)), args.n, warmup=0)
        plan_it = iter(plans)
        sql_ms = time_calls(lambda: run_bare(store, next(plan_it)), args.n, warmup=0)
        print(f"{label}: {statistics.median(len(p) for p in plans):.0f} SQL statements per command (median)")
        reply = answer(services, f"/{command} " + " ".join(pick(k)))
        assert not reply.is_error, reply
        print(summary(label + " via core", core_ms))
        print(summary(label + " bare SQL", sql_ms))
        ratio = statistics.median(core_ms) / statistics.median(sql_ms)
        p99 = percentile(core_ms, 99)
        results[label] = (p99, ratio)
        print(f"{'':<34} ratio core/SQL (medians) {ratio:.2f}x   target p99 <= 20 ms: "
              f"{'met' if p99 <= 20 else 'MISSED'}; ratio <= 3x: {'met' if ratio <= 3 else 'MISSED'}\n")
    store.close()


if __name__ == "__main__":
    main()
