"""Text as the patterns expect it, and figures written the way people in many languages write them.

Rules: `normalise` maps one character to one character (full-width digits and
letters, the many dashes and spaces), so every offset in the normalised text is
the same offset in the original and quotes stay verbatim. Figures: a decimal
comma is a decimal point when one or two digits follow it and no third
("73,6 %", not "1,000"), and "1,721.9" has a thousands comma; a figure after "@" is a metric's k ("pass@1"),
after "von" a count unless a score noun leads ("einen Wert von 77,2 %"); a unit after the figure may be %, ％, percent,
Prozent, pour cent, por ciento, процента/процентов, points, or a score unit of
CJK text (分, 点, 점). A figure with a leading zero ("0528") is a date in a name. Every pattern here is linear: no nested quantifiers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_TABLE = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_TABLE.update({0x3000: 0x20, 0x00A0: 0x20, 0x2009: 0x20, 0x202F: 0x20, 0x2007: 0x20,
               0x2010: 0x2D, 0x2011: 0x2D, 0x2012: 0x2D, 0x2212: 0x2D, 0x3002: 0x3002})

MAX_CHARS = 60_000
"""Longer input is cut: extraction stays bounded whatever arrives."""


_TO_MAP = re.compile("[" + "".join(re.escape(chr(c)) for c, to in sorted(_TABLE.items()) if c != to) + "]")
"""The characters normalise changes: a text without any is returned as it is (translate looks every character up)."""


def normalise(text: str) -> str:
    """One character for one character: full-width forms to ASCII, odd hyphens and spaces to plain ones."""
    return text.translate(_TABLE) if _TO_MAP.search(text) else text


_UNIT = (r"%|percent\b|per\s?cent\b|Prozent\b|pour\s?cent\b|por\s?ciento\b|процент(?:а|ов)?\b|"
         r"points?\b|pts?\b|Punkte[n]?\b|Punkt\b|puntos?\b|балл(?:а|ов)?\b|очк(?:а|ов)\b|分|点|점")
NUMBER = re.compile(
    r"(?<![A-Za-z0-9_.,])(?P<num>\d{1,3}(?:,\d{3})+\.\d{1,3}|\d{1,3}(?: \d{3})+(?= ?(?:points?|pts|Punkte|puntos|Elo)\b)|\d{1,5}(?:[.,]\d{1,3})?)(?![\d])(?:\s?(?P<unit>" + _UNIT + r"))?", re.IGNORECASE)
_NOT_A_SCORE_AFTER = re.compile(
    r"\s?(?:[BMKTkb]\b|bn\b|billion|million|trillion|thousand|tokens?|x\b|×|times|倍|배|万|亿|億|个|個|年|月|日|일|월|"
    r"년|위|位|名|号|days?|weeks?|months?|years?|hours?|minutes?|seconds?|ms\b|s\b|h\b|languages|experts|layers|"
    r"GPUs?|€|\$|USD|dollars|-point|"
    r"mal\b|fois|veces|раз|млрд|млн|тыс|миллиард|миллион|milliards?|millions?|Milliarden?|Millionen|mil\s+millones|"
    r"[-/.]\d)", re.IGNORECASE)
_NOT_A_SCORE_BEFORE = re.compile(r"(?:[$€£¥+~×#№@]|\bv|\bby|\btop|\bNo\.?|\bQ|第|约|約|突破|(?:高出|提升|提高|领先|超出|多出)了?|\bout\s+of|\bsur|\bvon|из)\s?$",
                                 re.IGNORECASE)
_SAVING_BEFORE = re.compile(r"(?:savings?|saves?|saving|ahorro|ahorra\w*|économie\w*|économise\w*|Einsparung\w*|spart|"
                            r"экономи\w*|节省|節省|节约|節約|削減|절감|cost\s+reduction|reduce[sd]?|reducing|réduction|réduit|"
                            r"Reduktion|reduziert|снижени\w*|сниж\w*|reducción|reduce)\b[^.\d%]{0,24}$", re.IGNORECASE)
_DELTA_AFTER = re.compile(r"\s?(?:win\s+rate|fewer|more\b|faster|cheaper|lower|higher|improvement|lead|percentage\s+points?|"
                          r"pp\b|less\b|better|gain|increase|reduction|drop)", re.IGNORECASE)
_GAP_BEFORE = re.compile(r"(?:\b(?:gap|difference|margin|écart|Abstand|Unterschied|diferencia|brecha|разниц\w*|разрыв\w*)\b|"
                         r"差距|差异|差異|격차|차이|差は)[^.\d%。]{0,30}$", re.IGNORECASE)
"""'The gap is not small - it is 38 points on GPQA Diamond': a difference between two models, not a score."""
_SHARE_AFTER = re.compile(r"\s?(?:的参数|参数量|的參數|參數量|的成本|的价格|的價格|of\s+(?:the\s+|its\s+)?(?:parameters|cost|price)|"
                          r"des\s+paramètres|der\s+Parameter|de\s+los\s+parámetros)", re.IGNORECASE)
"""'以不到 40% 的参数量' (with under 40% of the parameters): a share of a size or a price, not a score."""
_SCORE_OF = re.compile(r"(?:Wert|Punktzahl|Score|Ergebnis|Quote|Genauigkeit|Erfolgsrate|Trefferquote)\s+von\s?$",
                       re.IGNORECASE)
""""einen Wert von 80,9 %": a score, though "von" before a figure is otherwise a count ("477 von 500")."""
_RATING_AFTER = re.compile(r"\s?\S{0,3}\s?(?:Elo|rating)", re.IGNORECASE)
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+\.\d{1,3}|\d{1,3}(?: \d{3})+")
_PLAIN = re.compile(r"(\d{1,5})(?:([.,])(\d{1,3}))?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_PERCENT_UNIT = re.compile(r"%|per|pro|pour|por|проц", re.IGNORECASE)


MAX_GAP = 200
"""The longest stretch between two things (a benchmark and a figure, a model and a figure) that the gap patterns
look at: they allow a few words, never a paragraph."""
_SPACE_RUN = re.compile(r"\s+")


def gap(text: str, start: int, end: int) -> str:
    """text[start:end] with each run of spaces as one space, or a string no gap pattern matches when longer than
    MAX_GAP: the gap patterns chain optional spaces, and a table padded with long runs of spaces made them backtrack
    for seconds (dev-140, once HumanEval-X was a known benchmark)."""
    if end - start > MAX_GAP:
        return "\x00"
    return _SPACE_RUN.sub(" ", text[start:end])


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    value: float
    text: str
    """The figure as written, without its unit ("73,6")."""
    unit: str | None


_COMMA_DECIMAL = re.compile(r"\d,\d{1,2}\s?%")
_POINT_THOUSANDS = re.compile(r"(?<![\w.,])([1-9]\d{0,2})\.(\d{3})(?![\d.,%])")
_POINTS_AFTER = re.compile(r"(?:\s*(?:,|y|and|et|und|e|и)\s*[1-9]\d{0,2}\.\d{3})*\s?(?:points?|pts?|Punkte[n]?|Punkt|puntos?|"
                           r"балл|очк|Elo\b)", re.IGNORECASE)
"""After a figure, its unit of points, or a list of such figures and then the unit ("2.622 y 2.516 puntos")."""


def thousands_points(text: str) -> str:
    """A point before exactly three digits is a thousands separator where the text writes decimals with a comma
    ("76,2%", so "1.501 Elo" and "2.439" are thousands) or where points follow ("2.622 y 2.516 puntos"). It becomes a
    comma, which parse_number reads as thousands; one character for one, so offsets hold."""
    if "." not in text:
        return text
    everywhere = bool(_COMMA_DECIMAL.search(text))
    return _POINT_THOUSANDS.sub(lambda m: f"{m.group(1)},{m.group(2)}" if everywhere or _POINTS_AFTER.match(text, m.end())
                                else m.group(0), text)


def parse_number(raw: str) -> float | None:
    """'73,6' -> 73.6, '79.8' -> 79.8, '1,000' -> 1000.0; None when not a number."""
    raw = raw.strip()
    if _GROUPED.fullmatch(raw):
        return float(raw.replace(",", "").replace(" ", ""))  # "1,721.9", "1 501 points"
    m = _PLAIN.fullmatch(raw)
    if not m:
        return None
    whole, sep, frac = m.groups()
    if sep is None:
        return float(whole)
    if sep == "," and len(frac) == 3:
        return float(whole + frac)
    return float(f"{whole}.{frac}")


def figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Figures that could be scores: units kept, counts, money, sizes, ranks, years and deltas left out."""
    out = []
    for m in NUMBER.finditer(text, start, len(text) if end is None else end):
        raw, unit = m.group("num"), m.group("unit")
        if not unit and _NOT_A_SCORE_AFTER.match(text, m.end("num")):
            continue
        if _DELTA_AFTER.match(text, m.end()) or _NOT_A_SCORE_BEFORE.search(text[max(0, m.start() - 7):m.start()]) and \
                not (unit and _SCORE_OF.search(text[max(0, m.start() - 20):m.start()])):
            continue
        if not unit and text[m.start() - 1:m.start()] in ("[", "［") and text[m.end():m.end() + 1] in ("]", "］"):
            continue  # "毫不逊色于GPT-5[7]": a citation mark
        if _SHARE_AFTER.match(text, m.end()) or _GAP_BEFORE.search(text, max(0, m.start() - 50), m.start()):
            continue
        if _SAVING_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "экономию затрат до 80%", "ahorro de hasta un 60 %": a saving, not a score
        if raw[0] == "0" and raw[1:2].isdigit():
            continue  # "DeepSeek R1 0528", "Claude 3 Opus 0229": a date in a name, never a score
        value = parse_number(raw)
        if value is None:
            continue
        if not unit and _YEAR.fullmatch(raw) and not _RATING_AFTER.match(text, m.end()):
            continue  # a year
        if unit and unit in "%" and value > 100:
            continue
        norm_unit = "%" if unit and _PERCENT_UNIT.match(unit) else (unit or None)
        out.append(Figure(m.start(), m.end(), value, raw, norm_unit))
    return out
