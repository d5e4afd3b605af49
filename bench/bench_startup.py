"""Benchmark: how long `briefbot ask "/brief"` takes from exec to exit, paired with a bare `python -c pass`.

Target (issue 10): the median of the difference is within 0.3 s. Each round runs both commands back to
back, alternating their order, so a noisy shared machine slows both alike; the figure is the median of
the per-round differences. The database is seeded once before timing (a first run seeds it).
Run: .venv/bin/python -m bench.bench_startup [--rounds 15] [--command "/brief"]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.stats import percentile
from bot.app.cli import command_line

TARGET_SECONDS = 0.3


def _time(argv: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                   stdin=subprocess.DEVNULL)
    return time.perf_counter() - t0


def measure(rounds: int, command: str = "/brief") -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFBOT_")}
        env.update(BRIEFBOT_DB=str(Path(tmp) / "b.db"), BRIEFBOT_LOG_LEVEL="WARNING")
        ask = [*command_line(), "ask", command]
        bare = [sys.executable, "-c", "pass"]
        _time(ask, env)  # seeds the database
        app, python, diffs = [], [], []
        for i in range(rounds):
            if i % 2:
                b, a = _time(bare, env), _time(ask, env)
            else:
                a, b = _time(ask, env), _time(bare, env)
            app.append(a)
            python.append(b)
            diffs.append(a - b)
    return {"ask_median": statistics.median(app), "ask_p90": percentile(app, 90),
            "python_median": statistics.median(python), "diff_median": statistics.median(diffs),
            "ratio": statistics.median(app) / statistics.median(python), "rounds": rounds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--command", default="/brief")
    args = parser.parse_args(argv)
    r = measure(args.rounds, args.command)
    print(f"briefbot ask \"{args.command}\": median {r['ask_median'] * 1000:.0f} ms, p90 {r['ask_p90'] * 1000:.0f} ms")
    print(f"python -c pass:        median {r['python_median'] * 1000:.0f} ms")
    print(f"difference (paired):   median {r['diff_median'] * 1000:.0f} ms  (target <= {TARGET_SECONDS * 1000:.0f} ms; "
          f"ratio {r['ratio']:.1f}x, {r['rounds']} rounds)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
