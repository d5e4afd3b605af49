"""Claims that lean on the sentences before them: a ranking item or a short sentence without its benchmark
("- GPT-5.1: 26.5%", "GPT-4 набрал 2,7%."), a release said without the model's name ("… veröffentlicht. Es heißt
GPT-5", "Veröffentlicht am 5. Februar 2026." under a model's heading).

Rules: the benchmark is the one named last, within rules.RANKING_REACH characters; the sentence names one model
and no benchmark, holds one percentage right after the model (a colon, a particle or a score verb between), and
no comparative or delta word follows it; a nameless release needs a date in its sentence and no hedge, and is
the model's only when the next sentence names it ("Es heißt X") or the sentence opens with the release word
under a heading that names the model. A sentence that opens by pointing back at the test just described ("En esa
prueba …", "Damit lässt es GPT-5.2 (92,4) … hinter sich", "이는 GPT-4.1(44.7%)과 …", "このベンチマークでは …") and names
no benchmark, or says "the same test" ("同じテストで", "la misma prueba") or "the model <score verb> N %" ("el modelo
alcanza 82,0 %"), scores on the one benchmark the sentence before named.
"""
from __future__ import annotations

import re
from typing import Callable

from . import lexicon
from .dates import find_dates
from .gazetteer import Hit
from .pairs import bench_score
from .passes import _DIGIT_RE, _EN_HEDGE, _SCORE_VERB
from .textnorm import figures
from .types import CandidateClaim, ModelRef

_ITEM_LEAD = re.compile(r"[\s\-*•·]*(?:\d{1,2}[.)]\s*)?(?:[A-Z][\w.]*\s)?")
_SHORT_SCORE = 70
_SHORT_GAP = re.compile(r"[」』'’\"”\s]*(?:が|は|의|는|은|:|：)?\s*(?:" + _SCORE_VERB.pattern + r"|чуть\s+больше|около|about|"
                        r"erreichte?|obtient|obtuvo|logr[óa]|landed\s+at|came\s+in\s+at|sits?\s+at|managed|trail(?:s|ed)\s+at)?\s*"
                        r"(?:un|une|a|an|den|einen)?\s*", re.IGNORECASE)
_DELTA_WORDS = re.compile(r"^[^.。]{0,12}(?:cheaper|faster|more|less|fewer|better|worse|moins|plus|günstiger|schneller|"
                          r"más|menos|дешевле|быстрее|больше|меньше|改善|向上|提升|下降|增|減|减|저렴|빠른|향상)", re.IGNORECASE)
_ITEM_FIGURE = re.compile(r"[」』\s]*[:：]\s*(?P<num>\d{1,4}(?:[.,]\d{1,3})?)\s?%\s*$")


def list_score(sentence: str, hits: list[Hit], ref: Callable[[Hit], ModelRef], bench: Hit | None) -> list[CandidateClaim]:
    """A ranking item "- GPT-5.1: 26.5%", "• Google Gemini 3 Pro:76.2%" names no benchmark: it is a score on the
    benchmark the text named last before it (the ranking's subject), when one was named shortly before."""
    if bench is None:
        return []
    models = [h for h in hits if h.kind == "model"]
    if len(models) != 1 or any(h.kind == "benchmark" for h in hits):
        return []
    model = models[0]
    m = _ITEM_FIGURE.match(sentence, model.end)
    if m and _ITEM_LEAD.fullmatch(sentence[:model.start]):
        fig = next((f for f in figures(sentence, m.start("num")) if f.start == m.start("num")), None)
    else:  # "GPT-4 набрал 2,7%.", "GoogleのGemini 3 Proが37.5%という驚異的なスコアを記録しました。"
        figs = [f for f in figures(sentence) if not any(h.start <= f.start < h.end for h in hits)]
        fig = figs[0] if len(figs) == 1 and len(sentence.strip()) <= _SHORT_SCORE else None
        if fig is None or fig.unit != "%" or fig.start < model.end or \
                not _SHORT_GAP.fullmatch(sentence[model.end:fig.start]) or _DELTA_WORDS.search(sentence[fig.end:]):
            return []
    if fig is None:
        return []
    return [bench_score(ref(model), bench, sentence.strip(), fig.value, fig.text, "%")]


_TEST_WORD = (r"(?:prueba|test|benchmark|examen|evaluación|épreuve|évaluation|Test|Benchmark|Disziplin|тесте|бенчмарке|"
              r"испытании)")
_BACK_REF = re.compile(
    r"[\s\-*•]*(?:(?:En|Sur|Dans|In|On|At|Bei|Auf|В|На)\s+(?:esa|esta|este|ese|ce|cet|cette|this|that|the\s+same|"
    r"diesem|dieser|этом|этой|том)\s+" + _TEST_WORD + r"|Damit|Dabei|Dieser\s+Wert|Este\s+(?:resultado|valor)|"
    r"Esta\s+cifra|Ce\s+(?:score|résultat|chiffre)|This\s+(?:score|result|figure)|그\s?결과|이는|"
    r"(?:이|그|해당)\s?(?:테스트|벤치마크|시험|평가)(?:에서|서)|(?:この|その|同)(?:ベンチマーク|テスト|試験|評価)(?:で|において)|"
    r"その結果|(?:从|從)(?:数据|數據|结果|結果)(?:来看|來看)|在(?:该|这项|此|這項|該)(?:测试|測試|基准|基準|评测|評測)|(?:该|這項|这项|該)(?:测试|測試|基准|基準)(?:中|上)|(?:该|這項|这项|該|此)(?:基准测试|基準測試|评测|評測))")
"""Words that open a sentence by pointing back at the test the sentence before described."""
_SAME_TEST = re.compile(r"同じ(?:テスト|ベンチマーク|試験)|同一(?:测试|測試|基准|基準)|같은\s?(?:테스트|벤치마크|시험|기준|평가)|"
                        r"(?:the\s+same|la\s+misma|le\s+même|la\s+même|im\s+selben|in\s+demselben)\s+" + _TEST_WORD)
"""The same pointing back inside the sentence: "Gemini 3 Deep Thinkモードが同じテストで41.0%の精度を達成"."""
_MODEL_SCORES = re.compile(r"\b(?:el\s+modelo|le\s+modèle|das\s+Modell|the\s+model|модель)\s+(?:" + _SCORE_VERB.pattern +
                           r")\s+(?:un\s+|une\s+|a\s+)?\d{1,3}(?:[.,]\d{1,2})?\s?%", re.IGNORECASE)
"""The model the text is about, a score verb and a percentage: "…, el modelo alcanza 82,0 %" goes on describing the
test the sentence before named."""
_SAME_WORDS = ("同", "같은", "same", "mism", "même", "selbe")


_NAMED_SCORES = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?(?:a|has|hat|ha|il|elle)?\s*(?:" + _SCORE_VERB.pattern +
                           r")\b[^.%\d]{0,25}?\d{1,3}(?:[.,]\d{1,2})?\s?%", re.IGNORECASE)
"""A model, its score verb and a percentage: "GPT-4.5 a obtenu un score de 85,1 %"."""


def back_bench(sentence: str, hits: list[Hit], before: list[Hit], setup: bool = False) -> Hit | None:
    """The benchmark a sentence that names none points back to ("En esa prueba Qwen3-Max-Thinking … obtuvo 49,8
    puntos"): the one benchmark of the sentence before (`before`), as a hit at the sentence's start. After a
    sentence that only introduces the test (`setup`: no figure, "… sa performance au test multilingue MMMLU."), a
    model and its score verb ("GPT-4.5 a obtenu un score de 85,1 %") are about it too."""
    if len({h.id for h in before}) != 1 or not _DIGIT_RE.search(sentence) or \
            any(h.kind == "benchmark" for h in hits) or not (_BACK_REF.match(sentence) or any(
                w in sentence for w in _SAME_WORDS) and _SAME_TEST.search(sentence) or "%" in sentence and
                                                     (_MODEL_SCORES.search(sentence) or setup and any(
                                                         h.kind == "model" and _NAMED_SCORES.match(sentence, h.end)
                                                         for h in hits))):
        return None
    return Hit("benchmark", before[0].id, 0, 0, before[0].text)


_NAMED = re.compile(r"\s*(?:Es|Er|Sie|It|Il|Elle|Ella|Он[ао]?)\s+(?:heißt|hei(?:ss|ß)t|is\s+called|is\s+named|s'appelle|"
                    r"se\s+llama|называется)\s+[„\"“«]?", re.IGNORECASE)


_EN_RELEASED = re.compile(r"\b(?:released|launched)\b", re.IGNORECASE)


def nameless_release(sentence: str, hits: list[Hit], published: str | None) -> tuple[bool, str | None] | None:
    """A release said without the model's name: (at the sentence's start?, the date it states), else None.
    "Veröffentlicht am 5. Februar 2026." under a model's heading; "Am 07.08.2025 hat OpenAI die neue Version ihres
    Sprachmodells veröffentlicht." before "Es heißt GPT-5"."""
    if any(h.kind == "model" for h in hits) or not _DIGIT_RE.search(sentence):
        return None  # a release without a name is kept only with the date it states
    verb = lexicon.search(lexicon.RELEASE, sentence) or _EN_RELEASED.search(sentence)
    if verb is None or lexicon.search(lexicon.HEDGE, sentence) or _EN_HEDGE.search(sentence) or \
            lexicon.search(lexicon.NEGATION, sentence[max(0, verb.start() - 12):verb.start()]):
        return None
    found = find_dates(sentence, published)
    return not sentence[:verb.start()].strip(" -*#•"), (found[0].value if len(found) == 1 else None)


def named_next(sentence: str, hits: list[Hit]) -> Hit | None:
    """"Es heißt GPT-5 ...": the model a sentence names as the one just released."""
    m = _NAMED.match(sentence)
    if not m:
        return None
    return next((h for h in hits if h.kind == "model" and h.start == m.end()), None)


_HEREAFTER = re.compile(r"\s*[」』\"”]?\s*[(（]\s*(?:以下|以下简称|以下簡稱|以下称|이하|hereafter|hereinafter|en\s+adelante|"
                        r"ci-après|im\s+Folgenden|далее)\s*[,、:]?\s*[「『\"“]?(?P<short>[A-Za-z][\w.\-]{0,14}(?:\s[\w.\-]{1,10})?)"
                        r"[」』\"”]?\s*[)）]", re.IGNORECASE)


def short_names(sentence: str, hits: list[Hit]) -> list[tuple[str, Hit]]:
    """"Kimi K2 Thinking(以下K2)", "GPT-5.2 Thinking (hereafter GPT-5.2)": the short name the text will use for the
    model from then on, so "K2は …" and its scores are that model's, not another model's of the same short name."""
    if "(" not in sentence and "（" not in sentence:
        return []
    out = []
    for h in hits:
        if h.kind == "model":
            m = _HEREAFTER.match(sentence, h.end)
            if m and m.group("short") != h.text:
                out.append((m.group("short"), h))
    return out
