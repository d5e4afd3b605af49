"""Name resolution: what a user typed -> the model or vendor they meant.

The one rule is that it never silently picks a wrong model. In order: a
vendor's name or alias ("claude", "kimi", "qwen") lists that vendor's family or
models, never a model that happens to share the word; exact match on id,
display name or alias after normalising case, spaces and punctuation, unless
the text's version is a prefix of other models' versions ("gpt5", "opus 4":
GPT-5 and GPT-5.1 and GPT-5.2 all start so), in which case the answer is "did
you mean …" over all of them, and only the literal id or display name picks
the exact one; a family name lists the family (even a family of one); a fuzzy
match (rapidfuzz) is only taken when it is clearly the best and its version
numbers are the same as the text's (so "gpt-5.1" never becomes "gpt-5.2");
otherwise the answer is a list of "did you mean" suggestions. This module imports rapidfuzz besides the stdlib:
matching names is a question about the record, so it lives with the record.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from .store import Store

_SEPARATORS = re.compile(r"[\s\-_/:,;'\"()\[\]{}]+")
_DIGITS = re.compile(r"\d+(?:\.\d+)*")
AUTO_PICK_SCORE = 92.0
AUTO_PICK_MARGIN = 8.0
SUGGEST_SCORE = 60.0


def name_key(text: str) -> str:
    """'Claude-Opus 4.5' and 'claude opus 4.5' both become 'claudeopus4.5'."""
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    text = _SEPARATORS.sub("", text)
    return text.strip(".")


def benchmark_id_for(name: str) -> str:
    """The record's id style for a benchmark's name: `HumanEval+` -> `humaneval-plus`, `MT-Bench-101` -> `mt-bench-101`
    (a "+" is a word: MBPP+ is not MBPP)."""
    return re.sub(r"[^a-z0-9.]+", "-", unicodedata.normalize("NFKC", name).casefold().replace("+", " plus ")).strip("-.")


def _versions(text: str) -> list[str]:
    return _DIGITS.findall(text)


def _literal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _by_version(model_id: str) -> tuple:
    """GPT-5 before GPT-5.1 before GPT-5.2; then by id."""
    return (tuple(int(p) for v in _versions(model_id) for p in v.split(".")), model_id)


@dataclass(frozen=True)
class Resolution:
    """The answer for one name: a model id, or candidates to choose from, or suggestions."""

    query: str
    model_id: str | None = None
    candidates: tuple[str, ...] = ()
    """Several models match equally (a family, or an alias two models share)."""
    suggestions: tuple[str, ...] = ()
    """Nothing matched for sure; these are close."""
    why: str = ""
    """Why there are candidates: 'family', 'versions' (the text's version is a prefix of several), 'vendor',
    'alias' (an alias two models share)."""
    vendor_id: str | None = None
    """Set when the text names a vendor (why == 'vendor')."""

    @property
    def ok(self) -> bool:
        return self.model_id is not None


@dataclass
class NameIndex:
    by_key: dict[str, set[str]] = field(default_factory=dict)
    families: dict[str, set[str]] = field(default_factory=dict)
    vendors_of: dict[str, str] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)
    literal: dict[str, str] = field(default_factory=dict)
    """Casefolded id and display name -> model id: what picks a model even when its version is a prefix."""
    sorted_keys: list[str] = field(default_factory=list)
    """The keys in order, so the names continuing a version are a range found by bisection, not a scan."""

    @classmethod
    def build(cls, rows) -> "NameIndex":
        index = cls()
        for model_id, name, aliases, family, vendor_id in rows:
            index.vendors_of[model_id] = vendor_id
            index.literal[_literal(model_id)] = model_id
            index.literal[_literal(name)] = model_id
            names = [model_id, name, *json.loads(aliases or "[]")]
            for n in names:
                key = name_key(n)
                if key:
                    index.by_key.setdefault(key, set()).add(model_id)
            if family:
                index.families.setdefault(name_key(family), set()).add(model_id)
        index.keys = list(index.by_key)
        index.sorted_keys = sorted(index.by_key)
        return index

    def resolve(self, text: str) -> Resolution:
        key = name_key(text)
        if not key:
            return Resolution(text)
        exact = self.by_key.get(key, set())
        longer = self.version_extensions(key)
        if longer and _versions(key):
            literal = self.literal.get(_literal(text))
            if literal is not None and literal in exact:
                return Resolution(text, model_id=literal)
            family = self.families.get(key, set())
            return Resolution(text, candidates=tuple(sorted(exact | longer | family, key=_by_version)),
                              why="versions")
        if exact:
            if len(exact) == 1:
                return Resolution(text, model_id=next(iter(exact)))
            return Resolution(text, candidates=tuple(sorted(exact)), why="alias")
        family = self.families.get(key)
        if family:
            return Resolution(text, candidates=tuple(sorted(family, key=_by_version)), why="family")
        return self._fuzzy(text, key)

    def version_extensions(self, key: str) -> set[str]:
        """Models whose name continues the text's version: 'gpt5' -> GPT-5.1, GPT-5.2 ('gpt5' + '.1')."""
        out: set[str] = set()
        if key[-1:].isalpha():
            return out
        prefix = key + "."
        keys = self.sorted_keys
        for i in range(bisect_left(keys, prefix), len(keys)):
            other = keys[i]
            if not other.startswith(prefix):
                break
            if len(other) > len(prefix) and other[len(prefix)].isdigit():
                out |= self.by_key[other]
        return out

    def _fuzzy(self, text: str, key: str) -> Resolution:
        hits = process.extract(key, self.keys, scorer=fuzz.WRatio, limit=12, score_cutoff=SUGGEST_SCORE)
        ranked: list[tuple[str, float, str]] = []
        seen: set[str] = set()
        for hit_key, score, _ in hits:
            for model_id in sorted(self.by_key[hit_key]):
                if model_id not in seen:
                    seen.add(model_id)
                    ranked.append((model_id, score, hit_key))
        if not ranked:
            return Resolution(text)
        # Auto-pick only on whole-string similarity, among candidates with the same version numbers
        # as the text: "claude opuss 4.5" may become Claude Opus 4.5, "kimi k2.55" never Kimi K2.5.
        versions = _versions(key)
        same = sorted(((fuzz.ratio(key, hit_key), model_id) for model_id, _, hit_key in ranked
                       if _versions(hit_key) == versions), reverse=True)
        if same:
            best_score, best_id = same[0]
            runner_up = same[1][0] if len(same) > 1 else 0.0
            if best_score >= AUTO_PICK_SCORE and best_score - runner_up >= AUTO_PICK_MARGIN:
                return Resolution(text, model_id=best_id)
        return Resolution(text, suggestions=tuple(m for m, _, _ in ranked[:5]))

    def complete(self, text: str, limit: int = 25) -> list[str]:
        """Model ids for autocomplete, most relevant first: prefix matches, then fuzzy."""
        key = name_key(text)
        if not key:
            return []
        prefix = sorted({m for k, ids in self.by_key.items() if k.startswith(key) for m in ids},
                        key=lambda m: (len(m), m))
        out = prefix[:limit]
        if len(out) < limit:
            for hit_key, _, _ in process.extract(key, self.keys, scorer=fuzz.WRatio, limit=limit * 2,
                                                 score_cutoff=50):
                for m in sorted(self.by_key[hit_key]):
                    if m not in out:
                        out.append(m)
                if len(out) >= limit:
                    break
        return out[:limit]


class Resolver:
    """Keeps a NameIndex current with the store (rebuilt when models change, in any process)."""

    def __init__(self, store: Store):
        self.store = store
        self._index: NameIndex | None = None
        self._stamp: tuple | None = None
        self._other_keys: dict[str, tuple[tuple, dict[str, str]]] = {}

    def _current_stamp(self) -> tuple:
        data_version = self.store.db.execute("PRAGMA data_version").fetchone()[0]
        return (self.store.names_generation, data_version)

    @property
    def index(self) -> NameIndex:
        stamp = self._current_stamp()
        if self._index is None or stamp != self._stamp:
            self._index = NameIndex.build(self.store.model_names(reviewed_only=True))  # candidates are not facts
            self._stamp = stamp
        return self._index

    def resolve(self, text: str) -> Resolution:
        """A vendor's name or alias lists the vendor's family (or models) before any model is matched."""
        vendor_id = self.resolve_vendor(text)
        if vendor_id is not None:
            index, key = self.index, name_key(text)
            literal = index.literal.get(_literal(text))
            if literal is not None and literal != key:  # a real model spelled exactly so ("DeepSeek-V3")
                return index.resolve(text)
            vendor = self.store.vendor(vendor_id)
            # a model named like the vendor ("claude": Anthropic's product in the press) is not what was meant
            pseudo = {key} | ({name_key(n) for n in (vendor.id, vendor.name, *vendor.aliases)} if vendor else set())
            members = {m for m in index.families.get(key, set()) if m not in pseudo and index.vendors_of.get(m) == vendor_id}
            if not members:
                members = {m for m, v in index.vendors_of.items() if v == vendor_id and m not in pseudo}
            if not members:
                return index.resolve(text)
            return Resolution(text, candidates=tuple(sorted(members, key=_by_version)), why="vendor",
                              vendor_id=vendor_id)
        return self.index.resolve(text)

    def complete(self, text: str, limit: int = 25) -> list[str]:
        return self.index.complete(text, limit)

    def _keys_of(self, what: str, rows) -> dict[str, str]:
        """name key -> id for vendors or benchmarks, the first row in store order winning (as a scan would),
        rebuilt when the store's names change."""
        stamp = self._current_stamp()
        cached = self._other_keys.get(what)
        if cached is None or cached[0] != stamp:
            keys: dict[str, str] = {}
            for row in rows():
                for n in (row.id, row.name, *row.aliases):
                    k = name_key(n)
                    if k:
                        keys.setdefault(k, row.id)
            cached = self._other_keys[what] = (stamp, keys)
        return cached[1]

    def resolve_vendor(self, text: str) -> str | None:
        key = name_key(text)
        return self._keys_of("vendors", self.store.vendors).get(key) if key else None

    def resolve_benchmark(self, text: str) -> str | None:
        key = name_key(text)
        return self._keys_of("benchmarks", self.store.benchmarks).get(key) if key else None

    def suggest_vendors(self, text: str) -> list[str]:
        vendors = self.store.vendors()
        choices = {name_key(v.name): v.id for v in vendors}
        hits = process.extract(name_key(text), list(choices), scorer=fuzz.WRatio, limit=3, score_cutoff=60)
        return [choices[k] for k, _, _ in hits]
