"""A weekly digest as a neutral Reply: assembled, summarized, stored, worded like every other answer.

The one entry point the scheduler, the /digest command and `briefbot digest`
share is `digest_reply_for`. Rules: claim lines use bot/facts.py wording, so a
badge means the same here as in /claims; every item links its source; a capped
list ends with "…and N more" and the command that shows the rest, never a
silent cut; the stored digest keeps the reason whenever a configured LLM
summary was not used. Bad input (week, time zone, filter) raises UsageError.
"""
from __future__ import annotations

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

BADGE_NOTE = ("Badges: vendor claim = the vendor's own figure, not independently verified; independent = measured "
              "by a third party; crowd-sourced = a public leaderboard; disputed = challenged by another source.")
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
        if summarizer is None or previous.source != "default":
            summary = previous  # the same facts keep the same lead (and spend no tokens)
    if summary is None:
        summary = _summarize(services, digest, summarizer)
    reply = build_reply(services, digest, summary)
    content = json.dumps({"period": week, "tz": tz, "destination_id": destination_id, "filters": filters_json,
                          "facts": facts(digest), "summary": asdict(summary), "reply": json.loads(reply.to_json())},
                         ensure_ascii=False, sort_keys=True)
    save_digest(store, period=week, destination_id=destination_id, filters=filters_json, content_hash=content_hash,
                content=content, now=services.clock().isoformat())
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
    store = services.store
    vendors: dict = {}
    sections = [Section(text=summary.text)]
    if digest.quiet:
        sections.append(Section(heading="Quiet week", text=QUIET_TEXT))
    if digest.headlines:
        sections.append(Section(heading="Headlines", items=tuple(_headline(digest, h) for h in digest.headlines)
                                + _more(digest.headline_total - len(digest.headlines), "release",
                                        f"`/releases {digest.period.first_day.isoformat()}`")))
    if digest.claim_groups:
        sections.append(Section(heading="Claims this week", text=(
            f"{digest.claim_total} new claim{'s' if digest.claim_total != 1 else ''} about "
            f"{digest.claim_model_total} model{'s' if digest.claim_model_total != 1 else ''}, grouped by model.")))
        for group in digest.claim_groups:
            model = digest.models.get(group.model_id)
            items = tuple(wording.describe_claim(store, c, digest.models, digest.sources, vendors) for c in group.claims)
            items += _more(group.total - len(group.claims), "claim", f"`/claims {group.model_id}`")
            sections.append(Section(heading=f"{digest.model_name(group.model_id)} ({digest.vendor_of(group.model_id)})"
                                    if model else group.model_id, items=items))
        if digest.more_models:
            names = [digest.model_name(m) for m in digest.more_models[:10]]
            extra = len(digest.more_models) - len(names)
            sections.append(Section(items=(
                f"…and claims about {len(digest.more_models)} more model{'s' if len(digest.more_models) != 1 else ''}: "
                + ", ".join(names) + (f" and {extra} others" if extra else "") + " (`/claims NAME`).",)))
    if digest.moves or digest.first_scores:
        text = None
        if digest.first_scores:
            text = (f"{digest.first_scores} benchmark figure{'s' if digest.first_scores != 1 else ''} this week "
                    f"{'were' if digest.first_scores != 1 else 'was'} the first in the record for "
                    f"{'their' if digest.first_scores != 1 else 'its'} benchmark and settings.")
        items = tuple(_move(digest, m) for m in digest.moves)
        items += _more(digest.move_total - len(digest.moves), "benchmark move", "`/claims MODEL BENCHMARK`")
        sections.append(Section(heading="Benchmark moves", text=text, items=items))
    if digest.watch:
        items = tuple(f"{c.first_seen[:10]}: " + wording.describe_claim(store, c, digest.models, digest.sources, vendors)
                      for c in digest.watch)
        items += _more(digest.watch_total - len(digest.watch), "unchecked vendor claim", "`/claims MODEL`")
        sections.append(Section(heading="Claims to watch", text=(
            f"Vendor claims since {digest.watch_since} that nothing independent has checked yet, oldest first."),
            items=items))
    # -- independent evidence (digests/evidence_section.py): checks of recent vendor claims, moved leaderboard figures --
    if digest.checks:
        items = tuple(f"{digest.model_name(x.claim.subject_id)}, {digest.benchmark_name(x.claim.benchmark_id)}: "
                      f"{wording.figure(x.claim)} claimed ({wording.reporter_note(store, x.claim, digest.models.get(x.claim.subject_id), vendors)}) · "
                      f"{wording.figure(x.counterpart)} {wording.badge(x.counterpart)} "
                      f"({wording.source_link(digest.sources.get(x.counterpart.source_id))}) — {x.verdict.text()}"
                      for x in digest.checks)
        items += _more(digest.check_total - len(digest.checks), "checked claim", "`/check MODEL`")
        sections.append(Section(heading="Independent checks", items=items))
    if digest.evidence_moves:
        items = tuple(f"{digest.model_name(m.claim.subject_id)}, {digest.benchmark_name(m.claim.benchmark_id)}"
                      f"{f' ({m.claim.scope})' if m.claim.scope and m.claim.scope != 'overall' else ''}: moved from "
                      f"{m.previous_text} to {wording.figure(m.claim)} ({wording.badge(m.claim)} · "
                      f"{wording.source_link(digest.sources.get(m.claim.source_id))})" for m in digest.evidence_moves)
        items += _more(digest.evidence_move_total - len(digest.evidence_moves), "moved figure", "`/top BENCHMARK`")
        sections.append(Section(heading="Leaderboard moves", items=items))
    footnotes = [BADGE_NOTE]
    if summary.source.startswith("llm:"):
        footnotes.append(f"Lead paragraph by {summary.source[4:]}, checked: every number and name in it is in the record.")
    else:
        footnotes.append("Lead paragraph written from the record.")
    footnotes.append(f"Week {digest.period.week} in {digest.period.tz}; the same week always gives the same digest.")
    return Reply(title=title_for(digest), sections=tuple(sections), footnotes=tuple(footnotes),
                 ephemeral=False, kind="digest")


def _more(n: int, noun: str, where: str) -> tuple[str, ...]:
    if n <= 0:
        return ()
    return (f"…and {n} more {noun}{'s' if n != 1 else ''}: {where}",)


def _headline(digest: Digest, headline) -> str:
    r = headline.release
    why = f" · ranked on: {', '.join(headline.reasons)}" if headline.reasons else ""
    return (f"**{digest.model_name(r.model_id)}** ({digest.vendor_name(r.vendor_id)}), {r.date or 'date unknown'}: "
            f"{r.title} · {wording.source_link(digest.sources.get(r.source_id))}{why}")


def _holder(digest: Digest, claim: Claim) -> str:
    subject = digest.models.get(claim.subject_id)
    note = wording.badge(claim)
    if claim.reported_by and subject is not None and claim.reported_by != subject.vendor_id:
        note += f" by {digest.vendor_name(claim.reported_by)}"
    return (f"{digest.model_name(claim.subject_id)} {wording.figure(claim)} ({note} · "
            f"{wording.source_link(digest.sources.get(claim.source_id))})")


def _move(digest: Digest, move) -> str:
    settings = f" ({move.settings})" if move.settings else ""
    return (f"**{digest.benchmark_name(move.benchmark_id)}**{settings}: {_holder(digest, move.new)}; "
            f"previously {_holder(digest, move.previous)}")
