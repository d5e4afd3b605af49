"""Writes and reads for evidence state: catalog facts, figure history, source syncs, the name-mapping log.

Rules: a catalog fact lives in ``model_facts`` beside the curated ``models`` row and never
overwrites it; a synced figure keeps every value it has had in ``claim_history`` (one row per
source version, so syncing the same version twice adds nothing); every sync attempt leaves one
``source_syncs`` row, failed ones with a one-line reason. Knows nothing about chat or fetching.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .records import Claim
from .store import Store

FACT_FIELDS = ("release_date", "knowledge_cutoff", "open_weights", "price_input", "price_output",
               "context_limit", "output_limit", "input_modalities", "output_modalities", "catalog_id",
               "catalog_name", "reasoning", "status")
"""Fields a catalog may state; prices are USD per 1M tokens, limits are tokens."""


@dataclass(frozen=True)
class Fact:
    model_id: str
    field: str
    value: Any
    """Decoded from JSON: str, number, bool or list."""
    source_id: str
    observed: str
    entry: str | None = None
    """The catalog's own id for the entry this fact came from (e.g. `anthropic/claude-opus-4-5`)."""


@dataclass(frozen=True)
class SyncRow:
    id: int
    source: str
    started: str
    finished: str | None
    status: str
    origin: str | None
    version: str | None
    rows: int | None
    mapped: int | None
    unmapped: int | None
    candidates: int | None
    changed: int | None
    error: str | None
    etag: str | None = None
    last_modified: str | None = None


# ---- facts -----------------------------------------------------------------
def put_facts(store: Store, facts: Iterable[Fact]) -> int:
    """Upsert facts by (model, field, source); returns how many were new or changed."""
    changed = 0
    for f in facts:
        value = json.dumps(f.value, ensure_ascii=False, sort_keys=True)
        cur = store.db.execute("select value, entry from model_facts where model_id = ? and field = ? and source_id = ?",
                               [f.model_id, f.field, f.source_id]).fetchone()
        if cur is not None and cur[0] == value and cur[1] == f.entry:
            continue
        store.db.execute("""insert into model_facts (model_id, field, value, source_id, observed, entry)
            values (?, ?, ?, ?, ?, ?) on conflict (model_id, field, source_id)
            do update set value = excluded.value, observed = excluded.observed, entry = excluded.entry""",
                         [f.model_id, f.field, value, f.source_id, f.observed, f.entry])
        changed += 1
    return changed


def move_facts(store: Store, old_source_id: str, new_source_id: str) -> None:
    """A newer catalog version supersedes the older one's facts (same fields, same models)."""
    if old_source_id != new_source_id:
        store.db.execute("""delete from model_facts where source_id = ? and exists (select 1 from model_facts n
            where n.source_id = ? and n.model_id = model_facts.model_id and n.field = model_facts.field)""",
                         [old_source_id, new_source_id])


def facts_for(store: Store, model_ids: Sequence[str]) -> dict[str, dict[str, list[Fact]]]:
    """model id -> field -> facts (one per source), for the given models."""
    out: dict[str, dict[str, list[Fact]]] = {m: {} for m in model_ids}
    if not model_ids:
        return out
    marks = ",".join("?" * len(model_ids))
    for r in store.rows(f"select * from model_facts where model_id in ({marks}) order by source_id", model_ids):
        out[r["model_id"]].setdefault(r["field"], []).append(
            Fact(r["model_id"], r["field"], json.loads(r["value"]), r["source_id"], r["observed"], r["entry"]))
    return out


def catalog_ids(store: Store) -> list[tuple[str, str]]:
    """(catalog entry id, model id): extra names the mapper may match exactly."""
    rows = store.db.execute("select model_id, value from model_facts where field = 'catalog_id'").fetchall()
    out = []
    for model_id, value in rows:
        value = json.loads(value)
        out += [(v, model_id) for v in (value if isinstance(value, list) else [value])]
    return out


def open_weight_models(store: Store) -> set[str]:
    """Models open by the curated record, else by a catalog (the curated value wins when both exist)."""
    curated = {r[0]: bool(r[1]) for r in store.db.execute(
        "select id, open_weights from models where open_weights is not null").fetchall()}
    for model_id, value in store.db.execute(
            "select model_id, value from model_facts where field = 'open_weights'").fetchall():
        curated.setdefault(model_id, json.loads(value) is True)
    return {m for m, is_open in curated.items() if is_open}


# ---- claims with history -------------------------------------------------------
def put_claims(store: Store, claims: Sequence[Claim], version: str, recorded: str) -> int:
    """Upsert synced figures and append their value to the history when this version has none yet."""
    changed = store.upsert_many(claims)
    store.db.conn.executemany(
        """insert or ignore into claim_history (claim_id, value, value_text, source_id, version, recorded)
           values (?, ?, ?, ?, ?, ?)""",
        [(c.id, c.value, c.value_text, c.source_id, version, recorded) for c in claims])
    return changed


def history(store: Store, claim_id: str) -> list[dict[str, Any]]:
    """Every recorded value of a claim, in the order the versions were first synced."""
    return store.rows("""select value, value_text, source_id, version, recorded from claim_history
        where claim_id = ? order by recorded, version""", [claim_id])


def previous_values(store: Store, claim_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """For each claim with more than one recorded version, its value in the version before the latest."""
    if not claim_ids:
        return {}
    marks = ",".join("?" * len(claim_ids))
    rows = store.rows(f"""select claim_id, value, value_text, version from claim_history
        where claim_id in ({marks}) order by claim_id, recorded desc, version desc""", claim_ids)
    out: dict[str, dict[str, Any]] = {}
    seen: dict[str, int] = {}
    for r in rows:
        n = seen.get(r["claim_id"], 0)
        if n == 1:
            out[r["claim_id"]] = r
        seen[r["claim_id"]] = n + 1
    return out


# ---- sync log ----------------------------------------------------------------
def sync_started(store: Store, source: str, started: str, origin: str) -> int:
    cur = store.db.execute("insert into source_syncs (source, started, origin) values (?, ?, ?)",
                           [source, started, origin])
    return cur.lastrowid


def sync_finished(store: Store, sync_id: int, *, finished: str, status: str, version: str | None = None,
                  rows: int | None = None, mapped: int | None = None, unmapped: int | None = None,
                  candidates: int | None = None, changed: int | None = None, error: str | None = None,
                  etag: str | None = None, last_modified: str | None = None) -> None:
    store.db.execute("""update source_syncs set finished = ?, status = ?, version = ?, rows = ?, mapped = ?,
        unmapped = ?, candidates = ?, changed = ?, error = ?, etag = ?, last_modified = ? where id = ?""",
                     [finished, status, version, rows, mapped, unmapped, candidates, changed,
                      (error or None) and error.splitlines()[0][:300], etag, last_modified, sync_id])


def last_sync(store: Store, source: str, *, ok_only: bool = False) -> SyncRow | None:
    where = "source = ?" + (" and status in ('ok', 'unchanged')" if ok_only else "")
    rows = store.rows(f"select * from source_syncs where {where} order by id desc limit 1", [source])
    return SyncRow(**rows[0]) if rows else None


def syncs(store: Store, source: str | None = None, limit: int = 20) -> list[SyncRow]:
    if source:
        rows = store.rows("select * from source_syncs where source = ? order by id desc limit ?", [source, limit])
    else:
        rows = store.rows("select * from source_syncs order by id desc limit ?", [limit])
    return [SyncRow(**r) for r in rows]


# ---- name mapping log ------------------------------------------------------------
def note_names(store: Store, source: str, entries: Iterable[tuple[str, str, str | None, str | None, str | None]],
               seen: str) -> None:
    """entries: (name, status, model id, settings, reason); status is mapped | candidate | unmapped | ignored."""
    store.db.conn.executemany(
        """insert into source_names (source, name, status, model_id, settings, reason, last_seen)
           values (?, ?, ?, ?, ?, ?, ?) on conflict (source, name) do update set status = excluded.status,
           model_id = excluded.model_id, settings = excluded.settings, reason = excluded.reason,
           last_seen = excluded.last_seen""",
        [(source, name, status, model_id, settings, reason, seen) for name, status, model_id, settings, reason in entries])


def unmapped_names(store: Store, source: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    where = "status in ('unmapped', 'candidate')" + (" and source = ?" if source else "")
    params: list[Any] = [source] if source else []
    return store.rows(f"select * from source_names where {where} order by source, name limit ?", [*params, limit])


def moved_between(store: Store, since: str, until: str, limit: int = 50) -> list[dict[str, Any]]:
    """Synced figures whose value changed with a version recorded in [since, until): claim id, old and new value."""
    return store.rows("""select * from (
        select h.claim_id, h.value as value, h.value_text as value_text, h.version, h.recorded,
               (select p.value_text from claim_history p where p.claim_id = h.claim_id and p.recorded < h.recorded
                order by p.recorded desc limit 1) as previous_text,
               (select p.value from claim_history p where p.claim_id = h.claim_id and p.recorded < h.recorded
                order by p.recorded desc limit 1) as previous
        from claim_history h where h.recorded >= ? and h.recorded < ?)
        where previous is not null and previous != value order by abs(value - previous) desc, claim_id limit ?""",
                      [since, until, limit])
