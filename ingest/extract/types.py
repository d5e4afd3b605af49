"""What an extractor returns: candidate mentions, releases and claims, each with its verbatim quote.

Both extractors (the default rules and the optional LLM) return an
`Extraction`; nothing here is a fact until ingest.plans stores it, and a
candidate naming a model the record does not know carries `model_id=None` and
becomes an unreviewed candidate model there.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class ModelRef:
    text: str
    """The name as the source wrote it."""
    model_id: str | None = None
    """None when the record does not know it (a new model candidate)."""
    vendor_id: str | None = None


@dataclass(frozen=True)
class Mention:
    kind: str
    """model | vendor | benchmark"""
    id: str
    text: str


@dataclass(frozen=True)
class CandidateRelease:
    model: ModelRef
    vendor_id: str | None
    quote: str
    date: str | None = None
    """The release date the text states (YYYY-MM-DD, or YYYY-MM), resolved against the article's date; None if unstated."""


@dataclass(frozen=True)
class CandidateClaim:
    kind: str
    """benchmark_score | comparison"""
    subject: ModelRef
    quote: str
    provenance: str
    """vendor_reported | independent"""
    reported_by: str | None = None
    benchmark_id: str | None = None
    value: float | None = None
    value_text: str | None = None
    unit: str | None = None
    compared_to: tuple[ModelRef, ...] = ()
    relation: str | None = None
    """beats | matches | trails"""
    conditions: str | None = None
    """How the figure was obtained, as the source says it ("with tools", "pass@1", "Deep Think")."""
    benchmark_text: str | None = None
    """The benchmark as written when the record does not know it (benchmark_id None). Validation keeps such a score
    only when the name is a new benchmark's (validate.new_benchmark_name); ingest.plans then stores it on an
    unreviewed benchmark candidate."""

    def key(self) -> tuple:
        """Identity for dedupe and for comparing with labels: what is claimed, not how it is worded."""
        return (self.kind, self.subject.model_id or self.subject.text, self.benchmark_id or self.benchmark_text, self.value,
                self.relation, tuple(sorted(m.model_id or m.text for m in self.compared_to)))


@dataclass(frozen=True)
class Extraction:
    mentions: tuple[Mention, ...] = ()
    releases: tuple[CandidateRelease, ...] = ()
    claims: tuple[CandidateClaim, ...] = ()
    new_models: tuple[ModelRef, ...] = ()
    """Versioned model names the record does not know, with their vendor when known: review candidates."""
    problems: tuple[str, ...] = field(default=())
    """Candidates dropped by validation, with the reason (kept for the record of errors)."""

    def to_dict(self) -> dict:
        return asdict(self)
