"""`briefbot run` itself polls feeds and flushes alerts on its schedule (not only the CLI commands do).

A real `briefbot run` process, a real feed server on 127.0.0.1, the local sink as the delivery target. The
console subscribes with `/subscribe moonshot` (its one destination is local::console, which the local sink
delivers to); the first poll primes the feed, a new item then becomes a claim, an alert event, one batched
alert message in the sink, and SIGTERM stops the process cleanly.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time

from bot.app.cli import command_line, main
from bot.delivery.local_sink import delivered_keys
from storage import Store
from storage.ingest_state import Feed, add_feed
from tests.fakes.feed_server import rss

OLD = [{"guid": "p1", "link": "http://blog.example/p/1", "title": "Hiring", "description": "We are hiring."}]
NEW = {"guid": "p2", "link": "http://blog.example/p/2", "title": "Kimi K2.5 results",
       "description": "Kimi K2.5 scores 87.1 on MMLU-Pro."}


def _wait(predicate, timeout: float):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    return predicate()


def test_run_polls_the_feed_and_delivers_one_batched_alert(tmp_path, seeded_db_template, feed_server):
    db = tmp_path / "run.db"
    shutil.copy(seeded_db_template, db)
    assert main(["--db", str(db), "ask", "/subscribe moonshot"]) == 0
    store = Store.open(db)
    feed_server.serve("/moonshot.xml", rss(OLD))
    add_feed(store, Feed(id="moonshot-blog", url=feed_server.url("/moonshot.xml"), vendor_id="moonshot",
                         auto_accept=True), "2026-01-01T00:00:00Z")
    store.close()

    sink = tmp_path / "sink.txt"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "SLACK_", "DISCORD_", "OPENAI_"))}
    env.update(BRIEFBOT_LOCAL_OUTBOX=str(sink), BRIEFBOT_ALERT_WINDOW_MINUTES="0", BRIEFBOT_ALLOW_PRIVATE_FETCH="1",
               BRIEFBOT_FEED_DOMAIN_DELAY="0", BRIEFBOT_FEED_INTERVAL_MINUTES="0", BRIEFBOT_LOG_LEVEL="WARNING")
    proc = subprocess.Popen([*command_line(), "--db", str(db), "run", "--no-console", "--poll-every", "300ms",
                             "--flush-every", "300ms"], cwd=tmp_path, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert _wait(lambda: len(feed_server.hits("/moonshot.xml")) >= 1, 30), "run never polled the feed"
        feed_server.serve("/moonshot.xml", rss([NEW, *OLD]))
        keys = _wait(lambda: [k for k in delivered_keys(sink) if k.startswith("alert:")], 40)
        assert len(keys) == 1, keys
        assert "Kimi K2.5" in sink.read_text() and "/unsubscribe moonshot" in sink.read_text()
    finally:
        proc.send_signal(signal.SIGTERM)
        t0 = time.monotonic()
        out, err = proc.communicate(timeout=30)
    assert time.monotonic() - t0 < 10, "SIGTERM must stop briefbot run within 10 s"
    assert proc.returncode == 0, err[-2000:]
    time.sleep(1)
    assert len([k for k in delivered_keys(sink) if k.startswith("alert:")]) == 1  # never twice
