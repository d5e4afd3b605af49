"""A local HTTP server on 127.0.0.1 serving feeds and articles for ingest tests (reusable).

Routes are set per path with `serve(path, body, ...)` and can be changed
between polls (a new body gets a new ETag). It honours If-None-Match and
If-Modified-Since with 304, and can redirect, delay (to provoke timeouts),
send a body larger than it declares or with no Content-Length (chunked), or
any status. Every request is recorded with its path and headers.
"""
from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    redirect_to: str | None = None
    chunked: bool = False
    """Send without Content-Length (so only a streaming size cap can stop it)."""


@dataclass
class FeedServer:
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[dict] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    def url(self, path: str) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def serve(self, path: str, body: bytes | str = b"", *, etag: bool | str = True,
              last_modified: str | None = None, **kwargs) -> Route:
        data = body.encode("utf-8") if isinstance(body, str) else body
        tag = etag if isinstance(etag, str) else ('"' + hashlib.sha1(data).hexdigest()[:16] + '"' if etag else None)
        route = Route(body=data, etag=tag, last_modified=last_modified, **kwargs)
        self.routes[path] = route
        return route

    def hits(self, path: str) -> list[dict]:
        return [r for r in self.requests if r["path"] == path]

    def start(self) -> "FeedServer":
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                path = self.path.split("?")[0]
                fake.requests.append({"path": path, "query": self.path, "headers": dict(self.headers)})
                route = fake.routes.get(path)
                if route is None:
                    return self._send(404, b"not found", "text/plain")
                if route.delay:
                    time.sleep(route.delay)
                if route.redirect_to:
                    self.send_response(route.status if route.status in (301, 302, 307, 308) else 302)
                    self.send_header("Location", route.redirect_to)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.etag and self.headers.get("If-None-Match") == route.etag or \
                        route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified:
                    self.send_response(304)
                    if route.etag:
                        self.send_header("ETag", route.etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self._send(route.status, route.body, route.content_type, route)

            def _send(self, status: int, body: bytes, content_type: str, route: Route | None = None):
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    if route and route.etag:
                        self.send_header("ETag", route.etag)
                    if route and route.last_modified:
                        self.send_header("Last-Modified", route.last_modified)
                    if route and route.chunked:
                        self.send_header("Transfer-Encoding", "chunked")
                        self.end_headers()
                        for i in range(0, len(body), 16384):
                            piece = body[i:i + 16384]
                            self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                        self.wfile.write(b"0\r\n\r\n")
                        return
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (size cap or timeout)

        class QuietServer(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                pass  # clients hanging up mid-response is what the size-cap and timeout tests do

        self.server = QuietServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


def rss(items: list[dict], title: str = "Test feed", encoding: str = "utf-8") -> bytes:
    """An RSS 2.0 document; each item: guid, link, title, description (raw, may hold escaped HTML)."""
    parts = [f'<?xml version="1.0" encoding="{encoding}"?>', '<rss version="2.0"><channel>',
             f"<title>{title}</title><link>http://example.com/</link><description>test</description>"]
    for it in items:
        parts.append("<item>")
        if it.get("guid"):
            parts.append(f"<guid isPermaLink=\"false\">{it['guid']}</guid>")
        for key in ("title", "link", "description", "pubDate"):
            if it.get(key) is not None:
                parts.append(f"<{key}>{it[key]}</{key}>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "\n".join(parts).encode(encoding, errors="xmlcharrefreplace")
