"""Checking a generated lead against the digest's facts, figure by figure.

Rules (a false rejection costs a plainer lead paragraph; a false acceptance puts an invented
figure, name, link or ping in front of a channel, so every rule errs towards rejecting):
- Every figure must be a fact's figure *with its model and benchmark*: the model nearest before
  it in the same sentence (else the nearest after it) and the benchmark nearest to it must be the
  ones the fact belongs to. A digit string inside a date, a week or an id is not a figure, and a
  date must itself be one of the facts' dates.
- A count ("2 new releases", "6 claims") must be one of the digest's counts and be followed by
  what it counts. Numbers written in words ("seven points", "twenty-seven") are numbers too.
  Margins, percent changes and ranks ("by 7 points", "16% better", "#1", "3rd") are never in the
  facts, so they are rejected.
- Every name-like token (a capitalised word, CamelCase, letters with digits like "GPT-7") must
  belong to a model, vendor or benchmark named in the facts; a record name absent from the facts
  is rejected too.
- No link but the facts' own source URLs; no mention syntax at all (<!channel>, <!here>,
  @channel, @here, @everyone, <@U…>, <#C…>, <@&…>, any "@name").
`check_digest` works on the structured facts (Ground, built from the Digest); `check` keeps the
older text-only test for callers that have nothing but a facts text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

# ---- the older text-only check ---------------------------------------------------------------
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_MODEL_TOKEN = re.compile(r"(?<![\w-])(?=[\w.\-]*[A-Za-z])(?=[\w.\-]*\d)[A-Za-z0-9][\w.\-]*[A-Za-z0-9]")
_CAMEL = re.compile(r"(?<![\w-])[A-Z][a-z]+[A-Z][\w\-]*")
"""CamelCase words ("DeepSeek", "OpenAI", "MiniMax") are how AI vendors and models tend to be named."""


def numbers(text: str) -> set[float]:
    out = set()
    for token in _NUMBER.findall(text):
        try:
            out.add(float(token.replace(",", "")))
        except ValueError:  # pragma: no cover - the pattern only matches numbers
            continue
    return out


def _mentions(text_lower: str, name: str) -> bool:
    name = name.lower().strip()
    if len(name) < 3 or name not in text_lower:
        return False
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text_lower) is not None


def check(text: str, facts_text: str, known_names: Iterable[str] = ()) -> list[str]:
    """Text-only check: every number and name must occur somewhere in the facts text (no attachment
    to models and benchmarks; use check_digest where the Digest is at hand)."""
    problems: list[str] = []
    if not text.strip():
        return ["the text is empty"]
    problems += _syntax_problems(text, frozenset())
    allowed = numbers(facts_text)
    for value in sorted(numbers(text) - allowed):
        problems.append(f"the number {value:g} is not in the facts")
    facts_lower, text_lower = facts_text.lower(), text.lower()
    seen = set()
    for name in known_names:
        key = name.lower().strip()
        if key in seen:
            continue
        seen.add(key)
        if _mentions(text_lower, name) and not _mentions(facts_lower, name):
            problems.append(f"the name “{name}” is not in the facts")
    for token in dict.fromkeys(_MODEL_TOKEN.findall(text) + _CAMEL.findall(text)):
        if token.lower() not in facts_lower:
            problems.append(f"the name “{token}” is not in the facts")
    return problems


# ---- structured facts ------------------------------------------------------------------------
@dataclass(frozen=True)
class Figure:
    model: str
    """Lower-cased model name."""
    benchmark: str
    """Lower-cased benchmark name."""
    value: float


@dataclass(frozen=True)
class Ground:
    """What a lead may say: figures with their model and benchmark, counts, names, dates, links."""

    figures: frozenset[Figure]
    counts: frozenset[float]
    names: dict[str, str] = field(default_factory=dict)
    """Lower-cased name or alias -> 'model' | 'vendor' | 'benchmark' (only those in the facts)."""
    canonical: dict[str, str] = field(default_factory=dict)
    """Lower-cased alias -> lower-cased canonical name (figures use canonical names)."""
    absent: frozenset[str] = frozenset()
    """Record names that are not in the facts (mentioning one is an invention)."""
    dates: frozenset[date] = frozenset()
    weeks: frozenset[str] = frozenset()
    urls: frozenset[str] = frozenset()


def _in_text(name: str, text_lower: str) -> bool:
    key = name.lower().strip()
    return bool(key) and re.search(r"(?<![\w-])" + re.escape(key) + r"(?![\w-])", text_lower) is not None


def ground_of(digest, facts_text: str, known_names: Iterable[str] = ()) -> Ground:
    """The structured facts of a digest (digests.model.Digest) as given to the summarizer in facts_text."""
    facts_lower = facts_text.lower()
    names: dict[str, str] = {}
    canonical: dict[str, str] = {}
    for kind, table in (("model", digest.models), ("vendor", digest.vendors), ("benchmark", digest.benchmarks)):
        for row in table.values():
            if not _in_text(row.name, facts_lower):
                continue
            for alias in (row.name, *(getattr(row, "aliases", None) or ())):
                if alias and len(alias.strip()) >= 2:
                    names[alias.lower().strip()] = kind
                    canonical[alias.lower().strip()] = row.name.lower().strip()
    absent = frozenset(n.lower().strip() for n in known_names
                       if n and len(n.strip()) >= 3 and n.lower().strip() not in names)

    figures = set()

    def add(claim) -> None:
        if claim.kind == "benchmark_score" and claim.value is not None and claim.benchmark_id:
            figures.add(Figure(digest.model_name(claim.subject_id).lower(),
                               digest.benchmark_name(claim.benchmark_id).lower(), float(claim.value)))
    for group in digest.claim_groups:
        for claim in group.claims:
            add(claim)
    for move in digest.moves:
        add(move.new)
        add(move.previous)

    counts = {digest.headline_total, digest.claim_total, digest.claim_model_total, digest.move_total,
              digest.watch_total, digest.first_scores, *(g.total for g in digest.claim_groups),
              *(n for _, n in digest.provenance_counts), *(n for g in digest.claim_groups
                                                            for _, n in g.provenance_counts)}
    p = digest.period
    days = {p.first_day + timedelta(days=i) for i in range((p.last_day - p.first_day).days + 1)}
    for h in digest.headlines:
        d = _iso_date(h.release.date)
        if d:
            days.add(d)
    urls = frozenset(_norm_url(s.url) for s in digest.sources.values() if getattr(s, "url", None))
    return Ground(frozenset(figures), frozenset(float(c) for c in counts), names, canonical, absent,
                  frozenset(days), frozenset({p.week.lower()}), urls)


def check_digest(text: str, digest, facts_text: str, known_names: Iterable[str] = ()) -> list[str]:
    """Problems found in an LLM lead (empty when every figure, name, link and date is grounded)."""
    return check_grounded(text, ground_of(digest, facts_text, known_names))


# ---- the check ---------------------------------------------------------------------------------
_MENTION = re.compile(r"<\s*[!@#][^>]*>|(?<![\w.])@\w+|!(?:channel|here|everyone)\b", re.IGNORECASE)
_ANGLE_LINK = re.compile(r"<[a-z][a-z0-9+.-]*:[^>]*>", re.IGNORECASE)
_URL = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)[^\s<>|\])}\"']+", re.IGNORECASE)
_DOMAIN = re.compile(r"(?<![\w@/.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|ai|io|co|dev|app|xyz|info|biz|"
                     r"ly|me|gg|cn|uk|de|fr|ru|tk|link|site|online|top|click|sh|so|to)\b(?:/[^\s<>]*)?",
                     re.IGNORECASE)
_MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                           "nov", "dec"))}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+Z-]*)?\b")
_WEEK = re.compile(r"\b\d{4}-W\d{2}\b", re.IGNORECASE)
_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+" + _MONTH + r"(?:,?\s+(\d{4}))?\b", re.IGNORECASE)
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b", re.IGNORECASE)
_RANK = re.compile(r"#\s*\d+|\bno\.\s*\d+|\b\d+(?:st|nd|rd|th)\b|\bnumber\s+(?:one|1)\b|\b(?:first|second|third)"
                   r"\s+place\b|\btop\s+(?:spot|place|rank)\b|\branks?\b|\branked\b", re.IGNORECASE)
_UNITS = r"(?:\s*(%|percent\b|per\s+cent\b|points?\b|pts?\b|pp\b|percentage\s+points?\b|x\b|times\b|fold\b))?"
_DIGITS = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w])" + _UNITS, re.IGNORECASE)
_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
         "seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORDS = {w: float(i) for i, w in enumerate(_ONES)} | {w: float(20 + 10 * i) for i, w in enumerate(_TENS)}
_WORDS |= {"dozen": 12.0, "hundred": 100.0, "thousand": 1000.0, "half": 0.5, "twice": 2.0, "double": 2.0,
           "triple": 3.0, "doubled": 2.0, "tripled": 3.0, "halved": 0.5}
_WORD_NUM = re.compile(r"\b(" + "|".join(_TENS) + r")(?:[\s-](" + "|".join(_ONES[1:10]) + r"))?\b|\b("
                       + "|".join(sorted(set(_WORDS) - set(_TENS), key=len, reverse=True)) + r")\b" + _UNITS,
                       re.IGNORECASE)
_COUNTED = re.compile(r"^\s*(?:(?:new|more|vendor|independent|independently|disputed|crowd-sourced|retracted|"
                      r"benchmark|best|unchecked|other|further|reported|of\s+the)\s+){0,3}"
                      r"(releases?|claims?|models?|benchmarks?|vendors?|moves?|scores?|figures?|launch(?:es)?|"
                      r"records?|independent|disputed|items?)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")
_CAPITAL = re.compile(r"(?<![\w-])[A-Z][\w.-]*[\w]|(?<![\w-])[A-Z](?![\w-])")
_COMMON = set("""a an and as at after again all also among another any are as at be been before being both but by
despite during each earlier either even every few for from had has have her here his however if in including into
is it its itself just last later least less meanwhile more most much new next no none nor not nothing now of on one
only or other our over per previously since so some still such than that the their then there these they this
those though through thus to today two under until up upon via was we week weekly were what when where whereas
which while who whose will with within without yet details according across alongside vendor vendors independent independently benchmark benchmarks
claim claims model models release releases launch launches launched elsewhere overall separately notably quiet
i ai""".split())
"""Words that may start a sentence (capitalised there) without being a name."""
_ALWAYS_OK = {"AI", "I", "LLM", "LLMs", "API", "APIs"}


def _iso_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _norm_url(url: str) -> str:
    url = url.strip().rstrip(".,;:!?)]}'\"")
    if not re.match(r"[a-z][a-z0-9+.-]*://", url, re.IGNORECASE):
        url = "https://" + url
    scheme, _, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    return f"{scheme.lower()}://{host.lower()}{slash}{path}".rstrip("/")


def _syntax_problems(text: str, urls: frozenset[str]) -> list[str]:
    problems = []
    for m in _MENTION.finditer(text):
        problems.append(f"mention syntax “{m.group(0)[:40]}” is not allowed")
    for m in _ANGLE_LINK.finditer(text):
        problems.append(f"link syntax “{m.group(0)[:60]}” is not allowed")
    for m in list(_URL.finditer(text)) + list(_DOMAIN.finditer(text)):
        if _norm_url(m.group(0)) not in urls:
            problems.append(f"the link “{m.group(0)[:80]}” is not one of the facts' sources")
    return list(dict.fromkeys(problems))


@dataclass
class _Span:
    start: int
    end: int
    kind: str
    name: str


def _date_ok(ground: Ground, y: int | None, m: int, d: int) -> bool:
    return any(x.month == m and x.day == d and (y is None or x.year == y) for x in ground.dates)


def _name_spans(sentence: str, ground: Ground) -> list[_Span]:
    lower = sentence.lower()
    taken = [False] * len(sentence)
    spans = []
    for name in sorted(set(ground.names) | set(ground.absent), key=len, reverse=True):
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-]|\.\d)", lower):
            if any(taken[m.start():m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            kind = ground.names.get(name, "absent")
            spans.append(_Span(m.start(), m.end(), kind, ground.canonical.get(name, name)))
    return sorted(spans, key=lambda s: s.start)


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def check_grounded(text: str, ground: Ground) -> list[str]:
    if not text.strip():
        return ["the text is empty"]
    problems = _syntax_problems(text, ground.urls)
    for sentence in (s for s in _SENTENCE.split(text) if s.strip()):
        problems += _sentence_problems(sentence, ground)
    return list(dict.fromkeys(problems))


def _sentence_problems(sentence: str, ground: Ground) -> list[str]:
    problems: list[str] = []
    work = sentence
    for m in list(_URL.finditer(work)) + list(_DOMAIN.finditer(work)) + list(_MENTION.finditer(work)) \
            + list(_ANGLE_LINK.finditer(work)):
        work = _blank(work, m.start(), m.end())  # already judged as links or mentions
    spans = _name_spans(work, ground)
    for s in spans:
        if s.kind == "absent":
            problems.append(f"the name “{sentence[s.start:s.end]}” is not in the facts")
        work = _blank(work, s.start, s.end)
    # dates and weeks: allowed only if they are the facts' own; then they are not numbers
    for m in _WEEK.finditer(work):
        if m.group(0).lower() not in ground.weeks:
            problems.append(f"the week “{m.group(0)}” is not in the facts")
        work = _blank(work, m.start(), m.end())
    for m in _ISO_DATE.finditer(work):
        if not _date_ok(ground, int(m.group(1)), int(m.group(2)), int(m.group(3))):
            problems.append(f"the date “{m.group(0)}” is not in the facts")
        work = _blank(work, m.start(), m.end())
    for pattern, day_group, month_group, year_group in ((_DAY_MONTH, 1, 2, 3), (_MONTH_DAY, 2, 1, 3)):
        for m in pattern.finditer(work):
            month = _MONTHS[m.group(month_group)[:3].lower()]
            year = int(m.group(year_group)) if m.group(year_group) else None
            if not _date_ok(ground, year, month, int(m.group(day_group))):
                problems.append(f"the date “{m.group(0)}” is not in the facts")
            work = _blank(work, m.start(), m.end())
    years = {d.year for d in ground.dates}
    for m in _RANK.finditer(work):
        problems.append(f"the rank claim “{m.group(0)}” is not in the facts")
        work = _blank(work, m.start(), m.end())
    models = [s for s in spans if s.kind == "model"]
    benchmarks = [s for s in spans if s.kind == "benchmark"]
    tokens = []
    for m in _DIGITS.finditer(work):
        value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        tokens.append((m.start(), m.end(), value, (m.group(3) or "").lower(), m.group(0).strip()))
    for m in _WORD_NUM.finditer(work):
        if m.group(1):
            value = _WORDS[m.group(1).lower()] + (_WORDS[m.group(2).lower()] if m.group(2) else 0)
        else:
            value = _WORDS[m.group(3).lower()]
        unit = (m.group(4) or "").lower()
        if m.group(3) and m.group(3).lower() == "one" and not unit and not _COUNTED.match(work[m.end():]):
            continue  # "one of", "the one that": not a figure
        tokens.append((m.start(), m.end(), value, unit, m.group(0).strip()))
    for start, end, value, unit, written in sorted(tokens):
        if not unit and float(value).is_integer() and int(value) in years and len(written) == 4:
            continue  # the year of the facts' dates
        if unit and unit not in ("%", "percent", "per cent"):
            problems.append(f"the figure “{written}” is a margin or ratio, which the facts never state")
            continue
        counted = _COUNTED.match(work[end:])
        if counted and not unit:
            if value not in ground.counts:
                problems.append(f"the count {value:g} ({written} {counted.group(1)}) is not in the facts")
            continue
        problem = _figure_problem(start, value, written, models, benchmarks, ground)
        if problem:
            problems.append(problem)
    problems += _name_problems(sentence, work)
    return problems


def _figure_problem(pos: int, value: float, written: str, models: list[_Span], benchmarks: list[_Span],
                    ground: Ground) -> str | None:
    matching = [f for f in ground.figures if abs(f.value - value) < 1e-9]
    if not matching:
        return f"the number {written} is not in the facts"
    before = [s for s in models if s.end <= pos]
    after = [s for s in models if s.start >= pos]
    model = before[-1] if before else (after[0] if after else None)
    bench = min(benchmarks, key=lambda s: min(abs(s.start - pos), abs(s.end - pos)), default=None)
    if model is None or bench is None:
        return f"the number {value:g} is not attached to the model and benchmark it belongs to"
    if not any(f.model == model.name and f.benchmark == bench.name for f in matching):
        return (f"the number {value:g} is not {model.name}'s figure on {bench.name} in the facts "
                f"(it belongs to {', '.join(sorted(f'{f.model} on {f.benchmark}' for f in matching))})")
    return None


def _name_problems(sentence: str, work: str) -> list[str]:
    """Name-like tokens left after the known names were blanked out: inventions."""
    problems = []
    tokens = list(_MODEL_TOKEN.finditer(work)) + list(_CAMEL.finditer(work)) + list(_CAPITAL.finditer(work))
    first_word = re.search(r"[A-Za-z]", work)
    seen = set()
    for m in sorted(tokens, key=lambda m: m.start()):
        token = m.group(0).rstrip(".")
        if token in seen or token in _ALWAYS_OK:
            continue
        seen.add(token)
        if _MODEL_TOKEN.fullmatch(token) or _CAMEL.fullmatch(token):
            problems.append(f"the name “{token}” is not in the facts")
            continue
        at_start = first_word is not None and m.start() == first_word.start()
        if at_start and token.lower() in _COMMON:
            continue  # an ordinary word capitalised because it starts the sentence
        problems.append(f"the name “{token}” is not in the facts")
    return problems
