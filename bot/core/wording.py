"""How facts from the record are worded in every reply: badges, figures, sources.

One place, so that "vendor claim" means the same thing in /compare, /claims,
digests and alerts.
"""
from __future__ import annotations

from storage import Claim, Model, Source, Store, Vendor

PROVENANCE_BADGE = {
    "vendor_reported": "vendor claim",
    "independent": "independent",
    "crowd": "crowd-sourced",
    "disputed": "disputed",
    "retracted": "retracted",
}


def badge(claim: Claim) -> str:
    return PROVENANCE_BADGE.get(claim.provenance, claim.provenance)


def figure(claim: Claim) -> str:
    if claim.value_text:
        text = claim.value_text
    elif claim.value is None:
        return "?"
    else:
        text = f"{claim.value:g}"
    if claim.unit and claim.unit not in ("%", "score") and not text.endswith(claim.unit):
        text += f" {claim.unit}"
    return text


def source_label(source: Source | None) -> str:
    if source is None:
        return "unknown source"
    label = source.publisher or source.title or source.url
    if source.title and source.publisher and source.kind == "model_card":
        label = f"{source.publisher} model card"
    return label


def source_link(source: Source | None) -> str:
    if source is None:
        return "unknown source"
    url = source.url if source.url.startswith("http") else None
    return f"[{source_label(source)}]({url})" if url else f"{source_label(source)} ({source.url})"


def vendor_name(store: Store, vendor_id: str | None, cache: dict[str, Vendor | None] | None = None) -> str:
    if vendor_id is None:
        return "unknown"
    if cache is not None:
        if vendor_id not in cache:
            cache[vendor_id] = store.vendor(vendor_id)
        vendor = cache[vendor_id]
    else:
        vendor = store.vendor(vendor_id)
    return vendor.name if vendor else vendor_id


def reporter_note(store: Store, claim: Claim, subject: Model | None, cache=None) -> str:
    """'vendor claim', or 'vendor claim by Moonshot AI' when the reporter is not the subject's vendor."""
    text = badge(claim)
    if claim.reported_by and subject is not None and claim.reported_by != subject.vendor_id:
        text += f" by {vendor_name(store, claim.reported_by, cache)}"
    return text


def describe_claim(store: Store, claim: Claim, models: dict[str, Model], sources: dict[str, Source],
                   cache=None) -> str:
    """One line a reader can judge: who claims what, how sure, and where it says so."""
    subject = models.get(claim.subject_id)
    subject_name = subject.name if subject else claim.subject_id
    who = vendor_name(store, claim.reported_by, cache) if claim.reported_by else source_label(
        sources.get(claim.source_id))
    if claim.kind == "benchmark_score":
        bench = store.benchmark(claim.benchmark_id)
        settings = f" ({claim.settings})" if claim.settings else ""
        body = f"{subject_name}: {figure(claim)} on {bench.name if bench else claim.benchmark_id}{settings}"
    elif claim.kind == "comparison":
        others = [models[m].name if m in models else m for m in claim.compared_to]
        verb = {"beats": "beats", "matches": "matches", "trails": "trails"}.get(claim.relation or "", "compares with")
        scope = f" ({claim.scope})" if claim.scope else ""
        body = f"{who} claims {subject_name} {verb} {join_names(others)}{scope}"
    else:
        body = f"{subject_name}: “{shorten(claim.quote, 200)}”"
    verified = "" if claim.provenance != "vendor_reported" else ", not independently verified"
    return f"{body} — {reporter_note(store, claim, subject, cache)}{verified} · {source_link(sources.get(claim.source_id))}"


def join_names(names: list[str]) -> str:
    if not names:
        return "others"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
