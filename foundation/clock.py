"""Time, in one place below every layer: UTC now, the one stored timestamp format, zones, ISO weeks, durations.

Rules. Every timestamp written to SQLite is `stamp(instant)`: UTC, seconds,
a trailing "Z" ("2026-01-27T09:00:00Z"), so stored values compare correctly as
text and a date ("2026-01-27") sorts before any instant of that day.
`parse_stamp` also reads the older "+00:00" form that earlier versions wrote.
Zones are IANA names; a bad one is a ValueError whose message is the fix.
ISO weeks are checked to be real and within years 1..9998, so "9999-W52"
is a clear answer, never an OverflowError.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)
_DURATION = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*")
MIN_YEAR, MAX_YEAR = 1970, 9998
"""Weeks and dates outside these years are refused: date arithmetic near year 9999 overflows."""


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def aware(instant: datetime) -> datetime:
    """A naive datetime is taken as UTC."""
    return instant if instant.tzinfo is not None else instant.replace(tzinfo=timezone.utc)


def stamp(instant: datetime) -> str:
    """The one stored timestamp format: UTC, whole seconds, trailing Z."""
    return aware(instant).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def now_stamp() -> str:
    return stamp(utc_now())


def parse_stamp(text: str) -> datetime:
    """A stored timestamp (either format, or a bare date) as an aware UTC datetime; ValueError otherwise."""
    value = (text or "").strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    return aware(datetime.fromisoformat(value)).astimezone(timezone.utc)


def zone(tz: str) -> ZoneInfo:
    """The IANA zone, or ValueError naming the bad value and the fix."""
    try:
        if not tz or tz.startswith(("/", ".")) or ".." in tz or "\x00" in tz:
            raise ValueError
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError):
        raise ValueError(f"“{str(tz)[:60]}” is not an IANA time zone; use a name such as Europe/London, "
                         "America/New_York or UTC.") from None


def iso_week(day: date) -> str:
    year, number, _ = day.isocalendar()
    return f"{year}-W{number:02d}"


def parse_week(week: str) -> tuple[int, int]:
    """'2026-W05' (also '2026w5') -> (2026, 5); ValueError when it is not a real ISO week in a usable year."""
    match = _WEEK.match((week or "").strip())
    if not match:
        raise ValueError(f"“{str(week)[:40]}” is not an ISO week; write it like 2026-W05.")
    year, number = int(match.group(1)), int(match.group(2))
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"{year} is outside the years briefbot covers ({MIN_YEAR}–{MAX_YEAR}).")
    try:
        date.fromisocalendar(year, number, 1)
    except ValueError:
        raise ValueError(f"{year} has no week {number}; ISO weeks run from W01 to W52 or W53.") from None
    return year, number


def week_monday(week: str) -> date:
    year, number = parse_week(week)
    return date.fromisocalendar(year, number, 1)


def parse_date(text: str) -> date:
    """A YYYY-MM-DD date within the covered years; ValueError with the fix otherwise."""
    try:
        day = date.fromisoformat((text or "").strip())
    except ValueError:
        raise ValueError(f"“{str(text)[:40]}” is not a date; write it like 2026-01-27.") from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValueError(f"{day.year} is outside the years briefbot covers ({MIN_YEAR}–{MAX_YEAR}).")
    return day


def days_before(day: date, days: int) -> date:
    """`day` minus `days`, clamped at the first covered day instead of overflowing."""
    floor = date(MIN_YEAR, 1, 1)
    return floor if days >= (day - floor).days else day - timedelta(days=days)


def parse_duration(text: str) -> float:
    """'10s', '2m', '1h', '250ms', '30' (seconds) -> seconds; ValueError with the fix otherwise."""
    match = _DURATION.fullmatch(text or "")
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f"{text!r} is not a duration; write e.g. 10s, 2m or 1h")
    return float(match.group(1)) * {"ms": 0.001, "s": 1, None: 1, "m": 60, "h": 3600}[match.group(2)]
