"""A small, hand-made record around 2026-W05 for the digest tests (no test functions here).

Independent of seeds/ so that the digest rules are tested on facts whose right
answers are known: a previous HLE best by Claude Opus 4.5 (independent), beaten
by Kimi K2.5 in W05; a first SWE-bench figure; a vendor claim from W03 that
nobody checked (to watch) and one that was checked (not to watch).
"""
from __future__ import annotations

from storage import Benchmark, Claim, Model, Release, Source, Store, Vendor


def src(i: str) -> Source:
    return Source(id=f"src-{i}", url=f"https://example.org/{i}", publisher=f"Publisher {i}", kind="vendor_blog")


def build_world(store: Store) -> None:
    rows = [
        Vendor("alibaba", "Alibaba"), Vendor("moonshot", "Moonshot AI"), Vendor("anthropic", "Anthropic"), Vendor("openai", "OpenAI"),
        *(src(i) for i in ("qwen", "kimi", "opus", "lab", "old")),
        Model("qwen3-max-thinking", "alibaba", "Qwen3-Max-Thinking", status="released", open_weights=False,
              source_id="src-qwen"),
        Model("kimi-k2.5", "moonshot", "Kimi K2.5", status="released", open_weights=True, source_id="src-kimi"),
        Model("claude-opus-4.5", "anthropic", "Claude Opus 4.5", status="released", source_id="src-opus"),
        Benchmark("hle", "HLE"), Benchmark("swe-bench-verified", "SWE-bench Verified"),
        Benchmark("latency", "Latency", higher_is_better=False, unit="ms"),
        Release("rel-qwen", "qwen3-max-thinking", "alibaba", "2026-01-26", "Qwen3-Max-Thinking launch", "src-qwen"),
        Release("rel-kimi", "kimi-k2.5", "moonshot", "2026-01-27", "Kimi K2.5 open release", "src-kimi"),
        Release("rel-opus", "claude-opus-4.5", "anthropic", "2025-11-24", "Claude Opus 4.5", "src-opus"),
        # before the week: the HLE record to beat, and two W03 vendor claims (one later checked)
        Claim("c-opus-hle", "benchmark_score", "claude-opus-4.5", "independent", "Opus 4.5 | 43.2", "src-lab",
              "2026-01-10", benchmark_id="hle", value=43.2, value_text="43.2", unit="%"),
        Claim("c-qwen-old", "benchmark_score", "qwen3-max-thinking", "vendor_reported", "Qwen 61.0 on SWE",
              "src-old", "2026-01-13", benchmark_id="swe-bench-verified", value=61.0, value_text="61.0",
              reported_by="alibaba"),
        Claim("c-opus-cap", "capability", "claude-opus-4.5", "vendor_reported", "Opus plans long tasks",
              "src-opus", "2026-01-14", reported_by="anthropic"),
        Claim("c-opus-cap-check", "capability", "claude-opus-4.5", "independent", "We confirm long tasks",
              "src-lab", "2026-01-20"),
        # the week
        Claim("c-kimi-hle", "benchmark_score", "kimi-k2.5", "vendor_reported", "Kimi K2.5 | HLE | 50.2", "src-kimi",
              "2026-01-27", benchmark_id="hle", value=50.2, value_text="50.2", unit="%", settings=None,
              reported_by="moonshot"),
        Claim("c-qwen-hle", "benchmark_score", "qwen3-max-thinking", "vendor_reported", "HLE 44.0", "src-qwen",
              "2026-01-26", benchmark_id="hle", value=44.0, value_text="44.0", unit="%", reported_by="alibaba"),
        Claim("c-kimi-swe", "benchmark_score", "kimi-k2.5", "vendor_reported", "SWE 76.8", "src-kimi",
              "2026-01-27T10:00:00+00:00", benchmark_id="swe-bench-verified", value=76.8, value_text="76.8",
              settings="with tools", reported_by="moonshot"),
        Claim("c-kimi-vs", "comparison", "kimi-k2.5", "vendor_reported", "K2.5 beats Opus 4.5 on agentic tasks",
              "src-kimi", "2026-01-28", compared_to=("claude-opus-4.5",), relation="beats", scope="agentic tasks",
              reported_by="moonshot"),
        Claim("c-qwen-ind", "benchmark_score", "qwen3-max-thinking", "independent", "Lab: 42.9 on HLE", "src-lab",
              "2026-01-30", benchmark_id="hle", value=42.9, value_text="42.9", unit="%"),
        Claim("c-kimi-disp", "capability", "kimi-k2.5", "disputed", "Kimi handles 1M tokens", "src-lab",
              "2026-02-01"),
        # just after the week (in UTC): must not appear in W05 for UTC, but does for a zone west of UTC
        Claim("c-late", "pricing", "kimi-k2.5", "vendor_reported", "Kimi price cut", "src-kimi",
              "2026-02-02T03:00:00+00:00", reported_by="moonshot"),
    ]
    store.upsert_many(rows)


def open_world(path) -> Store:
    store = Store.open(path)
    build_world(store)
    return store
