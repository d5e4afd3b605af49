"""A fetch has a total deadline: a server that dribbles one byte per second is cut off in time.

Before: the deadline was only checked between body chunks, so headers sent one byte at a time
(each read well within the per-read timeout) kept a fetch alive as long as the server liked.
"""
from __future__ import annotations

import time

import pytest

from ingest.fetch import FetchConfig, FetchError, Fetcher
from tests.fakes.dribble_server import DribbleServer

DEADLINE = 2.0


@pytest.mark.parametrize("mode", ["headers", "body"])
def test_a_dribbling_response_fails_within_the_deadline(mode):
    server = DribbleServer(mode=mode, interval=1.0, size=30).start()
    try:
        config = FetchConfig(timeout=1.5, deadline=DEADLINE, domain_delay=0, allow_private="127.0.0.1")
        with Fetcher(config) as fetcher:
            t0 = time.monotonic()
            with pytest.raises(FetchError, match="longer than 2s"):
                fetcher.get(server.url("/feed.xml"))
            elapsed = time.monotonic() - t0
        assert elapsed <= DEADLINE + 1.0, f"{mode}: took {elapsed:.2f} s"
    finally:
        server.stop()


def test_a_quick_dribble_that_finishes_in_time_is_fine():
    server = DribbleServer(mode="body", interval=0.01, size=20).start()
    try:
        with Fetcher(FetchConfig(timeout=1, deadline=3, domain_delay=0, allow_private="1")) as fetcher:
            assert fetcher.get(server.url()).body == b"a" * 20
    finally:
        server.stop()
