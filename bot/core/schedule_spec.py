"""When a schedule's runs fall: pure functions of (schedule, instant), in the schedule's IANA zone.

Every function takes the instant it reasons about, so tests drive them with any clock, and
returns aware UTC datetimes. DST choices (zoneinfo, PEP 495 fold=0):
- a local time that does not exist (the spring-forward gap, e.g. 01:30 on the last Sunday of
  March in Europe/London) is read with the offset in force before the change, so the run
  happens at the same UTC instant, which is 02:30 local: late by the gap, never skipped;
- a local time that happens twice (autumn fall-back) runs once, at its first occurrence.
A weekly schedule is one run a week and a daily one a run a day, whatever the offsets do.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from foundation.clock import aware, iso_week, zone

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_HHMM = re.compile(r"^([01]?\d|2[0-3])[:.h]?([0-5]\d)$")
DEFAULT_WEEKDAY = 0
DEFAULT_TIME = "09:00"


@dataclass(frozen=True)
class ScheduleSpec:
    """What `/digest schedule …` and `briefbot schedule add` describe."""

    cadence: str = "weekly"
    """weekly | daily"""
    weekday: int = DEFAULT_WEEKDAY
    """0 = Monday; ignored for daily."""
    time: str = DEFAULT_TIME
    """HH:MM, 24-hour, local to tz."""
    tz: str = "UTC"



def parse_time(text: str) -> str:
    match = _HHMM.match(text.strip().lower())
    if not match:
        raise ValueError(f"“{text}” is not a time of day; write it as HH:MM on a 24-hour clock, e.g. 09:00.")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def parse_weekday(text: str) -> int | None:
    """0-6 for a day name or a prefix of at least 2 letters (mon, tue, thurs); None otherwise."""
    word = text.strip().lower().rstrip(".")
    if len(word) < 2:
        return None
    for index, name in enumerate(WEEKDAYS):
        if name.startswith(word) or (word.endswith("s") and name.startswith(word[:-1]) and len(word) > 3):
            return index
    return None


def parse_spec(words: list[str] | tuple[str, ...], default_tz: str = "UTC") -> ScheduleSpec:
    """`mon 09:00 Europe/London`, `daily 07:30`, `friday`, or nothing (Monday 09:00): words in any order."""
    cadence, weekday, hhmm, tz = None, None, None, None
    for word in words:
        low = word.strip().lower()
        if not low:
            continue
        if low in ("daily", "everyday", "day"):
            cadence = _once(cadence, "daily", "the cadence")
        elif low == "weekly":
            cadence = _once(cadence, "weekly", "the cadence")
        elif parse_weekday(low) is not None:
            weekday = _once(weekday, parse_weekday(low), "the day")
        elif low[0].isdigit():
            hhmm = _once(hhmm, parse_time(low), "the time")
        elif "/" in word or low in ("utc", "gmt") or word[0].isupper():
            tz = _once(tz, "UTC" if low in ("utc", "gmt") else word.strip(), "the time zone")
            zone(tz)
        else:
            raise ValueError(f"I can't read “{word}”: expected a day (mon…sun or daily), a time (09:00) "
                             "or a time zone (Europe/London).")
    if cadence == "daily" and weekday is not None:
        raise ValueError("A daily schedule has no day of the week; give either `daily` or a day such as `mon`.")
    tz = tz or default_tz or "UTC"
    zone(tz)
    return ScheduleSpec(cadence=cadence or "weekly", weekday=DEFAULT_WEEKDAY if weekday is None else weekday,
                        time=hhmm or DEFAULT_TIME, tz=tz)


def _once(current, value, what: str):
    if current is not None and current != value:
        raise ValueError(f"{what.capitalize()} is given twice.")
    return value


def slot_on(day: date, hhmm: str, tz: str) -> datetime:
    """The UTC instant of HH:MM local on that local day (fold=0: see the module docstring)."""
    hour, minute = (int(x) for x in parse_time(hhmm).split(":"))
    local = datetime.combine(day, time(hour, minute), zone(tz))
    return local.astimezone(timezone.utc)


def _slots_around(spec, instant: datetime):
    """Candidate slots on the local days around `instant`, ascending."""
    local_day = aware(instant).astimezone(zone(spec.tz)).date()
    for offset in range(-8, 9):
        day = local_day + timedelta(days=offset)
        if spec.cadence == "daily" or day.weekday() == spec.weekday:
            yield slot_on(day, spec.time, spec.tz)


def next_run(spec, after: datetime) -> datetime:
    """The first run strictly after `after`."""
    after = aware(after)
    return next(s for s in _slots_around(spec, after) if s > after)


def last_run(spec, at: datetime) -> datetime:
    """The latest run at or before `at`."""
    at = aware(at)
    return [s for s in _slots_around(spec, at) if s <= at][-1]


def period_for(spec, slot: datetime) -> tuple[str, str]:
    """(period, week) of the run at `slot`: the period names the run in its idempotency key, the
    week is the ISO week the digest covers, both in the schedule's zone.

    Weekly: a Monday-Wednesday run reports the week that just ended, a Thursday-Sunday run the
    current week (most of it has happened); the period is that week, so one run per week.
    Daily: the period is the local date; the digest covers the week containing yesterday (a
    Monday digest is last week's complete one).
    """
    local_day = aware(slot).astimezone(zone(spec.tz)).date()
    if spec.cadence == "daily":
        return local_day.isoformat(), iso_week(local_day - timedelta(days=1))
    covered = local_day - timedelta(days=7) if local_day.weekday() <= 2 else local_day
    week = iso_week(covered)
    return week, week



def describe(spec) -> str:
    """'every Monday at 09:00 (Europe/London)'."""
    when = "every day" if spec.cadence == "daily" else f"every {WEEKDAYS[spec.weekday].capitalize()}"
    return f"{when} at {spec.time} ({spec.tz})"


def local_text(instant: datetime, tz: str) -> str:
    """'Mon 30 Mar 2026 09:00 BST' in the schedule's own zone."""
    local = aware(instant).astimezone(zone(tz))
    return f"{local:%a %d %b %Y %H:%M} {local.tzname()}"
