"""Model names the record does not know yet: "GPT-5.1", "Qwen3-235B-A22B", "DeepSeek-V3.2-Exp", "Gemini 3 Pro".

Rules: a name starts with a model line's head word (a built-in list of the
lines vendors ship, plus the first word of every model the record knows) and
continues with versions ("5.1", "V3.2", "K2", "4o"), sizes ("235B", "A22B")
and tier words ("Pro", "Sonnet", "Thinking", "Exp"), joined by hyphens,
spaces or nothing; it must hold a digit, so a bare family ("Claude",
"Gemini") is never a model. Spellings are made canonical where the lines have
one: "Claude 4.5 Sonnet" -> "Claude Sonnet 4.5", "o3" -> "OpenAI o3",
"GPT 5" -> "GPT-5", "Deepseek-3.1" -> "DeepSeek-V3.1", "Claude 4 Sonnet Thinking" -> "Claude Sonnet 4" (a
mode); a camel-cased head written with one capital ("Alphacode 2") is the same line, and so is a lower-case line written in capitals ("GPT-OSS-20B" -> "gpt-oss-20b"). The vendor is the one the text names right before the
model ("Anthropic's Claude Opus 4.5", "OpenAI released GPT-5.1"), else the
line's maker. Matching is one linear regex pass plus dict look-ups.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

HEAD_VENDOR = {
    "GPT": "OpenAI", "ChatGPT": "OpenAI", "Sora": "OpenAI", "Codex": "OpenAI", "gpt-oss": "OpenAI",
    "Claude": "Anthropic", "Opus": "Anthropic", "Sonnet": "Anthropic", "Haiku": "Anthropic", "Gemini": "Google", "Gemma": "Google", "Veo": "Google", "Imagen": "Google",
    "Llama": "Meta", "LLaMA": "Meta", "Qwen": "Alibaba", "QwQ": "Alibaba", "QVQ": "Alibaba", "Wan": "Alibaba",
    "DeepSeek": "DeepSeek", "Deepseek": "DeepSeek", "Kimi": "Moonshot AI", "GLM": "Zhipu AI", "ChatGLM": "Zhipu AI", "Grok": "xAI",
    "Mistral": "Mistral AI", "Mixtral": "Mistral AI", "Magistral": "Mistral AI", "Ministral": "Mistral AI",
    "Codestral": "Mistral AI", "Devstral": "Mistral AI", "Pixtral": "Mistral AI", "Phi": "Microsoft",
    "ERNIE": "Baidu", "Hunyuan": "Tencent", "Doubao": "ByteDance", "Seed": "ByteDance", "MiniMax": "MiniMax",
    "Nova": "Amazon", "Command": "Cohere", "Aya": "Cohere", "EXAONE": "LG AI Research", "Solar": "Upstage",
    "Falcon": "TII", "Nemotron": "NVIDIA", "Granite": "IBM", "Jamba": "AI21", "Yi": "01.AI", "Baichuan": "Baichuan",
    "InternLM": "Shanghai AI Lab", "Step": "StepFun", "Gen": "Runway", "Kling": "Kuaishou", "AlphaCode": "Google",
    "OLMo": "Ai2", "Sonar": "Perplexity", "Midjourney": "Midjourney", "Hailuo": "MiniMax",
}
TIERS = ("mini|nano|pro|flash|Pro|Flash|Flash-Lite|Ultra|Nano|Mini|Max|Plus|Turbo|Opus|Sonnet|Haiku|Large|Medium|Small|Instruct|Inst|"
         "Thinking|Think|Exp|Preview|Air|AirX|Base|Chat|Coder|Speciale|Lite|Zero|Maverick|Scout|Behemoth|Omni|Vision|"
         "VL|Math|Distill|Reasoner|Terminus|Codex|Heavy|Fast|Realtime|Audio|Next|Edge|Nemo|Deep|oss|OSS|Embedding|Guard|"
         "Sonic|Reasoning")
_VERSION = r"(?:[VvKkRrMm]?\d+(?:\.\d+)*[a-z]?|A\d+(?:\.\d+)?B|\d+(?:\.\d+)?[BbMm]|\d+x\d+B|e\d+b)"
_TIER = r"(?:" + TIERS + r")(?![A-Za-z0-9_])"
_SIZE = r"(?:A\d+(?:\.\d+)?B|\d+(?:\.\d+)?[BbMm]|\d+x\d+B|e\d+b)(?![A-Za-z0-9_])"
_PART = r"(?:" + _VERSION + r"|" + _TIER + r")"
_O_SERIES = re.compile(r"(?<![A-Za-z0-9_.\-])(?:OpenAI[\s\-])?(?P<name>o[1-9](?:-(?:mini|pro|preview|Mini|Pro|Preview))?)"
                       r"(?![A-Za-z0-9_]|[.\-][A-Za-z0-9])")
_DIGIT = re.compile(r"\d")
_O_HINT = re.compile(r"o[1-9]")
"""Every o-series name holds "o" and a digit: texts without one skip _O_SERIES, whose leading look-behind is tried at
every position."""
_SPACES = re.compile(r"\s+")
_SLUG_POINT = re.compile(r"-(\d)-(\d)(?=-|$)")
_CLAUDE_MODE = re.compile(r"[\s\-]Thinking$", re.IGNORECASE)
_CLAUDE_NAME = re.compile(r"Claude[\s\-]?(?:(\d+(?:\.\d+)?)[\s\-](Opus|Sonnet|Haiku)|(Opus|Sonnet|Haiku)[\s\-](\d+(?:\.\d+)?))",
                          re.IGNORECASE)
_CLAUDE_VERSION = re.compile(r"[\s\-]?\d(?:\.\d)?(?!\d)")
_GEMINI_TIER_FIRST = re.compile(r"Gemini[\s\-](Pro|Flash|Ultra|Nano)[\s\-](\d+(?:\.\d+)?)", re.IGNORECASE)
_V_HYPHEN = re.compile(r"([Vv]\d)-(\d)(?=-|$)")
_DEEPSEEK_BARE = re.compile(r"[\s\-]?[2-9](?:\.\d)?")
_SPACE_DIGIT = re.compile(r"\s\d")
_QWEN_SPACED = re.compile(r"\s\d+(?:\.\d+)?")
_LOWER_WRITTEN = re.compile(r"[A-Za-z][\w]*-\d")
"""canonical() and find() run once per name found: their patterns are compiled here, not looked up in re's cache."""
_NOT_BEFORE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-")
_LOWER_JOIN = re.compile(r"[a-z]-\d")
_WORD_JOIN = re.compile(r"\w-\d")
_CUT = "\n\r\t\f\v,;:()[]{}!?\"|/*<>=。、，：；（）「」『』"
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"


class Spans:
    """Non-overlapping (start, end) spans in order, asked about overlaps in logarithmic time (no quadratic scans)."""

    def __init__(self, spans=()):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1
        while i >= 0:
            s, e = self.spans[i]
            if e > start:
                return True
            if e <= start:
                return False
            i -= 1
        return False

    def contains(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.spans[i][1] >= end

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.spans.insert(i, (start, end))


@dataclass(frozen=True)
class NameHit:
    start: int
    end: int
    text: str
    """As written in the source."""
    name: str
    """Canonical spelling."""
    vendor_name: str | None


def _head_pattern(heads: list[str]) -> re.Pattern:
    alts = "|".join(re.escape(h) for h in sorted(set(heads), key=len, reverse=True))
    return re.compile(
        r"(?P<head>" + alts + r")(?P<rest>(?:[\- ]?" + _TIER + r"){0,2}(?:[\- ]?" + _VERSION + r")"
        r"(?:-" + _PART + r"| " + _TIER + r"| " + _SIZE + r"){0,6})"
        r"(?![A-Za-z0-9_]|[.\-][A-Za-z0-9])")


class NameFinder:
    def __init__(self, known_first_words=()):
        heads = list(HEAD_VENDOR)
        heads += [w for w in known_first_words if len(w) >= 3 and w[0].isupper() and not w.isdigit()]
        self.heads: dict[str, str] = {}
        for h in heads:
            self.heads.setdefault(h.casefold(), h)
        # a camel-cased head written with one capital ("Alphacode 2", "Minimax M2") is the same line
        heads += [h[0] + h[1:].lower() for h in heads if re.fullmatch(r"[A-Z][a-z]+[A-Z]\w*", h)]
        # a line spelt in lower case is written in capitals in tables and headlines ("GPT-OSS-20B" for gpt-oss-20b)
        heads += [h.upper() for h in heads if h.islower() and "-" in h]
        self._pattern = _head_pattern(heads)
        self._lower = re.compile(self._pattern.pattern, re.IGNORECASE)
        cut = "".join(c for c in _CUT if not any(c in h for h in heads))
        self._stretch = re.compile("[^" + re.escape(cut) + "]+")
        """Stretches between characters no name can hold (no head holds them; versions, tiers and their joins are
        letters, digits, ".", "-" and " "): every match of the ignore-case pass lies inside one stretch."""

    def _lower_matches(self, text: str):
        """The ignore-case pass's matches, scanned only in stretches with a letter hyphen-joined to a digit: a match is
        kept only when its text has one, and the ignore-case alternation is slow (no fast first-character skip).
        Scanning a stretch alone finds what scanning the whole text finds there: the pattern looks at nothing
        before a match, and past a stretch's end it sees a cut character, which its look-aheads treat as the end."""
        for stretch in self._stretch.finditer(text):
            start, end = stretch.span()
            if _WORD_JOIN.search(text, start, end):
                yield from self._lower.finditer(text, start, end)

    def find(self, text: str) -> list[NameHit]:
        out: list[NameHit] = []
        taken = Spans()
        if not _DIGIT.search(text):
            return out
        passes = [(self._pattern, True)]
        if _LOWER_JOIN.search(text):
            passes.append((self._lower, False))
        for pattern, strict in passes:
            for m in (pattern.finditer(text) if strict else self._lower_matches(text)):
                if m.start() and text[m.start() - 1] in _NOT_BEFORE:
                    continue
                if taken.overlaps(m.start(), m.end()):
                    continue
                written = m.group(0).rstrip(" -")
                if not strict and not _LOWER_WRITTEN.match(written):
                    continue  # lower-case only when hyphen-joined to a version: "gpt-4.1", "gemma-3"
                name = canonical(m.group("head"), m.group("rest").rstrip(" -"))
                if name is None:
                    continue
                if m.group("head").isupper() and self.heads.get(m.group("head").casefold(), "").islower():
                    name = name.lower()  # "GPT-OSS-20B": the line's own spelling, gpt-oss-20b
                end = m.start() + len(written)
                taken.add(m.start(), end)
                head = self.heads.get(m.group("head").casefold(), m.group("head"))
                vendor = HEAD_VENDOR.get(head) or HEAD_VENDOR.get(self.heads.get(head.rstrip("0123456789.").casefold(), ""))
                out.append(NameHit(m.start(), end, written, name, vendor))
        for m in (_O_SERIES.finditer(text) if _O_HINT.search(text) else ()):
            if taken.overlaps(m.start(), m.end()):
                continue
            taken.add(m.start(), m.end())
            out.append(NameHit(m.start(), m.end(), m.group(0), "OpenAI " + m.group("name").lower(), "OpenAI"))
        return sorted(out, key=lambda h: h.start)


_API_SNAPSHOT = re.compile(r"[-_ ](?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$")
"""OpenAI and Anthropic date API snapshots with a month and day after the name ("gpt-4-0613", "claude-3-5-sonnet-1022");
other makers' "-0324" or "-2507" can name a distinct release ("DeepSeek-V3-0324"), so only those two lines drop it."""
API_SNAPSHOT_VENDORS = ("openai", "anthropic")


def without_api_snapshot(name: str) -> str:
    """"o1-1217" is OpenAI o1 as served on 17 December: the name without its month-and-day snapshot."""
    return _API_SNAPSHOT.sub("", name)


def canonical(head: str, rest: str) -> str | None:
    """The usual spelling of a model name, or None when it is no versioned model."""
    if not _DIGIT.search(rest):
        return None
    if head.casefold() in ("opus", "sonnet", "haiku"):
        if not _CLAUDE_VERSION.match(rest):
            return None  # "Sonnet 18" is Shakespeare's: Claude's versions are single digits
        head, rest = "Claude", " " + head.capitalize() + rest  # "Opus 4.1" is Claude Opus 4.1
    parts = [p for p in _SPACES.split(rest.strip()) if p]
    text = head + rest
    if text.islower() and "-" in text:
        text = _SLUG_POINT.sub(r"-\1.\2", text)  # the slug "gemini-2-5-pro" is Gemini 2.5 Pro
    if head.upper() == "GPT" or head.casefold() == "claude":
        text = _API_SNAPSHOT.sub("", text)  # "GPT-3.5-Turbo-0125", "Claude-3-Opus-0229": a dated API snapshot
    if head.casefold() == "claude":
        text = _CLAUDE_MODE.sub("", text)  # a mode, never part of a Claude name
        m = _CLAUDE_NAME.fullmatch(text)
        if m:
            version, tier = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            # Anthropic put the version first up to 3.x ("Claude 3.5 Sonnet") and the tier first from 4 on
            if float(version.split(".")[0]) < 4:
                return f"Claude {version} {tier.capitalize()}"
            return f"Claude {tier.capitalize()} {version}"
    if head.casefold() == "gemini" and (m := _GEMINI_TIER_FIRST.fullmatch(text)):
        return f"Gemini {m.group(2)} {m.group(1).capitalize()}"  # "Gemini Pro 1.5" is Gemini 1.5 Pro
    text = _V_HYPHEN.sub(r"\1.\2", text)  # "DeepSeek-V3-2-Exp": a hyphen written for the dot
    if head.casefold() == "deepseek" and _DEEPSEEK_BARE.fullmatch(rest):
        return "DeepSeek-V" + rest.strip(" -")  # "Deepseek-3.1" is DeepSeek-V3.1: the line's versions carry a V
    if head.upper() == "GPT" and (_SPACE_DIGIT.match(rest) or rest[:1].isdigit()):  # "GPT 5", "GPT3.5-Turbo"
        text = "GPT-" + rest.strip()
    if parts and head.casefold() == "qwen" and _QWEN_SPACED.fullmatch(rest[:len(parts[0]) + 1]):
        text = "Qwen" + rest.lstrip()
    return _SPACES.sub(" ", text).strip()


_HEAD_SPLIT = re.compile(r"(?<=[A-Za-z])(?=[\s\-])")


def word_orders(name: str) -> set[str]:
    """The name and its usual spelling when that differs only in word order: catalogs write "Claude Sonnet 3.7" and
    "Claude Haiku 3.5", Anthropic and most articles "Claude 3.7 Sonnet"; both are one model. Only a reordering of the
    same words counts, so a snapshot suffix that canonical() drops ("GPT-4o-0513") still names its own record row."""
    parts = _HEAD_SPLIT.split(name, maxsplit=1)
    usual = canonical(parts[0], parts[1]) if len(parts) == 2 else None
    if usual and sorted(re.split(r"[\s\-]+", usual.casefold())) == sorted(re.split(r"[\s\-]+", name.casefold())):
        return {name, usual}
    return {name}


_GENERATION = re.compile(r"(?:Claude|Gemini|Gemma|Llama|LLaMA|Qwen|Mistral|OLMo)[\s\-]?\d+(?:\.\d+)?", re.IGNORECASE)


def is_generation(name: str) -> bool:
    """"Claude 4", "Qwen3", "Llama 4", "Gemini 2.5": a line and a version but no tier or size. These lines ship only
    tiers and sizes ("Claude Sonnet 4", "Qwen3-235B-A22B"), so the bare name is a generation of models: a model only
    when the text claims something of it, as if it were one ("Claude 4 scored 72.5%"), never for being mentioned
    ("the Claude 4 family"). Lines whose bare version is itself a model ("GPT-5", "Grok 4", "Phi-4") are not here."""
    return bool(_GENERATION.fullmatch(name.strip()))


def strip_cjk_edges(text: str) -> str:
    return re.sub(f"[{_CJK}]+$", "", text)
