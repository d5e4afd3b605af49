"""How facts from the record are worded in every reply: badges, figures, sources.

One place, so that "vendor claim" means the same thing in /compare, /claims,
digests and alerts.
"""
from __future__ import annotations

import re

from storage import Claim, Model, Source, Store, Vendor

PROVENANCE_BADGE = {
    "vendor_reported": "vendor claim",
    "independent": "independent",
    "press": "press report",
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


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def source_url(source: Source | None) -> str | None:
    """A link a reader can open, or None: a file path or an empty url is never shown."""
    url = (source.url or "").strip() if source else ""
    return url if url.startswith(("http://", "https://")) else None


def source_date(source: Source | None) -> str | None:
    """'Jan 2026' or '2026-01-31' from the source's published (else retrieved) date."""
    when = (source.published or source.retrieved or "") if source else ""
    if re.fullmatch(r"\d{4}-\d{2}", when):
        return f"{_MONTHS[int(when[5:]) - 1]} {when[:4]}"
    return when or None


def source_label(source: Source | None) -> str:
    """Publisher and title ('Moonshot AI: Kimi K2.5 model card'), never a path."""
    if source is None:
        return "unknown source"
    parts = [p for p in (source.publisher, source.title) if p]
    if len(parts) == 2 and parts[1].lower().startswith(parts[0].lower()):
        parts = parts[1:]
    return ": ".join(parts) or "unnamed source"


def source_link(source: Source | None) -> str:
    """[publisher: title](url); a source without a URL shows publisher and date, no link."""
    if source is None:
        return "unknown source"
    url = source_url(source)
    if url:
        return f"[{source_label(source)}]({url})"
    when = source_date(source)
    return (source.publisher or source_label(source)) + (f", {when}" if when else "")


_CONTRADICTED = re.compile(r"^Contradicted by (\S+?):\s*(.*)$", re.S)


def contradiction(store: Store, claim: Claim, *, link: bool = True) -> str | None:
    """For a disputed claim: why, with the contradicting source ('… · [Moonshot AI: …](url)');
    `link=False` names the source without its link (where the reply links it already)."""
    if claim.provenance != "disputed" or not claim.notes:
        return None
    match = _CONTRADICTED.match(claim.notes.strip())
    if not match:
        return shorten(claim.notes, 160)
    other = store.claim(match.group(1))
    why = shorten(match.group(2), 160)
    if other is None:
        return why
    source = store.sources({other.source_id}).get(other.source_id)
    return f"{why} · {source_link(source) if link else source_label(source)}"


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
    line = f"{body} — {reporter_note(store, claim, subject, cache)}{verified} · {source_link(sources.get(claim.source_id))}"
    why = contradiction(store, claim)
    return line + (f" — contradicted: {why}" if why else "")


def join_names(names: list[str]) -> str:
    if not names:
        return "others"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
