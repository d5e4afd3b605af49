"""The digest's evidence section: vendor claims that an independent figure now checks, vendors that
disagree about a figure, and independent figures that moved with a newer leaderboard file. Rules
(comparability, tolerance, what counts as a disagreement) are storage.reconcile's."""
from __future__ import annotations

from dataclasses import dataclass

from storage import Claim, Store
from storage.reconcile import (CHECKING, Disagreement, Verdict, canonical, comparable_pairs, vendor_disagreements,
                               verdict)
from storage.evidence_store import moved_between


@dataclass(frozen=True)
class Check:
    claim: Claim
    """The vendor claim."""
    counterpart: Claim
    verdict: Verdict


@dataclass(frozen=True)
class Moved:
    claim: Claim
    previous_text: str
    """The figure in the previous version of the file."""


def checks(store: Store, since: str, until: str, limit: int = 8) -> tuple[tuple[Check, ...], int]:
    """Vendor benchmark claims first seen in [since, until) that an independent figure checks (agrees, lower,
    higher), largest gap first; and how many there are in all."""
    vendor = store.claims(since=since, until=until, kinds=("benchmark_score",), provenance=("vendor_reported",),
                          limit=None, order="first_seen, id")
    vendor = [c for c in vendor if c.value is not None and c.benchmark_id]
    if not vendor:
        return (), 0
    checking: dict[tuple[str, str], list[Claim]] = {}
    for c in store.claims(model_benchmarks=comparable_pairs(vendor), kinds=("benchmark_score",), provenance=CHECKING,
                          limit=None, order="id"):
        checking.setdefault((c.subject_id, canonical(c.benchmark_id)), []).append(c)
    benches = {b.id: b for b in store.benchmarks({canonical(c.benchmark_id) for c in vendor})}
    found = []
    for c in vendor:
        pool = checking.get((c.subject_id, canonical(c.benchmark_id)))
        if not pool:
            continue
        counterpart, v, _ = verdict(c, pool, benches.get(canonical(c.benchmark_id)))
        if counterpart is not None and v.kind in ("agrees", "lower", "higher"):
            found.append(Check(c, counterpart, v))
    found.sort(key=lambda x: (-abs(x.verdict.delta or 0), x.claim.first_seen, x.claim.id))
    return tuple(found[:limit]), len(found)


def moves(store: Store, since: str, until: str, limit: int = 8) -> tuple[tuple[Moved, ...], int]:
    rows = moved_between(store, since, until, limit=500)
    out = []
    for r in rows[:limit]:
        claim = store.claim(r["claim_id"])
        if claim is not None and claim.reviewed:
            out.append(Moved(claim, r["previous_text"]))
    return tuple(out), len(rows)


def disagreements(store: Store, since: str, until: str, limit: int = 3) -> tuple[tuple[Disagreement, ...], int]:
    """Vendor disagreements involving a claim first seen in [since, until), widest gap first: a rival's card
    that prints another number for a model is news the week it lands, not every week after."""
    fresh = store.claims(since=since, until=until, kinds=("benchmark_score",), provenance=("vendor_reported",),
                         limit=None, order="first_seen, id")
    fresh_ids = {c.id for c in fresh}
    if not fresh_ids:
        return (), 0
    found = [d for d in vendor_disagreements(store, model_benchmarks=comparable_pairs(fresh))
             if any(c.id in fresh_ids for c in d.claims)]
    found.sort(key=lambda d: (-d.spread, d.subject_id, d.benchmark_id))
    return tuple(found[:limit]), len(found)
