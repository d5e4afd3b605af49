"""The digest's lead paragraph: written from the facts, with no network and no key.

This is the default summarizer and the fallback whenever an LLM summary is
unavailable or fails its grounding check, so it must never fail and must only
say what the facts say. Every summarizer returns a `Summary` recording which
writer produced the text and, when the LLM was not used, why.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from .factsheet import BADGE, figure
from .digest_types import Digest


@dataclass(frozen=True)
class Summary:
    text: str
    source: str = "default"
    """'default', or 'llm:<model name>' when a checked LLM text is used."""
    note: str | None = None
    """Why the default text was used although an LLM was configured (rejection, timeout, error)."""


class Summarizer(Protocol):
    def summarize(self, digest: Digest, known_names: Iterable[str] = ()) -> Summary:
        """`known_names`: every model and vendor name in the record, for the grounding check."""


def _names(names: list[str], total: int) -> str:
    if total > len(names):
        return ", ".join(names) + f" and {total - len(names)} more"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def default_summary(digest: Digest) -> str:
    p = digest.period
    watch = ""
    if digest.watch_total:
        watch = (f" {_plural(digest.watch_total, 'vendor claim')} from recent weeks "
                 f"{'still awaits' if digest.watch_total == 1 else 'still await'} an independent check.")
    if digest.quiet:
        return f"A quiet week ({p.week}, {p.label()}): nothing new entered the record.{watch}"
    parts = []
    if digest.headline_total:
        shown = [digest.model_name(h.release.model_id) if digest.launches else
                 f"{digest.model_name(h.release.model_id)} ({digest.vendor_name(h.release.vendor_id)})"
                 for h in digest.headlines[:3]]
        parts.append(f"{_plural(digest.headline_total, 'new release')}: {_names(shown, digest.headline_total)}.")
    for launch in digest.launches[:3]:
        parts.append(_launch_sentence(digest, launch))
    if digest.claim_total and not digest.launches:
        counts = ", ".join(_plural(n, BADGE.get(k, k)) if k == "vendor_reported" else f"{n} {BADGE.get(k, k)}"
                           for k, n in digest.provenance_counts)
        parts.append(f"{_plural(digest.claim_total, 'new claim')} about {_plural(digest.claim_model_total, 'model')}"
                     + (f" ({counts})." if counts else "."))
    if digest.move_total and not digest.launches:
        m = digest.moves[0]
        settings = f", {m.settings}" if m.settings else ""
        parts.append(f"{_plural(digest.move_total, 'new best score')}, including {digest.model_name(m.new.subject_id)} "
                     f"on {digest.benchmark_name(m.benchmark_id)} ({figure(m.new)}{settings}; previously "
                     f"{digest.model_name(m.previous.subject_id)} with {figure(m.previous)}).")
    if digest.launches:
        independent = dict(digest.provenance_counts).get("independent", 0)
        watch = (" Nothing independent has checked these figures yet." if not independent
                 else f" {_plural(independent, 'independent figure')} this week.")
    return f"Week {p.week}: " + " ".join(parts) + watch


def _launch_sentence(digest: Digest, launch) -> str:
    """What the vendor headlined, against the record's best other figure, and its vague claim quoted as such."""
    vendor, model = digest.vendor_of(launch.model_id), digest.model_name(launch.model_id)
    out = []
    if launch.figures:
        f = launch.figures[0]
        c, best = f.claim, f.best_other
        from storage.settings_vocab import AGENTIC, parse
        tools = " with tools" if parse(c.settings).tools and c.benchmark_id not in AGENTIC else ""
        text = f"{vendor} headlines {figure(c)} on {digest.benchmark_name(c.benchmark_id)}{tools} for {model}"
        if best is not None and best.value is not None and c.value is not None and c.value > best.value:
            text += f" (next best in the record: {figure(best)})"
        out.append(text)
    vague = next((c for c in launch.vague if c.scope), None)
    if vague is not None:
        others = _names([digest.model_name(m) for m in vague.compared_to], len(vague.compared_to))
        verb = {"matches": "comparable to", "beats": "ahead of", "trails": "behind"}.get(vague.relation or "", "compared with")
        out.append(f"calls it {verb} {others} on {vague.scope}, without per-benchmark figures")
    if not out:
        return f"{model} ({vendor}): no headline figures in the record yet."
    return (out[0] if len(out) == 1 else f"{out[0]}, and {out[1]}" if launch.figures else f"{vendor} {out[0]}") + "."


class DefaultSummarizer:
    def summarize(self, digest: Digest, known_names: Iterable[str] = ()) -> Summary:
        return Summary(default_summary(digest))
