"""Syncing evidence sources into the record: load a published file, parse it, map it, store it.

`sync(store, names, from_, settings)` is what `briefbot sources sync [NAME] [--from FILE_OR_URL]`
and the daily job in `briefbot run` call; `sync_snapshots(store)` is the offline path used by
`briefbot seed` (the committed snapshots, no network).

Rules:
- one source at a time, each in its own transaction: a file that changed shape (missing
  column, renamed key, HTML instead of JSON, truncated) fails *that* source with a one-line
  reason in `source_syncs`; nothing stored is lost or duplicated, and the other sources go on;
- syncing the same file twice changes nothing in the record (whole-row upserts by stable ids;
  one history row per claim and version);
- a newer file updates figures in place and keeps every earlier value in `claim_history`;
- catalog facts go to `model_facts`, never over a curated `models` field; models the catalog
  lists for tracked vendors that the record lacks are added (reviewed: the catalog is curated);
- a leaderboard name that does not map exactly becomes an unreviewed candidate model when its
  vendor is certain, else it is only logged in `source_names` (see mapping.py).
"""
from __future__ import annotations

from foundation.clock import now_stamp
import hashlib
import json
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from storage import Benchmark, Claim, Model, Source, Store, Vendor
from storage.evidence_store import (Fact, last_sync, move_facts, note_names, put_claims, put_facts, sync_finished,
                                    sync_started)
from storage.ingest_state import insert_new
from storage.resolve import benchmark_id_for, name_key

from . import ADAPTERS, adapter_named, snapshots
from .base import BenchmarkEntry, CatalogEntry, ScoreRow, ShapeError
from .mapping import Aliases, Mapper, split_variant, vendor_from_name
from .models_dev import PRICE_FIELDS, entry_vendor

log = logging.getLogger(__name__)

SOURCE_MAX_BYTES = 8_000_000
"""Published leaderboard files are larger than feeds (SWE-bench's is about 4 MB)."""
SNAPSHOT = "snapshot"


@dataclass(frozen=True)
class SyncResult:
    source: str
    status: str
    """ok | unchanged | not_modified | failed"""
    origin: str
    version: str | None = None
    rows: int = 0
    mapped: int = 0
    unmapped: int = 0
    candidates: int = 0
    changed: int = 0
    error: str | None = None

    def line(self) -> str:
        if self.status == "failed":
            return f"{self.source}: failed — {self.error}"
        if self.status == "not_modified":
            return f"{self.source}: not modified since the last sync ({self.origin})"
        rate = f"{100 * self.mapped / self.rows:.0f}%" if self.rows else "-"
        return (f"{self.source}: {self.status}, version {self.version}: {self.rows} rows, {self.mapped} mapped ({rate}), "
                f"{self.unmapped} unmapped, {self.candidates} new candidates, {self.changed} changed")


def _now() -> str:
    return now_stamp()


# ---- loading --------------------------------------------------------------------
@dataclass(frozen=True)
class Loaded:
    files: dict[str, bytes]
    origin: str
    url: str
    version: str
    published: str | None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


def _digest(files: Mapping[str, bytes]) -> str:
    h = hashlib.sha256()
    for name in sorted(files):
        h.update(name.encode() + b"\0" + files[name])
    return h.hexdigest()[:12]


def load_snapshot(name: str) -> Loaded:
    meta, files = snapshots.read_files(name)
    return Loaded(files=files, origin=f"snapshot {meta.version}", url=meta.url, version=meta.version,
                  published=meta.commit_date[:10])


def load_path(adapter, path: Path) -> Loaded:
    if path.is_dir():
        files = {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()
                 and p.suffix in (".toml", ".json", ".csv", ".yml", ".yaml")}
        if not files:
            raise ShapeError(f"{path}: no data files")
    else:
        files = {path.name: path.read_bytes()}
        for companion in adapter.companions(path.name):
            if (path.parent / companion).exists():
                files[companion] = (path.parent / companion).read_bytes()
    date = _date_in(path.name)
    version = (date + "@" if date else "") + _digest(files)
    return Loaded(files=files, origin=f"file {path}", url=path.resolve().as_uri(), version=version, published=date)


def load_url(adapter, url: str, fetcher, previous) -> Loaded:
    same = previous is not None and previous.origin == url
    etag = previous.etag if same else None
    modified = previous.last_modified if same else None
    got = fetcher.get(url, etag=etag, last_modified=modified)
    if got.not_modified:
        return Loaded({}, f"url {url}", url, previous.version if previous else "", None, got.etag, got.last_modified,
                      not_modified=True)
    name = Path(urlsplit(got.url).path).name or "data"
    files = {name: got.body}
    for companion in adapter.companions(name):
        files[companion] = fetcher.get(urljoin(got.url, companion)).body
    date = _date_in(name)
    version = (date + "@" if date else "") + _digest(files)
    return Loaded(files=files, origin=f"url {url}", url=url, version=version, published=date,
                  etag=got.etag, last_modified=got.last_modified)


def _date_in(text: str) -> str | None:
    m = re.search(r"(20\d\d)[_-](\d\d)[_-](\d\d)", text)
    return "-".join(m.groups()) if m else None


# ---- the sync --------------------------------------------------------------------
def sync(store: Store, names: Sequence[str] | None = None, from_: str | None = None, settings=None, *,
         fetcher=None, now: str | None = None) -> list[SyncResult]:
    """Sync the named sources (all when None). `from_`: None fetches each default URL (conditional GET),
    "snapshot" reads the committed snapshots, a path or URL reads that file (one source only)."""
    adapters = [adapter_named(n) for n in names] if names else list(ADAPTERS)
    if from_ not in (None, SNAPSHOT) and len(adapters) != 1:
        raise ValueError("--from needs exactly one source name")
    own_fetcher = None
    if fetcher is None and from_ != SNAPSHOT and (from_ is None or from_.startswith(("http://", "https://"))):
        from dataclasses import replace

        from ingest.fetch import FetchConfig, Fetcher
        config = FetchConfig.from_settings(settings) if settings is not None else FetchConfig()
        own_fetcher = fetcher = Fetcher(replace(config, max_bytes=max(config.max_bytes, SOURCE_MAX_BYTES)))
    try:
        return [sync_one(store, a, from_, fetcher=fetcher, now=now) for a in adapters]
    finally:
        if own_fetcher is not None:
            own_fetcher.close()


def sync_snapshots(store: Store, names: Sequence[str] | None = None, now: str | None = None) -> list[SyncResult]:
    """The offline path (`briefbot seed`): every committed snapshot that is present. A source whose files
    are not shipped is left out (it is not a failed sync: `briefbot sources sync NAME` fetches it)."""
    wanted = [a.name for a in ADAPTERS if names is None or a.name in names]
    present = [n for n in wanted if snapshots.available(n)]
    for name in sorted(set(wanted) - set(present)):
        log.info("no pinned snapshot shipped for %s; `briefbot sources sync %s` fetches it", name, name)
    return sync(store, present, SNAPSHOT, now=now) if present else []


def sync_one(store: Store, adapter, from_: str | None, *, fetcher=None, now: str | None = None) -> SyncResult:
    from ingest.fetch import FetchError
    now = now or _now()
    origin = from_ or adapter.default_url
    sync_id = sync_started(store, adapter.name, now, origin if from_ != SNAPSHOT else "snapshot")
    loaded = None
    try:
        if from_ == SNAPSHOT:
            loaded = load_snapshot(adapter.name)
        elif from_ is None or from_.startswith(("http://", "https://")):
            loaded = load_url(adapter, from_ or adapter.default_url, fetcher, last_sync(store, adapter.name, ok_only=True))
        else:
            loaded = load_path(adapter, Path(from_))
        if loaded.not_modified:
            sync_finished(store, sync_id, finished=_now(), status="not_modified", version=loaded.version,
                          etag=loaded.etag, last_modified=loaded.last_modified)
            return SyncResult(adapter.name, "not_modified", loaded.origin, loaded.version)
        rows = adapter.parse(loaded.files)
        with store.db.atomic():
            counts = apply(store, adapter, rows, loaded, now)
    except (ShapeError, FetchError, snapshots.SnapshotMissing, OSError, ValueError) as err:
        reason = " ".join(str(err).split())[:300] or type(err).__name__
        log.warning("sync of %s failed: %s", adapter.name, reason)
        sync_finished(store, sync_id, finished=_now(), status="failed", error=reason,
                      version=loaded.version if loaded else None)
        return SyncResult(adapter.name, "failed", loaded.origin if loaded else origin, error=reason)
    status = "ok" if counts["changed"] else "unchanged"
    sync_finished(store, sync_id, finished=_now(), status=status, version=loaded.version, rows=counts["rows"],
                  mapped=counts["mapped"], unmapped=counts["unmapped"], candidates=counts["candidates"],
                  changed=counts["changed"], etag=loaded.etag, last_modified=loaded.last_modified)
    return SyncResult(adapter.name, status, loaded.origin, loaded.version, counts["rows"], counts["mapped"],
                      counts["unmapped"], counts["candidates"], counts["changed"])


def source_row(adapter, loaded: Loaded, now: str) -> Source:
    when = loaded.published or now[:10]
    return Source(id=f"{adapter.name}@{loaded.version}", url=loaded.url, publisher=adapter.publisher,
                  title=f"{adapter.title} ({when})", kind=adapter.kind, published=when, retrieved=now[:10],
                  notes=f"{adapter.repository}; version {loaded.version}; synced from {loaded.origin}")


def apply(store: Store, adapter, rows: Sequence, loaded: Loaded, now: str) -> dict[str, int]:
    source = source_row(adapter, loaded, now)
    known = store.source(source.id)
    if known is not None:  # the same file (same version) again: the row from its first sync stays as it was
        source = known
    changed = store.upsert_many([source])
    if rows and isinstance(rows[0], CatalogEntry):
        counts = _apply_catalog(store, adapter, rows, source, now)
    elif rows and isinstance(rows[0], BenchmarkEntry):
        counts = _apply_benchmarks(store, adapter, rows, source)
    else:
        counts = _apply_scores(store, adapter, rows, source, loaded.version, now)
    counts["changed"] += changed
    return counts


# ---- benchmark catalog ----------------------------------------------------------------
def _apply_benchmarks(store: Store, adapter, entries: Sequence[BenchmarkEntry], source: Source) -> dict[str, int]:
    """Benchmarks the catalog names that the record lacks are added; a name the record already gives a benchmark,
    a model or a vendor is that one (curated rows are never changed, and a name is never two things)."""
    mine = f"From the {adapter.title} ("
    taken = {name_key(n) for b in store.benchmarks() if not (b.notes or "").startswith(mine)
             for n in (b.name, b.id, *b.aliases) if n}
    taken |= {name_key(n) for v in store.vendors() for n in (v.name, v.id, *v.aliases) if n}
    taken |= {name_key(n) for mid, name, aliases, _family, _vendor in store.model_names()
              for n in (mid, name, *json.loads(aliases or "[]")) if n}
    ids = {b.id: b for b in store.benchmarks()}
    new, known, clashes = [], 0, 0
    for e in entries:
        bench_id = benchmark_id_for(e.name)
        if any(name_key(n) in taken for n in (e.name, *e.aliases)):
            known += 1
            continue
        held = ids.get(bench_id)
        if held is not None and not (held.notes or "").startswith(mine):
            clashes += 1  # the id is a curated benchmark's under another name: not this entry
            continue
        notes = "; ".join(x for x in (e.category, e.paper) if x)
        new.append(Benchmark(id=bench_id, name=e.name, aliases=e.aliases, higher_is_better=e.higher_is_better,
                             notes=f"{mine}{source.id}, entry {e.entry_id}){': ' + notes if notes else ''}"))
    return {"rows": len(entries), "mapped": known + len(new), "unmapped": clashes, "candidates": 0,
            "changed": store.upsert_many(new)}


# ---- catalog ------------------------------------------------------------------------
_DATED = re.compile(r"-20\d{6}$|-\d{4}-\d{2}-\d{2}$")


def _display_name(name: str) -> str:
    return re.sub(r"\s*\((latest)\)\s*$", "", name, flags=re.I).strip()


def _model_id(entry_id: str) -> str:
    """`claude-sonnet-4-5` -> `claude-sonnet-4.5` (the record's id style); a dated id keeps its date."""
    from .mapping import _DOT_VERSION
    return _DOT_VERSION.sub(r"\1.\2", entry_id.casefold())


def _apply_catalog(store: Store, adapter, entries: Sequence[CatalogEntry], source: Source, now: str) -> dict[str, int]:
    changed = 0
    vendors_present = {v.id for v in store.vendors()}
    new_vendors = {}
    for e in entries:
        vendor_id, vendor_name = entry_vendor(e)
        if vendor_id not in vendors_present and vendor_id not in new_vendors:
            new_vendors[vendor_id] = Vendor(id=vendor_id, name=vendor_name, source_id=source.id)
    changed += store.upsert_many(list(new_vendors.values()))
    # map onto curated models only: models this catalog added earlier are found again by their id below,
    # so that the outcome does not depend on what an earlier sync created
    curated = [r for r in _names_with_review(store, with_source=True) if not (r[6] or "").startswith(f"{adapter.name}@")]
    aliases = Aliases.load()
    mapper = Mapper([r[:6] for r in curated], (), aliases)
    # one group per (vendor, display name): dated and undated ids of one model share a name
    groups: dict[tuple[str, str], list[CatalogEntry]] = {}
    for e in entries:
        if "text" not in (e.facts.get("output_modalities") or ["text"]) or "embedding" in e.entry_id:
            continue
        groups.setdefault((entry_vendor(e)[0], name_key(_display_name(e.name))), []).append(e)
    names_log = []
    mapped = unmapped = 0
    ordered = []
    for (vendor_id, key), group in groups.items():
        # an API listing's entry leads its group; a maker's canonical file only adds to it
        group.sort(key=lambda e: (e.canonical, bool(_DATED.search(e.entry_id)), len(e.entry_id), e.entry_id))
        ordered.append((vendor_id, key, group))
    # the group whose best entry is undated and shortest states a model's facts when several map to it; groups led
    # by an API entry come before groups of canonical files alone
    ordered.sort(key=lambda g: (g[2][0].canonical, bool(_DATED.search(g[2][0].entry_id)), len(g[2][0].entry_id),
                                g[2][0].entry_id))
    members: dict[str, list[list[CatalogEntry]]] = {}
    created: dict[str, CatalogEntry] = {}
    for vendor_id, _key, group in ordered:
        primary = group[0]
        model_id = None
        for e in group:
            for text in (f"{e.provider}/{e.entry_id}", e.entry_id, _display_name(e.name)):
                m = mapper.map(text)
                if m.status == "ignored":
                    model_id = "-"
                    break
                if m.model_id and mapper.vendor_of.get(m.model_id) == vendor_id and m.variant.text() is None:
                    model_id = m.model_id
                    break
            if model_id:
                break
        if model_id == "-":
            names_log += [(f"{e.provider}/{e.entry_id}", "ignored", None, None, "seeds/model_aliases.yaml") for e in group]
            continue
        if model_id is None:
            model_id = _model_id(primary.entry_id)
            existing = store.model(model_id)
            if existing is not None and existing.vendor_id != vendor_id:
                names_log += [(f"{e.provider}/{e.entry_id}", "unmapped", None, None, f"id {model_id} is taken")
                              for e in group]
                unmapped += len(group)
                continue
            if existing is None and model_id not in created:
                created[model_id] = primary
        mapped += len(group)
        names_log += [(f"{e.provider}/{e.entry_id}", "mapped", model_id, None, None) for e in group]
        members.setdefault(model_id, []).append(group)
    facts: list[Fact] = []
    merged: dict[str, dict[str, tuple[object, str]]] = {}
    for model_id, model_groups in members.items():
        merged[model_id] = _merge_catalog_facts(model_groups, aliases)
        ids = sorted({f"{e.provider}/{e.entry_id}" for g in model_groups for e in g}
                     | {e.entry_id for g in model_groups for e in g})
        first = model_groups[0][0]
        facts += [Fact(model_id, field, value, source.id, now, entry) for field, (value, entry) in merged[model_id].items()]
        facts.append(Fact(model_id, "catalog_id", ids, source.id, now, f"{first.provider}/{first.entry_id}"))
    new_models = []
    for model_id, primary in created.items():
        f = {field: value for field, (value, _entry) in merged[model_id].items()}
        new_models.append(Model(
            id=model_id, vendor_id=entry_vendor(primary)[0], name=_display_name(primary.name), family=primary.family,
            release_date=f.get("release_date"),
            release_date_basis="models.dev catalog" if f.get("release_date") else None,
            status="preview" if "preview" in primary.entry_id else None,
            modalities=tuple(f.get("input_modalities") or ()) or None, open_weights=f.get("open_weights"),
            context_length=f.get("context_limit"), source_id=source.id,
            notes="Added from the models.dev catalog (provenance: catalog); not in the curated seeds."))
    changed += len(insert_new(store, new_models))
    previous = [r["source_id"] for r in store.rows(
        "select distinct source_id from model_facts where source_id like ? and source_id != ?",
        [f"{adapter.name}@%", source.id])]
    changed += put_facts(store, facts)
    for old in previous:
        move_facts(store, old, source.id)
    note_names(store, adapter.name, names_log, now)
    return {"rows": len(entries), "mapped": mapped, "unmapped": unmapped, "candidates": 0, "changed": changed}


MODEL_OWN_FACTS = ("open_weights", "knowledge_cutoff")
"""Facts about the model itself, where the maker's canonical file wins over an API listing of the model."""


def _merge_catalog_facts(groups: Sequence[Sequence[CatalogEntry]], aliases: Aliases) -> dict[str, tuple[object, str]]:
    """One model's facts (field -> (value, catalog id of the entry stating it)) from the groups mapped to it.

    The first group's leading entry states its facts (an alias row's `facts:` may limit them); a later API
    entry of the same model adds only its ids. Every canonical file (models.dev `models/<org>/<id>.toml`) mapped
    to the model then adds what is not stated yet, never a price; for the model's own facts (open weights,
    knowledge cut-off) the first canonical file's value replaces an API listing's; for the release date the
    earliest full day any of them states wins (a month-only date yields to a day within it), so an API alias
    that began serving the model later does not make its launch look recent."""
    out: dict[str, tuple[object, str]] = {}
    dates: list[tuple[str, str]] = []
    own_done: set[str] = set()
    first = groups[0][0]
    canon = [e for g in groups for e in g if e.canonical]
    for e in ([first] if not first.canonical else []) + canon:
        where = f"{e.provider}/{e.entry_id}"
        allowed = aliases.facts_for(where, e.entry_id)
        for field, value in e.facts.items():
            if field == "catalog_id" or (allowed is not None and field not in allowed):
                continue
            if e.canonical and field in PRICE_FIELDS:
                continue
            if field == "release_date":
                dates.append((str(value), where))
            elif field not in out:
                out[field] = (value, where)
                if e.canonical and field in MODEL_OWN_FACTS:
                    own_done.add(field)
            elif e.canonical and field in MODEL_OWN_FACTS and field not in own_done:
                if out[field][0] != value:
                    out[field] = (value, where)
                own_done.add(field)
    if dates:
        out["release_date"] = _earliest_date(dates)
    return out


def _earliest_date(dates: Sequence[tuple[str, str]]) -> tuple[str, str]:
    """The earliest stated date; a partial date (`2026-01`) yields to a fuller one within it (`2026-01-27`).
    The first entry stating the winning date is credited with it (the API listing's, when dates are equal)."""
    kept = [(d, w) for d, w in dates if not any(o != d and o.startswith(d) for o, _ in dates)]
    best = min(d for d, _ in kept)
    return next((d, w) for d, w in kept if d == best)


# ---- scores ----------------------------------------------------------------------------
def _names_with_review(store: Store, with_source: bool = False):
    cols = "id, name, aliases, family, vendor_id, reviewed" + (", source_id" if with_source else "")
    return [tuple(r) for r in store.db.execute(f"select {cols} from models").fetchall()]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9.]+", "-", text.casefold()).strip("-")[:80] or "x"


def _join(*parts: str | None) -> str | None:
    out = "; ".join(p for p in parts if p)
    return out or None


def _apply_scores(store: Store, adapter, rows: Sequence[ScoreRow], source: Source, version: str,
                  now: str) -> dict[str, int]:
    from storage.evidence_store import catalog_ids
    mapper = Mapper(_names_with_review(store), catalog_ids(store), Aliases.load())
    known_vendors: dict[str, str] = {}
    for v in store.vendors():
        for n in (v.id, v.name, *v.aliases):
            known_vendors[name_key(n)] = v.id
    reviewed_of = {r[0]: bool(r[1]) for r in store.db.execute("select id, reviewed from models").fetchall()}
    units = {b.id: b.unit for b in store.benchmarks({r.benchmark for r in rows})}
    missing = sorted({r.benchmark for r in rows} - set(units))
    if missing:
        raise ShapeError(f"benchmark(s) not in the record: {', '.join(missing)} (add them to seeds/benchmarks.yaml)")
    cache: dict[tuple[str, str | None], tuple] = {}
    claims: list[Claim] = []
    candidates: list[Model] = []
    names_log: dict[str, tuple] = {}
    mapped = unmapped = 0
    for row in rows:
        key = (row.name, row.model_tag)
        if key not in cache:
            m = mapper.map(row.name, *([row.model_tag] if row.model_tag else []))
            model_id, status, reason = m.model_id, m.status, m.reason
            if status == "unmapped" and "+" not in row.name:  # a combination of models is never one candidate
                vendor_id = vendor_from_name(row.model_tag or row.name, row.vendor_hint, known_vendors)
                if vendor_id:
                    tokens, _ = split_variant((row.model_tag or row.name).rstrip("/").rsplit("/", 1)[-1])
                    base = "-".join(tokens) or row.name
                    model_id = "cand-" + _slug(base)
                    if model_id not in reviewed_of:
                        candidates.append(Model(
                            id=model_id, vendor_id=vendor_id, name=base, source_id=source.id,
                            reviewed=False, notes=f"Listed on {adapter.title} as “{row.name}”; no exact match in the "
                                                  f"record or the catalog ({reason}). Accept, or map it in "
                                                  "seeds/model_aliases.yaml."))
                        reviewed_of[model_id] = False
                    status = "candidate"
            cache[key] = (model_id, status, m.variant.text(), reason)
            names_log[row.name] = (row.name, status, model_id, m.variant.text(), reason)
        model_id, status, variant, reason = cache[key]
        if model_id is None:
            unmapped += 1
            continue
        if status == "mapped":
            mapped += 1
        else:
            unmapped += 1
        ident = "/".join(p for p in (adapter.name, row.benchmark, model_id, _slug(row.scope), _slug(row.name),
                                     _slug(row.variant) if row.variant else None) if p)
        claims.append(Claim(
            id=ident, kind="benchmark_score", subject_id=model_id, provenance=row.provenance, quote=row.quote,
            source_id=source.id, first_seen=row.date or source.published or now[:10], benchmark_id=row.benchmark,
            value=row.value, value_text=row.value_text, unit=units.get(row.benchmark), settings=_join(row.settings, variant),
            scope=row.scope, notes=_join(f"listed as “{row.name}”", row.notes), reviewed=reviewed_of.get(model_id, False)))
    created = insert_new(store, candidates)
    seen: set[str] = set()
    unique = []
    for c in claims:  # a file listing one row twice keeps the first
        if c.id not in seen:
            seen.add(c.id)
            unique.append(c)
    primed = last_sync(store, adapter.name, ok_only=True) is not None
    before = _values(store, [c.id for c in unique]) if primed else {}
    changed = len(created) + put_claims(store, unique, version, now)
    if primed:
        _alert(store, adapter, unique, before, source, version, now)
    note_names(store, adapter.name, names_log.values(), now)
    return {"rows": len(rows), "mapped": mapped, "unmapped": unmapped, "candidates": len(created), "changed": changed}


MAX_ALERTS = 50
"""Alerts per sync at most: a leaderboard that reshuffles everything says so in the digest, not in 500 DMs."""


def _values(store: Store, ids: Sequence[str]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for i in range(0, len(ids), 500):
        chunk = list(ids[i:i + 500])
        marks = ",".join("?" * len(chunk))
        out.update(dict(store.db.execute(f"select id, value from claims where id in ({marks})", chunk).fetchall()))
    return out


def _alert(store: Store, adapter, claims: Sequence[Claim], before: dict, source: Source, version: str, now: str) -> int:
    """Subscribers hear of a model's new or moved headline figure (never on a source's first sync, which
    would announce the whole leaderboard; never for a candidate)."""
    from storage.reconcile import headline
    from storage.ingest_state import record_alert_events
    fresh = [c for c in headline(claims) if c.reviewed and before.get(c.id, "new") != c.value]
    events = 0
    for c in fresh[:MAX_ALERTS]:
        model = store.model(c.subject_id)
        bench = store.benchmark(c.benchmark_id)
        old = before.get(c.id, "new")
        what = "new figure" if old == "new" else f"moved from {old:g}"
        text = (f"{model.name if model else c.subject_id}: {c.value_text} on {bench.name if bench else c.benchmark_id}"
                f" ({what}; {c.provenance}, {adapter.title}" + (f"; {c.settings}" if c.settings else "") + ")")
        events += record_alert_events(store, "claim", f"{c.id}@{version}", model.vendor_id if model else None,
                                      c.subject_id, text, source.url, now)
    return events


def names(adapters: Iterable = ADAPTERS) -> list[str]:
    return [a.name for a in adapters]
