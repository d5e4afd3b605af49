"""A weekly digest as a neutral Reply: assembled, summarized, stored, worded like every other answer.

The one entry point the scheduler, the /digest command and `briefbot digest`
share is `digest_reply_for`. Rules: claim lines use bot/facts.py wording, so a
badge means the same here as in /claims; every item links its source; a capped
list ends with "…and N more" and the command that shows the rest, never a
silent cut; the stored digest keeps the reason whenever a configured LLM
summary was not used. Bad input (week, time zone, filter) raises UsageError.
"""
from __future__ import annotations

from foundation.clock import stamp
import json
import logging
from dataclasses import asdict

from digests.assemble import Limits, assemble
from digests.factsheet import facts, fingerprint
from digests.llm_summary import LLMConfig, LLMSummarizer
from digests.digest_types import Digest
from digests.period import current_week, normalize_week, zone
from digests.summarize import Summary, default_summary
from storage import Claim
from storage.digest_store import get_digest, save_digest

import bot.core.wording as wording
from bot.core.errors import UsageError
from bot.core.reply import Reply, Section
from bot.core.context import Services

log = logging.getLogger(__name__)

EVIDENCE_ITEMS = 3
"""Lines per evidence section: the digest is edited to fit one message; `/check` has the rest."""

BADGE_NOTE = "vendor claim = the vendor's own figure, unverified; (X) = whose figure it is."
QUIET_TEXT = "No new releases, no new claims and no benchmark moves entered the record this week."


def digest_reply_for(services: Services, *, week: str | None = None, tz: str = "UTC", filters: dict | None = None,
                     destination_id: str = "", settings=None, limits: Limits = Limits()) -> Reply:
    """Assemble, summarize (LLM only when settings name a model and an endpoint), save, and word a digest."""
    store = services.store
    try:
        zone(tz)
        week = normalize_week(week) if week else current_week(services.clock(), tz)
        digest = assemble(store, week, tz, filters, limits)
    except ValueError as err:
        raise UsageError(str(err), "Example: `/digest 2026-W05`; time zones are IANA names such as Europe/London.") from None
    filters_json = digest.filters.to_json()
    content_hash = fingerprint(digest)
    summarizer = _summarizer(services, settings)
    summary = None
    stored = get_digest(store, week, destination_id, filters_json)
    if stored is not None and stored.content_hash == content_hash:
        previous = Summary(**json.loads(stored.content)["summary"])
        if previous.source != "default":
            summary = previous  # the same facts keep the same LLM lead (and spend no tokens)
    if summary is None:
        summary = _summarize(services, digest, summarizer)
    reply = build_reply(services, digest, summary)
    content = json.dumps({"period": week, "tz": tz, "destination_id": destination_id, "filters": filters_json,
                          "facts": facts(digest), "summary": asdict(summary), "reply": json.loads(reply.to_json())},
                         ensure_ascii=False, sort_keys=True)
    save_digest(store, period=week, destination_id=destination_id, filters=filters_json, content_hash=content_hash,
                content=content, now=stamp(services.clock()))
    return reply


def _summarizer(services: Services, settings):
    if services.summarizer is not None:
        return services.summarizer
    config = LLMConfig.from_settings(settings) if settings is not None else None
    if config is None:
        return None
    cached = services.extra.get("llm_summarizer")
    if cached is None or cached.config != config:
        cached = services.extra["llm_summarizer"] = LLMSummarizer(config)
    return cached


def _summarize(services: Services, digest: Digest, summarizer) -> Summary:
    if summarizer is None:
        return Summary(default_summary(digest))
    names = [row[1] for row in services.store.model_names()] + [v.name for v in digest.vendors.values()]
    try:
        return summarizer.summarize(digest, known_names=names)
    except Exception as err:  # a summarizer must never cost the digest
        log.exception("digest %s: summarizer failed", digest.period.week)
        return Summary(default_summary(digest), note=f"summarizer failed: {type(err).__name__}")


def title_for(digest: Digest) -> str:
    p = digest.period
    who = [digest.vendor_name(v) for v in digest.filters.vendors] + [digest.model_name(m) for m in digest.filters.models]
    audience = f" · {', '.join(who)}" if who else ""
    return f"AI model race: week {p.week} ({p.label()}){audience}"


def build_reply(services: Services, digest: Digest, summary: Summary) -> Reply:
    """An edited digest: what mattered first, each section earning its place, the rest one command away."""
    store = services.store
    vendors: dict = {}
    sections = [Section(text=summary.text)]
    if digest.quiet:
        sections.append(Section(heading="Quiet week", text=QUIET_TEXT))
    launches = {la.model_id: la for la in digest.launches}
    if digest.headlines:
        sections.append(Section(heading="Headlines", items=tuple(_headline(digest, h) for h in digest.headlines)
                                + _more(digest.headline_total - len(digest.headlines), "release",
                                        f"`/releases {digest.period.week}`")))
        for h in digest.headlines:
            launch = launches.get(h.release.model_id)
            if launch is not None and (launch.figures or launch.vague or launch.disputed):
                sections.append(_launch_section(store, digest, launch, vendors))
    if digest.claim_groups and not digest.launches:
        # no launch to tell: the week's claims, the most significant model first, a few each
        items = tuple(wording.describe_claim(store, c, digest.models, digest.sources, vendors)
                      for g in digest.claim_groups[:3] for c in g.claims[:2])
        items += _more(digest.claim_total - len(items), "claim", "`/claims MODEL`")
        sections.append(Section(heading="Claims this week", items=items))
    told = {x.id for la in digest.launches for f in la.figures for x in (f.claim,)}
    told |= {c.id for la in digest.launches for c in (*la.vague, *la.disputed)}
    moves = [m for m in digest.moves if m.new.id not in told]
    if moves:
        items = tuple(_move(digest, m) for m in moves)
        items += _more(digest.move_total - len(digest.moves), "new best", "`/claims MODEL BENCHMARK`")
        sections.append(Section(heading="Benchmark moves", items=items))
    watch = [c for c in digest.watch if c.id not in told]
    if watch:
        items = tuple(_watch(store, digest, c, vendors) for c in watch)
        items += _more(digest.watch_total - len(digest.watch), "unchecked vendor claim", "`/claims MODEL`")
        sections.append(Section(heading="Claims to watch", items=items))
    # -- independent evidence (digests/evidence_section.py): checks of recent vendor claims, moved leaderboard figures --
    if digest.checks:
        seen, items, consumed = set(), [], 0
        for x in digest.checks:  # one line per model and benchmark, however many vendors printed the figure
            key = (x.claim.subject_id, x.claim.benchmark_id, x.claim.value)
            if key in seen:
                consumed += 1
                continue
            if len(items) == EVIDENCE_ITEMS:
                break
            seen.add(key)
            consumed += 1
            source = digest.sources.get(x.counterpart.source_id)
            items.append(f"{digest.model_name(x.claim.subject_id)}, {digest.benchmark_name(x.claim.benchmark_id)}: "
                         f"{wording.figure(x.claim)} claimed · {wording.figure(x.counterpart)} "
                         f"{wording.badge(x.counterpart)} ({source.publisher if source and source.publisher else 'leaderboard'})"
                         f" — {x.verdict.text()}")
        items += list(_more(digest.check_total - consumed, "checked claim", "`/check MODEL`"))
        sections.append(Section(heading="Independent checks", items=tuple(items)))
    if digest.disagreements:
        items = []
        for d in digest.disagreements:
            a, b = d.claims
            items.append(f"{digest.model_name(d.subject_id)}, {digest.benchmark_name(d.benchmark_id)}: "
                         f"{digest.vendor_name(a.reported_by)} {wording.figure(a)}, "
                         f"{digest.vendor_name(b.reported_by)} {wording.figure(b)}")
        more = digest.disagreement_total - len(items)
        if more > 0:  # kept short: the seed week must stay one chat message (issue 12)
            items.append(f"…{more} more in `/check MODEL`")
        sections.append(Section(heading="Vendors disagree", items=tuple(items)))
    if digest.evidence_moves:
        items = tuple(f"{digest.model_name(m.claim.subject_id)}, {digest.benchmark_name(m.claim.benchmark_id)}"
                      f"{f' ({m.claim.scope})' if m.claim.scope and m.claim.scope != 'overall' else ''}: "
                      f"{m.previous_text} → {wording.figure(m.claim)} ({wording.badge(m.claim)})"
                      for m in digest.evidence_moves[:EVIDENCE_ITEMS])
        items += _more(digest.evidence_move_total - len(items), "moved figure", "`/top BENCHMARK`")
        sections.append(Section(heading="Leaderboard moves", items=items))
    if digest.claim_total:
        sections.append(Section(text=(
            f"In the record this week: {digest.claim_total} new claim{'s' if digest.claim_total != 1 else ''} about "
            f"{digest.claim_model_total} model{'s' if digest.claim_model_total != 1 else ''}"
            + f". More: `/claims MODEL`, `/releases {digest.period.week}`.")))
    lead = (f"Lead paragraph by {summary.source[4:]}, checked: every number and name in it is in the record."
            if summary.source.startswith("llm:") else "Lead paragraph written from the record.")
    footnotes = [BADGE_NOTE, lead, f"Week {digest.period.week} in {digest.period.tz}."]
    return Reply(title=title_for(digest), sections=tuple(sections), footnotes=tuple(footnotes),
                 ephemeral=False, kind="digest")


def _launch_section(store, digest: Digest, launch, vendors) -> Section:
    """What the vendor headlined for its launch, against the record's best; vague claims quoted as vague."""
    model, vendor = digest.model_name(launch.model_id), digest.vendor_of(launch.model_id)
    items = [_figure(digest, f) for f in launch.figures]
    for c in launch.vague[:1]:
        items.append(f"“{wording.shorten(_quoted(c.quote), 90)}” — {wording.badge(c)}, no per-benchmark figures · "
                     f"{_short_source(digest.sources.get(c.source_id))}")
    for c in launch.disputed[:1]:
        why = wording.contradiction(store, c, link=False) or "contested"
        items.append(f"Disputed: “{wording.shorten(c.quote, 50)}” ({_short_source(digest.sources.get(c.source_id))})"
                     f" — {why}")
    if launch.rivals:
        rivals = [digest.model_name(r) for r in launch.rivals]
        shown = rivals[:4] + ([f"{len(rivals) - 4} more"] if len(rivals) > 4 else [])
        items.append(f"Context: {vendor}'s table also scores {wording.join_names(shown)}: "
                     f"`/compare {launch.model_id} {launch.rivals[0]}`")
    sources = sorted({f.claim.source_id for f in launch.figures})
    text = ("Figures from " + ", ".join(wording.source_link(digest.sources.get(s)) for s in sources) + ":"
            ) if sources else None
    return Section(heading=f"{model} ({vendor})", text=text, items=tuple(items))


def _short_source(source) -> str:
    """A source named in a line: its publisher (the section or lookup gives title and link)."""
    return (source.publisher or wording.source_label(source)) if source is not None else "unknown source"


def _quoted(quote: str) -> str:
    """The claim's words from its first number or 'comparable' on, so a long sentence keeps what it claims."""
    import re
    match = re.search(r"(On \d+|across \d+|\d+ \w+ benchmarks|comparable|surpass)", quote)
    return quote[match.start():] if match and match.start() > 40 else quote


def _figure(digest: Digest, f) -> str:
    c, best = f.claim, f.best_other
    tools = " (with tools)" if _with_tools(c) else ""
    line = f"{digest.benchmark_name(c.benchmark_id)}{tools}: **{wording.figure(c)}**"
    if best is None:
        return line + " — no other figure in the record under the same settings"
    who = f"per {digest.vendor_name(best.reported_by)}" if best.reported_by else wording.badge(best)
    ahead = best.value is None or c.value is None or c.value >= best.value
    label = "next best" if ahead else "record's best"
    return line + f" vs {label} {wording.figure(best)} ({digest.model_name(best.subject_id)}, {who})"


def _with_tools(claim: Claim) -> bool:
    from storage.settings_vocab import AGENTIC, parse
    return bool(parse(claim.settings).tools) and claim.benchmark_id not in AGENTIC


def _watch(store, digest: Digest, c: Claim, vendors) -> str:
    subject = digest.model_name(c.subject_id)
    if c.kind == "benchmark_score":
        tools = " (with tools)" if _with_tools(c) else ""
        body = f"{subject}: {wording.figure(c)} on {digest.benchmark_name(c.benchmark_id)}{tools}"
    elif c.kind == "comparison":
        others = wording.join_names([digest.model_name(m) for m in c.compared_to])
        body = f"{subject} {c.relation or 'vs'} {others}" + (f" ({c.scope})" if c.scope else "")
    else:
        body = f"{subject}: “{wording.shorten(c.quote, 90)}”"
    return f"{body} — {wording.reporter_note(store, c, digest.models.get(c.subject_id), vendors)} · " \
           f"{_short_source(digest.sources.get(c.source_id))}"


def _more(n: int, noun: str, where: str) -> tuple[str, ...]:
    if n <= 0:
        return ()
    return (f"…and {n} more {noun}{'s' if n != 1 else ''}: {where}",)


def _headline(digest: Digest, headline) -> str:
    r = headline.release
    model = digest.models.get(r.model_id)
    weights = ", open weights" if model is not None and model.open_weights else ""
    return (f"**{digest.model_name(r.model_id)}** ({digest.vendor_name(r.vendor_id)}{weights}), "
            f"{r.date or 'date unknown'} · {wording.source_link(digest.sources.get(r.source_id))}")


def _holder(digest: Digest, claim: Claim) -> str:
    """'Kimi K2.5 87.6 (Moonshot AI)': the figure and whose report it is (a badge only when not a vendor's)."""
    who = digest.vendor_name(claim.reported_by) if claim.reported_by else _short_source(digest.sources.get(claim.source_id))
    badge = "" if claim.provenance == "vendor_reported" else f"{wording.badge(claim)}, "
    return f"{digest.model_name(claim.subject_id)} {wording.figure(claim)} ({badge}{who})"


def _move(digest: Digest, move) -> str:
    tools = " (with tools)" if _with_tools(move.new) else ""
    return (f"**{digest.benchmark_name(move.benchmark_id)}**{tools}: {_holder(digest, move.new)}; "
            f"previously {_holder(digest, move.previous)}")
