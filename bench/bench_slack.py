"""Benchmark: ack latency of signed /compare slash commands at the Slack HTTP endpoint.

The real slack-bolt AsyncApp is served by the real aiohttp server on
127.0.0.1 (HTTP mode, port 0), backed by a seeded SQLite record; the Web API
and the response URLs are the local fake (tests/fakes/fake_slack.py). N signed
/compare requests are fired, C at a time, by an aiohttp client; the ack
latency is the HTTP round trip of each request (what Slack's 3 s limit
applies to). The answer latency (request sent -> blocks posted to its
response_url) is reported too. Target (issue 4): ack p99 < 300 ms and every
ack under 3 s. Run:
    .venv/bin/python -m bench.bench_slack [--requests 200 --concurrency 20]
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from bench.stats import percentile
from bot.app.services import build_services
from foundation.settings import Settings
from bot.frontends.slack_front import build_front_end
from tests.fakes.fake_slack import FakeSlack, sign, slash_command_body

SECRET = "bench-signing-secret"
PAIRS = [("qwen3-max", "opus-4.5"), ("kimi-k2.5", "qwen3-max"), ("opus-4.5", "kimi-k2.5")]


async def fire(front, fake: FakeSlack, n: int, concurrency: int) -> tuple[list[float], list[float], list[int]]:
    gate = asyncio.Semaphore(concurrency)
    acks: list[float] = []
    statuses: list[int] = []
    sent: dict[str, float] = {}

    async def one(session: aiohttp.ClientSession, i: int) -> None:
        a, b = PAIRS[i % len(PAIRS)]
        url = fake.response_url()
        body = slash_command_body("/compare", f"{a} {b}", url, user_id=f"U{i % 7:07d}")
        async with gate:
            started = time.perf_counter()
            sent[url] = started
            async with session.post(front.server.url, data=body.encode(), headers=sign(SECRET, body)) as response:
                await response.read()
                acks.append((time.perf_counter() - started) * 1000)
                statuses.append(response.status)

    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        await asyncio.gather(*(one(session, i) for i in range(n)))
    answered: dict[str, float] = {}
    deadline = time.perf_counter() + 120
    while len(answered) < n and time.perf_counter() < deadline:
        for url in sent:
            if url not in answered and fake.posted_to(url):
                answered[url] = time.perf_counter()
        await asyncio.sleep(0.005)
    answers = [(answered[u] - sent[u]) * 1000 for u in answered]
    return acks, answers, statuses


def line(label: str, ms: list[float]) -> str:
    return (f"{label:<28} p50 {statistics.median(ms):8.1f} ms   p99 {percentile(ms, 99):8.1f} ms   "
            f"max {max(ms):8.1f} ms   (n={len(ms)})")


async def main_async(args) -> int:
    with tempfile.TemporaryDirectory() as tmp, FakeSlack() as fake:
        for i in range(7):
            fake.add_user(f"U{i:07d}")
        env = {"BRIEFBOT_DB": str(Path(tmp) / "bench.db"), "SLACK_BOT_TOKEN": "xoxb-bench",
               "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": fake.api_url,
               "BRIEFBOT_HTTP_HOST": "127.0.0.1", "BRIEFBOT_HTTP_PORT": "0"}
        settings = Settings.load(environ=env, env_file=None)
        services = build_services(settings)
        front = build_front_end(settings, services)
        await front.start()
        try:
            await fire(front, fake, min(20, args.requests), args.concurrency)  # warm-up: auth, caches
            acks, answers, statuses = await fire(front, fake, args.requests, args.concurrency)
        finally:
            await front.stop()
            services.store.close()
    print(f"{args.requests} signed /compare requests, {args.concurrency} at a time, "
          f"HTTP mode on 127.0.0.1 (real aiohttp server, fake Web API)")
    print(line("ack latency", acks))
    print(line("answer posted (response_url)", answers) if answers else "answer posted: none")
    bad = [s for s in statuses if s != 200]
    slow = [a for a in acks if a >= 3000]
    ok = not bad and not slow and percentile(acks, 99) < 300 and len(answers) == args.requests
    print(f"non-200 acks: {len(bad)}; acks >= 3 s: {len(slow)}; answered: {len(answers)}/{args.requests}; "
          f"target p99 < 300 ms: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=20)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
