"""Small timing helpers shared by the bench scripts: medians and percentiles, not means."""
from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def time_calls(fn: Callable[[], object], n: int, warmup: int = 3) -> list[float]:
    """Milliseconds per call."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def summary(label: str, ms: list[float]) -> str:
    return (f"{label:<34} p50 {statistics.median(ms):7.2f} ms   p99 {percentile(ms, 99):7.2f} ms   "
            f"max {max(ms):7.2f} ms   (n={len(ms)})")
