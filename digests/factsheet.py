"""The digest's facts as plain data: the stored fingerprint, and what a summarizer may use.

`facts(digest)` is a JSON-ready dict of everything shown (ids and figures);
its hash identifies the digest. `facts_text(digest)` is the same facts as short
lines for a language model: the only ground its text is checked against.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict

from storage import Claim

from .digest_types import Digest

BADGE = {"vendor_reported": "vendor claim", "independent": "independent", "press": "press report", "crowd": "crowd-sourced",
         "disputed": "disputed", "retracted": "retracted"}


def figure(claim: Claim) -> str:
    if claim.value_text:
        return claim.value_text
    return "?" if claim.value is None else f"{claim.value:g}"


def facts(digest: Digest) -> dict:
    p = digest.period

    def claim(c: Claim) -> dict:
        return asdict(c)
    return {
        "period": p.week, "tz": p.tz, "first_day": p.first_day.isoformat(), "last_day": p.last_day.isoformat(),
        "filters": digest.filters.to_json(),
        "headlines": [{"release": asdict(h.release), "significance": h.significance, "reasons": list(h.reasons)}
                      for h in digest.headlines],
        "headline_total": digest.headline_total,
        "claim_groups": [{"model": g.model_id, "total": g.total, "provenance": dict(g.provenance_counts),
                          "claims": [claim(c) for c in g.claims]} for g in digest.claim_groups],
        "claim_total": digest.claim_total, "claim_model_total": digest.claim_model_total,
        "more_models": list(digest.more_models), "provenance": dict(digest.provenance_counts),
        "moves": [{"benchmark": m.benchmark_id, "settings": m.settings, "new": claim(m.new),
                   "previous": claim(m.previous)} for m in digest.moves],
        "move_total": digest.move_total, "first_scores": digest.first_scores,
        "watch": [claim(c) for c in digest.watch], "watch_total": digest.watch_total,
        "watch_since": digest.watch_since,
        "launches": [{"model": la.model_id, "claim_total": la.claim_total, "rivals": list(la.rivals),
                      "figures": [{"claim": claim(f.claim), "best_other": claim(f.best_other) if f.best_other else None}
                                  for f in la.figures],
                      "vague": [claim(c) for c in la.vague], "disputed": [claim(c) for c in la.disputed]}
                     for la in digest.launches],
    }


def fingerprint(digest: Digest) -> str:
    data = json.dumps(facts(digest), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _claim_line(digest: Digest, c: Claim) -> str:
    subject = digest.model_name(c.subject_id)
    if c.kind == "benchmark_score":
        settings = f" ({c.settings})" if c.settings else ""
        body = f"{subject} scored {figure(c)} on {digest.benchmark_name(c.benchmark_id)}{settings}"
    elif c.kind == "comparison":
        others = ", ".join(digest.model_name(m) for m in c.compared_to) or "others"
        body = f"{subject} {c.relation or 'compares with'} {others}" + (f" on {c.scope}" if c.scope else "")
    else:
        body = f"{subject}: {c.kind}"
    who = f", reported by {digest.vendor_name(c.reported_by)}" if c.reported_by else ""
    return f"{body} [{BADGE.get(c.provenance, c.provenance)}{who}]"


def headline_figure_line(digest: Digest, f) -> str:
    """'HLE (with tools): Qwen3-Max-Thinking 49.8; best other figure in the record 45.8 (Gemini 3 Pro, reported by …)'."""
    c, best = f.claim, f.best_other
    settings = " (with tools)" if _tools(c) else ""
    line = f"{digest.benchmark_name(c.benchmark_id)}{settings}: {digest.model_name(c.subject_id)} {figure(c)}"
    if best is None:
        return line + "; no other figure in the record under the same settings"
    who = f", reported by {digest.vendor_name(best.reported_by)}" if best.reported_by else f", {BADGE.get(best.provenance, best.provenance)}"
    return line + f"; best other figure in the record {figure(best)} ({digest.model_name(best.subject_id)}{who})"


def _tools(claim: Claim) -> bool:
    from storage.settings_vocab import AGENTIC, parse
    return bool(parse(claim.settings).tools) and claim.benchmark_id not in AGENTIC


def facts_text(digest: Digest, max_chars: int = 6000) -> str:
    """Short lines, most important first, cut at a line boundary to fit `max_chars` (the token cap)."""
    p = digest.period
    lines = [f"Week: {p.week} ({p.label()})"]
    if digest.filters.audience:
        lines.append("Audience: " + ", ".join([digest.vendor_name(v) for v in digest.filters.vendors]
                                              + [digest.model_name(m) for m in digest.filters.models]))
    lines.append(f"New releases: {digest.headline_total}")
    for h in digest.headlines:
        r = h.release
        lines.append(f"- {digest.model_name(r.model_id)} by {digest.vendor_name(r.vendor_id)}, {r.date or 'date unknown'}: {r.title}")
    for la in digest.launches:
        lines.append(f"What {digest.vendor_of(la.model_id)} headlined for {digest.model_name(la.model_id)}:")
        for f in la.figures:
            lines.append(f"  - {headline_figure_line(digest, f)}")
        lines += [f"  - {_claim_line(digest, c)}" for c in (*la.vague, *la.disputed)]
    counts = ", ".join(f"{BADGE.get(k, k)} {n}" for k, n in digest.provenance_counts)
    lines.append(f"New claims: {digest.claim_total} about {digest.claim_model_total} models ({counts or 'none'})")
    lines.append(f"Benchmark moves (new best figures): {digest.move_total}")
    for m in digest.moves:
        settings = f" ({m.settings})" if m.settings else ""
        lines.append(f"- {digest.benchmark_name(m.benchmark_id)}{settings}: {digest.model_name(m.new.subject_id)} "
                     f"{figure(m.new)}, previously {digest.model_name(m.previous.subject_id)} {figure(m.previous)}")
    lines.append(f"Vendor claims not yet checked independently: {digest.watch_total}")
    lines.append("Claims by model:")
    for g in digest.claim_groups:
        lines.append(f"- {digest.model_name(g.model_id)} ({digest.vendor_of(g.model_id)}): {g.total} claims")
        lines += [f"  - {_claim_line(digest, c)}" for c in g.claims]
    out, size = [], 0
    for line in lines:
        if size + len(line) + 1 > max_chars:
            break
        out.append(line)
        size += len(line) + 1
    return "\n".join(out)
