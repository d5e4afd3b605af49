"""The runner lease: one `briefbot run` per database; a standby takes over when the holder dies.

Storage functions are tested with an explicit clock; the process tests start the real
`python -m bot.app.runner` on a copy of the seeded database and SIGKILL / SIGSTOP it.
"""
from __future__ import annotations

import os
import signal
import subprocess

from bot.app.cli import command_line
import sys
import time
from pathlib import Path

import pytest

from storage import Store
from storage.delivery_migrations import delivery
from storage.lease import acquire_lease, heartbeat, holder_gone, holder_id, lease_holder, release

ROOT = Path(__file__).resolve().parents[2]
TTL = 2.0


def test_acquire_heartbeat_expire_release(tmp_path):
    store = Store.open(tmp_path / "l.db")
    a = acquire_lease(store, "h:1:0", 10, now=100.0)
    assert a is not None and a.expires_at == 110.0
    assert acquire_lease(store, "h:2:0", 10, now=105.0) is None          # live holder: refused
    assert lease_holder(store).holder == "h:1:0"
    a = heartbeat(store, a, 10, now=108.0)
    assert a.expires_at == 118.0
    assert acquire_lease(store, "h:2:0", 10, now=112.0) is None          # extended by the heartbeat
    b = acquire_lease(store, "h:2:0", 10, now=118.0)                     # expired: taken over
    assert b is not None and lease_holder(store).holder == "h:2:0"
    assert heartbeat(store, a, 10, now=119.0) is None                    # the old holder learns it lost
    assert release(store, a) is False and lease_holder(store).holder == "h:2:0"
    assert release(store, b) is True and lease_holder(store) is None
    assert acquire_lease(store, "h:1:0", 10, now=120.0) is not None      # free again
    store.close()


def test_the_lease_table_arrives_by_migration_on_an_old_database(tmp_path):
    from sqlite_utils import Database
    db = Database(tmp_path / "old.db")
    delivery.apply(db, stop_before="m003_runner_lease")
    assert not db["runner_lease"].exists()
    store = Store(db)
    assert store.db["runner_lease"].exists()
    assert acquire_lease(store, holder_id(), 5, time.time()) is not None
    store.close()


def test_holder_gone_only_for_a_dead_process_on_this_host():
    assert holder_gone(holder_id()) is False
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    assert holder_gone(holder_id(pid=dead.pid)) is True
    assert holder_gone(f"another-host.invalid:{dead.pid}:0") is False
    assert holder_gone("garbage") is False


def _runner(db_path: Path, tmp_path: Path, *extra: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "SLACK_", "DISCORD_", "OPENAI_"))}
    env.update(BRIEFBOT_LOCAL_OUTBOX=str(tmp_path / "sink.txt"), PYTHONPATH=str(ROOT),
               XDG_DATA_HOME=str(tmp_path / "xdg"))
    return subprocess.Popen([*command_line(), "--db", str(db_path), "run", "--no-console",
                             "--lease-ttl", f"{TTL}s", *extra], cwd=tmp_path, env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_holder(db_path: Path, pid: int, timeout: float) -> float:
    store = Store.open(db_path)
    try:
        t0 = time.monotonic()
        while time.monotonic() - t0 < timeout:
            lease = lease_holder(store)
            if lease is not None and lease.holder.split(":")[-2] == str(pid) and lease.live(time.time()):
                return time.monotonic()
            time.sleep(0.05)
        raise AssertionError(f"pid {pid} did not take the lease within {timeout} s: {lease_holder(store)}")
    finally:
        store.close()


def _stop(*procs: subprocess.Popen) -> None:
    for p in procs:
        if p.poll() is None:
            p.send_signal(signal.SIGCONT)
            p.kill()
        p.wait(timeout=10)
        for stream in (p.stdout, p.stderr):
            if stream:
                stream.close()


@pytest.mark.timeout(90)
def test_second_runner_exits_naming_the_holder_and_a_standby_takes_over_after_sigkill(db_path, tmp_path):
    holder = _runner(db_path, tmp_path)
    standby = None
    try:
        _wait_holder(db_path, holder.pid, 30)
        second = _runner(db_path, tmp_path)
        _, err = second.communicate(timeout=30)
        assert second.returncode == 3
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1 and f":{holder.pid}:" in lines[0] and "--standby" in lines[0], err
        standby = _runner(db_path, tmp_path, "--standby")
        time.sleep(1.0)
        assert standby.poll() is None  # waiting, not exited
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        killed_at = time.monotonic()
        took = _wait_holder(db_path, standby.pid, TTL + 20)
        print(f"standby took over {took - killed_at:.2f} s after the SIGKILL")
        standby.send_signal(signal.SIGTERM)
        assert standby.wait(timeout=20) == 0
        store = Store.open(db_path)
        assert lease_holder(store) is None  # released on a clean exit
        store.close()
    finally:
        _stop(holder, *([standby] if standby else []))


@pytest.mark.timeout(90)
def test_a_frozen_holder_is_replaced_only_after_its_lease_expires(db_path, tmp_path):
    """SIGSTOP: the process is alive but stops heartbeating, so only expiry frees the lease."""
    holder = _runner(db_path, tmp_path)
    standby = None
    try:
        _wait_holder(db_path, holder.pid, 30)
        standby = _runner(db_path, tmp_path, "--standby")
        time.sleep(1.0)
        holder.send_signal(signal.SIGSTOP)
        store = Store.open(db_path)
        expires = lease_holder(store).expires_at
        store.close()
        _wait_holder(db_path, standby.pid, TTL + 20)
        assert time.time() >= expires - 0.05  # not before the frozen holder's lease ran out
    finally:
        _stop(holder, *([standby] if standby else []))


@pytest.mark.timeout(120)
def test_two_runner_processes_on_one_database_deliver_300_messages_exactly_once(db_path, tmp_path):
    """Two real `python -m bot.app.runner --once --standby` processes started together on one file: the lease
    lets one drain while the other waits, then the other finds nothing left; the local sink file
    (the platform's history) holds each of the 300 keys exactly once."""
    import re
    from collections import Counter

    from bot.core.reply import Reply
    from storage.delivery import enqueue, ensure_destination, outbox_counts
    store = Store.open(db_path)
    dest = ensure_destination(store, "local", "", "console", is_dm=True)
    payload = Reply(title="hello").to_json()
    keys = [f"two-runners:{i:03d}" for i in range(300)]
    with store.db.atomic():
        for key in keys:
            enqueue(store, key, dest.id, "alert", payload, "2026-01-01T00:00:00+00:00")
    store.close()
    sink = tmp_path / "sink.txt"
    env_extra = {"BRIEFBOT_OUTBOX_PACE": "0", "BRIEFBOT_LOG_LEVEL": "WARNING"}
    procs = []
    for _ in range(2):
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("BRIEFBOT_", "SLACK_", "DISCORD_", "OPENAI_"))}
        env.update(env_extra, BRIEFBOT_LOCAL_OUTBOX=str(sink), PYTHONPATH=str(ROOT), XDG_DATA_HOME=str(tmp_path / "x"))
        procs.append(subprocess.Popen([*command_line(), "--db", str(db_path), "run", "--no-console",
                                       "--once", "--standby", "--lease-ttl", f"{TTL}s"], cwd=tmp_path, env=env,
                                      stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                      text=True))
    try:
        for p in procs:
            _, err = p.communicate(timeout=100)
            assert p.returncode == 0, err
    finally:
        _stop(*procs)
    delivered = Counter(re.findall(r"^=== end key=(two-runners:\d{3}) id=", sink.read_text(encoding="utf-8"), re.M))
    duplicates = {k: n for k, n in delivered.items() if n > 1}
    missing = [k for k in keys if k not in delivered]
    print(f"two runner processes: {sum(delivered.values())} delivered, {len(duplicates)} duplicates, "
          f"{len(missing)} missing")
    assert duplicates == {} and missing == []
    store = Store.open(db_path)
    assert outbox_counts(store)["pending"] == 0 and lease_holder(store) is None
    store.close()
