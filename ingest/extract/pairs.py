"""Scores stated as a pair: "44,4 % contre 42 %", "57% vs 49%", "obtenant respectivement 68 % contre 65 % pour GPT-5,
et 16 % contre 9,9 %".

Rules: a pair needs a percent sign and a sentence naming two models and a benchmark; the first figure is the
sentence's first model's, the second the model named right after the pair ("pour GPT-5") or else the second model
named; with "respectively" and as many benchmarks as pairs they go in order, else all pairs share the sentence's one
benchmark (none with two benchmarks and no "respectively"). The pair's figures are then nobody else's.
A pair in brackets after a comparison word and its one named object ("Supera a GPT-5.2 en BrowseComp (78.4 frente
a 54.9)"): the second figure is the object's, the first the comparison's subject's, when the sentence's comparison
of that object has one ("Kimi K2.5 beats GPT-5.2 on BrowseComp (78.4 vs 54.9)", or the article's topic for a
sentence with no subject), else nobody's.
"Respectively" lists ("A and B scored 74.9% and 74.5%", "A 和 B 分别为 …", "A와 B는 각각 …"): as many listed
figures as listed models, in order, on the sentence's one benchmark; a list that does not pair up gives its
figures to nobody, since proximity would hand them all to the last model.
A figure followed by a model in brackets ("37.5 % (Gemini) vs 21.8 % (GPT-5.1)", "77.2% (Claude Sonnet 4.5), 76.3%
(GPT-5.1)") is that model's, on the sentence's one benchmark, and so is a figure the model is said to have got
("respecto al 33,2 % obtenido por GPT-4o", "the 72.1% achieved by Gemini 3 Pro").
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


def bench_score(subject: ModelRef, bench: Hit, quote: str, value: float, value_text: str,
                unit: str | None) -> CandidateClaim:
    """A score on a benchmark hit: a hit the record does not know ("text:…") keeps its written name instead of an id."""
    known = not bench.id.startswith("text:")
    return CandidateClaim("benchmark_score", subject, quote, "vendor_reported", benchmark_id=bench.id if known else None,
                          benchmark_text=None if known else bench.text, value=value, value_text=value_text, unit=unit)


def versus_scores(sentence: str, hits: list[Hit], ref: Callable[[Hit], ModelRef]) -> list[CandidateClaim]:
    if "%" not in sentence:
        return []
    models = [h for h in hits if h.kind == "model"]
    benches = [h for h in hits if h.kind == "benchmark"]
    if len({h.id for h in models}) < 2 or not benches:
        return []  # checked before the ignore-case scan, which most sentences then skip
    pairs = [m for m in VERSUS.finditer(sentence) if m.group("pa") or m.group("pb")]
    if not pairs:
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
            out.append(bench_score(ref(model), bench, sentence.strip(), value, pair.group(key), "%"))
    return out


_RESPECTIVE = re.compile(r"[Rr]espectiv|[Jj]eweils|[Сс]оответственно|分别|分別|それぞれ|각각")
"""Case-sensitive on purpose: it runs on every sentence, and an ignore-case alternation is several times slower."""
_FIG_JOIN = re.compile(r"\s*[,，、/]?\s*(?:and|et|und|y|e|и|和|与|與|及|以及|と|や|와|과|및)?\s*(?:un[ae]?|an?)?\s*",
                       re.IGNORECASE)
"""Between the figures of a "respectively" list: "74,9 % y un 74,5 %", "80.9% 和 76.2%", "80.9%, 76.2%"."""
_MODEL_JOIN = re.compile(r"\s*[」』\"'”’)]?\s*(?:\([^()]{0,30}\))?\s*[,，、]?\s*(?:and|et|und|y|e|и|和|与|與|及|以及|と|や|와|과|및)?"
                         r"\s*[「『\"'“‘(]?\s*", re.IGNORECASE)


_BY_BEFORE = re.compile(r"(?P<fig>" + _FIG + r")\s?(?P<pct>%|percent)?\s*(?:(?:obtained|achieved|scored|posted|recorded|"
                        r"reached|obtenid[oa]s?|lograd[oa]s?|alcanzad[oa]s?|conseguid[oa]s?|registrad[oa]s?|obtenue?s?|"
                        r"atteinte?s?|réalisée?s?|erreicht|erzielt)\s+(?:by|por|par|von)\s+(?:the\s+|el\s+|la\s+|le\s+|l'|"
                        r"dem\s+|der\s+)?(?:[A-Z][\w\-]*\s+)?)$", re.IGNORECASE)
_BRACKET_BEFORE = re.compile(r"(?P<fig>" + _FIG + r")\s?(?P<pct>%|percent)?\s*[(（]\s*(?:[A-Z][\w\-]*\s+)?$")
_BRACKET_AFTER = re.compile(r"\s*[)）]")


def figure_then_model_scores(sentence: str, hits: list[Hit], ref: Callable[[Hit], ModelRef]) -> list[CandidateClaim]:
    benches = {h.id: h for h in hits if h.kind == "benchmark"}
    if len(benches) != 1:
        return []
    bench = next(iter(benches.values()))
    out = []
    for model in (h for h in hits if h.kind == "model"):
        before = _BRACKET_BEFORE.search(sentence, max(0, model.start - 40), model.start)
        if before is None or before.end() != model.start or not _BRACKET_AFTER.match(sentence, model.end):
            before = _BY_BEFORE.search(sentence, max(0, model.start - 60), model.start)
        if before is None or before.end() != model.start:
            continue
        value = parse_number(before.group("fig"))
        if value is None or (before.group("pct") and value > 100):
            continue
        out.append(bench_score(ref(model), bench, sentence.strip(), value, before.group("fig"),
                               "%" if before.group("pct") else None))
    return out


def respective_scores(sentence: str, hits: list[Hit], ref: Callable[[Hit], ModelRef],
                      figures: Callable) -> tuple[list[CandidateClaim], set[float]]:
    """"GPT-5 and Claude Opus 4.1 scored 74.9% and 74.5% on SWE-bench Verified, respectively", "A 和 B 分别取得 80.9% 和
    76.2%", "A와 B는 각각 80.9%, 76.2%": listed models and listed figures go in order, on the sentence's one benchmark
    (or one model's figures on as many listed benchmarks). Returns the scores and the figures a "respectively" list
    holds but could not be paired (nobody's: a wrong pairing is worse than none)."""
    models = [h for h in hits if h.kind == "model"]
    benches = [h for h in hits if h.kind == "benchmark"]
    if not models or not benches or not _RESPECTIVE.search(sentence):  # the scan last: most sentences stop before
        return [], set()
    group = _listed(models, sentence)
    figs = [f for f in figures(sentence) if f.start >= group[0].end and not any(h.start <= f.start < h.end for h in hits)]
    run = _figure_run(figs, sentence)
    if len(run) < 2:
        return [], set()
    pairs: list[tuple[Hit, Hit, object]] = []
    if benches[0].start > run[-1].end and any(f.start > benches[0].end for f in figures(sentence)):
        return [], {f.value for f in run} if len(group) > 1 else set()  # the benchmark after is another clause's
    if len(group) == len(run) and len({b.id for b in benches}) == 1:
        pairs = [(m, benches[0], f) for m, f in zip(group, run)]
    elif len({m.id for m in models}) == 1 and len(benches) == len(run):
        pairs = [(models[0], b, f) for b, f in zip(benches, run)]
    if not pairs:
        return [], {f.value for f in run} if len(group) > 1 else set()
    out = []
    for model, bench, fig in pairs:
        out.append(bench_score(ref(model), bench, sentence.strip(), fig.value, fig.text, fig.unit if fig.unit == "%" else None))
    return out, set()


def _listed(models: list[Hit], sentence: str) -> list[Hit]:
    """The longest run of models listed together ("A, B and C", "A 和 B", "A와 B")."""
    return _longest_run(models, lambda a, b: bool(_MODEL_JOIN.fullmatch(sentence[a.end:b.start])) and b.id != a.id)


def _figure_run(figs: list, sentence: str) -> list:
    """The first run of figures listed together."""
    return _longest_run(figs, lambda a, b: bool(_FIG_JOIN.fullmatch(sentence[a.end:b.start])))


def _longest_run(items: list, joined) -> list:
    """The first longest run of consecutive items each joined to the one before."""
    best: list = []
    run: list = []
    for x in items:
        run = run + [x] if run and joined(run[-1], x) else [x]
        if len(run) > len(best):
            best = list(run)
    return best


_BRACKET_PAIR = re.compile(r"\(\s*(?P<a>" + _FIG + r")\s?%?\s*(?:contre|vs\.?|versus|gegenüber|frente\s+al?|против|对|対)\s*"
                           r"(?P<b>" + _FIG + r")\s?%?\s*\)", re.IGNORECASE)


def object_pair(sentence: str, hits: list[Hit], ref: Callable[[Hit], ModelRef], compared: Callable[[str], bool],
                subject_of: Callable[[ModelRef], ModelRef | None] = lambda _: None
                ) -> tuple[list[CandidateClaim], set[float]]:
    """"Supera a GPT-5.2 en BrowseComp (78.4 frente a 54.9)": the one model named is the object of the comparison
    word before it, so the pair's second figure is its score and the first is the comparison's subject's
    (`subject_of(object)`), or nobody's we can name."""
    if "(" not in sentence:
        return [], set()
    m = _BRACKET_PAIR.search(sentence)
    if m is None:
        return [], set()
    before = [h for h in hits if h.kind == "model" and h.end <= m.start()]
    if not before or not compared(sentence[:before[-1].start]):
        return [], set()
    model = before[-1]
    benches = [h for h in hits if h.kind == "benchmark" and model.end <= h.start and h.end <= m.start()]
    if len({b.id for b in benches}) != 1:
        return [], set()
    a, b = parse_number(m.group("a")), parse_number(m.group("b"))
    if a is None or b is None or b > 100 and "%" in m.group(0):
        return [], set()
    bench, unit = benches[0], "%" if "%" in m.group(0) else None
    obj = ref(model)
    claims = [bench_score(obj, bench, sentence.strip(), b, m.group("b"), unit)]
    subject = subject_of(obj)
    if subject is None or (subject.model_id or subject.text) == (obj.model_id or obj.text):
        return claims, {a}
    return [bench_score(subject, bench, sentence.strip(), a, m.group("a"), unit), *claims], set()
