"""Loading the curated YAML files in seeds/ into the record.

Idempotent: every row is upserted whole by its id, so a second run changes
nothing and an edited row is updated. The files are checked before anything is
written (unknown ids, missing sources, a figure that does not appear in its
quote), and a bad file stops the load with the file and row named: a partial
seed is worse than none.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from storage import Benchmark, Claim, Model, Release, Source, Store, Vendor
from storage.records import CLAIM_KINDS, PROVENANCES, RELATIONS

log = logging.getLogger(__name__)

DEFAULT_SEEDS_DIR = Path(str(resources.files("seeds")))
"""The curated seeds ship inside the installed distribution (package `seeds`), so a wheel works anywhere."""


class SeedError(ValueError):
    pass


@dataclass(frozen=True)
class SeedReport:
    rows: int
    changed: int
    counts: dict[str, int]
    syncs: tuple = ()
    """One ingest.sources.sync.SyncResult per committed snapshot (independent evidence, catalog facts)."""


def _load(path: Path) -> list[dict[str, Any]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as err:
        raise SeedError(f"{path.name}: not valid YAML: {err}") from err
    if not isinstance(data, list):
        raise SeedError(f"{path.name}: expected a list of rows")
    return data


def _text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


def _tuple(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in (value or ()))


def read_seeds(seeds_dir: Path = DEFAULT_SEEDS_DIR) -> dict[str, list]:
    d = Path(seeds_dir)
    vendors = [Vendor(id=r["id"], name=r["name"], aliases=_tuple(r.get("aliases")), country=_text(r.get("country")),
                      homepage=_text(r.get("homepage")), source_id=_text(r.get("source")))
               for r in _load(d / "vendors.yaml")]
    sources = [Source(id=r["id"], url=str(r.get("url") or ""), publisher=_text(r.get("publisher")), title=_text(r.get("title")),
                      kind=_text(r.get("kind")), published=_text(r.get("published")),
                      retrieved=_text(r.get("retrieved")), notes=_text(r.get("notes")))
               for r in _load(d / "sources.yaml")]
    models = [Model(id=r["id"], vendor_id=r["vendor"], name=r["name"], family=_text(r.get("family")),
                    aliases=_tuple(r.get("aliases")), release_date=_text(r.get("release_date")),
                    release_date_basis=_text(r.get("release_date_basis")), status=_text(r.get("status")),
                    modalities=tuple(r["modalities"]) if r.get("modalities") else None,
                    open_weights=r.get("open_weights"), license=_text(r.get("license")),
                    context_length=r.get("context_length"), context_length_text=_text(r.get("context_length_text")),
                    source_id=_text(r.get("source")), notes=_text(r.get("notes")))
              for r in _load(d / "models.yaml")]
    benchmarks = [Benchmark(id=r["id"], name=r["name"], aliases=_tuple(r.get("aliases")),
                            higher_is_better=bool(r.get("higher_is_better", True)), unit=_text(r.get("unit")),
                            version=_text(r.get("version")), notes=_text(r.get("notes")))
                  for r in _load(d / "benchmarks.yaml")]
    releases = [Release(id=r["id"], model_id=r["model"], vendor_id=r["vendor"], date=_text(r.get("date")),
                        title=r["title"], source_id=r["source"], summary=_text(r.get("summary")),
                        date_basis=_text(r.get("date_basis")), first_seen=_text(r.get("date")))
                for r in _load(d / "releases.yaml")]
    claims = []
    for path in sorted((d / "claims").glob("*.yaml")):
        for r in _load(path):
            try:
                claims.append(_claim(r))
            except (KeyError, TypeError, ValueError) as err:
                raise SeedError(f"claims/{path.name}: row {r.get('id', '?')}: {err}") from err
    rows = {"vendors": vendors, "sources": sources, "models": models, "benchmarks": benchmarks,
            "releases": releases, "claims": claims}
    check(rows)
    return rows


def _claim(r: dict[str, Any]) -> Claim:
    value = r.get("value")
    return Claim(id=r["id"], kind=r["kind"], subject_id=r["subject"], provenance=r["provenance"],
                 quote=str(r["quote"]), source_id=r["source"], first_seen=str(r["first_seen"]),
                 benchmark_id=_text(r.get("benchmark")), value=float(value) if value is not None else None,
                 value_text=_text(value), unit=_text(r.get("unit")), settings=_text(r.get("settings")),
                 compared_to=_tuple(r.get("compared_to")), relation=_text(r.get("relation")),
                 scope=_text(r.get("scope")), reported_by=_text(r.get("reported_by")), notes=_text(r.get("notes")))


def check(rows: dict[str, list]) -> None:
    """Referential and provenance checks; raises SeedError naming every problem found."""
    ids = {name: {r.id for r in table} for name, table in rows.items()}
    problems = []
    for name, table in rows.items():
        if len(ids[name]) != len(table):
            seen: set[str] = set()
            dupes = {r.id for r in table if r.id in seen or seen.add(r.id)}
            problems.append(f"{name}: duplicate ids {sorted(dupes)[:5]}")

    def need(table: str, value: str | None, where: str, optional: bool = False) -> None:
        if value is None:
            if not optional:
                problems.append(f"{where}: missing {table[:-1]}")
        elif value not in ids[table]:
            problems.append(f"{where}: unknown {table[:-1]} '{value}'")

    for m in rows["models"]:
        need("vendors", m.vendor_id, f"model {m.id}")
        need("sources", m.source_id, f"model {m.id}")
    for v in rows["vendors"]:
        need("sources", v.source_id, f"vendor {v.id}", optional=True)
    for r in rows["releases"]:
        need("models", r.model_id, f"release {r.id}")
        need("vendors", r.vendor_id, f"release {r.id}")
        need("sources", r.source_id, f"release {r.id}")
    for c in rows["claims"]:
        where = f"claim {c.id}"
        need("models", c.subject_id, where)
        need("sources", c.source_id, where)
        need("vendors", c.reported_by, where, optional=True)
        if c.kind not in CLAIM_KINDS:
            problems.append(f"{where}: kind '{c.kind}' is not one of {CLAIM_KINDS}")
        if c.provenance not in PROVENANCES:
            problems.append(f"{where}: provenance '{c.provenance}' is not one of {PROVENANCES}")
        if c.kind == "benchmark_score":
            need("benchmarks", c.benchmark_id, where)
            if c.value_text is None or c.value_text not in c.quote:
                problems.append(f"{where}: the figure {c.value_text} does not appear in its quote")
        if c.kind == "comparison":
            if c.relation not in RELATIONS:
                problems.append(f"{where}: relation '{c.relation}' is not one of {RELATIONS}")
            for other in c.compared_to:
                need("models", other, where)
        if not c.quote.strip():
            problems.append(f"{where}: empty quote")
    if problems:
        raise SeedError(f"{len(problems)} problem(s) in seeds: " + "; ".join(problems[:20]))


def load_seeds(store: Store, seeds_dir: Path = DEFAULT_SEEDS_DIR, *, snapshots: bool = True) -> SeedReport:
    """The curated YAML, then (offline) the committed snapshots of the evidence sources."""
    rows = read_seeds(seeds_dir)
    changed = 0
    with store.db.atomic():
        for table in ("sources", "vendors", "benchmarks", "models", "releases", "claims"):
            changed += store.upsert_many(rows[table])
    counts = {name: len(table) for name, table in rows.items()}
    log.info("seeds loaded: %s rows, %s changed", sum(counts.values()), changed)
    syncs: tuple = ()
    if snapshots:
        from .sources.sync import sync_snapshots
        syncs = tuple(sync_snapshots(store))
        for result in syncs:
            log.info("snapshot %s", result.line())
    return SeedReport(rows=sum(counts.values()), changed=changed, counts=counts, syncs=syncs)
