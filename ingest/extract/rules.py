"""The default extractor: gazetteer plus patterns, no network and no key.

Finds mentions (vendors, models, benchmarks named in the text), releases (a
release verb with the model it governs), benchmark scores ("scores 89.1 on
MMLU-Pro", "MMLU-Pro score of 89.1", pipe tables of scores) and comparisons
("outperforms", "on par with", "trails"). Rules: every candidate's quote is the
sentence (or table row) it came from, verbatim; a figure is taken only when it
sits next to a benchmark name, so stray numbers are never scores; hedged or
negated statements ("is expected to launch", "does not outperform") are
skipped; "It"/"The model" at the start of a sentence refers to the model the
article is about. Precision matters more than recall: a missed claim costs
less than a wrong one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import provenance
from .gazetteer import Gazetteer, Hit
from .types import CandidateClaim, CandidateRelease, Extraction, Mention, ModelRef

_SENTENCE = re.compile(r"(?<=[.!?])[\"”')\]]*\s+(?=[\"“(\[]?[A-Z0-9])|\n+")
RELEASE_VERB = re.compile(
    r"\b(?:released|releases|releasing|unveiled|unveils|unveiling|launched|launches|launching|rolled\s+out|"
    r"rolls\s+out|rolling\s+out|introduced|introduces|debuted|debuts|shipped|ships|open-sourced|"
    r"open-sources|announced|announces|made\s+available|is\s+now\s+available|are\s+now\s+available)\b",
    re.IGNORECASE)
HEDGE = re.compile(r"\b(?:will|would|plans?\s+to|planning\s+to|expected\s+to|rumou?red|could|may|might|"
                   r"upcoming|not\s+yet|reportedly\s+preparing|is\s+preparing|ahead\s+of|since|after|"
                   r"before|last\s+year|predecessor)\b", re.IGNORECASE)
NEGATION = re.compile(r"\b(?:not|never|no\s+longer|fails?\s+to|failed\s+to)\s+(?:\w+\s+)?$|n't\s+(?:\w+\s+)?$",
                      re.IGNORECASE)
COMPARISON = re.compile(
    r"\b(?P<beats>outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beat(?:s|ing)?|exceed(?:s|ed|ing)?|"
    r"edg(?:es|ed|ing)\s+out|(?:comes?|came)\s+out\s+ahead\s+of|ahead\s+of|top(?:s|ped|ping))"
    r"|(?P<matches>comparable\s+to|on\s+par\s+with|match(?:es|ed|ing)|rival(?:s|ed|ing)?|level\s+with|"
    r"competitive\s+with)"
    r"|(?P<trails>trail(?:s|ed|ing)?|lag(?:s|ged|ging)?\s+behind|fall(?:s|ing)?\s+short\s+of|fell\s+short\s+of|"
    r"behind)\b", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.])(\d{1,4}(?:\.\d+)?)(\s*(?:%|percent|per\s+cent))?(?![\d.]*\s*(?:[BMK]\b|billion|"
                     r"million|tokens|x\b|times|years?|days?|months?|languages))(?!\.\d)")
_BEFORE_BENCH = re.compile(r"^(?:\s*(?:%|percent))?\s*(?:accuracy|pass@1|score|points)?\s*(?:on|in|at|for)\s+"
                           r"(?:the\s+)?$", re.IGNORECASE)
_AFTER_BENCH = re.compile(r"^\s*(?:benchmark)?\s*(?:\([^)]{0,20}\))?\s*(?:score|scores|accuracy|result|pass@1)?\s*"
                          r"(?:of|at|:|=|is|was|reached|hit|,|-)?\s*(?:a\s+)?(?:score\s+of\s+)?(?:about\s+)?$",
                          re.IGNORECASE)
_SCORE_VERB = r"(?:scores?|scored|scoring|reaches|reached|achieves|achieved|hits|hit|posts|posted|gets|got|records|recorded)"
_PRONOUN_GAP = re.compile(r",?\s*(?:it|the\s+(?:new\s+)?model)\s+" + _SCORE_VERB + r"\s+(?:a\s+)?(?:score\s+of\s+)?",
                          re.IGNORECASE)
_ANAPHOR = re.compile(r"(?:^\s*|\b)(?:It|it|The\s+(?:new\s+)?model|the\s+(?:new\s+)?model|This\s+model)\b(?!')")
_OBJECT_GAP = re.compile(r"^\s+(?:(?:its|a|an|the|their|our|his|her)\s+)?(?:(?:new|latest|next|next-generation|open|"
                         r"open-weights|flagship|updated|upgraded|smaller|larger|faster)\s+)*(?:(?:model|version|"
                         r"flagship)\s*,?\s+)?(?:called\s+|named\s+|dubbed\s+)?$", re.IGNORECASE)
_NEW_NAME = re.compile(r"\s+(?:(?:its|a|an|the)\s+)?(?:(?:new|latest|next)\s+)?(?:(?:model|flagship|family)\s*,?\s+)?"
                       r"(?:called\s+|named\s+)?(?P<name>[A-Z][A-Za-z]+(?:[-\s]?[A-Z0-9][\w.]*){0,3})")


def split_sentences(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for m in _SENTENCE.finditer(text):
        piece = text[pos:m.start()]
        if piece.strip():
            out.append((pos, piece))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, text[pos:]))
    return out


@dataclass(frozen=True)
class SourceContext:
    """What the extractor knows about where the text comes from."""

    url: str | None = None
    vendor_id: str | None = None
    """Set when the text is the vendor's own (its feed or its site): every claim is then vendor_reported."""
    date: str | None = None


class RuleExtractor:
    name = "rules"

    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer
        self._local: dict[str, ModelRef] = {}
        """New model names released earlier in the article being extracted (one article at a time)."""

    def extract(self, text: str, ctx: SourceContext | None = None) -> Extraction:
        ctx = ctx or SourceContext()
        mentions: dict[tuple[str, str], Mention] = {}
        releases: dict[str, CandidateRelease] = {}
        claims: dict[tuple, CandidateClaim] = {}
        focus: ModelRef | None = None
        previous, prev_vendors = "", []
        lines = text.splitlines()
        table_claims = self._tables(lines, ctx)
        for claim in table_claims:
            claims.setdefault(claim.key(), claim)
        local: dict[str, ModelRef] = {}
        for _, sentence in split_sentences(text):
            hits = self.gaz.find(sentence)
            if sentence.lstrip().startswith("|"):
                for h in hits:
                    mentions.setdefault((h.kind, h.id), Mention(h.kind, h.id, h.text))
                continue
            hits = self._with_local(sentence, hits, local)
            for h in hits:
                if not h.id.startswith("new:"):
                    mentions.setdefault((h.kind, h.id), Mention(h.kind, h.id, h.text))
            models = [h for h in hits if h.kind == "model"]
            vendors = [(h.start, h.end, h.id) for h in hits if h.kind == "vendor"]
            for release in self._releases(sentence, hits, ctx):
                key = release.model.model_id or release.model.text
                releases.setdefault(key, release)
                if release.model.model_id is None:
                    local.setdefault(release.model.text, release.model)
                focus = focus or release.model
            if focus is None and models:
                fallback = self._ref(models[0])
            else:
                fallback = focus
            anaphor = fallback if _ANAPHOR.search(sentence) else None
            found = [*self._scores(sentence, hits, anaphor), *self._comparisons(sentence, hits, anaphor)]
            if focus is None and found:
                focus = found[0].subject
            for claim in found:
                subject_vendor = claim.subject.vendor_id
                prov, by = provenance.decide(sentence, previous, vendors, prev_vendors, ctx.vendor_id, subject_vendor)
                claim = _with_provenance(claim, prov, by)
                claims.setdefault(claim.key(), claim)
            previous, prev_vendors = sentence, vendors
        return Extraction(mentions=tuple(mentions.values()), releases=tuple(releases.values()),
                          claims=tuple(claims.values()))

    # ---- helpers ---------------------------------------------------------
    def _ref(self, hit: Hit) -> ModelRef:
        if hit.id.startswith("new:"):
            return self._local[hit.id[4:]]
        return ModelRef(hit.text, hit.id, self.gaz.vendor_of_model(hit.id))

    def _with_local(self, sentence: str, hits: list[Hit], local: dict[str, ModelRef]) -> list[Hit]:
        """Hits for new model names this article released earlier, so later sentences can make claims about them."""
        self._local = local
        if not local:
            return hits
        extra = []
        for name in local:
            for m in re.finditer(r"(?<![\w.\-])" + re.escape(name) + r"(?![\w]|[.\-][A-Za-z0-9])", sentence):
                if not any(h.start < m.end() and m.start() < h.end for h in hits):
                    extra.append(Hit("model", "new:" + name, m.start(), m.end(), m.group(0)))
        return sorted([*hits, *extra], key=lambda h: h.start)

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
            model_hit = next((h for h in after if h.kind in ("model", "benchmark") and h.start < clause_end), None)
            if model_hit is not None and not (model_hit.kind == "model" and
                                              _OBJECT_GAP.match(sentence[verb.end():model_hit.start])):
                model_hit = None
                if self._new_name(sentence, verb.end()) is None:
                    continue
            vendor_id = next((h.id for h in reversed(before) if h.kind == "vendor"), None)
            if model_hit is not None:
                ref = self._ref(model_hit)
            elif re.match(r"\s*$|\s*(?:today|this\s+week|on\s+\w+day)\b", sentence[verb.end():verb.end() + 20]) \
                    or re.search(r"\b(?:was|were|is|has\s+been|been|being)\s+$", head):
                passive = [h for h in before if h.kind == "model"]
                if not passive:
                    continue
                ref = self._ref(passive[-1])
            else:
                name = self._new_name(sentence, verb.end())
                vendor_id = vendor_id or ctx.vendor_id
                if not name or not vendor_id:
                    continue
                ref = ModelRef(name, None, vendor_id)
            vendor_id = ref.vendor_id or vendor_id or ctx.vendor_id
            out.append(CandidateRelease(ref, vendor_id, sentence.strip(), ctx.date))
        return out

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
            if re.fullmatch(r"(?:19|20)\d\d", num.group(1)) and not num.group(2):
                continue  # a year, not a score
            bench = None
            for b in benches:
                if b.start >= num.end() and _BEFORE_BENCH.match(sentence[num.end():b.start]):
                    bench = b
                    break
                if b.end <= num.start():
                    gap = sentence[b.end:num.start()]
                    if _AFTER_BENCH.match(gap) or _subject_gap(gap, models, b.end, num.start()) or \
                            (anaphor is not None and _PRONOUN_GAP.fullmatch(gap)):
                        bench = b
            if bench is None:
                continue
            subject = self._model_before(models, min(num.start(), bench.start))
            if subject is None:
                subject = self._model_before(models, num.start())
            if subject is None:
                following = [h for h in models if h.start >= num.end()]
                subject = following[0] if following and re.match(r"\s*(?:%|percent)?\s*(?:on|in)\s+\S+\s+(?:for|by)\s+",
                                                                  sentence[num.end():following[0].start + 1]) else None
            ref = self._ref(subject) if subject else anaphor
            if ref is None:
                continue
            value_text = num.group(1)
            unit = "%" if num.group(2) else None
            out.append(CandidateClaim("benchmark_score", ref, sentence.strip(), "vendor_reported",
                                      benchmark_id=bench.id, value=float(value_text), value_text=value_text, unit=unit))
        return out

    def _comparisons(self, sentence: str, hits: list[Hit], anaphor: ModelRef | None) -> list[CandidateClaim]:
        out = []
        models = [h for h in hits if h.kind == "model"]
        benches = [h for h in hits if h.kind == "benchmark"]
        for verb in COMPARISON.finditer(sentence):
            relation = verb.lastgroup
            head = sentence[:verb.start()]
            if NEGATION.search(head[-30:]) or HEDGE.search(head[-40:]) and re.search(r"\b(?:could|may|might|would)\b",
                                                                                    head[-40:]):
                continue
            if relation == "trails" and verb.group(0).lower() == "behind" and not re.search(r"\b(?:is|are|was|sits|sat|"
                                                                                         r"ranks|ranked|placed|comes?|came|"
                                                                                         r"lands?|landed)\s+(?:\w+\s+)?$",
                                                                                         head):
                continue
            subject_hit = self._model_before(models, verb.start())
            if subject_hit is None and anaphor is None:
                continue
            if subject_hit is not None and re.search(r"[;]|\b(?:while|whereas|but)\b", sentence[subject_hit.end:verb.start()]):
                continue
            end = _clause_end(sentence, verb.end())
            compared = [h for h in models if verb.end() <= h.start < end]
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

    def _tables(self, lines: list[str], ctx: SourceContext) -> list[CandidateClaim]:
        out: list[CandidateClaim] = []
        header: list[str | None] | None = None
        intro = ""
        for i, line in enumerate(lines):
            stripped = line.strip()
            if not stripped.startswith("|"):
                header = None
                if stripped:
                    intro = stripped
                continue
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                continue
            if header is None:
                header = []
                for c in cells:
                    entry = self.gaz.lookup(c) if c else None
                    header.append(entry.id if entry and entry.kind == "benchmark" else None)
                if not any(header):
                    header = None
                continue
            entry = self.gaz.lookup(cells[0]) if cells else None
            if entry is None or entry.kind != "model":
                continue
            ref = ModelRef(cells[0], entry.id, entry.vendor_id)
            for bench_id, cell in zip(header[1:], cells[1:]):
                value = re.fullmatch(r"(\d{1,4}(?:\.\d+)?)\s*(%)?", cell)
                if bench_id and value:
                    prov, by = provenance.decide(intro, "", [], [], ctx.vendor_id, entry.vendor_id)
                    out.append(CandidateClaim("benchmark_score", ref, stripped, prov, by, benchmark_id=bench_id,
                                              value=float(value.group(1)), value_text=value.group(1),
                                              unit="%" if value.group(2) else None))
        return out


def _with_provenance(claim: CandidateClaim, prov: str, by: str | None) -> CandidateClaim:
    from dataclasses import replace
    return replace(claim, provenance=prov, reported_by=by)


def _clause_end(sentence: str, start: int) -> int:
    m = re.compile(r"[;:]|,\s*(?:while|whereas|but|which|and\s+it|according)\b|\s(?:while|whereas|but)\s"
                   r"|\s(?:on|in)\s+(?:the\s+)?(?:same|other)").search(sentence, start)
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
    return bool(re.search(r"\d", name) or "-" in name or re.search(r"[a-z][A-Z]", name))
