"""A loopback HTTP server that answers one byte per interval (slowloris in reverse), for deadline tests.

mode "headers": the status line, then header bytes one at a time (the headers never finish in time);
mode "body": complete headers declaring `size` bytes, then the body one byte at a time.
Each connection stops after `size` bytes or when the server stops; it binds 127.0.0.1 only.
"""
from __future__ import annotations

import socket
import threading
import time


class DribbleServer:
    def __init__(self, mode: str = "body", interval: float = 1.0, size: int = 60,
                 content_type: str = "application/json"):
        self.mode, self.interval, self.size, self.content_type = mode, interval, size, content_type
        self.stopped = threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.05)
        self.connections = 0
        self.requests: list[bytes] = []
        self.body_byte = b"a"

    @property
    def port(self) -> int:
        return self.sock.getsockname()[1]

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> "DribbleServer":
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(2)
            try:
                self.requests.append(conn.recv(65536))
            except OSError:
                pass
            if self.mode == "headers":
                conn.sendall(b"HTTP/1.1 200 OK\r\nX-Pad: ")
                drip = b"p" * self.size
            else:
                conn.sendall(f"HTTP/1.1 200 OK\r\nContent-Type: {self.content_type}\r\n"
                             f"Content-Length: {self.size}\r\n\r\n".encode())
                drip = self.body_byte * self.size
            for i in range(len(drip)):
                if self.stopped.wait(self.interval):
                    return
                conn.sendall(drip[i:i + 1])
        except OSError:
            pass  # the client gave up: what the tests expect
        finally:
            conn.close()

    def stop(self) -> None:
        self.stopped.set()
        self.sock.close()
