"""Ingest throughput: feed items per second through fetch + parse + extract + store, and the cost of a re-poll.

Run: .venv/bin/python -m bench.bench_ingest [--items 3000 --feeds 20]
A local HTTP server on 127.0.0.1 serves the feeds (nothing touches the
internet). The record is tests/data/articles/record.yaml plus 600 synthetic
models, so the gazetteer has a realistic size. Each feed is primed empty
first, then served with its items: the timed poll fetches, parses, extracts
and stores every item (new releases, claims, candidate models, feed_items).
A second poll of the unchanged feeds must be all 304s with no parse work.
Targets (issue 7): >= 500 items/s; second poll: 0 items parsed.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_extract_accuracy import build_record_store
from ingest.poll import poll_due_feeds
from foundation.settings import Settings
from storage import Model
from storage.ingest_state import Feed, add_feed
from tests.fakes.feed_server import FeedServer, rss

TEMPLATES = [
    "{vendor} released {model} today. {model} scores {a} on MMLU-Pro and {b}% on GPQA Diamond.",
    "In independent testing, {model} outperforms {other} on SWE-bench Verified, scoring {a}.",
    "{model} is on par with {other} on AIME 2025, the company claims. It reaches {b} on LiveCodeBench.",
    "&lt;p&gt;{vendor} rolled out {model} to all users.&lt;/p&gt;&lt;p&gt;Pricing was not disclosed.&lt;/p&gt;",
    "A roundup of the week: {vendor} hired staff, and {other} got a new API. No figures were published.",
]
VENDORS = ["OpenAI", "Anthropic", "Google", "Meta", "Mistral AI", "Alibaba", "DeepSeek", "Moonshot AI", "xAI"]


def make_items(n: int, models: list[str], seed: int, feed: int) -> list[dict]:
    rng = random.Random(seed)
    items = []
    for i in range(n):
        model, other = rng.sample(models, 2)
        text = rng.choice(TEMPLATES).format(vendor=rng.choice(VENDORS), model=model, other=other,
                                            a=f"{rng.uniform(40, 95):.1f}", b=f"{rng.uniform(40, 95):.1f}")
        filler = " ".join(rng.choice(["The", "model", "is", "faster", "and", "cheaper", "for", "agents"])
                          for _ in range(60))
        items.append({"guid": f"f{feed}-item-{i}", "link": f"http://news.example/{feed}/{i}?utm_source=rss",
                      "title": f"Item {i} about {model}", "description": f"{text} {filler}."})
    return items


def run(n_items: int, n_feeds: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        store = build_record_store(Path(tmp) / "bench.db")
        store.upsert_many(Model(id=f"synth-{i}", vendor_id="openai", name=f"Synth Nova {i}.{i % 7}",
                                aliases=(f"SN-{i}",)) for i in range(600))
        models = [m.name for m in store.models()]
        server = FeedServer().start()
        settings = Settings.load(environ={"BRIEFBOT_FEED_DOMAIN_DELAY": "0", "BRIEFBOT_FEED_MAX_BYTES": "50000000",
                                          "BRIEFBOT_ALLOW_PRIVATE_FETCH": "1", "BRIEFBOT_DB": str(Path(tmp) / "b.db")},
                                 env_file=None)
        try:
            per_feed = n_items // n_feeds
            for f in range(n_feeds):
                server.serve(f"/feed{f}.xml", rss([]))
                add_feed(store, Feed(id=f"feed{f}", url=server.url(f"/feed{f}.xml")), "2026-03-02T09:00:00Z")
            poll_due_feeds(store, settings, now="2026-03-02T09:00:00Z")  # prime: no items yet
            for f in range(n_feeds):
                server.serve(f"/feed{f}.xml", rss(make_items(per_feed, models, seed=f, feed=f)))
            t0 = time.perf_counter()
            report = poll_due_feeds(store, settings, now="2026-03-02T10:00:00Z")
            elapsed = time.perf_counter() - t0
            t1 = time.perf_counter()
            again = poll_due_feeds(store, settings, now="2026-03-02T11:00:00Z")
            repoll = time.perf_counter() - t1
        finally:
            server.stop()
            store.close()
    return {"items": report.new_items, "seconds": elapsed, "rate": report.new_items / elapsed,
            "claims": report.claims, "releases": report.releases, "models": report.models, "failed": report.failed,
            "repoll_seconds": repoll, "repoll_304": again.not_modified, "repoll_parsed": again.new_items + again.duplicates,
            "feeds": n_feeds}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=3000)
    ap.add_argument("--feeds", type=int, default=20)
    args = ap.parse_args(argv)
    r = run(args.items, args.feeds)
    print(f"first poll: {r['items']} new items from {r['feeds']} feeds in {r['seconds']:.2f} s = "
          f"{r['rate']:.0f} items/s through fetch + parse + extract + store "
          f"({r['claims']} claims, {r['releases']} releases, {r['models']} candidate models; target >= 500/s: "
          f"{'met' if r['rate'] >= 500 else 'MISSED'})")
    print(f"second poll of unchanged feeds: {r['repoll_304']}/{r['feeds']} answered 304, {r['repoll_parsed']} items "
          f"parsed, {r['repoll_seconds'] * 1000:.0f} ms ({'no parse work' if r['repoll_parsed'] == 0 else 'PARSED'})")
    return 0 if r["rate"] >= 500 and r["repoll_parsed"] == 0 and r["repoll_304"] == r["feeds"] else 1


if __name__ == "__main__":
    sys.exit(main())
