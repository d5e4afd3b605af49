"""Queries behind weekly digests: stored digests, and the record reads a digest needs.

Rules: storage knows nothing about how a digest is assembled or worded; it
keeps what it is given (period, destination, canonical filters, a content hash
and the content) and answers the few record queries that are digest-specific.
A stored digest is replaced only when its content changed, so `created_at`
tells when a digest last actually changed.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .where import Where
from .records import Claim
from .store import Store

CHECKING_PROVENANCES = ("independent", "crowd", "disputed")
"""A vendor claim counts as checked once a claim with one of these provenances covers it."""


@dataclass(frozen=True)
class StoredDigest:
    id: int
    period: str
    destination_id: str
    filters: str
    """Canonical JSON of the audience filter ("{}" for everything)."""
    content_hash: str
    """Hash of the assembled facts: equal hashes mean the same digest."""
    content: str
    created_at: str


def save_digest(store: Store, *, period: str, destination_id: str, filters: str, content_hash: str,
                content: str, now: str) -> StoredDigest:
    store.db.execute(
        """insert into digests (period, destination_id, filters, content_hash, content, created_at)
        values (?, ?, ?, ?, ?, ?) on conflict(period, destination_id, filters) do update set
        content_hash = excluded.content_hash, content = excluded.content, created_at = excluded.created_at
        where digests.content <> excluded.content""",
        [period, destination_id, filters, content_hash, content, now])
    found = get_digest(store, period, destination_id, filters)
    assert found is not None
    return found


def get_digest(store: Store, period: str, destination_id: str, filters: str) -> StoredDigest | None:
    rows = store.rows("select * from digests where period = ? and destination_id = ? and filters = ?",
                      [period, destination_id, filters])
    return StoredDigest(**rows[0]) if rows else None


def list_digests(store: Store, destination_id: str | None = None, limit: int = 20) -> list[StoredDigest]:
    if destination_id is None:
        rows = store.rows("select * from digests order by period desc, id desc limit ?", [limit])
    else:
        rows = store.rows("select * from digests where destination_id = ? order by period desc, id desc limit ?",
                          [destination_id, limit])
    return [StoredDigest(**r) for r in rows]


def _audience(vendor_ids: Sequence[str], model_ids: Sequence[str]) -> tuple[str, list]:
    """SQL for "the claim's subject belongs to one of these vendors or is one of these models"."""
    w = Where(joiner=" or ")
    w.any_of("c.subject_id", vendor_ids or None, template="{column} in (select id from models where vendor_id in ({marks}))")
    w.any_of("c.subject_id", model_ids or None)
    return ("(" + w.sql + ")", w.params) if w.parts else ("1", [])


def open_vendor_claims(store: Store, *, since: str, until: str, checked_before: str, kinds: Sequence[str],
                       vendor_ids: Sequence[str] = (), model_ids: Sequence[str] = (),
                       limit: int = 10) -> tuple[list[Claim], int]:
    """Vendor claims first seen in [since, until) that nothing independent covered before `checked_before`.

    Covered means: a reviewed claim of the same kind about the same model (and,
    for scores, the same benchmark, any settings) whose provenance is one of
    CHECKING_PROVENANCES. Oldest first; returns (the first `limit`, how many in all)."""
    audience, audience_params = _audience(vendor_ids, model_ids)
    kmarks = ",".join("?" * len(kinds))
    where = f"""from claims c where c.provenance = 'vendor_reported' and c.reviewed = 1
        and c.first_seen >= ? and c.first_seen < ? and c.kind in ({kmarks}) and {audience}
        and not exists (select 1 from claims i where i.subject_id = c.subject_id and i.kind = c.kind
            and coalesce(i.benchmark_id, '') = coalesce(c.benchmark_id, '') and i.reviewed = 1
            and i.provenance in ({','.join('?' * len(CHECKING_PROVENANCES))}) and i.first_seen < ?)"""
    params = [since, until, *kinds, *audience_params, *CHECKING_PROVENANCES, checked_before]
    total = store.db.execute("select count(*) " + where, params).fetchone()[0]
    if not total:
        return [], 0
    claims = store._many(Claim, "select c.* " + where + " order by c.first_seen, c.id limit ?", [*params, limit])
    return claims, total
