"""Leaderboard variant names -> a record model plus the settings the name encodes.

`claude-opus-4-5-20251101-thinking-64k-high-effort` is Claude Opus 4.5 with thinking, a 64k
budget and high effort; `gpt-5.2-2025-12-11-high` is GPT-5.2 at high effort.

Rules (never a silent wrong pick):
1. the curated alias file (`seeds/model_aliases.yaml`) wins: a name there maps to its model
   and settings, or is ignored on purpose;
2. otherwise the whole name, then the name with setting words and date stamps taken off one
   at a time from the end, is looked up *exactly* (normalised case and punctuation, `4-5` read
   as `4.5`) among model ids, names, aliases and catalog entry ids. Only a unique exact hit maps;
3. anything else is unmapped: the caller turns it into an unreviewed candidate when the vendor
   is known, else logs it. No fuzzy match is ever taken here.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from storage.resolve import name_key

def _aliases_file() -> Path:
    from ingest.seed_files import DEFAULT_SEEDS_DIR  # one answer to "where are the seeds"
    return Path(DEFAULT_SEEDS_DIR) / "model_aliases.yaml"


ALIASES_FILE = _aliases_file()

_EFFORTS = ("minimal", "low", "medium", "high", "xhigh")
_BUDGET = re.compile(r"^(\d+)k$")
_DATE8 = re.compile(r"^20\d{6}$")
_YEAR = re.compile(r"^20\d\d$")
_MMDD = re.compile(r"^(0[1-9]|1[0-2])$|^([0-2]\d|3[01])$")
_PAREN = re.compile(r"\(([^)]*)\)")
_DOT_VERSION = re.compile(r"(?<![\d.])(\d)-(\d)(?![\d])")

VENDOR_PREFIXES = (
    ("claude", "anthropic"), ("gpt", "openai"), ("chatgpt", "openai"), ("o1", "openai"), ("o3", "openai"),
    ("o4", "openai"), ("gemini", "google-deepmind"), ("gemma", "google-deepmind"), ("deepseek", "deepseek"),
    ("qwen", "alibaba"), ("qwq", "alibaba"), ("kimi", "moonshot"), ("llama", "meta"), ("grok", "xai"),
    ("mistral", "mistral"), ("magistral", "mistral"), ("devstral", "mistral"), ("codestral", "mistral"),
    ("glm", "zhipu"), ("minimax", "minimax"),
)
"""Name prefixes whose vendor is certain; used only to place an unmapped name as a candidate."""


@dataclass(frozen=True)
class Variant:
    """The settings a leaderboard name encodes."""

    thinking: bool | None = None
    budget: str | None = None
    effort: str | None = None
    extra: tuple[str, ...] = ()

    def text(self) -> str | None:
        parts = []
        if self.thinking is True:
            parts.append("thinking")
        elif self.thinking is False:
            parts.append("no thinking")
        if self.budget:
            parts.append(f"budget {self.budget}")
        if self.effort:
            parts.append(f"effort {self.effort}")
        parts += list(self.extra)
        return ", ".join(parts) or None


@dataclass(frozen=True)
class Mapping_:
    name: str
    model_id: str | None
    variant: Variant = Variant()
    status: str = "mapped"
    """mapped | unmapped | ignored"""
    reason: str | None = None
    base: str | None = None
    """The name with settings and dates taken off (the candidate's name when unmapped)."""


class AliasFileError(ValueError):
    """The curated alias file cannot be read (a hand edit broke it): one line saying where."""


@dataclass
class Aliases:
    """The curated alias file: exact spellings -> model (+ settings), or `ignore`."""

    names: dict[str, tuple[str | None, Variant, str | None]] = field(default_factory=dict)
    facts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """name key -> the only catalog facts to take from an entry of that name (`facts:` in the file): an API
    name stands for whatever model its vendor serves, so only what that model shares with it is kept."""

    @classmethod
    def load(cls, path: Path = ALIASES_FILE) -> "Aliases":
        if not Path(path).exists():
            return cls()
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            where = f" line {mark.line + 1}" if mark is not None else ""
            raise AliasFileError(f"{Path(path).name}{where}: not valid YAML ({getattr(err, 'problem', None) or err}); "
                                 "fix the file and sync again") from None
        out = cls()
        for row in data:
            variant = Variant(thinking=row.get("thinking"), budget=row.get("budget"), effort=row.get("effort"),
                              extra=tuple(row.get("settings") or ()))
            for name in row.get("names") or ():
                out.names[name_key(str(name))] = (row.get("model"), variant, row.get("why"))
                if row.get("facts"):
                    out.facts[name_key(str(name))] = tuple(row["facts"])
        return out

    def facts_for(self, *names: str) -> tuple[str, ...] | None:
        """The catalog facts an alias row allows for any of these names, or None when it does not limit them."""
        return next((self.facts[k] for k in map(name_key, names) if k in self.facts), None)


def version_key(text: str) -> str:
    """name_key, reading `claude-opus-4-5` as `claude-opus-4.5` (single digits joined by a dash)."""
    return name_key(_DOT_VERSION.sub(r"\1.\2", text.casefold()))


class Mapper:
    """Exact lookups over the record's names plus catalog entry ids; see the module rules."""

    def __init__(self, model_names: Iterable[tuple[str, str, str, str | None, str]],
                 catalog_ids: Iterable[tuple[str, str]] = (), aliases: Aliases | None = None):
        import json
        self.by_key: dict[str, set[str]] = {}
        self.vendor_of: dict[str, str] = {}
        for model_id, name, aliases_json, _family, vendor_id, *reviewed in model_names:
            if reviewed and not reviewed[0]:
                continue  # an unreviewed candidate is not a fact to map onto
            self.vendor_of[model_id] = vendor_id
            for n in (model_id, name, *json.loads(aliases_json or "[]")):
                self._add(n, model_id)
        for entry_id, model_id in catalog_ids:
            self._add(entry_id, model_id)
        self.aliases = aliases or Aliases()

    def _add(self, text: str, model_id: str) -> None:
        for key in {name_key(text), version_key(text)}:
            if key:
                self.by_key.setdefault(key, set()).add(model_id)

    def _exact(self, text: str) -> set[str]:
        hits: set[str] = set()
        for form in (text, _tier_first(text)):
            hits |= self.by_key.get(name_key(form), set())
            hits |= self.by_key.get(version_key(form), set())
        return hits

    def map(self, name: str, *extra_names: str) -> Mapping_:
        curated = self.aliases.names.get(name_key(name))
        if curated is not None:
            model_id, variant, why = curated
            if model_id is None:
                return Mapping_(name, None, variant, "ignored", why or "ignored in seeds/model_aliases.yaml")
            return Mapping_(name, model_id, variant, "mapped", "seeds/model_aliases.yaml")
        if "/" in name and "+" not in name:
            # `openai/gpt-5-2025-08-07`, `https://huggingface.co/zai-org/GLM-4.6`: the last part names the model
            bare = name.rstrip("/").rsplit("/", 1)[-1]
            whole = self._exact(name)
            if len(whole) == 1:
                return Mapping_(name, next(iter(whole)), Variant(), "mapped")
            found = self.map(bare, *extra_names)
            return Mapping_(name, found.model_id, found.variant, found.status, found.reason, found.base)
        tokens, variant = split_variant(name)
        if "+" in name:
            return Mapping_(name, None, variant, "unmapped", "a combination of models, not one model", base=name)
        for candidate in (name, *extra_names):
            hits = self._exact(candidate)
            if len(hits) == 1:
                return Mapping_(name, next(iter(hits)), Variant() if candidate == name else variant, "mapped")
        base = "-".join(tokens)
        stripped = list(tokens)
        tried = set()
        for cut in range(len(stripped), 0, -1):
            text = "-".join(stripped[:cut])
            if text in tried:
                continue
            tried.add(text)
            hits = self._exact(text)
            if len(hits) == 1 and text != name:
                hit = next(iter(hits))
                stamp, marker = _stamp(name), _marker(hit)
                if stamp and marker and stamp != marker:
                    return Mapping_(name, None, variant, "unmapped",
                                    f"the name's date stamp ({stamp}) is not {hit}'s ({marker}): another snapshot",
                                    base=text)
                return Mapping_(name, hit, variant, "mapped", base=text)
            if len(hits) == 1:
                return Mapping_(name, next(iter(hits)), variant, "mapped", base=text)
            if len(hits) > 1:
                return Mapping_(name, None, variant, "unmapped", f"“{text}” names several models: {', '.join(sorted(hits))}",
                                base=text)
            # only dates and setting words may be dropped; stop at the first other word
            if cut <= len(stripped) and not _droppable(stripped[cut - 1]):
                break
        return Mapping_(name, None, variant, "unmapped", "no exact match in the record or the catalog", base=base)


_TIER_LAST = re.compile(r"^(claude)[\s-]+([\d.]+(?:[\s-]\d)?)[\s-]+(opus|sonnet|haiku)\b", re.I)


def _tier_first(text: str) -> str:
    """'claude-4-1-opus' and 'Claude 4.5 Opus' are the same names as 'claude-opus-4-1', 'Claude Opus 4.5'."""
    return _TIER_LAST.sub(lambda m: f"{m.group(1)}-{m.group(3)}-{m.group(2)}", text.strip())


_STAMP = re.compile(r"20\d\d[-_]?(\d\d)[-_]?(\d\d)(?!\d)")
_MARKER = re.compile(r"-(\d{4})$")


def _stamp(name: str) -> str | None:
    """MMDD of a date stamp in a name (`-20240620`, `2024-08-06`), if any."""
    m = _STAMP.search(name)
    return m.group(1) + m.group(2) if m else None


def _marker(model_id: str) -> str | None:
    """The MMDD snapshot marker some record ids carry (`gpt-4o-0513`, `claude-3.5-sonnet-1022`)."""
    m = _MARKER.search(model_id)
    return m.group(1) if m and not m.group(1).startswith("2") else None


def _droppable(token: str) -> bool:
    return bool(_DATE8.match(token) or _YEAR.match(token))


def split_variant(name: str) -> tuple[list[str], Variant]:
    """(name tokens without setting words and date stamps, the settings they encoded)."""
    text = name.strip()
    parens = [p.strip().casefold() for p in _PAREN.findall(text)]
    text = _PAREN.sub(" ", text)
    tokens = [t for t in re.split(r"[\s_/-]+", text.casefold()) if t]
    for p in parens:
        tokens += [t for t in re.split(r"[\s_/-]+", p) if t]
    thinking: bool | None = None
    budget = effort = None
    extra: list[str] = []
    kept: list[str] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if t in ("thinking", "think", "reasoning", "reasoner") and not kept:
            kept.append(t)
        elif t in ("nothinking", "non-thinking", "nothink") or (t in ("no", "non") and nxt in ("thinking", "think", "reasoning")):
            thinking = False
            i += 1 if t in ("no", "non") else 0
        elif t in ("thinking", "think", "reasoner") or t == "highthinking":
            thinking = True
            if t == "highthinking":
                effort = effort or "high"
        elif t in _EFFORTS:
            effort = t
            if nxt in ("effort", "reasoning"):
                i += 1
        elif t == "max" and nxt == "effort":
            effort = "max"
            i += 1
        elif t in ("effort", "tokens"):
            pass
        elif t == "reasoning":
            thinking = True if thinking is None else thinking
        elif _BUDGET.match(t):
            budget = t
        elif t in ("auto", "default"):
            extra.append(t if t == "default" else "auto budget")
        elif t == "chat" and kept and kept[0] == "deepseek":
            thinking = False
        elif _DATE8.match(t):
            if nxt == "base":
                thinking = False
                i += 1
        elif _YEAR.match(t) and kept and _MMDD.match(kept[-1]):
            kept.pop()
            if kept and _YEAR.match(kept[-1]):
                kept.pop()
        elif _YEAR.match(t) and nxt and _MMDD.match(nxt):
            # 2025-12-11: take the year and the next two parts
            i += 2 if (i + 2 < len(tokens) and _MMDD.match(tokens[i + 2])) else 1
        else:
            kept.append(t)
        i += 1
    return kept, Variant(thinking=thinking, budget=budget, effort=effort, extra=tuple(extra))


def vendor_from_name(name: str, vendor_hint: str | None, known: Mapping[str, str]) -> str | None:
    """The vendor of an unmapped name: the source's organisation if it names a known vendor, else a sure prefix."""
    if vendor_hint:
        key = name_key(vendor_hint)
        if key in known:
            return known[key]
    lowered = name.strip().casefold()
    for prefix, vendor in VENDOR_PREFIXES:
        if lowered.startswith(prefix):
            return vendor if vendor in known.values() else None
    return None
