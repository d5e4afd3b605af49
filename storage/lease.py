"""The runner lease: at most one `briefbot run` drains a database at a time.

Rules: taking the lease is one statement (an upsert whose update only fires when the row is free,
expired or already ours), so two processes can never both win; a holder extends it with
`heartbeat` well before `ttl_s` passes and gives it up with `release`; a holder that dies
(SIGKILL, power loss) simply stops heartbeating and the lease is free once `expires_at` passes.
The lease is for liveness and clarity (one clear owner); duplicates are prevented by the outbox's
compare-and-set claim (storage.delivery.mark_in_flight) even if two drainers ever overlap.
Times are Unix seconds passed in by the caller (`now`), so tests control the clock.
"""
from __future__ import annotations

import os
import socket
import time
from dataclasses import dataclass

from .store import Store

RUNNER = "runner"


@dataclass(frozen=True)
class Lease:
    holder: str
    """hostname:pid:start of the process holding it."""
    acquired_at: float
    expires_at: float
    """Unix seconds; past this the lease is free."""
    name: str = RUNNER

    def live(self, now: float) -> bool:
        return self.expires_at > now


def holder_id(pid: int | None = None, start: float | None = None) -> str:
    """This process's holder string: hostname:pid:start (start in whole Unix seconds)."""
    return f"{socket.gethostname()}:{pid or os.getpid()}:{int(start if start is not None else time.time())}"


def acquire_lease(store: Store, holder: str, ttl_s: float, now: float, name: str = RUNNER) -> Lease | None:
    """Take the lease if it is free, expired or already ours; None when another live holder has it."""
    cur = store.db.execute("""insert into runner_lease (name, holder, acquired_at, expires_at) values (?, ?, ?, ?)
        on conflict(name) do update set holder = excluded.holder, acquired_at = excluded.acquired_at,
        expires_at = excluded.expires_at
        where runner_lease.expires_at <= excluded.acquired_at or runner_lease.holder = excluded.holder""",
                           [name, holder, now, now + ttl_s])
    if cur.rowcount != 1:
        return None
    return Lease(holder, now, now + ttl_s, name)


def heartbeat(store: Store, lease: Lease, ttl_s: float, now: float) -> Lease | None:
    """Extend our lease; None when it is no longer ours (it expired and another process took it)."""
    cur = store.db.execute("update runner_lease set expires_at = ? where name = ? and holder = ?",
                           [now + ttl_s, lease.name, lease.holder])
    if cur.rowcount != 1:
        return None
    return Lease(lease.holder, lease.acquired_at, now + ttl_s, lease.name)


def release(store: Store, lease: Lease) -> bool:
    """Give the lease up (only if it is still ours); True when released."""
    return store.db.execute("delete from runner_lease where name = ? and holder = ?",
                            [lease.name, lease.holder]).rowcount == 1


def lease_holder(store: Store, name: str = RUNNER) -> Lease | None:
    """The lease row as it stands (possibly expired: check `live(now)`), or None if nobody holds it."""
    rows = store.rows("select * from runner_lease where name = ?", [name])
    if not rows:
        return None
    r = rows[0]
    return Lease(r["holder"], r["acquired_at"], r["expires_at"], r["name"])


def holder_gone(holder: str) -> bool:
    """True when the holder names a process on this host that no longer runs (killed, crashed):
    its lease need not be waited out. A holder on another host is never presumed gone."""
    try:
        host, pid_text, _start = holder.rsplit(":", 2)
        pid = int(pid_text)
    except ValueError:
        return False
    if host != socket.gethostname() or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    try:  # a zombie (killed, not yet reaped by its parent) runs no more code
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            return f.read().rsplit(")", 1)[-1].split()[0] in ("Z", "X")
    except (OSError, IndexError):
        return False


def take_over(store: Store, gone_holder: str, holder: str, ttl_s: float, now: float,
              name: str = RUNNER) -> Lease | None:
    """Replace a holder known to be gone (holder_gone), a compare-and-set on the holder string."""
    cur = store.db.execute("""update runner_lease set holder = ?, acquired_at = ?, expires_at = ?
        where name = ? and holder = ?""", [holder, now, now + ttl_s, name, gone_holder])
    return Lease(holder, now, now + ttl_s, name) if cur.rowcount == 1 else None
