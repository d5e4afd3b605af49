"""The default extractor: gazetteer plus patterns, no network and no key.

Finds mentions (vendors, models, benchmarks named in the text), releases (a
release verb with the model it governs), benchmark scores ("scores 89.1 on
MMLU-Pro", "MMLU-Pro score of 89.1", tables) and comparisons ("outperforms",
"on par with", "trails"), in English here and in zh/ja/ko/fr/de/es/ru through
passes.py and lexicon.py. The pieces: textnorm (one-to-one normalisation,
local number formats), names and hits (versioned names the record does not
know; localnames for names written in Hangul or kana), tables (pipe, HTML via
trafilatura, flattened in rows or cell by cell, or glued with no separators (glued.py); short column labels resolved to
the name the article spells out), pairs ("44,4 % contre 42 %"), dates (stated
and relative release dates). A ranking item or a short sentence with one model
and one percentage and no benchmark ("- GPT-5.1: 26.5%") scores on the
benchmark named shortly before. Rules: every candidate's quote is the sentence (or
table row) it came from, verbatim; a figure is taken only when it sits next to
a benchmark name, so stray numbers are never scores; hedged or negated
statements ("is expected to launch", "does not outperform") are skipped; a
pronoun, a participle or "It was released" refers to the model named last, a
heading or list item to its section's model; a release carries the date the
text states, else none; `extract` keeps a score only on a benchmark the record knows (validate.py), while `read`
keeps every score as read, unknown benchmarks by their written name. Input is capped (textnorm.MAX_CHARS) and long runs are
cut into bounded sentences, so time stays linear. Precision matters more than
recall: a missed claim costs less than a wrong one.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from . import carry, dates, pairs, passes, provenance
from .gazetteer import Gazetteer, Hit
from .hits import NameHits
from .names import NameFinder, is_generation
from .tables import TableReader
from .textnorm import _DELTA_AFTER, MAX_CHARS, figures, gap, normalise, thousands_points
from .types import CandidateClaim, CandidateRelease, Extraction, Mention, ModelRef
from .validate import scores_on_benchmarks

class _Lowered:
    """A lower-case pattern matched against lower-cased text: case-insensitive matching of long alternations is several
    times slower, and these run on every sentence. Offsets are the original's (lower() keeps lengths here)."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern

    @staticmethod
    def _lower(text: str) -> str:
        lowered = text.lower()
        return lowered if len(lowered) == len(text) else text

    def finditer(self, text: str, *args):
        return self.pattern.finditer(self._lower(text), *args)

    def search(self, text: str, *args):
        return self.pattern.search(self._lower(text), *args)


_SENTENCE = re.compile(r"(?<=[.!?])(?<!\d\.)[\"”’')\]]*\s+(?=[\"“‘„«(\[]?[A-ZА-ЯЁ0-9\uac00-\ud7af])|(?<=\d\.)\s+(?!(?:Januar|Februar|März|April|"
                       r"Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b)(?=[A-ZА-ЯЁ0-9])|(?<=[。！？])\s*|\n+")
"""Sentence ends; "am 5. Februar 2026" (a German date) is no end; a Korean sentence ends in "다. " before Hangul."""
_PRONOUN = re.compile(r"^\s*(?:[其它该]|この|その|이\s|그\s|Il\b|Elle\b|Er\b|Es\b|Sie\b|Él\b|Ella\b|Он[ао]?\b)|这一模型|该模型|"
                      r"このモデル|이\s?모델|ce\s+modèle|dieses?\s+Modell|este\s+modelo|эта\s+модель", re.IGNORECASE)
RELEASE_VERB = _Lowered(re.compile(
    r"\b(?:released|releases|releasing|unveiled|unveils|unveiling|launched|launches|launching|rolled\s+out|"
    r"rolls\s+out|rolling\s+out|introduced|introduces|debuted|debuts|shipped|ships|open-sourced|went\s+open-source|"
    r"open-sources|announced|announces|made\s+available|is\s+now\s+available|are\s+now\s+available)\b",
    ))
HEDGE = re.compile(r"\b(?:will|would|plans?\s+to|planning\s+to|expected\s+to|rumou?red|could|may|might|"
                   r"upcoming|not\s+yet|reportedly\s+preparing|is\s+preparing|ahead\s+of|since(?!\s+then)|after|"
                   r"before|last\s+year|predecessor)\b", re.IGNORECASE)
NEGATION = re.compile(r"\b(?:not|never|no\s+longer|fails?\s+to|failed\s+to)\s+(?:\w+\s+)?$|n't\s+(?:\w+\s+)?$",
                      re.IGNORECASE)
COMPARISON = _Lowered(re.compile(
    r"\b(?:(?P<beats>outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beat(?:s|ing)?|exceed(?:s|ed|ing)?|"
    r"edg(?:es|ed|ing)\s+out|(?:comes?|came)\s+out\s+ahead\s+of|ahead\s+of|top(?:s|ped|ping)|(?:point\s+)?lead\s+over)"
    r"|(?P<matches>comparable\s+to|on\s+par\s+with|match(?:es|ed|ing)|rival(?:s|ed|ing)?|level\s+with|"
    r"competitive\s+with|tied\s+with|toe-to-toe\s+with)"
    r"|(?P<trails>trail(?:s|ed|ing)?|lag(?:s|ged|ging)?\s+behind|fall(?:s|ing)?\s+short\s+of|fell\s+short\s+of|"
    r"behind))\b", ))
_NUMBER = re.compile(r"(?<![\w.@#№])(?<!\d,)(\d{1,4}(?:\.\d+)?)(?![\d]|,\d)(\s*(?:%|percent|per\s+cent))?(?![\d.]*\s*(?:[BMK]\b|billion|"
                     r"million|tokens|x\b|times|years?|days?|months?|languages))(?!\.\d)")
_BEFORE_BENCH = re.compile(r"^(?:\s*(?:%|percent))?\s*(?:accuracy|pass@1|score|points)?\s*(?:on|in|at|for)\s+"
                           r"(?:the\s+)?$", re.IGNORECASE)
_AFTER_BENCH = re.compile(r"^\s*(?:benchmark)?\s*(?:\([^)]{0,20}\))?\s*(?:score|scores|accuracy|result|pass@1)?\s*"
                          r"(?:of|at|:|=|is|was|reached|hit|,|-)?\s*(?:a\s+)?(?:score\s+of\s+)?(?:about\s+)?$",
                          re.IGNORECASE)
_SCORE_VERB = r"(?:scores?|scored|scoring|reaches|reached|achieves|achieved|hits|hit|posts|posted|gets|got|records|recorded)"
_PRONOUN_GAP = re.compile(r",?\s*(?:it|the\s+(?:new\s+)?model)\s+" + _SCORE_VERB + r"\s+(?:a\s+)?(?:score\s+of\s+)?",
                          re.IGNORECASE)
_ANAPHOR = re.compile(r"\b(?:The|the|This|this)\s+(?:new\s+)?model\b(?!')|(?:^\s*|[,;:]\s*|\b(?:and|but|while|as)\s+|"
                      r"^\s*(?:On|In|At|For)\s+[^\s,]+(?:\s[^\s,]+)?\s+)(?:It|it)\b(?!')")
"""A pronoun that can stand for the article's model: as a clause's subject, not an object ("I opened it")."""
_OBJECT_GAP = re.compile(r"^\s+(?:(?:its|a|an|the|their|our|his|her)\s+)?(?:(?:new|latest|next|next-generation|open|"
                         r"open-weights|flagship|updated|upgraded|smaller|larger|faster)\s+)*(?:(?:model|version|"
                         r"flagship)s?\s*[,:]?\s+)?(?:called\s+|named\s+|dubbed\s+)?$", re.IGNORECASE)
_PASSIVE_AFTER = re.compile(r"\s*$|\s*[,;:]|\s*(?:today|this\s+week|on\s+\w+day|(?:on|in)\s+(?:[A-Z][a-z]+|\d)|\()")
_PASSIVE_PRONOUN = re.compile(r"\s*(?:It|The\s+(?:new\s+)?model|This\s+model)\s+(?:was|has\s+been|is\s+now)\s+$")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|has\s+been|been|being)\s+$")
_COORD = re.compile(r"\s*(?:\([^()]{0,40}\))?(?:\s+(?:in|on)\s+[A-Z][a-z]+(?:\s+\d{1,2})?,?(?:\s+\d{4})?)?\s*,?\s*"
                    r"(?:and\s+|&\s+|as\s+well\s+as\s+)?")
_NEW_NAME = re.compile(r"\s+(?:(?:its|a|an|the)\s+)?(?:(?:new|latest|next)\s+)?(?:(?:model|flagship|family)\s*,?\s+)?"
                       r"(?:called\s+|named\s+)?(?P<name>[A-Z][A-Za-z]+(?:[-\s]?[A-Z0-9][\w.]*){0,3})")

_HEADING_LEAD = re.compile(r"[\s#*>\-•「『]*$")
_TOPIC_MARK = re.compile(r"[」』\s]*(?:は|는|은)")
_BASE_AFTER = re.compile(r"[」』\s]*(?:バックボーン|ベース|を基に|を土台|上に構築|を基盤|为基座|為基座|为基础|為基礎|基座|기반|를\s?기반|을\s?기반|"
                         r"(?:backbone|base\s+model)\b)", re.IGNORECASE)
_BASE_BEFORE = re.compile(r"(?:based\s+on|built\s+on(?:\s+top\s+of)?|fine-tuned\s+from|basado\s+en|basée?\s+sur|basierend\s+auf|"
                          r"auf\s+Basis\s+von|на\s+базе|на\s+основе|基于|基於)\s*(?:the\s+|el\s+|le\s+|la\s+|dem\s+)?$",
                          re.IGNORECASE)
"""A model named as what another is built on ("Qwen3-Next-80B-A3Bバックボーン上に構築", "based on Llama 3.1") is not the one
the next sentences go on about."""
_TEST_HEADING = re.compile(r"\s*[-*•]?\s*[A-Z][A-Za-z0-9\-]*\s?(?:[Bb]enchmark|ベンチマーク|テスト|基准|基準|测试|測試|评测|評測|벤치마크|"
                           r"테스트)")
"""A short line heading a list with a test's name the record does not know ("SWE 벤치마크(코딩 능력 평가)")."""
_OWN_TEST = re.compile(r"(?P<a>[A-Z][\w.+]*(?:-[\w.+]+)*)\s?(?:[Bb]enchmark|[Tt]est|ベンチマーク|基准|基準|测试|測試|评测|評測|벤치마크)|"
                       r"(?:[Bb]enchmark|[Tt]est|prueba|Disziplin|基准|基準|ベンチマーク)\s+(?P<b>[A-Z][\w.+]*(?:-[\w.+]+)*)")
"""A sentence naming its own test ("In the demanding SuperGLUE-X benchmark, o3 reached 25.2%"): when the record does not
know that test, the sentence still is about it, never about the benchmark named before."""
_YEAR = re.compile(r"(?:19|20)\d\d")
_ON_FOR = re.compile(r"\s*(?:%|percent)?\s*(?:on|in)\s+\S+\s+(?:for|by)\s+")
_ITEM_BREAK = re.compile(r";|\s[-–—•]\s")
_MODAL = re.compile(r"\b(?:could|may|might|would)\b")
_PLACED = re.compile(r"\b(?:is|are|was|sits|sat|ranks|ranked|placed|comes?|came|lands?|landed)\s+(?:\w+\s+)?$")
_CONTRAST = re.compile(r"[;]|\b(?:while|whereas|but)\b")
_CLAUSE_END = re.compile(r"[;:]|,\s*(?:while|whereas|but|which|and\s+it|according)\b|\s(?:while|whereas|but)\s"
                         r"|\s(?:on|in)\s+(?:the\s+)?(?:same|other)")
_DIGIT = re.compile(r"\d")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
"""The patterns the per-sentence code uses, compiled once here rather than looked up in re's cache on every call."""


def _may_refer(sentence: str) -> bool:
    """Whether _ANAPHOR can match at all: every match holds "model", "it" or "It". The scan starts a look-around at
    every character, so a sentence without those words skips it."""
    return "it" in sentence or "It" in sentence or "model" in sentence


MAX_LOCAL_NAMES = 100
RANKING_REACH = 1200
"""How far back (characters) a ranking item looks for the benchmark it ranks."""
MAX_SENTENCE = 1500
"""A longer "sentence" (a run-on list, hostile input) is cut into pieces, so per-sentence work stays bounded."""


def split_sentences(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for m in _SENTENCE.finditer(text):
        _add_piece(out, text, pos, m.start())
        pos = m.end()
    _add_piece(out, text, pos, len(text))
    return out


def _add_piece(out: list, text: str, start: int, end: int) -> None:
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        if text[start:cut].strip():
            out.append((start, text[start:cut]))
        start = cut
    if text[start:end].strip():
        out.append((start, text[start:end]))


@dataclass(frozen=True)
class SourceContext:
    """What the extractor knows about where the text comes from."""

    url: str | None = None
    vendor_id: str | None = None
    """Set when the text is the vendor's own (its feed or its site): every claim is then vendor_reported."""
    date: str | None = None


class RuleExtractor(NameHits):
    name = "rules"

    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer
        self.names = NameFinder(gazetteer.first_words)
        self.tables = TableReader(gazetteer, self.names)
        self._local_patterns: dict[str, re.Pattern] = {}
        self._short_patterns: dict[tuple, re.Pattern] = {}
        self._last_model: ModelRef | None = None
        self._tails: dict[str, str] = {}
        """Variant words written after a known model ("Deep Think" after "Gemini 3 Pro"): a score's conditions."""
        self._local: dict[str, ModelRef] = {}
        """New model names released earlier in the article being extracted (one article at a time)."""

    def extract(self, text: str, ctx: SourceContext | None = None) -> Extraction:
        """What the record can take from the text: the reading less what validation drops (scores on names the record
        does not know that are no new benchmark's), the same rule the LLM extractor's answers pass."""
        reading = self.read(text, ctx)
        problems = list(reading.problems)
        claims = scores_on_benchmarks(reading.claims, problems, self.gaz.begins_with_benchmark)
        if len(claims) == len(reading.claims):
            return reading
        return replace(reading, claims=tuple(claims), problems=tuple(problems))

    def read(self, text: str, ctx: SourceContext | None = None) -> Extraction:
        """Everything the text says, as read: a score on a benchmark the record does not know keeps its written name."""
        ctx = ctx or SourceContext()
        original = text[:MAX_CHARS]
        text = _plain_links(thousands_points(normalise(original)))
        if ctx.date is None and (year := dates.year_of(text)) is not None:
            ctx = replace(ctx, date=year)  # "12월 1일" in an undated article about 2025
        mentions: dict[tuple[str, str], Mention] = {}
        releases: dict[str, CandidateRelease] = {}
        claims: dict[tuple, CandidateClaim] = {}
        focus: ModelRef | None = None
        section: ModelRef | None = None
        last_model: ModelRef | None = None
        """The model named last in the sentences before: what "it", "the model", a participle refer to."""
        previous, prev_vendors = "", []
        nameless: tuple | None = None
        """A release said in the sentence before without the model's name: (at its start?, date, quote)."""
        prev_benches: list[Hit] = []
        previous_named_test = False
        """The benchmarks the sentence before named: what "En esa prueba" or "이는" points back to."""
        last_bench: Hit | None = None
        """The benchmark named last, and where: what a ranking item without one ("- GPT-5.1: 26.5%") is about."""
        self._local = {}
        self._expanded: set[str] = set()
        self._tails = {}
        local: dict[str, ModelRef] = {}
        all_hits = self._hits(text)
        for claim in self._tables(text, ctx, all_hits):
            claims.setdefault(claim.key(), claim)
        starts = [h.start for h in all_hits]
        glued_rows = _line_spans(text, self.tables.glued_rows)
        for pos, sentence in split_sentences(text):
            if glued_rows and any(s <= pos < e for s, e in glued_rows):
                continue  # a table row whose cells lost their separators: read as a table, not as prose
            first = bisect_left(starts, pos)
            end = pos + len(sentence)
            own = [Hit(h.kind, h.id, h.start - pos, h.end - pos, h.text)
                   for h in all_hits[first:bisect_left(starts, end, lo=first)] if h.end <= end]
            hits = self._with_local(sentence, own, local)
            for short, model in carry.short_names(sentence, hits):
                if len(local) < MAX_LOCAL_NAMES:
                    local[short] = self._ref(model)  # "Kimi K2 Thinking(以下K2)": "K2" names it from here on
                    self._expanded.add(short)
            for h in hits:
                if not h.id.startswith("new:"):
                    mentions.setdefault((h.kind, h.id), Mention(h.kind, h.id, h.text))
            if sentence.count("|") >= 2:
                continue
            models = [h for h in hits if h.kind == "model"]
            vendors = [(h.start, h.end, h.id) for h in hits if h.kind == "vendor"]
            if models and _HEADING_LEAD.match(sentence[:models[0].start]) and not _BASE_AFTER.match(sentence, models[0].end):
                section = self._ref(models[0])
            else:
                topical = [m for m in models if _TOPIC_MARK.match(sentence[m.end:m.end + 3]) and not _inside_brackets(sentence, m.start)]
                section = self._ref(topical[0]) if topical else section
            if sentence.rstrip().endswith((":", "：")) and len({m.id for m in models}) == 1:
                section = self._ref(models[0])  # "Claude Sonnet 4.5 lidera varias pruebas públicas:" heads a list
            self._last_model = last_model
            quiet = not hits and not _DIGIT.search(sentence)  # no name, no figure: only a nameless release can start
            found_releases = [] if quiet else [
                *self._releases(sentence, hits, ctx),
                *passes.releases(sentence, hits, self._ref, ctx.date, self._vendor_before),
                *passes.separable_releases(sentence, hits, self._ref, ctx.date)]
            named = carry.named_next(sentence, hits) if nameless is not None else None
            if named is not None:  # "… hat OpenAI die neue Version … veröffentlicht. Es heißt GPT-5"
                ref = self._ref(named)
                found_releases.append(CandidateRelease(ref, ref.vendor_id, f"{nameless[2]} {sentence.strip()}",
                                                       nameless[1]))
            nameless = carry.nameless_release(sentence, hits, ctx.date)
            if nameless is not None and nameless[0] and section is not None and not found_releases:
                # "Veröffentlicht am 5. Februar 2026." under the heading "Claude Opus 4.6: Volle Analyse"
                found_releases.append(CandidateRelease(section, section.vendor_id, sentence.strip(), nameless[1]))
                nameless = None
            elif nameless is not None:
                nameless = (*nameless, sentence.strip())
            for release in found_releases:
                if release.model.model_id and self.gaz.is_family(release.model.model_id):
                    continue  # "Claude" is a family: the named model is the release, never the family
                key = release.model.model_id or release.model.text
                old = releases.get(key)
                if old is None or dates.precision(release.date) > dates.precision(old.date):
                    releases[key] = release
                if release.model.model_id is None and len(local) < MAX_LOCAL_NAMES:
                    local.setdefault(release.model.text, release.model)
                focus = focus or release.model
            if quiet and len(sentence) <= 80 and _TEST_HEADING.match(sentence):
                last_bench = None  # "SWE 벤치마크(코딩 능력 평가)": the list below is about a test the record cannot name
            if quiet:  # one sentence describing the test named before keeps it ("これはOSSのバグ修正…を計測してます。")
                prev_benches = prev_benches if previous_named_test else []
                previous, prev_vendors, previous_named_test = sentence, vendors, False
                continue
            pronoun = _ANAPHOR.search(sentence) if _may_refer(sentence) else None
            if focus is None and models and pronoun and models[0].start < pronoun.start():
                fallback = self._ref(models[0])  # a pronoun refers back, never forward
            else:
                fallback = focus
            anaphor = fallback if pronoun else None
            topic = anaphor or section or last_model or focus
            benches = [h for h in hits if h.kind == "benchmark"]
            if benches:
                last_bench = Hit("benchmark", benches[-1].id, pos + benches[-1].start, 0, benches[-1].text)
            recent = last_bench if last_bench is not None and pos - last_bench.start <= RANKING_REACH else None
            back = carry.back_bench(sentence, hits, prev_benches, not _DIGIT.search(previous)) if prev_benches else None
            if (recent or back) and not benches and _names_own_test(sentence, hits):
                recent = back = None
            scored = hits if back is None else [back, *hits]  # "En esa prueba …": the benchmark named just before
            prev_benches = benches
            previous_named_test = bool(benches)
            question_mark = max(sentence.rfind("?"), sentence.rfind("？"))
            asked = question_mark >= 0 and all(m.end <= question_mark for m in models)  # "Kimi K2はGPT‑5を超えるか?": no claim
            found = [*self._scores(sentence, scored, anaphor),
                     *([] if asked else self._comparisons(sentence, hits, topic)),
                     *carry.list_score(sentence, hits, self._ref, recent),
                     *passes.scores(sentence, scored, self._ref, section or anaphor, topic, self._tails, self.gaz.lookup),
                     *([] if asked else passes.comparisons(sentence, hits, self._ref, topic, (section, last_model, focus)))]
            paired = pairs.versus_scores(sentence, scored, self._ref) or pairs.figure_then_model_scores(sentence, scored, self._ref)
            respective, unpaired = pairs.respective_scores(sentence, scored, self._ref, figures)
            paired += respective
            if not paired:
                objected, nobody = pairs.object_pair(sentence, scored, self._ref, passes.follows_comparison,
                                                     lambda obj: _subject_compared_to(found, obj))
                paired, unpaired = objected, unpaired | nobody
            if paired or unpaired:  # "44,4 % contre 42 %": the pair's figures are the two models', nobody else's
                taken = {c.value for c in paired} | unpaired
                found = [c for c in found if c.kind != "benchmark_score" or c.value not in taken] + paired
            found = _grouped(found)
            if focus is None and found:
                focus = found[0].subject
            for claim in found:
                if self.gaz.is_family(claim.subject.model_id or "") or \
                        any(self.gaz.is_family(o.model_id or "") for o in claim.compared_to):
                    continue
                subject_vendor = claim.subject.vendor_id
                prov, by = provenance.decide(sentence, previous, vendors, prev_vendors, ctx.vendor_id, subject_vendor)
                claim = _with_provenance(claim, prov, by)
                kept = claims.setdefault(claim.key(), claim)
                if kept is not claim and claim.conditions and not kept.conditions:
                    claims[claim.key()] = replace(kept, conditions=claim.conditions)
            previous, prev_vendors = sentence, vendors
            named = [m for m in models if not self.gaz.is_family(m.id) and not _BASE_AFTER.match(sentence, m.end) and
                     not _BASE_BEFORE.search(sentence[max(0, m.start - 30):m.start])]
            compared = next((c.subject for c in found if c.kind == "comparison"), None)
            scored_first = min((c for c in found if c.kind == "benchmark_score" and c.value_text in sentence),
                               key=lambda c: sentence.find(c.value_text), default=None)
            if compared is not None:
                last_model = compared  # "A … 超越了 B 和 C": what comes next is about A, not about C
            elif scored_first is not None:
                last_model = scored_first.subject  # "obtuvo un 33,7 %, frente al 37,5 % de B y el 34,5 % de C": A
            elif named:
                last_model = self._ref(named[-1])
        claimed = {r.model.text for r in releases.values()} | {m.text for c in claims.values()
                                                                for m in (c.subject, *c.compared_to)}
        new_models = {ref.text: ref for name, ref in self._local.items()
                      if name not in self._expanded and (ref.text in claimed or not is_generation(ref.text))}
        extraction = Extraction(mentions=tuple(m for m in mentions.values()
                                               if not (m.kind == "model" and self.gaz.is_family(m.id))),
                                releases=tuple(releases.values()), claims=tuple(claims.values()),
                                new_models=tuple(new_models.values()))
        return _verbatim(extraction, text, original) if text != original else extraction

    @staticmethod
    def _model_before(models: list[Hit], pos: int) -> Hit | None:
        before = [h for h in models if h.end <= pos]
        return before[-1] if before else None

    def _releases(self, sentence: str, hits: list[Hit], ctx: SourceContext) -> list[CandidateRelease]:
        out = []
        for verb in RELEASE_VERB.finditer(sentence):
            head = sentence[:verb.start()]
            if HEDGE.search(head[-60:]) or NEGATION.search(head):
                continue
            after = [h for h in hits if h.start >= verb.end()]
            before = [h for h in hits if h.end <= verb.start()]
            clause_end = _clause_end(sentence, verb.end())
            if sentence[clause_end:clause_end + 1] == ":" and _OBJECT_GAP.match(sentence[verb.end():clause_end + 1] + " "):
                clause_end = _clause_end(sentence, clause_end + 1)  # "released upgraded versions: A, B and C"
            model_hit = next((h for h in after if h.kind in ("model", "benchmark") and h.start < clause_end), None)
            passive_ok = bool(_PASSIVE_AFTER.match(sentence, verb.end()) or _PASSIVE_BEFORE.search(head))
            if model_hit is not None and not (model_hit.kind == "model" and
                                              _OBJECT_GAP.match(sentence[verb.end():model_hit.start])):
                model_hit = None
                if self._new_name(sentence, verb.end()) is None and not passive_ok:
                    continue
            vendor_id = next((h.id for h in reversed(before) if h.kind == "vendor"), None)
            group: list[Hit] = []
            if model_hit is not None:
                group = self._coordinated(sentence, hits, model_hit, clause_end)
            elif passive_ok:
                passive = [h for h in before if h.kind == "model"]
                if not passive and self._last_model is not None and _PASSIVE_PRONOUN.match(head):
                    ref = self._last_model  # "It was released in November 2023": the model named just before
                    out.append(CandidateRelease(ref, ref.vendor_id or vendor_id or ctx.vendor_id, sentence.strip(),
                                                passes.release_date(sentence, Hit("model", "", verb.end(), verb.end(), ""),
                                                                    ctx.date)))
                    continue
                if not passive:
                    continue
                group = [passive[-1]]
                for h in reversed(passive[:-1]):
                    if not _COORD.fullmatch(sentence[h.end:group[0].start]):
                        break
                    group.insert(0, h)
            else:
                name = self._new_name(sentence, verb.end())
                vendor_id = vendor_id or ctx.vendor_id
                if not name or not vendor_id:
                    continue
                at = sentence.find(name, verb.end())
                ref = ModelRef(name, None, vendor_id)
                out.append(CandidateRelease(ref, vendor_id, sentence.strip(),
                                            passes.release_date(sentence, Hit("model", "", at, at + len(name), name),
                                                                ctx.date)))
                continue
            for h in group:
                ref = self._ref(h)
                out.append(CandidateRelease(ref, ref.vendor_id or vendor_id or ctx.vendor_id, sentence.strip(),
                                            passes.release_date(sentence, h, ctx.date,
                                                                [m for m in hits if m.kind == "model"])))
        return out

    @staticmethod
    def _coordinated(sentence: str, hits: list[Hit], first: Hit, clause_end: int) -> list[Hit]:
        """"released A (May 1), B and C": the models listed together with the first one."""
        group = [first]
        for h in hits:
            if h.kind != "model" or h.start <= group[-1].start or h.start >= clause_end:
                continue
            if not _COORD.fullmatch(sentence[group[-1].end:h.start]):
                break
            group.append(h)
        return group

    def _new_name(self, sentence: str, pos: int) -> str | None:
        new = _NEW_NAME.match(sentence, pos)
        if not new or not _looks_like_model(new.group("name")):
            return None
        name = new.group("name").rstrip(".")
        return None if self.gaz.lookup(name) is not None else name

    def _scores(self, sentence: str, hits: list[Hit], anaphor: ModelRef | None) -> list[CandidateClaim]:
        out = []
        benches = [h for h in hits if h.kind == "benchmark"]
        models = [h for h in hits if h.kind == "model"]
        if not benches:
            return out
        for num in _NUMBER.finditer(sentence):
            if any(h.start <= num.start() < h.end for h in hits):
                continue
            if _YEAR.fullmatch(num.group(1)) and not num.group(2):
                continue  # a year, not a score
            bench = None
            for b in benches:
                if b.start >= num.end() and _BEFORE_BENCH.match(gap(sentence, num.end(), b.start)):
                    bench = b
                    break
                if b.end <= num.start():
                    between = gap(sentence, b.end, num.start())
                    if _AFTER_BENCH.match(between) or _subject_gap(between, models, b.end, num.start()) or \
                            (anaphor is not None and _PRONOUN_GAP.fullmatch(between)):
                        bench = b
            if bench is None:
                continue
            subject = self._model_before(models, min(num.start(), bench.start))
            if subject is None:
                subject = self._model_before(models, num.start())
            if subject is None:
                following = [h for h in models if h.start >= num.end()]
                subject = following[0] if following and _ON_FOR.match(sentence[num.end():following[0].start + 1]) else None
            if subject is not None and subject.end <= num.start() and \
                    _ITEM_BREAK.search(sentence[subject.end:num.start()]):
                continue  # another list item: "tied with o1-1217; MATH-500: 97.3%" is not o1-1217's figure
            if subject is not None and subject.end <= num.start() and passes.compared_object(sentence, models, subject,
                                                                                           num.start()):
                continue  # "反超 GPT-5.2,得分 93.7": the compared model does not own the score after it
            ref = self._ref(subject) if subject else anaphor
            if ref is None or _DELTA_AFTER.match(sentence, num.end()):
                continue
            value_text = num.group(1)
            unit = "%" if num.group(2) else None
            out.append(CandidateClaim("benchmark_score", ref, sentence.strip(), "vendor_reported",
                                      benchmark_id=bench.id, value=float(value_text), value_text=value_text, unit=unit))
        return out

    def _comparisons(self, sentence: str, hits: list[Hit], anaphor: ModelRef | None) -> list[CandidateClaim]:
        out = []
        models = [h for h in hits if h.kind == "model"]
        if not models:
            return out  # nothing is compared without a model after the verb
        benches = [h for h in hits if h.kind == "benchmark"]
        for verb in COMPARISON.finditer(sentence):
            relation = verb.lastgroup
            head = sentence[:verb.start()]
            if NEGATION.search(head[-30:]) or HEDGE.search(head[-40:]) and _MODAL.search(head[-40:]):
                continue
            if relation == "trails" and verb.group(0).lower() == "behind" and not _PLACED.search(head):
                continue
            subject_hit = self._model_before(models, verb.start())
            if subject_hit is None and anaphor is None:
                continue
            if subject_hit is not None and _CONTRAST.search(sentence[subject_hit.end:verb.start()]):
                continue
            end = _clause_end(sentence, verb.end())
            compared = passes._coordinated([h for h in models if verb.end() <= h.start < end], sentence)
            if not compared:
                continue
            subject = self._ref(subject_hit) if subject_hit else anaphor
            others = tuple(self._ref(h) for h in compared if h.id != subject.model_id)
            if not others:
                continue
            bench = next((b.id for b in benches), None)
            out.append(CandidateClaim("comparison", subject, sentence.strip(), "vendor_reported",
                                      benchmark_id=bench, compared_to=others, relation=relation))
        return out

    def _tables(self, text: str, ctx: SourceContext, prose: list[Hit] = ()) -> list[CandidateClaim]:
        lines = text.splitlines()
        self.tables.loose.clear()
        full: dict[str, ModelRef | None] = {}
        found: list[tuple] = []
        for cell in self.tables.read(lines):
            if cell.model_id is not None:
                if self.gaz.is_family(cell.model_id):
                    continue
                ref = ModelRef(cell.model_text, cell.model_id, self.gaz.vendor_of_model(cell.model_id))
            elif (long := full[cell.model_text] if cell.model_text in full else full.setdefault(
                    cell.model_text, self._spelled_out(cell.model_text, prose, text, _block(lines, cell.line)))) is not None:
                ref = long  # "Claude 3.5" heading a column of an article that names "Claude 3.5 Sonnet"
                self._expanded.add(cell.model_text)  # so no model of that short name is reported
            elif cell.model_text in self.tables.loose:
                continue  # "Mistral L2" that the article never spells out: no model of its own
            else:
                if cell.model_text not in self._local:
                    head = self.names.find(cell.model_text)
                    self._local[cell.model_text] = ModelRef(cell.model_text, None,
                                                            self._vendor_id(head[0].vendor_name) if head else None)
                ref = self._local[cell.model_text]
            found.append((cell, ref))
        out: list[CandidateClaim] = []
        if not found:
            return out
        starts, intros = _table_starts(lines)
        publishers = _table_publishers(starts, found, prose, self.gaz.vendor_of_model)
        for cell, ref in found:
            # an unattributed table is its publisher's report, rivals' columns included
            prov, by = provenance.decide(intros[cell.line], "", [], [], ctx.vendor_id,
                                         publishers.get(starts[cell.line]) or ref.vendor_id)
            quote = "\n".join(lines[cell.line:cell.line_end + 1]).strip()
            out.append(CandidateClaim("benchmark_score", ref, quote, prov, by, benchmark_id=cell.benchmark_id,
                                      value=cell.value, value_text=cell.value_text, unit=cell.unit,
                                      conditions=cell.conditions,
                                      benchmark_text=None if cell.benchmark_id else cell.benchmark_text))
        return out


def _table_starts(lines: list[str]) -> tuple[list[int], list[str]]:
    """Per line: the first line of the table around it (its run of lines with two or more "|"; a glued row is its
    own), and the nearest non-empty line above it that is no table row (what introduces the table). One pass over
    the text, however many cells its tables hold."""
    starts, intros = [0] * len(lines), [""] * len(lines)
    for i in range(1, len(lines)):
        above = lines[i - 1]
        piped = above.count("|") >= 2
        starts[i] = starts[i - 1] if piped else i
        intros[i] = above.strip() if above.strip() and not piped else intros[i - 1]
    return starts, intros


def _table_publishers(starts: list[int], found: list[tuple], prose: list[Hit], vendor_of) -> dict[int, str]:
    """Table start -> the vendor whose table it is, for tables that score models of several vendors.

    A launch table puts the vendor's model beside its rivals' and every figure in it is that vendor's report
    (DeepSeek's R1 table scores Claude, GPT-4o and three OpenAI models too). The publisher is the vendor of the
    model the text names first, when that vendor has a model in the table (a card or launch post opens with its
    own model); else the vendor with the most models in it, and on a tie the vendor of its first model."""
    by_table: dict[int, list] = {}
    for cell, ref in found:
        by_table.setdefault(starts[cell.line], []).append(ref)
    first_named = [vendor_of(h.id) for h in sorted(prose, key=lambda h: h.start) if h.kind == "model"]
    out: dict[int, str] = {}
    for start, refs in by_table.items():
        models: dict[str, str] = {}
        for ref in refs:
            if ref.vendor_id:
                models.setdefault(ref.model_id or ref.text, ref.vendor_id)
        counts: dict[str, int] = {}
        for vendor in models.values():
            counts[vendor] = counts.get(vendor, 0) + 1
        if len(counts) < 2:
            continue  # one vendor's models only: each figure is that vendor's anyway
        if first_named and first_named[0] in counts:
            out[start] = first_named[0]
            continue
        top = max(counts.values())
        out[start] = next(r.vendor_id for r in refs if counts.get(r.vendor_id) == top)
    return out


def _line_spans(text: str, rows: set[int]) -> list[tuple[int, int]]:
    """Character spans of the given line indices."""
    if not rows:
        return []
    out, pos = [], 0
    for i, line in enumerate(text.splitlines(keepends=True)):  # the lines TableReader numbered
        if i in rows:
            out.append((pos, pos + len(line)))
        pos += len(line)
    return out


def _block(lines: list[str], at: int) -> tuple[int, int]:
    """Character span of the table around line `at` (its run of lines with two or more "|")."""
    first, last = at, at
    while first > 0 and lines[first - 1].count("|") >= 2:
        first -= 1
    while last + 1 < len(lines) and lines[last + 1].count("|") >= 2:
        last += 1
    start = sum(len(ln) + 1 for ln in lines[:first])
    return start, start + sum(len(ln) + 1 for ln in lines[first:last + 1])


def _subject_compared_to(found: list[CandidateClaim], obj: ModelRef) -> ModelRef | None:
    """The subject of the sentence's one comparison that has this object, if there is exactly one."""
    key = obj.model_id or obj.text
    subjects = {(c.subject.model_id or c.subject.text): c.subject for c in found if c.kind == "comparison"
                and c.relation == "beats" and any((o.model_id or o.text) == key for o in c.compared_to)}
    return next(iter(subjects.values())) if len(subjects) == 1 else None


def _grouped(found: list[CandidateClaim]) -> list[CandidateClaim]:
    """One comparison per subject and relation in a sentence, its objects together: "superando a GPT-4 y situándose
    por encima de Claude 3.5 Sonnet y Gemini 2.0 Flash" is one claim against three models, as the labels count it."""
    out: list[CandidateClaim] = []
    seen: dict[tuple, int] = {}
    for claim in found:
        if claim.kind != "comparison":
            out.append(claim)
            continue
        key = (claim.subject.model_id or claim.subject.text, claim.relation)
        if key not in seen:
            seen[key] = len(out)
            out.append(claim)
            continue
        first = out[seen[key]]
        names = {o.model_id or o.text for o in first.compared_to}
        extra = tuple(o for o in claim.compared_to if (o.model_id or o.text) not in names)
        out[seen[key]] = replace(first, compared_to=first.compared_to + extra)
    return out


def _with_provenance(claim: CandidateClaim, prov: str, by: str | None) -> CandidateClaim:
    from dataclasses import replace
    return replace(claim, provenance=prov, reported_by=by)


def _names_own_test(sentence: str, hits: list[Hit]) -> bool:
    """Whether the sentence names a test of its own that the record does not know: an acronym-like name (two capitals
    or a capital and a digit) beside a word for test, which is no model or vendor the sentence names."""
    for m in _OWN_TEST.finditer(sentence):
        name = m.group("a") or m.group("b")
        start = m.start("a") if m.group("a") else m.start("b")
        if sum(c.isupper() or c.isdigit() for c in name) >= 2 and \
                not any(h.start <= start < h.end for h in hits):
            return True
    return False


def _inside_brackets(sentence: str, pos: int) -> bool:
    """"…を達成(GPT-4oは13.4%)": a name inside an aside is the aside's topic, not the text's."""
    head = sentence[:pos]
    return head.count("(") + head.count("（") > head.count(")") + head.count("）")


def _clause_end(sentence: str, start: int) -> int:
    m = _CLAUSE_END.search(sentence, start)
    return m.start() if m else len(sentence)


def _subject_gap(gap: str, models: list[Hit], start: int, end: int) -> bool:
    """"On GPQA, GPT-5 scores 85": the gap holds one model and a score verb."""
    inside = [h for h in models if start <= h.start and h.end <= end]
    if len(inside) != 1:
        return False
    return bool(re.fullmatch(r",?\s*" + re.escape(inside[0].text) + r"\s+(?:\w+\s+)?" + _SCORE_VERB + r"\s+(?:a\s+)?",
                             gap))


def _looks_like_model(name: str) -> bool:
    """A new model name has a digit, a hyphen or an inner capital: "Nova-2", "Mistral Medium 3", not "Monday"."""
    return bool(_DIGIT.search(name) or "-" in name or _INNER_CAPITAL.search(name))


_MD_LINK = re.compile(r"\[([^\[\]\n]{1,200})\]\((?:https?://|\./|/|#)[^()\s]{0,500}\)")


def _plain_links(text: str) -> str:
    """"[GLM-4-Voice](https://github.com/THUDM/GLM-4-Voice)" reads as its text: the address is blanked (same length,
    so offsets hold), so a name inside a URL is no mention and "我们开源了 [X](…)" keeps its object next to the verb."""
    if "](" not in text:
        return text
    return _MD_LINK.sub(lambda m: " " + m.group(1) + " " * (len(m.group(0)) - len(m.group(1)) - 1), text)


def _verbatim(extraction: Extraction, text: str, original: str) -> Extraction:
    """Quotes found in the normalised text, given back as the original wrote them (the mapping is one to one)."""
    from dataclasses import replace

    found: dict[str, str] = {}  # a table row is the quote of every cell in it: looked up once

    def fix(quote: str) -> str:
        if quote not in found:
            at = text.find(quote)
            found[quote] = original[at:at + len(quote)] if at >= 0 else quote
        return found[quote]
    return replace(extraction, releases=tuple(replace(r, quote=fix(r.quote)) for r in extraction.releases),
                   claims=tuple(replace(c, quote=fix(c.quote)) for c in extraction.claims))
