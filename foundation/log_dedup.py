"""A logging filter that lets a repeated identical message through once per window, with a count.

Rules: a flood of identical warnings (forged requests, malformed bodies, a
client hammering an endpoint) must not fill the log or cost the loop time.
Records are keyed by logger name, level and formatted message; the first in a
window passes, the rest are counted, and the next one after the window passes
as "<message> (repeated N times in the last S s)". Attach it to a logger
(`logger.addFilter(DedupFilter())`), never to the root: it is meant for the
few modules that log on behalf of untrusted clients. Thread-safe.
"""
from __future__ import annotations

import logging
import threading
import time

MAX_KEYS = 1024
"""Distinct messages remembered; beyond that the oldest are forgotten (and would pass again)."""


class DedupFilter(logging.Filter):
    def __init__(self, window: float = 60.0, clock=time.monotonic):
        super().__init__()
        self.window = window
        self.clock = clock
        self._seen: dict[tuple, list] = {}  # key -> [window start, suppressed count]
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: let logging report it as it would
            return True
        key = (record.name, record.levelno, message)
        now = self.clock()
        with self._lock:
            entry = self._seen.get(key)
            if entry is not None and now - entry[0] < self.window:
                entry[1] += 1
                return False
            suppressed = entry[1] if entry is not None else 0
            self._seen.pop(key, None)
            self._seen[key] = [now, 0]
            while len(self._seen) > MAX_KEYS:
                self._seen.pop(next(iter(self._seen)))
        if suppressed:
            record.msg = f"{message} (repeated {suppressed} times in the last {self.window:.0f} s)"
            record.args = ()
        return True

    def pending(self) -> int:
        """Messages counted but not yet reported (for tests and status)."""
        with self._lock:
            return sum(entry[1] for entry in self._seen.values())


def deduplicate(logger: logging.Logger, window: float = 60.0) -> None:
    """Attach one DedupFilter to `logger` (idempotent): call it when a server starts, not at import."""
    if not any(isinstance(f, DedupFilter) for f in logger.filters):
        logger.addFilter(DedupFilter(window))
