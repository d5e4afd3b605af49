"""/model, /releases and /claims: lookups in the record."""
from __future__ import annotations

import re
from datetime import date

from foundation.clock import days_before, parse_date, week_monday
from storage import Model

import bot.core.wording as facts
from bot.core.errors import UnknownName, UsageError
from bot.core.reply import Field, Reply, Section, Table
from bot.core.context import Context, Services
from bot.core.commands.common import one_arg, resolve_model, resolve_vendor
from bot.core.commands import evidence_view

MAX_LIST = 20
_SINCE = re.compile(r"^(\d+)([dwmy])$")


def model_handle(services: Services, ctx: Context, args: tuple[str, ...]) -> Reply:
    name = one_arg(args)
    if not name:
        raise UsageError("/model needs a model name.", "Example: `/model kimi-k2.5`")
    return model_card(services, resolve_model(services, name))


def model_card(services: Services, model: Model) -> Reply:
    store = services.store
    vendors: dict = {}
    fields = [Field("Vendor", facts.vendor_name(store, model.vendor_id, vendors))]
    if model.family:
        fields.append(Field("Family", model.family))
    if model.modalities:
        fields.append(Field("Modalities", ", ".join(model.modalities)))
    # release date, price, context, weights, cutoff: curated record first, catalog facts beside it, each sourced
    fields[1:1] = [Field(label, text) for label, text in evidence_view.fact_lines(store, model)]
    if model.aliases:
        fields.append(Field("Also called", ", ".join(model.aliases[:6]), inline=False))
    sections = [Section(fields=tuple(fields))]
    scores = evidence_view.figures(store, [model.id])  # curated claims plus headline independent/crowd figures
    scores.sort(key=lambda c: (c.provenance == "vendor_reported", c.benchmark_id or "", c.id))
    other = store.claims_involving([model.id], limit=10)
    shown = scores[:MAX_LIST]
    sources = store.sources({c.source_id for c in (*shown, *other)} | ({model.source_id} if model.source_id else set()))
    if scores:
        benches = {b.id: b for b in store.benchmarks({c.benchmark_id for c in shown})}
        rows = [(benches[c.benchmark_id].name if c.benchmark_id in benches else c.benchmark_id,
                 c.settings or "", facts.figure(c), facts.reporter_note(store, c, model, vendors),
                 facts.source_label(sources.get(c.source_id))) for c in shown]
        more = f"Showing {len(rows)} of {len(scores)} figures; `/claims {model.id} <benchmark>` narrows them." if len(scores) > len(rows) else None
        sections.append(Section(heading="Benchmark figures", text=more,
                                table=Table(("Benchmark", "Settings", "Score", "Provenance", "Source"), tuple(rows))))
    if other:
        models = {m.id: m for m in store.models(sorted({x for c in other for x in (c.subject_id, *c.compared_to)}))}
        sections.append(Section(heading="Claims", items=tuple(facts.describe_claim(store, c, models, sources, vendors) for c in other)))
    source = sources.get(model.source_id) if model.source_id else None
    footnotes = (f"Record source: {facts.source_link(source)}",) if source else ()
    if scores:
        footnotes += (f"`/check {model.id}` sets each vendor claim beside its independent counterpart, with a verdict.",)
    if not model.reviewed:
        footnotes += ("This model was found by automatic ingestion and has not been reviewed yet.",)
    return Reply(title=f"{model.name}", sections=tuple(sections), footnotes=footnotes)


def parse_since(text: str, today: date) -> str | None:
    """'2026-01-01', '30d', '6w', '3m', '1y' or an ISO week '2026-W05' -> a date string; None if not a date.
    A date-shaped word that is no real date, or one outside the covered years, raises UsageError
    (foundation.clock's bounds);
    a span reaching back before them starts at the first covered day."""
    text = text.strip().lower()
    try:
        if re.fullmatch(r"\d{1,9}-\d{1,2}-\d{1,2}", text):
            return parse_date(text).isoformat()
        if re.fullmatch(r"\d{1,9}-w\d{1,3}", text):
            return week_monday(text.upper()).isoformat()
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return parse_date(text + "-01").isoformat()
    except ValueError as err:  # date-shaped but not a usable date: say why rather than guess a vendor
        raise UsageError(str(err), "Example: `/releases 2026-01-01` or `/releases 30d`.") from None
    match = _SINCE.match(text)
    if match:
        n = min(int(match.group(1)[:9]), 100_000)
        days = {"d": 1, "w": 7, "m": 30, "y": 365}[match.group(2)] * n
        return days_before(today, days).isoformat()
    return None


def releases_handle(services: Services, ctx: Context, args: tuple[str, ...]) -> Reply:
    today = services.clock().date()
    since = None
    words = list(args)
    if words and parse_since(words[-1], today):
        since = parse_since(words.pop(), today)
    vendor_ids = None
    if words:
        name = " ".join(words)
        vendor_ids = [resolve_vendor(services, name,
                                     extra_hint="A date filter looks like `2026-01-01`, `30d` or `2026-W05`.")]
    releases = services.store.releases(vendor_ids=vendor_ids, since=since, limit=MAX_LIST)
    what = (facts.vendor_name(services.store, vendor_ids[0]) + " releases") if vendor_ids else "Releases"
    title = what + (f" since {since}" if since else "")
    if not releases:
        return Reply(title=title, sections=(Section(text="Nothing in the record matches. Try a wider date, e.g. `/releases 1y`."),))
    models = {m.id: m for m in services.store.models(sorted({r.model_id for r in releases}))}
    sources = services.store.sources({r.source_id for r in releases})
    vendors: dict = {}
    items = []
    for r in releases:
        model = models.get(r.model_id)
        when = r.date or "date unknown"
        items.append(f"**{when}** — {model.name if model else r.model_id} ({facts.vendor_name(services.store, r.vendor_id, vendors)}): "
                     f"{r.title} · {facts.source_link(sources.get(r.source_id))}")
    return Reply(title=title, sections=(Section(items=tuple(items)),),
                 footnotes=(f"Newest first, at most {MAX_LIST}. Filter: `/releases moonshot 2026-01-01`.",))


def claims_handle(services: Services, ctx: Context, args: tuple[str, ...]) -> Reply:
    if not args:
        raise UsageError("/claims needs a model or a vendor.", "Examples: `/claims kimi-k2.5`, `/claims moonshot`, `/claims qwen3-max \"SWE-bench Verified\"`")
    store = services.store
    benchmark_id, words = None, list(args)
    if len(words) >= 2:
        benchmark_id = _resolve_benchmark(services, words[-1])
        if benchmark_id:
            words.pop()
    name = " ".join(words)
    vendor_id = services.resolver.resolve_vendor(name)
    if vendor_id and not services.resolver.resolve(name).ok:
        model_ids = [m.id for m in store.models_of_vendor(vendor_id)]
        subject = facts.vendor_name(store, vendor_id)
    else:
        try:
            model = resolve_model(services, name)
        except UnknownName:
            found = store.search_claims(" ".join(args), limit=MAX_LIST) if benchmark_id is None else []
            if found:  # not a model or vendor, but words that quotes contain: full-text search
                return _search_reply(services, " ".join(args), found)
            whole = services.resolver.resolve(name)
            if whole.candidates or whole.suggestions:
                raise  # "did you mean …" for the whole name ("claude sonnet 4.5") beats a guess at a benchmark
            if len(args) >= 2 and benchmark_id is None:
                raise UnknownName(f"I don't know “{name}” as a model or vendor, nor “{args[-1]}” as a benchmark.",
                                  "Benchmarks look like `mmlu-pro`, `swe-bench-verified`, `hle`.") from None
            raise
        model_ids, subject = [model.id], model.name
    claims = store.claims(model_ids=model_ids, benchmark_id=benchmark_id, limit=MAX_LIST) if model_ids else []
    total = store.count_claims(model_ids=model_ids, benchmark_id=benchmark_id) if model_ids else 0
    bench = store.benchmark(benchmark_id) if benchmark_id else None
    title = f"Claims about {subject}" + (f" on {bench.name}" if bench else "")
    if not claims:
        return Reply(title=title, sections=(Section(text="No claims in the record for that."),))
    models = {m.id: m for m in store.models(sorted({x for c in claims for x in (c.subject_id, *c.compared_to)}))}
    sources = store.sources({c.source_id for c in claims})
    vendors: dict = {}
    items = tuple(facts.describe_claim(store, c, models, sources, vendors) for c in claims)
    notes = [f"Showing {len(claims)} of {total}, newest first."] if total > len(claims) else []
    return Reply(title=title, sections=(Section(items=items),), footnotes=tuple(notes))


def _search_reply(services: Services, text: str, claims) -> Reply:
    store = services.store
    models = {m.id: m for m in store.models(sorted({x for c in claims for x in (c.subject_id, *c.compared_to)}))}
    sources = store.sources({c.source_id for c in claims})
    vendors: dict = {}
    items = tuple(facts.describe_claim(store, c, models, sources, vendors) for c in claims)
    return Reply(title=f"Claims whose source text mentions “{text[:80]}”", sections=(Section(items=items),),
                 footnotes=(f"Not a model or vendor name, so these are full-text matches (at most {MAX_LIST}).",))


def _resolve_benchmark(services: Services, text: str) -> str | None:
    return services.resolver.resolve_benchmark(text)
