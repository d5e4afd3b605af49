"""Model and benchmark names written in Korean or Japanese script: "그록 4 헤비" is Grok 4 Heavy, "GPQA 다이아몬드"
is GPQA Diamond, "인류의 마지막 시험" is Humanity's Last Exam.

Rules: a transliterated line head ("그록", "클로드", "ジェミニ") followed by a version, with optional tier words
before or after it ("클로드 오퍼스 4", "제미나이 2.5 프로", "딥시크 V3.2"), is spelled in Latin letters and then goes through
the same canonical spelling and record look-up as any other name; a head without a version is a family and
no model; a tier word in Hangul or kana after a Latin name ("o4-미니") is part of it. Benchmark names are a short fixed list of the translations articles use. One alternation per
pattern, no nested quantifiers; nothing is tried unless the text holds Hangul or kana.
"""
from __future__ import annotations

import re

HEADS = {
    "그록": "Grok", "제미나이": "Gemini", "제미니": "Gemini", "클로드": "Claude", "큐원": "Qwen", "큐웬": "Qwen",
    "딥시크": "DeepSeek", "엑사원": "EXAONE", "솔라": "Solar", "라마": "Llama", "미스트랄": "Mistral", "키미": "Kimi", "젬마": "Gemma",
    "ジェミニ": "Gemini", "クロード": "Claude", "グロック": "Grok", "ディープシーク": "DeepSeek", "ラマ": "Llama",
}
TIERS = {
    "오퍼스": "Opus", "소네트": "Sonnet", "소넷": "Sonnet", "하이쿠": "Haiku", "프로": "Pro", "플래시": "Flash",
    "헤비": "Heavy", "코덱스": "Codex", "미니": "Mini", "맥스": "Max", "울트라": "Ultra", "나노": "Nano", "씽킹": "Thinking", "싱킹": "Thinking",
    "オーパス": "Opus", "ソネット": "Sonnet", "ハイク": "Haiku", "プロ": "Pro", "フラッシュ": "Flash",
}
BENCHMARKS = {
    "GPQA 다이아몬드": "GPQA Diamond", "GPQA다이아몬드": "GPQA Diamond", "MMLU-프로": "MMLU-Pro",
    "MMLU 프로": "MMLU-Pro", "인류의 마지막 시험": "Humanity's Last Exam", "인류 최후의 시험": "Humanity's Last Exam",
    "휴머니티스 라스트 엑잠": "Humanity's Last Exam", "人類最後の試験": "Humanity's Last Exam",
    "人类最后的考试": "Humanity's Last Exam", "人類最後的考試": "Humanity's Last Exam",
    "AI 지능지수": "Artificial Analysis Intelligence Index", "人工智能分析指数": "Artificial Analysis Intelligence Index",
    "人工分析智能指数": "Artificial Analysis Intelligence Index", "LM아레나": "LMArena", "LM 아레나": "LMArena",
}
_SCRIPT = re.compile(r"[\u3040-\u30ff\uac00-\ud7af]")
_HEAD = "|".join(sorted(HEADS, key=len, reverse=True))
_TIER = "|".join(sorted(TIERS, key=len, reverse=True))
MODEL = re.compile(r"(?P<head>" + _HEAD + r") ?(?P<pre>(?:" + _TIER + r") ?)?(?P<v>[VRK]?\d+(?:\.\d+)?)(?![\d.]\d)"
                   r"(?P<size> \d+(?:\.\d+)?[BbMm](?![\w]))?(?P<post>(?: ?(?:" + _TIER + r")){0,2})")
LATIN_TIER = re.compile(r"[\s-]?(?P<tier>" + _TIER + r")(?=$|[^\uac00-\ud7af\u3040-\u30ff]|(?:은|는|이|가|을|를|와|과|의|도|로|에|만|は|が|を|と|の|で|も))")
"""A tier written in Hangul or kana after a Latin name ("o4-미니", "GPT-5 프로는"), not the start of a word ("프로그램")."""
HEAD_THEN_LATIN = re.compile(r"(?P<head>" + _HEAD + r")(?=[ -]?[A-Z0-9])")
"""A transliterated head followed by a Latin version and tiers: "딥시크-V3.2-Speciale", "제미나이 3 Pro"."""
BENCH = re.compile("|".join(re.escape(k) for k in sorted(BENCHMARKS, key=len, reverse=True)))


def models(text: str) -> list[tuple[int, int, str, str, str]]:
    """(start, end, written, head, rest) for every transliterated versioned name, head and rest in Latin letters."""
    if not _SCRIPT.search(text):
        return []
    out = []
    for m in MODEL.finditer(text):
        pre = TIERS[m.group("pre").strip()] + " " if m.group("pre") else ""
        post = "".join(" " + TIERS[t] for t in re.findall(_TIER, m.group("post") or ""))
        size = m.group("size") or ""
        out.append((m.start(), m.end(), m.group(0), HEADS[m.group("head")], f" {pre}{m.group('v')}{size}{post}"))
    return out


def benchmarks(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, written, English name) for every translated benchmark name."""
    if not _SCRIPT.search(text) and not re.search(r"[\u4e00-\u9fff]", text):
        return []
    return [(m.start(), m.end(), m.group(0), BENCHMARKS[m.group(0)]) for m in BENCH.finditer(text)]


def tier_after(text: str, end: int) -> tuple[int, str] | None:
    """(end, tier in Latin letters) of a Hangul or kana tier word right after a Latin name ending at `end`."""
    m = LATIN_TIER.match(text, end)
    return (m.end("tier"), TIERS[m.group("tier")]) if m else None


def mixed(text: str) -> list[tuple[int, int, str, str]]:
    """(start, where the Latin text starts, head in Latin letters, the Latin text after the head up to the next
    Hangul or kana) for every
    transliterated head written before a Latin version ("딥시크-V3.2-Speciale는" -> "DeepSeek", "-V3.2-Speciale")."""
    if not _SCRIPT.search(text):
        return []
    out = []
    for m in HEAD_THEN_LATIN.finditer(text):
        tail = re.match(r"[ \-A-Za-z0-9.]{1,40}", text[m.end():])
        if tail:
            out.append((m.start(), m.end(), HEADS[m.group("head")], tail.group(0)))
    return out
