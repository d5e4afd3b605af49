"""`briefbot run` stops within 10 s of SIGTERM while a digest waits on an LLM that hangs, and the next
run finds the outbox clean (nothing stuck in flight, nothing dead) and drains it.

Everything is on 127.0.0.1: the fake OpenAI endpoint (tests/fakes) accepts the request and never answers
in time; the bot is a real subprocess started with bot.app.cli.command_line().
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time

import pytest

from bot.app.cli import command_line

STOP_LIMIT = 10.0


def bot_env(db, tmp_path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "SLACK_", "DISCORD_", "OPENAI_"))}
    env.update({"BRIEFBOT_DB": str(db), "BRIEFBOT_LOCAL_OUTBOX": str(tmp_path / "sink.txt"),
                "BRIEFBOT_LOG_LEVEL": "INFO", **extra})
    return env


@pytest.mark.timeout(120)
def test_sigterm_stops_the_bot_within_10_s_while_the_llm_hangs(db_path, tmp_path, fake_openai):
    fake_openai.enqueue("never read", delay=90, times=5)
    env = bot_env(db_path, tmp_path, BRIEFBOT_LLM_MODEL="fake-model", OPENAI_BASE_URL=fake_openai.base_url,
                  OPENAI_API_KEY="test-key", BRIEFBOT_LLM_TIMEOUT="120")
    log = open(tmp_path / "run.log", "w")
    proc = subprocess.Popen([*command_line(), "run", "--no-console", "--every", "1s"], env=env, cwd=tmp_path,
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 40
        while not fake_openai.requests and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert fake_openai.requests, "the digest never asked the LLM: " + (tmp_path / "run.log").read_text()[-2000:]
        time.sleep(0.3)  # the call is now hanging in the digest worker
        started = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=30)
        elapsed = time.monotonic() - started
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()
    output = (tmp_path / "run.log").read_text()
    assert elapsed < STOP_LIMIT, f"stopped after {elapsed:.1f} s\n{output[-2000:]}"
    assert code == 0, output[-2000:]
    assert "Traceback" not in output, output[-3000:]

    # restart without the LLM: the outbox resumes cleanly and drains
    again = subprocess.run([*command_line(), "run", "--once", "--no-console"], env=bot_env(db_path, tmp_path),
                           cwd=tmp_path, capture_output=True, text=True, timeout=90)
    assert again.returncode == 0, again.stderr[-2000:]
    conn = sqlite3.connect(db_path)
    try:
        states = dict(conn.execute("select state, count(*) from outbox group by state").fetchall())
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert not states.get("in_flight") and not states.get("dead"), states
