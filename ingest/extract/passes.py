"""Language-neutral passes over one sentence: scores by proximity, releases and comparisons in seven more languages.

Rules, all within one sentence and one segment (list items " - ", "•" and
";" split segments): a figure is a score when a benchmark is named in its
segment (or is the sentence's only one) and the figure has a unit, sits right
after its model or benchmark, or follows a score verb; its model is the
nearest one before it with no other figure and no comparison verb between
(so "surpassing GPT-4.1 (48.6%)" is GPT-4.1's figure, and "Kimi K2.5 scored
76.8, GPT-5.1 74.9 and Gemini 3 Pro 76.2 on SWE-bench Verified" gives three
scores), else, for "Benchmark: figure" items, the model the section is about; a figure on the next benchmark
with no model, comparison or contrast word since the last score is that score's model's ("在 HLE 上得分 44.9%,在
BrowseComp 上取得 60.2%"); in Korean and Japanese the score verb may come after the figure, or a particle that
makes it one ("1,721.9점으로 2위", "41.0%を達成"); a figure right after
a possessive of a name that is no model ("제미나이의 21%") is nobody's; a figure followed by "pour/for/de" and a
model is that model's ("contre 76,3 % pour GPT-5.1"); a leading with-phrase ("Avec 80,9 % sur X, M …") is the
model's that opens the main clause; "Qwen mit 90,2 Punkten" (the maker, "with", a figure) is the text's model's
figure when Qwen makes it; a benchmark written right after a figure ("44,9% в A и 60,2% в B") is its own.
Releases: a release word with the model it governs, after it (SVO) or before
it with an object particle (Japanese, Korean) or right before it (headlines,
passives); hedged or negated words are skipped. Comparisons: the first model
of the clause is the subject, the models after the verb (or, in verb-final
languages, between subject and verb) are compared; "与 X 相当" / "X と同等"
make X the object of the model the text is about, and so does a Korean or Japanese clause whose only models
are marked as objects ("그록 4를 … 앞섰다": the subject is dropped); "X보다 낮/높", "Xより高い" compare with X;
German "Damit lässt es A als auch B hinter sich" (pronoun after the verb) and Russian verbal adverbs
("превосходя 44.7% у GPT-4.1 и 46.9% у DeepSeek V3") have the text's model as subject.
"""
from __future__ import annotations

import re
from typing import Callable

from . import lexicon
from .dates import find_dates
from .gazetteer import Hit
from .textnorm import figures, gap
from .types import CandidateClaim, CandidateRelease, ModelRef

_SEGMENT = re.compile(r"\s[-–—•]\s|•|;|；|\n|[,，]?\s?(?:但是|但|然而|しかし|하지만|그러나)|,\s(?:but|mais|aber|pero|но)\b")
_PRONOUN = re.compile(r"其|它|该模型|这个|这款|该|この|その|이\s?모델|그\s?모델|\b(?:le\s+modèle|das\s+Modell|el\s+modelo|"
                      r"the\s+model|модель)\b|(?:^|[,;:—]\s*|\b(?:and|but)\s+)(?:it|its)\b|"
                      r"\b(?:dieser\s+wert|diese\s+zahl|this\s+(?:score|figure|result)|ce\s+(?:score|résultat|chiffre)|"
                      r"est[ea]\s+(?:valor|resultado|cifra|dato)|этот\s+результат)\b|"
                      r"\b(?:lo|la|le|l')\s*(?:posiciona|sitúa|situa|coloca|place|positionne)\w*|"
                      r"(?<!\w)(?:il|elle|sa|son|ses|er|es|sie|seine?|ihre?|su|sus|él|ella|он[ао]?|её|его)(?!\w)",
                      re.IGNORECASE)
"""Words that stand for the model the text is about; English "it" only as a clause's subject ("I opened it" is not)."""
_CHAIN = re.compile(r"\s*(?:\([^()]{0,40}\))?(?:\s*(?:with|without|w/o|avec|sans|mit|ohne|con|sin)\s+[\w\- ]{1,25}?)?"
                    r"\s*(?:on|in|sur|auf|en|на)?\s*\(?\s*(?:and|/|or|et|und|y|и|、|,)\s*",
                    re.IGNORECASE)
_DIGIT_RE = re.compile(r"\d")
_LIST_ITEM = re.compile(r"\s*(?:[-*•]|\d{1,2}[.)])\s")
_FOLLOWING_BENCH = re.compile(r"\s*%?\s*(?:on|in|at|sur|auf|bei|en|на|в)\s+(?:the\s+)?", re.IGNORECASE)
_BENCH_ADJACENT = re.compile(r"\s*[’'\"”」』]?\s*(?:\([^()]{0,80}\))?\s*[’'\"”」』]?\s*(?:[:=：]|でも|では|で|에서는|에서도|에서|서)?"
                             r"\s*\(?\s*")
"""Between a benchmark and its figure: "GPQA: 88%", "MMLU-Pro(87%)", "SWE-bench Verifiedで77.2%", "‘…시험’(HLE)서 25.4%"."""
_AT_LEAD = re.compile(r"\s*(?:bei|mit|at|with|avec|à|con|en|с|на)\s+", re.IGNORECASE)
""""während Gemini 3 Pro bei 83,3 … liegen": a model, a preposition, its figure."""
_SCORE_AFTER = re.compile(r"\s?(?:으로|로|의\s?(?:정답률|점수|성적|정확도)|[을를]\s?기록|で(?:首位|トップ|\d位)|を(?:記録|達成|獲得)|"
                          r"という(?:スコア|記録|正答率))")
"""Korean and Japanese say what a figure is right after it: "1,721.9점으로 2위" (with N points), "96.0%의 정답률",
"41.0%を達成": with a unit, the figure is a score of the model the text is about."""
_OWNER_BEFORE = re.compile(r"\S(?:의|的|の)\s*$|\b(?:de|of|von|от)\s+\S+\s*$")
"""A figure owned by a name we do not know as a model ("제미나이의 21%", "de Gemini 21 %") is nobody's we can name."""
_SCORE_VERB = re.compile(
    r"scor\w*|achiev\w*|reach\w*|hit|post\w*|obtain\w*|record\w*|get|got|获得|取得|达到|達到|得分|拿下|狂砍|記録|達成|獲得|"
    r"기록|달성|얻었|얻으며|얻어|받았|받으며|거뒀|거두|정답률|점수|スコア|正答率|正解率|准确率|正确率|準確率|成绩|成績|obten\w*|obtien\w*|obtenu|atteint|erreicht|erzielt\w*|alcanz\w*|obtuv\w*|logr\w*|registr\w*|набра\w*|показал\w*|"
    r"достиг\w*|получил\w*", re.IGNORECASE)
_EN_COMPARE = re.compile(r"\b(?:surpass\w*|outperform\w*|beat\w*|exceed\w*|ahead\s+of|over|than|versus|vs\.?|against|"
                         r"behind|trail\w*)\b", re.IGNORECASE)
_CONDITION = re.compile(r"\s?(?:\((?P<paren>[^()]{1,40})\)|(?P<with>(?:with|without|w/o|avec|sans|mit|ohne|con|sin|с|без)"
                        r"\s+[\w\-@ ]{1,25}?)(?=[,.;)]|\s(?:and|on|in)\b|\s[/\-–—]|$))", re.IGNORECASE)
_PASS_AT = re.compile(r"pass@\d+|avg@\d+|maj@\d+", re.IGNORECASE)
_WITH_OBJECT = re.compile(r"(?:与|和|跟|同|と|과|와|with|avec|mit|con|с)\s*$", re.IGNORECASE)
_VERB_FINAL = re.compile(r"[\u3040-\u30ff\uac00-\ud7af]")
_THAT = re.compile(r"\s*(?:que|qu'|that|dass|что|che)\b", re.IGNORECASE)
_TOPIC_PARTICLE = re.compile(r"^[」』\"'”’)\s]*(?:は|が|은|는|이|가)")
_EN_HEDGE = re.compile(r"\b(?:will|would|expected\s+to|plans?\s+to|could|may|might|rumou?red|preparing|said\s+to)\b",
                       re.IGNORECASE)
_OBJECT_PARTICLE = re.compile(r"^[」』』\"'”’)\s]*[^\s、。,，.]{0,8}?(?:を|를|을)")
_LATIN_AFTER = re.compile(r"^\s*(?:[\w'’\-]+\s+){0,6}$")
_CJK_AFTER = re.compile(r"^[\s了一个個款新模型的：:「『“\"した]{0,8}$")


_COUNTED = re.compile(r"\s?(?:occupations?|ocupaciones|professions?|profesiones|métiers|Berufe\w*|профессий|tasks?|tareas?|tâches|"
                      r"Aufgaben|задач\w*|questions?|preguntas?|Fragen|вопрос\w*|problems?|problemas?|problèmes|languages?|"
                      r"idiomas?|langues|Sprachen|языках|categor\w+|Kategorien|benchmarks|pruebas|tests|Tests|тестах|"
                      r"个任务|個任務|道题|道題|項目|问题|問題|言語|職種|개\s?(?:언어|직업|과제|문제))(?![\w-])")
_ARROW_AFTER = re.compile(r"\s?%?\s?(?:→|->|⇒|➡|➔)\s?\d")
_ARROW_BEFORE = re.compile(r"(?:→|->|⇒|➡|➔)\s?$")
_OWN_OBJECT = re.compile(r"\b(?:a|al|à|au|aux|to|than|que|als|den|die|das)\s+\w", re.IGNORECASE)
"""Between two comparison words, an object of the first's own: "superó a su antecesor y … igualó"."""
_GENERIC_SUBJECT = re.compile(r"\b(?:every|all|most|many|several|other|top)\s+(?:\w+\s+)?models?\b|\bmodels\s+(?:that|which)\b|"
                              r"\b(?:todos\s+los|la\s+mayoría\s+de\s+los|muchos)\s+modelos\b|\b(?:tous\s+les|la\s+plupart\s+des)\s+modèles\b|"
                              r"\b(?:alle|viele|die\s+meisten)\s+(?:\w+\s+)?Modelle\b|\bвсе\s+модели\b|所有模型|各模型|多数模型|"
                              r"各モデル|すべてのモデル|모든\s?모델", re.IGNORECASE)
"""A figure said of models in general ("When every major model scores above 90% on MMLU-Pro") is nobody's."""
_ROW_GAP = re.compile(r"[ \t]*%?[ \t]+")


def _in_figure_row(sentence: str, figs: list, fig) -> bool:
    """The figure stands beside another with only spaces between (a pasted table row), not alone after its benchmark."""
    return any(_ROW_GAP.fullmatch(sentence, f.end, fig.start) or _ROW_GAP.fullmatch(sentence, fig.end, f.start)
               for f in figs if f is not fig)


def _segments(sentence: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _SEGMENT.finditer(sentence):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(sentence)))
    return out


def scores(sentence: str, hits: list[Hit], ref: Callable[[Hit], ModelRef], section: ModelRef | None,
           topic: ModelRef | None = None, tails: dict[str, str] | None = None,
           lookup: Callable | None = None) -> list[CandidateClaim]:
    """Scores by proximity; `section` is the model a list or heading is about, `topic` the one the text is about."""
    models = [h for h in hits if h.kind == "model"]
    if not models and section is None and topic is None:
        return []
    benches = [h for h in hits if h.kind == "benchmark"] + unknown_benchmarks(sentence, hits)
    if not benches:
        return []
    benches.sort(key=lambda h: h.start)
    figs = [f for f in figures(sentence) if not any(h.start <= f.start < h.end for h in hits + benches)]
    out = []
    segments = _segments(sentence)
    verb_final = bool(_VERB_FINAL.search(sentence))
    """Korean and Japanese put the score verb after the figures: "EQ-Bench3에서 … 1,586점으로 1위 … 기록하며"."""
    previous = None  # (figure, subject, bench) of the last score, for "77.2% (standard) / 82.0% (parallel)"
    for fig in figs:
        if fig.unit is None and _COUNTED.match(sentence, fig.end):
            continue  # "(44 ocupaciones)", "500 tasks": a count, not a score
        if _ARROW_BEFORE.search(sentence, max(0, fig.start - 4), fig.start) or _ARROW_AFTER.match(sentence, fig.end):
            continue  # "37.6%→68.8%": a change between two models the sentence does not name, nobody's score
        seg = next(((s, e) for s, e in segments if s <= fig.start < e), (0, len(sentence)))
        in_seg = [b for b in benches if seg[0] <= b.start < seg[1]] or (benches if len(benches) == 1 else [])
        following = next((b for b in benches if b.start >= fig.end and _FOLLOWING_BENCH.fullmatch(gap(sentence, fig.end, b.start))),
                         None)
        follows = following is not None
        chained = previous is not None and previous[0].end <= fig.start and not follows and \
            _CHAIN.fullmatch(_without(sentence, previous[0].end, fig.start, previous[2]))
        if chained:
            subject, bench = previous[1], previous[2]
            model = None
        else:
            if not in_seg:
                continue
            heads = [b for b in in_seg if not (b.start >= fig.end and b is not following and _heads_next(sentence, b, figs))]
            if not heads:
                continue  # "(SWE-bench77.2%、OSWorld61.4%)": the benchmark after the figure heads the next item
            bench = following if following in heads else min(
                heads, key=lambda b: (abs((b.start if b.start >= fig.end else fig.start - b.end)), b.start > fig.end))
            model = _owner_after(sentence, models, fig) or _model_before(sentence, models, figs, fig, seg) or \
                _fronted(sentence, models, fig, seg)
            bench_gap = sentence[bench.end:fig.start] if bench.end <= fig.start else None
            bench_adjacent = bench_gap is not None and _BENCH_ADJACENT.fullmatch(gap(sentence, bench.end, fig.start))
            lead = sentence[(model.end if model is not None else seg[0]):fig.start]
            near = sentence[max([seg[0]] + [f.end for f in figs if f.end <= fig.start]):fig.start]
            implicit = model is None and fig.unit and not any(seg[0] <= m.start and m.end <= fig.start for m in models) and \
                not _GENERIC_SUBJECT.search(sentence, seg[0], fig.start) and \
                (_PRONOUN.search(near) or _SCORE_VERB.search(near) or (verb_final and (_SCORE_VERB.search(
                    sentence, fig.end, seg[1]) or _SCORE_AFTER.match(sentence, fig.end)))) and not _OWNER_BEFORE.search(near)
            list_item = bool(_LIST_ITEM.match(sentence))
            if implicit and model is None and len({m.id for m in models if m.end <= seg[0]}) == 1 and \
                    not any(m.start >= seg[0] for m in models):
                # "Das neue Gemini 3 Deep Think hat … geschlagen; es hat … 84,6 % erreicht": the clause's "es" is the
                # one model its own sentence named, not a model of the sentences before
                model = next(m for m in models if m.end <= seg[0])
            if model is None and bench_adjacent and _in_figure_row(sentence, figs, fig):
                continue  # "MMLU (Allgemeinwissen) 88,6 88,7": a table row whose columns are not known here
            subject = ref(model) if model is not None else (
                (section or (topic if list_item else None)) if bench_adjacent else (topic or section) if implicit
                else None)
            if subject is None and model is None and topic is not None and topic.vendor_id and any(
                    h.kind == "vendor" and h.id == topic.vendor_id and seg[0] <= h.start and
                    _AT_LEAD.fullmatch(gap(sentence, h.end, fig.start)) for h in hits):
                subject = topic  # "dominiert Qwen mit 90,2 Punkten": the maker stands for its model the text is about
            if model is None and previous is not None and _continues(sentence, previous, fig, bench, hits, seg):
                subject = previous[1]  # "在 HLE 上得分 44.9%,在 BrowseComp 上取得 60.2%": the same model, the next benchmark
            if subject is None:
                continue
            if not (fig.unit or bench_adjacent or (model is not None and len(lead.strip(" :(")) <= 2)
                    or _SCORE_VERB.search(lead) or (model is not None and _AT_LEAD.fullmatch(gap(lead, 0, len(lead))))):
                continue
        previous = (fig, subject, bench)
        bench_gap = sentence[bench.end:fig.start] if bench.end <= fig.start else None
        known_bench = not bench.id.startswith("text:")
        seg = next(((s, e) for s, e in segments if s <= fig.start < e), (0, len(sentence)))
        scenario = _scenario(sentence, max(seg[0], bench.end if bench.end <= fig.start else seg[0]), fig.start, bench,
                             lookup, models) if known_bench and lookup is not None else None
        if not known_bench and lookup is not None and (dated := _dated(sentence, bench, lookup)) is not None:
            scenario, known_bench = dated, True  # "2025년 미국수학경시대회(AIME)에서": the record's AIME 2025
        out.append(CandidateClaim("benchmark_score", subject, sentence.strip(), "vendor_reported",
                                  benchmark_id=scenario or (bench.id if known_bench else None),
                                  benchmark_text=None if known_bench else bench.text, value=fig.value, value_text=fig.text,
                                  unit=fig.unit if fig.unit == "%" else None,
                                  conditions=_with_tail(_conditions(sentence, fig.end, bench_gap),
                                                        (tails or {}).get(model.text) if model is not None else None)))
    return out


_BENCH_NAME = (r"(?P<name>(?:[A-Z]{2,}[A-Za-z]*|[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z][A-Za-z]*(?:Bench|bench|Eval|QA|Exam))"
               r"(?:-[A-Za-z0-9]+){0,3}(?: (?:[A-Z][A-Za-z]+|\d{1,4}(?:\.\d)?)){0,2})")
_BENCH_CONTEXTS = [
    re.compile(r"(?:^|[-•*]\s|;\s)\s*" + _BENCH_NAME + r"\s?(?:\([^()]{1,30}\))?\s?[:：]\s?\d"),
    re.compile(r"\d\s?(?:%|points?|pts|Punkten?|puntos?|балл\w*)?\s(?:on|en|sur|auf|in|на|в)\s(?:the\s|el\s|le\s|la\s)?"
               + _BENCH_NAME + r"(?![\w-])"),
    re.compile(r"(?:(?i:benchmark|бенчмарке?|banco de pruebas)\s|(?:基准|基準|ベンチマーク|벤치마크)\s?)" + _BENCH_NAME +
               r"(?![\w-])"),
    re.compile(r"(?:在|於|于)\s?" + _BENCH_NAME + r"\s?(?:\([^()]{1,30}\))?\s?(?:上|中|测试|測試|基准|基準|榜单|榜單)"),
    re.compile(r"(?<![A-Za-z0-9])" + _BENCH_NAME + r"\s?(?:\([^()]{1,30}\))?\s?(?:测试|測試|基准|基準|ベンチマーク|벤치마크)"),
    re.compile(r"(?<![A-Za-z0-9])" + _BENCH_NAME + r"\)?\s?(?:\([^()]{1,30}\))?\s?(?:で|では|において|에서|에서는)\s?\d"),
]
"""Where only a benchmark can stand: after a list marker and before a colon and a figure, after a figure and "on",
after the word benchmark (also "基準 MathArena"), and in CJK text "在 X 上", "X 测试/ベンチマーク/벤치마크", "X で/에서 <figure>" (also "(AIME)에서 96.0%"); a year written before the name ("2025년 …(AIME)") picks the
record's benchmark of that year."""
_CJK_FRAME_WORDS = (("在", "於", "于"), ("测试", "測試", "基准", "基準", "ベンチマーク", "벤치마크"), ("で", "において", "에서"))
"""A CJK frame's pattern is tried only when its words are in the sentence (each scan starts at every character)."""
_COLON_FIGURE = re.compile(r"[:：]\s?\d")
"""The first context ends in a colon and a figure: a sentence without one skips its scan (no literal starts it)."""
_CJK_TEXT = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_NOT_BENCH_NAME = re.compile(r"(?:AI|API|GPU|CPU|TPU|NPU|CEO|USD|EUR|LLM|MoE|SOTA|AGI|SDK|IDE|MCP|AWS|PDF|JSON|HTML|UI|Python|"
                             r"GitHub|OpenAI|Google|Anthropic)$")


def unknown_benchmarks(sentence: str, hits: list[Hit]) -> list[Hit]:
    """Benchmarks the record does not know, named where only a benchmark can stand: "ARC-AGI-2: 37.6%",
    "52.9% on FrontierMath", "на бенчмарке ARC-AGI-2"; kept by their written name, never stored as facts."""
    if not _DIGIT_RE.search(sentence):
        return []
    out: list[Hit] = []
    lowered = sentence.lower()
    wanted = (bool(_COLON_FIGURE.search(sentence)), True, "bench" in lowered or "бенчмарк" in lowered or "banco" in lowered or
              any(w in sentence for w in _CJK_FRAME_WORDS[1][2:]),
              *(bool(_CJK_TEXT.search(sentence)) and any(w in sentence for w in words) for words in _CJK_FRAME_WORDS))
    for pattern, needed in zip(_BENCH_CONTEXTS, wanted):
        if not needed:
            continue
        for m in pattern.finditer(sentence):
            start, end = m.start("name"), m.end("name")
            name = m.group("name").strip()
            if _NOT_BENCH_NAME.search(name) or any(h.start < end and start < h.end for h in hits + out):
                continue
            out.append(Hit("benchmark", "text:" + name, start, start + len(name), name))
    return out


_YEAR_BEFORE = re.compile(r"((?:19|20)\d\d)\s?(?:년|年)?の?\s?[^\s\d,.;:、。，]{0,12}[(（]?\s?$")


def _dated(sentence: str, bench: Hit, lookup: Callable) -> str | None:
    """A yearly test named after its year ("2025년 미국수학경시대회(AIME)", "2025年のAIME"): the record's "AIME 2025"."""
    m = _YEAR_BEFORE.search(sentence, max(0, bench.start - 24), bench.start)
    entry = lookup(f"{bench.text} {m.group(1)}") if m else None
    return entry.id if entry is not None and entry.kind == "benchmark" else None


_SCENARIO = re.compile(r"\b[A-Z][a-z]{2,}\b")


def _scenario(sentence: str, start: int, end: int, bench: Hit, lookup: Callable, names: list[Hit] = ()) -> str | None:
    """"τ2-bench …: en el escenario Retail … 86,2 %", "en Airline, 70,0 %": the record's split of the benchmark that the
    capitalised word before the figure names ("τ2-bench Retail"), if it has one; never a word of a model's name
    ("Gemini Pro 1.5 scored 58.5 on MMMU" is no MMMU-Pro score)."""
    for m in _SCENARIO.finditer(sentence, start, end):
        if any(h.start <= m.start() < h.end for h in names):
            continue
        entry = lookup(f"{bench.text} {m.group(0)}")
        if entry is not None and entry.kind == "benchmark" and entry.id != bench.id:
            return entry.id
    return None


_OWNER_AFTER = re.compile(r"\s*(?:\([^()]{0,30}\))?\s*(?:for|pour|für|bei|para|de|del|для|у)\s+(?:(?:the|le|la|l'|el|der|die|"
                          r"das)\s*)?", re.IGNORECASE)
_FRONTED = re.compile(r"^\W*(?:with|avec|con|mit|с|凭借|凭|以)\s*(?:(?:un[ae]?|an?|einem|einer)\s+)?$", re.IGNORECASE)


def _owner_after(sentence: str, models: list[Hit], fig) -> Hit | None:
    """"contre 76,3 % pour GPT-5.1", "frente al 21,6 % de Gemini 2.5 Pro": the model named right after the figure."""
    m = _OWNER_AFTER.match(sentence, fig.end)
    if not m:
        return None
    return next((h for h in models if h.start == m.end()), None)


def _fronted(sentence: str, models: list[Hit], fig, seg) -> Hit | None:
    """"Avec 80,9 % sur SWE-bench Verified, Claude Opus 4.5 dépasse GPT-5.1": a leading with-phrase is about the
    model that opens the main clause after its comma."""
    if not _FRONTED.match(sentence[seg[0]:fig.start]):
        return None
    comma = sentence.find(",", fig.end, seg[1])
    comma = comma if comma >= 0 else sentence.find("，", fig.end, seg[1])
    if comma < 0:
        return None
    after = next((h for h in models if h.start >= comma), None)
    return after if after is not None and not sentence[comma + 1:after.start].strip() else None


_CONTINUE_REACH = 100
_CONTRAST = re.compile(r"\b(?:while|whereas|compared|human\w*|people|experts?|tandis|alors\s+que|humains?|während|"
                       r"Mensch\w*|mientras|humanos?|personas|frente|en\s+comparación|против|тогда\s+как|люд\w*|человек\w*)\b|"
                       r"而|人类|人類|相比|比起|对比|人間|一方|인간|반면|비해|대비", re.IGNORECASE)


def _continues(sentence: str, previous, fig, bench: Hit, hits: list[Hit], seg) -> bool:
    """A figure after the previous score's, on another benchmark named between or right after it, with no model,
    comparison or contrast word between: the previous score's model goes on ("scored 91.9% on GPQA and 37.5% on HLE",
    "HLE 成绩为 44.9%，BrowseComp 为 60.2%", "marca un 91,9 % en GPQA y un 37,5 % en HLE")."""
    prev_fig, _, prev_bench = previous
    if bench.id == prev_bench.id or prev_fig.end > fig.start or fig.start - prev_fig.end > _CONTINUE_REACH:
        return False
    if prev_fig.end < seg[0]:
        return False  # another list item or clause
    if not (prev_fig.end <= bench.start and bench.end <= fig.start) and not (
            bench.start >= fig.end and _FOLLOWING_BENCH.fullmatch(sentence[fig.end:bench.start])):
        return False
    if any(h.kind == "model" and prev_fig.end <= h.start < fig.start for h in hits):
        return False
    gap, pos = "", prev_fig.end
    for h in hits:  # benchmark names are no contrast words ("Humanity's Last Exam")
        if h.kind == "benchmark" and prev_fig.end <= h.start and h.end <= fig.start:
            gap, pos = gap + sentence[pos:h.start] + " ", h.end
    gap += sentence[pos:fig.start]
    return not (_EN_COMPARE.search(gap) or lexicon.search(lexicon.COMPARISON, gap) or _CONTRAST.search(gap))


def _without(sentence: str, start: int, end: int, bench: Hit) -> str:
    between = sentence[start:end]
    if start <= bench.start and bench.end <= end:
        between = sentence[start:bench.start] + sentence[bench.end:end]
    return gap(between, 0, len(between)).lstrip("%")


def follows_comparison(head: str) -> bool:
    """The text before a model ends in a comparison word and its object marker ("Supera a", "surpasses", "反超"): the
    model is what is compared, not who scores."""
    tail = head[-24:]
    return bool(lexicon.search(lexicon.COMPARISON, tail) or _EN_COMPARE.search(tail))


def _heads_next(sentence: str, bench, figs) -> bool:
    """A benchmark with its own figure right after it ("、OSWorld61.4%") is that figure's, not the one before it."""
    return any(f.start >= bench.end and f.start - bench.end <= 3 and _BENCH_ADJACENT.fullmatch(sentence[bench.end:f.start])
               for f in figs)


def _model_before(sentence: str, models: list[Hit], figs, fig, seg) -> Hit | None:
    """The nearest model before a figure in its segment, unless another figure or a comparison word lies between."""
    before = [m for m in models if seg[0] <= m.start and m.end <= fig.start]
    if not before:
        return None
    m = before[-1]
    if any(m.end <= f.start < fig.start for f in figs if f is not fig):
        return None
    between = sentence[m.end:fig.start]
    if _EN_COMPARE.search(between) or lexicon.search(lexicon.COMPARISON, between):
        return None
    if compared_object(sentence, models, m, fig.start):
        return None
    return m


def compared_object(sentence: str, models: list[Hit], m: Hit, end: int) -> bool:
    """Whether `m`, before a figure at `end`, is what a comparison word compares ("反超 GPT-5.2,得分 93.7", "超越 GPT-5.2 和
    Gemini 3 pro:MMLU-Pro 87.8"): an object owns no score after a clause break."""
    return bool(_CLAUSE_BREAK.search(sentence, m.end, end)) and \
        follows_comparison(sentence[:_first_coordinated(sentence, models, m).start])


_CLAUSE_BREAK = re.compile(r"[,，、:：]")
_COORDINATION = re.compile(r"\s*(?:和|与|與|及|、|,|，|and|or|y|o|et|ou|und|oder|и|или|와|과)\s*", re.IGNORECASE)


def _first_coordinated(sentence: str, models: list[Hit], m: Hit) -> Hit:
    """The first of the models listed with `m` ("GPT-5.2 和 Gemini 3 pro"): what a comparison word before the list governs."""
    k = models.index(m)
    while k > 0 and _COORDINATION.fullmatch(sentence[models[k - 1].end:models[k].start]):
        k -= 1
    return models[k]


def _with_tail(conditions: str | None, tail: str | None) -> str | None:
    return "; ".join(x for x in (tail, conditions) if x) or None


def _conditions(sentence: str, pos: int, bench_gap: str | None) -> str | None:
    found = []
    m = _CONDITION.match(sentence, pos)
    if m and not re.search(r"\d", m.group("paren") or ""):
        found.append((m.group("paren") or m.group("with")).strip())
    if bench_gap and len(bench_gap) <= 50 and not re.search(r"\d", bench_gap):
        paren = re.search(r"\(([^()]{1,40})\)", bench_gap)
        if paren:
            found.append(paren.group(1).strip())
    at = _PASS_AT.search(sentence)
    if at and at.group(0) not in found:
        found.append(at.group(0))
    return "; ".join(found) or None


def releases(sentence: str, hits: list[Hit], ref: Callable[[Hit], ModelRef], published: str | None,
             vendor_of: Callable[[list[Hit], Hit], str | None]) -> list[CandidateRelease]:
    models = [h for h in hits if h.kind == "model"]
    if not models:
        return []
    verb_final = bool(_VERB_FINAL.search(sentence))
    out = []
    for verb in lexicon.finditer(lexicon.RELEASE, sentence):
        if lexicon.search(lexicon.HEDGE, sentence[max(0, verb.start() - 15):verb.start()]) or \
                _EN_HEDGE.search(sentence[max(0, verb.start() - 40):verb.start()]) or \
                lexicon.search(lexicon.NEGATION, sentence[max(0, verb.start() - 4):verb.start()]):
            continue
        after = next((m for m in models if m.start >= verb.end()), None)
        before = next((m for m in reversed(models) if m.end <= verb.start()), None)
        passive = sentence.startswith(("され", "된", "되"), verb.end())
        chosen = None
        if verb_final and before is not None and verb.start() - before.end <= 60 and \
                (_OBJECT_PARTICLE.match(sentence[before.end:verb.start()]) or
                 (passive and _TOPIC_PARTICLE.match(sentence[before.end:verb.start()]))):
            chosen = before
        elif after is not None and _after_ok(sentence[verb.end():after.start], verb.group(0), verb_final, sentence):
            chosen = after
        elif before is not None and _before_ok(sentence[before.end:verb.start()], verb.group(0)):
            chosen = before
        if chosen is None:
            continue
        if chosen is after:
            group = _coordinated([m for m in models if m.start >= chosen.start], sentence)
        else:  # "‘그록4’와 ‘그록4 헤비’ 모델을 선보였다", "「A」と「B」を発表": the models listed before it too
            group = [chosen]
            for m in reversed([m for m in models if m.end <= chosen.start]):
                if not _LISTED_BEFORE.fullmatch(sentence[m.end:group[0].start]):
                    break
                group.insert(0, m)
        for hit in group:  # "les sorties de GPT-5.1 et Gemini 3": both
            model = ref(hit)
            out.append(CandidateRelease(model, model.vendor_id or vendor_of(hits, hit), sentence.strip(),
                                        release_date(sentence, hit, published, models)))
    return out


_SEPARABLE = re.compile(r"\b(?:stellt|stellte|stellen|stellten)\s+(?P<mid>[^.;:!?]{1,100}?)\s+vor\b")


def separable_releases(sentence: str, hits: list[Hit], ref: Callable[[Hit], ModelRef],
                       published: str | None) -> list[CandidateRelease]:
    """German separable verbs: "OpenAI stellt GPT-5 vor", "Mistral AI stellte am Dienstag Mistral Large 3 und
    Ministral 3 vor": the first model between the two parts and those listed with it."""
    if "vor" not in sentence:
        return []
    out = []
    for m in _SEPARABLE.finditer(sentence):
        if lexicon.search(lexicon.HEDGE, sentence[max(0, m.start() - 15):m.end()]) or \
                lexicon.search(lexicon.NEGATION, m.group("mid")):
            continue
        inside = [h for h in hits if h.kind == "model" and m.start("mid") <= h.start and h.end <= m.end("mid")]
        models = [h for h in hits if h.kind == "model"]
        for hit in _coordinated(inside, sentence):
            model = ref(hit)
            out.append(CandidateRelease(model, model.vendor_id, sentence.strip(),
                                        release_date(sentence, hit, published, models)))
    return out


_CJK_MODE_BEFORE = re.compile(r"\s*[\"“「『][A-Za-z][\w\- ]{0,20}[\"”」』]\s*(?:版本|版|模型|模式)?\s*(?:正式|全面|同步|已经|已)?\s*")
"""'GPT-5.2 "Thinking" 版本正式上线': a quoted mode and "version" between the model and the verb."""


def _before_ok(gap: str, verb: str) -> bool:
    """"GPT-5 veröffentlicht", "DeepSeek-R1 发布", "DeepSeek-R1-Lite 预览版正式上线": the model right before the word."""
    if re.search(r"[.;:。；,，、!?的の의]", gap):
        return False
    if re.match(r"[\u3400-\u9fff]", verb):
        return (len(gap.strip()) <= 6 or bool(_CJK_MODE_BEFORE.fullmatch(gap))) and verb not in ("开源", "開源")
    return len(gap.strip(" 」』\"'”")) <= 2


def _after_ok(gap: str, verb: str, verb_final: bool, sentence: str) -> bool:
    if re.search(r"[.;:。；,，、]", gap) or _THAT.match(gap):
        return False
    if re.search(r"[\uac00-\ud7af]", sentence):
        return False  # Korean puts the object before the verb
    if re.match(r"[\u3400-\u9fff\u3040-\u30ff]", verb) or verb_final:
        return bool(_CJK_AFTER.match(gap)) or len(gap.strip()) <= 3
    return bool(_LATIN_AFTER.match(gap)) and len(gap) <= 45 and not _COMPARED_GAP.search(gap)


_LISTED_BEFORE = re.compile(r"[」』\"'”’)\s]*(?:와|과|및|と|、|,|和|与|及)\s*[「『\"'“‘(]*")
_COMPARED_GAP = re.compile(r"(?<!\w)(?:con|with|mit|avec|against|contre|gegen|vs|versus|than|que|als|чем|с)(?!\w)",
                           re.IGNORECASE)
"""A model after "presenta DSA y alcanza paridad con" is compared, not released."""
_ATTACHED = re.compile(r"\s*[(,]?\s*(?:(?:in|on|le|am|el|в)\s+)?", re.IGNORECASE)


def _coordinated_run(sentence: str, start: int, end: int, hits: list[Hit]) -> bool:
    """Only models and list separators between two models ("A、B、C 和 D"): one list, so a date before it is all of
    theirs."""
    at = start
    for h in sorted((h for h in hits if start <= h.start and h.end <= end), key=lambda h: h.start):
        if not _COORD_GAP.fullmatch(sentence[at:h.start]):
            return False
        at = h.end
    return bool(_COORD_GAP.fullmatch(sentence[at:end]))


def release_date(sentence: str, model: Hit, published: str | None, others: list[Hit] = ()) -> str | None:
    """The date a sentence gives a release: the one written right after the model ("Opus 4.5 (November 24, 2025)",
    "Sonnet 4.5 in September 2025"), else the sentence's only date unless that one belongs to another model."""
    dates = find_dates(sentence, published)
    if not dates:
        return None
    right = [d for d in dates if d.start >= model.end and _ATTACHED.fullmatch(sentence[model.end:d.start])]
    if right:
        return right[0].value
    attached = [d for d in dates for o in others if o is not model and d.start >= o.end
                and _ATTACHED.fullmatch(sentence[o.end:d.start])]
    # "Le 24 novembre 2025, Anthropic lance Claude Opus 4.5, clôturant ... les sorties de GPT-5.1": a date with
    # another model between it and this one is that model's
    between = [d for d in dates for o in others if o is not model and o.id != model.id and
               (d.end <= o.start and o.end <= model.start or model.end <= o.start and o.end <= d.start)
               and not _coordinated_run(sentence, min(o.end, model.end), max(o.start, model.start), others)]
    free = [d for d in dates if d not in attached and d not in between]
    if len(free) == 1:
        return free[0].value
    if not free:
        return None
    return min(free, key=lambda d: min(abs(d.start - model.end), abs(model.start - d.end))).value


_BREAK = re.compile(r"[。;；!?]|\b(?:but|mais|aber|pero|но|while|whereas)\b|但|然而|しかし|하지만|그러나|지만|ものの"
                    r"|(?:ます|です|した|だ)が[、,]")
"""Clause ends; Japanese "…しますが、" is "but" (a bare "が、" is a subject before a comma: "Gemini 3 Proが、…")."""
_SUBJECT_PARTICLE = re.compile(r"^[」』\"'”’)\s]*(?:\([^()]{0,20}\))?[^\s、。,，]{0,4}?(?:は|が|も|은|는|이|가)")
_TOPIC_ONLY = re.compile(r"^[」』\"'”’)\s]*(?:\([^()]{0,20}\))?(?:は|은|는)")
_OBJECT_MARK = re.compile(r"^[」』\"'”’)\s-]*(?:\([^()]{0,20}\))?(?:\d{1,3}(?:\.\d{1,2})?%)?[^\s、。,，]{0,4}?"
                          r"(?:に|と|を|や|より|보다|과|와|를|을|에)")
"""Particles after a model, past a closing quote and a figure in parentheses: "‘제미나이 2.5 프로’(21%)를", or a mode and a
bare figure: "claude-sonnet-4-(no thinking)56.4%を上回ります"."""


_CLOSED = re.compile(r"[」』\"'”’)\s]*(?:\([^()]{0,20}\))?[」』\"'”’)\s]*")


def _marked(gap: str, verb) -> bool:
    """A model marked as compared: by a particle before the verb, or by the verb's own "보다"/"より" ("X(64점)'보다 낮")."""
    return bool(_OBJECT_MARK.match(gap) or (verb.group(0).startswith(("보다", "より")) and _CLOSED.fullmatch(gap)))


_COORD_GAP = re.compile(r"\s*(?:(?:de|of|von|от|d')\s*[A-Z][\w.]*\s*)?(?:\([^()]{0,40}\))?\s*"
                        r"(?:,|、|和|与|及|以及|and|et|und|als\s+auch|sowie|y|e|и|や|と|및|와|과|or|oder|ou|o)?\s*"
                        r"(?:a\s+|à\s+|the\s+|le\s+|la\s+|les\s+|der\s+|die\s+|el\s+|los\s+)?"
                        r"(?:(?-i:[A-Z][a-z]+s)\s+|\d{1,3}(?:[.,]\d{1,2})?\s?%\s+у\s+)?", re.IGNORECASE)
"""Between two listed models: "GPT-5 Codex de OpenAI (74,5 %) y a Gemini 2.5 Pro", "Kimi K2 et DeepSeek-V3.1",
"sowohl GPT-5.2 (92,4) als auch Googles Gemini 3 Pro", "44.7% у GPT-4.1 и 46.9% у DeepSeek V3" (a figure "at" a model)."""
_GERUND = re.compile(r"(?:ing|ando|endo|ándose|éndose|ant)\s*$", re.IGNORECASE)
_RU_GERUND = re.compile(r"[а-яё]я$")
"""A Russian verbal adverb ("превосходя", "уступая"): its subject is the clause's, here the model the text is about."""
_INVERTED = re.compile(r"\s+(?:es|er|sie)\b")
"""German puts the pronoun subject after the verb in second place: "Damit lässt es GPT-5.2 hinter sich"."""


def _coordinated(after: list[Hit], sentence: str) -> list[Hit]:
    """The compared models: the first after the verb and those listed with it ("A, B and C"), not later ones."""
    group = after[:1]
    for m in after[1:]:
        if not _COORD_GAP.fullmatch(sentence[group[-1].end:m.start]):
            break
        group.append(m)
    return group


def _implicit_subject(sentence: str, start: int, verb) -> bool:
    """The comparison's subject is the model the text is about: a pronoun, a participle, or nothing before the verb."""
    head = sentence[start:verb.start()]
    lead = re.split(r"[,，、—:]", head)[-1]
    return bool(_PRONOUN.search(head) or len(lead.strip(" \"'「」")) <= 3 or _GERUND.search(lead)
                or _GERUND.search(verb.group(0)) or _RU_GERUND.search(verb.group(0)) or _INVERTED.match(sentence, verb.end()))


def _vendor_subject(hits: list[Hit], start: int, verb, topics) -> ModelRef | None:
    """"DeepSeek的表现大幅超越了 GPT-4o" in an article about a DeepSeek model: the maker stands for its model."""
    makers = {h.id for h in hits if h.kind == "vendor" and start <= h.start and h.end <= verb.start()}
    return next((t for t in topics if t is not None and t.vendor_id in makers), None)


def comparisons(sentence: str, hits: list[Hit], ref: Callable[[Hit], ModelRef], topic: ModelRef | None,
                others: tuple = ()) -> list[CandidateClaim]:
    """Comparisons stated with the words of lexicon.COMPARISON; `topic` is the model the text is about."""
    models = [h for h in hits if h.kind == "model"]
    if not models:
        return []
    benches = [h for h in hits if h.kind == "benchmark"]
    verbs = list(lexicon.finditer(lexicon.COMPARISON, sentence))
    verb_final = bool(_VERB_FINAL.search(sentence))
    out = []
    for verb in verbs:
        relation = verb.lastgroup
        start = max([0] + [m.end() for m in _BREAK.finditer(sentence, 0, verb.start())])
        if lexicon.search(lexicon.HEDGE, sentence[max(start, verb.start() - 12):verb.start()]) or \
                lexicon.search(lexicon.NEGATION, sentence[max(start, verb.start() - 4):verb.start()]):
            continue
        end_m = _BREAK.search(sentence, verb.end())
        end = end_m.start() if end_m else len(sentence)
        # "superó a su antecesor y … igualó … a Gemini 3 Pro": the next comparison word's objects are its own
        end = min([end] + [v.start() for v in verbs if v.start() >= verb.end() and
                           _OWN_OBJECT.search(sentence, verb.end(), v.start())])  # not "iguala, y … supera, a X"
        # a model named after an earlier comparison word is compared, not the subject
        earlier = [v.end() for v in verbs if v.end() <= verb.start() and v.start() >= start]
        before = [m for m in models if start <= m.start and m.end <= verb.start()]
        after = _coordinated([m for m in models if verb.end() <= m.start < end], sentence)
        subject, objects = None, []
        if verb_final:
            subj = [m for m in before if _SUBJECT_PARTICLE.match(sentence[m.end:verb.start()])]
            topics = [m for m in subj if _TOPIC_ONLY.match(sentence[m.end:verb.start()])]
            subject = topics[0] if topics else subj[-1] if subj else None  # "AはBが…を上回る": A, the topic
            rest = [m for m in before if m is not subject and (subject is None or m.start > subject.start)]
            if any(_marked(sentence[m.end:verb.start()], verb) for m in rest):
                objects = rest
            elif subject is not None and len({m.id for m in rest}) == 1:
                objects = rest[:1]  # "Gemini 3は…GPT-5 Proが保持していた31.64点の記録を上回りました": the one other model
        else:
            cands = [m for m in before if not _WITH_OBJECT.search(sentence[max(0, m.start - 6):m.start])
                     and not any(e <= m.start for e in earlier)]
            subject = cands[0] if cands else None
            objects = after or [m for m in before if _WITH_OBJECT.search(sentence[max(0, m.start - 6):m.start])]
        maker_model = _vendor_subject(hits, start, verb, (topic, *others)) if subject is None else None
        dropped = verb_final and subject is None and bool(objects) and all(
            _marked(sentence[m.end:verb.start()], verb) for m in objects)
        """Korean and Japanese drop the subject: "그록 4를 1점 차로 앞섰다" is said of the model the text is about."""
        if subject is None and not (maker_model or dropped or _implicit_subject(sentence, start, verb)):
            continue
        if not objects:
            continue
        subj = ref(subject) if subject is not None else (maker_model or topic)
        if subj is None:
            continue
        others = tuple(r for r in (ref(o) for o in objects) if (r.model_id or r.text) != (subj.model_id or subj.text))
        if not others:
            continue
        bench = next((b.id for b in benches), None)
        out.append(CandidateClaim("comparison", subj, sentence.strip(), "vendor_reported", benchmark_id=bench,
                                  compared_to=others, relation=relation))
    return out
