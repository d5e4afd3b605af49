"""/compare A B [C D]: two to four models side by side, every figure with its source.

What a reader needs to judge a comparison: which numbers are like-for-like
(same benchmark, same settings), who measured each one (a vendor measuring a
rival is still a vendor claim), what the vendors claim head to head, and what
is simply unknown.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from storage import Claim, Model

import bot.core.wording as facts
from bot.core.errors import UsageError
from bot.core.reply import Field, Reply, Section, Table
from bot.core.context import Context, Services
from bot.core.commands.common import resolve_models
from bot.core.commands.evidence_view import dated_by_catalog, fact_lines, figures, provenance_mark

MIN_MODELS, MAX_MODELS = 2, 4
MAX_TABLE_ROWS = 25
MAX_WARNINGS = 8
USAGE = "`/compare qwen3-max opus-4.5` (2 to 4 models; quote names with spaces: `/compare \"Qwen3 Max Thinking\" \"Claude Opus 4.5\"`)"


def group_words(services: Services, args: tuple[str, ...]) -> list[str]:
    """Unquoted multi-word names: find the split of the words into 2-4 names that all resolve."""
    if MIN_MODELS <= len(args) <= MAX_MODELS and all(services.resolver.resolve(a).ok for a in args):
        return list(args)
    if len(args) <= MAX_MODELS * 3:
        for parts in range(MIN_MODELS, MAX_MODELS + 1):
            for cuts in combinations(range(1, len(args)), parts - 1):
                bounds = (0, *cuts, len(args))
                names = [" ".join(args[a:b]) for a, b in zip(bounds, bounds[1:])]
                if all(services.resolver.resolve(n).ok for n in names):
                    return names
    return list(args)


def handle(services: Services, ctx: Context, args: tuple[str, ...]) -> Reply:
    if len(args) < MIN_MODELS:
        which = f"only one model (“{args[0]}”)" if args else "no models"
        raise UsageError(f"/compare needs two to four models; you gave {which}.", f"Example: {USAGE}")
    names = group_words(services, args)
    if len(names) > MAX_MODELS:
        raise UsageError(f"/compare takes at most {MAX_MODELS} models; you gave {len(names)}.",
                         f"Pick up to four, e.g. {USAGE}")
    models = resolve_models(services, names)
    return build_comparison(services, models)


def build_comparison(services: Services, models: list[Model]) -> Reply:
    store = services.store
    ids = [m.id for m in models]
    vendors: dict = {}
    scores = figures(store, ids)  # curated claims plus each model's headline independent/crowd figures
    footnotes = _Footnotes(store, vendors)
    sections = [Section(heading="Overview", fields=tuple(_overview(store, m, vendors) for m in models))]

    table, warnings, shared_count = _score_table(store, models, scores, footnotes)
    if table is not None:
        heading = "Shared benchmarks"
        text = None
        if shared_count > len(table.rows):
            text = (f"Showing {len(table.rows)} of {shared_count} shared benchmark rows; "
                    f"see `/claims {models[0].id} <benchmark>` for the rest.")
        sections.append(Section(heading=heading, text=text, table=table))
    if warnings:
        sections.append(Section(heading="Not like-for-like", items=tuple(warnings)))

    head_to_head = _head_to_head(store, models, vendors)
    if head_to_head:
        sections.append(Section(heading="Head-to-head claims", items=tuple(head_to_head)))

    unknown = _unknowns(models, scores, table, dated_by_catalog(store, ids))
    if unknown:
        sections.append(Section(heading="Unknown", items=tuple(unknown)))
    return Reply(title="Compare: " + " vs ".join(m.name for m in models), sections=tuple(sections),
                 footnotes=tuple(footnotes.lines()), kind="answer")


def _overview(store, model: Model, vendors: dict) -> Field:
    lines = [f"Vendor: {facts.vendor_name(store, model.vendor_id, vendors)}"]
    # release date, price, context, weights, cutoff: curated record first, catalog facts beside it, each sourced
    lines += [f"{label}: {text}" for label, text in fact_lines(store, model)]
    if model.modalities:
        lines.insert(2, "Modalities: " + ", ".join(model.modalities))
    return Field(name=model.name, value="\n".join(lines))


class _Footnotes:
    """Numbers sources once per (source, reporter, provenance) so cells stay short.

    Sources are fetched only for the footnotes actually shown, not for every figure."""

    def __init__(self, store, vendors):
        self.store, self.vendors = store, vendors
        self.keys: dict[tuple, int] = {}

    def mark(self, claim: Claim, subject: Model) -> int:
        key = (claim.source_id, claim.reported_by if claim.reported_by != subject.vendor_id else None, claim.provenance)
        if key not in self.keys:
            self.keys[key] = len(self.keys) + 1
        return self.keys[key]

    def lines(self) -> list[str]:
        out = []
        self.sources = self.store.sources({source_id for source_id, _, _ in self.keys})
        for (source_id, rival_reporter, provenance), n in self.keys.items():
            badge = facts.PROVENANCE_BADGE.get(provenance, provenance)
            who = f" by {facts.vendor_name(self.store, rival_reporter, self.vendors)} (about a rival's model)" if rival_reporter else ""
            out.append(f"[{n}] {facts.source_link(self.sources.get(source_id))} — {badge}{who}")
        return out


_TOOL_WORDS = ("tool", "search", "code-interpreter", "browsing", "browser", "agent swarm")


def tool_use(settings: str | None) -> str:
    """The setting that changes what a score means: tools or no tools. Other details (avg@k, token
    budgets, reasoning effort) are shown as a caution on the row, not used to split it."""
    text = (settings or "").lower()
    return "with tools" if any(word in text for word in _TOOL_WORDS) else ""


def _score_table(store, models, scores, footnotes):
    by_model = {m.id: m for m in models}
    cells: dict[tuple[str, str], dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for claim in scores:
        cells[(claim.benchmark_id, tool_use(claim.settings))][claim.subject_id].append(claim)
    by_benchmark: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for (bench_id, tools), per_model in cells.items():
        by_benchmark[bench_id].append((tools, per_model))
    # only benchmarks where at least two of the models have a figure matter here
    by_benchmark = {b: v for b, v in by_benchmark.items() if len({m for _, pm in v for m in pm}) >= 2}
    benchmarks = {b.id: b for b in store.benchmarks(by_benchmark)} if by_benchmark else {}
    rows, warnings, details = [], [], []
    for bench_id, variants in by_benchmark.items():
        bench = benchmarks.get(bench_id)
        bench_name = bench.name if bench else bench_id
        covered: set[str] = set()
        for tools, per_model in variants:
            if len(per_model) >= 2:
                label = bench_name + (f" ({tools})" if tools else "")
                rows.append((-len(per_model), label.lower(), label, bench, per_model))
                covered |= set(per_model)
        models_here = {m for _, per_model in variants for m in per_model}
        if len(variants) > 1 and models_here - covered:
            described = "; ".join(
                f"{by_model[m].name}: " + ", ".join(
                    f"{facts.figure(c)} ({t or 'no tools stated'})" for t, pm in variants for c in pm.get(m, []))
                for m in sorted(models_here))
            warnings.append(f"{bench_name}: tool use differs, so these are not like-for-like — {described}")
    rows.sort(key=lambda r: r[:2])
    shared = len(rows)
    if not rows:
        return None, _capped(warnings, "benchmarks where tool use differs"), 0
    shown = rows[:MAX_TABLE_ROWS]
    for _, _, label, _, per_model in shown:
        settings = {m: sorted({c.settings or "not stated" for c in claims}) for m, claims in per_model.items()}
        if len({tuple(v) for v in settings.values()}) > 1:
            details.append(f"{label}: evaluated differently — " + "; ".join(
                f"{by_model[m].name}: {', '.join(v)}" for m, v in settings.items()))
    # footnotes are numbered only for rows actually shown
    built = tuple(_row(label, per_model, models, bench, footnotes) for _, _, label, bench, per_model in shown)
    table = Table(columns=("Benchmark", *(m.name for m in models)), rows=built)
    return table, _capped(warnings, "benchmarks where tool use differs") + _capped(
        details, "rows evaluated differently"), shared


def _capped(lines: list[str], what: str) -> list[str]:
    if len(lines) <= MAX_WARNINGS:
        return lines
    return lines[:MAX_WARNINGS] + [f"…and {len(lines) - MAX_WARNINGS} more {what}."]


def _row(label, per_model, models, bench, footnotes) -> tuple[str, ...]:
    higher = bench.higher_is_better if bench else True
    best_values = [c.value for claims in per_model.values() for c in claims if c.value is not None]
    best = (max(best_values) if higher else min(best_values)) if best_values else None
    row = [label]
    for model in models:
        claims = per_model.get(model.id, [])
        if not claims:
            row.append("—")
            continue
        parts = []
        for claim in claims:
            text = f"{facts.figure(claim)}{provenance_mark(claim)} [{footnotes.mark(claim, model)}]"
            if claim.value is not None and claim.value == best:
                text = f"**{text}**"
            parts.append(text)
        row.append(" / ".join(parts))
    return tuple(row)


def _head_to_head(store, models, vendors) -> list[str]:
    ids = {m.id for m in models}
    claims = store.claims_involving(list(ids), kinds=("comparison",), limit=50)
    relevant = [c for c in claims if c.subject_id in ids]
    relevant.sort(key=lambda c: (not (set(c.compared_to) & ids), c.first_seen, c.id))
    if not relevant:
        return []
    model_map = {m.id: m for m in store.models(sorted({x for c in relevant for x in (c.subject_id, *c.compared_to)}))}
    sources = store.sources({c.source_id for c in relevant})
    return [facts.describe_claim(store, c, model_map, sources, vendors) for c in relevant[:8]]


def _unknowns(models, scores, table, dated=frozenset()) -> list[str]:
    out = []
    with_scores = {c.subject_id for c in scores}
    for model in models:
        if model.id not in with_scores:
            out.append(f"No benchmark figures for {model.name} in the record.")
        if not model.release_date and model.id not in dated:
            out.append(f"{model.name}: release date not in the record.")
    if scores and table is None and len(with_scores) >= 2:
        out.append("These models have figures, but on no benchmark they share with the same settings.")
    if scores and all(c.provenance == "vendor_reported" for c in scores):
        out.append("Every figure here is vendor-reported; none has been independently measured.")
    return out
