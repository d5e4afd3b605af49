"""Candidates to records: plan the rows an extraction would add, then store them.

Rules: ids are derived from content (the source URL; the model and source of a
release; what a claim says and where), so ingesting the same thing twice
changes nothing; existing rows are never overwritten (a reviewed claim is not
turned back into a candidate); names the record does not know become
unreviewed candidate models, and only when their vendor is known; rows are
reviewed only when the origin is a vendor's own feed with auto_accept (and,
for a new model, the model is that vendor's). Newly stored reviewed releases
and claims record alert events for their subscribers.

Release dates: the date the text states (the extractor resolves relative ones
against the article's own date), else none; never the day of ingestion. A
release older than the alert age (BRIEFBOT_ALERT_MAX_AGE_DAYS, default 14;
judged on its stated date, else the date the record or a catalog holds for the
model or the first story about it, else the source's publication date) is
stored but never alerted as new: re-reports of old launches do not page anyone,
and a launch the record already holds from another source is alerted once. Every
versioned model name the record does not know becomes an unreviewed candidate
model (with its vendor, when known) for `briefbot review`, and so does a new
benchmark's name a score is stated on (validate.new_benchmark_name): a claim on
a candidate benchmark stays unreviewed until the benchmark is accepted.
"""
from __future__ import annotations

from foundation.clock import utc_now
import calendar
import json
import logging
import re
from dataclasses import asdict, dataclass
from datetime import date

from storage import Benchmark, Claim, Model, Release, Source, Store
from storage.evidence_store import facts_for
from storage.resolve import benchmark_id_for, name_key
from storage.ingest_state import insert_new, record_alert_events

from .extract.types import CandidateClaim, Extraction, ModelRef
from .extract.validate import scores_on_benchmarks
from .urls import normalize_url, short_hash

log = logging.getLogger(__name__)

DEFAULT_ALERT_MAX_AGE_DAYS = 14.0
"""Default of BRIEFBOT_ALERT_MAX_AGE_DAYS: releases older than this are stored but not alerted."""


@dataclass(frozen=True)
class Origin:
    """Where a text came from."""

    url: str
    title: str | None = None
    publisher: str | None = None
    kind: str = "press"
    """vendor_blog when it is the vendor's own site or feed."""
    published: str | None = None
    vendor_id: str | None = None
    """The vendor whose own site or feed this is."""
    auto_accept: bool = False


@dataclass(frozen=True)
class Plan:
    source: Source
    models: tuple[Model, ...] = ()
    releases: tuple[Release, ...] = ()
    claims: tuple[Claim, ...] = ()
    dropped: tuple[str, ...] = ()
    benchmarks: tuple[Benchmark, ...] = ()
    """Unreviewed benchmark candidates: names the record did not know that scores were stated on."""


@dataclass(frozen=True)
class StoreResult:
    models: int = 0
    releases: int = 0
    claims: int = 0
    alerts: int = 0
    benchmarks: int = 0


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9.]+", "-", name.casefold()).strip("-.") or "model"


def source_id_for(url: str) -> str:
    return "src-" + short_hash(normalize_url(url) or url)


def plan(store: Store, extraction: Extraction, origin: Origin, now: str) -> Plan:
    src = Source(id=source_id_for(origin.url), url=origin.url, publisher=origin.publisher, title=origin.title,
                 kind=origin.kind, published=origin.published, retrieved=now,
                 notes="found by automatic ingestion")
    accept = bool(origin.auto_accept and origin.vendor_id)
    new_models: dict[str, Model] = {}
    dropped: list[str] = list(extraction.problems)

    def model_id(ref: ModelRef) -> str | None:
        if ref.model_id:
            return ref.model_id
        vendor = ref.vendor_id or origin.vendor_id
        if not vendor or store.vendor(vendor) is None:
            dropped.append(f"unknown model {ref.text!r} with no known vendor: not stored")
            return None
        mid = slug(ref.text)
        if mid not in new_models and model_of(mid) is None:
            new_models[mid] = Model(id=mid, vendor_id=vendor, name=ref.text, source_id=src.id,
                                    status="announced", notes="candidate found by automatic ingestion",
                                    reviewed=accept and vendor == origin.vendor_id)
        return mid

    known: dict[str, Model | None] = {}

    def model_of(mid: str) -> Model | None:
        if mid in new_models:
            return new_models[mid]
        if mid not in known:
            known[mid] = store.model(mid)
        return known[mid]

    def reviewed(mid: str) -> bool:
        if not accept:
            return False
        model = model_of(mid)
        return model is not None and model.reviewed

    for ref in extraction.new_models:
        if ref.vendor_id:  # a name only mentioned needs its own maker: a feed's vendor is not everyone's
            model_id(ref)
    releases = []
    for r in extraction.releases:
        mid = model_id(r.model)
        if mid is None:
            continue
        vendor = r.model.vendor_id if r.model.model_id else None
        if vendor is None:
            model = model_of(mid)
            vendor = model.vendor_id if model else (r.vendor_id or origin.vendor_id)
        releases.append(Release(id="rel-" + short_hash(mid, src.id), model_id=mid, vendor_id=vendor, date=r.date or None,
                                title=origin.title or r.quote[:200], source_id=src.id, summary=r.quote[:500],
                                date_basis="stated in source" if r.date else None,
                                first_seen=now, reviewed=reviewed(mid)))
    new_benchmarks: dict[str, Benchmark] = {}
    written: dict[str, tuple[str, bool]] = {}

    def benchmark_id(c: CandidateClaim) -> tuple[str | None, bool]:
        """(id, reviewed) of the claim's benchmark; a name the record does not know becomes a candidate (looked up
        once per name: a table row gives it one score per model)."""
        if c.benchmark_id or not c.benchmark_text:
            return c.benchmark_id, True
        if c.benchmark_text not in written:
            written[c.benchmark_text] = _candidate_id(c.benchmark_text)
        return written[c.benchmark_text]

    def _candidate_id(text: str) -> tuple[str, bool]:
        bid = benchmark_id_for(text)
        bench = new_benchmarks.get(bid) or store.benchmark(bid)
        if bench is not None and bench.reviewed and name_key(text) not in {
                name_key(n) for n in (bench.name, *bench.aliases)}:  # another benchmark's id: never its scores
            bid = f"{bid}-{short_hash(text)[:6]}"
            bench = new_benchmarks.get(bid) or store.benchmark(bid)
        if bench is None:
            bench = new_benchmarks[bid] = Benchmark(id=bid, name=text, reviewed=False,
                                                    notes=f"candidate found by automatic ingestion in {origin.url}")
        return bid, bench.reviewed

    claims = []
    # whichever extractor made the extraction; it has checked new benchmark names against the record's names
    for c in scores_on_benchmarks(extraction.claims, dropped):
        claim = _claim(c, model_id, reviewed, benchmark_id, src.id, now, dropped)
        if claim is not None:
            claims.append(claim)
    used = {c.benchmark_id for c in claims}
    return Plan(src, tuple(new_models.values()), tuple(releases), tuple(claims), tuple(dropped),
                tuple(b for b in new_benchmarks.values() if b.id in used))


def _claim(c: CandidateClaim, model_id, reviewed, benchmark_id, source_id: str, now: str,
           dropped: list[str]) -> Claim | None:
    subject = model_id(c.subject)
    if subject is None:
        return None
    bench, bench_reviewed = benchmark_id(c)
    others = tuple(m for m in (model_id(r) for r in c.compared_to) if m and m != subject)
    if c.kind == "comparison" and not others:
        dropped.append(f"comparison in {c.quote[:80]!r} has no known compared model")
        return None
    key = json.dumps([c.kind, subject, bench, c.value_text, c.relation, sorted(others)])
    ok = reviewed(subject) and all(reviewed(m) for m in others) and bench_reviewed
    return Claim(id="clm-" + short_hash(key, source_id), kind=c.kind, subject_id=subject, provenance=c.provenance,
                 quote=c.quote, source_id=source_id, first_seen=now, benchmark_id=bench, value=c.value,
                 value_text=c.value_text, unit=c.unit, settings=c.conditions, compared_to=others, relation=c.relation,
                 reported_by=c.reported_by, notes="found by automatic ingestion", reviewed=ok)


def store_plan(store: Store, p: Plan, now: str, max_age_days: float = DEFAULT_ALERT_MAX_AGE_DAYS) -> StoreResult:
    """Insert what is new (never overwrite), then record alert events for new reviewed items that are not old news."""
    with store.db.atomic():
        insert_new(store, [p.source])
        benchmarks = insert_new(store, p.benchmarks)
        models = insert_new(store, p.models)
        fresh_releases = insert_new(store, p.releases)
        fresh_claims = insert_new(store, p.claims)
        alerts = 0
        for r in fresh_releases:
            if r.reviewed:
                alerts += alert_for_release(store, r, p.source.url, now, max_age_days)
        for c in fresh_claims:
            if c.reviewed:
                alerts += alert_for_claim(store, c, p.source.url, now)
    return StoreResult(len(models), len(fresh_releases), len(fresh_claims), alerts, len(benchmarks))


def _day(text: str | None) -> date | None:
    """'2025-01-20' as that day; '2025-01' as the month's last day (the latest it can be); else None."""
    m = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text or "")
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    try:
        return date(year, month, int(m.group(3)) if m.group(3) else calendar.monthrange(year, month)[1])
    except ValueError:
        return None


def release_is_old(store: Store, r: Release, now: str, max_age_days: float = DEFAULT_ALERT_MAX_AGE_DAYS) -> bool:
    """Older than the alert age: on the date the text states, else the date the record (or a catalog) already
    knows for the model (an article that re-reports an old release without its date), else the source's
    publication date."""
    known = published = None
    if _day(r.date) is None:
        known = known_release_date(store, r.model_id, besides=r.id)
        if known is None:
            source = store.source(r.source_id)
            published = source.published if source else None
    return dated_before_alert_age(r.date, published, now, max_age_days, known=known)


def known_release_date(store: Store, model_id: str | None, besides: str | None = None) -> str | None:
    """The release date the record holds for a model: curated first, then a catalog's, then the earliest release
    of it the record already holds from another source (its stated date, else the day it was first seen): a
    launch first reported months ago is old news when another article re-reports it without a date."""
    if not model_id:
        return None
    model = store.model(model_id)
    if model is not None and model.release_date:
        return model.release_date
    dated = facts_for(store, [model_id]).get(model_id, {}).get("release_date") or []
    if dated:
        return str(dated[0].value)
    earlier = [r.date or r.first_seen for r in store.releases(model_ids=[model_id], limit=None, include_unreviewed=True)
               if r.id != besides and (r.date or r.first_seen)]
    return min(earlier) if earlier else None


def dated_before_alert_age(stated: str | None, published: str | None, now: str,
                           max_age_days: float = DEFAULT_ALERT_MAX_AGE_DAYS, known: str | None = None) -> bool:
    """The rule alone (the extraction benchmark applies it too): the stated date wins, then the model's known
    release date, then the publication date; with none, a release counts as new."""
    when = _day(stated) or _day(known) or _day(published)
    today = _day(now) or utc_now().date()
    return when is not None and (today - when).days > max_age_days


def announced_before(store: Store, r: Release) -> bool:
    """Another source's reviewed release of the same model, first seen earlier: subscribers heard of this launch
    already (a second outlet's story, the vendor's post after the press), so it is not a new one."""
    return any(other.id != r.id and other.first_seen <= r.first_seen
               for other in store.releases(model_ids=[r.model_id], limit=None))


def alert_for_release(store: Store, r: Release, url: str | None, now: str,
                      max_age_days: float = DEFAULT_ALERT_MAX_AGE_DAYS) -> int:
    if release_is_old(store, r, now, max_age_days):
        log.info("release %s dated %s is older than %s days: stored, not alerted", r.id, r.date, max_age_days)
        return 0
    if announced_before(store, r):
        log.info("release %s: the record already holds a reviewed release of %s; not alerted again", r.id, r.model_id)
        return 0
    model, vendor = store.model(r.model_id), store.vendor(r.vendor_id)
    text = f"{vendor.name if vendor else r.vendor_id} released {model.name if model else r.model_id}: {r.title}"
    return record_alert_events(store, "release", r.id, r.vendor_id, r.model_id, text[:500], url, now)


def alert_for_claim(store: Store, c: Claim, url: str | None, now: str) -> int:
    model = store.model(c.subject_id)
    name = model.name if model else c.subject_id
    who = "vendor-reported" if c.provenance == "vendor_reported" else c.provenance
    if c.kind == "benchmark_score":
        bench = store.benchmark(c.benchmark_id)
        what = f"{name} scores {c.value_text}{c.unit or ''} on {bench.name if bench else c.benchmark_id}"
    else:
        others = ", ".join(m.name for m in store.models(list(c.compared_to)))
        what = f"{name} {c.relation} {others}"
    text = f"{what} ({who}): “{c.quote[:280]}”"
    return record_alert_events(store, "claim", c.id, model.vendor_id if model else None, c.subject_id, text, url, now)


def plan_to_json(p: Plan, extraction: Extraction) -> dict:
    """What --dry-run prints: the rows that would be stored plus every mention, with names as resolved."""
    def row(obj) -> dict:
        d = asdict(obj)
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in d.items() if v not in (None, ())}
    return {"source": row(p.source), "mentions": [asdict(m) for m in extraction.mentions],
            "new_models": [row(m) for m in p.models], "releases": [row(r) for r in p.releases],
            "claims": [row(c) for c in p.claims], "dropped": list(p.dropped)}
