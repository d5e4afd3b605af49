"""Evaluation settings as a small vocabulary, so only real differences count.

Sources print settings as free text ("8K", "8k output tokens", "output length
limited to 8K", "extended thinking", "xhigh reasoning effort"). Compared as
strings they all differ; read into `Settings` they mostly agree. The
vocabulary: thinking or not, tools or not, output budget, attempts (one
sampled answer vs several), and the shape of the test (subset, shots, base
model). Rules:
- unstated is not a difference: only two *stated* values that disagree are;
- tools and the test's shape split a benchmark (a score with tools is a
  different number), thinking, budget and attempts are flagged, never split;
- avg@k, pass@1 and "averaged over N runs" are all one attempt per item;
  cons@k, best-of and "multiple attempts" are several.
It lives with the record (like name resolution) because digests and the bot
both compare settings and neither may import the other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_TOOLS_YES = ("with tools", "w/ tools", "tool", "search", "code-interpreter", "browsing", "browser", "agent swarm",
              "agentic", "bash", "terminus", "framework")
_TOOLS_NO = ("without tools", "no tools", "w/o tools", "agentless")
_THINK_NO = ("non-thinking", "without extended thinking", "no thinking", "instant")
_THINK_YES = ("thinking", "reasoning effort", "reasoning")
_BUDGET = re.compile(r"(?:output length limited to|max completion budget|max-tokens|max tokens)\s*(\d+)k\b|(\d+)k output tokens")
_MANY = re.compile(r"cons@\d+|best[- ]of[- ]\d+|multiple attempts|pass@(?:[2-9]|\d\d+)|parallel test-time", re.I)
_ONE = re.compile(r"avg@\d+|pass@1\b|single attempt|averaged over \d+|mean@\d+", re.I)
_SHOTS = re.compile(r"(\d+)-shot", re.I)


AGENTIC = ("swe-bench-verified", "swe-bench-pro", "swe-bench-multilingual", "browsecomp", "terminal-bench",
           "terminal-bench-2.0", "tau2-bench", "tau2-airline", "tau2-retail", "tau2-telecom", "deepsearchqa",
           "finsearchcomp-t2-t3", "seal-0", "widesearch", "cybergym", "paperbench", "aider-polyglot")
"""Benchmarks that are run with tools by definition: stating tools or not does not split them."""


@dataclass(frozen=True)
class Settings:
    thinking: bool | None = None
    tools: bool | None = None
    budget: str | None = None
    """Output-token budget as '8k', '64k'; None when not stated."""
    attempts: str | None = None
    """'one' (pass@1, avg@k, averaged runs) or 'several' (cons@k, best-of, parallel attempts)."""
    shots: str | None = None
    subset: str | None = None
    base: bool = False

    @property
    def split_key(self) -> tuple:
        """What separates rows of one benchmark: tools, base model, shots, subset (unstated = default)."""
        return (bool(self.tools), self.base, self.shots or "", self.subset or "")

    def key_for(self, benchmark_id: str | None) -> tuple:
        """split_key, except that an agentic benchmark is never split by tools (it always uses them)."""
        key = self.split_key
        return (False, *key[1:]) if benchmark_id in AGENTIC else key

    def label(self) -> str:
        """Short words for the vocabulary, e.g. 'thinking · tools · 8k budget · 1 attempt'."""
        words = []
        if self.thinking is not None:
            words.append("thinking" if self.thinking else "no thinking")
        if self.tools is not None:
            words.append("tools" if self.tools else "no tools")
        if self.budget:
            words.append(f"{self.budget} budget")
        if self.attempts:
            words.append("1 attempt" if self.attempts == "one" else "several attempts")
        if self.shots:
            words.append(f"{self.shots}-shot")
        if self.subset:
            words.append(self.subset)
        if self.base:
            words.append("base model")
        return " · ".join(words) or "not stated"


def parse(text: str | None) -> Settings:
    return _parse(text or "")


@lru_cache(maxsize=16384)
def _parse(text: str) -> Settings:
    """Settings are immutable and a record repeats a few thousand settings texts: each is read once."""
    t = " ".join(text.lower().split())
    if not t:
        return Settings()
    thinking = None
    if any(w in t for w in _THINK_NO):
        thinking = False
    elif any(w in t for w in _THINK_YES):
        thinking = True
    tools = None
    if any(w in t for w in _TOOLS_NO):
        tools = False
    elif any(w in t for w in _TOOLS_YES):
        tools = True
    budget = None
    m = _BUDGET.search(t) or re.fullmatch(r"(\d+)k()", t)
    if m:
        budget = f"{m.group(1) or m.group(2)}k"
    attempts = "several" if _MANY.search(t) else ("one" if _ONE.search(t) else None)
    shots = _SHOTS.search(t)
    subset = None
    if "text-only" in t:
        subset = "text-only"
    elif re.search(r"\bval\b", t):
        subset = "val"
    return Settings(thinking=thinking, tools=tools, budget=budget, attempts=attempts,
                    shots=shots.group(1) if shots else None, subset=subset,
                    base="base model" in t or "pretrained" in t)


def differences(items: list[Settings]) -> list[str]:
    """The vocabulary words on which stated values disagree (unstated never counts)."""
    out = []
    for name in ("thinking", "budget", "attempts"):
        values = {getattr(s, name) for s in items if getattr(s, name) is not None}
        if len(values) > 1:
            out.append({"thinking": "thinking vs not", "budget": "output budget",
                        "attempts": "number of attempts"}[name])
    return out


def same_test(a: str | None, b: str | None, benchmark_id: str | None = None) -> bool:
    """Two figures on one benchmark measure the same thing: their split keys agree."""
    return parse(a).key_for(benchmark_id) == parse(b).key_for(benchmark_id)
