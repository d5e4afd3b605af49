"""No fetch reaches a non-public address unless BRIEFBOT_ALLOW_PRIVATE_FETCH allows it.

Address classification is tested as pure functions (no traffic). Integration tests talk only to
servers on 127.0.0.1 / 127.0.0.2 (both loopback), and a guard on socket connections fails the
test if anything tries to connect outside 127.0.0.0/8: the refused redirect targets
(169.254.169.254, a loopback server that must not be contacted) are refused before any connect.
"""
from __future__ import annotations

import ipaddress
import socket

import pytest

from ingest.fetch import BlockedAddress, FetchConfig, FetchError, Fetcher
from ingest.netguard import AddressPolicy, classify
from tests.fakes.feed_server import FeedServer, rss


@pytest.mark.parametrize("address, kind", [
    ("127.0.0.1", "loopback"), ("127.9.9.9", "loopback"), ("::1", "loopback"),
    ("10.0.0.1", "private"), ("172.16.5.4", "private"), ("172.31.255.255", "private"), ("192.168.0.10", "private"),
    ("169.254.169.254", "link-local (cloud metadata)"), ("169.254.10.1", "link-local"),
    ("fd00:ec2::254", "link-local (cloud metadata)"),
    ("100.64.0.1", "shared address space (CGNAT)"), ("100.127.255.254", "shared address space (CGNAT)"),
    ("fe80::1", "link-local"), ("fc00::1", "unique-local"), ("fd12:3456::1", "unique-local"),
    ("0.0.0.0", "unspecified"), ("::", "unspecified"),
    ("224.0.0.1", "multicast"), ("239.255.255.250", "multicast"), ("ff02::1", "multicast"),
    ("240.0.0.1", "reserved"), ("255.255.255.255", "reserved"),
    ("::ffff:127.0.0.1", "IPv6 carrying 127.0.0.1: loopback"),
    ("::ffff:169.254.169.254", "IPv6 carrying 169.254.169.254: link-local (cloud metadata)"),
    ("::ffff:10.1.1.1", "IPv6 carrying 10.1.1.1: private"),
    ("2002:a9fe:a9fe::1", "IPv6 carrying 169.254.169.254: link-local (cloud metadata)"),
    ("64:ff9b::7f00:1", "IPv6 carrying 127.0.0.1: loopback"),
    ("[::1]", "loopback"), ("fe80::1%eth0", "link-local"),
    ("192.0.2.1", "private"), ("198.51.100.7", "private"),
])
def test_non_public_addresses_are_classified(address, kind):
    assert classify(address) == kind


@pytest.mark.parametrize("address", ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "::ffff:93.184.216.34",
                                     "100.63.255.255", "100.128.0.1", "172.32.0.1", "11.0.0.1"])
def test_public_addresses_pass(address):
    assert classify(address) is None and AddressPolicy().refusal(address) is None


def test_the_setting():
    assert AddressPolicy.from_setting("").refusal("127.0.0.1") == "127.0.0.1 is loopback"
    assert AddressPolicy.from_setting("0").refusal("10.0.0.1") == "10.0.0.1 is private"
    assert AddressPolicy.from_setting("1").refusal("169.254.169.254") is None
    some = AddressPolicy.from_setting("127.0.0.2, 10.0.0.0/8")
    assert some.refusal("127.0.0.2") is None and some.refusal("10.9.9.9") is None
    assert some.refusal("127.0.0.1") == "127.0.0.1 is loopback"
    assert some.refusal("::ffff:127.0.0.1").startswith("::ffff:7f00:1 is IPv6 carrying 127.0.0.1")
    with pytest.raises(ValueError, match="BRIEFBOT_ALLOW_PRIVATE_FETCH"):
        AddressPolicy.from_setting("nonsense")


@pytest.fixture
def loopback_only(monkeypatch):
    """Fail loudly if the code under test ever opens a connection outside 127.0.0.0/8."""
    real_connect, real_create = socket.socket.connect, socket.create_connection
    attempts = []

    def check(address):
        assert ipaddress.ip_address(address[0]) in ipaddress.ip_network("127.0.0.0/8"), address

    def connect(sock, address):
        check(address)
        attempts.append(address[0])
        return real_connect(sock, address)

    def create_connection(address, *args, **kwargs):
        check(address)
        return real_create(address, *args, **kwargs)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    return attempts


def _server(host: str = "127.0.0.1") -> FeedServer:
    server = FeedServer()
    server.start()
    if host != "127.0.0.1":  # rebind the same handler on another loopback address
        handler = server.server.RequestHandlerClass
        server.stop()
        server.server = type(server.server)((host, 0), handler)
        import threading
        threading.Thread(target=server.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server


def _url(server: FeedServer, host: str, path: str) -> str:
    return f"http://{host}:{server.server.server_address[1]}{path}"


def test_loopback_is_refused_without_the_setting_and_fetched_with_it(loopback_only):
    server = _server()
    try:
        server.serve("/f.xml", rss([]))
        with Fetcher(FetchConfig(domain_delay=0)) as fetcher:
            with pytest.raises(BlockedAddress, match="127.0.0.1 is loopback"):
                fetcher.get(server.url("/f.xml"))
            with pytest.raises(BlockedAddress, match="localhost: 127.0.0.1 is loopback|localhost: ::1 is loopback"):
                fetcher.get(_url(server, "localhost", "/f.xml"))   # a name is resolved and its address checked
        assert server.hits("/f.xml") == [] and loopback_only == []
        with Fetcher(FetchConfig(domain_delay=0, allow_private="1")) as fetcher:
            assert fetcher.get(server.url("/f.xml")).status == 200
        assert len(server.hits("/f.xml")) == 1
    finally:
        server.stop()


@pytest.mark.parametrize("target", ["http://127.0.0.1:{port}/secret", "http://169.254.169.254/latest/meta-data/",
                                    "http://[::ffff:169.254.169.254]/latest/", "http://0.0.0.0:{port}/secret",
                                    "http://10.0.0.1/admin"])
def test_a_redirect_to_a_non_public_address_is_refused_before_connecting(loopback_only, target):
    allowed, inner = _server("127.0.0.2"), _server("127.0.0.1")
    try:
        inner.serve("/secret", b"do not fetch me")
        allowed.serve("/feed.xml", redirect_to=target.format(port=inner.server.server_address[1]))
        with Fetcher(FetchConfig(domain_delay=0, allow_private="127.0.0.2")) as fetcher:
            with pytest.raises(BlockedAddress, match="refused"):
                fetcher.get(_url(allowed, "127.0.0.2", "/feed.xml"))
        assert len(allowed.hits("/feed.xml")) == 1
        assert inner.requests == []                      # the redirect target was never contacted
        assert set(loopback_only) == {"127.0.0.2"}       # the only connection made: to the allowed host
    finally:
        allowed.stop()
        inner.stop()


def test_a_hostname_is_resolved_once_and_the_checked_address_is_the_one_connected(loopback_only, monkeypatch):
    """DNS rebinding: a second, different answer is never asked for; the connection goes to the checked IP."""
    server = _server()
    answers = iter(["127.0.0.1", "169.254.169.254"])
    calls = []
    real_getaddrinfo = socket.getaddrinfo

    def fake_getaddrinfo(host, port, *args, **kwargs):
        if host != "feeds.rebind.test":  # only the made-up name gets made-up answers
            return real_getaddrinfo(host, port, *args, **kwargs)
        calls.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]
    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    try:
        server.serve("/f.xml", rss([]))
        with Fetcher(FetchConfig(domain_delay=0, allow_private="127.0.0.1")) as fetcher:
            assert fetcher.get(_url(server, "feeds.rebind.test", "/f.xml")).status == 200
        assert calls == ["feeds.rebind.test"] and loopback_only == ["127.0.0.1"]
        calls.clear()
        with Fetcher(FetchConfig(domain_delay=0, allow_private="127.0.0.1")) as fetcher:
            with pytest.raises(BlockedAddress, match="169.254.169.254 is link-local"):
                fetcher.get(_url(server, "feeds.rebind.test", "/f.xml"))   # second answer: refused, not connected
        assert calls == ["feeds.rebind.test"] and loopback_only == ["127.0.0.1"]
    finally:
        server.stop()


def test_a_blocked_fetch_is_a_fetch_error_with_a_reason():
    assert issubclass(BlockedAddress, FetchError)
