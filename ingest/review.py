"""Accepting or rejecting unreviewed candidates (`briefbot review`).

Rules: accepting a release or a claim makes it a fact and records alert events
for its subscribers (exactly as if it had arrived reviewed); accepting a claim
whose models or benchmark are unreviewed candidates accepts those too, so no
fact ever points at a candidate; rejecting deletes only unreviewed rows (a
rejected benchmark candidate takes its unreviewed scores with it). A release
older than the alert age is accepted without an alert (old news, not new).
"""
from __future__ import annotations

from storage import Store
from storage.ingest_state import reject, set_reviewed, unreviewed

from .plans import DEFAULT_ALERT_MAX_AGE_DAYS, alert_for_claim, alert_for_release

def table_of(item_id: str) -> str | None:
    if item_id.startswith("rel-"):
        return "releases"
    if item_id.startswith("clm-"):
        return "claims"
    return None


def _table(store: Store, item_id: str) -> str:
    """Which table an id names: releases and claims by their prefix (or a seeded claim's id), then a model, then a
    benchmark candidate (candidate ids are both slugs of a name)."""
    found = table_of(item_id)
    if found:
        return found
    if store.claim(item_id) is not None:
        return "claims"
    model = store.model(item_id)
    bench = store.benchmark(item_id)
    return "benchmarks" if bench is not None and not bench.reviewed and (model is None or model.reviewed) else "models"


def accept(store: Store, item_id: str, now: str, max_age_days: float = DEFAULT_ALERT_MAX_AGE_DAYS) -> int:
    """Accept one candidate by id; returns how many alert events it produced (-1 when nothing was accepted)."""
    table = _table(store, item_id)
    with store.db.atomic():
        if table == "claims":
            claim = store.claim(item_id)
            if claim is None or claim.reviewed:
                return -1
            for mid in (claim.subject_id, *claim.compared_to):
                set_reviewed(store, "models", mid)
            if claim.benchmark_id:
                set_reviewed(store, "benchmarks", claim.benchmark_id)
            set_reviewed(store, "claims", item_id)
            source = store.source(claim.source_id)
            return alert_for_claim(store, store.claim(item_id), source.url if source else None, now)
        if table == "releases":
            release = store.release(item_id)
            if release is None or release.reviewed:
                return -1
            set_reviewed(store, "models", release.model_id)
            set_reviewed(store, "releases", item_id)
            source = store.source(release.source_id)
            return alert_for_release(store, release, source.url if source else None, now, max_age_days)
        return 0 if set_reviewed(store, table, item_id) else -1


def accept_all(store: Store, now: str, max_age_days: float = DEFAULT_ALERT_MAX_AGE_DAYS) -> tuple[int, int]:
    """(accepted, alert events)."""
    pending = unreviewed(store, limit=100000)
    accepted = alerts = 0
    for key in ("models", "benchmarks"):
        for row in pending[key]:
            accepted += set_reviewed(store, key, row["id"])
    for key in ("releases", "claims"):
        for row in pending[key]:
            n = accept(store, row["id"], now, max_age_days)
            if n >= 0:
                accepted += 1
                alerts += n
    return accepted, alerts


def reject_item(store: Store, item_id: str) -> bool:
    return reject(store, _table(store, item_id), item_id)
