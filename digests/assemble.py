"""Assembling a digest: the record's week, filtered for an audience, in sections.

Rules: reads the record only through storage (never a chat library, never the
bot); everything is ordered with a full tie-break so the same period and
filters always give an equal Digest; every list is capped by `Limits` and the
totals are kept, so the reply can say "…and 12 more" instead of dropping items
silently. Section definitions:
- Headlines: reviewed releases dated in the week, ranked by digests.significance.
- Claims this week: reviewed claims first seen in the week, grouped by model
  (models released this week first, in headline order; then most claims first); within a model disputed and independent figures come
  before vendor claims, then oldest first.
- Launches: per headline release, the figures its vendor headlined against the
  record's best other figure, its vague claims and disputes (digests.editorial).
- Benchmark moves: for each benchmark and *normalised* settings
  (storage.settings_vocab: "8K" and "8k output tokens" are one budget) the
  week's best first-party or independent figure (a vendor's figures for rivals
  are context, not moves; disputed and retracted never count) that beats the
  best figure seen before the week; the previous holder is named. A first-ever
  figure is counted, not listed.
- Claims to watch: vendor claims from this week and the WATCH_WEEKS before it
  that nothing independent has covered by the end of the week
  (storage.digest_store.open_vendor_claims), ranked by significance
  (digests.editorial.watch_rank: launch or frontier model, first-party,
  headline benchmark), not by age.
"""
from __future__ import annotations

import logging
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import timedelta

from storage import Claim, Store
from storage.digest_store import open_vendor_claims
from storage.records import CLAIM_KINDS
from storage.settings_vocab import parse as parse_settings

from . import editorial, evidence_section, significance
from .digest_types import BenchmarkMove, ClaimGroup, Digest, Filters, Headline
from .period import Period

log = logging.getLogger(__name__)

PROVENANCE_ORDER = {"disputed": 0, "independent": 1, "crowd": 2, "press": 3, "retracted": 4, "vendor_reported": 5}
WATCH_KINDS = ("benchmark_score", "comparison", "capability")
NOT_A_RECORD = ("disputed", "retracted")


@dataclass(frozen=True)
class Limits:
    headlines: int = 10
    models: int = 8
    """Models listed under Claims this week."""
    claims_per_model: int = 6
    moves: int = 3
    disagreements: int = 2
    watch: int = 3
    watch_weeks: int = 3
    """Weeks before this one that the watch list looks back over."""
    figures_per_launch: int = 3
    """Headline figures per launch when the week has one launch; two each when it has several (the digest
    must fit one chat message)."""
    watch_pool: int = 500
    """Unchecked claims ranked for the watch list (the rest are counted)."""


def assemble(store: Store, week: str, tz: str = "UTC", filters: Filters | dict | None = None,
             limits: Limits = Limits()) -> Digest:
    period = Period.of(week, tz)
    filt = Filters.of(filters)
    bad = [k for k in filt.kinds if k not in CLAIM_KINDS]
    if bad:
        raise ValueError(f"Unknown claim kind(s): {', '.join(bad)}; kinds are {', '.join(CLAIM_KINDS)}.")
    lo, hi = period.query_range()

    week_claims = [c for c in store.claims(since=lo, until=hi, limit=None, order="first_seen, id")
                   if period.contains(c.first_seen)]
    releases = [r for r in store.releases(since=lo, until=hi, limit=None)
                if period.contains(r.date or r.first_seen)]
    model_ids = {c.subject_id for c in week_claims} | {r.model_id for r in releases}
    models = {m.id: m for m in store.models(sorted(model_ids))} if model_ids else {}

    moves_all, first_scores = _moves(store, week_claims)
    moves = [m for m in moves_all if filt.keeps_model(models.get(m.new.subject_id), m.new.subject_id)
             and filt.keeps_kind("benchmark_score")]
    kept = [c for c in week_claims if filt.keeps_model(models.get(c.subject_id), c.subject_id) and filt.keeps_kind(c.kind)]
    releases = [r for r in releases if filt.keeps_model(models.get(r.model_id), r.model_id)]

    by_model: dict[str, list[Claim]] = defaultdict(list)
    for claim in kept:
        by_model[claim.subject_id].append(claim)
    all_by_model: dict[str, list[Claim]] = defaultdict(list)
    for claim in week_claims:
        all_by_model[claim.subject_id].append(claim)
    held = Counter(m.new.subject_id for m in moves_all)

    scored = []
    for release in releases:
        model = models.get(release.model_id)
        points, reasons = significance.score_release(release, model, all_by_model.get(release.model_id, ()),
                                                     held.get(release.model_id, 0))
        scored.append((significance.rank_key(points, release, model), Headline(release, points, reasons)))
    scored.sort(key=lambda pair: pair[0])
    headlines = tuple(h for _, h in scored[:limits.headlines])

    released = {}
    for index, (_, headline) in enumerate(scored):
        released.setdefault(headline.release.model_id, index)

    def group_key(model_id: str) -> tuple:
        """Models released this week first (in headline order), then the most talked about."""
        return (released.get(model_id, len(scored)), -len(by_model[model_id]),
                (models[model_id].name if model_id in models else model_id).lower(), model_id)
    ordered = sorted(by_model, key=group_key)
    groups = tuple(_group(mid, by_model[mid], limits.claims_per_model) for mid in ordered[:limits.models])

    week_benches = {b.id: b for b in store.benchmarks(sorted({c.benchmark_id for c in week_claims if c.benchmark_id}))}
    launches = tuple(editorial.launch(store, models[h.release.model_id], week_claims,
                                      week_benches, limits.figures_per_launch if len(headlines) == 1
                                      else min(2, limits.figures_per_launch), until=hi)
                     for h in headlines if h.release.model_id in models)

    watch_since = period.first_day - timedelta(weeks=limits.watch_weeks)
    pool, watch_total = open_vendor_claims(
        store, since=watch_since.isoformat(), until=period.end_day.isoformat(),
        checked_before=period.end_day.isoformat(),
        kinds=[k for k in WATCH_KINDS if filt.keeps_kind(k)], vendor_ids=filt.vendors, model_ids=filt.models,
        limit=limits.watch_pool)
    pool_models = {m.id: m for m in store.models(sorted({c.subject_id for c in pool}))} if pool else {}
    launched = {h.release.model_id for h in headlines}
    told = {x.id for la in launches for f in la.figures for x in (f.claim,)}
    told |= {c.id for la in launches for c in (*la.vague, *la.disputed)}
    told_benchmarks = {(f.claim.subject_id, f.claim.benchmark_id) for la in launches for f in la.figures}
    told |= {m.new.id for m in moves[:limits.moves]}  # shown as a benchmark move already
    ranked = sorted((c for c in pool if c.id not in told and (c.subject_id, c.benchmark_id) not in told_benchmarks),
                    key=lambda c: editorial.watch_rank(c, pool_models, launched))
    watch = editorial.diverse(ranked, limits.watch)

    launch_claims = [x for launch in launches for f in launch.figures for x in (f.claim, f.best_other) if x]
    launch_claims += [c for launch in launches for c in (*launch.vague, *launch.disputed)]
    shown_claims = ([c for g in groups for c in g.claims] + [m.new for m in moves] + [m.previous for m in moves]
                    + watch + launch_claims)
    names_needed_extra = {r for launch in launches for r in launch.rivals}
    names_needed = set(models) | {x for c in shown_claims for x in (c.subject_id, *c.compared_to)} | names_needed_extra
    checks, check_total = evidence_section.checks(store, watch_since.isoformat(), hi, limit=limits.watch)
    checks = tuple(x for x in checks if filt.keeps_model(models.get(x.claim.subject_id), x.claim.subject_id))
    moved, moved_total = evidence_section.moves(store, lo, hi, limit=limits.moves)
    disagree, disagree_total = evidence_section.disagreements(store, lo, hi, limit=limits.disagreements)
    disagree = tuple(d for d in disagree if filt.keeps_model(models.get(d.subject_id), d.subject_id))
    evidence_claims = [c for x in checks for c in (x.claim, x.counterpart)] + [m.claim for m in moved] + \
                      [c for d in disagree for c in d.claims]
    shown_claims += evidence_claims
    names_needed |= {c.subject_id for c in evidence_claims}
    missing = sorted(names_needed - set(models))
    if missing:
        models.update({m.id: m for m in store.models(missing)})
    bench_ids = {c.benchmark_id for c in shown_claims if c.benchmark_id}
    source_ids = {c.source_id for c in shown_claims} | {h.release.source_id for h in headlines}
    return Digest(
        period=period, filters=filt, headlines=headlines, headline_total=len(releases),
        claim_groups=groups, claim_total=len(kept), claim_model_total=len(by_model),
        more_models=tuple(ordered[limits.models:]),
        provenance_counts=_counts(kept), moves=tuple(moves[:limits.moves]), move_total=len(moves),
        first_scores=first_scores, watch=tuple(watch), watch_total=watch_total, watch_since=watch_since.isoformat(),
        models=models, vendors={v.id: v for v in store.vendors()},
        benchmarks={b.id: b for b in store.benchmarks(sorted(bench_ids))} if bench_ids else {},
        sources=store.sources(source_ids), launches=launches, checks=checks, check_total=check_total,
        evidence_moves=moved, evidence_move_total=moved_total, disagreements=disagree,
        disagreement_total=disagree_total,
    )


def _counts(claims: list[Claim]) -> tuple[tuple[str, int], ...]:
    counts = Counter(c.provenance for c in claims)
    return tuple(sorted(counts.items(), key=lambda kv: (PROVENANCE_ORDER.get(kv[0], 9), kv[0])))


def _group(model_id: str, claims: list[Claim], cap: int) -> ClaimGroup:
    ordered = sorted(claims, key=lambda c: (PROVENANCE_ORDER.get(c.provenance, 9), c.first_seen, c.id))
    return ClaimGroup(model_id, tuple(ordered[:cap]), len(claims), _counts(claims))


def _moves(store: Store, week_claims: list[Claim]) -> tuple[list[BenchmarkMove], int]:
    """New best figures per benchmark and normalised settings, over the whole record (filters apply after).

    Only first-party or independent figures can set a new best: a vendor's figures for its rivals are context
    for its launch. The previous best may be anyone's figure (it is what the new one is measured against)."""
    subjects = {m.id: m for m in store.models(sorted({c.subject_id for c in week_claims}))} if week_claims else {}
    cells: dict[tuple[str, tuple], list[Claim]] = defaultdict(list)
    for c in week_claims:
        if c.kind == "benchmark_score" and c.benchmark_id and c.value is not None and c.provenance not in NOT_A_RECORD:
            if c.provenance in ("independent", "crowd") or editorial.first_party(c, subjects.get(c.subject_id)):
                cells[(c.benchmark_id, parse_settings(c.settings).key_for(c.benchmark_id))].append(c)
    if not cells:
        return [], 0
    benches = {b.id: b for b in store.benchmarks(sorted({b for b, _ in cells}))}
    history: dict[str, dict[tuple, list[Claim]]] = {}
    starts = [_day_before(claims) for claims in cells.values()]
    week_start = min(starts)  # no cell's start is earlier
    in_week = _scores_between(store, week_start, max(starts))
    moves, first = [], 0
    for (bench_id, key), claims in sorted(cells.items(), key=lambda kv: (kv[0][0], repr(kv[0][1]))):
        higher = benches[bench_id].higher_is_better if bench_id in benches else True
        best = min(claims, key=lambda c: ((-c.value if higher else c.value), c.first_seen, c.id))
        if bench_id not in history:
            # the best figure per settings text from before the week (a group's best is among them) plus the
            # week's own figures, grouped by normalised settings: loading a benchmark's whole history made a
            # 5,000-claim week in a 1M-claim record take 15 s
            grouped: dict[tuple, list[Claim]] = defaultdict(list)
            rows = store.best_scores_before_by_settings(bench_id, week_start, higher) + in_week.get(bench_id, [])
            for c in rows:
                if c.value is not None and c.provenance not in NOT_A_RECORD:
                    grouped[parse_settings(c.settings).key_for(bench_id)].append(c)
            history[bench_id] = grouped
        start = _day_before(claims)
        earlier = [c for c in history[bench_id].get(key, ()) if c.first_seen < start]
        if not earlier:
            first += 1
            continue
        before = min(earlier, key=lambda c: ((-c.value if higher else c.value), c.first_seen, c.id))
        if (best.value > before.value) if higher else (best.value < before.value):
            moves.append(BenchmarkMove(bench_id, best.settings or None, best, before))
    moves.sort(key=lambda m: (editorial.benchmark_rank(m.benchmark_id), m.benchmark_id, m.new.id))
    return moves, first


def _scores_between(store: Store, since: str, until: str) -> dict[str, list[Claim]]:
    """Reviewed benchmark scores first seen in [since, until), by benchmark: in one query for the whole week (one
    per benchmark cost ~20 ms each on a 1M-claim record). A cell compares only figures first seen before its own
    start, and no start is later than `until`, so nothing after it is needed."""
    by_bench: dict[str, list[Claim]] = defaultdict(list)
    for c in store.claims(kinds=("benchmark_score",), since=since, until=until, limit=None):
        by_bench[c.benchmark_id].append(c)
    return by_bench


def _day_before(claims: list[Claim]) -> str:
    """The earliest first_seen of the week's claims: 'before the week' for best_score_before."""
    return min(c.first_seen for c in claims)
