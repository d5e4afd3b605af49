"""/check MODEL (the claim ledger) and /top BENCHMARK [open] [N] (best figure per model, like with like).

The verdicts, comparability rules and boards come from storage.reconcile; this module words
them as a neutral Reply. Every figure carries its provenance and source.
"""
from __future__ import annotations

from storage import Claim, Model
from storage.reconcile import (BENCHMARK_MERGES, PERCENT_TOLERANCE, Ledger, canonical, ledger, source_family, top)

import bot.core.wording as facts
from bot.core.errors import UnknownName, UsageError
from bot.core.reply import Reply, Section, Table
from bot.core.context import Context, Services
from bot.core.commands.common import one_arg, resolve_model

MAX_ROWS = 25
MAX_ITEMS = 15
TOP_DEFAULT, TOP_MAX = 10, 50
PROVENANCE_WORDS = {"independent": "independent", "indep": "independent", "crowd": "crowd", "vendor": "vendor_reported",
                    "vendors": "vendor_reported", "claims": "vendor_reported"}


# ---- /check -------------------------------------------------------------------------------
def check_handle(services: Services, ctx: Context, args: tuple[str, ...]) -> Reply:
    name = one_arg(args)
    if not name:
        raise UsageError("/check needs a model name.", "Example: `/check claude-opus-4.5`")
    model = resolve_model(services, name)
    return check_reply(services, model, ledger(services.store, model.id))


def _bench_names(store, ids) -> dict[str, str]:
    ids = {canonical(i) for i in ids if i} | {i for i in ids if i}
    return {b.id: b.name for b in store.benchmarks(ids)} if ids else {}


def _who(store, claim: Claim, vendors: dict) -> str:
    return facts.vendor_name(store, claim.reported_by, vendors) if claim.reported_by else "unattributed"


def _independent(claim: Claim, sources: dict) -> str:
    source = sources.get(claim.source_id)
    where = facts.source_label(source) if source else source_family(claim)
    details = "; ".join(x for x in (claim.settings, claim.scope if claim.scope not in (None, "overall") else None) if x)
    return f"{facts.figure(claim)} — {facts.badge(claim)}, {where}" + (f" ({details})" if details else "")


def check_reply(services: Services, model: Model, book: Ledger) -> Reply:
    store = services.store
    vendors: dict = {}
    claims = [e.claim for e in book.entries] + [e.counterpart for e in book.entries if e.counterpart] + \
             [c for d in book.disagreements for c in d.claims] + book.independent_only
    names = {b.id: b.name for b in book.benchmarks.values()}
    missing = {c.benchmark_id for c in claims if c.benchmark_id and canonical(c.benchmark_id) not in names}
    if missing:
        names.update(_bench_names(store, missing))
    sources = store.sources({c.source_id for c in claims})
    sections = []
    checked = [e for e in book.entries if e.verdict.kind != "unchecked"]
    if checked:
        rows = []
        for e in checked[:MAX_ROWS]:
            c = e.claim
            vendor = f"{facts.figure(c)} — {_who(store, c, vendors)}" + (f" ({c.settings})" if c.settings else "")
            verdict = e.verdict.text() + (f"; {e.verdict.why}" if e.verdict.why and e.verdict.kind != "not_comparable" else "")
            rows.append((names.get(canonical(c.benchmark_id), c.benchmark_id), vendor,
                         _independent(e.counterpart, sources) if e.counterpart else "—", verdict))
        more = f"Showing {MAX_ROWS} of {len(checked)}." if len(checked) > MAX_ROWS else None
        sections.append(Section(heading="Vendor claims with an independent figure", text=more,
                                table=Table(("Benchmark", "Vendor claim", "Independent", "Verdict"), tuple(rows))))
    else:
        sections.append(Section(text=f"No vendor claim about {model.name} has an independent or crowd counterpart yet."))
    if book.disagreements:
        items = []
        for d in book.disagreements[:MAX_ITEMS]:
            a, b = d.claims
            items.append(f"{names.get(d.benchmark_id, d.benchmark_id)}: {facts.figure(a)} per {_who(store, a, vendors)}"
                         f" ({a.settings or 'settings not stated'}) vs {facts.figure(b)} per {_who(store, b, vendors)}"
                         f" ({b.settings or 'settings not stated'}) — {d.spread:.1f} apart")
        if len(book.disagreements) > MAX_ITEMS:
            items.append(f"…and {len(book.disagreements) - MAX_ITEMS} more.")
        sections.append(Section(heading="Vendors disagree", items=tuple(items)))
    unchecked = book.unchecked
    if unchecked:
        by_bench: dict[str, list[Claim]] = {}
        for e in unchecked:
            by_bench.setdefault(names.get(canonical(e.claim.benchmark_id), e.claim.benchmark_id), []).append(e.claim)
        text = "; ".join(f"{bench} ({', '.join(sorted({facts.figure(c) for c in cs}))})" for bench, cs in sorted(by_bench.items()))
        sections.append(Section(heading=f"Nothing independent yet ({len(unchecked)} claims on {len(by_bench)} benchmarks)",
                                text=text))
    if book.independent_only:
        sections.append(Section(heading="Independent figures with no vendor claim", items=tuple(
            f"{names.get(canonical(c.benchmark_id), c.benchmark_id)}: {_independent(c, sources)}"
            for c in book.independent_only[:MAX_ITEMS])))
    footnotes = (f"Verdict: independent minus vendor; “agrees” within ±{PERCENT_TOLERANCE:g} points (1% for other units). "
                 "The independent figure is the best one under settings that do not conflict (tools, thinking, subset); "
                 "a harness difference is shown, not hidden.",
                 "Merged benchmark names: " + ", ".join(f"{a} = {b}" for a, b in BENCHMARK_MERGES.items()) +
                 " (seeds/README.md says why).")
    return Reply(title=f"Claim check: {model.name}", sections=tuple(sections), footnotes=footnotes)


# ---- /top -----------------------------------------------------------------------------------
def top_handle(services: Services, ctx: Context, args: tuple[str, ...]) -> Reply:
    if not args:
        raise UsageError("/top needs a benchmark.", "Example: `/top swe-bench-verified`, `/top livebench open 5`")
    words = list(args)
    open_only, n, provenance = False, TOP_DEFAULT, None
    rest = []
    for w in words:
        lw = w.casefold()
        if lw in ("open", "open-weights", "open-weight"):
            open_only = True
        elif lw.isdigit():
            n = int(lw)
            if not 1 <= n <= TOP_MAX:
                raise UsageError(f"/top shows 1 to {TOP_MAX} models; you asked for {n}.", "Example: `/top swe-bench-verified 5`")
        elif lw in PROVENANCE_WORDS:
            provenance = PROVENANCE_WORDS[lw]
        else:
            rest.append(w)
    if not rest:
        raise UsageError("/top needs a benchmark.", "Example: `/top swe-bench-verified`")
    bench_id, scope = None, None
    for cut in range(len(rest), 0, -1):
        bench_id = services.resolver.resolve_benchmark(" ".join(rest[:cut]))
        if bench_id:
            scope = " ".join(rest[cut:]) or None
            break
    if bench_id is None:
        text = " ".join(rest)
        close = [b.id for b in services.store.benchmarks() if text.casefold().replace(" ", "-") in b.id
                 or text.casefold() in b.name.casefold()][:6]
        raise UnknownName(f"I don't know a benchmark called “{text[:60]}”." +
                          (f" Did you mean {', '.join(f'`{c}`' for c in close)}?" if close else ""),
                          "Benchmarks are named like `swe-bench-verified`, `livebench`, `lmarena-text`, `aider-polyglot`.")
    result = top(services.store, bench_id, n=n, open_only=open_only, provenance=provenance, scope=scope)
    if result is None or result.board is None or not result.rows:
        what = "open-weights models" if open_only else "models"
        return Reply(title=f"Top: {bench_id}", sections=(Section(text=f"No figures for {what} on this benchmark yet."),))
    store = services.store
    models = {m.id: m for m in store.models([c.subject_id for c in result.rows])}
    sources = store.sources({c.source_id for c in result.rows})
    vendors: dict = {}
    rows = []
    for i, c in enumerate(result.rows, start=1):
        model = models.get(c.subject_id)
        who = facts.reporter_note(store, c, model, vendors) if c.provenance == "vendor_reported" else facts.badge(c)
        rows.append((str(i), model.name if model else c.subject_id, facts.figure(c), c.settings or "",
                     who, facts.source_label(sources.get(c.source_id))))
    board = result.board
    text = (f"{board.label}; best figure per model" + (", open-weights models only" if open_only else "") +
            f"; {len(result.rows)} of {result.total_models}.")
    footnotes = []
    if result.pending:
        footnotes.append(f"{result.pending} more models on this board wait for review (names the record does not know "
                         "for sure, e.g. preview checkpoints): not ranked until accepted with `briefbot review`.")
    if board.provenance == "vendor_reported":
        footnotes.append("Vendor claims are each vendor's own report under its own conditions: not like with like.")
    if result.other_boards:
        parts = [b.key[1].removeprefix("category ") for b, _ in result.other_boards
                 if len(b.key) > 1 and b.key[1] != "overall" and not b.key[1].startswith("task ")]
        examples = ([f"`/top {bench_id} vendor`"] if any(b.key == ("vendor",) for b, _ in result.other_boards) else []) + \
                   ([f"`/top {bench_id} {parts[0].casefold()}`"] if parts else [])
        example = " or ".join(examples) or f"`/top {bench_id} independent`"
        footnotes.append("Other boards (not mixed in): " + "; ".join(f"{b.label} ({m} figures)" for b, m in result.other_boards[:6]) +
                         f". Pick one with a word, e.g. {example}.")
    return Reply(title=f"Top: {result.benchmark.name}",
                 sections=(Section(text=text, table=Table(("#", "Model", "Score", "Settings", "Provenance", "Source"),
                                                          tuple(rows))),),
                 footnotes=tuple(footnotes))

