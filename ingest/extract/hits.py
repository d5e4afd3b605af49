"""Which names a text holds, for the rules extractor: the record's names plus versioned ones it does not know.

Rules: a versioned name wins over a family row or a maker inside it ("Claude 4.5
Sonnet" over "Claude", "OpenAI o1" over "OpenAI"); a name followed by "series",
"models", "シリーズ", "-Reihe" is a family and no model; variant words after a
known model ("Gemini 3 Pro Deep Think") are kept as conditions of its scores, but tier words that name
another model ("GPT-5 Codex", "GPT-5.1 Codex Max") make the longer name; a tier in Hangul or kana after a
Latin name ("o4-미니") belongs to it;
a tier and version written alone ("Sonnet 4.6") belong to the line the article
names ("Claude Sonnet 4.5"); an unknown name's vendor is its line's maker, else
the vendor named right before it. Overlaps are checked by binary search, so a
text with thousands of names stays linear.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import localnames
from .gazetteer import Hit
from .names import HEAD_VENDOR, Spans, canonical
from .types import ModelRef

_SIZED = re.compile(r"\d(?:\.\d+)?[BM]$", re.IGNORECASE)
"""A parameter count closing a label: a specific checkpoint, which a longer name (its -Base, -Chat) is not."""
_VARIANT_TAIL = re.compile(r"(?:[\s-]+[A-Z][a-z]+){1,3}")
_MODEL_TAIL = re.compile(r"(?:[\s-]+(?:Codex|Mini|mini|Nano|nano|Max|Lite|Turbo|Heavy|Air|Coder|Speciale|Plus|Ultra|Flash|Pro)){1,2}")
"""Tier words after a known name that name another model ("GPT-5 Codex", "GPT-5.1 Codex Max"), not a mode of it."""
_SERIES = re.compile(r"[」』\"']?\s?-?\s?(?:series|family|families|line-?up|models|Reihe|Familie|famille|série|serie|"
                     r"семейств\w*|シリーズ|系列)", re.IGNORECASE)
_HEAD_TIER = re.compile(r"(?P<head>[A-Z][A-Za-z]+) (?P<tier>Opus|Sonnet|Haiku|Pro|Flash|Ultra|Large|Medium|Small|Mini|Max|"
                        r"Maverick|Scout) \d")


_SLASHED = re.compile(r"(?:/[\w.]{1,12})+")
_SUSPENDED = re.compile(r"-\s+(?:sowie|und|oder|bzw\.?)\s")


def _family_after(text: str, end: int) -> bool:
    """A name is a family when "series" follows it, also across a slashed list ("o1/o3/o4-Reihe") or a German
    suspended hyphen ("der GPT-4- sowie der o1-Reihe")."""
    if _SERIES.match(text, end) or _SUSPENDED.match(text, end):
        return True
    slashed = _SLASHED.match(text, end)
    return bool(slashed) and bool(_SERIES.match(text, slashed.end()))


_POINT_ZERO = re.compile(r"(\d)\.0(?![\d])")
_CLAUDE_TIERS = ("Opus", "Sonnet", "Haiku")


@lru_cache(maxsize=4096)
def _initials(name: str) -> str:
    """"Mistral Large 2" and "Mistral L2" are both "mistral l2": the first word, then initials and versions."""
    words = re.findall(r"[^\W\d_]+|\d+(?:\.\d+)*", name.casefold())
    return " ".join([words[0], "".join(w if w[0].isdigit() else w[0] for w in words[1:])]) if words else ""


class NameHits:
    """Mixed into RuleExtractor: per-article state `_local` (unknown names seen), `_tails`, pattern caches."""

    def _hits(self, sentence: str) -> list[Hit]:
        """Names the record knows, plus versioned names it does not (id "new:<name>"); a family yields to a longer name."""
        known = self.gaz.find(sentence)
        unknown = self.names.find(sentence)
        inside = Spans([(u.start, u.end) for u in unknown])
        # a longer versioned name wins over a family ("Claude" in "Claude 4.5 Sonnet") or its maker ("OpenAI o1")
        kept = [h for h in known if not ((h.kind == "vendor" or (h.kind == "model" and self.gaz.is_family(h.id)))
                                         and inside.contains(h.start, h.end))
                and not (h.kind == "model" and _family_after(sentence, h.end))]
        kept_spans = Spans([(h.start, h.end) for h in kept])
        out = list(kept)
        by_start = {h.start: h for h in kept if h.kind == "model"}
        for u in unknown:
            if kept_spans.overlaps(u.start, u.end):
                h = by_start.get(u.start)
                tail = sentence[h.end:u.end] if h is not None and h.end < u.end else ""
                if tail and _MODEL_TAIL.fullmatch(tail) and self.gaz.lookup(u.name) is None and \
                        not any(k is not h and k.start < u.end and u.start < k.end for k in kept):
                    out.remove(h)  # "GPT-5 Codex de OpenAI": GPT-5-Codex, not GPT-5 in a Codex mode
                    kept_spans = Spans([(k.start, k.end) for k in out])
                elif tail and _VARIANT_TAIL.fullmatch(tail):
                    self._tails[h.text] = tail.strip(" -")  # "Gemini 3 Pro Deep Think": the model, in Deep Think mode
                    continue
                else:
                    continue
            if _family_after(sentence, u.end):
                continue  # "the Claude 4 series", "GPT-5シリーズ", "o1/o3/o4-Reihe": a family, not a model
            tiered = self._with_tier(sentence, u.name, u.start, u.end)
            if tiered is not None:
                out.append(tiered)
                continue
            entry = self.gaz.lookup(u.name) or self._without_point_zero(u.name)
            if entry is not None and entry.kind == "model":
                out.append(Hit("model", entry.id, u.start, u.end, u.text))
                continue
            if u.name not in self._local:
                vendor = self._vendor_id(u.vendor_name) or self._vendor_before(kept, Hit("model", "", u.start, u.end, u.text))
                self._local[u.name] = ModelRef(u.name, None, vendor)
            out.append(Hit("model", "new:" + u.name, u.start, u.end, u.text))
        out = self._local_script(sentence, out)
        return sorted(out + self._short_forms(sentence, out), key=lambda h: h.start)

    def _script_hit(self, name: str, head: str, start: int, end: int, written: str) -> Hit:
        """A name written in a local script: the record's model when it knows the name, else a new one (its vendor
        from the name's head, "그록" -> xAI)."""
        entry = self.gaz.lookup(name)
        if entry is not None and entry.kind == "model":
            return Hit("model", entry.id, start, end, written)
        if name not in self._local:
            self._local[name] = ModelRef(name, None, self._vendor_id(HEAD_VENDOR.get(head)))
        return Hit("model", "new:" + name, start, end, written)

    def _local_script(self, sentence: str, hits: list[Hit]) -> list[Hit]:
        """Names written in Hangul or kana ("그록 4 헤비", "GPQA 다이아몬드"); they win over a shorter Latin name inside."""
        extra = []
        for start, end, written, head, rest in localnames.models(sentence):
            name = canonical(head, rest)
            if name is None:
                continue
            extra.append(self._script_hit(name, head, start, end, written))
        for start, latin_at, head, tail in localnames.mixed(sentence):
            found = [n for n in self.names.find(head + tail) if n.start == 0 and n.end > len(head)]
            if not found:
                continue
            end = latin_at + found[0].end - len(head)
            name, written = found[0].name, sentence[start:end]
            if any(x.start <= start and x.end >= end for x in extra):
                continue
            extra = [x for x in extra if not (start <= x.start and x.end <= end)]  # "제미나이 3" inside "제미나이 3 Pro"
            extra.append(self._script_hit(name, head, start, end, written))
        for h in hits:
            if h.kind == "model" and not h.id.startswith("new:") and not self.gaz.is_family(h.id):
                tiered = self._with_tier(sentence, h.text, h.start, h.end)
                if tiered is not None:
                    extra.append(tiered)
        for start, end, written, name in localnames.benchmarks(sentence):
            entry = self.gaz.lookup(name)
            if entry is not None and entry.kind == "benchmark":
                extra.append(Hit("benchmark", entry.id, start, end, written))
        if not extra:
            return hits
        spans = Spans([(h.start, h.end) for h in extra])
        return [h for h in hits if not spans.overlaps(h.start, h.end)] + extra

    def _with_tier(self, sentence: str, base: str, start: int, end: int) -> Hit | None:
        """"o4-미니", "GPT-5 프로": the Latin name and the tier written in Hangul or kana after it, as one model."""
        tier = localnames.tier_after(sentence, end)
        if tier is None:
            return None
        latin = f"{base}-{tier[1].lower()}" if re.fullmatch(r"(?:OpenAI )?o\d", base) else f"{base} {tier[1]}"
        found = [n for n in self.names.find(latin) if n.start == 0 and n.end == len(latin)]
        if not found:
            return None
        name = found[0].name
        entry = self.gaz.lookup(name)
        if entry is not None and entry.kind == "model":
            return Hit("model", entry.id, start, tier[0], sentence[start:tier[0]])
        if name not in self._local:
            self._local[name] = ModelRef(name, None, self._vendor_id(found[0].vendor_name))
        return Hit("model", "new:" + name, start, tier[0], sentence[start:tier[0]])

    def _without_point_zero(self, name: str):
        """"Gemini 3.0 Pro", "Gemini-3.0-Pro": the record's "Gemini 3 Pro" (never "Gemini 2.0 Flash", which it spells so)."""
        if ".0" not in name:
            return None
        return self.gaz.lookup(_POINT_ZERO.sub(r"\1", name))

    def _short_forms(self, text: str, hits: list[Hit]) -> list[Hit]:
        """"Sonnet 4.6" in an article that names "Claude Sonnet 4.5": the line's head is left out after the first name.
        Opus, Sonnet and Haiku are Claude's alone: in an article that names Claude or Anthropic at all they need no
        other Claude model first ("Sonnet 4.5 : 77,2 %" in a ranking led by "Claude Opus 4.5")."""
        heads: dict[str, str] = {}
        for h in hits:
            if h.kind == "vendor" and h.id == "anthropic" or h.text.startswith("Claude"):
                for tier in _CLAUDE_TIERS:
                    heads.setdefault(tier, "Claude")
            if h.kind != "model":
                continue
            name = h.id[4:] if h.id.startswith("new:") else h.text
            m = _HEAD_TIER.match(name)
            if m:
                heads.setdefault(m.group("tier"), m.group("head"))
        if not heads:
            return []
        out = []
        key = tuple(sorted(heads))
        pattern = self._short_patterns.get(key)
        if pattern is None:
            pattern = self._short_patterns[key] = re.compile(
                r"(?<![\w.\-])(?P<tier>" + "|".join(map(re.escape, key)) + r") (?P<v>\d+(?:\.\d+)?)(?![\w]|\.\d)")
        taken = Spans([(h.start, h.end) for h in hits])
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            full = canonical(heads[m.group("tier")], f" {m.group('tier')} {m.group('v')}")
            if full is None:
                continue
            entry = self.gaz.lookup(full)
            if entry is not None and entry.kind == "model":
                out.append(Hit("model", entry.id, m.start(), m.end(), m.group(0)))
                continue
            if full not in self._local:
                head = self.names.find(full)
                self._local[full] = ModelRef(full, None, self._vendor_id(head[0].vendor_name) if head else None)
            out.append(Hit("model", "new:" + full, m.start(), m.end(), m.group(0)))
        return out

    def _spelled_out(self, short: str, prose: list[Hit], text: str = "", table: tuple[int, int] = (0, 0)) -> ModelRef | None:
        """The one model the text names in full that a table's short label stands for: "Claude 3.5" for "Claude 3.5
        Sonnet" (the label's words begin the name), "Mistral L2" for "Mistral Large 2" (its words' initials), or
        what prose means by the same words; None when no name or more than one fits."""
        key, initials = short.casefold(), _initials(short)
        sized = _SIZED.search(short) is not None  # "ChatGLM3-6B" is that model, not "ChatGLM3-6B-Base"
        found: dict[str, ModelRef] = {}
        for h in prose:
            if h.kind != "model" or self.gaz.is_family(h.id) or table[0] <= h.start < table[1]:
                continue  # the label's own table holds other labels ("qwen-3-fast" beside "qwen-3"), not the name
            ref = self._ref(h)
            name = ref.text if h.id.startswith("new:") else h.text
            low = name.casefold()
            if low == key:
                line = text[text.rfind("\n", 0, h.start) + 1:text.find("\n", h.end) % (len(text) + 1)]
                if line.count("|") < 2:
                    return ref  # named so in prose too: what it is there ("GPT-4"; "Opus 4.5" after "Claude Opus 4.6")
                continue  # the same label in another table
            if (low.startswith(key) and low[len(key):len(key) + 1] in (" ", "-") and not sized) or \
                    low.endswith(" " + key) or _initials(name) == initials:  # "Claude 3.5" / "Opus 4.6" / "Mistral L2"
                found[ref.model_id or ref.text] = ref
        return next(iter(found.values())) if len(found) == 1 else None

    def _vendor_id(self, name: str | None) -> str | None:
        entry = self.gaz.lookup(name) if name else None
        return entry.id if entry is not None and entry.kind == "vendor" else None

    @staticmethod
    def _vendor_before(hits: list[Hit], model: Hit) -> str | None:
        """"Anthropic's Claude Opus 4.5", "OpenAI released GPT-5.1": the vendor named just before a model."""
        for h in reversed([h for h in hits if h.end <= model.start]):
            if h.kind == "model":
                return None
            if h.kind == "vendor" and model.start - h.end <= 40:
                return h.id
        return None

    # ---- helpers ---------------------------------------------------------
    def _ref(self, hit: Hit) -> ModelRef:
        if hit.id.startswith("new:"):
            return self._local[hit.id[4:]]
        return ModelRef(hit.text, hit.id, self.gaz.vendor_of_model(hit.id))

    def _with_local(self, sentence: str, hits: list[Hit], local: dict[str, ModelRef]) -> list[Hit]:
        """Hits for new model names this article released earlier, so later sentences can make claims about them."""
        for name, ref in local.items():
            self._local.setdefault(name, ref)
        if not local:
            return hits
        extra = []
        for name in local:
            if name not in sentence:
                continue
            pattern = self._local_patterns.get(name)
            if pattern is None:
                pattern = self._local_patterns[name] = re.compile(
                    r"(?<![A-Za-z0-9_.\-])" + re.escape(name) + r"(?![A-Za-z0-9_]|[.\-][A-Za-z0-9])")  # "K2は": kana may touch it
            for m in pattern.finditer(sentence):
                if not any(h.start < m.end() and m.start() < h.end for h in hits):
                    extra.append(Hit("model", "new:" + name, m.start(), m.end(), m.group(0)))
        return sorted([*hits, *extra], key=lambda h: h.start)

