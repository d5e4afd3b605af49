"""Editorial selection: which facts of a week, or of a comparison, matter most.

A launch is told by the two or three figures its vendor headlined (the
launch model's own figures in the vendor's source where it leads the table,
headline benchmarks and wide margins first), each against the record's best
other figure on the same benchmark and settings (any vendor, or independent),
plus its vague claims quoted as such and anything disputed. Rivals' figures
in that launch table are context for the launch, not separate news. Watch
items rank by significance (frontier model, headline benchmark, margin), not
age. Rules: reads only the record's values (storage), is deterministic (full
tie-breaks), and never invents a number: every figure is a stored claim.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from storage import Claim, Model, Store
from storage.settings_vocab import parse

HEADLINE_BENCHMARKS = (
    "hle", "swe-bench-verified", "browsecomp", "gpqa-diamond", "aime-2025", "arena-hard-v2", "livecodebench-v6",
    "terminal-bench-2.0", "tau2-bench", "mmlu-pro", "swe-bench-pro", "swe-bench-multilingual", "gpqa",
    "hmmt-feb-2025", "imo-answerbench", "mmmu-pro", "ifbench", "simpleqa", "livecodebench", "aime-2024",
    "terminal-bench", "multichallenge", "deepsearchqa", "mmlu-redux",
)
"""Benchmarks readers follow, most followed first: a row or figure on one of these ranks higher."""
FRONTIER_VENDORS = ("openai", "anthropic", "google", "google-deepmind", "alibaba", "moonshot", "deepseek", "xai")
NOT_A_RECORD = ("disputed", "retracted")


def benchmark_rank(benchmark_id: str | None) -> int:
    """0 for the most followed benchmark; len(HEADLINE_BENCHMARKS) for any other."""
    try:
        return HEADLINE_BENCHMARKS.index(benchmark_id or "")
    except ValueError:
        return len(HEADLINE_BENCHMARKS)


def first_party(claim: Claim, model: Model | None) -> bool:
    """The subject's own vendor reports it (a vendor measuring a rival is not first-party)."""
    return claim.provenance == "vendor_reported" and model is not None and claim.reported_by in (None, model.vendor_id)


@dataclass(frozen=True)
class HeadlineFigure:
    claim: Claim
    """The launch model's own figure, as its vendor reported it."""
    best_other: Claim | None
    """The record's best other figure on the same benchmark and settings (any vendor, or independent)."""


@dataclass(frozen=True)
class Launch:
    model_id: str
    figures: tuple[HeadlineFigure, ...]
    vague: tuple[Claim, ...]
    """Comparisons without figures ("comparable … across 19 benchmarks"): quoted as such."""
    disputed: tuple[Claim, ...]
    rivals: tuple[str, ...]
    """Models whose figures the launch's own source gives (context, not news)."""
    claim_total: int


def _better(a: float, b: float, higher: bool) -> bool:
    return a > b if higher else a < b


def launch(store: Store, model: Model, week_claims: Iterable[Claim], benches: dict, per_launch: int = 3,
           until: str | None = None) -> Launch:
    """The editorial view of one release: headline figures, vague claims, disputes, rivals in its table.

    `until`: the record as it stood then (the end of the digest's week), so an old week never changes."""
    claims = list(week_claims)
    own = [c for c in claims if c.subject_id == model.id]
    scores = [c for c in own if c.kind == "benchmark_score" and c.value is not None and first_party(c, model)]
    launch_sources = {c.source_id for c in scores}
    candidates = []
    for c in scores:
        bench = benches.get(c.benchmark_id)
        higher = bench.higher_is_better if bench else True
        key = parse(c.settings).key_for(c.benchmark_id)
        rivals = [o for o in store.claims(benchmark_id=c.benchmark_id, kinds=("benchmark_score",), limit=None)
                  if o.subject_id != model.id and o.value is not None and o.provenance not in NOT_A_RECORD
                  and (until is None or o.first_seen < until)
                  and parse(o.settings).key_for(o.benchmark_id) == key]
        best = min(rivals, key=lambda o: ((-o.value if higher else o.value), o.first_seen, o.id)) if rivals else None
        leads = best is None or _better(c.value, best.value, higher)
        margin = abs(c.value - best.value) if best is not None else 0.0
        candidates.append(((not leads, best is None, benchmark_rank(c.benchmark_id), -margin, c.id), c, best))
    candidates.sort(key=lambda t: t[0])
    figures, seen = [], set()
    for _, c, best in candidates:
        if c.benchmark_id in seen:
            continue
        seen.add(c.benchmark_id)
        figures.append(HeadlineFigure(c, best))
        if len(figures) == per_launch:
            break
    vague = tuple(sorted((c for c in own if c.kind == "comparison" and c.provenance not in NOT_A_RECORD),
                         key=lambda c: (not c.scope, c.first_seen, c.id)))
    disputed = tuple(c for c in own if c.provenance == "disputed")
    counts: dict[str, int] = defaultdict(int)
    for c in claims:
        if c.source_id in launch_sources and c.subject_id != model.id and c.kind == "benchmark_score":
            counts[c.subject_id] += 1
    rivals = sorted(counts, key=lambda m: (-counts[m], m))  # the most compared-against first
    return Launch(model.id, tuple(figures), vague, disputed, tuple(rivals), len(own))


def watch_rank(claim: Claim, models: dict[str, Model], launched: set[str]) -> tuple:
    """Claims to watch, most significant first: a launch or frontier model, a headline benchmark, then newest."""
    model = models.get(claim.subject_id)
    frontier = model is not None and model.vendor_id in FRONTIER_VENDORS
    return (claim.subject_id not in launched, not frontier, not first_party(claim, model),
            claim.kind != "comparison", benchmark_rank(claim.benchmark_id),
            -(claim.value or 0.0), "".join(chr(0x10FFFF - ord(ch)) for ch in claim.first_seen), claim.id)


def diverse(ranked: list[Claim], n: int) -> list[Claim]:
    """The first n, one per benchmark (or per model for other kinds) while others remain: three HLE figures
    say less than HLE, SWE-bench and a comparison."""
    picked, seen, rest = [], set(), []
    for c in ranked:
        key = c.benchmark_id or (c.subject_id, c.kind)
        (rest if key in seen else picked).append(c)
        seen.add(key)
    return (picked + rest)[:n]


def group_by_benchmark(claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.benchmark_id:
            out[c.benchmark_id].append(c)
    return out
