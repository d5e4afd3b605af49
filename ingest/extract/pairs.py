"""Scores stated as a pair: "44,4 % contre 42 %", "57% vs 49%", "obtenant respectivement 68 % contre 65 % pour GPT-5,
et 16 % contre 9,9 %".

Rules: a pair needs a percent sign and a sentence naming two models and a benchmark; the first figure is the
sentence's first model's, the second the model named right after the pair ("pour GPT-5") or else the second model
named; with "respectively" and as many benchmarks as pairs they go in order, else all pairs share the sentence's one
benchmark (none with two benchmarks and no "respectively"). The pair's figures are then nobody else's.
"""
from __future__ import annotations

import re
from typing import Callable

from .gazetteer import Hit
from .textnorm import parse_number
from .types import CandidateClaim, ModelRef

_FIG = r"\d{1,4}(?:[.,]\d{1,3})?"
VERSUS = re.compile(r"(?P<a>" + _FIG + r")\s?(?P<pa>%)?\s*(?:contre|vs\.?|versus|gegenüber|frente\s+al?|против|对)\s*"
                    r"(?P<b>" + _FIG + r")\s?(?P<pb>%)?(?P<for>\s*(?:pour|for|für|para|у|de)\s+)?", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"respectivement|respectively|respectivamente|jeweils|соответственно|分别|それぞれ", re.IGNORECASE)


def versus_scores(sentence: str, hits: list[Hit], ref: Callable[[Hit], ModelRef]) -> list[CandidateClaim]:
    if "%" not in sentence:
        return []
    pairs = [m for m in VERSUS.finditer(sentence) if m.group("pa") or m.group("pb")]
    if not pairs:
        return []
    models = [h for h in hits if h.kind == "model"]
    benches = [h for h in hits if h.kind == "benchmark"]
    if len({h.id for h in models}) < 2 or not benches:
        return []
    subject = models[0]
    others = [h for h in models if h.id != subject.id]
    in_order = bool(_RESPECTIVELY.search(sentence)) and len(benches) == len(pairs)
    if not in_order and len({b.id for b in benches}) != 1:
        return []
    out = []
    for i, pair in enumerate(pairs):
        named = next((h for h in others if pair.group("for") and h.start == pair.end()), None)
        before = [h for h in others if h.end <= pair.start()]
        other = named or (before[0] if before else others[0])
        bench = benches[i] if in_order else benches[0]
        for model, key in ((subject, "a"), (other, "b")):
            value = parse_number(pair.group(key))
            if value is None or value > 100:
                continue
            out.append(CandidateClaim("benchmark_score", ref(model), sentence.strip(), "vendor_reported",
                                      benchmark_id=None if bench.id.startswith("text:") else bench.id,
                                      benchmark_text=bench.text if bench.id.startswith("text:") else None,
                                      value=value, value_text=pair.group(key), unit="%"))
    return out
