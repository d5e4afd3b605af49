"""Benchmark: a week with 5,000 new claims inside a 1,000,000-claim record, assembled and rendered.

Target (issue 3): assembling the digest (digest_reply_for: assemble, default
summary, store) and rendering it in all four formats takes <= 1 s (median).
The synthetic record comes from bench/synthetic.py (cached in the temp
folder); the week (2026-W05: 5,000 claims and 40 releases, plus earlier
independent figures so that moves and the watch list have work to do) is
added once and cached too. Run:
    .venv/bin/python -m bench.bench_digest [--claims 1000000 --week-claims 5000 -n 9]
"""
from __future__ import annotations

import argparse
import importlib
import json
import random
import shutil
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench.stats import summary, time_calls
from bench.synthetic import build
from bot.core.digest_reply import digest_reply_for
from bot.core.context import Services
from digests.assemble import assemble
from storage import Store

WEEK = "2026-W05"
MONDAY = date(2026, 1, 26)
RENDERERS = {"text": ("bot.render.text", "render_text"), "markdown": ("bot.render.markdown", "render_markdown"),
             "slack": ("bot.render.slack_blocks", "render_slack"),
             "discord": ("bot.render.discord_embeds", "render_discord")}


def add_week(path: Path, models: int, week_claims: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    store = Store.open(path)
    conn = store.db.conn
    conn.execute("BEGIN")
    rows, links = [], []
    for i in range(week_claims):
        day = (MONDAY + timedelta(days=rng.randrange(7))).isoformat()
        first_seen = day if i % 3 else f"{day}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00+00:00"
        subject = rng.randrange(models)
        if i % 10 == 9:
            other = rng.randrange(models)
            rows.append((f"w{i}", "comparison", f"model-{subject}", None, None, None, None, None,
                         json.dumps([f"model-{other}"]), "beats", "agentic tasks", "vendor_reported",
                         f"vendor-{subject % (models // 50)}", f"Model {subject} beats Model {other}",
                         f"src-{rng.randrange(1000)}", first_seen))
            links.append((f"w{i}", f"model-{other}", "compared"))
        else:
            value = round(rng.uniform(20, 99), 1)
            rows.append((f"w{i}", "benchmark_score", f"model-{subject}", f"bench-{rng.randrange(100)}", value,
                         str(value), "%", rng.choice(["", "with tools"]), "[]", None, None,
                         rng.choice(["vendor_reported", "vendor_reported", "independent"]),
                         f"vendor-{subject % (models // 50)}", f"Model {subject} | {value}",
                         f"src-{rng.randrange(1000)}", first_seen))
        links.append((f"w{i}", f"model-{subject}", "subject"))
    conn.executemany("""insert into claims (id, kind, subject_id, benchmark_id, value, value_text, unit, settings,
        compared_to, relation, scope, provenance, reported_by, quote, source_id, first_seen)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows)
    conn.executemany("insert or ignore into claim_models (claim_id, model_id, role) values (?, ?, ?)", links)
    conn.executemany("""insert into releases (id, model_id, vendor_id, date, title, source_id, first_seen)
        values (?, ?, ?, ?, ?, ?, ?)""",
                     [(f"rel-{i}", f"model-{m}", f"vendor-{m % (models // 50)}", (MONDAY + timedelta(days=i % 7)).isoformat(),
                       f"Model {m} release", f"src-{i}", (MONDAY + timedelta(days=i % 7)).isoformat())
                      for i, m in enumerate(rng.sample(range(models), 40))])
    conn.execute("COMMIT")
    store.db.execute("ANALYZE")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


def prepared(models: int, claims: int, week_claims: int) -> Path:
    cached = Path(tempfile.gettempdir()) / f"briefbot-digest-bench-{models}-{claims}-{week_claims}.db"
    if not cached.exists():
        tmp = cached.with_suffix(".building")
        build(tmp, models, claims)
        add_week(tmp, models, week_claims)
        tmp.rename(cached)
    path = Path(tempfile.mkdtemp()) / "bench.db"
    shutil.copy(cached, path)
    return path


def renderer(name: str):
    module, func = RENDERERS[name]
    try:
        return getattr(importlib.import_module(module), func)
    except ModuleNotFoundError:
        return None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", type=int, default=10_000)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--week-claims", type=int, default=5_000)
    parser.add_argument("-n", type=int, default=9)
    parser.add_argument("--index", action="store_true", help="create the watch-list index first (see the note)")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    path = prepared(args.models, args.claims, args.week_claims)
    print(f"(record ready in {time.perf_counter() - t0:.1f} s)")
    store = Store.open(path)
    if args.index:
        store.db.execute("CREATE INDEX IF NOT EXISTS claims_check ON claims(subject_id, kind, benchmark_id, provenance, first_seen)")
        store.db.execute("ANALYZE")
    services = Services.for_store(store)
    stats = store.stats()
    digest = assemble(store, WEEK)
    print(f"record: {stats.models} models, {stats.claims} claims; {WEEK}: {digest.claim_total} new claims about "
          f"{digest.claim_model_total} models, {digest.headline_total} releases, {digest.move_total} moves, "
          f"{digest.watch_total} claims to watch")
    renderers = {name: renderer(name) for name in RENDERERS}
    missing = [n for n, r in renderers.items() if r is None]
    if missing:
        print(f"renderers not in this build (not timed): {', '.join(missing)}")

    def once() -> None:
        reply = digest_reply_for(services, week=WEEK)
        for render in renderers.values():
            if render is not None:
                render(reply)

    print(summary("assemble only", time_calls(lambda: assemble(store, WEEK), args.n, warmup=1)))
    reply = digest_reply_for(services, week=WEEK)
    for name, render in renderers.items():
        if render is not None:
            out = render(reply)
            size = len(out) if isinstance(out, list) else 1
            print(summary(f"render {name} ({size} message{'s' if size != 1 else ''})",
                          time_calls(lambda: render(reply), args.n, warmup=1)))
    total = time_calls(once, args.n, warmup=1)
    print(summary("assemble + store + render all", total))
    median = statistics.median(total)
    print(f"target median <= 1000 ms: {'met' if median <= 1000 else 'MISSED'} ({median:.0f} ms)")
    store.close()


if __name__ == "__main__":
    main()
