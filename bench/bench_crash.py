"""Crash bench: SIGKILL `briefbot run` at random moments during a burst of digest deliveries.

Each round copies a database holding N local destinations whose daily digest is due (missed a
few minutes ago, within the grace period), starts the bot as a subprocess delivering to the local
sink file, kills it with SIGKILL when a random number of messages has landed (or after a random
delay), optionally does that again, then restarts it with --once to completion and counts every
key in the sink file: each must appear exactly once. tests/test_crash.py runs a few dozen rounds;
this script runs more and prints the counts. Run:
    .venv/bin/python -m bench.bench_crash [--rounds 100] [--no-find-sent]
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bot.app.cli import command_line
from bot.delivery.local_sink import delivered_keys
from storage import Store
from storage.delivery import Schedule, ensure_destination, outbox_counts, set_schedule

ROOT = Path(__file__).resolve().parent.parent
BURST = 50


def build_template(path: Path, n: int = BURST, *, enqueued: bool = False, base: Path | None = None) -> list[str]:
    """A database with n destinations whose daily 'HH:MM' slot passed 10 minutes ago; returns the expected keys.

    enqueued=True also runs the due digests in this process (the real digest path, once), so a
    round's subprocesses only deliver: the digest build (openai import included) takes seconds,
    the burst itself well under one. `base`: an already seeded database to start from (seeding
    takes seconds; an unseeded database would be seeded by every bot start)."""
    if base is not None:
        shutil.copy(base, path)
    store = Store.open(path)
    if base is None:
        from ingest.seed_files import load_seeds
        load_seeds(store)             # a seeded record: the real digest has something to say
    now = datetime.now(timezone.utc)
    slot = (now - timedelta(minutes=10)).replace(second=0, microsecond=0)
    keys = []
    for i in range(n):
        dest = ensure_destination(store, "local", "", f"c{i:02d}", tz="UTC")
        set_schedule(store, Schedule(dest.id, "daily", 0, f"{slot:%H:%M}", "UTC"), (now - timedelta(days=2)).isoformat())
        keys.append(f"digest:{dest.id}:{slot.date().isoformat()}")
    if enqueued:
        from bot.delivery.digest_runs import run_due_digests
        from bot.core.context import Services
        outcomes = run_due_digests(Services.for_store(store), now)
        assert sorted(o.key for o in outcomes if o.state == "enqueued") == sorted(keys), outcomes
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return keys


@dataclass
class RoundResult:
    kills: int = 0
    delivered_at_kill: list[int] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    outbox: dict = field(default_factory=dict)

    def missing(self, expected: list[str]) -> list[str]:
        return [k for k in expected if self.counts[k] == 0]

    def duplicates(self) -> dict[str, int]:
        return {k: n for k, n in self.counts.items() if n > 1}


def _env(sink: Path, delay: float, find_sent: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "SLACK_", "DISCORD_", "OPENAI_"))}
    env.update(BRIEFBOT_LOCAL_OUTBOX=str(sink), BRIEFBOT_LOCAL_SINK_DELAY=str(delay), BRIEFBOT_LOG_LEVEL="WARNING",
               BRIEFBOT_LOCAL_SINK_FIND_SENT="1" if find_sent else "0", PYTHONPATH=str(ROOT))
    return env


def _start(db: Path, env: dict) -> subprocess.Popen:
    args = [*command_line(), "--db", str(db), "run", "--once", "--no-console"]
    return subprocess.Popen(args, cwd=str(db.parent), env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _kill_during_burst(proc: subprocess.Popen, sink: Path, rng: random.Random, n: int,
                       threshold: int | None = None) -> int | None:
    """SIGKILL once `threshold` records landed (0: after a random delay); None if it finished first."""
    threshold = rng.randrange(0, n) if threshold is None else threshold
    deadline = time.monotonic() + (rng.uniform(0.0, 0.8) if threshold == 0 else 30)
    while proc.poll() is None:
        landed = len(delivered_keys(sink)) if threshold else 0
        if (threshold and landed >= threshold) or (not threshold and time.monotonic() >= deadline):
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return landed
        time.sleep(0.002)
    return None


def crash_round(template: Path, workdir: Path, expected: list[str], rng: random.Random, *, kills: int = 1,
                delay: float = 0.01, find_sent: bool = True, 
                threshold: int | None = None) -> RoundResult:
    workdir.mkdir(parents=True, exist_ok=True)
    db, sink = workdir / "briefbot.db", workdir / "sink.txt"
    shutil.copy(template, db)
    env = _env(sink, delay, find_sent)
    result = RoundResult()
    for _ in range(kills):
        proc = _start(db, env)
        landed = _kill_during_burst(proc, sink, rng, len(expected), threshold)
        if landed is not None:
            result.kills += 1
            result.delivered_at_kill.append(landed)
    final = _start(db, env)
    _, err = final.communicate(timeout=60)
    if final.returncode != 0:
        raise RuntimeError(f"the restarted bot failed ({final.returncode}): {err.decode()[-2000:]}")
    result.counts = Counter(delivered_keys(sink))
    store = Store.open(db)
    try:
        result.outbox = outbox_counts(store)
    finally:
        store.close()
    return result


def main(argv: list[str] | None = None) -> int:
    import tempfile
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--delay", type=float, default=0.01, help="sink latency per message (s)")
    parser.add_argument("--enqueued", action="store_true",
                        help="build the digests before the rounds (kills then hit deliveries only)")
    parser.add_argument("--no-find-sent", action="store_true", help="disable find_sent: duplicates expected")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    totals = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "template.db"
        expected = build_template(template, enqueued=args.enqueued)
        started = time.monotonic()
        for i in range(args.rounds):
            r = crash_round(template, Path(tmp) / f"r{i}", expected, rng, kills=1 + i % 2, delay=args.delay,
                            find_sent=not args.no_find_sent)
            totals["rounds"] += 1
            totals["kills"] += r.kills
            totals["delivered"] += sum(r.counts.values())
            totals["missing"] += len(r.missing(expected))
            totals["duplicates"] += sum(n - 1 for n in r.duplicates().values())
            print(f"round {i + 1}: kills {r.kills} at {r.delivered_at_kill} delivered {sum(r.counts.values())} "
                  f"missing {len(r.missing(expected))} duplicates {sum(n - 1 for n in r.duplicates().values())} "
                  f"outbox {r.outbox}", flush=True)
        elapsed = time.monotonic() - started
    print(f"\n{totals['rounds']} rounds, {totals['kills']} SIGKILLs, {BURST} items each: delivered "
          f"{totals['delivered']} (expected {totals['rounds'] * BURST}), missing {totals['missing']}, "
          f"duplicates {totals['duplicates']} in {elapsed:.1f} s")
    return 0 if (totals["missing"] == 0 and totals["duplicates"] == 0) else 1


if __name__ == "__main__":
    sys.exit(main())
