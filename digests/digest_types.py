"""What a digest is made of: frozen values assembled from the record, before any wording.

A Digest holds record rows (releases, claims, models, sources) rather than
sentences, so that the bot layer words them the way every other reply does
(bot/facts.py), the summarizers see the same facts, and two assemblies of the
same period compare equal.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from storage import Benchmark, Claim, Model, Release, Source, Vendor

from .period import Period



@dataclass(frozen=True)
class Filters:
    """The audience filter: empty tuples mean "everything"."""

    vendors: tuple[str, ...] = ()
    """Vendor ids: keep items about these vendors' models."""
    models: tuple[str, ...] = ()
    """Model ids: keep items about these models (adds to `vendors`)."""
    kinds: tuple[str, ...] = ()
    """Claim kinds shown under Claims this week / to watch."""

    @classmethod
    def of(cls, value: "Filters | dict | None") -> "Filters":
        if isinstance(value, Filters):
            return value
        value = value or {}
        unknown = set(value) - {"vendors", "models", "kinds"}
        if unknown:
            raise ValueError(f"Unknown digest filter(s): {', '.join(sorted(unknown))}; use vendors, models or kinds.")

        def norm(key: str) -> tuple[str, ...]:
            items = value.get(key) or ()
            if isinstance(items, str):
                items = [items]
            return tuple(sorted({str(i).strip() for i in items if str(i).strip()}))
        return cls(norm("vendors"), norm("models"), norm("kinds"))

    def to_json(self) -> str:
        """Canonical form: equal filters give equal strings (the stored digest's key)."""
        data = {k: list(v) for k, v in (("kinds", self.kinds), ("models", self.models), ("vendors", self.vendors)) if v}
        return json.dumps(data, sort_keys=True, separators=(",", ":"))

    @property
    def audience(self) -> bool:
        return bool(self.vendors or self.models)

    def keeps_model(self, model: Model | None, model_id: str) -> bool:
        if not self.audience:
            return True
        return model_id in self.models or (model is not None and model.vendor_id in self.vendors)

    def keeps_kind(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds


@dataclass(frozen=True)
class Headline:
    release: Release
    significance: int
    reasons: tuple[str, ...]
    """Why it ranks where it does, in words ("open weights", "new best on 2 benchmarks")."""


@dataclass(frozen=True)
class ClaimGroup:
    model_id: str
    claims: tuple[Claim, ...]
    """The claims shown, at most the per-model cap."""
    total: int
    """How many claims about this model the week has (shown + left for /claims)."""
    provenance_counts: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class BenchmarkMove:
    benchmark_id: str
    settings: str | None
    new: Claim
    previous: Claim
    """The best figure before the week: the holder being displaced."""


@dataclass(frozen=True)
class Digest:
    period: Period
    filters: Filters
    headlines: tuple[Headline, ...]
    headline_total: int
    claim_groups: tuple[ClaimGroup, ...]
    claim_total: int
    """Claims first seen this week that pass the filter."""
    claim_model_total: int
    """How many models those claims are about (groups beyond the cap are counted here)."""
    more_models: tuple[str, ...]
    """Ids of models with claims beyond the group cap, most claims first."""
    provenance_counts: tuple[tuple[str, int], ...]
    moves: tuple[BenchmarkMove, ...]
    move_total: int
    first_scores: int
    """(benchmark, settings) pairs whose first figure in the record arrived this week."""
    watch: tuple[Claim, ...]
    watch_total: int
    watch_since: str
    """First day of the window the watch list looks back over."""
    models: dict[str, Model] = field(default_factory=dict, compare=False)
    vendors: dict[str, Vendor] = field(default_factory=dict, compare=False)
    benchmarks: dict[str, Benchmark] = field(default_factory=dict, compare=False)
    sources: dict[str, Source] = field(default_factory=dict, compare=False)
    launches: tuple = ()
    """digests.editorial.Launch per headline: what the vendor headlined, against the record's best."""
    checks: tuple = ()
    """digests.evidence_section.Check: vendor claims of the watch window that an independent figure now checks."""
    check_total: int = 0
    evidence_moves: tuple = ()
    """digests.evidence_section.Moved: independent/crowd figures that changed with a newer file synced this week."""
    evidence_move_total: int = 0
    disagreements: tuple = ()
    """storage.reconcile.Disagreement: two vendors printing different figures for one model and benchmark, where
    one of the two figures arrived this week."""
    disagreement_total: int = 0

    @property
    def quiet(self) -> bool:
        """Nothing happened this week (the watch list is older business and does not count)."""
        return not (self.headline_total or self.claim_total or self.move_total)

    def model_name(self, model_id: str) -> str:
        model = self.models.get(model_id)
        return model.name if model else model_id

    def vendor_name(self, vendor_id: str | None) -> str:
        if vendor_id is None:
            return "unknown vendor"
        vendor = self.vendors.get(vendor_id)
        return vendor.name if vendor else vendor_id

    def vendor_of(self, model_id: str) -> str:
        model = self.models.get(model_id)
        return self.vendor_name(model.vendor_id) if model else "unknown vendor"

    def benchmark_name(self, benchmark_id: str | None) -> str:
        bench = self.benchmarks.get(benchmark_id or "")
        return bench.name if bench else (benchmark_id or "unknown benchmark")
