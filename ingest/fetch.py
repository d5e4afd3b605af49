"""Polite, bounded and guarded HTTP fetching for feeds and articles (httpx).

Rules: a clear User-Agent; conditional GET (If-None-Match / If-Modified-Since)
so an unchanged feed costs a 304 and no parsing; a connect/read timeout plus a
total deadline per request that covers everything (connect, headers, a body
that dribbles one byte at a time, every redirect hop): each socket operation
waits at most until the deadline, so nothing outlives it by more than a moment;
a response size cap enforced while streaming (a lying or missing Content-Length
does not help); a limited number of redirects; a politeness delay between two
requests to the same host. No request reaches a non-public address (loopback,
private, link-local and cloud metadata, CGNAT, unique-local, multicast, ...,
see ingest.netguard) unless BRIEFBOT_ALLOW_PRIVATE_FETCH allows it: every URL
and redirect hop with an IP host is checked before anything is sent, and every
hostname is resolved once, its addresses checked, and the connection made to
the checked address (so a DNS answer that changes between check and connect,
"rebinding", cannot slip through). Proxies from the environment are ignored.
Every failure becomes a FetchError with a short reason that is safe to show to
an admin.
"""
from __future__ import annotations

import logging
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpcore
import httpx
from httpcore._backends.sync import SyncStream

from .netguard import AddressPolicy, parse_ip

log = logging.getLogger(__name__)

USER_AGENT = "briefbot/0.1 (AI model briefing bot; feed reader; polite, honours 304)"


class FetchError(Exception):
    """A fetch that produced nothing usable; the message is the reason."""


@dataclass(frozen=True)
class FetchConfig:
    timeout: float = 10.0
    """Seconds for connect and between bytes; the whole response gets twice this."""
    max_bytes: int = 2_000_000
    max_redirects: int = 3
    domain_delay: float = 1.0
    """Seconds between two requests to the same host."""
    user_agent: str = USER_AGENT
    deadline: float | None = None
    """Seconds for the whole request, redirects included (default: twice `timeout`)."""
    allow_private: str = ""
    """BRIEFBOT_ALLOW_PRIVATE_FETCH: "1" allows non-public addresses, or a comma list of them (tests)."""

    @property
    def total(self) -> float:
        return self.deadline if self.deadline is not None else 2 * self.timeout

    @classmethod
    def from_settings(cls, settings) -> "FetchConfig":
        """From foundation.settings.Settings' feeds section."""
        feeds = settings.feeds
        return cls(timeout=feeds.timeout, max_bytes=feeds.max_bytes, max_redirects=feeds.max_redirects,
                   domain_delay=feeds.domain_delay, allow_private=feeds.allow_private)


@dataclass(frozen=True)
class Fetched:
    status: int
    url: str
    """Final URL after redirects."""
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class BlockedAddress(FetchError):
    """The URL, a redirect hop or the host's address is not a public one (see ingest.netguard)."""


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every operation waits at most until the request's deadline."""

    def __init__(self, inner: httpcore.NetworkStream, guard: "_GuardedBackend"):
        self.inner, self.guard = inner, guard

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, self.guard.clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, self.guard.clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None, timeout: float | None = None):
        inner = self.inner.start_tls(ssl_context, server_hostname, self.guard.clamp(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(inner, self.guard)

    def get_extra_info(self, info: str):
        return self.inner.get_extra_info(info)


class _GuardedBackend(httpcore.NetworkBackend):
    """Resolves a host once, refuses non-public addresses, connects to the checked address."""

    def __init__(self, policy: AddressPolicy):
        self.policy = policy
        self.deadline: float | None = None
        """time.monotonic() value past which no socket operation may wait (set per request)."""

    def clamp(self, timeout: float | None, error: type[Exception]) -> float | None:
        if self.deadline is None:
            return timeout
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise error("total deadline passed")
        return left if timeout is None else min(timeout, left)

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options=None) -> httpcore.NetworkStream:
        timeout = self.clamp(timeout, httpcore.ConnectTimeout)
        literal = parse_ip(host)
        if literal is not None:
            addresses = [str(literal)]
        else:
            try:
                infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except (socket.gaierror, UnicodeError) as err:
                raise httpcore.ConnectError(f"cannot resolve {host}: {err}") from None
            addresses = list(dict.fromkeys(str(info[4][0]).split("%", 1)[0] for info in infos))
        refused = [why for why in (self.policy.refusal(a) for a in addresses) if why]
        if refused or not addresses:  # one bad answer spoils the host: no picking among mixed answers
            raise BlockedAddress(f"refused to connect to {host}: {refused[0] if refused else 'no address'}")
        last: Exception | None = None
        for address in addresses:
            ip = parse_ip(address)
            # a socket connected to the checked numeric address: nothing resolves the name again
            sock = socket.socket(socket.AF_INET6 if ip.version == 6 else socket.AF_INET, socket.SOCK_STREAM)
            try:
                sock.settimeout(timeout)
                sock.connect((str(ip), port))
            except socket.timeout:
                sock.close()
                raise httpcore.ConnectTimeout(f"connect to {host} timed out") from None
            except OSError as err:
                sock.close()
                last = err
                continue
            for option in socket_options or ():
                sock.setsockopt(*option)
            peer = parse_ip(str(sock.getpeername()[0]))
            why = self.policy.refusal(peer) if peer is not None else "unknown peer"
            if why:
                sock.close()
                raise BlockedAddress(f"refused to talk to {host}: {why}")
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return _DeadlineStream(SyncStream(sock), self)
        raise httpcore.ConnectError(f"cannot connect to {host}: {last}")

    def connect_unix_socket(self, *args, **kwargs):  # pragma: no cover - never used for fetching
        raise BlockedAddress("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:  # pragma: no cover
        time.sleep(seconds)


class Fetcher:
    def __init__(self, config: FetchConfig | None = None, *, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic):
        self.config = config or FetchConfig()
        self._sleep, self._clock = sleep, clock
        self._last_request: dict[str, float] = {}
        self.policy = AddressPolicy.from_setting(self.config.allow_private)
        self._backend = _GuardedBackend(self.policy)
        transport = httpx.HTTPTransport(trust_env=False)
        transport._pool = httpcore.ConnectionPool(ssl_context=transport._pool._ssl_context,
                                                  network_backend=self._backend, max_connections=10)
        self.client = httpx.Client(
            transport=transport, trust_env=False, timeout=httpx.Timeout(self.config.timeout), follow_redirects=True,
            max_redirects=self.config.max_redirects, headers={"User-Agent": self.config.user_agent},
            event_hooks={"request": [self._check_request]})

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _check_request(self, request: httpx.Request) -> None:
        """Every request, redirect hops included, before anything is sent."""
        if request.url.scheme not in ("http", "https"):
            raise BlockedAddress(f"not an http(s) URL: {str(request.url)[:200]}")
        literal = parse_ip(request.url.host)
        if literal is not None:
            why = self.policy.refusal(literal)
            if why:
                raise BlockedAddress(f"refused to fetch {str(request.url)[:200]}: {why}")

    def _polite(self, url: str) -> None:
        host = (urlsplit(url).hostname or "").lower()
        last = self._last_request.get(host)
        if last is not None:
            wait = self.config.domain_delay - (self._clock() - last)
            if wait > 0:
                self._sleep(wait)
        self._last_request[host] = self._clock()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"not an http(s) URL: {url[:200]}")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        self._polite(url)
        total = self.config.total
        deadline = time.monotonic() + total
        self._backend.deadline = deadline
        try:
            with self.client.stream("GET", url, headers=headers) as resp:
                if resp.status_code == 304:
                    return Fetched(304, str(resp.url), etag=resp.headers.get("etag") or etag,
                                   last_modified=resp.headers.get("last-modified") or last_modified)
                if resp.status_code >= 400:
                    raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.config.max_bytes:
                    raise FetchError(f"response too large ({declared} bytes; cap {self.config.max_bytes})")
                chunks, size = [], 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > self.config.max_bytes:
                        raise FetchError(f"response too large (over {self.config.max_bytes} bytes)")
                    if time.monotonic() > deadline:
                        raise FetchError(f"response took longer than {total:g}s")
                    chunks.append(chunk)
                return Fetched(resp.status_code, str(resp.url), b"".join(chunks), resp.headers.get("etag"),
                               resp.headers.get("last-modified"), resp.headers.get("content-type"))
        except httpx.TooManyRedirects:
            raise FetchError(f"more than {self.config.max_redirects} redirects") from None
        except httpx.TimeoutException:
            if time.monotonic() >= deadline - 0.01:
                raise FetchError(f"response took longer than {total:g}s") from None
            raise FetchError(f"timed out after {self.config.timeout:g}s") from None
        except httpx.HTTPError as err:
            raise FetchError(f"{type(err).__name__}: {str(err)[:200]}") from None
        finally:
            self._backend.deadline = None
