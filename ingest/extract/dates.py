"""Dates a text states, in several languages, resolved against the article's own date when relative.

Rules: absolute dates ("2025-01-20", "2025年1月20日", "January 20, 2025",
"20 janvier 2025", "20. Januar 2025", "20 de enero de 2025", "20 января 2025",
"2025년 1월 20일", "07.08.2025") resolve on their own; a month and a year
("November 2023", "2025年11月") resolve to "YYYY-MM"; a day and a month without
a year, and relative words ("yesterday", "last week", "on Tuesday", "昨日",
"gestern", "hier", "ayer", "вчера", "在周四", "木曜日", "목요일") resolve only against the article's
published date, never against the day of ingestion; with no published date, a day and a month take the year
the text states most often (year_of). Unresolvable: None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, timedelta

MONTHS = {}
for _i, _names in enumerate([
        "january jan janvier janv januar jän enero ene января январь gennaio",
        "february feb février fév fevrier februar febrero feb февраля февраль febbraio",
        "march mar mars märz marz marzo марта март",
        "april apr avril abril апреля апрель aprile",
        "may mai mayo мая май maggio",
        "june jun juin juni junio июня июнь giugno",
        "july jul juillet juli julio июля июль luglio",
        "august aug août aout agosto августа август",
        "september sep sept septembre septiembre setiembre сентября сентябрь settembre",
        "october oct octobre oktober okt octubre октября октябрь ottobre",
        "november nov novembre noviembre ноября ноябрь",
        "december dec décembre decembre dezember dez diciembre декабря декабрь dicembre"], start=1):
    for _n in _names.split():
        MONTHS.setdefault(_n, _i)
_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
"""Any word; find_dates keeps a match only when the word is a month name (one dict look-up, not a long alternation)."""
_Y = r"(?P<year>(?:19|20)\d\d)"
_D = r"(?P<day>[0-3]?\d)"

_PATTERNS = [
    re.compile(r"(?<!\d)" + _Y + r"-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    re.compile(r"(?<![\d.])" + _Y + r"(?P<sep>[./])(?P<mnum>1[0-2]|0?[1-9])(?P=sep)(?P<day>[0-3]?\d)(?![\d.])"),
    re.compile(_Y + r"\s?[年년]\s?(?P<mnum>[01]?\d)\s?[月월](?:\s?(?P<day>[0-3]?\d)\s?[日일])?"),
    re.compile(r"(?<!\d)(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?!\d)"),
    re.compile(r"\b" + _MONTH + r"\s+" + _D + r"(?:st|nd|rd|th)?,?\s+" + _Y + r"\b", re.IGNORECASE),
    re.compile(r"(?<!\d)" + _D + r"(?:er|\.)?\s+(?:de\s+)?" + _MONTH + r"\s+(?:de\s+)?" + _Y + r"\b", re.IGNORECASE),
    re.compile(r"\b" + _MONTH + r"\s+(?:de\s+)?" + _Y + r"\b", re.IGNORECASE),
    re.compile(r"(?<![\d年])(?P<mnum>1[0-2]|0?[1-9])\s?[月월]\s?(?P<day>[0-3]?\d)\s?(?:-\s?[0-3]?\d\s?)?[日일]"),
    re.compile(r"\b" + _MONTH + r"\s+" + _D + r"(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d\d)", re.IGNORECASE),
    re.compile(r"(?<![\d月월.])(?P<day>[0-3]?\d)\s?[日일](?![本曜])"),
    re.compile(r"\b(?:in|im|en|au\s+mois\s+de|в)\s+" + _MONTH + r"(?![\w.]|\s+\d)", re.IGNORECASE),
]
_WEEKDAYS = {w: i for i, ws in enumerate([
    "monday lundi montag lunes понедельник", "tuesday mardi dienstag martes вторник",
    "wednesday mercredi mittwoch miércoles miercoles среду среда", "thursday jeudi donnerstag jueves четверг",
    "friday vendredi freitag viernes пятницу пятница", "saturday samedi samstag sábado sabado субботу суббота",
    "sunday dimanche sonntag domingo воскресенье"]) for w in ws.split()}
_RELATIVE = re.compile(
    r"\b(?P<yesterday>yesterday|gestern|hier|ayer|вчера)\b|(?P<yesterday_cjk>昨日|昨天|어제)"
    r"|\b(?P<today>today|heute|aujourd'hui|hoy|сегодня)\b|(?P<today_cjk>今日|今天|오늘|本日)"
    r"|\b(?P<lastweek>last\s+week|letzte[nr]?\s+Woche|la\s+semaine\s+dernière|la\s+semana\s+pasada|на\s+прошлой\s+неделе)\b"
    r"|(?P<lastweek_cjk>上周|先週|지난주)"
    r"|\b(?:on|am|le|el|в|во)\s+(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b"
    r"|(?:周|週|星期|礼拜|禮拜)(?P<weekday_zh>[一二三四五六日天])|(?P<weekday_ja>[月火水木金土日])曜|(?P<weekday_ko>[월화수목금토일])요일",
    re.IGNORECASE)
_CJK_WEEKDAYS = {c: i for i, cs in enumerate(["一月월", "二火화", "三水수", "四木목", "五金금", "六土토", "日天일"]) for c in cs}
"""周四 / 木曜日 / 목요일: the day's character, Monday first (日 is Sunday in both Chinese and Japanese)."""


@dataclass(frozen=True)
class StatedDate:
    start: int
    end: int
    value: str
    """YYYY-MM-DD, or YYYY-MM when the text gives only a month."""


def _parse_iso(published: str | None) -> date | None:
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _published_month(published: str | None) -> tuple[int, int] | None:
    m = re.match(r"(\d{4})-(\d{2})", published or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def _build(year: int | None, month: int | None, day: int | None, published: str | None) -> str | None:
    ref = _parse_iso(published)
    ref_month = _published_month(published)
    if month is None:
        if day is None or ref_month is None:
            return None
        year, month = ref_month  # "20日": the day of the article's own month
        if ref and day > ref.day:
            month -= 1
            if month == 0:
                year, month = year - 1, 12
    if year is None:
        if ref_month is not None:
            year = ref_month[0]
            if (month, day or 1) > (ref_month[1], ref.day if ref else 31):
                year -= 1  # "January 20th" in a March article is this year's, in a later one last year's
        elif day is not None and re.fullmatch(r"\d{4}", published or ""):
            year = int(published)  # no article date: the year the text itself is about ("12월 1일" in a 2025 story)
        else:
            return None
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=256)
def find_dates(text: str, published: str | None = None) -> tuple[StatedDate, ...]:
    """Every date the text states that can be resolved, in order, without overlaps (cached: one sentence is often
    asked about several times)."""
    from .names import Spans
    taken = Spans()
    out: list[StatedDate] = []
    if len(text) > 5000:
        return tuple(d for i in range(0, len(text), 4000) for d in _shift(find_dates(text[i:i + 4000], published), i))
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            g = m.groupdict()
            if g.get("month") and g["month"].casefold() not in MONTHS:
                continue
            month = int(g["mnum"]) if g.get("mnum") else (MONTHS.get(g["month"].casefold().rstrip(".")) if g.get("month")
                                                          else None)
            year = int(g["year"]) if g.get("year") else None
            day = int(g["day"]) if g.get("day") else None
            value = _build(year, month, day, published)
            taken.add(m.start(), m.end())
            if value:
                out.append(StatedDate(m.start(), m.end(), value))
    ref = _parse_iso(published)
    if ref:
        for m in _RELATIVE.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            if m.group("yesterday") or m.group("yesterday_cjk"):
                d = ref - timedelta(days=1)
            elif m.group("today") or m.group("today_cjk"):
                d = ref
            elif m.group("weekday"):
                back = (ref.weekday() - _WEEKDAYS[m.group("weekday").casefold()]) % 7
                d = ref - timedelta(days=back)
            elif cjk := m.group("weekday_zh") or m.group("weekday_ja") or m.group("weekday_ko"):
                d = ref - timedelta(days=(ref.weekday() - _CJK_WEEKDAYS[cjk]) % 7)
            else:
                continue  # "last week" names no day: no date rather than a guessed one
            out.append(StatedDate(m.start(), m.end(), d.isoformat()))
    return tuple(sorted(out, key=lambda d: d.start))


def precision(value: str | None) -> int:
    """How exact a stated date is: 0 none, 1 a month, 2 a day."""
    return 0 if not value else (2 if len(value) == 10 else 1)


def _shift(dates, offset: int):
    return (StatedDate(d.start + offset, d.end + offset, d.value) for d in dates)


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def year_of(text: str) -> str | None:
    """The year a text without a date of its own is about: the one it states most often (the latest on a tie), so
    "12월 1일" resolves in that year; never used for relative words, which need the day."""
    counts: dict[str, int] = {}
    for m in _YEAR.finditer(text):
        counts[m.group(0)] = counts.get(m.group(0), 0) + 1
    return max(counts, key=lambda y: (counts[y], y)) if counts else None
