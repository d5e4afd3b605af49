"""The local sink: the sender for platform "local", used by `briefbot run` without any tokens.

Each message is written as rendered text to a file (settings.local_outbox, BRIEFBOT_LOCAL_OUTBOX)
or, without one, to the terminal. A message in the file is framed by a header line and an end
line that both carry the idempotency key; it is written with a single O_APPEND write, so a crash
leaves either the whole record or, at worst, a header without its end line (not counted as
delivered). `find_sent` scans the file for the end line: the file plays the part of the
platform's history (Slack metadata, Discord nonce) after a crash.
Test knobs (demos and the crash test only): BRIEFBOT_LOCAL_SINK_DELAY seconds of "network"
latency, half before and half after the write; BRIEFBOT_LOCAL_SINK_FIND_SENT=0 disables
find_sent (to show the crash test catches the duplicates that follow).
"""
from __future__ import annotations

from foundation.clock import now_stamp
import asyncio
import hashlib
import logging
import os
import sys
from pathlib import Path
from typing import TextIO

from storage.delivery import Destination

from bot.delivery.protocol import SendResult
from bot.render.text import render_text
from bot.core.reply import Reply

log = logging.getLogger(__name__)

PLATFORM = "local"
HEADER = "=== briefbot message key={key} to={destination} at={at} ==="
FOOTER = "=== end key={key} id={message_id} ==="


def message_id_for(key: str) -> str:
    return "local-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


class LocalSink:
    platform = PLATFORM

    def __init__(self, path: Path | None = None, *, stream: TextIO | None = None, delay: float = 0.0,
                 find_sent_enabled: bool = True):
        self.path = Path(path) if path else None
        self.stream = stream
        self.delay = delay
        self.find_sent_enabled = find_sent_enabled
        self._printed: set[str] = set()

    @classmethod
    def from_settings(cls, settings) -> "LocalSink":
        section = settings.local_sink
        return cls(section.path, delay=section.delay, find_sent_enabled=section.find_sent)

    async def send(self, destination: Destination, reply: Reply, idempotency_key: str) -> SendResult:
        message_id = message_id_for(idempotency_key)
        if self.delay:
            await asyncio.sleep(self.delay / 2)
        at = now_stamp()
        body = render_text(reply).rstrip("\n")
        record = "\n".join((HEADER.format(key=idempotency_key, destination=destination.id, at=at), body,
                            FOOTER.format(key=idempotency_key, message_id=message_id))) + "\n"
        if self.path is None:
            print(record, file=self.stream or sys.stdout, flush=True)
            self._printed.add(idempotency_key)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = record.encode("utf-8")
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                written = os.write(fd, data)
                if written != len(data):  # never seen on a local file; record the tail rather than lose the end line
                    os.write(fd, data[written:])
            finally:
                os.close(fd)
        if self.delay:
            await asyncio.sleep(self.delay / 2)
        return SendResult(message_id=message_id)

    async def find_sent(self, destination: Destination, idempotency_key: str) -> str | None:
        if not self.find_sent_enabled:
            return None
        if self.path is None:
            return message_id_for(idempotency_key) if idempotency_key in self._printed else None
        end = f"=== end key={idempotency_key} id="
        try:
            with self.path.open(encoding="utf-8", errors="replace") as handle:
                for line in handle:
                    if line.startswith(end):
                        return line[len(end):].split(" ", 1)[0]
        except FileNotFoundError:
            return None
        return None


def delivered_keys(path: Path) -> list[str]:
    """Every complete record's key in file order (tests and the bench count duplicates with it)."""
    keys = []
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return keys
    for line in text.splitlines():
        if line.startswith("=== end key="):
            keys.append(line[len("=== end key="):].rsplit(" id=", 1)[0])
    return keys
