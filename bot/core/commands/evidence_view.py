"""How catalog facts and independent figures appear in /compare and /model.

The rules live in storage.reconcile (what is comparable, which figure is a model's headline);
this module only words them: a catalog fact always names its source, and never hides a
curated value that differs from it (both are shown).
"""
from __future__ import annotations

from collections.abc import Sequence

from storage import Claim, Model, Store
from storage.reconcile import headline, is_synced
from storage.evidence_store import Fact, facts_for

import bot.core.wording as wording


def figures(store: Store, model_ids: Sequence[str]) -> list[Claim]:
    """The figures /compare and /model tabulate: curated claims as they are, and of the synced leaderboard
    figures only each model's headline per benchmark and source (not every task, category or variant)."""
    scores = store.scores_for(list(model_ids))
    curated = [c for c in scores if not is_synced(c)]
    benches = {b.id: b for b in store.benchmarks({c.benchmark_id for c in scores if c.benchmark_id})}
    return curated + headline(scores, benches)


def _catalog(fs: dict[str, list[Fact]], field: str) -> Fact | None:
    found = fs.get(field) or []
    return found[0] if found else None


def _label(store: Store, fact: Fact, cache: dict) -> str:
    if fact.source_id not in cache:
        cache[fact.source_id] = store.source(fact.source_id)
    source = cache[fact.source_id]
    return source.publisher if source and source.publisher else fact.source_id.split("@")[0]


def _tokens(n) -> str:
    return f"{int(n):,}" if isinstance(n, (int, float)) else str(n)


def fact_lines(store: Store, model: Model, facts_of: dict[str, list[Fact]] | None = None,
               cache: dict | None = None) -> list[tuple[str, str]]:
    """(label, text) for release date, price, context, open weights and knowledge cutoff, each with its source."""
    fs = facts_of if facts_of is not None else facts_for(store, [model.id])[model.id]
    cache = {} if cache is None else cache
    out: list[tuple[str, str]] = []
    date = _catalog(fs, "release_date")
    if model.release_date:
        record_source = model.source_id and store.source(model.source_id)
        text = model.release_date + (f" ({wording.source_label(record_source)})" if record_source else "")
        if date and date.value != model.release_date and not (model.source_id or "").startswith(date.source_id.split("@")[0]):
            text += f" · {_label(store, date, cache)} says {date.value}"
        out.append(("Released", text + (f" ({model.status})" if model.status else "")))
    elif date:
        out.append(("Released", f"{date.value} ({_label(store, date, cache)})" + (f" ({model.status})" if model.status else "")))
    else:
        out.append(("Released", "date unknown" + (f" ({model.status})" if model.status else "")))
    pin, pout = _catalog(fs, "price_input"), _catalog(fs, "price_output")
    if pin or pout:
        price = f"${pin.value:g} in / ${pout.value:g} out" if pin and pout else (
            f"${pin.value:g} in" if pin else f"${pout.value:g} out")
        out.append(("Price", f"{price} per 1M tokens ({_label(store, pin or pout, cache)})"))
    ctx, outlim = _catalog(fs, "context_limit"), _catalog(fs, "output_limit")
    curated_ctx = model.context_length_text or (model.context_length and _tokens(model.context_length))
    if ctx and not (model.source_id or "").startswith(ctx.source_id.split("@")[0]):
        text = f"{_tokens(ctx.value)} tokens" + (f", output {_tokens(outlim.value)}" if outlim else "") + \
               f" ({_label(store, ctx, cache)})"
        if curated_ctx and (model.context_length or 0) != ctx.value:
            text = f"{curated_ctx} (record) · {text}"
        out.append(("Context", text))
    elif ctx:
        out.append(("Context", f"{_tokens(ctx.value)} tokens" + (f", output {_tokens(outlim.value)}" if outlim else "") +
                    f" ({_label(store, ctx, cache)})"))
    elif curated_ctx:
        out.append(("Context", str(curated_ctx)))
    weights = _catalog(fs, "open_weights")
    if model.open_weights is not None:
        text = ("open" if model.open_weights else "closed") + (f" ({model.license})" if model.license else "")
        if weights and weights.value != model.open_weights:
            text += f" · {_label(store, weights, cache)} says {'open' if weights.value else 'closed'}"
        out.append(("Weights", text))
    elif weights:
        out.append(("Weights", f"{'open' if weights.value else 'closed'} ({_label(store, weights, cache)})"))
    cutoff = _catalog(fs, "knowledge_cutoff")
    if cutoff:
        out.append(("Knowledge cutoff", f"{cutoff.value} ({_label(store, cutoff, cache)})"))
    return out


def provenance_mark(claim: Claim) -> str:
    """A short mark for a table cell, so an independent figure is told apart from a vendor's at a glance."""
    return {"independent": " (indep.)", "crowd": " (crowd)", "catalog": " (catalog)"}.get(claim.provenance, "")


def dated_by_catalog(store: Store, model_ids: Sequence[str]) -> set[str]:
    """Models whose release date the record lacks but a catalog states."""
    return {m for m, fs in facts_for(store, list(model_ids)).items() if fs.get("release_date")}
