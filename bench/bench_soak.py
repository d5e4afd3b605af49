"""Soak: the Slack HTTP endpoint and `briefbot run` under hostile load, all on 127.0.0.1, bounded.

Four phases against the real slack-bolt app on the real aiohttp server (HTTP mode, port 0), a seeded
SQLite record and the local fakes (tests/fakes):
1. forged, unsigned, stale, non-numeric-timestamp and malformed requests: each must be refused
   (401/400) and none may reach a response_url;
2. slow-loris connections sending one header byte per second, held while /healthz is probed:
   /healthz p50/p99, and how many slow connections the request-head deadline cut;
3. ack latency of signed /model requests while a 2 MB hostile HTML document is parsed over and over,
   as `briefbot run` parses feeds (in a child process, bot/app/isolated.py) and, for the worst case, on a
   thread of the same process (where it shares the interpreter lock with the event loop);
4. seconds from SIGTERM to exit of `briefbot run --every 1s` while its digest waits on an LLM that hangs;
5. two `briefbot run` processes on one database: duplicates and missing messages;
6. the 18 hostile LLM leads through the grounding check (all must be rejected, the honest ones accepted).
Every count and duration is capped by the arguments. Run:
    .venv/bin/python -m bench.bench_soak [--forged 400 --slow 200 --model 200 --html-mb 2]
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import aiohttp

from bench.stats import percentile

SECRET = "soak-signing-secret"


def hostile_html(megabytes: float) -> str:
    """Unclosed nesting, huge attributes, entity storms, fake scripts, broken tables."""
    unit = ("<div><table><tr><td><span class='" + "x" * 200 + "'>&amp;&#x1F600;&lt;!here&gt;"
            "<script>while(1){}</script><p><b><i>" + "&#0;&#xD800;&nbsp;" * 20 + "<td><tr><a href='javascript:x'>")
    return unit * max(1, int(megabytes * 1_000_000 / len(unit)))


def summary(ms: list[float]) -> str:
    if not ms:
        return "none"
    return f"p50 {statistics.median(ms):7.1f} ms  p99 {percentile(ms, 99):7.1f} ms  max {max(ms):7.1f} ms (n={len(ms)})"


# ---- phase 1 ---------------------------------------------------------------------------------------------
async def forged(front, fake, n: int) -> dict:
    from tests.fakes.fake_slack import sign, slash_command_body
    kinds = ["forged", "unsigned", "stale", "bad_timestamp", "malformed"]
    refused = {k: 0 for k in kinds}
    urls = []
    async with aiohttp.ClientSession() as session:
        for i in range(n):
            kind = kinds[i % len(kinds)]
            url = fake.response_url()
            urls.append(url)
            body = slash_command_body("/model", "kimi-k2.5", url)
            headers = sign(SECRET, body)
            if kind == "forged":
                headers["X-Slack-Signature"] = "v0=" + "0" * 64
            elif kind == "unsigned":
                headers = {"Content-Type": "application/x-www-form-urlencoded"}
            elif kind == "stale":
                headers = sign(SECRET, body, timestamp=int(time.time()) - 3600)
            elif kind == "bad_timestamp":
                headers["X-Slack-Request-Timestamp"] = "12ab"
            else:
                body = urlencode({"payload": "{broken"})
                headers = sign(SECRET, body)
            async with session.post(front.server.url, data=body.encode(), headers=headers) as response:
                await response.read()
                if response.status in (400, 401):
                    refused[kind] += 1
    await asyncio.sleep(0.2)
    reached = sum(len(fake.posted_to(u)) for u in urls)
    return {"tried": n, "refused": sum(refused.values()), "by_kind": refused, "reached_core": reached}


# ---- phase 2 ---------------------------------------------------------------------------------------------
async def slow_loris(front, n: int, hold: float, probes: int) -> dict:
    port = front.server.port
    opened, cut = [], []

    async def slow():
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            return
        opened.append(1)
        started = time.monotonic()
        try:
            for byte in b"POST /slack/events HTTP/1.1\r\nHost: soak\r\nX-Pad: " + b"p" * 400:
                writer.write(bytes([byte]))
                await writer.drain()
                try:
                    if await asyncio.wait_for(reader.read(1), 1.0) == b"":
                        cut.append(time.monotonic() - started)
                        return
                except asyncio.TimeoutError:
                    pass
                if time.monotonic() - started > hold:
                    return
        except (ConnectionError, OSError):
            cut.append(time.monotonic() - started)
        finally:
            writer.close()

    tasks = [asyncio.create_task(slow()) for _ in range(n)]
    deadline = time.monotonic() + 10
    while len(opened) < n and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    health = []
    async with aiohttp.ClientSession() as session:
        for _ in range(probes):
            started = time.perf_counter()
            async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                await response.read()
                assert response.status == 200
            health.append((time.perf_counter() - started) * 1000)
            await asyncio.sleep(0.02)
    await asyncio.gather(*tasks)
    return {"slow": n, "held": len(opened), "cut_by_deadline": len(cut), "healthz_ms": health,
            "cut_after_s": (min(cut), max(cut)) if cut else None}


# ---- phase 3 ---------------------------------------------------------------------------------------------
def parse_in_child(html: str, stop, count, total) -> None:
    """Child process: parse `html` until told to stop (how `briefbot run` isolates ingestion)."""
    from ingest.htmltext import html_to_text
    while not stop.is_set():
        started = time.perf_counter()
        html_to_text(html)
        with count.get_lock():
            count.value += 1
            total.value += time.perf_counter() - started


async def model_acks_while_parsing(front, fake, n: int, concurrency: int, html: str | None,
                                   mode: str = "thread") -> dict:
    """`html` None: the same requests without the parser running (the baseline). `mode`: "process" parses
    in a spawned child, as `briefbot run` does; "thread" on a thread of this process (the worst case)."""
    import multiprocessing

    from ingest.htmltext import html_to_text
    from tests.fakes.fake_slack import sign, slash_command_body
    stop = threading.Event()
    parsed = []
    urls = []

    def parse_forever():
        while not stop.is_set():
            started = time.perf_counter()
            html_to_text(html)
            parsed.append(time.perf_counter() - started)

    ctx = multiprocessing.get_context("spawn")
    child_stop, count, total = ctx.Event(), ctx.Value("i", 0), ctx.Value("d", 0.0)
    worker = threading.Thread(target=parse_forever, name="soak-html", daemon=True)
    child = ctx.Process(target=parse_in_child, args=(html, child_stop, count, total), daemon=True)
    if html is not None and mode == "thread":
        worker.start()
    elif html is not None:
        child.start()
        while count.value == 0 and child.is_alive():  # measure while it really parses
            await asyncio.sleep(0.05)
    gate = asyncio.Semaphore(concurrency)
    acks, statuses = [], []

    async def one(session, i):
        url = fake.response_url()
        urls.append(url)
        body = slash_command_body("/model", "kimi-k2.5", url, user_id=f"U{i % 5:07d}")
        async with gate:
            started = time.perf_counter()
            async with session.post(front.server.url, data=body.encode(), headers=sign(SECRET, body)) as response:
                await response.read()
                acks.append((time.perf_counter() - started) * 1000)
                statuses.append(response.status)

    try:
        async with aiohttp.ClientSession() as session:
            await asyncio.gather(*(one(session, i) for i in range(n)))
        deadline = time.monotonic() + 60  # every answer posted before the next phase (or the stop)
        while time.monotonic() < deadline and not all(fake.posted_to(u) for u in urls):
            await asyncio.sleep(0.02)
    finally:
        stop.set()
        child_stop.set()
        if worker.is_alive():
            worker.join(60)
        if child.pid is not None:
            child.join(60)
            if child.is_alive():
                child.terminate()
    if mode == "process" and html is not None:
        parsed = [total.value / count.value] * count.value if count.value else []
    return {"requests": n, "acks_ms": acks, "non_200": sum(1 for s in statuses if s != 200), "mode": mode,
            "html_parses": len(parsed), "html_parse_s": statistics.median(parsed) if parsed else None}


# ---- phase 4 ---------------------------------------------------------------------------------------------
def sigterm_to_exit(db: Path, workdir: Path, wait_for_llm: float = 40.0) -> dict:
    from bot.app.cli import command_line
    from tests.fakes.fake_openai import FakeOpenAI
    fake = FakeOpenAI().start()
    try:
        fake.enqueue("never read", delay=120, times=5)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "SLACK_", "DISCORD_", "OPENAI_"))}
        env.update({"BRIEFBOT_DB": str(db), "BRIEFBOT_LOCAL_OUTBOX": str(workdir / "sink.txt"),
                    "BRIEFBOT_LLM_MODEL": "soak", "OPENAI_BASE_URL": fake.base_url, "OPENAI_API_KEY": "soak",
                    "BRIEFBOT_LLM_TIMEOUT": "300"})
        proc = subprocess.Popen([*command_line(), "run", "--no-console", "--every", "1s"], env=env, cwd=workdir,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + wait_for_llm
            while not fake.requests and time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.05)
            llm_hanging = bool(fake.requests)
            time.sleep(0.3)
            started = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            try:
                code = proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                code = None
            return {"llm_call_in_flight": llm_hanging, "seconds": time.monotonic() - started, "exit_code": code}
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    finally:
        fake.stop()


# ---- driver ------------------------------------------------------------------------------------------------
async def endpoint_phases(args, db: Path) -> dict:
    from bot.app.services import build_services
    from bot.frontends.slack_front import build_front_end
    from bot.frontends.slack_front.server import Limits
    from foundation.settings import Settings
    from tests.fakes.fake_slack import FakeSlack

    with FakeSlack() as fake:
        for i in range(7):
            fake.add_user(f"U{i:07d}")
        fake.add_user("U0MEMBER")
        env = {"BRIEFBOT_DB": str(db), "SLACK_BOT_TOKEN": "xoxb-soak", "SLACK_SIGNING_SECRET": SECRET,
               "SLACK_API_URL": fake.api_url, "BRIEFBOT_HTTP_HOST": "127.0.0.1", "BRIEFBOT_HTTP_PORT": "0"}
        settings = Settings.load(environ=env, env_file=None)
        services = build_services(settings)
        front = build_front_end(settings, services)
        front.http_limits = Limits(header_timeout=args.header_timeout, max_connections=max(1000, args.slow + 100))
        await front.start()
        try:
            results = {"forged": await forged(front, fake, args.forged)}
            results["slow"] = await slow_loris(front, args.slow, hold=args.header_timeout + 4, probes=args.probes)
            await model_acks_while_parsing(front, fake, min(10, args.model), args.concurrency, None)  # warm-up
            results["baseline"] = await model_acks_while_parsing(front, fake, args.model, args.concurrency, None)
            html = hostile_html(args.html_mb)
            results["model"] = await model_acks_while_parsing(front, fake, args.model, args.concurrency, html,
                                                              mode="process")
            results["model_thread"] = await model_acks_while_parsing(front, fake, args.model, args.concurrency,
                                                                     html, mode="thread")
        finally:
            await front.stop()
            services.store.close()
    return results


# ---- phases 5 and 6 -------------------------------------------------------------------------------------
def two_runners(db: Path, workdir: Path, n: int) -> dict:
    """Two `briefbot run --once --standby` processes on one database file with `n` messages queued: the lease
    lets one drain while the other waits; the local sink file (the platform's history) counts deliveries."""
    from collections import Counter

    from bot.app.cli import command_line
    from bot.core.reply import Reply
    from bot.delivery.local_sink import delivered_keys
    from storage import Store
    from storage.delivery import enqueue, ensure_destination
    store = Store.open(db)
    dest = ensure_destination(store, "local", "", "console")
    payload = Reply(title="soak").to_json()
    keys = [f"soak-two-runners:{i:04d}" for i in range(n)]
    with store.db.atomic():
        for key in keys:
            enqueue(store, key, dest.id, "alert", payload, "2026-01-01T00:00:00Z")
    store.close()
    sink = workdir / "two-runners.txt"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "SLACK_", "DISCORD_", "OPENAI_"))}
    env.update(BRIEFBOT_LOCAL_OUTBOX=str(sink), BRIEFBOT_OUTBOX_PACE="0", BRIEFBOT_LOG_LEVEL="WARNING")
    procs = [subprocess.Popen([*command_line(), "--db", str(db), "run", "--no-console", "--once", "--standby",
                               "--lease-ttl", "3s"], cwd=workdir, env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(2)]
    for proc in procs:
        try:
            proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
    counts = Counter(k for k in delivered_keys(sink) if k.startswith("soak-two-runners:"))
    return {"messages": n, "delivered": sum(counts.values()), "duplicates": sum(1 for c in counts.values() if c > 1),
            "missing": sum(1 for k in keys if k not in counts)}


def hostile_leads() -> dict:
    """The 18 hostile LLM leads of tests/digests/data/hostile_leads.yaml through the grounding check, and the
    honest ones, against the W05 digest of the test world."""
    from digests.assemble import assemble
    from digests.factsheet import facts_text
    from digests.grounding import check_digest
    from tests.digests.test_hostile_leads import CORPUS as corpus, NAMES as names
    from tests.digests.world import open_world
    with tempfile.TemporaryDirectory() as tmp:
        store = open_world(Path(tmp) / "w.db")
        try:
            digest = assemble(store, "2026-W05")
            facts = facts_text(digest)
            rejected = sum(1 for c in corpus["hostile"] if check_digest(c["lead"], digest, facts, names))
            honest = sum(1 for lead in corpus["honest"] if not check_digest(lead, digest, facts, names))
        finally:
            store.close()
    return {"hostile": len(corpus["hostile"]), "rejected": rejected, "honest": len(corpus["honest"]),
            "honest_accepted": honest}


def run_soak(args) -> dict:
    logging.basicConfig(level=logging.ERROR)
    logging.getLogger("bot.frontends.slack_front.server").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = tmp / "soak.db"
        results = asyncio.run(endpoint_phases(args, db))
        results.update(concurrency=args.concurrency, html_mb=args.html_mb)
        if args.sigterm:
            copy = tmp / "run.db"
            shutil.copy(db, copy)
            results["sigterm"] = sigterm_to_exit(copy, tmp)
        if args.runners:
            copy = tmp / "runners.db"
            shutil.copy(db, copy)
            results["runners"] = two_runners(copy, tmp, args.runners)
    results["leads"] = hostile_leads()
    return results


def report(results: dict) -> bool:
    f, s, m = results["forged"], results["slow"], results["model"]
    print("briefbot soak, all on 127.0.0.1 (real aiohttp + slack-bolt, fake Slack Web API)")
    print(f"1. hostile requests: {f['refused']}/{f['tried']} refused {f['by_kind']}; reached a response_url: "
          f"{f['reached_core']}")
    print(f"2. slow-loris: {s['held']}/{s['slow']} held, {s['cut_by_deadline']} cut by the head deadline "
          f"(after {s['cut_after_s'][0]:.1f}-{s['cut_after_s'][1]:.1f} s)" if s["cut_after_s"] else
          f"2. slow-loris: {s['held']}/{s['slow']} held, none cut")
    print(f"   /healthz meanwhile: {summary(s['healthz_ms'])}")
    print(f"3. signed /model acks, {results['baseline']['requests']} at concurrency {results['concurrency']}, "
          f"alone: {summary(results['baseline']['acks_ms'])}")
    print(f"   while a child process parses {results['html_mb']} MB hostile HTML (as briefbot run does): "
          f"{summary(m['acks_ms'])}; non-200: {m['non_200']}; html_to_text ran {m['html_parses']}x "
          f"(mean {m['html_parse_s'] or 0:.2f} s each)")
    t = results.get("model_thread")
    if t:
        print(f"   worst case, parsing on a thread of the same process: {summary(t['acks_ms'])}; "
              f"html_to_text ran {t['html_parses']}x (median {t['html_parse_s'] or 0:.2f} s each)")
    ok = (f["refused"] == f["tried"] and f["reached_core"] == 0 and s["cut_by_deadline"] == s["held"]
          and (not s["healthz_ms"] or max(s["healthz_ms"]) < 1000) and m["non_200"] == 0
          and percentile(m["acks_ms"], 99) < 3000)
    if "sigterm" in results:
        t = results["sigterm"]
        print(f"4. SIGTERM -> exit of `briefbot run` with an LLM call hanging ({t['llm_call_in_flight']}): "
              f"{t['seconds']:.2f} s, exit code {t['exit_code']}")
        ok = ok and t["exit_code"] == 0 and t["seconds"] < 10
    if "runners" in results:
        r = results["runners"]
        print(f"5. two `briefbot run` on one database, {r['messages']} messages: {r['delivered']} delivered, "
              f"{r['duplicates']} duplicates, {r['missing']} missing")
        ok = ok and r["duplicates"] == 0 and r["missing"] == 0
    lead = results["leads"]
    print(f"6. hostile LLM leads: {lead['rejected']}/{lead['hostile']} rejected; honest leads accepted "
          f"{lead['honest_accepted']}/{lead['honest']}")
    ok = ok and lead["rejected"] == lead["hostile"] and lead["honest_accepted"] == lead["honest"]
    print("result:", "OK" if ok else "NOT OK")
    return ok


def parse_args(argv: list[str] | None = None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forged", type=int, default=400, help="hostile requests (bounded)")
    parser.add_argument("--slow", type=int, default=200, help="slow-loris connections")
    parser.add_argument("--probes", type=int, default=50, help="/healthz probes while they are held")
    parser.add_argument("--header-timeout", type=float, default=5.0)
    parser.add_argument("--model", type=int, default=200, help="signed /model requests")
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--html-mb", type=float, default=2.0)
    parser.add_argument("--no-sigterm", dest="sigterm", action="store_false")
    parser.add_argument("--runners", type=int, default=300, help="messages for two runners on one database (0: skip)")
    args = parser.parse_args(argv)
    args.runners = max(0, min(args.runners, 2000))
    for name in ("forged", "slow", "probes", "model"):
        setattr(args, name, max(1, min(getattr(args, name), 2000)))
    args.html_mb = min(args.html_mb, 8.0)
    return args


def main(argv: list[str] | None = None) -> int:
    return 0 if report(run_soak(parse_args(argv))) else 1


if __name__ == "__main__":
    sys.exit(main())
