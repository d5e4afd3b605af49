"""Reconciliation: vendor claims beside independent and crowd figures, with a verdict.

Used by the command core (/check, /top, /compare, /model) and by digests; knows nothing
about chat. Rules, in one place so every reader sees the same verdict:

- **Same benchmark.** Benchmarks are compared by id, after the merges in ``BENCHMARK_MERGES``
  (a benchmark known under two names is one benchmark; seeds/README.md says why for each).
- **Living benchmarks.** ``LIVING_BENCHMARKS`` replace their questions with each release, so a score
  is only comparable with one from the same release. A vendor claim names no release, so a
  leaderboard figure for such a benchmark is shown beside it as *not comparable*, never as a delta.
- **Comparable settings.** Settings are read into a few axes (tools, thinking, subset, shots).
  Two figures are comparable when no axis is known for both and different, when the
  independent figure covers the whole benchmark (scope ``overall``) and is a model's figure,
  not a *submitted system* (agent + model). A harness difference alone (the vendor's own
  scaffold vs SWE-bench's bash-only agent) does not make figures incomparable, but it is said.
- **Counterpart.** Of the comparable independent figures, the best (vendors report their best
  configuration) is the counterpart; crowd figures count only for crowd-rated benchmarks.
- **Verdict.** delta = independent - vendor. ``agrees`` when |delta| <= the tolerance
  (``TOLERANCE``: 2.0 points for percentages: run-to-run noise and scaffold differences of a
  point or two are common on 500-task sets; 1% of the value for other units), else
  ``lower`` / ``higher`` by |delta|; ``not_comparable`` with the reason when only
  incomparable figures exist.
- **Vendor disagreements.** Two vendors reporting different numbers for the same model and
  benchmark under settings that do not conflict on any axis.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .records import Benchmark, Claim
from .store import Store

BENCHMARK_MERGES = {"gpqa": "gpqa-diamond"}
"""benchmark id -> the benchmark it is the same as (see seeds/README.md, "Benchmark merges")."""
CHECKING = ("independent", "crowd")
LIVING_BENCHMARKS = {"livebench": "LiveBench replaces its questions with each release and the vendor does not say "
                                  "which release it ran"}
"""benchmark id -> why a vendor's figure cannot be set against a leaderboard release's."""
PERCENT_TOLERANCE = 2.0
RELATIVE_TOLERANCE = 0.01


def canonical(benchmark_id: str | None) -> str | None:
    return BENCHMARK_MERGES.get(benchmark_id or "", benchmark_id)


def same_benchmark_ids(benchmark_id: str) -> list[str]:
    """The ids stored for one benchmark: itself and every id merged into it."""
    target = canonical(benchmark_id)
    return sorted({target, *(k for k, v in BENCHMARK_MERGES.items() if v == target)})


def comparable_pairs(claims: Iterable[Claim]) -> list[tuple[str, str]]:
    """(model id, stored benchmark id) of every figure that can stand beside these claims: the same model on the
    same benchmark under any of its merged ids. Checks and disagreements compare nothing else, so this is all
    they need to read."""
    return sorted({(c.subject_id, b) for c in claims if c.benchmark_id for b in same_benchmark_ids(c.benchmark_id)})


def tolerance(unit: str | None, value: float) -> float:
    if unit in ("%", None):
        return PERCENT_TOLERANCE
    return max(abs(value) * RELATIVE_TOLERANCE, 0.1)


# ---- settings axes ----------------------------------------------------------------
_SHOTS = re.compile(r"(\d+)-shot")


def axes(settings: str | None) -> dict[str, object]:
    """What a settings text says on the axes that decide comparability (absent when it does not say)."""
    return dict(_axes(settings or ""))


@lru_cache(maxsize=8192)
def _axes(settings: str) -> tuple[tuple[str, object], ...]:
    text = settings.casefold()
    out: dict[str, object] = {}
    if re.search(r"\b(without tools|no tools|w/o tools)\b", text):
        out["tools"] = False
    elif re.search(r"\b(with tools|w/ tools|tool use)\b", text):
        out["tools"] = True
    if re.search(r"\b(no (extended )?thinking|non-thinking|nothinking|without (extended )?thinking|thinking off)\b", text):
        out["thinking"] = False
    elif re.search(r"\b(thinking|reasoning effort|reasoning|effort)\b", text):
        out["thinking"] = True
    if "text-only" in text:
        out["subset"] = "text-only"
    elif "full set" in text:
        out["subset"] = "full"
    shots = _SHOTS.search(text)
    if shots:
        out["shots"] = shots.group(1)
    if "base model" in text:
        out["base"] = True
    return tuple(out.items())


def conflicts(a: str | None, b: str | None) -> list[str]:
    """Axes on which two settings texts say different things."""
    x, y = axes(a), axes(b)
    return [k for k in x if k in y and x[k] != y[k]]


def is_submitted_system(claim: Claim) -> bool:
    return "submitted system" in (claim.settings or "").casefold()


def is_overall(claim: Claim) -> bool:
    return claim.scope in (None, "", "overall")


def source_family(claim: Claim) -> str:
    """`swe-bench` for `swe-bench@2025-12-10@…`; a seeded source's own id otherwise."""
    return claim.source_id.split("@", 1)[0]


# ---- verdicts -------------------------------------------------------------------------
@dataclass(frozen=True)
class Verdict:
    kind: str
    """agrees | lower | higher | not_comparable | unchecked"""
    delta: float | None = None
    tolerance: float | None = None
    why: str | None = None
    """For not_comparable: the reason; otherwise caveats (settings that differ)."""

    def text(self) -> str:
        if self.kind == "agrees":
            return f"agrees (within ±{self.tolerance:g})"
        if self.kind in ("lower", "higher"):
            return f"independent {self.kind} by {abs(self.delta):.1f}"
        if self.kind == "not_comparable":
            return f"not comparable: {self.why}"
        return "nothing independent yet"


@dataclass(frozen=True)
class LedgerEntry:
    claim: Claim
    """The vendor claim."""
    counterpart: Claim | None
    verdict: Verdict
    alternatives: int = 0
    """How many other independent figures exist for this benchmark and model."""


@dataclass(frozen=True)
class Disagreement:
    subject_id: str
    benchmark_id: str
    claims: tuple[Claim, ...]
    """Two or more vendor claims, by different vendors, with different values."""

    @property
    def spread(self) -> float:
        values = [c.value for c in self.claims if c.value is not None]
        return max(values) - min(values) if values else 0.0


@dataclass
class Ledger:
    model_id: str
    entries: list[LedgerEntry] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    independent_only: list[Claim] = field(default_factory=list)
    """Independent or crowd figures (best per benchmark) for which no vendor claim exists."""
    benchmarks: dict[str, Benchmark] = field(default_factory=dict)
    """The benchmarks the ledger mentions, by (canonical) id."""

    @property
    def unchecked(self) -> list[LedgerEntry]:
        return [e for e in self.entries if e.verdict.kind == "unchecked"]


def verdict(vendor: Claim, independent: Iterable[Claim], benchmark: Benchmark | None) -> tuple[Claim | None, Verdict, int]:
    """The counterpart of one vendor claim among independent figures of the same model and benchmark."""
    pool = [c for c in independent if c.value is not None]
    if vendor.value is None or not pool:
        return None, Verdict("unchecked"), 0
    higher = benchmark.higher_is_better if benchmark else True
    comparable, reasons = [], {}
    living = LIVING_BENCHMARKS.get(canonical(vendor.benchmark_id) or "")
    for c in pool:
        if living:
            reasons[c.id] = living
            continue
        if is_submitted_system(c):
            reasons[c.id] = "only submitted systems (an agent plus the model), not the model under one harness"
            continue
        if not is_overall(c):
            reasons[c.id] = f"only parts of the benchmark ({c.scope})"
            continue
        clash = conflicts(vendor.settings, c.settings)
        if clash:
            reasons[c.id] = f"settings differ on {', '.join(clash)} ({vendor.settings or 'vendor: unstated'} vs {c.settings})"
            continue
        comparable.append(c)
    if not comparable:
        # the figure a reader would look for: whole benchmark, the model alone, settings that agree, then the best
        best = max(pool, key=lambda c: (is_overall(c), not is_submitted_system(c), not conflicts(vendor.settings, c.settings),
                                        c.value if higher else -c.value))
        return best, Verdict("not_comparable", why=reasons.get(best.id) or "different conditions"), len(pool) - 1
    best = max(comparable, key=lambda c: (c.value if higher else -c.value, c.id))
    delta = best.value - vendor.value
    tol = tolerance(benchmark.unit if benchmark else None, vendor.value)
    caveat = None
    if (vendor.settings or "") != (best.settings or ""):
        caveat = f"vendor: {vendor.settings or 'settings not stated'}; independent: {best.settings or 'not stated'}"
    if abs(delta) <= tol:
        return best, Verdict("agrees", delta, tol, caveat), len(pool) - 1
    kind = "lower" if delta < 0 else "higher"
    return best, Verdict(kind, delta, tol, caveat), len(pool) - 1


def ledger(store: Store, model_id: str) -> Ledger:
    """Every vendor claim about a model with its independent counterpart and verdict, plus disagreements."""
    scores = store.scores_for([model_id])
    benches = {b.id: b for b in store.benchmarks({canonical(c.benchmark_id) for c in scores if c.benchmark_id})}
    vendor: dict[str, list[Claim]] = {}
    checking: dict[str, list[Claim]] = {}
    for c in scores:
        if c.value is None or not c.benchmark_id:
            continue
        key = canonical(c.benchmark_id)
        if c.provenance == "vendor_reported":
            vendor.setdefault(key, []).append(c)
        elif c.provenance in CHECKING:
            checking.setdefault(key, []).append(c)
    out = Ledger(model_id, benchmarks=benches)
    for key in sorted(vendor, key=lambda k: (k not in checking, benches[k].name if k in benches else k)):
        for claim in sorted(vendor[key], key=lambda c: (c.reported_by or "", c.settings or "", c.id)):
            counterpart, v, others = verdict(claim, checking.get(key, ()), benches.get(key))
            out.entries.append(LedgerEntry(claim, counterpart, v, others))
    out.disagreements = disagreements_in(vendor)
    for key, claims in sorted(checking.items()):
        if key in vendor:
            continue
        bench = benches.get(key)
        higher = bench.higher_is_better if bench else True
        overall = [c for c in claims if is_overall(c) and not is_submitted_system(c)] or claims
        out.independent_only.append(max(overall, key=lambda c: (c.value if higher else -c.value, c.id)))
    return out


def _group_axes(claims: Sequence[Claim]) -> dict[str, dict[str, object]]:
    """Axes per claim, reading a vendor's unmarked row as "without tools" when its table marks others "with tools"."""
    out = {c.id: axes(c.settings) for c in claims}
    if any(a.get("tools") is True for a in out.values()):
        for a in out.values():
            a.setdefault("tools", False)
    return out


def disagreements_in(vendor_claims: dict[str, list[Claim]]) -> list[Disagreement]:
    """Per model and benchmark, each figure of one vendor against the other vendor's figures under settings
    that do not conflict: none equal -> a disagreement with the closest of them."""
    found = []
    for key, claims in sorted(vendor_claims.items()):
        groups: dict[tuple[str, str], list[Claim]] = {}
        for c in claims:
            groups.setdefault((c.subject_id, c.reported_by or "?"), []).append(c)
        ax: dict[str, dict[str, object]] = {}
        for group in groups.values():
            ax.update(_group_axes(group))
        reporters_of: dict[str, list[str]] = {}
        for s, r in groups:  # one pass: scanning every group per subject was quadratic in the models of a benchmark
            reporters_of.setdefault(s, []).append(r)
        for subject in sorted(reporters_of):
            reporters = sorted(reporters_of[subject])
            for i, a_rep in enumerate(reporters):
                for b_rep in reporters[i + 1:]:
                    seen: set[str] = set()
                    for a in groups[(subject, a_rep)]:
                        near = [b for b in groups[(subject, b_rep)]
                                if not [k for k in ax[a.id] if k in ax[b.id] and ax[a.id][k] != ax[b.id][k]]]
                        if not near or any(b.value == a.value for b in near):
                            continue
                        b = min(near, key=lambda b: (abs(b.value - a.value), b.id))
                        if b.id in seen or any(x.value == b.value for x in groups[(subject, a_rep)]):
                            continue
                        seen.add(b.id)
                        found.append(Disagreement(subject, key, (a, b)))
    return found


def vendor_disagreements(store: Store, model_ids: Sequence[str] | None = None,
                         model_benchmarks: Sequence[tuple[str, str]] | None = None) -> list[Disagreement]:
    """Every vendor disagreement in the record (or about these models, or these models on these benchmarks:
    see `comparable_pairs`)."""
    claims = store.claims(model_ids=model_ids, model_benchmarks=model_benchmarks, kinds=("benchmark_score",),
                          provenance=("vendor_reported",), limit=None, order="benchmark_id, subject_id, id")
    grouped: dict[str, list[Claim]] = {}
    for c in claims:
        if c.value is not None and c.benchmark_id:
            grouped.setdefault(canonical(c.benchmark_id), []).append(c)
    return disagreements_in(grouped)


# ---- leaderboards ----------------------------------------------------------------------
@dataclass(frozen=True)
class Board:
    """Figures that are like with like: one source (or vendors), one part of the benchmark, one method."""

    key: tuple[str, ...]
    label: str
    provenance: str


@dataclass(frozen=True)
class TopResult:
    benchmark: Benchmark
    board: Board | None
    rows: tuple[Claim, ...]
    """Best figure per model on the board, best first."""
    total_models: int
    other_boards: tuple[tuple[Board, int], ...] = ()
    """Other boards with how many figures each holds."""
    pending: int = 0
    """Models on the chosen board whose names await review (unreviewed candidates): not ranked, but counted,
    so a leaderboard whose leader is still a candidate does not read as complete."""


_BOARD_SQL = """
    with c as (
        select claims.*,
            case when provenance = 'vendor_reported' then 'vendor' when instr(source_id, '@') = 0 then source_id
                 else substr(source_id, 1, instr(source_id, '@') - 1) end as board_family,
            case when provenance = 'vendor_reported' then '' else coalesce(nullif(scope, ''), 'overall') end as board_scope,
            case when provenance = 'vendor_reported' or settings is null then ''
                 when instr(settings, 'submitted system') then 'submitted systems'
                 when instr(settings, 'no style control') then 'no style control'
                 when instr(settings, 'style control') then 'style control'
                 when instr(settings, 'bash-only') then 'bash-only' else '' end as board_method
        from claims where benchmark_id in ({marks}) and kind = 'benchmark_score' and reviewed = {reviewed}
            and value is not null and provenance not in ('retracted', 'disputed') {open_filter})"""
_OPEN_FILTER = """and subject_id in (select id from models where open_weights = 1
            union select model_id from model_facts where field = 'open_weights' and value = 'true'
                and model_id not in (select id from models where open_weights is not null))"""


def _board(family: str, scope: str, method: str, provenance: str) -> Board:
    if family == "vendor":
        return Board(("vendor",), "vendor claims (each vendor's own conditions)", "vendor_reported")
    label = f"{family}: {scope}" + (f", {method}" if method else "")
    return Board((family, scope, method), label, provenance)


def top(store: Store, benchmark_id: str, *, n: int = 10, open_only: bool = False, provenance: str | None = None,
        scope: str | None = None) -> TopResult | None:
    """The best figure per model on one board of a benchmark, sorted; the default board is the
    independent (else crowd, else vendor) board listing the most models. Grouping and the best figure
    per model are computed in SQL (a benchmark may hold thousands of figures)."""
    bench = store.benchmark(canonical(benchmark_id))
    if bench is None:
        return None
    ids = same_benchmark_ids(bench.id)
    cte = _BOARD_SQL.format(marks=",".join("?" * len(ids)), open_filter=_OPEN_FILTER if open_only else "", reviewed=1)
    counts = store.db.execute(cte + """ select board_family, board_scope, board_method, max(provenance),
        count(*) from c group by board_family, board_scope, board_method""", ids).fetchall()
    boards = {_board(f, sc, m, prov): k for f, sc, m, prov, k in counts}
    if not boards:
        return TopResult(bench, None, (), 0)
    order = {"independent": 0, "crowd": 1, "vendor_reported": 2}

    def rank(b: Board) -> tuple:
        part = b.key[1].casefold() if len(b.key) > 1 else ""
        wanted = (scope or "").casefold()
        wanted_scope = scope is None or part in (wanted, f"category {wanted}", f"task {wanted}") or (
            wanted in b.label.casefold()) * 0.5
        wanted_prov = provenance is None or b.provenance == provenance
        return (not wanted_prov, -float(wanted_scope), b.key[-1] == "submitted systems", "no style control" in b.label,
                b.key[1:2] != ("overall",) if len(b.key) > 1 else False, order.get(b.provenance, 3), -boards[b],
                b.label)
    chosen = min(boards, key=rank)
    family, board_scope, method = (chosen.key + ("", ""))[:3] if chosen.key != ("vendor",) else ("vendor", "", "")
    direction = "desc" if bench.higher_is_better else "asc"
    rows = store._many(Claim, cte + f""" select * from (select c.*, row_number() over (partition by subject_id
        order by value {direction}, id) as rank_in_model from c where board_family = ? and board_scope = ?
        and board_method = ?) where rank_in_model = 1 order by value {direction}, subject_id limit ?""",
                       [*ids, family, board_scope, method, n])
    total = store.db.execute(cte + """ select count(distinct subject_id) from c where board_family = ?
        and board_scope = ? and board_method = ?""", [*ids, family, board_scope, method]).fetchone()[0]
    others = tuple(sorted(((b, k) for b, k in boards.items() if b != chosen), key=lambda x: (-x[1], x[0].label)))
    pending = 0
    if family != "vendor" and not open_only:
        unreviewed = _BOARD_SQL.format(marks=",".join("?" * len(ids)), open_filter="", reviewed=0)
        pending = store.db.execute(unreviewed + """ select count(distinct subject_id) from c where board_family = ?
            and board_scope = ? and board_method = ?""", [*ids, family, board_scope, method]).fetchone()[0]
    return TopResult(bench, chosen, tuple(rows), total, others, pending)


def is_synced(claim: Claim) -> bool:
    """A figure from a synced published file (its source id carries the file's version)."""
    return "@" in claim.source_id


def headline(claims: Iterable[Claim], benchmarks: dict[str, Benchmark] | None = None) -> list[Claim]:
    """Of synced independent/crowd figures, the one a reader compares with a vendor claim: per model, benchmark
    and source, the best whole-benchmark figure of a model (no submitted systems, no task or category parts;
    style-controlled arena ratings)."""
    best: dict[tuple, Claim] = {}
    for c in claims:
        if not is_synced(c) or c.provenance not in CHECKING or c.value is None:
            continue
        if not is_overall(c) or is_submitted_system(c) or "no style control" in (c.settings or ""):
            continue
        key = (c.subject_id, canonical(c.benchmark_id), source_family(c))
        bench = (benchmarks or {}).get(canonical(c.benchmark_id) or "")
        higher = bench.higher_is_better if bench else True
        current = best.get(key)
        if current is None or ((c.value > current.value) if higher else (c.value < current.value)):
            best[key] = c
    return sorted(best.values(), key=lambda c: (c.subject_id, c.benchmark_id or "", c.source_id))
