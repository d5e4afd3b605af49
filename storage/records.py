"""Domain values of the record, as frozen dataclasses.

Rows come out of SQLite as dicts; everything above storage works with these
types so that a renamed column breaks in one place, not in every command.
"""
from __future__ import annotations

from dataclasses import dataclass, field

CLAIM_KINDS = ("benchmark_score", "comparison", "capability", "availability", "pricing")
PROVENANCES = ("vendor_reported", "independent", "press", "crowd", "catalog", "disputed", "retracted")
"""`catalog`: a curated third-party catalog of model facts (models.dev): dates, prices, limits."""
RELATIONS = ("beats", "matches", "trails")
MODEL_STATUSES = ("announced", "preview", "released")
SOURCE_KINDS = ("vendor_blog", "press", "paper", "leaderboard", "model_card", "catalog")


@dataclass(frozen=True)
class Vendor:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    homepage: str | None = None
    source_id: str | None = None


@dataclass(frozen=True)
class Source:
    id: str
    url: str
    publisher: str | None = None
    title: str | None = None
    kind: str | None = None
    published: str | None = None
    retrieved: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Model:
    id: str
    vendor_id: str
    name: str
    family: str | None = None
    aliases: tuple[str, ...] = ()
    release_date: str | None = None
    release_date_basis: str | None = None
    status: str | None = None
    modalities: tuple[str, ...] | None = None
    open_weights: bool | None = None
    license: str | None = None
    context_length: int | None = None
    context_length_text: str | None = None
    source_id: str | None = None
    notes: str | None = None
    reviewed: bool = True
    """Unreviewed models came from automatic extraction and are candidates, not facts."""


@dataclass(frozen=True)
class Benchmark:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    higher_is_better: bool = True
    unit: str | None = None
    version: str | None = None
    notes: str | None = None
    reviewed: bool = True
    """False for a candidate ingestion found in a text (a score on a name the record did not know): no score on it
    is a fact, and it is no name the extractor looks for, until a person accepts it in `briefbot review`."""


@dataclass(frozen=True)
class Release:
    id: str
    model_id: str
    vendor_id: str
    date: str | None
    title: str
    source_id: str
    summary: str | None = None
    date_basis: str | None = None
    first_seen: str | None = None
    reviewed: bool = True


@dataclass(frozen=True)
class Claim:
    id: str
    kind: str
    subject_id: str
    provenance: str
    quote: str
    source_id: str
    first_seen: str
    benchmark_id: str | None = None
    value: float | None = None
    value_text: str | None = None
    """The figure exactly as the source printed it (keeps "85.0" from becoming 85)."""
    unit: str | None = None
    settings: str | None = None
    compared_to: tuple[str, ...] = ()
    relation: str | None = None
    scope: str | None = None
    reported_by: str | None = None
    """Vendor whose report this is: may differ from the subject's vendor."""
    notes: str | None = None
    reviewed: bool = True


@dataclass(frozen=True)
class ScoredClaim:
    """A benchmark claim joined with what a reader needs to judge it."""

    claim: Claim
    source: Source
    benchmark: Benchmark


@dataclass(frozen=True)
class Stats:
    vendors: int = 0
    models: int = 0
    benchmarks: int = 0
    sources: int = 0
    releases: int = 0
    claims: int = 0
    extra: dict = field(default_factory=dict)
