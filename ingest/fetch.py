"""Polite HTTP fetching for feeds and articles (httpx).

Rules: a clear User-Agent; conditional GET (If-None-Match / If-Modified-Since)
so an unchanged feed costs a 304 and no parsing; a connect/read timeout plus a
total deadline (a server that dribbles bytes is cut off too); a response size
cap enforced while streaming (a lying or missing Content-Length does not
help); a limited number of redirects; a politeness delay between two requests
to the same host. Every failure becomes a FetchError with a short reason that
is safe to show to an admin.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

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

    @classmethod
    def from_settings(cls, settings) -> "FetchConfig":
        """`settings` is foundation.settings.Settings (duck-typed: ingest does not import bot)."""
        return cls(timeout=settings.number("BRIEFBOT_FEED_TIMEOUT"),
                   max_bytes=int(settings.number("BRIEFBOT_FEED_MAX_BYTES")),
                   max_redirects=int(settings.number("BRIEFBOT_FEED_MAX_REDIRECTS")),
                   domain_delay=settings.number("BRIEFBOT_FEED_DOMAIN_DELAY"))


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


class Fetcher:
    def __init__(self, config: FetchConfig | None = None, *, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic):
        self.config = config or FetchConfig()
        self._sleep, self._clock = sleep, clock
        self._last_request: dict[str, float] = {}
        self.client = httpx.Client(
            timeout=httpx.Timeout(self.config.timeout), follow_redirects=True,
            max_redirects=self.config.max_redirects, headers={"User-Agent": self.config.user_agent})

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

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
        deadline = self._clock() + 2 * self.config.timeout
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
                    if self._clock() > deadline:
                        raise FetchError(f"response took longer than {2 * self.config.timeout:g}s")
                    chunks.append(chunk)
                return Fetched(resp.status_code, str(resp.url), b"".join(chunks), resp.headers.get("etag"),
                               resp.headers.get("last-modified"), resp.headers.get("content-type"))
        except httpx.TooManyRedirects:
            raise FetchError(f"more than {self.config.max_redirects} redirects") from None
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.config.timeout:g}s") from None
        except httpx.HTTPError as err:
            raise FetchError(f"{type(err).__name__}: {str(err)[:200]}") from None
