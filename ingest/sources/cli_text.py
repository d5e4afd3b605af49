"""Plain functions behind `briefbot sources list|status|sync [NAME] [--from FILE_OR_URL]` and the daily
sync in `briefbot run`: the CLI (click) only parses options and prints these lines.

`sync` is `ingest.sources.sync.sync` (re-exported here): names None = every source; `from_` None fetches
each default URL with the polite conditional GET, "snapshot" reads the committed snapshots (what
`briefbot seed` does), a path or URL reads that one file (one source only).
"""
from __future__ import annotations

from storage import Store
from storage.evidence_store import last_sync, syncs, unmapped_names

from . import ADAPTERS, snapshots
from .sync import SNAPSHOT, SyncResult, sync, sync_snapshots

__all__ = ["list_sources", "sources_status", "sync", "sync_snapshots", "sync_lines", "daily_sync", "SNAPSHOT",
           "SyncResult", "unmapped_lines"]


def list_sources(store: Store | None = None) -> list[str]:
    """One line per source: name, what it is, default URL, whether its pinned snapshot is present."""
    out = []
    for a in ADAPTERS:
        try:
            meta = snapshots.info(a.name)
            pinned = f"snapshot {meta.version}" + ("" if snapshots.available(a.name) else " (files not present)")
        except FileNotFoundError:
            pinned = "no snapshot"
        out.append(f"{a.name:<11} {a.title} ({a.kind}) — {a.default_url} — {pinned}")
    return out


def sources_status(store: Store) -> list[str]:
    """One line per source: the last sync (status, version, counts or the one-line error) and the last good one."""
    out = []
    for a in ADAPTERS:
        last = last_sync(store, a.name)
        if last is None:
            out.append(f"{a.name:<11} never synced")
            continue
        line = f"{a.name:<11} {last.status} at {last.finished or last.started} from {last.origin}"
        if last.status == "failed":
            line += f": {last.error}"
            good = last_sync(store, a.name, ok_only=True)
            line += f" (last good: {good.version} at {good.finished})" if good else " (never synced successfully)"
        elif last.rows is not None:
            rate = f"{100 * (last.mapped or 0) / last.rows:.0f}%" if last.rows else "-"
            line += (f", version {last.version}: {last.rows} rows, {last.mapped} mapped ({rate}), {last.unmapped} unmapped, "
                     f"{last.candidates} new candidates, {last.changed} changed")
        out.append(line)
    return out


def sync_lines(results: list[SyncResult]) -> list[str]:
    return [r.line() for r in results]


def unmapped_lines(store: Store, source: str | None = None, limit: int = 50) -> list[str]:
    """Names a source prints that map to no reviewed model (candidates for `briefbot review`, or only logged)."""
    return [f"{r['source']}: “{r['name']}” — {r['status']}" + (f" as {r['model_id']}" if r["model_id"] else "") +
            (f" ({r['reason']})" if r["reason"] else "") for r in unmapped_names(store, source, limit)]


def daily_sync(store: Store, settings=None) -> list[SyncResult]:
    """The job `briefbot run` schedules once a day: every source from its published URL (conditional GET,
    so an unchanged file costs a 304); failures are recorded per source and never raise."""
    return sync(store, None, None, settings)


def history_lines(store: Store, source: str | None = None, limit: int = 20) -> list[str]:
    return [f"{r.source:<11} {r.status:<12} {r.started} {r.version or '-'} rows={r.rows} mapped={r.mapped} "
            f"changed={r.changed}" + (f" error: {r.error}" if r.error else "") for r in syncs(store, source, limit)]
