"""/compare A B [C D]: two to four models side by side, every figure with its source.

What a reader needs to judge a comparison: which numbers are like-for-like
(same benchmark, same settings), who measured each one (a vendor measuring a
rival is still a vendor claim), what the vendors claim head to head, and what
is simply unknown.
"""
from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

from digests import editorial
from storage import Claim, Model
from storage import settings_vocab as vocab

import bot.core.wording as facts
from bot.core.errors import UsageError
from bot.core.reply import Field, Reply, Section, Table
from bot.core.context import Context, Services
from bot.core.commands.common import resolve_models
from bot.core.commands.evidence_view import dated_by_catalog, fact_lines, figures, provenance_mark
from storage.reconcile import is_synced

MIN_MODELS, MAX_MODELS = 2, 4
MAX_TABLE_ROWS = 12
MAX_TABLE_ROWS_MANY = 10
MAX_HEAD_TO_HEAD = 3
MAX_MEASURED_ROWS = 6
BOARD_METHODS = ("bash-only", "style control")
"""Settings words that name a leaderboard's method (one board each), not a model's configuration."""
USAGE = "`/compare qwen3-max opus-4.5` (2 to 4 models; quote names with spaces: `/compare \"Qwen3 Max Thinking\" \"Claude Opus 4.5\"`)"


_JOINERS = re.compile(r"\s*(?:,|;|&|\+|\bvs\.?(?=\s|$)|\bversus\b|\band\b)\s*", re.IGNORECASE)


def split_names(args: tuple[str, ...]) -> list[str] | None:
    """'qwen3-max vs opus-4.5', 'a, b and c', 'a versus b': the names between the joiners, or None if none."""
    text = " ".join(args)
    if not _JOINERS.search(text):
        return None
    parts = [p.strip() for p in _JOINERS.split(text) if p and p.strip()]
    return parts if len(parts) >= 2 else None


def group_words(services: Services, args: tuple[str, ...]) -> list[str]:
    """Unquoted multi-word names: joiners ("vs", "versus", "and", commas) first, else find the split of the
    words into 2-4 names that all resolve (a multi-word name is tried whole before its words)."""
    joined = split_names(args)
    if joined:
        return joined
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
    curated = [c for c in scores if not is_synced(c)]
    measured = [c for c in scores if is_synced(c)]
    footnotes = _Footnotes(store, vendors)
    sections = [Section(heading="Overview", fields=tuple(_overview(store, m, vendors) for m in models))]

    limit = MAX_TABLE_ROWS if len(models) <= 2 else MAX_TABLE_ROWS_MANY
    table, flagged, tools_differ, shared_count = _score_table(store, models, curated, footnotes, limit)
    leaderboard_lines = _leaderboard_lines(store, models, measured, footnotes)
    if table is not None:
        sections.append(Section(heading="Benchmarks", table=table))
        legend = []
        if flagged:
            legend.append(f"{DIFFERS} settings differ ({', '.join(flagged)}): `/claims {models[0].id} BENCHMARK` shows them.")
        if shared_count > len(table.rows):
            legend.append(f"{shared_count - len(table.rows)} more shared benchmark rows: `/claims {models[0].id}`.")
        if tools_differ:
            legend.append("Not comparable (tools on one side only): " + ", ".join(tools_differ[:6])
                          + (f" and {len(tools_differ) - 6} more" if len(tools_differ) > 6 else "") + ".")
        sections.append(Section(text="\n".join(legend)))
    elif tools_differ:
        sections.append(Section(text="Not comparable (tools on one side only): " + ", ".join(tools_differ) + "."))
    if leaderboard_lines:
        # lines, not a second table: Slack allows one table block per message and this answer is one message
        sections.append(Section(heading="Independent measurements", items=tuple(leaderboard_lines),
                                text="Leaderboards run one harness for every model; each model's best configuration. "
                                     f"`/check {models[0].id}` sets them against the vendor claims."))
    if footnotes.keys:
        sections.append(Section(text="Sources: " + "; ".join(footnotes.lines()) + "."))

    head_to_head = _head_to_head(store, models, vendors)
    if head_to_head:
        sections.append(Section(heading="Head-to-head claims", items=tuple(head_to_head)))

    unknown = _unknowns(models, scores, table, dated_by_catalog(store, ids))
    if unknown:
        sections.append(Section(heading="Unknown", items=tuple(unknown)))
    return Reply(title="Compare: " + " vs ".join(m.name for m in models), sections=tuple(sections), kind="answer")


def _overview(store, model: Model, vendors: dict) -> Field:
    lines = [f"Vendor: {facts.vendor_name(store, model.vendor_id, vendors)}"]
    # release date, price, context, weights, cutoff: curated record first, catalog facts beside it, each sourced
    lines += [f"{label}: {text}" for label, text in fact_lines(store, model)]
    if model.modalities:
        lines.insert(2, "Modalities: " + ", ".join(model.modalities))
    return Field(name=model.name, value="\n".join(lines))


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
DIFFERS = "†"


def ref(n: int) -> str:
    return str(n).translate(_SUPERSCRIPT)


class _Footnotes:
    """Numbers sources once per (source, reporter, provenance) so cells stay short.

    Sources are fetched only for the references actually shown, not for every figure."""

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
        listed: set[str] = set()
        for (source_id, rival_reporter, provenance), n in self.keys.items():
            badge = facts.PROVENANCE_BADGE.get(provenance, provenance)
            who = (f" by {facts.vendor_name(self.store, rival_reporter, self.vendors)} (about a rival's model)"
                   if rival_reporter else "")
            source = self.sources.get(source_id)
            where = facts.source_label(source) if source_id in listed else facts.source_link(source)
            listed.add(source_id)
            out.append(f"{ref(n)} {where}: {badge}{who}")
        return out


def tool_use(settings: str | None) -> str:
    """Tools split a benchmark (a score with tools is another number); other settings are flagged, not split."""
    return "with tools" if vocab.parse(settings).tools else ""


def _row_label(bench_name: str, key: tuple) -> str:
    tools, base, shots, subset = key
    extra = [w for w in ("with tools" if tools else "", "base" if base else "", f"{shots}-shot" if shots else "",
                         subset) if w]
    return bench_name + (f" ({', '.join(extra)})" if extra else "")


def _pick(claims: list[Claim], model: Model) -> list[Claim]:
    """At most two figures per cell: the model's own vendor first, then independent, then others."""
    ranked = sorted(claims, key=lambda c: (not editorial.first_party(c, model), c.provenance != "independent",
                                           c.first_seen, c.id))
    out, values = [], set()
    for c in ranked:
        if c.value_text not in values:
            values.add(c.value_text)
            out.append(c)
    return out[:2]


def _score_table(store, models, scores, footnotes, limit):
    by_model = {m.id: m for m in models}
    cells: dict[tuple[str, tuple], dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for claim in scores:
        cells[(claim.benchmark_id, vocab.parse(claim.settings).key_for(claim.benchmark_id))][claim.subject_id].append(claim)
    rows, tools_differ = [], []
    bench_ids = {b for b, _ in cells}
    benchmarks = {b.id: b for b in store.benchmarks(bench_ids)} if bench_ids else {}
    by_bench: dict[str, set[str]] = defaultdict(set)
    for (bench_id, key), per_model in cells.items():
        if len(per_model) >= 2:
            by_bench[bench_id] |= set(per_model)
    for (bench_id, key), per_model in cells.items():
        bench = benchmarks.get(bench_id)
        name = bench.name if bench else bench_id
        if len(per_model) < 2:
            continue
        own = sum(1 for m, cs in per_model.items() if any(editorial.first_party(c, by_model[m]) for c in cs))
        rows.append(((-len(per_model), editorial.benchmark_rank(bench_id), -own, key[0], name.lower()),
                     _row_label(name, key), bench, per_model))
    shared = {b for b in by_bench}
    for bench_id in sorted({b for b, _ in cells} - shared):
        models_here = {m for (b, _), pm in cells.items() if b == bench_id for m in pm}
        if len(models_here) >= 2:
            bench = benchmarks.get(bench_id)
            tools_differ.append(bench.name if bench else bench_id)
    rows.sort(key=lambda r: r[0])
    if not rows:
        return None, [], tools_differ, 0
    flagged: set[str] = set()
    built = []
    for _, label, bench, per_model in rows[:limit]:
        picked = {m: _pick(cs, by_model[m]) for m, cs in per_model.items()}
        differs = vocab.differences([vocab.parse(c.settings) for cs in picked.values() for c in cs])
        flagged |= set(differs)
        built.append(_row(label + (f" {DIFFERS}" if differs else ""), picked, models, bench, footnotes))
    short = [_short_name(m, models) for m in models]
    table = Table(columns=("Benchmark", *short), rows=tuple(built))
    return table, sorted(flagged), tools_differ, len(rows)


def _short_name(model: Model, models: list[Model]) -> str:
    return model.name


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
            text = f"{facts.figure(claim)}{provenance_mark(claim)}{ref(footnotes.mark(claim, model))}"
            if claim.value is not None and claim.value == best and len(per_model) > 1:
                text = f"**{text}**"
            parts.append(text)
        row.append(" / ".join(parts))
    return tuple(row)


def _board_label(bench_name: str, claim: Claim, source) -> str:
    """'SWE-bench Verified (bash-only)', 'LiveBench', 'LMArena text (style control)': the board, not the variant."""
    method = next((m for m in BOARD_METHODS if m in (claim.settings or "")), None)
    publisher = source.publisher if source and source.publisher else None
    label = bench_name if not publisher or publisher.casefold() in bench_name.casefold() else f"{bench_name}, {publisher}"
    return label + (f" ({method})" if method else "")


def _variant(claim: Claim) -> str:
    """The configuration a leaderboard measured, minus the board's own method words."""
    words = [w.strip() for w in (claim.settings or "").split(";")]
    words = [w for w in words if w and w not in BOARD_METHODS and not w.startswith("harness")]
    return f" ({'; '.join(words)})" if words else ""


def _leaderboard_lines(store, models, measured, footnotes) -> list[str]:
    """Leaderboard figures (independent or crowd), one line per board, even when only one model is on it:
    a missing model is one the board has not measured, which is worth knowing too."""
    if not measured:
        return []
    by_model = {m.id: m for m in models}
    benches = {b.id: b for b in store.benchmarks({c.benchmark_id for c in measured if c.benchmark_id})}
    sources = store.sources({c.source_id for c in measured})
    boards: dict[str, dict[str, Claim]] = defaultdict(dict)
    for c in measured:
        bench = benches.get(c.benchmark_id)
        label = _board_label(bench.name if bench else c.benchmark_id, c, sources.get(c.source_id))
        boards[label][c.subject_id] = c
    ordered = sorted(boards.items(), key=lambda kv: (-len(kv[1]), editorial.benchmark_rank(next(iter(kv[1].values())).benchmark_id),
                                                     kv[0].casefold()))
    lines = []
    for label, per_model in ordered[:MAX_MEASURED_ROWS]:
        # every line here is a leaderboard's; only a crowd rating needs saying so
        cells = [f"{m.name} {facts.figure(c)}{provenance_mark(c) if c.provenance != 'independent' else ''}"
                 f"{ref(footnotes.mark(c, by_model[m.id]))}{_variant(c)}"
                 for m in models if (c := per_model.get(m.id))]
        absent = [m.name for m in models if m.id not in per_model]
        lines.append(f"{label}: " + " · ".join(cells) + (f" · not on this board: {', '.join(absent)}" if absent else ""))
    if len(ordered) > MAX_MEASURED_ROWS:
        lines.append(f"…and {len(ordered) - MAX_MEASURED_ROWS} more boards: `/model NAME` lists them.")
    return lines


def _head_to_head(store, models, vendors) -> list[str]:
    ids = {m.id for m in models}
    claims = store.claims_involving(list(ids), kinds=("comparison",), limit=50)
    relevant = [c for c in claims if c.subject_id in ids]
    relevant.sort(key=lambda c: (not (set(c.compared_to) & ids), c.first_seen, c.id))
    if not relevant:
        return []
    model_map = {m.id: m for m in store.models(sorted({x for c in relevant for x in (c.subject_id, *c.compared_to)}))}
    sources = store.sources({c.source_id for c in relevant})
    return [facts.describe_claim(store, c, model_map, sources, vendors) for c in relevant[:MAX_HEAD_TO_HEAD]]


def _unknowns(models, scores, table, dated=frozenset()) -> list[str]:
    out = []
    with_scores = {c.subject_id for c in scores}
    checked = {c.subject_id for c in scores if c.provenance in ("independent", "crowd")}
    for model in models:
        if model.id not in with_scores:
            out.append(f"No benchmark figures for {model.name} in the record.")
        if not model.release_date and model.id not in dated:
            out.append(f"{model.name}: release date not in the record.")
    if scores and table is None and len({c.subject_id for c in scores if not is_synced(c)}) >= 2:
        out.append("These models have figures, but on no benchmark they share with the same settings.")
    if scores and not checked:
        out.append("Every figure here is vendor-reported; none has been independently measured.")
    elif scores:
        unmeasured = [m.name for m in models if m.id in with_scores and m.id not in checked]
        if unmeasured:
            out.append(f"No independent or crowd figure yet for {' or '.join(unmeasured)}: every figure for "
                       f"{'it' if len(unmeasured) == 1 else 'them'} is vendor-reported.")
    return out
