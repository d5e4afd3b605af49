"""The HTTP endpoint under hostile clients, over real sockets on 127.0.0.1: slow-loris connections are cut
while /healthz keeps answering, the connection cap holds, a non-numeric timestamp is 401, a malformed
signed body is 400, and none of it logs a traceback; repeated warnings are logged once with a count."""
from __future__ import annotations

import asyncio
import json
import logging
import time
from urllib.parse import urlencode

import aiohttp
import pytest

from bot.frontends.slack_front import build_front_end
from bot.frontends.slack_front.server import Limits, malformed_body
from foundation.log_dedup import DedupFilter
from tests.fakes.fake_slack import sign, slash_command_body
from tests.frontends.test_slack_http import SECRET, settings_for  # noqa: F401 (fixture)


def run_server(services, fake, scenario, limits: Limits | None = None):
    async def main():
        front = build_front_end(settings_for(fake), services)
        if limits is not None:
            front.http_limits = limits
        await front.start()
        try:
            return await scenario(front)
        finally:
            await front.stop()
    return asyncio.run(main())


async def slow_client(port: int, held: list, closed: list, seconds: float) -> None:
    """Sends a request head one byte per second (never finishing it); records when the server cuts it."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    held.append(1)
    head = b"POST /slack/events HTTP/1.1\r\nHost: x\r\nX-Slack-Signature: v0=" + b"a" * 200
    started = time.monotonic()
    try:
        for byte in head:
            writer.write(bytes([byte]))
            await writer.drain()
            try:
                if await asyncio.wait_for(reader.read(1), 1.0) == b"":
                    closed.append(time.monotonic() - started)
                    return
            except asyncio.TimeoutError:
                pass
            if time.monotonic() - started > seconds:
                return
    except (ConnectionError, OSError):
        closed.append(time.monotonic() - started)
    finally:
        writer.close()


async def health(port: int) -> float:
    started = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
            assert response.status == 200 and await response.text() == "ok"
    return time.perf_counter() - started


def test_slow_loris_connections_are_cut_while_healthz_answers(services, fake_slack):
    async def scenario(front):
        port = front.server.port
        held, closed = [], []
        slow = [asyncio.create_task(slow_client(port, held, closed, seconds=8)) for _ in range(200)]
        while len(held) < 200:
            await asyncio.sleep(0.05)
        await asyncio.sleep(1.0)
        timings = [await health(port) for _ in range(5)]
        await asyncio.gather(*slow)
        return timings, closed, front.server.gate.timed_out

    timings, closed, timed_out = run_server(services, fake_slack, scenario, Limits(header_timeout=3.0))
    assert max(timings) < 1.0, timings
    assert len(closed) == 200 and max(closed) < 6.0, sorted(closed)[-5:]
    assert timed_out >= 200


def test_connections_over_the_cap_are_closed_at_once(services, fake_slack):
    async def scenario(front):
        port = front.server.port
        conns = [await asyncio.open_connection("127.0.0.1", port) for _ in range(3)]
        await asyncio.sleep(0.1)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        extra = await asyncio.wait_for(reader.read(1), 2.0)
        for _, w in conns + [(reader, writer)]:
            w.close()
        return extra, front.server.gate.refused

    extra, refused = run_server(services, fake_slack, scenario, Limits(max_connections=3))
    assert extra == b"" and refused == 1


@pytest.mark.parametrize("timestamp", ["abc", "", "1e9", "١٢٣٤٥٦٧٨٩٠", "-5", "9" * 40])
def test_a_non_numeric_timestamp_is_401_without_a_traceback(services, fake_slack, caplog, timestamp):
    async def scenario(front):
        body = slash_command_body("/model", "kimi-k2.5", fake_slack.response_url())
        headers = sign(SECRET, body)
        headers["X-Slack-Request-Timestamp"] = timestamp
        async with aiohttp.ClientSession() as session:
            async with session.post(front.server.url, data=body.encode(), headers=headers) as response:
                return response.status

    caplog.set_level(logging.DEBUG)
    assert run_server(services, fake_slack, scenario) == 401
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]


MALFORMED = [
    urlencode({"payload": "{not json"}),
    urlencode({"payload": "[1, 2]"}),
    "payload=%7B%22a%22%3A&&&=%%%",
    "a=%ZZ&b",
    "{\"type\": ",
    "\xff\xfe",
]


@pytest.mark.parametrize("body", MALFORMED)
def test_a_malformed_signed_body_is_400_without_a_traceback(services, fake_slack, caplog, body):
    async def scenario(front):
        headers = sign(SECRET, body)
        async with aiohttp.ClientSession() as session:
            async with session.post(front.server.url, data=body.encode("utf-8", "surrogateescape"),
                                    headers=headers) as response:
                return response.status

    caplog.set_level(logging.DEBUG)
    assert run_server(services, fake_slack, scenario) == 400
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]


def test_malformed_body_accepts_what_slack_sends():
    assert malformed_body(slash_command_body("/model", "a b & c", "http://127.0.0.1/x").encode(), None) is None
    assert malformed_body(json.dumps({"type": "url_verification"}).encode(), "application/json") is None
    assert malformed_body(b"", None) is None


def test_repeated_warnings_are_logged_once_with_a_count():
    now = [0.0]
    logger = logging.getLogger("tests.dedup")
    dedup = DedupFilter(window=10, clock=lambda: now[0])
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record.getMessage())
    handler = Keep()
    logger.addHandler(handler)
    logger.addFilter(dedup)
    try:
        for _ in range(50):
            logger.warning("refused %s", "x")
        logger.warning("other")
        now[0] = 11
        logger.warning("refused %s", "x")
    finally:
        logger.removeHandler(handler)
        logger.removeFilter(dedup)
    assert records == ["refused x", "other", "refused x (repeated 49 times in the last 10 s)"]
